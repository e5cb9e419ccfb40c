"""Relative links between pages: `generator.localize.relative`, used for every internal link."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from generator.localize import relative

PAGES = ["", "port-exemple/", "port-exemple/atelier/", "port-exemple/themes/francais/", "f/port-exemple/atelier/", "recherche/", "val-exemple/"]
TARGETS = PAGES + ["../en/port-exemple/atelier/", "../fr/", "port-exemple/atelier/../"]


@pytest.mark.parametrize("from_page,to_page", list(itertools.product(PAGES, TARGETS)))
def test_relative_link_matches_the_file_system_path(from_page, to_page):
    expected = posixpath.relpath(to_page or ".", from_page or ".")
    assert relative(from_page, to_page) == ("./" if expected == "." else f"{expected}/")


def test_relative_link_examples():
    assert relative("port-exemple/atelier/", "port-exemple/") == "../"
    assert relative("port-exemple/", "port-exemple/") == "./"
    assert relative("", "val-exemple/") == "val-exemple/"
    assert relative("f/port-exemple/atelier/", "fr/port-exemple/atelier/") == "../../../fr/port-exemple/atelier/"
