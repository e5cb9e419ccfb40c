"""The web editor at /admin/, in Chromium, offline: Sveltia CMS with its test backend, whose
repository is a folder of the browser's own file system (OPFS). The test lays the fixture
catalogue there, fills the form as a coordinator would, saves, reads the file back, and checks
that `catalogue validate` accepts it and that the build makes a fiche of the typed values."""

from __future__ import annotations

import difflib
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from conftest import BUILD_EPOCH, CATALOGUE

# The test backend's repository, in the origin's private file system.
WRITE_REPOSITORY = """async (files) => {
  const root = await navigator.storage.getDirectory();
  const repository = await root.getDirectoryHandle('sveltia-cms-test', {create: true});
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let folder = repository;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""
READ_FILE = """async (path) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
  const parts = path.split('/');
  try {
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
    return await (await (await folder.getFileHandle(parts.at(-1))).getFile()).text();
  } catch (error) {
    return null;
  }
}"""


def _file_once_saved(page, path: str, contains: str = "", timeout: float = 15.0) -> str | None:
    """The file's text once the editor has saved it (and it holds `contains`), else None.

    Polled from Python: `wait_for_function` takes the read's pending promise for a truthy answer
    and returns before the file exists."""
    deadline = time.monotonic() + timeout
    while True:
        text = page.evaluate(READ_FILE, path)
        if (text is not None and contains in text) or time.monotonic() > deadline:
            return text
        page.wait_for_timeout(100)


def _repository_files(content: Path) -> dict[str, str]:
    return {f"content/{path.relative_to(content).as_posix()}": path.read_text(encoding="utf-8") for path in content.rglob("*.yml")}


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory):
    """The fixture catalogue built in French, with the editor on its test backend."""
    from generator.pipeline import run_pipeline

    out = tmp_path_factory.mktemp("editor") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CATALOGUE_EDITOR_BACKEND", "test-repo")
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        run_pipeline(CATALOGUE, out, ["fr"], progress=False)
    from browser import serve

    with serve(out) as url:
        yield url


# Every refusal of /admin/'s Content Security Policy, reported to the test.
REPORT_VIOLATIONS = """document.addEventListener('securitypolicyviolation', (event) =>
  window.reportPolicyViolation(`${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} in ${event.sourceFile || event.documentURI}`));"""


@pytest.fixture
def editor(chromium, editor_site):
    """/admin/ open on the test repository, holding the fixture catalogue. Whatever the test does,
    the editor must ask no other origin and its Content Security Policy must refuse nothing: a
    refused load is one the editor tried (the policy stops it before any request is made)."""
    from playwright.sync_api import expect

    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    elsewhere, refused = [], []
    context.on("request", lambda request: None if request.url.startswith((editor_site, "data:", "blob:")) else elsewhere.append(request.url))
    context.expose_function("reportPolicyViolation", lambda report: refused.append(report))
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(f"{editor_site}/admin/")
    page.evaluate(WRITE_REPOSITORY, _repository_files(CATALOGUE))
    page.get_by_role("button", name=re.compile("test", re.IGNORECASE)).click()
    expect(page.get_by_role("treeitem", name="Actions : Port-Exemple")).to_be_visible()
    yield page
    page.wait_for_timeout(500)  # a load the last action started
    context.close()
    assert elsewhere == [], "the editor asked another origin"
    assert refused == [], "the editor tried a load its Content Security Policy refuses"


def _field(page, label: str):
    """A field of the form, by its label. The editor renders fields as they scroll into view:
    scroll the form until the field is there."""
    field = page.get_by_role("group", name=f"Champ « \u2068{label}\u2069 »", exact=True)
    for _ in range(40):
        if field.count():
            break
        page.get_by_role("group", name=re.compile("^Champ")).last.scroll_into_view_if_needed()
        page.get_by_role("group", name=re.compile("^Modifier le contenu")).hover()
        page.mouse.wheel(0, 400)
    return field


def _validate_and_build(tmp_path: Path, relative: str, text: str) -> Path:
    """Copy the fixture catalogue, put the saved file in it, validate and build it in French."""
    from generator.load import load_catalogue
    from generator.pipeline import run_pipeline

    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    (content / relative).write_text(text, encoding="utf-8")
    load_catalogue(content)  # raises ContentErrors, listing every error, if the file is refused
    site = tmp_path / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        run_pipeline(content, site, ["fr"], progress=False)
    return site


def test_a_coordinator_creates_an_action_in_the_form_and_it_builds_into_a_fiche(editor, tmp_path):
    from playwright.sync_api import expect

    page = editor
    page.get_by_role("treeitem", name="Actions : Port-Exemple").click()
    page.get_by_role("button", name="Créer une entrée", exact=True).click()
    expect(_field(page, "Titre")).to_be_visible()

    _field(page, "Titre").get_by_role("textbox").fill("Apprendre à coudre")
    _field(page, "Résumé").get_by_role("textbox").fill("Un atelier de couture pour pratiquer le français.")
    _field(page, "C'est quoi ?").get_by_role("textbox").fill("Un atelier de couture, **chaque mardi**, au centre social.")
    themes = _field(page, "Thèmes")
    themes.get_by_role("combobox").click()
    page.get_by_role("option", name="Activités et culture").click()
    expect(themes.get_by_text("Activités et culture")).to_be_visible()
    _field(page, "Dernière vérification").get_by_role("textbox").fill("2025-05-20")
    administration = _field(page, "Pour l'administration")
    administration.get_by_role("button", name="Développer").first.click()
    _field(page, "Contrat (identifiant)").get_by_role("textbox").fill("ctai-2023-2026")
    _field(page, "Intitulé officiel").get_by_role("textbox").fill("Atelier couture et français")
    _field(page, "Public de l'action").get_by_role("radio", name="Pour vous").check()
    source = _field(page, "Source")
    source.get_by_role("button", name="Développer").click()
    _field(page, "Document source").get_by_role("textbox").fill("fixture.txt")
    _field(page, "Fiche ou section du document").get_by_role("textbox").fill("fiche 9")
    page.get_by_role("button", name="Enregistrer", exact=True).click()

    path = "content/port-exemple/actions/apprendre-a-coudre.yml"
    text = _file_once_saved(page, path)
    assert text is not None, "the editor saved no file where the catalogue expects the action"
    data = yaml.safe_load(text)
    # Only what was typed: no pre-filled facts.
    assert data["title"] == "Apprendre à coudre"
    assert data["abstract"] == "Un atelier de couture pour pratiquer le français."
    assert str(data["last_verified"]) == "2025-05-20"
    assert data["themes"] == ["culture"]
    assert data["admin"]["source"] == {"document": "fixture.txt", "section": "fiche 9"}
    assert "who" not in data and "where" not in data and "alert" not in data

    site = _validate_and_build(tmp_path, path.removeprefix("content/"), text)
    fiche = (site / "fr" / "port-exemple" / "apprendre-a-coudre" / "index.html").read_text(encoding="utf-8")
    assert "Apprendre à coudre" in fiche
    assert re.search(r'<p class="fiche-abstract"[^>]*>Un atelier de couture pour pratiquer le français\.</p>', fiche)
    assert "<strong>chaque mardi</strong>" in fiche
    assert "Activités et culture" in fiche
    verified = re.search(r'<p class="fiche-verified">(.*?)</p>', fiche).group(1)
    assert "20 mai 2025" in verified, verified


class _SavedStyle(yaml.SafeDumper):
    """YAML written as the editor writes it: block style, list items indented under their key."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _saved_text(dumper, value: str):
    # A block text loses its final line break: `|` becomes `|-`, a one-line `|` a plain line.
    value = value.rstrip("\n")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_SavedStyle.add_representer(str, _saved_text)


