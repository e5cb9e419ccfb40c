"""What a person sees on a phone, in Chromium: home → territory → fiche, and accessibility."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.i18n import translations_for
from generator.load import load_catalogue

from conftest import CATALOGUE

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


@pytest.mark.parametrize("path", ["fr/", "fr/port-exemple/", "fr/port-exemple/atelier-emploi/", "ar/port-exemple/atelier-emploi/"])
def test_no_wcag_a_or_aa_violation_at_320_px(chromium, site_url, path):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    results = Axe().run(page, options=WCAG_AA)
    violations = [(v["id"], v["help"], len(v["nodes"])) for v in results.response["violations"]]
    context.close()
    assert violations == []
