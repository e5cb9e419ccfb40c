"""Search in Chromium: Pagefind, one index per language, scoped by territory, light on the phone."""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import expect

from generator.i18n import translations_for
from generator.load import load_catalogue
from generator.models import SITE_LANGUAGES
from generator.pipeline import run_pipeline

from browser import MATRIX_LANGUAGES, SCREENS, phone_page, serve
from conftest import BUILD_EPOCH, CATALOGUE

# More matches than the ten shown at first: copies of a running French course, each with this word.
MANY = 13
MANY_WORD = "quenouille"


def search(page, query: str, everywhere: bool = False) -> list[str]:
    page.fill("#catalogue-q", query)
    scope = page.locator("form.catalogue-search input[name=territoire]")
    if everywhere and scope.count():
        scope.uncheck()
    page.click("form.catalogue-search button")
    # The script marks the results aria-busy until every shown result is on the page.
    expect(page.locator(".catalogue-search__results")).to_have_attribute("aria-busy", "false", timeout=30_000)
    return [a.get_attribute("href") for a in page.locator(".catalogue-search__list a").all()]


def title_word(lang: str) -> str:
    """The longest word of a fiche's title in `lang`."""
    action = load_catalogue(CATALOGUE).territories["port-exemple"].actions["atelier-emploi"]
    title = action.model.title if lang == "fr" else action.translations[lang].model.title
    return max((word.strip("«»()'’.,:;") for word in title.split()), key=len)


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_a_word_of_a_title_finds_its_fiche(phone, site_url, lang):
    phone.goto(f"{site_url}/{lang}/port-exemple/")
    urls = search(phone, title_word(lang))
    assert any(url.rstrip("/").endswith("/port-exemple/atelier-emploi") for url in urls), urls


def test_territory_filter_scopes_results_and_can_be_widened(phone, site_url):
    phone.goto(f"{site_url}/fr/port-exemple/")
    scoped = search(phone, "CCAS")
    assert scoped and all("/port-exemple/" in url for url in scoped)
    phone.goto(f"{site_url}/fr/port-exemple/")
    everywhere = search(phone, "CCAS", everywhere=True)
    assert any("/port-exemple/" not in url for url in everywhere)


def test_first_query_fetches_at_most_200_kb(chromium, site_url):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{site_url}/fr/port-exemple/")
    page.wait_for_load_state("networkidle")
    fetched = []
    page.on("response", lambda response: fetched.append(len(response.body())))
    assert search(page, "logement")
    page.wait_for_load_state("networkidle")
    context.close()
    assert 0 < sum(fetched) <= 200_000


def test_only_fiches_are_indexed_one_index_per_language(built_site):
    fiches = len(list(load_catalogue(CATALOGUE).actions()))
    for lang in SITE_LANGUAGES:
        entry = json.loads((built_site / lang / "pagefind" / "pagefind-entry.json").read_text())
        (indexed,) = entry["languages"].values()
        assert indexed["page_count"] == fiches
    menu = (built_site / "fr" / "port-exemple" / "atelier-emploi" / "index.html").read_text(encoding="utf-8")
    body_start = menu.index("data-pagefind-body")
    assert "md-nav" not in menu[body_start:menu.index("</article>")]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_without_javascript_the_search_page_says_so_and_browses_by_theme(chromium, site_url, lang):
    """The form's query reaches a page that cannot run it: the page says search needs JavaScript
    and offers each territory's themes, with their open actions counted, instead."""
    _ = translations_for(lang).gettext
    context = chromium.new_context(java_script_enabled=False, viewport=SCREENS[0])
    page = context.new_page()
    page.goto(f"{site_url}/{lang}/")
    page.fill("#catalogue-q", "logement")
    page.click("form.catalogue-search button")
    page.wait_for_url(f"**/{lang}/recherche/?q=logement*")
    # Playwright's text selectors skip <noscript>: a CSS selector reaches it.
    notice = page.locator("article noscript p")
    expect(notice).to_be_visible()
    expect(notice).to_have_text(_("La recherche a besoin de JavaScript. Vous pouvez aussi parcourir les actions par territoire et par thème :"))
    chips = page.locator("#port-exemple + ul a.chip")
    # Open actions only: the French course, not the conversation workshop whose end is not known.
    expect(chips).to_have_text([f"{_('Apprendre le français')} (1)", f"{_('Trouver un logement')} (1)"])
    expect(page.locator("#mont-exemple + p.no-open")).to_have_text(_("Aucune action ouverte pour le moment."))
    chips.last.click()
    page.wait_for_url(f"**/{lang}/port-exemple/themes/logement/")
    expect(page.locator("a.action-card__link[href$='permanence-logement/']")).to_be_visible()
    context.close()


