"""The coordinators' guide (docs/guide-coordinateur.md): its example fiche is a real one, which
`catalogue validate` accepts with every field filled, and which builds; the editor's buttons and
fields it names are the editor's."""

from __future__ import annotations

import re
from pathlib import Path

from generator.load import load_catalogue
from generator.models import Action, Territory

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "guide-coordinateur.md"
EXAMPLE = re.compile(r"<!-- exemple: (\S+) -->\n```yaml\n(.*?)```", re.DOTALL)


def _write_examples(content: Path) -> dict[str, Path]:
    written = {}
    for relative, text in EXAMPLE.findall(GUIDE.read_text(encoding="utf-8")):
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written[relative] = path
    return written


def test_the_guides_example_fiche_passes_validate_with_every_field_filled(tmp_path):
    from generator.checks import content_warnings

    written = _write_examples(tmp_path)
    assert set(written) == {"port-exemple/territory.yml", "port-exemple/actions/cours-francais.yml"}
    catalogue = load_catalogue(tmp_path)  # raises, listing every error, if the example is refused
    action = catalogue.territories["port-exemple"].actions["cours-francais"].model
    assert isinstance(action, Action) and isinstance(catalogue.territories["port-exemple"].model, Territory)
    # « Complete »: nothing the completeness page would list.
    assert [w for w in content_warnings(catalogue) if "pas encore remplis" in str(w)] == []
    for block in ("who", "where", "orientation", "admin"):
        data = getattr(action, block).model_dump(exclude_none=True, warnings=False)
        assert data, block
    assert action.admin.budget is not None and action.who.period.start.as_written() == "2024-09"


def test_the_guides_example_builds_into_a_fiche(tmp_path, monkeypatch):
    from conftest import BUILD_EPOCH
    from generator.pipeline import run_pipeline

    _write_examples(tmp_path / "content")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    run_pipeline(tmp_path / "content", tmp_path / "site", ["fr"], progress=False)
    fiche = (tmp_path / "site" / "fr" / "port-exemple" / "cours-francais" / "index.html").read_text(encoding="utf-8")
    assert "<strong>cours de français</strong>" in fiche
    assert "septembre 2024" in fiche


def _strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def test_the_editor_words_the_guide_quotes_are_the_editors():
    """The buttons, statuses, groups and fields the guide names are those the French editor
    shows (its vendored strings, and the form generated from the models), so that a coordinator
    finds them; the guide names no button the editor does not have."""
    import json

    from generator import editor, editor_form

    strings = set(_strings(json.loads((editor.EDITOR_FILES / "locales" / "fr.json").read_text(encoding="utf-8"))))
    strings = {text.replace("\u2019", "'") for text in strings}
    labels = {field["label"] for fields in editor_form.editor_fields().values() for field in _fields(fields)}
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    interface = [
        "Nouveau", "Créer une entrée", "Travailler avec un dépôt local",
        "Brouillon", "En révision", "Prêt", "Publier l'entrée", "Publier",
    ]
    form = [
        "Pour l'administration", "Titre", "Résumé", "C'est quoi ?", "Thèmes", "C'est pour qui ?",
        "C'est où ?", "Comment être orienté ?", "Dernière vérification", "Source",
        "Institution qui coordonne", "Formulaire pour signaler une erreur", "Ce qu'est le document",
        "Date du document",
    ]
    for word in interface + form:
        assert f"« {word} »" in guide or f"**{word}**" in guide, word
    assert [word for word in interface if word not in strings] == []
    assert [word for word in form if word not in labels] == []
    assert "dans le terminal." not in guide  # errors show over the previewed pages too


def _fields(fields):
    for field in fields:
        yield field
        yield from _fields(field.get("fields", []))