def saved_as_the_editor_writes_it(text: str) -> str:
    """`text` with every formatting change the form's rewrite makes, and nothing else (the list
    is in the README's « Limits »): comments dropped; quotes only where YAML needs them, single
    ones; flow style (`[a, b]`, `{k: v}`) written as blocks, list items indented under their key;
    block texts without their final line break, a folded `>-` text on one line. Values and the
    order of the keys, at every level, stay."""
    data = yaml.safe_load(text)
    return yaml.dump(data, Dumper=_SavedStyle, sort_keys=False, allow_unicode=True, width=float("inf"))


def _changed_lines(before: str, after: str) -> list[str]:
    """The lines a text diff shows between `before`, formatted as the editor writes, and `after`."""
    diff = difflib.unified_diff(
        saved_as_the_editor_writes_it(before).splitlines(keepends=True), after.splitlines(keepends=True), n=0
    )
    return [line.removesuffix("\n") for line in diff if not line.startswith(("---", "+++", "@@"))]


def _key_paths(data, prefix: str = "") -> list[str]:
    """Every key, nested ones included, in the file's order: `who`, `who.publics`, …"""
    if isinstance(data, dict):
        return [path for key, value in data.items() for path in (f"{prefix}{key}", *_key_paths(value, f"{prefix}{key}."))]
    if isinstance(data, list):
        return [path for index, item in enumerate(data) for path in _key_paths(item, f"{prefix}{index}.")]
    return []


