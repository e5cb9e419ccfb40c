"""Static site generator for the public catalogues of CTAI integration actions."""
