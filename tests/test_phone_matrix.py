"""On a phone, in Chromium, at 320 and 360 px, in French and six languages of the newcomers (three
of them right to left): home, territory, fiche, a theme's list and the search page fit the
screen, the language menu opens inside it with all eight languages in view (or visibly
scrollable), « Mes fiches » is one tap away, and the fiche's bilingual print button names the
page's language.

One browser context per language; the widths and pages are walked inside it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from generator.i18n import translations_for
from generator.languages import LANGUAGES
from generator.models import SITE_LANGUAGES

from browser import MATRIX_LANGUAGES, SCREENS

PAGES = {
    "home": "",
    "territory": "port-exemple/",
    "fiche": "port-exemple/atelier-emploi/",
    "theme": "port-exemple/themes/logement/",
    "search": "recherche/",
}

# Where the opened language menu lies, and each of its languages, in CSS pixels of the viewport.
MENU_GEOMETRY = """() => {
  const inner = document.querySelector('.md-header__option .md-select__inner');
  const list = inner.querySelector('.md-select__list');
  const box = (node) => { const r = node.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  return {
    menu: box(inner),
    list: box(list),
    scrollable: list.scrollHeight > list.clientHeight + 1,
    links: [...list.querySelectorAll('a.md-select__link')].map(box),
  };
}"""

# The menu is open once its opening transition has ended: fully opaque, at its final place.
MENU_OPEN = """() => {
  const inner = document.querySelector('.md-header__option .md-select__inner');
  return getComputedStyle(inner).opacity === '1' && inner.getBoundingClientRect().height > 0
    && inner.getAnimations({subtree: true}).length === 0;
}"""


def fits_sideways(page, screen: dict) -> bool:
    # The screen's width, not innerWidth: on a phone the layout viewport widens to what overflows.
    return page.evaluate("document.scrollingElement.scrollWidth") <= screen["width"]


def inside(box: dict, area: dict) -> bool:
    return box["left"] >= area["left"] - 0.5 and box["right"] <= area["right"] + 0.5 and box["top"] >= area["top"] - 0.5 and box["bottom"] <= area["bottom"] + 0.5


def check_language_menu(page, screen: dict, where: str) -> None:
    page.locator(".md-header__option .md-select > button").click()
    page.wait_for_function(MENU_OPEN)
    geometry = page.evaluate(MENU_GEOMETRY)
    area = {"left": 0, "top": 0, "right": screen["width"], "bottom": screen["height"]}
    assert inside(geometry["menu"], area), (where, geometry["menu"], area)
    links = geometry["links"]
    assert len(links) == len(SITE_LANGUAGES), where
    in_view = [link for link in links if inside(link, geometry["list"]) and inside(link, area)]
    # All eight in view; else the list scrolls and shows that it does, with a language cut at its edge.
    if len(in_view) < len(links):
        cut = [link for link in links if link["top"] < geometry["list"]["bottom"] < link["bottom"]]
        assert geometry["scrollable"] and cut, (where, len(in_view), geometry)
    assert fits_sideways(page, screen), where


@pytest.mark.parametrize("lang", MATRIX_LANGUAGES)
def test_pages_fit_the_phone_with_the_language_menu_and_mes_fiches(chromium, site_url, lang):
    _ = translations_for(lang).gettext
    context = chromium.new_context(viewport=SCREENS[0], device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for screen in SCREENS:
            page.set_viewport_size(screen)
            for name, path in PAGES.items():
                where = f"{lang} {screen['width']} px {name}"
                page.goto(f"{site_url}/{lang}/{path}")
                expect(page.locator("h1").first).to_be_visible()
                assert fits_sideways(page, screen), where
                favourites = page.locator("nav.catalogue-quick a", has_text=_("Mes fiches"))
                expect(favourites).to_be_in_viewport()
                if name == "fiche":
                    label = _("Imprimer en {language} + français").format(language=LANGUAGES[lang].name)
                    if lang == "fr":
                        label = _("Imprimer en français + la langue choisie")
                    button = page.locator('[data-action="print-bilingual"]')
                    expect(button).to_be_visible()
                    expect(button).to_have_text(label)
                check_language_menu(page, screen, where)
        # « Mes fiches » is a real link: tapping it opens the page of saved fiches.
        page.goto(f"{site_url}/{lang}/{PAGES['fiche']}")
        page.locator("nav.catalogue-quick a", has_text=_("Mes fiches")).tap()
        page.wait_for_url(f"**/{lang}/mes-fiches/")
        assert fits_sideways(page, SCREENS[-1])
    finally:
        context.close()