def _edit_abstract(page, row: str, path: str, old: str, new: str) -> str:
    """Open the action of `row`, replace its abstract, save; the saved file's text."""
    from playwright.sync_api import expect

    page.get_by_role("treeitem", name="Actions : Port-Exemple").click()
    page.get_by_role("row", name=row).click()
    abstract = _field(page, "Résumé").get_by_role("textbox")
    expect(abstract).to_have_value(old)
    abstract.fill(new)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    return _file_once_saved(page, path, contains=new)


def test_editing_an_action_changes_only_the_edited_field(editor, tmp_path):
    """The file is rewritten from the form. A text diff against the original, once the
    rewrite's formatting changes are applied to it, shows the edited line and nothing else;
    the keys keep their order at every level; the values are the loader's same."""
    path = "content/port-exemple/actions/permanence-logement.yml"
    before = (CATALOGUE / path.removeprefix("content/")).read_text(encoding="utf-8")
    after = _edit_abstract(
        editor, "Trouver un logement", path,
        "Une permanence pour chercher un logement.", "Une permanence, le jeudi, pour chercher un logement.",
    )

    assert _changed_lines(before, after) == [
        "-abstract: Une permanence pour chercher un logement.",
        "+abstract: Une permanence, le jeudi, pour chercher un logement.",
    ]
    # What the formatting changes are, on this file: the comment line dropped, the quotes,
    # the flow style of `themes`, `who`, `where` and `admin.source`, the one-line `|` of `what`.
    assert after.startswith("title: Trouver un logement\nabstract: Une permanence, le jeudi, pour chercher un logement.\n"
                            "what: Une permanence aidera les personnes à chercher un logement, à partir de septembre 2025.\n"
                            "themes:\n  - logement\nwho:\n  publics:\n    - bpi\n  period:\n    start: 2025-09-01\n")
    assert "#" not in after
    assert _key_paths(yaml.safe_load(after)) == _key_paths(yaml.safe_load(before))

    from generator.models import Action

    old, new = (Action.model_validate(yaml.safe_load(text)).model_dump() for text in (before, after))
    assert new.pop("abstract") == "Une permanence, le jeudi, pour chercher un logement."
    old.pop("abstract")
    assert new == old
    _validate_and_build(tmp_path, path.removeprefix("content/"), after)


