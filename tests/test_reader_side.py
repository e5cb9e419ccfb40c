"""The reader's side (issue 19): open actions first, a way to get in touch, the professionals'
actions apart, honest dates, the coordinators' completeness page. On the built fixture site.

The fixture, built on 2025-06-01: Port-Exemple has two open actions for newcomers (running,
upcoming), one ended, one whose end is not known (it follows a 2019 contract that gives no end:
not open, so never counted, tiled or listed as open), one for professionals only; Val-Exemple
one running action and no professional one; Mont-Exemple nothing open, one ended action, a coordinator with address,
phone and e-mail, and an error-report form."""

from __future__ import annotations

import html as html_lib
import re
import shutil
import urllib.parse

import pytest

from generator.checks import content_warnings
from generator.errors import ContentErrors
from generator.i18n import translations_for
from generator.languages import SITE_LANGUAGES
from generator.load import load_catalogue

from conftest import CATALOGUE
from test_build import html_of



def text_of(html: str) -> str:
    """The text a reader sees: block ends and line breaks part words, inline tags do not."""
    spaced = re.sub(r"</(p|li|div|h\d|td|th|summary|dd|dt)>|<br>", " ", html)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", spaced)).split())


def between(html: str, start: str, end: str) -> str:
    begin = html.index(start)
    return html[begin: html.index(end, begin + len(start))]


def article(html: str) -> str:
    return between(html, "<article", "</article>")


def territory_cards(site, lang) -> dict[str, str]:
    cards = re.findall(
        r'class="territory-card__name">([^<]+)</span><span class="territory-card__meta">(.*?)</span>',
        html_of(site, lang),
    )
    return {html_lib.unescape(name): text_of(meta) for name, meta in cards}


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_home_counts_open_actions_for_newcomers_and_ended_ones_apart(built_site, lang):
    gettext, ngettext = translations_for(lang).gettext, translations_for(lang).ngettext
    cards = territory_cards(built_site, lang)
    # Port-Exemple: 5 actions, of which 2 open for newcomers, 1 ended, 1 whose end is not known, 1
    # open for professionals only.
    port = cards["Port-Exemple"]
    assert ngettext("%(num)d action ouverte", "%(num)d actions ouvertes", 2) % {"num": 2} in port
    assert ngettext("%(num)d terminée", "%(num)d terminées", 1) % {"num": 1} in port
    end_unknown = ngettext("%(num)d dont la fin n'est pas connue", "%(num)d dont la fin n'est pas connue", 1) % {"num": 1}
    assert end_unknown in port
    assert end_unknown not in cards["Mont-Exemple"]
    mont = cards["Mont-Exemple"]
    assert gettext("Aucune action ouverte") in mont
    assert ngettext("%(num)d terminée", "%(num)d terminées", 1) % {"num": 1} in mont
    assert ngettext("%(num)d terminée", "%(num)d terminées", 1) % {"num": 1} not in cards["Communauté du Val-Exemple"]


def theme_tiles(html: str) -> dict[str, int]:
    return {
        href: int(count)
        for href, count in re.findall(r'class="theme-tile" href="themes/([^/]+)/".*?theme-tile__count">(\d+)<', html)
    }


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_theme_tiles_count_only_open_actions_for_newcomers(built_site, lang):
    # Travail has only the ended workshop; papiers only the professionals' network; français one
    # running course, and not the conversation workshop whose end is not known.
    assert theme_tiles(html_of(built_site, lang, "port-exemple")) == {"francais": 1, "logement": 1}
    assert theme_tiles(html_of(built_site, lang, "mont-exemple")) == {}


def test_territory_lists_open_actions_first_and_the_ended_ones_in_a_folded_history(built_site):
    html = article(html_of(built_site, "fr", "port-exemple"))
    for_you = between(html, 'id="pour-vous"', 'id="pour-les-professionnels"')
    current, history = for_you.split('<details class="history" id="pour-vous-terminees">')
    assert "cours-francais/" in current and "permanence-logement/" in current
    assert "atelier-emploi/" not in current and "conversation-francais/" not in current
    assert "atelier-emploi/" in history and "conversation-francais/" in history
    assert "<summary>Actions terminées ou dont la fin n'est pas connue (2)</summary>" in history
    # A history of ended actions only says just that.
    mont = article(html_of(built_site, "fr", "mont-exemple"))
    assert "<summary>Action terminée (1)</summary>" in mont
    professionals = between(html, 'id="pour-les-professionnels"', 'id="contrats"')
    assert "reseau-professionnels/" in professionals
    assert "reseau-professionnels/" not in for_you