def test_with_javascript_the_search_page_keeps_the_query_and_runs_it(phone, site_url):
    phone.goto(f"{site_url}/fr/port-exemple/")
    phone.fill("#catalogue-q", "logement")
    phone.press("#catalogue-q", "Enter")
    expect(phone.locator(".catalogue-search__results")).to_have_attribute("aria-busy", "false", timeout=30_000)
    expect(phone.locator(".catalogue-search__list a[href$='/permanence-logement/']")).to_be_visible()
    # The address keeps the query: opened again (the no-JavaScript form's target), the field holds it and it runs.
    phone.goto(f"{site_url}/fr/recherche/?q=logement")
    expect(phone.locator("#catalogue-q")).to_have_value("logement")
    expect(phone.locator(".catalogue-search__list a[href$='/permanence-logement/']")).to_be_visible()


@pytest.fixture(scope="module")
def many_matches_site(tmp_path_factory):
    """The fixture catalogue with MANY more fiches that all hold MANY_WORD, built in MATRIX_LANGUAGES."""

    root = tmp_path_factory.mktemp("many")
    content = root / "catalogue"
    shutil.copytree(CATALOGUE, content)
    course = (content / "port-exemple" / "actions" / "cours-francais.yml").read_text(encoding="utf-8")
    assert MANY_WORD not in course
    for number in range(1, MANY + 1):
        text = course.replace('title: "Apprendre le français"', f'title: "Apprendre le français, groupe {number}"')
        text = text.replace("  Les cours ont lieu deux matins par semaine.", f"  Les cours ont lieu deux matins par semaine, avec un atelier {MANY_WORD}.")
        (content / "port-exemple" / "actions" / f"cours-groupe-{number}.yml").write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        run_pipeline(content, root / "site", MATRIX_LANGUAGES, progress=False)
    with serve(root / "site") as url:
        yield url


@pytest.mark.parametrize("lang", MATRIX_LANGUAGES)
def test_more_than_ten_matches_are_all_shown_with_the_true_count(chromium, many_matches_site, lang):
    _ = translations_for(lang).gettext
    with phone_page(chromium) as page:
        for screen in SCREENS:
            page.set_viewport_size(screen)
            page.goto(f"{many_matches_site}/{lang}/")
            first = search(page, MANY_WORD)
            assert len(first) == 10, (lang, screen, first)
            # Status and audience filters are offered once the search is used.
            expect(page.locator(".catalogue-search__filters select")).to_have_count(2)
            expect(page.locator(".catalogue-search__filters")).to_be_visible()
            expect(page.locator(".catalogue-search__status")).to_have_text(_("Actions trouvées : {count}").format(count=MANY))
            more = page.locator(".catalogue-search__more")
            expect(more).to_have_text(_("Voir plus de résultats"))
            more.tap()
            expect(page.locator(".catalogue-search__list a")).to_have_count(MANY)
            expect(more).to_be_hidden()
            urls = {a.get_attribute("href") for a in page.locator(".catalogue-search__list a").all()}
            assert {url.rstrip("/").rsplit("/", 1)[-1] for url in urls} == {f"cours-groupe-{n}" for n in range(1, MANY + 1)}
            assert page.evaluate("document.scrollingElement.scrollWidth") <= screen["width"]


@pytest.mark.parametrize("word", ["співбесідою", "співбесіду"])
def test_an_inflected_ukrainian_word_finds_its_fiche(chromium, built_site, site_url, word):
    """Forms that appear nowhere in the fiche (its title says « співбесіди »): found all the same."""
    fiche = (built_site / "uk" / "port-exemple" / "atelier-emploi" / "index.html").read_text(encoding="utf-8")
    assert word not in fiche.lower()
    with phone_page(chromium) as page:
        for screen in SCREENS:
            page.set_viewport_size(screen)
            page.goto(f"{site_url}/uk/")
            urls = search(page, word)
            assert any(url.rstrip("/").endswith("/port-exemple/atelier-emploi") for url in urls), (word, urls)


# Found only in the fixture's action for professionals (reseau-professionnels: « Des réunions pour
# les professionnels… »), French in every language's index since it is not translated.
PROFESSIONALS_WORD = "réunions"

# Every Port-Exemple fiche holds its territory's name: two open ones for newcomers (running,
# upcoming), one ended, one whose end is not known, and the professionals' network.
TERRITORY_WORD = "Port-Exemple"