def test_saving_a_file_written_in_another_order_puts_its_keys_in_the_forms_order(editor):
    """The form writes the keys in the model's order (as `catalogue new` does): a file written by
    hand in another order (here `who.frequency` before `who.price`) is reordered when saved."""
    path = "content/port-exemple/actions/cours-francais.yml"
    before = (CATALOGUE / path.removeprefix("content/")).read_text(encoding="utf-8")
    after = _edit_abstract(
        editor, "Apprendre le français", path,
        "Des cours de français, deux matins par semaine.", "Des cours de français, le mardi et le jeudi matin.",
    )
    assert _changed_lines(before, after) == [
        "-abstract: Des cours de français, deux matins par semaine.",
        "+abstract: Des cours de français, le mardi et le jeudi matin.",
        "-  frequency: 2 matins par semaine",
        "+  frequency: 2 matins par semaine",
    ]
    who = list(yaml.safe_load(after)["who"])
    assert who.index("price") < who.index("frequency") < who.index("period")


def test_the_territory_form_keeps_its_contracts_in_the_administrations_group(editor):
    """As in the action's form, « Pour l'administration » is a group of its own, closed at
    first, which holds the contracts; the public fields stay outside it."""
    from playwright.sync_api import expect

    page = editor
    page.get_by_role("treeitem", name="Territoires").click()
    page.get_by_role("row", name="Port-Exemple").click()
    expect(_field(page, "Nom").get_by_role("textbox")).to_have_value("Port-Exemple")
    administration = _field(page, "Pour l'administration")
    expect(administration.get_by_text("Les contrats signés avec l'État (CTAIR, CTAI).")).to_be_visible()
    expect(administration.get_by_role("textbox")).to_have_count(0)  # closed
    administration.get_by_role("button", name="Développer").first.click()
    # The fixture territory has two contracts: the first one's identifier is enough.
    identifier = administration.get_by_role("textbox", name="Identifiant du contrat").first
    for _ in range(20):  # its fields render as they scroll into view
        if identifier.count():
            break
        administration.hover()
        page.mouse.wheel(0, 150)
    expect(identifier).to_have_value("ctai-2023-2026")
    for public in ("Nom", "Départements", "Institution qui coordonne", "Présentation"):
        expect(administration.get_by_role("group", name=f"Champ « \u2068{public}\u2069 »")).to_have_count(0)


def test_a_code_block_typed_in_a_markdown_field_loads_nothing_from_elsewhere(editor):
    """« ```python » makes a code block, which upstream Sveltia highlights with Shiki from
    unpkg.com (patched off, VENDOR_PATCHES); the fixture fails on any such load."""
    from playwright.sync_api import expect

    page = editor
    page.get_by_role("treeitem", name="Actions : Port-Exemple").click()
    page.get_by_role("row", name="Trouver un logement").click()
    what = _field(page, "C'est quoi ?")
    what.get_by_role("textbox").click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("```python ")
    page.keyboard.type("x = 1")
    # Sveltia shows the field as Markdown then, a code block being no button of this form.
    expect(what.get_by_role("textbox")).to_have_value(re.compile(r"```python\s+x = 1"))
    page.wait_for_timeout(1000)  # the highlighter is loaded in the background


def test_the_editor_shows_each_fiches_languages_and_their_state(editor):
    """Machine, reviewed or stale: the labels come from the loader, which compares fingerprints."""
    from playwright.sync_api import expect

    page = editor
    page.get_by_role("treeitem", name="Traductions : Port-Exemple").click()
    for label in (
        "Apprendre le français — arabe : relue",
        "Apprendre le français — anglais : automatique",
        "Apprendre le français — russe : automatique, à mettre à jour (le français a changé depuis)",
    ):
        expect(page.get_by_role("row", name=label, exact=True)).to_be_visible()


def test_the_editing_form_passes_axe_wcag_aa(editor):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import expect

    from test_pages_in_browser import WCAG_AA

    page = editor
    page.get_by_role("treeitem", name="Actions : Port-Exemple").click()
    page.get_by_role("row", name="Trouver un logement").click()
    expect(_field(page, "Résumé").get_by_role("textbox")).to_be_visible()
    results = Axe().run(page, options=WCAG_AA)
    assert [(v["id"], v["help"], len(v["nodes"])) for v in results.response["violations"]] == []