def test_an_audience_that_never_had_an_action_has_no_section(built_site):
    html = html_of(built_site, "fr", "val-exemple")
    assert 'id="pour-vous"' in html
    assert 'id="pour-les-professionnels"' not in html
    assert 'class="history"' not in html


def test_facet_pages_keep_professional_and_ended_actions_out_of_the_newcomers_list(built_site):
    papiers = article(html_of(built_site, "ar", "port-exemple", "themes", "papiers"))
    assert 'id="pour-vous"' not in papiers  # only the professionals' network is on this theme
    assert "reseau-professionnels/" in between(papiers, 'id="pour-les-professionnels"', "</ul>")
    travail = article(html_of(built_site, "fr", "port-exemple", "themes", "travail"))
    assert '<p class="no-open">Aucune action ouverte pour le moment.</p>' in travail
    assert "atelier-emploi/" in between(travail, 'id="pour-vous-terminees"', "</details>")


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_a_filter_value_every_action_has_links_to_the_territory_instead_of_listing_it_again(built_site, lang):
    """Val-Exemple's one action is for BPI: its BPI page would be its territory's list again."""
    _ = translations_for(lang).gettext
    everyone = article(html_of(built_site, lang, "val-exemple", "publics", "bpi"))
    assert 'class="action-card"' not in everyone and "mentorat-jeunes/" not in everyone
    every = _("Toutes les actions de {territory} sont dans cette catégorie.").format(territory="Communauté du Val-Exemple")
    assert f"<p>{html_lib.escape(every, quote=True)}</p>" in everyone
    assert '<a href="../../">' in everyone  # the territory's page, which lists them
    # Port-Exemple's BPI page lists its actions: not every one of them is for BPI.
    some = article(html_of(built_site, lang, "port-exemple", "publics", "bpi"))
    assert "cours-francais/" in some and "reseau-professionnels/" not in some
    port_every = _("Toutes les actions de {territory} sont dans cette catégorie.").format(territory="Port-Exemple")
    assert html_lib.escape(port_every, quote=True) not in some


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_an_action_whose_end_is_not_known_is_never_listed_or_suggested_as_open(built_site, lang):
    _ = translations_for(lang).gettext
    francais = article(html_of(built_site, lang, "port-exemple", "themes", "francais"))
    current, history = francais.split('<details class="history" id="pour-vous-terminees">')
    assert "cours-francais/" in current and "conversation-francais/" not in current
    assert "conversation-francais/" in history
    # Its theme's search page chip counts the open course only.
    search_page = article(html_of(built_site, lang, "recherche"))
    assert f"{_('Apprendre le français')} (1)</a>" in between(search_page, 'id="port-exemple"', "</ul>")
    # An open action does not suggest it (it suggests the open ones); search sorts it with the ended ones.
    assert "conversation-francais/" not in html_of(built_site, lang, "port-exemple", "cours-francais")
    related = between(html_of(built_site, lang, "port-exemple", "conversation-francais"), 'id="voir-aussi"', "</ul>")
    assert 'href="../cours-francais/"' in related
    fiche = html_of(built_site, lang, "port-exemple", "conversation-francais")
    assert '<span data-pagefind-filter="open">no</span>' in fiche
    assert '<span data-pagefind-filter="open">yes</span>' in html_of(built_site, lang, "port-exemple", "cours-francais")


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_the_fiche_of_an_action_whose_end_is_not_known_says_it_may_have_ended(built_site, lang):
    _ = translations_for(lang).gettext
    html = html_of(built_site, lang, "port-exemple", "conversation-francais")
    notice = between(html, '<div class="notice notice--end-unknown"', "</div>\n</div>")
    assert _("Cette action est peut-être terminée.") in text_of(notice)
    assert 'href="tel:+33298000001"' in coordinator_block(notice)
    assert "notice--end-unknown" not in html_of(built_site, lang, "port-exemple", "cours-francais")


