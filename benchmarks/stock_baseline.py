"""The yardstick for build_scale.py: the same fiches as plain Markdown, built by stock MkDocs Material.

What a team would get without this project: one MkDocs project per language, each fiche a
Markdown page with its four sections, a flat navigation listing every page, Material's own
search plugin, and no theme override. Built with the same versions, in the same run and on the
same machine as our pipeline, so that the report can give our time and size as ratios to it.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.load import load_catalogue
from generator.models import Catalogue, LoadedAction

MATERIAL_LANGUAGE = {"fa": "fa", "ps": "en", "ti": "en"}  # where stock Material has no translation
SECTIONS = ("C'est pour qui ?", "C'est quoi ?", "C'est où ?", "Comment être orienté ?")


def fiche_markdown(action: LoadedAction, lang: str) -> str:
    """The fiche's text in `lang` where translated, else French, as plain Markdown."""
    model = action.model
    translated = action.translations.get(lang)
    text = translated.model if translated else None

    def pick(name: str, french):
        value = getattr(text, name, None) if text else None
        return value or french

    who = model.who
    facts = [f"- {label}: {value}" for label, value in (
        ("Publics", ", ".join(p.value for p in who.publics or [])),
        ("Période", f"{who.period.start} – {who.period.end}" if who.period else ""),
    ) if value]
    steps = pick("orientation", None)
    steps = getattr(steps, "steps", None) or model.orientation.steps or []
    parts = [
        f"# {pick('title', model.title)}",
        pick("abstract", model.abstract),
        f"## {SECTIONS[0]}",
        "\n".join(facts),
        f"## {SECTIONS[1]}",
        pick("what", model.what),
        "\n".join(f"- {item}" for item in pick("why", model.why) or []),
        f"## {SECTIONS[2]}",
        "\n".join(f"- {place.name}, {place.city}" for place in model.where.places) or "-",
        f"## {SECTIONS[3]}",
        "\n".join(f"{number}. {step}" for number, step in enumerate(steps, 1)),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def write_project(catalogue: Catalogue, lang: str, root: Path) -> Path:
    docs = root / "docs"
    nav = [{"Accueil": "index.md"}]
    (docs).mkdir(parents=True)
    (docs / "index.md").write_text("# Catalogue\n", encoding="utf-8")
    for action in catalogue.actions():
        page = Path(action.territory) / f"{action.slug}.md"
        (docs / page).parent.mkdir(exist_ok=True)
        (docs / page).write_text(fiche_markdown(action, lang), encoding="utf-8")
        nav.append({action.model.title: page.as_posix()})
    config = {
        "site_name": "Catalogue",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "language": MATERIAL_LANGUAGE.get(lang, lang)},
        "plugins": ["search"],
        "nav": nav,
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root / "mkdocs.yml"


def _build_language(content: Path, lang: str, out: Path) -> int:
    """One stock build; returns the bytes of its site."""
    catalogue = load_catalogue(content)
    with tempfile.TemporaryDirectory(prefix=f"stock-{lang}-") as tmp:
        config_file = write_project(catalogue, lang, Path(tmp))
        build(load_config(str(config_file), site_dir=str(out / lang)))
    return sum(path.stat().st_size for path in (out / lang).rglob("*") if path.is_file())


def build_stock_site(content: Path, out: Path, languages: list[str]) -> dict:
    """Builds every language (two at a time, as our pipeline uses both cores); wall time and size."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        sizes = list(pool.map(_build_language, [content] * len(languages), languages, [out] * len(languages)))
    wall = time.perf_counter() - started
    pages = sum(1 for _ in out.rglob("*.html"))
    return {"wall_s": round(wall, 2), "pages": pages, "site_bytes": sum(sizes)}
