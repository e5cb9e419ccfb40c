"""The web editor at `/admin/` (Sveltia CMS, vendored in `generator/site_admin/`).

Its form comes from the models (`generator/editor_form.py`); the build adds one collection per
territory and writes the whole configuration to `site/admin/config.yml`, beside the vendored
script.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tarfile
from pathlib import Path

import yaml

from generator import models, routes, templating
from generator.editor_form import editor_fields
from generator.languages import LANGUAGES
from generator.reference import TRANSLATION_STATUSES
from generator.settings import Settings

EDITOR_FILES = Path(__file__).resolve().parent / "site_admin"
PROJECT_DIR = EDITOR_FILES.parent.parent
EDITOR_SCRIPT = "sveltia-cms.js"
# The vendored Sveltia CMS: its npm version and the SHA-256 of dist/sveltia-cms.js in that
# tarball; `python -m generator.editor TARBALL` checks it, applies VENDOR_PATCHES and writes
# the file whose SHA-256 is EDITOR_SHA256 (see the README's « Web editor »).
EDITOR_VERSION = "0.221.1"
EDITOR_UPSTREAM_SHA256 = "2fc783907e1a4a70783f155cc28435c70b8f79792f2aab75e787984e84aa413a"
EDITOR_SHA256 = "01435ab48d6099aea58d8ea01d3a0ddf2f61885c76b59d446fbe4ff34defd6da"
# Sveltia fetches its interface strings and fonts from CDNs: the French strings and the icon
# font are vendored beside it and read from there; its text fonts give way to the system's.
# And its viewport forbids zooming.
VENDOR_PATCHES = (
    ("USe=`${iP}@${rP}/locales`", "USe=`./locales`"),
    (
        "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2",
        "./fonts/material-symbols-outlined-latin-wght-normal.woff2",
    ),
    (
        "src:url(https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2)\n      format('woff2-variations')",
        "src:local('Source Sans 3')",
    ),
    (
        "src:url(https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2)\n      format('woff2')",
        "src:local('Noto Mono')",
    ),
    # Its viewport forbids zooming (WCAG 1.4.4): let people zoom.
    ("`initial-scale=1`,`maximum-scale=1`,", "`initial-scale=1`,"),
    # Its update check asks unpkg.com for the newest release: the pinned version never updates itself.
    ("LSe=async()=>{try{let e=await fetch(NSe);", "LSe=async()=>{try{return;let e=await fetch(NSe);"),
    # In GitHub mode it asks www.githubstatus.com every five minutes whether GitHub has an
    # incident: « unknown », as when that fetch fails, and no banner.
    ("kye=async()=>{try{let{status:{indicator:e}}=await ez(Oye);", "kye=async()=>{try{return`unknown`;let{status:{indicator:e}}=await ez(Oye);"),
    # A code block in a Markdown field (typing ```python in the form makes one) would import the
    # Shiki highlighter from unpkg.com (@sveltia/ui, then @shikijs): no highlighting, as when
    # that import fails.
    ("xk={loadEngine:async()=>hk(()=>import(vk()),void 0),", "xk={loadEngine:async()=>{throw Error(`no code highlighting: it would load from unpkg.com`)},"),
)
# The page itself is generator/templates/editor.html.j2.
EDITOR_PAGE_FILES = (
    "editor-prefs.js", EDITOR_SCRIPT, "LICENSE.txt", "locales/fr.json",
    "fonts/material-symbols-outlined-latin-wght-normal.woff2", "fonts/LICENSE-material-symbols.txt",
)

def _backend(settings: Settings) -> dict:
    if settings.editor_backend == "test-repo":
        return {"name": "test-repo"}
    # Without a repository (a local build, `catalogue serve`) the editor still works on the local
    # folder (« Travailler avec un dépôt local »), and asks for the folder of that name.
    return {"name": "github", "repo": settings.editor_repository or f"local/{PROJECT_DIR.name}", "branch": "main"}


TRANSLATION_FIELDS = [
    {"name": "status", "label": "État", "widget": "select", "readonly": True, "required": True,
     "options": [{"label": label, "value": status.value} for status, label in TRANSLATION_STATUSES.items()]},
    {"name": "title", "label": "Titre traduit", "widget": "string", "readonly": True, "required": False},
]


def translation_label(action: models.LoadedAction, lang: str, translation: models.LoadedTranslation) -> str:
    """« Apprendre le français — russe : automatique, à mettre à jour »: what the loader knows,
    the stale fingerprint included, which the editor cannot compute itself."""
    state = "relue" if translation.model.status is models.TranslationStatus.reviewed else "automatique"
    if translation.stale:
        state += ", à mettre à jour (le français a changé depuis)"
    return f"{action.model.title} — {LANGUAGES[lang].french_name} : {state}"


def _translations_collection(territory: models.LoadedTerritory, name: str, content_path: str) -> dict | None:
    files = [
        {
            "name": f"{action.slug}-{lang}",
            "label": translation_label(action, lang, translation),
            "file": f"{content_path}/{territory.slug}/actions/{action.slug}.{lang}.yml",
            "fields": TRANSLATION_FIELDS,
        }
        for action in sorted(territory.actions.values(), key=lambda a: a.slug)
        for lang, translation in sorted(action.translations.items())
    ]
    if not files:
        return None
    return {
        "name": f"traductions-{territory.slug}",
        "label": f"Traductions : {name}",
        "description": "Les langues de chaque fiche, et leur état. Elles se traduisent avec les fichiers PO"
        " (catalogue translations export / import), pas dans ce formulaire : voir le guide.",
        "format": "yaml",
        "publish": False,
        "files": files,
    }


def editor_config(catalogue: models.Catalogue, settings: Settings, content_path: str = "content") -> dict:
    """The whole configuration: one file per territory, one folder of actions per territory."""
    fields = editor_fields()
    territories = sorted(catalogue.territories.values(), key=lambda t: t.slug)
    collections = [
        {
            "name": "territoires",
            "label": "Territoires",
            "label_singular": "Territoire",
            "description": "Un nouveau territoire se crée avec « catalogue new territory » (voir le guide).",
            "format": "yaml",
            "files": [
                {
                    "name": territory.slug,
                    "label": territory.model.name if territory.model else territory.slug,
                    "file": f"{content_path}/{territory.slug}/territory.yml",
                    "fields": fields["territory"],
                }
                for territory in territories
            ],
        }
    ]
    for territory in territories:
        name = territory.model.name if territory.model else territory.slug
        collections.append(
            {
                "name": f"actions-{territory.slug}",
                "label": f"Actions : {name}",
                "label_singular": "Action",
                "folder": f"{content_path}/{territory.slug}/actions",
                "extension": "yml",
                "format": "yaml",
                "create": True,
                "delete": False,
                "identifier_field": "title",
                "slug": "{{title}}",
                # `<action>.<lang>.yml` are its translations, made by the PO workflow: they
                # have no `last_verified` date, which every French file has (a year, in any
                # form the date is read as; a missing value reads as « undefined »).
                "filter": {"field": "last_verified", "pattern": r"\d{4}"},
                "fields": fields["action"],
            }
        )
        translations = _translations_collection(territory, name, content_path)
        if translations:
            collections.append(translations)
    return {
        "backend": _backend(settings),
        "publish_mode": "editorial_workflow",
        "app_title": "Catalogue : éditeur",
        "media_folder": f"{content_path}/_media",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "output": {"omit_empty_optional_fields": True},
        "collections": collections,
    }


def write_editor(catalogue: models.Catalogue, site_dir: Path, settings: Settings) -> None:
    """`site/admin/`: the page, the vendored editor and its configuration."""
    folder = site_dir / routes.EDITOR_FOLDER
    for sub in ("locales", "fonts"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    page = templating.html_environment().get_template("editor.html.j2").render()
    (folder / "index.html").write_text(page + "\n", encoding="utf-8")
    for name in EDITOR_PAGE_FILES:
        shutil.copyfile(EDITOR_FILES / name, folder / name)
    text = yaml.safe_dump(editor_config(catalogue, settings), allow_unicode=True, sort_keys=False, width=120)
    (folder / "config.yml").write_text(text, encoding="utf-8")


def patched_script(upstream: str) -> str:
    """Sveltia's dist/sveltia-cms.js, made to load nothing from another origin."""
    for old, new in VENDOR_PATCHES:
        if upstream.count(old) != 1:
            raise ValueError(f"the editor's script has changed: patch the new version by hand ({old[:60]}…)")
        upstream = upstream.replace(old, new)
    return upstream


def vendor(tarball: Path) -> None:
    """Vendor `npm pack @sveltia/cms@EDITOR_VERSION`: checked, patched, with its licence and French strings."""
    with tarfile.open(tarball) as archive:
        script = archive.extractfile("package/dist/sveltia-cms.js").read()
        if hashlib.sha256(script).hexdigest() != EDITOR_UPSTREAM_SHA256:
            raise SystemExit(f"{tarball}: not Sveltia CMS {EDITOR_VERSION} (SHA-256 différent)")
        (EDITOR_FILES / EDITOR_SCRIPT).write_text(patched_script(script.decode("utf-8")), encoding="utf-8")
        (EDITOR_FILES / "LICENSE.txt").write_bytes(archive.extractfile("package/LICENSE.txt").read())
        (EDITOR_FILES / "locales" / "fr.json").write_bytes(archive.extractfile("package/locales/fr.json").read())


if __name__ == "__main__":
    vendor(Path(sys.argv[1]))