def coordinator_block(html: str) -> str:
    return between(html, '<div class="coordinator-contact">', "</div>")


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_a_territory_with_nothing_open_says_so_and_gives_the_coordinators_contact(built_site, lang):
    _ = translations_for(lang).gettext
    html = html_of(built_site, lang, "mont-exemple")
    notice = between(html, '<div class="notice notice--nothing-open"', "</div>\n</div>") + "</div>"
    assert _("Aucune action n'est ouverte en ce moment à {territory}.").format(territory="Mont-Exemple") in text_of(notice)
    contact = coordinator_block(notice)
    assert "3 rue de l&#39;Exemple, 63000 Mont-Exemple" in contact
    address = urllib.parse.quote("3 rue de l'Exemple, 63000 Mont-Exemple")
    assert f'href="geo:0,0?q={address}"' in contact
    assert f'href="https://www.openstreetmap.org/search?query={address}"' in contact
    assert 'href="tel:+33473000002"' in contact
    assert 'href="mailto:solidarites@mont-exemple.fr"' in contact
    # A territory with open actions shows no such notice.
    assert "notice--nothing-open" not in html_of(built_site, lang, "port-exemple")


def test_the_coordinators_contact_shows_only_what_the_content_gives(built_site):
    html = html_of(built_site, "fr", "val-exemple")
    contact = coordinator_block(between(html, 'id="coordination"', 'id="coin-des-coordinateurs"'))
    assert "Communauté du Val-Exemple" in contact
    assert "geo:" not in contact and "tel:" not in contact and "mailto:" not in contact


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_missing_facts_and_editors_notes_stay_off_the_fiche(built_site, lang):
    _ = translations_for(lang).gettext
    html = html_of(built_site, lang, "mont-exemple", "accueil-ecrivain-public")
    body = text_of(article(html))
    assert "Le document ne précise pas" not in body
    assert "pas encore renseign" not in body
    ask = _("Renseignez-vous auprès de : {name}.").format(name="Ville de Mont-Exemple, service Solidarités")
    # No place, no contact: « C'est où ? » and « Comment être orienté ? » each say whom to ask, with the contact.
    assert body.count(ask) == 2
    where = between(html, 'id="ou"', 'id="orientation"')
    assert 'href="tel:+33473000002"' in where and "geo:0,0?q=" in where


def test_editors_notes_and_missing_facts_go_to_the_completeness_page(built_site):
    html = article(html_of(built_site, "fr", "mont-exemple", "completude"))
    assert "Le document ne précise pas comment prendre rendez-vous." in html
    assert "<li>Niveaux de français</li>" in html
    assert "<li>Lieu, zone ou en ligne</li>" in html
    assert "who.french_levels" not in html and "<code>where</code>" not in html
    # A step that is only an editor's note leaves the step missing.
    assert "<li>Étapes pour être orienté</li>" in html


def test_completeness_lists_the_coordinators_missing_contacts(built_site):
    val = article(html_of(built_site, "fr", "val-exemple", "completude"))
    coordinator = between(val, '<ul class="completeness__coordinator">', "</ul>")
    for label in ("Adresse de la coordination", "Téléphone de la coordination", "E-mail de la coordination"):
        assert f"<li>{label}</li>" in coordinator
    mont = article(html_of(built_site, "fr", "mont-exemple", "completude"))
    assert "completeness__coordinator" not in mont
    assert "Les contacts publics de la coordination sont renseignés." in mont


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_each_territory_page_links_to_its_completeness_page(built_site, lang):
    for territory in ("port-exemple", "val-exemple", "mont-exemple"):
        corner = between(html_of(built_site, lang, territory), 'class="coordinators-corner"', "</aside>")
        assert 'href="completude/"' in corner


