"""The Content Security Policy of every page, written here only.

Scripts, styles, images and requests come from the site itself, so nothing from the content could
run even if it slipped past escaping. No page has an inline script: the theme leaves out
Material's (theme/partials/javascripts/), which only served Material's JavaScript bundle, itself
not loaded (theme/main.html). 'wasm-unsafe-eval' lets Pagefind (the search) compile its
WebAssembly; form-action 'self' lets the search form open the search page when JavaScript is off.
"""

from __future__ import annotations


def _policy(scripts: str, *, theme: bool) -> str:
    directives = [("default-src", "'self'"), ("script-src", scripts), ("style-src", "'self'"), ("img-src", "'self' data:")]
    if theme:  # fonts (none yet: system fonts), Pagefind's index requests and its worker
        directives += [("font-src", "'self'"), ("connect-src", "'self'"), ("worker-src", "'self'")]
    directives += [("object-src", "'none'"), ("base-uri", "'self'"), ("form-action", "'self'" if theme else "'none'")]
    return "; ".join(f"{name} {value}" for name, value in directives)


# The language picker and the fiches' language choice: their own script file only.
ROOT_PAGES = _policy("'self'", theme=False)
# The root 404 page: no script at all.
NOT_FOUND_PAGE = _policy("'none'", theme=False)
# Every page of the theme (theme/main.html), at any depth: the site's script files and Pagefind.
THEME_PAGES = _policy("'self' 'wasm-unsafe-eval'", theme=True)
# The web editor at /admin/: its script from this site only, and GitHub's API (the repository it
# reads and commits to). No other origin: no font, analytics or CDN. Sveltia injects its styles,
# hence 'unsafe-inline' for styles only; blob: and data: are its previews, and its built-in logo
# (a data: URL), which it reads to make its app icons.
EDITOR_PAGE = "; ".join((
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
    "font-src 'self'", "connect-src 'self' data: https://api.github.com", "media-src 'self' blob:",
    "worker-src 'self' blob:", "frame-src 'self' blob:", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
))

