"""The pipeline on the fixture catalogue: the site tree, languages, statuses, size and safety of publishing;
and one smoke test that the shipped content builds."""

from __future__ import annotations

import html as html_lib
import re
import shutil
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.load import load_catalogue
from generator.models import SITE_LANGUAGES
from generator.pipeline import run_pipeline
from generator.publish import publish, staging_dir

from conftest import BUILD_EPOCH, CATALOGUE, SHIPPED_CONTENT, TEST_SITE_URL, tree_digest

HTML_LANG = {"fr": "fr", "en": "en", "ar": "ar", "fa": "fa-AF", "ps": "ps", "ti": "ti", "ru": "ru", "uk": "uk"}
RTL = {"ar", "fa", "ps"}


def html_of(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


def test_site_tree_has_every_page_in_every_language(built_site):
    catalogue = load_catalogue(CATALOGUE)
    assert (built_site / "index.html").is_file()
    for lang in SITE_LANGUAGES:
        assert (built_site / lang / "index.html").is_file()
        assert (built_site / lang / "404.html").is_file()
        for territory in catalogue.territories.values():
            assert (built_site / lang / territory.slug / "index.html").is_file()
            for action in territory.actions:
                assert (built_site / lang / territory.slug / action / "index.html").is_file(), (lang, action)


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_every_page_has_its_language_and_direction(built_site, lang):
    expected_dir = "rtl" if lang in RTL else "ltr"
    pages = list((built_site / lang).rglob("index.html"))
    assert pages
    for page in pages:
        head = page.read_text(encoding="utf-8")[:3000]
        assert f'<html lang="{HTML_LANG[lang]}"' in head, page
        assert f'dir="{expected_dir}"' in head, page


def test_root_lets_a_person_pick_a_language_in_its_own_script(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    for code, name in [("ar", "العربية"), ("ti", "ትግርኛ"), ("uk", "Українська"), ("fa", "دری"), ("ps", "پښتو")]:
        assert re.search(rf'href="{code}/"[^>]*>{name}</a>', html), code
    assert "http-equiv=\"refresh\"" not in html and "location" not in html


def test_every_french_fiche_shows_the_four_sections_in_order(built_site):
    catalogue = load_catalogue(CATALOGUE)
    for action in catalogue.actions():
        html = html_lib.unescape(html_of(built_site, "fr", action.territory, action.slug))
        positions = [html.index(f'id="{anchor}"') for anchor in ("pour-qui", "quoi", "ou", "orientation")]
        assert positions == sorted(positions), action.slug
        for heading in ("C'est pour qui ?", "C'est quoi ?", "C'est où ?", "Comment être orienté ?"):
            assert f">{heading}</h2>" in html, (action.slug, heading)


def test_ended_action_says_so_and_points_to_the_coordinator(built_site):
    # The workshop ran in 2023-2024; the fixture is built on 2025-06-01.
    html = html_of(built_site, "fr", "port-exemple", "atelier-emploi")
    assert "status--ended" in html
    assert "Cette action est terminée." in html
    assert "CCAS de Port-Exemple" in html


def test_running_and_upcoming_actions_are_not_called_ended(built_site):
    assert "status--ended" not in html_of(built_site, "fr", "port-exemple", "cours-francais")
    assert "status--ended" not in html_of(built_site, "fr", "port-exemple", "permanence-logement")


def test_territory_lists_ended_actions_in_their_own_section(built_site):
    html = html_of(built_site, "fr", "port-exemple")
    ended_section = html[html.index('id="pour-vous-terminees"'):]
    assert "atelier-emploi/" in ended_section
    current = html[: html.index('id="pour-vous-terminees"')].split('id="pour-vous"')[1]
    assert "atelier-emploi/" not in current
    assert "cours-francais/" in current


def test_navigation_does_not_list_every_fiche(built_site):
    html = html_of(built_site, "fr", "port-exemple", "atelier-emploi")
    nav = html[html.index('class="md-nav md-nav--primary"'): html.index("</nav>", html.index('class="md-nav md-nav--primary"'))]
    assert "atelier-emploi" not in nav


def test_theme_parts_made_once_per_depth_fit_every_page(built_site):
    """The menu and the footer are rendered once per depth (theme/main.html): on every page, at
    every depth, the menu must still point to this language's folder, and the stylesheet and
    scripts to the theme's files."""
    language_root = (built_site / "fr").resolve()
    pages = sorted((built_site / "fr").rglob("*.html"))
    assert any(page.name == "404.html" for page in pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assets = re.findall(r'<(?:link rel="stylesheet"|script)[^>]* (?:href|src)="([^"]+)"', html)
        assert len(assets) == 3, page  # the theme's one stylesheet, search.js and fiche.js
        for asset in assets:
            assert (page.parent / asset).is_file(), (page, asset)
        home = re.search(r'<a href="([^"]+)" class="md-nav__link', html).group(1)
        assert (page.parent / home).resolve() == language_root, page
        current_entry = "md-nav__link--active" in html
        assert current_entry == (page == built_site / "fr" / "index.html"), page


def test_fiche_pages_stay_under_40_kb(built_site):
    sizes = {page: page.stat().st_size for page in built_site.glob("*/*/*/index.html")}
    assert sizes
    biggest = max(sizes, key=sizes.get)
    assert sizes[biggest] <= 40_000, biggest


def test_no_font_or_script_from_another_origin(built_site):
    for page in list(built_site.glob("*/index.html")) + list(built_site.glob("*/*/*/index.html")):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', html), page


def test_two_builds_are_identical(built_site, tmp_path, monkeypatch):
    monkeypatch.setenv("CATALOGUE_SITE_URL", TEST_SITE_URL)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    again = tmp_path / "site"
    run_pipeline(CATALOGUE, again, list(SITE_LANGUAGES), progress=False)
    assert tree_digest(again) == tree_digest(built_site)


def test_failed_build_leaves_previous_site_untouched(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    out = tmp_path / "site"
    run_pipeline(content, out, ["fr"], progress=False)
    before = tree_digest(out)
    broken = content / "port-exemple" / "actions" / "cours-francais.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("themes:", "themes: [pas-un-theme]\nx_themes:", 1), encoding="utf-8")
    with pytest.raises(ContentErrors):
        run_pipeline(content, out, ["fr"], progress=False)
    assert tree_digest(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")], "staging folder left behind"


def test_publishing_replaces_the_whole_previous_site(tmp_path):
    out = tmp_path / "site"
    for stale in ("fr/port-exemple/gone/index.html", "data/old.csv", "old.html"):
        (out / stale).parent.mkdir(parents=True, exist_ok=True)
        (out / stale).write_text("old", encoding="utf-8")
    leftover = tmp_path / ".site-previous" / "fr" / "index.html"  # from a build interrupted mid-swap
    leftover.parent.mkdir(parents=True)
    leftover.write_text("older", encoding="utf-8")
    staging = staging_dir(out)
    (staging / "fr").mkdir()
    (staging / "fr" / "index.html").write_text("new", encoding="utf-8")
    publish(staging, out)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [".catalogue-site", "fr/index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_build_of_some_languages_links_only_to_them(tmp_path, monkeypatch):
    """`catalogue build --lang fr --lang ar`: no language switcher, picker or QR code page may
    send a reader to a language that was not built."""
    from site_checks import broken_links

    monkeypatch.setenv("CATALOGUE_SITE_URL", TEST_SITE_URL)
    out = tmp_path / "site"
    run_pipeline(CATALOGUE, out, ["fr", "ar"], progress=False)
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["admin", "ar", "assets", "data", "f", "fr"]
    pages = [out / "index.html", out / "404.html", *out.glob("f/*/*/index.html"), *(out / "fr" / "port-exemple").rglob("index.html")]
    problems = {page: broken_links(out, page) for page in pages}
    assert {page: found for page, found in problems.items() if found} == {}
    assert 'hreflang="ar"' in html_of(out, "fr", "port-exemple", "atelier-emploi")


def test_the_shipped_content_builds(tmp_path):
    """The one test that reads the real content/: it must build. What it says is for
    `catalogue validate` to check, never for a test."""
    summary = run_pipeline(SHIPPED_CONTENT, tmp_path / "site", list(SITE_LANGUAGES), progress=False)
    assert summary.pages > 0


def test_two_builds_in_one_process_each_get_their_own_date(tmp_path, monkeypatch):
    """`catalogue serve` and the tests build again and again in one process: a build's date must
    not leak into the next one."""
    import datetime as dt
    import os

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    fiche = ("fr", "port-exemple", "cours-francais", "index.html")  # runs until 2026-06-30
    statuses = []
    for day in ("2026-06-30", "2026-07-01"):
        epoch = int(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), dt.timezone.utc).timestamp())
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        summary = run_pipeline(CATALOGUE, tmp_path / day, ["fr"], progress=False)
        assert summary.build_date.isoformat() == day
        statuses.append(re.search(r'class="status status--(\w+)"', (tmp_path / day).joinpath(*fiche).read_text(encoding="utf-8")).group(1))
    assert statuses == ["running", "ended"]
    # Without SOURCE_DATE_EPOCH the build is for today, never for a date the content holds,
    # and the build leaves the environment as it found it.
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    summary = run_pipeline(CATALOGUE, tmp_path / "today", ["fr"], progress=False)
    assert summary.build_date == dt.datetime.now(dt.timezone.utc).date()
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_theme_files_are_published_once_for_every_language(built_site):
    """Material's and our CSS, scripts and icons are at the site's root, once: a reader who
    switches language does not download them again. Links stay relative (any base path)."""
    assert not any((built_site / code / "assets").exists() for code in SITE_LANGUAGES)
    shared = (built_site / "assets").resolve()
    for code in SITE_LANGUAGES:
        for page in (built_site / code / "index.html", built_site / code / "port-exemple" / "atelier-emploi" / "index.html"):
            html = page.read_text(encoding="utf-8")
            links = re.findall(r'(?:href|src)="((?:\.\.?/)*assets/[^"]+)"', html)
            assert links, page
            for link in links:
                assert not link.startswith("/")
                target = (page.parent / link.split("#")[0]).resolve()  # an icon's symbol in the sprite
                assert target.is_file() and shared in target.parents, (page, link)