def report_link(html: str) -> str:
    item = between(html, '<ul class="report">', "</li>")
    return html_lib.unescape(re.search(r'href="([^"]+)"', item).group(1))


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_report_an_error_opens_a_prefilled_mail_to_the_coordinator(built_site, lang):
    _ = translations_for(lang).gettext
    href = report_link(html_of(built_site, lang, "port-exemple", "cours-francais"))
    address, query = href.removeprefix("mailto:").split("?")
    assert address == "accueil@ccas-port-exemple.fr"
    subject = urllib.parse.parse_qs(query)["subject"][0]
    url = f"https://catalogue.test/{lang}/port-exemple/cours-francais/"
    assert subject == _("Erreur sur la fiche « {title} » ({url})").format(title="Apprendre le français", url=url)


def test_report_an_error_opens_the_territorys_form_when_it_has_one(built_site):
    assert report_link(html_of(built_site, "fr", "mont-exemple", "accueil-ecrivain-public")) == "https://forms.mont-exemple.fr/signaler"


def test_report_an_error_without_address_names_the_coordinator_without_a_stray_separator(built_site):
    item = between(html_of(built_site, "fr", "val-exemple", "mentorat-jeunes"), '<ul class="report">', "</li>")
    assert text_of(item) == "Signaler une erreur : Communauté du Val-Exemple"


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_the_fiche_gives_its_source_dated_as_the_source_dates_it(built_site, lang):
    _ = translations_for(lang).gettext
    date = {"fr": "1 décembre 2022", "en": "1 December 2022"}
    html = html_of(built_site, lang, "mont-exemple", "accueil-ecrivain-public")
    source = text_of(between(html, '<p class="fiche-source">', "</p>"))
    if lang in date:
        document = "la délibération du conseil municipal de Mont-Exemple"
        assert source == _("D'après {document}, {date}.").format(document=document, date=date[lang])
    # Without a document named, the contract stands for it, with its signature as precise as given (a month).
    contract = text_of(between(html_of(built_site, "fr", "val-exemple", "mentorat-jeunes"), '<p class="fiche-source">', "</p>"))
    assert contract == "D'après le contrat « Contrat territorial d'accueil et d'intégration (2024-2026) du Val-Exemple » (date de signature non précisée)."
    port = text_of(between(html_of(built_site, "fr", "port-exemple", "cours-francais"), '<p class="fiche-source">', "</p>"))
    assert port.endswith("signé : 15 mars 2023.")


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_an_ended_action_does_not_read_as_checked_and_current(built_site, lang):
    _ = translations_for(lang).gettext
    ended = text_of(between(html_of(built_site, lang, "port-exemple", "atelier-emploi"), '<p class="fiche-verified">', "</p>"))
    running = text_of(between(html_of(built_site, lang, "port-exemple", "cours-francais"), '<p class="fiche-verified">', "</p>"))
    assert ended.startswith(_("Informations relevées le {date} ; l'action est terminée.").split("{date}")[0].strip())
    assert ended != running
    assert running.startswith(_("Informations vérifiées le {date}").split("{date}")[0].strip())


def test_carriers_are_listed_whole_under_a_label_that_agrees_in_number(built_site):
    html = html_of(built_site, "fr", "mont-exemple", "accueil-ecrivain-public")
    carriers = between(html, '<div class="carriers">', "</div>")
    assert "<strong>Opérateurs :</strong>" in carriers
    assert "<li>Association Plume, Encre et Papier</li><li>Ville de Mont-Exemple</li>" in carriers
    single = between(html_of(built_site, "en", "port-exemple", "atelier-emploi"), '<div class="carriers">', "</div>")
    assert "Opérateur" not in single  # translated, not left in French


def test_the_professionals_block_is_not_indexed_and_not_labelled_for_you(built_site):
    html = html_of(built_site, "fr", "port-exemple", "reseau-professionnels")
    block = between(html, '<details class="pro"', "</details>")
    assert 'data-pagefind-ignore="all"' in block
    assert "Pour vous" not in text_of(block)


