"""The whole pipeline, in order: load → localize → render → build → index → publish.

Each language goes through localize, render, build and index in its own process, since MkDocs
builds are single-threaded and independent.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from generator.editor import write_editor
from generator.build import build_language
from generator.gate.catalogs import check_interface_catalogs
from generator.index import index_language
from generator.load import load_catalogue
from generator.localize import BuildFacts, build_facts, fiche_language_choices, localize
from generator.models import Catalogue
from generator.opendata import write_open_data
from generator.publish import discard, output_folder, publish, staging_dir
from generator.render import render_language, render_site_root
from generator.settings import Settings


@dataclass
class BuildSummary:
    languages: list[str]
    pages: int
    build_date: dt.date


def _scratch_root() -> str | None:
    """The compiled templates' cache goes to memory (tmpfs) when the machine has it."""
    return "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


# The loaded catalogue, inherited by the forked language workers: sending it to each of them
# would pickle and unpickle the whole catalogue once per language.
_CATALOGUE: Catalogue | None = None
# What every language's pages share, worked out once before the workers fork.
_FACTS: BuildFacts | None = None


def _language_job(lang: str, languages: list[str], settings: Settings, staging: Path, template_cache: Path) -> int:
    site = localize(_CATALOGUE, lang, settings.build_date, settings.site_url, languages, facts=_FACTS)
    rendered = render_language(site, template_cache)
    build_language(lang, languages, rendered, staging / lang, site.home.title, settings, template_cache)
    index_language(staging / lang)
    return len(rendered.pages)


def _site_root_job(staging: Path, languages: list[str], settings: Settings) -> int:
    """What lies outside the language folders: open data, the language picker and the 404 page,
    the page where each fiche's QR code leads to choose a language, and the coordinators' editor."""
    write_open_data(_CATALOGUE, staging, settings.build_date)
    write_editor(_CATALOGUE, staging, settings)
    fiche_pages = fiche_language_choices(_CATALOGUE, languages)
    render_site_root(staging, fiche_pages, languages, settings.base_path)
    return 1 + len(fiche_pages)


def _progress(done: int, total: int, lang: str) -> None:
    width = 24
    filled = width * done // total
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} langues ({lang})", end="", file=sys.stderr)
    if done == total:
        print(file=sys.stderr)


def run_pipeline(
    content_dir: Path, out_dir: Path, languages: list[str], progress: bool = True, settings: Settings | None = None,
) -> BuildSummary:
    """Build `content_dir` into `out_dir` in `languages`; `settings` are read from the environment
    when not given (a wrong one is reported before anything is built)."""
    global _CATALOGUE, _FACTS
    settings = settings or Settings.read()
    out_dir = output_folder(out_dir, content_dir)
    check_interface_catalogs(languages)
    catalogue = _CATALOGUE = load_catalogue(content_dir)
    if progress and not settings.site_url:
        print(
            "Attention : CATALOGUE_SITE_URL n'est pas défini. Les codes QR et les liens de partage "
            "ne contiendront pas l'adresse complète des fiches.",
            file=sys.stderr,
        )
    staging = staging_dir(out_dir)
    template_cache = tempfile.TemporaryDirectory(prefix="catalogue-templates-", dir=_scratch_root())
    try:
        pages = 0
        workers = max(1, min(len(languages), os.cpu_count() or 1))
        # The workers inherit the loaded catalogue and only read it: frozen, it is left out of
        # their garbage collections, which would otherwise walk all of it again and again.
        _FACTS = build_facts(catalogue, settings.build_date, settings.site_url)
        gc.freeze()
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            jobs = {
                pool.submit(_language_job, lang, languages, settings, staging, Path(template_cache.name)): lang
                for lang in languages
            }
            # Submitted last, this short job fills the time one worker would otherwise wait for
            # the other's last language.
            jobs[pool.submit(_site_root_job, staging, languages, settings)] = None
            built = 0
            for job in as_completed(jobs):
                pages += job.result()
                if jobs[job] is not None:
                    built += 1
                    if progress:
                        _progress(built, len(languages), jobs[job])
        publish(staging, out_dir)
    except BaseException:
        discard(staging)
        raise
    finally:
        # `catalogue serve` builds again and again in one process: let this catalogue go.
        gc.unfreeze()
        _CATALOGUE = _FACTS = None
        template_cache.cleanup()
    return BuildSummary(languages=languages, pages=pages, build_date=settings.build_date)
