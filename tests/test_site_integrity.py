"""The built site holds together, wherever it is served.

- every internal link and #anchor of every page resolves, in every language;
- served under a sub-path (a GitHub project site, https://<owner>.github.io/<repo>/), every page,
  asset and link answers, and nothing is requested from another origin;
- no cookie, no analytics;
- the Content Security Policy lets the theme (and the search) work, and nothing else run: no
  inline script at all.
"""

from __future__ import annotations

import collections
import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jinja2
import material
import pytest
from playwright.sync_api import expect

from generator import csp
from generator.models import SITE_LANGUAGES
from generator.render import not_found_page

from conftest import REPO
from site_checks import (
    Watcher,
    broken_css_urls,
    broken_links,
    csp_directives,
    csp_hash,
    executable,
    page_url,
    parse_file,
    parse_html,
    serve_under_prefix,
    unexpected_scripts,
)

PREFIX = "/catalogue/"
FICHE = "port-exemple/atelier-emploi/"


def html_files(site: Path, lang: str | None = None) -> list[Path]:
    if lang is None:
        return sorted(site.glob("*.html"))
    return sorted((site / lang).rglob("*.html"))


def report(problems: dict[str, list[str]], limit: int = 40) -> str:
    lines = [f"{page}: {problem}" for page, found in problems.items() for problem in found]
    more = f"\n… and {len(lines) - limit} more" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


# --- links and anchors, from the files ---


@pytest.mark.parametrize("lang", [None, *SITE_LANGUAGES], ids=lambda lang: lang or "root")
def test_no_broken_internal_link_or_anchor(built_site, lang):
    pages = html_files(built_site, lang)
    assert pages
    problems = {}
    for page in pages:
        found = broken_links(built_site, page)
        if found:
            problems[str(page.relative_to(built_site))] = found
    assert not problems, report(problems)


def test_stylesheets_only_point_to_files_of_the_site(built_site):
    problems = {}
    for sheet in sorted(built_site.rglob("*.css")):
        found = broken_css_urls(built_site, sheet)
        if found:
            problems[str(sheet.relative_to(built_site))] = found
    assert not problems, report(problems)


def test_a_404_page_in_every_language_and_at_the_root(built_site):
    for lang in SITE_LANGUAGES:
        page = built_site / lang / "404.html"
        assert page.is_file(), lang
        # Served at <lang>/404.html: relative links, like every other page of the language.
        absolute = [value for _, _, value in parse_file(page).urls if value.startswith("/")]
        assert absolute == [], (lang, absolute)
        # A lost reader still finds home, « Mes fiches » and search, and the page describes itself.
        html = page.read_text(encoding="utf-8")
        assert 'href="mes-fiches/"' in html and 'href="recherche/"' in html and 'href="./"' in html, lang
        assert '<meta name="description" content="' in html, lang
    # Served for a missing page at any depth: absolute links, under the base path of the build.
    root = parse_file(built_site / "404.html")
    links = sorted(value for tag, _, value in root.urls if tag == "a")
    base = links[0][: links[0].rindex("/", 0, -1) + 1]
    assert base.startswith("/") and links == sorted(f"{base}{lang}/" for lang in SITE_LANGUAGES), links
    assert not root.scripts and not root.handlers


# --- served under a sub-path ---


@pytest.fixture(scope="module")
def subpath_url(built_site, tmp_path_factory):
    """The built site under /catalogue/, with the root 404 page a build for that base path writes."""
    not_found = tmp_path_factory.mktemp("subpath") / "404.html"
    not_found.write_text(not_found_page(PREFIX, list(SITE_LANGUAGES)), encoding="utf-8")
    with serve_under_prefix(built_site, PREFIX, not_found=not_found) as url:
        yield url


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def test_every_page_asset_and_link_answers_under_a_sub_path(built_site, subpath_url):
    """Every page of the site (some, like the completeness reports, are linked from nowhere on
    purpose), then every link and asset they point to, fetched under /catalogue/."""
    origin = subpath_url[: -len(PREFIX)]
    built_pages = sorted(built_site.rglob("*.html"))
    frontier = [subpath_url + page_url(built_site, page).lstrip("/") for page in built_pages]
    frontier.remove(subpath_url + "404.html")  # built for the root; the server answers 404 with its own
    seen = set(frontier)
    failures = collections.defaultdict(list)  # url → pages linking to it
    outside = collections.defaultdict(list)
    pages = 0
    with ThreadPoolExecutor(max_workers=8) as pool:
        while frontier:
            results = list(pool.map(fetch, frontier))
            next_frontier = []
            for url, (status, kind, body) in zip(frontier, results):
                if status != 200:
                    failures[url].append(status)
                    continue
                if kind != "text/html":
                    continue
                pages += 1
                for tag, attribute, value in parse_html(body.decode("utf-8")).urls:
                    if value.lower().startswith(("mailto:", "tel:", "geo:", "sms:")):
                        continue
                    target = urllib.parse.urldefrag(urllib.parse.urljoin(url, value)).url
                    if not target.startswith(origin):
                        continue  # another site, on purpose (OpenStreetMap, a structure's site)
                    if not target.startswith(subpath_url):
                        outside[target].append(url)
                        continue
                    if target not in seen:
                        seen.add(target)
                        next_frontier.append(target)
            frontier = next_frontier
    assert not outside, f"links leaving {PREFIX}: " + report({k: v[:3] for k, v in outside.items()})
    assert not failures, report({k: [str(s) for s in v] for k, v in failures.items()})
    assert pages >= len(built_pages) - 1


