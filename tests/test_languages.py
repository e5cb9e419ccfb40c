"""Eight languages: catalogs, translations of the content, the switcher, and the translators' workflow."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from generator.i18n import LOCALES_DIR
from generator.load import TRANSLATION_LANGUAGES, load_catalogue
from generator.models import Audience, TranslationStatus

from conftest import BUILD_DATE, CATALOGUE, REPO


def catalog(lang: str):
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def source_messages() -> set[str]:
    """Every message id the code and templates use, as `pybabel extract -F babel.cfg` finds them."""
    from babel.messages.frontend import parse_mapping_cfg

    with (REPO / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    ids = set()
    for _, _, message, *_ in extract_from_dir(str(REPO), method_map, options_map, keywords=keywords):
        ids.add(message if isinstance(message, str) else message[0])
    return ids


@pytest.mark.parametrize("lang", TRANSLATION_LANGUAGES)
def test_interface_catalog_is_complete(lang):
    po = catalog(lang)
    by_id = {m.id if isinstance(m.id, str) else m.id[0]: m for m in po if m.id}
    missing = sorted(source_messages() - set(by_id))
    assert missing == [], f"run pybabel extract/update: {missing[:5]}"
    untranslated = [m.id for m in by_id.values() if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string])]
    assert untranslated == []


@pytest.mark.parametrize("lang", ["fr", "ar", "ti"])
def test_templates_gettext_gives_what_jinja_new_style_gettext_gives(lang):
    """generator/render.py keeps translated strings once made; the output must not change."""
    import jinja2

    from generator.i18n import translations_for
    from generator.render import environment

    jinja_own = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    jinja_own.install_gettext_translations(translations_for(lang), newstyle=True)
    ours = environment(lang)
    singular_ids = sorted(message for message in source_messages() if "%(" not in message)
    template = "{% for m in ids %}{{ _(m) }}|{{ _(m) }}|{% endfor %}"
    template += "{% for n in [0, 1, 2, 11] %}{{ ngettext('%(num)d action', '%(num)d actions', n) }}|{% endfor %}"
    template += "{{ _('%(who)s', who='<b>') }}"
    expected = jinja_own.from_string(template).render(ids=singular_ids)
    assert ours.from_string(template).render(ids=singular_ids) == expected
    assert "&lt;b&gt;" in expected


def test_every_french_fiche_links_to_itself_in_the_seven_other_languages(built_site):
    for page in built_site.glob("fr/*/*/index.html"):
        territory, action = page.parent.parent.name, page.parent.name
        html = page.read_text(encoding="utf-8")
        for lang in TRANSLATION_LANGUAGES:
            assert f'href="../../../{lang}/{territory}/{action}/"' in html, (page, lang)
            assert (built_site / lang / territory / action / "index.html").is_file()


def test_machine_translation_is_announced_in_the_readers_language(built_site):
    from generator.i18n import translations_for

    for lang in TRANSLATION_LANGUAGES:
        notice = translations_for(lang).gettext(
            "Traduction automatique, pas encore relue. En cas de doute, le texte français fait foi."
        )
        html = (built_site / lang / "port-exemple" / "atelier-emploi" / "index.html").read_text(encoding="utf-8")
        assert notice.replace("'", "&#39;") in html, lang


def test_untranslated_languages_are_marked_and_get_no_hreflang(built_site):
    # cours-francais is translated into en and ar, not into uk.
    html = (built_site / "fr" / "port-exemple" / "cours-francais" / "index.html").read_text(encoding="utf-8")
    menu = html[html.index('class="md-select__list"'):]
    assert re.search(r'<a href="../../../en/port-exemple/cours-francais/"[^>]* hreflang="en"', menu)
    ukrainian = re.search(r'<a href="../../../uk/port-exemple/cours-francais/"[^>]*>([^<]*)<small', menu)
    assert ukrainian and "hreflang" not in ukrainian.group(0)
    assert "pas encore traduit" in menu


def test_french_fallback_in_a_right_to_left_page_is_marked(built_site):
    html = (built_site / "ar" / "port-exemple" / "reseau-professionnels" / "index.html").read_text(encoding="utf-8")
    assert '<div class="prose" lang="fr" dir="ltr">' in html


def test_reviewed_machine_and_stale_translations_are_told_apart(built_site):
    from generator.i18n import translations_for

    def page(lang):
        return (built_site / lang / "port-exemple" / "cours-francais" / "index.html").read_text(encoding="utf-8")

    def notice(lang, french):
        return translations_for(lang).gettext(french).replace("'", "&#39;")

    machine = "Traduction automatique, pas encore relue. En cas de doute, le texte français fait foi."
    stale = "Le texte français a changé depuis cette traduction : elle n'est peut-être plus à jour."
    assert notice("en", machine) in page("en") and notice("en", stale) not in page("en")
    assert notice("ar", machine) not in page("ar") and notice("ar", stale) not in page("ar")  # reviewed
    assert notice("ru", stale) in page("ru")


def test_glossary_terms_are_explained_in_the_readers_language(built_site):
    from generator.i18n import translations_for

    html = (built_site / "uk" / "val-exemple" / "mentorat-jeunes" / "index.html").read_text(encoding="utf-8")
    assert '<a class="term" href="#terme-ccas"><abbr title=' in html
    explanation = translations_for("uk").gettext("Centre communal d'action sociale : le service social de la mairie.")
    assert explanation in html
    assert 'id="terme-ccas"' in html


def test_po_round_trip_and_stale_translation(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    run = lambda *args: subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=REPO)
    po_path = tmp_path / "ar.po"
    assert run("translations", "export", "--lang", "ar", "--out", str(po_path), "--content", str(content)).returncode == 0
    with po_path.open("rb") as handle:
        po = read_po(handle)
    entry = next(m for m in po if m.context == "port-exemple/atelier-emploi:title")
    assert entry.id == "Préparer un entretien d'embauche" and entry.string
    entry.string = "عنوان جديد"
    with po_path.open("wb") as handle:
        write_po(handle, po, width=0)
    assert run("translations", "import", str(po_path), "--content", str(content)).returncode == 0
    translated = (content / "port-exemple" / "actions" / "atelier-emploi.ar.yml").read_text(encoding="utf-8")
    assert "title: عنوان جديد" in translated
    assert load_catalogue(content).territories["port-exemple"].actions["atelier-emploi"].translations["ar"].stale is False
    # The French source changes: the translation is kept but counted as stale.
    french = content / "port-exemple" / "actions" / "atelier-emploi.yml"
    french.write_text(french.read_text(encoding="utf-8").replace("Préparer un entretien", "Bien préparer un entretien"), encoding="utf-8")
    assert load_catalogue(content).territories["port-exemple"].actions["atelier-emploi"].translations["ar"].stale is True
    status = run("translations", "status", "--content", str(content)).stdout
    port_ar = next(line for line in status.splitlines() if line.startswith("ar") and " port-exemple " in line)
    assert port_ar.split()[5] == "1"  # périmées
    import datetime as dt

    from generator.localize import localize

    fiches = localize(load_catalogue(content), "ar", BUILD_DATE).fiches
    assert next(f for f in fiches if f.slug == "atelier-emploi").translation == "stale"


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=REPO)


def test_import_of_a_po_made_from_older_french_keeps_the_translation_stale(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    po_path = tmp_path / "ar.po"
    assert _cli("translations", "export", "--lang", "ar", "--out", str(po_path), "--content", str(content)).returncode == 0
    # The French changes after the export, while the translator works on the older text.
    french = content / "port-exemple" / "actions" / "atelier-emploi.yml"
    french.write_text(french.read_text(encoding="utf-8").replace("Préparer un entretien", "Bien préparer un entretien"), encoding="utf-8")
    with po_path.open("rb") as handle:
        po = read_po(handle)
    po.get("Préparer un entretien d'embauche", context="port-exemple/atelier-emploi:title").string = "عنوان"
    with po_path.open("wb") as handle:
        write_po(handle, po, width=0)
    result = _cli("translations", "import", str(po_path), "--content", str(content))
    assert result.returncode == 0, result.stderr
    action = load_catalogue(content).territories["port-exemple"].actions["atelier-emploi"]
    assert "عنوان" in action.translations["ar"].model.title
    assert action.translations["ar"].stale is True, "a translation of an older French text is not up to date"


def test_import_reports_only_the_files_it_changed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    po_path = tmp_path / "ar.po"
    _cli("translations", "export", "--lang", "ar", "--out", str(po_path), "--content", str(content))
    first = _cli("translations", "import", str(po_path), "--content", str(content))
    second = _cli("translations", "import", str(po_path), "--content", str(content))
    assert first.returncode == second.returncode == 0
    assert second.stdout.strip().endswith("0 fichier de traduction modifié."), second.stdout
    assert "Écrit" not in second.stdout


def test_export_of_one_territory(tmp_path):
    po_path = tmp_path / "uk.po"
    result = _cli("translations", "export", "--lang", "uk", "--territory", "val-exemple", "--out", str(po_path), "--content", str(CATALOGUE))
    assert result.returncode == 0, result.stderr
    with po_path.open("rb") as handle:
        contexts = {message.context for message in read_po(handle) if message.id}
    assert contexts and all(context.startswith("val-exemple") for context in contexts)
    unknown = _cli("translations", "export", "--lang", "uk", "--territory", "nulle-part", "--content", str(CATALOGUE))
    assert unknown.returncode == 2 and "nulle-part" in unknown.stderr and "Traceback" not in unknown.stderr
