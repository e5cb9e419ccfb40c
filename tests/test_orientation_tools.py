"""Tools for social workers and newcomers, in Chromium: print, QR code, share links, favourites, listen."""

from __future__ import annotations

import html as html_lib
import io
import unicodedata
import urllib.parse

import pypdf
import pypdfium2
import zxingcpp

from generator.i18n import translations_for
from generator.languages import LANGUAGES
from generator.models import SITE_LANGUAGES

from conftest import TEST_SITE_URL

FICHE = "port-exemple/atelier-emploi/"


def test_every_fiche_has_qr_code_share_links_print_and_listen(built_site):
    for page in built_site.glob("*/*/*/index.html"):
        html = page.read_text(encoding="utf-8")
        if 'class="fiche-tools"' not in html:
            continue  # a facet list or the completeness page, not a fiche
        for marker in ('class="qr"', 'href="sms:', 'href="https://wa.me/?text=', 'href="mailto:?', 'data-action="print"', 'data-action="listen"', 'data-action="save"'):
            assert marker in html, (page, marker)


def test_share_links_carry_the_fiches_address(phone, site_url):
    phone.goto(f"{site_url}/ar/{FICHE}")
    # The language chooser, as the QR code: the person it is sent to picks their own language.
    address = f"{TEST_SITE_URL}f/{FICHE}"
    ended = translations_for("ar").gettext("{title} (action terminée) : {url}").split("{url}")[0]
    for selector in ('.share a[href^="sms:"]', '.share a[href^="https://wa.me/"]', '.share a[href^="mailto:"]'):
        href = urllib.parse.unquote(phone.locator(selector).first.get_attribute("href"))
        assert address in href, selector
        assert ended.split("}", 1)[1].strip() in href, selector  # the fixture's workshop has ended
    # The buttons are labelled in the page's language.
    _ = translations_for("ar").gettext
    assert phone.locator('[data-action="save"] span').inner_text() == _("Enregistrer la fiche")
    # Arabic letters stay as they are in the page; the browser follows the links with the
    # message percent-encoded, whole, as the phone's apps expect it.
    title = phone.locator("h1").inner_text()
    text = _("{title} (action terminée) : {url}").format(title=title, url=address)
    whatsapp = phone.locator('.share a[href^="https://wa.me/"]')
    assert "text=" + title.split()[0] + "%20" in whatsapp.get_attribute("href")
    assert whatsapp.evaluate("a => a.href") == "https://wa.me/?text=" + urllib.parse.quote(text)
    mailto = phone.locator('.share a[href^="mailto:"]').evaluate("a => a.href")
    assert mailto == "mailto:?" + urllib.parse.urlencode({"subject": title, "body": text}, quote_via=urllib.parse.quote)


def test_save_a_favourite_and_find_it_in_my_fiches(phone, site_url):
    phone.goto(f"{site_url}/fr/{FICHE}")
    save = phone.locator('[data-action="save"]')
    save.focus()
    phone.keyboard.press("Enter")  # usable with the keyboard
    assert save.get_attribute("aria-pressed") == "true"
    phone.goto(f"{site_url}/fr/mes-fiches/")
    saved = phone.locator("#mes-fiches a")
    assert saved.count() == 1
    assert saved.inner_text() == "Préparer un entretien d'embauche"
    saved.click()
    phone.wait_for_url(f"**/fr/{FICHE}")


def test_print_a_bilingual_french_arabic_sheet_with_its_qr_code(chromium, site_url, tmp_path):
    context = chromium.new_context(viewport={"width": 800, "height": 1000})
    page = context.new_page()
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(f"{site_url}/fr/{FICHE}")
    page.locator(".print-choice__select").select_option(label="العربية")
    page.locator('[data-action="print-bilingual"]').click()
    # The second language is added to the page just before printing (no wait_for_function:
    # the pages' Content Security Policy forbids the string evaluation it relies on).
    page.wait_for_selector("body.print-bilingual .print-second h1", state="attached")
    assert page.evaluate("window.__printed") is True
    pdf = page.pdf(format="A4", print_background=True)
    context.close()
    sheets = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(sheets) <= 2, "a bilingual sheet of a typical fiche fits in two A4 pages"
    text = "".join(p.extract_text() for p in sheets)
    assert "Préparer un entretien d'embauche" in text
    # PDF text comes out in visual order and with Arabic presentation forms: normalise both.
    flat = unicodedata.normalize("NFKC", text)
    for word in translations_for("ar").gettext("Comment être orienté ?").split():
        word = unicodedata.normalize("NFKC", word).strip("؟?")
        assert word in flat or word[::-1] in flat, word
    # The QR code on the sheet decodes to the fiche's address.
    decoded = []
    document = pypdfium2.PdfDocument(pdf)
    for index in range(len(document)):
        image = document[index].render(scale=4).to_pil()  # about 300 dpi, as a printer
        decoded += [result.text for result in zxingcpp.read_barcodes(image)]
    # It leads to the fiche's language-neutral page, where the reader picks a language.
    assert f"{TEST_SITE_URL}f/{FICHE}" in decoded, decoded


def test_qr_code_page_lets_the_reader_choose_the_fiches_language(built_site):
    html = (built_site / "f" / FICHE / "index.html").read_text(encoding="utf-8")
    for lang in SITE_LANGUAGES:
        assert f'href="../../../{lang}/{FICHE}"' in html, lang
    assert "http-equiv=\"refresh\"" not in html


def test_listen_button_shows_only_with_a_voice_for_the_language(chromium, site_url):
    context = chromium.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/fr/{FICHE}")
    # Voices load asynchronously: wait for them (or for a second) before comparing.
    has_voice = page.evaluate(
        """() => new Promise(resolve => {
             const check = () => speechSynthesis.getVoices().some(v => v.lang.toLowerCase().startsWith('fr'));
             if (check()) return resolve(true);
             speechSynthesis.addEventListener('voiceschanged', () => resolve(check()));
             setTimeout(() => resolve(check()), 1000);
           })"""
    )
    sections = page.locator("button.section-listen")
    assert page.locator('[data-action="listen"]').is_visible() == has_voice
    # Each section can be played on its own: one button per section heading of the fiche.
    assert sections.count() == (page.locator("[data-pagefind-body] h2").count() if has_voice else 0)
    context.close()


def test_tool_labels_exist_in_every_language(built_site):
    for lang in SITE_LANGUAGES:
        _ = translations_for(lang).gettext
        html = (built_site / lang / FICHE / "index.html").read_text(encoding="utf-8")
        for label in ("Enregistrer la fiche", "Partager", "Imprimer", "Écouter", "Envoyer par SMS"):
            assert _(label).replace("'", "&#39;") in html, (lang, label)


def test_the_bilingual_print_button_names_the_pages_language(built_site):
    for lang in SITE_LANGUAGES:
        if lang == "fr":
            continue
        html = (built_site / lang / FICHE / "index.html").read_text(encoding="utf-8")
        label = translations_for(lang).gettext("Imprimer en {language} + français").format(language=LANGUAGES[lang].name)
        assert html.count('data-action="print-bilingual"') == 1, lang
        assert html_lib.escape(label, quote=True).replace("&#x27;", "&#39;") in html, lang