def sample_paths(lang: str) -> list[str]:
    paths = [f"{lang}/", f"{lang}/port-exemple/", f"{lang}/{FICHE}", f"{lang}/port-exemple/themes/travail/", f"{lang}/404.html"]
    return paths + ([""] if lang == "fr" else [])


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_sample_pages_in_chromium_under_a_sub_path(chromium, subpath_url, lang):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    watcher = Watcher(page)
    problems = {}
    for path in sample_paths(lang):
        response = page.goto(subpath_url + path)
        # Wait until the network is quiet on the fiche, so a late request would be seen too.
        page.wait_for_load_state("networkidle" if path.endswith(FICHE) else "load")
        issues = []
        if response.status != 200:
            issues.append(f"status {response.status}")
        issues += [f"{status} {url}" for status, url in watcher.failed]
        issues += [f"other origin: {url}" for url in watcher.foreign]
        issues += [f"console: {text}" for text in watcher.errors]
        issues += [f"CSP: {v}" for v in page.evaluate("window.__csp")]
        if page.evaluate("document.cookie"):
            issues.append("cookie: " + page.evaluate("document.cookie"))
        if issues:
            problems[path or "(root)"] = issues
        watcher.failed.clear(), watcher.foreign.clear(), watcher.errors.clear()
    assert context.cookies() == []
    context.close()
    assert not problems, report(problems)


def test_search_results_point_under_the_sub_path(chromium, subpath_url):
    """Pagefind computes its result URLs from the page's address: they must keep the sub-path."""
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    watcher = Watcher(page)
    page.goto(subpath_url + "fr/port-exemple/")
    page.fill("#catalogue-q", "entretien")
    page.click("form.catalogue-search button")
    page.wait_for_selector(".catalogue-search__list a", timeout=10_000)
    links = page.locator(".catalogue-search__list a").evaluate_all("links => links.map(a => a.href)")
    assert links and all(link.startswith(subpath_url + "fr/") for link in links), links
    for link in links:
        assert fetch(link)[0] == 200, link
    assert watcher.failed == [] and watcher.foreign == [] and watcher.errors == []
    context.close()


