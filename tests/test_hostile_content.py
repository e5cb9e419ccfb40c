"""Hostile content: text that tries to become markup or script must stay text, on every page.

Two ways in:
- YAML through the real loader (it refuses HTML tags, javascript: links, link targets with quotes
  and bidirectional overrides, so only what it lets through: quotes breaking out of attributes,
  entities, template syntax);
- models built directly, with everything the loader would refuse (<script>, event handlers,
  broken HTML, comments), handed to the real pipeline (localize → render → build → …) in place of
  the loader: this proves the templates and the theme escape, whatever reaches them.

Then Chromium opens the pages, without the Content Security Policy (so that escaping alone is
tested) and with it (so that nothing is even attempted): no dialog, `window.__pwned` never set,
no content-made element or attribute, and the fiche keeps its structure.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

import generator.pipeline
from generator.load import load_catalogue
from generator.fingerprints import fingerprint, translatable_fields
from generator.models import (
    Action,
    ActionTranslation,
    Admin,
    Alert,
    Budget,
    Catalogue,
    Contact,
    ContactKind,
    Orienter,
    Contract,
    Coordinator,
    LoadedAction,
    LoadedTerritory,
    LoadedTranslation,
    Orientation,
    Period,
    Place,
    Price,
    Source,
    Territory,
    TerritoryTranslation,
    TranslatedAlert,
    TranslatedOrientation,
    TranslatedWho,
    Where,
    Who,
    Zone,
)
from generator.pipeline import run_pipeline

from site_checks import Watcher, csp_directives, parse_file, unexpected_scripts

LANGUAGES = ["fr", "ar"]
BUILD_DATE = dt.date(2026, 6, 1)
SECTIONS = ["pour-qui", "quoi", "ou", "orientation"]

# Everything that tries to run sets window.__pwned or opens a dialog.
SCRIPT = "<script>window.__pwned='script';alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned='img';alert('img')\">"
SVG = "<svg/onload=window.__pwned='svg'>"
BREAK_DQ = "\" onmouseover=\"window.__pwned='dq'\" onfocus=\"window.__pwned='dq'\" autofocus x=\""
BREAK_SQ = "' onmouseover='window.__pwned=1' onfocus='window.__pwned=1' autofocus x='"
CLOSE = "</div></details></dl></ul></p></a></h2><script>window.__pwned='close'</script>"
COMMENT = "<!-- "
ENTITIES = "&lt;script&gt;window.__pwned=1&lt;/script&gt; &#60;b&#62; &amp;amp;"
HOSTILE_EMAIL = "\"onmouseover=\"window.__pwned=1\"@evil.fr"
HOSTILE_URL = "https://example.org/?q=\"onmouseover=\"window.__pwned=1"
RLO = "\u202eevil\u202c"
TEMPLATE = "{{ 7*7 }} {% raw %} ${7*7} #{7*7}"
MD_JS = "[clic](javascript:window.__pwned='md')"
MD_ATTR = "[lien](https://example.org/\" onclick=\"window.__pwned='md' \"titre\")"
# A safe target, then a title that tries to break out of its attribute: the loader lets it through.
MD_TITLE = "[lien](https://example.org/ \"x\" onclick=\"window.__pwned=1\")"

# What the loader lets through (a right-to-left override it refuses: generator/gate/text.py).
YAML_PAYLOADS = [BREAK_DQ, BREAK_SQ, ENTITIES, TEMPLATE, "-- > ]]> \\\" \\' `x`"]
# Everything.
ALL_PAYLOADS = [SCRIPT, IMG, SVG, BREAK_DQ, BREAK_SQ, CLOSE, COMMENT, ENTITIES, RLO, TEMPLATE, MD_JS]


def hostile(label: str, payloads=ALL_PAYLOADS) -> str:
    return f"{label} " + " ".join(payloads)


# --- the content ---


def hostile_catalogue(root: Path) -> Catalogue:
    """Two actions of one territory, every free text field hostile, with Arabic translations."""
    contract = Contract(
        id="ctai", kind="CTAI", label=hostile("Contrat"), period=Period(start=dt.date(2024, 1, 1), end=dt.date(2030, 12, 31)),
        signatories=[hostile("Signataire")],
    )
    territory = Territory(
        name=f"Ville {SCRIPT} {BREAK_DQ}", slug="hostile", kind="commune", departments=["57"], contracts=[contract],
        coordinator=Coordinator.model_construct(
            name=hostile("Coordination"), address=hostile("Adresse"),
            contacts=[Contact.model_construct(kind=ContactKind.email, value=HOSTILE_EMAIL, label=hostile("Courriel"))],
        ),
        intro=hostile("Intro"),
    )

    def action(slug: str, title: str) -> LoadedAction:
        model = Action(
            title=title,
            abstract=f"{IMG} {BREAK_DQ}"[:110],
            what="\n\n".join([hostile("Quoi"), f"- {SCRIPT}\n- {CLOSE}", MD_JS, MD_ATTR, COMMENT + "fin"]),
            why=[hostile("Pourquoi"), MD_JS, CLOSE],
            themes=["travail", "logement"],
            who=Who(
                publics=["bpi"], commitment=hostile("Engagement"), frequency=hostile("Rythme"),
                price=Price(amount=Decimal("10"), unit=hostile("Unité")),
                period=Period(start=dt.date(2025, 1, 1), end=dt.date(2027, 12, 31)),
            ),
            where=Where(
                places=[Place(name=hostile("Lieu"), address=hostile("Rue"), postcode="57000", city=hostile("Ville"))],
                zone=Zone(communes=[hostile("Commune")]),
            ),
            orientation=Orientation.model_construct(
                orienters=[Orienter.ccas], referral_only=False, steps=[hostile("Étape"), MD_JS, CLOSE], documents=[hostile("Document")],
                contacts=[
                    # Built without validation: the loader refuses such addresses (test below), and
                    # the pages must stay safe even if one got through.
                    Contact.model_construct(kind=ContactKind.email, value="\"><img/src=x/onerror=window.__pwned=1>@evil.fr", label=hostile("Mail")),
                    Contact.model_construct(kind=ContactKind.website, value=HOSTILE_URL, label=hostile("Site")),
                    Contact(kind="phone", value="03 87 00 00 00", label=hostile("Téléphone")),
                ],
            ),
            alert=Alert(kind="info", message=hostile("Alerte")),
            last_verified=dt.date(2026, 1, 1),
            admin=Admin(
                contract="ctai", axis=hostile("Axe"), official_title=hostile("Intitulé"), ctai_themes=["emploi-formation"],
                operators=[hostile("Opérateur")], partners=[hostile("Partenaire")], audience="beneficiaries",
                target=hostile("Objectif"), budget=Budget(total_cost=Decimal("1000"), note=hostile("Budget")),
                indicators=[hostile("Indicateur")], source=Source(document=hostile("Document"), section=hostile("Section")),
            ),
        )
        translation = ActionTranslation(
            status="machine", source_fingerprint=fingerprint(translatable_fields(model)),
            title=hostile("عنوان"), abstract=f"{SVG} {BREAK_SQ}"[:160], what=hostile("ماذا"), why=[hostile("لماذا"), MD_JS],
            who=TranslatedWho(commitment=hostile("التزام"), frequency=hostile("إيقاع")),
            orientation=TranslatedOrientation(steps=[hostile("خطوة"), CLOSE], documents=[hostile("وثيقة")]),
            alert=TranslatedAlert(message=hostile("تنبيه")),
        )
        loaded = LoadedAction(slug=slug, territory="hostile", model=model, path=root / f"{slug}.yml")
        loaded.translations["ar"] = LoadedTranslation("ar", translation, root / f"{slug}.ar.yml", stale=False)
        return loaded

    loaded_territory = LoadedTerritory(slug="hostile", model=territory, path=root / "territory.yml")
    for loaded in (action("piege", hostile("Titre")), action("autre", f"Autre {IMG}")):
        loaded_territory.actions[loaded.slug] = loaded
    loaded_territory.translations["ar"] = LoadedTranslation(
        "ar", TerritoryTranslation(status="machine", source_fingerprint="0" * 12, intro=hostile("مقدمة")),
        root / "territory.ar.yml", stale=False,
    )
    return Catalogue(territories={"hostile": loaded_territory})


def write_yaml_content(content: Path) -> None:
    """The same idea as YAML files, limited to what the loader accepts."""

    def quoted_text(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    def quoted(label: str) -> str:
        return quoted_text(hostile(label, YAML_PAYLOADS))

    (content / "hostile" / "actions").mkdir(parents=True)
    (content / "hostile" / "territory.yml").write_text(textwrap.dedent(f"""\
        name: {quoted("Ville")}
        slug: hostile
        kind: commune
        departments: ["57"]
        contracts:
          - id: ctai
            kind: CTAI
            label: {quoted("Contrat")}
            period: {{start: 2024-01-01, end: 2030-12-31}}
            signatories: [{quoted("Signataire")}]
        coordinator:
          name: {quoted("Coordination")}
          contacts:
            - {{kind: email, value: accueil@exemple.fr, label: {quoted("Courriel")}}}
        intro: {quoted("Intro")}
        """), encoding="utf-8")
    (content / "hostile" / "actions" / "piege.yml").write_text(textwrap.dedent(f"""\
        title: {quoted("Titre")}
        abstract: {quoted_text(f"Résumé {BREAK_DQ} &lt;b&gt;")}
        what: {quoted("Quoi")}
        why: [{quoted("Pourquoi")}, {quoted_text(MD_TITLE)}]
        themes: [travail]
        who:
          publics: [bpi]
          commitment: {quoted("Engagement")}
          period: {{start: 2025-01-01, end: 2027-12-31}}
        where:
          places:
            - {{name: {quoted("Lieu")}, address: {quoted("Rue")}, postcode: "57000", city: {quoted("Ville")}}}
        orientation:
          orienters: [ccas]
          steps: [{quoted("Étape")}]
          contacts:
            - {{kind: website, value: 'https://example.org/?q=1', label: {quoted("Site")}}}
        alert: {{kind: info, message: {quoted("Alerte")}}}
        last_verified: 2026-01-01
        admin:
          contract: ctai
          official_title: {quoted("Intitulé")}
          operators: [{quoted("Opérateur")}]
          audience: beneficiaries
          source: {{document: doc.txt, section: {quoted("Section")}}}
        """), encoding="utf-8")


def without_csp(site: Path, copy: Path) -> Path:
    """A copy of `site` whose pages have no Content Security Policy: escaping alone is then tested."""
    shutil.copytree(site, copy)
    for page in copy.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text), encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile")
    sites = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc).timestamp())))
        patch.delenv("CATALOGUE_BASE_PATH", raising=False)
        # 1. YAML, through the loader.
        write_yaml_content(root / "content")
        load_catalogue(root / "content")  # the loader accepts these: they do reach the templates
        run_pipeline(root / "content", root / "yaml", LANGUAGES, progress=False)
        sites["yaml"] = root / "yaml"
        # 2. Models, in place of the loader.
        catalogue = hostile_catalogue(root / "models-content")
        patch.setattr(generator.pipeline, "load_catalogue", lambda content_dir: catalogue)
        run_pipeline(root / "models-content", root / "models", LANGUAGES, progress=False)
        sites["models"] = root / "models"
    return sites


# --- the built files ---

ROUTES = ["yaml", "models"]


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("route", ROUTES)
def test_no_markup_from_the_content_in_any_page(hostile_sites, route):
    site = hostile_sites[route]
    pages = pages_of(site)
    assert len(pages) > 10
    problems = []
    for path in pages:
        page = parse_file(path)
        name = path.relative_to(site)
        problems += [f"{name}: <{tag} {attribute}={value!r}>" for tag, attribute, value in page.handlers]
        problems += [f"{name}: <{tag}>" for tag, _ in page.elements if tag in ("img", "iframe", "object", "embed")]
        problems += [
            f"{name}: <{tag} {attribute}={value!r}>" for tag, attribute, value in page.urls
            if re.match(r"\s*(javascript|data|vbscript):", value, re.IGNORECASE)
        ]
        policy = csp_directives(page.csp[0]).get("script-src", []) if page.csp else []
        problems += [f"{name}: {problem}" for problem in unexpected_scripts(page, policy)]
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_fiche_keeps_its_structure_and_shows_the_text_as_text(hostile_sites, route, lang):
    site = hostile_sites[route]
    fiche = site / lang / "hostile" / "piege" / "index.html"
    text = fiche.read_text(encoding="utf-8")
    page = parse_file(fiche)
    ids = [values.get("id") for tag, values in page.elements if tag == "h2"]
    assert [anchor for anchor in ids if anchor in SECTIONS] == SECTIONS
    assert text.count("<h1") == 1
    # Entities stay as typed: "&lt;script&gt;" is shown, not turned into "<script>".
    assert html.escape("&lt;script&gt;") in text
    # The right-to-left override (which only the models route can carry) is shown as typed, never
    # dropped or turned into markup.
    assert route == "yaml" or RLO in html.unescape(text)


# --- in Chromium ---

TRIGGER_EVENTS = """() => {
  for (const element of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'pointerover', 'focus', 'focusin', 'animationstart', 'load', 'error']) {
      element.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
  for (const details of document.querySelectorAll('details')) details.open = true;
}"""

# The fiche's elements carrying content, and the text each must show. Whatever the content,
# they exist, and content never becomes an attribute or an element of its own.
STRUCTURE = """() => ({
  h1: document.querySelectorAll('article h1').length,
  sections: [...document.querySelectorAll('h2[id]')].map(h => h.id),
  details: document.querySelectorAll('details#pour-les-professionnels dl').length,
  handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
      .filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value)).map(a => el.tagName + ' ' + a.name)),
  scripts: [...document.scripts].map(s => s.src ? new URL(s.src).pathname.split('/').pop() : s.textContent.slice(0, 40)),
  images: document.images.length,
  comments: document.evaluate('//comment()', document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null).snapshotLength,
})"""


def pages_to_open(lang: str) -> list[str]:
    return [f"{lang}/", f"{lang}/hostile/", f"{lang}/hostile/piege/", f"{lang}/hostile/autre/",
            f"{lang}/hostile/completude/", f"{lang}/hostile/themes/travail/"]


@pytest.mark.parametrize("csp", ["without-csp", "with-csp"])
@pytest.mark.parametrize("route", ROUTES)
def test_no_content_script_runs_in_chromium(chromium, hostile_sites, tmp_path, route, csp):
    from browser import serve

    site = hostile_sites[route]
    if csp == "without-csp":
        site = without_csp(site, tmp_path / "site")
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    watcher = Watcher(page)
    problems = {}
    with serve(site) as url:
        for lang in LANGUAGES:
            for path in pages_to_open(lang):
                page.goto(f"{url}/{path}")
                page.evaluate(TRIGGER_EVENTS)
                page.mouse.move(180, 200)
                for _ in range(6):
                    page.keyboard.press("Tab")
                issues = []
                if page.evaluate("typeof window.__pwned") != "undefined":
                    issues.append(f"window.__pwned = {page.evaluate('window.__pwned')!r}")
                structure = page.evaluate(STRUCTURE)
                if structure["handlers"]:
                    issues.append(f"attributes: {structure['handlers']}")
                if structure["images"]:
                    issues.append(f"{structure['images']} images")
                # Material's script and the search; the inline ones are Material's too (by hash, below).
                content_scripts = [s for s in structure["scripts"] if "__pwned" in s or "alert" in s]
                if content_scripts:
                    issues.append(f"scripts: {content_scripts}")
                if path.endswith("/piege/"):
                    if structure["h1"] != 1 or [s for s in structure["sections"] if s in SECTIONS] != SECTIONS:
                        issues.append(f"structure: {structure}")
                    if structure["details"] != 1:
                        issues.append("the professionals' details lost its list")
                    if structure["comments"]:
                        issues.append(f"{structure['comments']} comments in the DOM")
                if csp == "with-csp":
                    issues += [f"CSP: {v}" for v in page.evaluate("window.__csp")]
                    issues += [f"console: {text}" for text in watcher.errors]
                if issues:
                    problems[path] = issues
                watcher.errors.clear()
    assert watcher.dialogs == [], watcher.dialogs
    assert watcher.foreign == [], watcher.foreign
    context.close()
    assert not problems, "\n".join(f"{path}: {issues}" for path, issues in problems.items())


def test_the_title_is_shown_exactly_as_written(chromium, hostile_sites):
    """Escaped once, never twice: the reader sees the characters that were typed."""
    from browser import serve

    def squeeze(text: str) -> str:
        return " ".join(text.split())  # the browser collapses runs of spaces

    title = squeeze(hostile("Titre"))
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    with serve(hostile_sites["models"]) as url:
        page.goto(f"{url}/fr/hostile/piege/")
        assert squeeze(page.locator("article h1").inner_text()) == title
        # The theme's breadcrumb and the window title show the same characters.
        assert title in squeeze(page.title())
        trail = page.locator(".catalogue-trail [aria-current='page']")
        assert squeeze(trail.text_content()) == title
        page.goto(f"{url}/fr/hostile/")
        assert squeeze(page.locator("article h1").inner_text()) == squeeze(f"Ville {SCRIPT} {BREAK_DQ}")
        # The home page lists the territory under the same name.
        page.goto(f"{url}/fr/")
        assert squeeze(f"Ville {SCRIPT} {BREAK_DQ}") in [
            squeeze(text) for text in page.locator(".territory-card__name").all_text_contents()
        ]
    context.close()


@pytest.mark.parametrize("kind, value", [("email", HOSTILE_EMAIL), ("website", HOSTILE_URL)])
def test_the_loader_refuses_contact_addresses_made_of_markup(kind, value):
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Contact(kind=kind, value=value)


def test_the_loader_refuses_bidirectional_overrides_but_not_the_joiners_of_persian():
    from generator.gate.text import text_problems

    for control in ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"):
        assert any("sens d'écriture" in problem for problem in text_problems(f"Atelier {control}evil")), repr(control)
    # « می‌خواهم » (I want) is spelled with a zero-width non-joiner; marks fix the side of punctuation.
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u200f(\u0641\u0627\u0631\u0633\u06cc)\u200e \u061c"
    assert text_problems(persian) == []
