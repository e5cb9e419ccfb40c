"""Shared fixtures: real builds of a small fictional catalogue (tests/fixtures/catalogue), made once per test session."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from generator.pipeline import run_pipeline
from generator.models import SITE_LANGUAGES

REPO = Path(__file__).resolve().parent.parent
# The real content is built by one smoke test only (test_build.py); every other test uses fixtures.
SHIPPED_CONTENT = REPO / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CATALOGUE = FIXTURES / "catalogue"

# The day the fixture catalogue is built for: its actions are then ended, running and upcoming.
BUILD_DATE = dt.date(2025, 6, 1)
BUILD_EPOCH = str(int(dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc).timestamp()))


# Where the test site would be published: QR codes and shared links carry it.
TEST_SITE_URL = "https://catalogue.test/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The fixture catalogue, built in all languages."""
    out = tmp_path_factory.mktemp("build") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CATALOGUE_SITE_URL", TEST_SITE_URL)
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        run_pipeline(CATALOGUE, out, list(SITE_LANGUAGES), progress=False)
    return out


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session")
def site_url(built_site):
    from browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS

    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: apt-get install chromium (bash .ci/run does it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(chromium):
    from browser import PHONE

    context = chromium.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def pytest_collection_modifyitems(items):
    """Browser tests are kept apart by a marker: `pytest -m "not browser"` runs the rest in seconds."""
    for item in items:
        if "chromium" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