@pytest.mark.parametrize("missing", ["nope", "fr/port-exemple/nope/deeper/", "ar/nope.html"])
def test_root_404_works_at_any_depth_under_a_sub_path(chromium, subpath_url, missing):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    watcher = Watcher(page)
    response = page.goto(subpath_url + missing)
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert watcher.failed == [(404, subpath_url + missing)], watcher.failed
    assert watcher.foreign == [] and watcher.errors == []
    # Its stylesheet loaded: the language links are styled as large buttons.
    assert page.locator(".languages a").first.evaluate("a => getComputedStyle(a).display") == "block"
    assert page.locator(".languages a").count() == len(SITE_LANGUAGES)
    page.locator(".languages a[hreflang='ar']").click()
    page.wait_for_url(subpath_url + "ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    context.close()


# --- privacy ---

# Trackers and analytics services, and the ways a page sets cookies.
TRACKERS = (
    "google-analytics", "googletagmanager", "gtag(", "matomo", "piwik", "plausible", "umami", "hotjar",
    "fbq(", "facebook.net", "doubleclick", "clarity.ms", "segment.io", "mixpanel", "__md_analytics",
    "document.cookie", "set-cookie", "cookiestore",
)


def test_no_cookie_and_no_analytics_in_the_output(built_site):
    found = []
    for path in sorted(built_site.rglob("*")):
        if path.suffix not in {".html", ".js", ".css", ".json", ".xml"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        found += [f"{path.relative_to(built_site)}: {marker}" for marker in TRACKERS if marker in text]
    assert not found, "\n".join(found[:20])


# --- Content Security Policy ---

@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_every_theme_page_has_a_strict_csp_that_allows_its_own_inline_scripts_only(built_site, lang):
    problems = {}
    for path in html_files(built_site, lang):
        page = parse_file(path)
        issues = []
        if len(page.csp) != 1:
            issues.append(f"{len(page.csp)} CSP meta elements")
        else:
            policy = csp_directives(page.csp[0])
            script_src = policy.get("script-src", [])
            for directive, expected in [
                ("default-src", ["'self'"]),
                ("object-src", ["'none'"]),
                ("base-uri", ["'self'"]),
                ("style-src", ["'self'"]),
            ]:
                if policy.get(directive) != expected:
                    issues.append(f"{directive} is {policy.get(directive)}")
            # The search form works without JavaScript: 'self', never another site.
            if policy.get("form-action") not in (["'none'"], ["'self'"]):
                issues.append(f"form-action is {policy.get('form-action')}")
            for source in script_src:
                if source not in ("'self'", "'wasm-unsafe-eval'") and not source.startswith("'sha256-"):
                    issues.append(f"script-src allows {source}")
            for directive, sources in policy.items():
                if any(re.match(r"^(https?:|\*|//|data:$|blob:)", s) for s in sources) and directive != "img-src":
                    issues.append(f"{directive} allows another origin: {sources}")
            issues += unexpected_scripts(page, script_src)
        if issues:
            problems[str(path.relative_to(built_site))] = issues
    assert not problems, report(problems)


def test_the_theme_leaves_out_materials_inline_scripts():
    """Material writes two inline scripts, for its JavaScript bundle only, which the catalogue does
    not load: theme/partials/javascripts/ replaces their partials with empty ones, so the policy
    allows no inline script. A Material upgrade that moves them would show here."""
    material_partials = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(REPO / "theme")))
    for name in ("base.html", "content.html"):
        assert "<script>" in (material_partials / name).read_text(encoding="utf-8"), name
        assert env.get_template(f"partials/javascripts/{name}").render().strip() == "", name
    assert "'sha256-" not in csp.THEME_PAGES and "'unsafe-inline'" not in csp.THEME_PAGES


def test_language_picker_and_root_404_keep_their_strict_csp(built_site):
    for name in ("index.html", "404.html"):
        page = parse_file(built_site / name)
        assert len(page.csp) == 1, name
        policy = csp_directives(page.csp[0])
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], name
        assert policy["form-action"] == ["'none'"], name
        assert "'unsafe-inline'" not in policy.get("script-src", []), name
        assert all(not executable(s) or "src" in s.attrs for s in page.scripts), name


def test_csp_lets_the_theme_and_the_search_work_on_a_fiche(chromium, site_url):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    watcher = Watcher(page)
    page.goto(f"{site_url}/fr/{FICHE}")
    page.wait_for_load_state("networkidle")
    # Only the site's own scripts load: Material's bundle is left out (theme/main.html).
    scripts = page.locator("script[src]").evaluate_all("scripts => scripts.map(s => s.getAttribute('src'))")
    assert [src.rsplit("/", 1)[-1] for src in scripts] == ["search.js", "fiche.js"], scripts
    # The drawer opens without it: a checkbox and its label.
    page.locator("label.md-header__button[for='__drawer']").click()
    assert page.locator("#__drawer").is_checked()
    # The drawer slides in: wait until it is on the screen rather than for a fixed time.
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    page.keyboard.press("Escape")
    page.locator("#__drawer").evaluate("input => { input.checked = false; }")
    # The search (Pagefind, WebAssembly) runs under the policy.
    page.fill("#catalogue-q", "entretien")
    page.click("form.catalogue-search button")
    page.wait_for_selector(".catalogue-search__list a", timeout=10_000)
    assert page.evaluate("window.__csp") == []
    assert [text for text in watcher.errors if "Content Security Policy" in text or "Content-Security-Policy" in text] == []
    assert watcher.errors == [] and watcher.failed == [] and watcher.foreign == []
    context.close()


def test_search_form_opens_the_search_page_without_javascript_under_the_csp(chromium, site_url):
    """form-action is 'self', not 'none': without JavaScript, the search form is a plain GET form."""
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{site_url}/fr/{FICHE}")
    page.fill("#catalogue-q", "logement")
    page.click("form.catalogue-search button")
    page.wait_for_url("**/fr/recherche/?q=logement*")
    # The search page: the actions by territory and theme.
    assert page.locator("a.chip").count() > 0
    context.close()
