"""Language of parts and right-to-left text: French left in other languages' pages says so,
figures keep their order, and the glossary finds acronyms that carry a prefix of another script."""

from __future__ import annotations

import re
import unicodedata

import pytest

from generator.glossary import terms_in
from generator.languages import SITE_LANGUAGES
from generator.render import markdown_filter
from generator.typography import keep_numbers_together

from test_build import html_of

NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    "written, kept",
    [
        ("1 500 €", f"1{NARROW_NO_BREAK_SPACE}500{NO_BREAK_SPACE}€"),
        ("Coût : 12 000 000 euros", f"Coût : 12{NARROW_NO_BREAK_SPACE}000{NARROW_NO_BREAK_SPACE}000{NO_BREAK_SPACE}euros"),
        ("10 % des places", f"10{NO_BREAK_SPACE}% des places"),
        ("25 EUR par mois", f"25{NO_BREAK_SPACE}EUR par mois"),
    ],
)
def test_figures_and_their_unit_are_joined_by_no_break_spaces(written, kept):
    assert keep_numbers_together(written) == kept


@pytest.mark.parametrize("untouched", ["02 98 00 00 01", "3 rue de l'Exemple", "1 place", "en 2024 puis"])
def test_other_spaces_after_figures_are_left_alone(untouched):
    """Phone numbers (pairs of digits), street numbers, a figure before a word."""
    assert keep_numbers_together(untouched) == untouched


def test_the_joining_spaces_are_number_separators_to_the_bidirectional_algorithm():
    """An ordinary space is a neutral (WS) that right-to-left text reorders around: « 500 1 ».
    The no-break spaces are common number separators (CS): « 1 500 » stays one number."""
    assert unicodedata.bidirectional(" ") == "WS"
    joined = keep_numbers_together("1 500 €")
    separators = {char for char in joined if unicodedata.category(char) == "Zs"}
    assert separators and {unicodedata.bidirectional(char) for char in separators} == {"CS"}


def test_an_amount_keeps_its_order_in_right_to_left_text(chromium):
    """In Chromium: « 1 500 € » in an Arabic sentence shows 1 left of 500, as written."""
    context = chromium.new_context()
    page = context.new_page()

    def one_left_of_five_hundred(amount: str) -> bool:
        page.set_content(f'<p dir="rtl" lang="ar" style="font-size:40px">المبلغ {amount} شهريًا</p>')
        return page.evaluate(
            """() => {
            const node = document.querySelector('p').firstChild;
            const at = (text) => { const range = document.createRange(); const start = node.data.indexOf(text);
              range.setStart(node, start); range.setEnd(node, start + text.length); return range.getBoundingClientRect().left; };
            return at('1') < at('500');
          }"""
        )

    try:
        assert one_left_of_five_hundred(keep_numbers_together("1 500 €"))
        assert not one_left_of_five_hundred("1 500 €")  # the ordinary space: shown « 500 1 »
    finally:
        context.close()


@pytest.mark.parametrize(
    "text, term",
    [
        ("ንCCAS ከይዱ", "CCAS"),  # Tigrinya « to the CCAS »
        ("ብCCAS ይሕገዝ", "CCAS"),  # Tigrinya « by the CCAS »
        ("راجع وCPAM", "CPAM"),  # Arabic « and the CPAM »
        ("Le CCAS, puis la CAF.", "CCAS"),
        ("в OFII", "OFII"),
    ],
)
def test_the_glossary_finds_an_acronym_with_a_prefix_of_another_script(text, term):
    assert term in terms_in([text])


@pytest.mark.parametrize("text", ["CAFE", "la fleur", "CCASS", "xBPI", "BPI-2", "OFIIx"])
def test_the_glossary_does_not_find_an_acronym_inside_a_latin_word(text):
    assert terms_in([text]) == []


def test_an_acronym_with_a_prefix_becomes_an_explained_abbreviation_on_the_page():
    html = markdown_filter("ንCCAS ከይዱ።", "ti")
    assert re.search(r'ን<a class="term" href="#[^"]+"><abbr title="[^"]+">CCAS</abbr></a>', html), html


@pytest.mark.parametrize("lang", [lang for lang in SITE_LANGUAGES if lang != "fr"])
def test_places_addresses_and_contact_labels_left_in_french_are_marked_french(built_site, lang):
    """They are never translated: on another language's page they carry lang="fr" dir="ltr"."""
    html = html_of(built_site, lang, "port-exemple", "cours-francais")
    assert '<p class="place__name"><strong lang="fr" dir="ltr">Centre social</strong></p>' in html
    assert '<p class="place__address" lang="fr" dir="ltr">3 rue de l&#39;Exemple, 29000 Port-Exemple</p>' in html
    assert '· <span lang="fr" dir="ltr">Accueil du centre social</span>' in html


def test_on_french_pages_they_carry_no_language_of_their_own(built_site):
    html = html_of(built_site, "fr", "port-exemple", "cours-francais")
    assert '<p class="place__name"><strong>Centre social</strong></p>' in html
    assert '<p class="place__address">3 rue de l&#39;Exemple, 29000 Port-Exemple</p>' in html
    assert '· <span>Accueil du centre social</span>' in html
