"""What a person sees on a phone, in Chromium: home → territory → fiche, and accessibility (axe-core,
and tap targets) in every phone language at both screens."""

from __future__ import annotations

import urllib.parse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from generator.i18n import translations_for
from generator.load import load_catalogue

from browser import MATRIX_LANGUAGES, SCREENS, phone_page
from conftest import CATALOGUE
from test_phone_matrix import MENU_OPEN
from test_search import title_word

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def walk_to_fiche(page, site_url: str, lang: str):
    _ = translations_for(lang).gettext
    page.goto(f"{site_url}/{lang}/")
    page.locator("a.territory-card", has_text="Port-Exemple").click()
    page.wait_for_url(f"**/{lang}/port-exemple/")
    assert page.locator("h1").inner_text() == "Port-Exemple"
    # The "Pour vous" section lists the actions a newcomer can join; then the ended ones, folded.
    assert page.locator("#pour-vous").is_visible()
    page.locator("#pour-vous-terminees > summary").click()
    page.locator("a.action-card__link[href='atelier-emploi/']").click()
    page.wait_for_url(f"**/{lang}/port-exemple/atelier-emploi/")
    for anchor, heading in [
        ("pour-qui", "C'est pour qui ?"),
        ("quoi", "C'est quoi ?"),
        ("ou", "C'est où ?"),
        ("orientation", "Comment être orienté ?"),
    ]:
        assert page.locator(f"h2#{anchor}").inner_text().strip() == _(heading)
    return _


def test_walk_home_territory_fiche_in_french(phone, site_url):
    _ = walk_to_fiche(phone, site_url, "fr")
    assert phone.locator("h1").inner_text() == "Préparer un entretien d'embauche"
    assert phone.locator(".notice--ended").is_visible()
    assert "terminée" in phone.locator(".notice--ended").inner_text()
    # The page fits the phone: nothing wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_walk_home_territory_fiche_in_arabic(phone, site_url):
    _ = walk_to_fiche(phone, site_url, "ar")
    assert phone.locator("html").get_attribute("lang") == "ar"
    assert phone.locator("body").get_attribute("dir") == "rtl"
    # Text that is not translated yet stays French, marked as such for screen readers.
    for block in phone.locator("[lang='fr']").all()[:5]:
        assert block.get_attribute("dir") == "ltr"
    assert phone.locator(".notice--ended").inner_text().startswith(_("Cette action est terminée."))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_fiche_is_reached_in_two_taps_without_javascript(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{site_url}/fr/")
    page.locator("a.territory-card", has_text="Port-Exemple").click()
    page.wait_for_url("**/fr/port-exemple/")
    links = page.locator("a.action-card__link")
    hrefs = {link.get_attribute("href") for link in links.all()}
    assert hrefs == {f"{slug}/" for slug in load_catalogue(CATALOGUE).territories["port-exemple"].actions}
    links.first.click()
    page.wait_for_url("**/fr/port-exemple/*/")
    assert page.locator("h2#quoi").is_visible()
    context.close()


# Where axe looks in every phone language, at both screens: home, territory (its folded history
# opened, to be checked too) and fiche.
AXE_PAGES = {"home": "", "territory": "port-exemple/", "fiche": "port-exemple/atelier-emploi/"}

# Links that may wrap onto two lines: a 44 px target, with a normal line height so that a wrapped
# link does not look like two (catalogue.css).
TAP_TARGETS = """() => [...document.querySelectorAll(
    '.contact, .report a, .coordinator-contact__address a, .place__map a, .share__link, .related a, .history > summary')]
  .filter((node) => node.getClientRects().length)
  .map((node) => ({text: node.textContent.trim(), height: node.getBoundingClientRect().height,
                   lineHeight: parseFloat(getComputedStyle(node).lineHeight)}))
  .filter((target) => target.height < 43.5 || target.lineHeight > 30)"""


def axe_violations(page, where: str) -> list[tuple]:
    results = Axe().run(page, options=WCAG_AA)
    return [(where, v["id"], v["help"], [node["html"][:80] for node in v["nodes"][:3]]) for v in results.response["violations"]]


@pytest.mark.parametrize("lang", MATRIX_LANGUAGES)
def test_no_wcag_a_or_aa_violation_on_phone_screens(chromium, site_url, lang):
    """axe-core on AXE_PAGES at 320 and 360 px; at 320 px also the search page with its results on
    screen, and a page with the language menu open. One page of one browser, reused."""
    violations, small_targets = [], []
    with phone_page(chromium) as page:
        for screen in SCREENS:
            page.set_viewport_size(screen)
            for name, path in AXE_PAGES.items():
                where = f"{lang} {screen['width']} px {name}"
                page.goto(f"{site_url}/{lang}/{path}")
                for summary in page.locator("details.history > summary").all():
                    summary.click()
                violations += axe_violations(page, where)
                small_targets += [(where, target) for target in page.evaluate(TAP_TARGETS)]
        page.set_viewport_size(SCREENS[0])
        page.goto(f"{site_url}/{lang}/recherche/?q={urllib.parse.quote(title_word(lang))}")
        expect(page.locator(".catalogue-search__results")).to_have_attribute("aria-busy", "false", timeout=30_000)
        expect(page.locator(".catalogue-search__list a").first).to_be_visible()
        violations += axe_violations(page, f"{lang} search results")
        page.locator(".md-header__option .md-select > button").click()
        page.wait_for_function(MENU_OPEN)
        violations += axe_violations(page, f"{lang} language menu open")
    assert violations == []
    assert small_targets == []