# The results on screen: each one's address, status badge, status text and territory.
RESULTS = """() => [...document.querySelectorAll('.catalogue-search__result')].map((item) => {
  const status = item.querySelector('.catalogue-search__meta .status');
  const territory = item.querySelector('.catalogue-search__meta .catalogue-search__territory');
  return {slug: item.querySelector('a').getAttribute('href').replace(/\\/$/, '').split('/').pop(),
          status: status && status.className.replace('status status--', ''),
          statusText: status ? status.textContent.trim() : '',
          territory: territory ? territory.textContent.trim() : ''};
})"""

OPEN_STATUSES = {"running", "upcoming"}


@pytest.mark.parametrize("lang", MATRIX_LANGUAGES)
def test_default_search_leaves_professional_actions_out_and_puts_open_ones_first(chromium, site_url, lang):
    _ = translations_for(lang).gettext
    with phone_page(chromium) as page:
        for screen in SCREENS:
            where = (lang, screen["width"])
            page.set_viewport_size(screen)
            page.goto(f"{site_url}/{lang}/")
            assert search(page, PROFESSIONALS_WORD) == [], where
            expect(page.locator(".catalogue-search__status")).to_have_text(_("Aucune action trouvée."))
            # The audience filter « professionals » finds it.
            page.select_option(".catalogue-search__filters select[name=public]", "pro")
            expect(page.locator(".catalogue-search__list a")).to_have_count(1)
            assert page.evaluate(RESULTS)[0]["slug"] == "reseau-professionnels", where

            page.goto(f"{site_url}/{lang}/")
            search(page, TERRITORY_WORD)
            results = page.evaluate(RESULTS)
            slugs = [result["slug"] for result in results]
            assert sorted(slugs) == ["atelier-emploi", "conversation-francais", "cours-francais", "permanence-logement"], where
            # Each result says its status and territory.
            assert all(result["statusText"] and result["territory"] == "Port-Exemple" for result in results), results
            assert {result["statusText"] for result in results if result["slug"] == "atelier-emploi"} == {_("Terminé")}
            # The open ones first; the ended one and the one whose end is not known after them.
            opened = [result["status"] in OPEN_STATUSES for result in results]
            assert opened == [True, True, False, False], (where, results)
            assert page.evaluate("document.scrollingElement.scrollWidth") <= screen["width"], where


def test_the_status_filter_splits_open_actions_from_their_history(phone, site_url):
    phone.goto(f"{site_url}/fr/")
    search(phone, TERRITORY_WORD)
    phone.select_option(".catalogue-search__filters select[name=statut]", "ended")
    expect(phone.locator(".catalogue-search__list a")).to_have_count(2)
    assert {result["slug"] for result in phone.evaluate(RESULTS)} == {"atelier-emploi", "conversation-francais"}
    phone.select_option(".catalogue-search__filters select[name=statut]", "open")
    expect(phone.locator(".catalogue-search__list a[href$='/cours-francais/']")).to_have_count(1)
    expect(phone.locator(".catalogue-search__list a")).to_have_count(2)
    assert {result["slug"] for result in phone.evaluate(RESULTS)} == {"cours-francais", "permanence-logement"}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_filters_are_one_file_per_language_not_a_part_of_every_page(built_site, lang):
    """Every page has the search box; its filters and the results' words are fetched with the
    first search, from the language's own file."""
    _ = translations_for(lang).gettext
    fiche = (built_site / lang / "port-exemple" / "atelier-emploi" / "index.html").read_text(encoding="utf-8")
    assert 'class="catalogue-search"' in fiche and "<select" not in fiche.split("</form>")[0]
    assert 'data-filters="../../search-filters.json"' in fiche
    words = json.loads((built_site / lang / "search-filters.json").read_text(encoding="utf-8"))
    assert [menu["name"] for menu in words["menus"]] == ["statut", "public"]
    assert words["labels"]["none"] == _("Aucune action trouvée.")
    assert words["filterNames"]["status"] == _("Statut")


def test_an_address_with_a_status_filter_runs_with_it(phone, site_url):
    """The filters arrive after the page: the address's choice is applied to them all the same."""
    phone.goto(f"{site_url}/fr/recherche/?q=Port-Exemple&territoire=Port-Exemple&statut=ended")
    expect(phone.locator(".catalogue-search__results")).to_have_attribute("aria-busy", "false", timeout=30_000)
    expect(phone.locator(".catalogue-search__filters select[name=statut]")).to_have_value("ended")
    expect(phone.locator(".catalogue-search__list a")).to_have_count(2)
    hrefs = {a.get_attribute("href").rstrip("/").rsplit("/", 1)[-1] for a in phone.locator(".catalogue-search__list a").all()}
    assert hrefs == {"atelier-emploi", "conversation-francais"}