def test_two_fiches_with_the_same_title_in_a_territory_are_a_warning(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    fiche = content / "port-exemple" / "actions" / "permanence-logement.yml"
    text = fiche.read_text(encoding="utf-8")
    fiche.write_text(re.sub(r'^title: .*$', 'title: "Apprendre  le Français"', text, count=1, flags=re.M), encoding="utf-8")
    warnings = [w for w in content_warnings(load_catalogue(content)) if w.field == "title"]
    assert {w.path.rsplit("/", 1)[-1] for w in warnings} == {"permanence-logement.yml", "cours-francais.yml"}
    assert all(w.line == 2 and "même titre que" in w.message for w in warnings)
    # The same title in two territories is fine.
    assert not [w for w in content_warnings(load_catalogue(CATALOGUE)) if w.field == "title"]


@pytest.mark.parametrize("url", ["http://forms.exemple.fr/erreur", "forms.exemple.fr", "https://agent:secret@forms.exemple.fr/"])
def test_an_error_report_url_must_be_a_public_https_address(tmp_path, url):
    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    territory = content / "val-exemple" / "territory.yml"
    territory.write_text(territory.read_text(encoding="utf-8") + f'report_url: "{url}"\n', encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_catalogue(content)
    assert any(error.field == "report_url" for error in raised.value.errors)


def test_the_root_page_suggests_the_browsers_language_once(chromium, site_url):
    context = chromium.new_context(locale="uk-UA", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{site_url}/")
    from playwright.sync_api import expect

    expect(page.locator("#suggestion a[data-lang='uk']")).to_be_visible()
    assert page.locator("a[data-lang='uk']").count() == 1
    assert page.locator(".languages a[data-lang]").count() == len(SITE_LANGUAGES) - 1
    context.close()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_completeness_page_fits_a_phone_without_breaking_words(chromium, site_url, lang):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{site_url}/{lang}/mont-exemple/completude/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Every word of the table sits on one line: a word split across lines has a taller box than one line.
    broken = page.evaluate(
        """() => {
        const broken = [];
        for (const cell of document.querySelectorAll('table.completeness td, table.completeness th')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            const re = /\\S+/g; let m;
            while ((m = re.exec(node.data))) {
              const range = document.createRange();
              range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
              if (range.getClientRects().length > 1) broken.push(m[0]);
            }
          }
        }
        return broken;
      }"""
    )
    assert broken == []
    context.close()


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_on_a_phone_the_open_actions_come_first_and_the_contact_shows_when_nothing_is_open(chromium, site_url, lang, width):
    from playwright.sync_api import expect

    _ = translations_for(lang).gettext
    context = chromium.new_context(viewport={"width": width, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/{lang}/port-exemple/")
    for_you = page.locator("#pour-vous ~ ul.action-list").first
    expect(for_you.locator("a.action-card__link")).to_have_count(2)
    tiles = page.locator(".theme-tile__count").all_inner_texts()
    assert sum(int(count) for count in tiles) == 2
    # The ended action and the one whose end is not known: in the history, folded until asked for.
    history = page.locator("#pour-vous-terminees")
    links = history.locator("a.action-card__link")
    expect(links).to_have_count(2)
    for link in links.all():
        expect(link).to_be_hidden()
    history.locator("summary").click()
    expect(history.locator("a.action-card__link[href='atelier-emploi/']")).to_be_visible()
    expect(history.locator("a.action-card__link[href='conversation-francais/']")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.goto(f"{site_url}/{lang}/mont-exemple/")
    notice = page.locator(".notice--nothing-open")
    expect(notice).to_be_visible()
    expect(notice.locator("a[href='tel:+33473000002']")).to_be_visible()
    expect(notice.locator("a[href='mailto:solidarites@mont-exemple.fr']")).to_be_visible()
    expect(notice.locator("a[href^='geo:']")).to_have_text(_("Ouvrir dans l'application de cartes"))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.parametrize("path", [
    "fr/mont-exemple/", "ar/mont-exemple/", "ar/mont-exemple/accueil-ecrivain-public/", "fr/mont-exemple/completude/",
    "ar/val-exemple/completude/", "ar/port-exemple/",
])
def test_new_parts_have_no_wcag_a_or_aa_violation_at_320_px(chromium, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    for summary in page.locator("details.history > summary").all():
        summary.click()  # the folded history is checked too
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], v["help"], len(v["nodes"])) for v in results.response["violations"]]
    context.close()
    assert violations == []
