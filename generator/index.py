"""Stage 5, index: one Pagefind search index per language, inside that language's folder.

Each language gets its own index (`site/<lang>/pagefind/`), so a reader downloads only the
index of their language. Pagefind takes the language from `<html lang>`, and only what the
fiche template marks `data-pagefind-body` is indexed: never the menus.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import cbor2
from pagefind_bin import get_executable

from generator import labels, morphology
from generator.models import Action, listed
from generator.routes import FICHE_PAGES_GLOB, INDEX_FOLDER

# Pagefind's ready-made interfaces and its worker: theme/assets/search.js uses the JS API on
# the main thread, so these would only weigh on the published site.
UNUSED_FILES = ("pagefind-*ui.*", "pagefind-highlight.js", "pagefind-worker.js")


class IndexFailed(Exception):
    pass


# Where the fiche template opens what Pagefind indexes.
BODY_OPENING = "<div data-pagefind-body>"


def index_language(site_dir: Path, interrupted: Callable[[], bool] = lambda: False) -> bool:
    """Run Pagefind over one language's built pages; False, with no index made, when
    `interrupted()` turned true meanwhile (the preview stops for a new edit).

    For a language Pagefind cannot stem, Pagefind reads copies of the fiches that also hold
    their words' other forms (generator/morphology.py); the index lands in the site as usual.
    """
    lang = site_dir.name
    if lang in morphology.INFLECTED_LANGUAGES:
        with tempfile.TemporaryDirectory(prefix=f"catalogue-{lang}-index-") as copies:
            _copy_with_forms(site_dir, Path(copies), lang)
            finished = _run_pagefind(Path(copies), site_dir / INDEX_FOLDER, interrupted)
    else:
        finished = _run_pagefind(site_dir, site_dir / INDEX_FOLDER, interrupted)
    if not finished:
        return False
    _make_deterministic(site_dir / INDEX_FOLDER)
    for pattern in UNUSED_FILES:
        for path in (site_dir / INDEX_FOLDER).glob(pattern):
            path.unlink()
    return True


def _copy_with_forms(site_dir: Path, copies: Path, lang: str) -> None:
    for page in site_dir.glob(FICHE_PAGES_GLOB):
        html = page.read_text(encoding="utf-8")
        forms = morphology.other_forms(lang, morphology.indexed_text(html))
        # Lighter than the page's own words: a form found only here ranks after them.
        extra = f'{BODY_OPENING}<p data-pagefind-weight="0.5">{" ".join(forms)}</p>'
        copy = copies / page.relative_to(site_dir)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(html.replace(BODY_OPENING, extra, 1), encoding="utf-8")


# How often a running Pagefind is asked whether to stop (seconds).
_POLL_S = 0.05


def _run_pagefind(pages_dir: Path, output: Path, interrupted: Callable[[], bool]) -> bool:
    """Pagefind over `pages_dir` into `output`; stopped, and False, as soon as `interrupted()`."""
    command = [
        str(get_executable()), "--site", str(pages_dir), "--output-path", str(output),
        "--glob", FICHE_PAGES_GLOB, "--quiet",
    ]
    with tempfile.TemporaryFile() as log, subprocess.Popen(command, stdout=log, stderr=log) as pagefind:
        while True:
            if interrupted():
                pagefind.kill()
                pagefind.wait()
                return False
            try:
                returncode = pagefind.wait(timeout=_POLL_S)
                break
            except subprocess.TimeoutExpired:
                continue
        if returncode != 0:
            log.seek(0)
            said = log.read().decode("utf-8", "replace").strip()
            raise IndexFailed(f"Pagefind ({output.parent.name}) : {said}")
    return True


# Pagefind's binary files: gzip over a signature and CBOR.
_SIGNATURE = b"pagefind_dcd"


def _read(path: Path):
    return cbor2.loads(gzip.decompress(path.read_bytes())[len(_SIGNATURE):])


def _write(folder: Path, stem_prefix: str, suffix: str, data, digits: int) -> str:
    """Write `data` under a name derived from its content; return the name's hash part."""
    payload = _SIGNATURE + cbor2.dumps(data)
    name = f"{stem_prefix}{hashlib.sha256(payload).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(payload, mtime=0))
    return name


def _make_deterministic(index_dir: Path) -> None:
    """Pagefind 1.5 orders filter values, and languages in pagefind-entry.json, at random.

    Builds must be byte-identical, so the filter files are rewritten with sorted values, and the
    metadata file that names them is rewritten to match.
    """
    entry_path = index_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, language in entry["languages"].items():
        meta_path = index_dir / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = []
        for name, old_hash in meta[3]:
            old_path = index_dir / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _read(old_path)
            old_path.unlink()
            new_hash = _write(index_dir / "filter", f"{lang}_", ".pf_filter", [filter_name, sorted(values)], 7)
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        meta_path.unlink()
        language["hash"] = _write(index_dir, f"pagefind.{lang}_", ".pf_meta", meta, 10).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, sort_keys=True, separators=(",", ":")), encoding="utf-8")


# The filter theme/assets/search.js splits the results on, open ones first: whether the action is
# open by the rule the lists count with (generator/dates.py, `period_is_open`). Language-neutral:
# people never see it.
OPEN_FILTER = "open"


def search_filters(
    action: Action, territory_name: str, status_label: str, status_open: bool, gettext
) -> list[tuple[str, list[str]]]:
    """What a fiche can be filtered on in the search, named and valued in the page's language
    (except OPEN_FILTER).

    The fiche template writes them as `data-pagefind-filter` marks that Pagefind reads.
    """
    _ = gettext
    who = action.who

    def labelled(values, table):
        return [_(table[value]) for value in listed(values)]

    return [
        (_("Territoire"), [territory_name]),
        (_("Thème"), labelled(action.themes, labels.THEMES)),
        (_("Pour qui"), [_(labels.AUDIENCES[action.admin.audience])]),
        (_("Public"), labelled(who.publics, labels.PUBLICS)),
        (_("Niveau de français"), labelled(who.french_levels, labels.FRENCH_LEVELS)),
        (_("Statut"), [status_label]),
        (OPEN_FILTER, ["yes" if status_open else "no"]),
    ]
