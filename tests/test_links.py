"""Relative links between pages: `generator.routes.relative`, used for every internal link."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from generator.routes import relative

PAGES = ["", "metz/", "metz/atelier/", "metz/themes/francais/", "f/metz/atelier/", "recherche/", "lyon/"]
TARGETS = PAGES + ["../en/metz/atelier/", "../fr/", "metz/atelier/../"]


@pytest.mark.parametrize("from_page,to_page", list(itertools.product(PAGES, TARGETS)))
def test_relative_link_matches_the_file_system_path(from_page, to_page):
    expected = posixpath.relpath(to_page or ".", from_page or ".")
    assert relative(from_page, to_page) == ("./" if expected == "." else f"{expected}/")


def test_relative_link_examples():
    assert relative("metz/atelier/", "metz/") == "../"
    assert relative("metz/", "metz/") == "./"
    assert relative("", "lyon/") == "lyon/"
    assert relative("f/metz/atelier/", "fr/metz/atelier/") == "../../../fr/metz/atelier/"
