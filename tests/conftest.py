"""Shared fixtures: real builds of real content, made once per test session."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.pipeline import run_pipeline
from generator.models import SITE_LANGUAGES

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped content, built in all languages."""
    out = tmp_path_factory.mktemp("build") / "site"
    run_pipeline(CONTENT, out, list(SITE_LANGUAGES), progress=False)
    return out


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
