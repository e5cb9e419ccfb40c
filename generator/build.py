"""Stage 4, build: one MkDocs build per language, on top of the shared `mkdocs.yml`."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

from generator import csp, labels, routes, theme_css, theme_icons
from generator.i18n import translations_for
from generator.languages import LANGUAGES, built_languages
from generator.mkdocs_plugin import RenderedPages
from generator.models import Audience
from generator.render import RenderedLanguage

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_CONFIG = PROJECT_DIR / "mkdocs.yml"
THEME_DIR = PROJECT_DIR / "theme"


def language_switch(languages: list[str]) -> list[dict]:
    """What the theme's language switcher needs about each language built."""
    return [
        {"code": language.code, "html_lang": language.html_lang, "name": language.name, "dir": language.direction}
        for language in built_languages(languages)
    ]


# Set by `catalogue serve`: its builds load the live-reload script.
PREVIEW_VARIABLE = "CATALOGUE_PREVIEW"


class BuildFailed(Exception):
    """MkDocs reported warnings or errors: the site would be incomplete."""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def theme_strings(lang: str) -> dict[str, str]:
    """The interface text of the theme's own templates (header, search box, 404), in `lang`."""
    _ = translations_for(lang).gettext
    return {
        "select_language": _("Choisir la langue"),
        "not_translated": _("pas encore traduit"),
        "not_found_title": _("Page introuvable"),
        "not_found_text": _("Cette page n'existe pas ou a été déplacée."),
        "home": _("Retour à l'accueil"),
        "search_label": _("Chercher une action"),
        "search_button": _("Chercher"),
        "search_scope": _("Seulement à {territory}"),
        "search_none": _("Aucune action trouvée."),
        "search_count": _("Actions trouvées : {count}"),
        "search_loading": _("Recherche…"),
        "search_error": _("La recherche ne marche pas pour le moment."),
        "filter_territory": _("Territoire"),
        "filter_status": _("Statut"),
        "filter_audience": _("Pour qui"),
        "status_ended": _(labels.STATUSES["ended"]),
        "audience_newcomers": _(labels.AUDIENCES[Audience.beneficiaries]),
        "audience_both": _(labels.AUDIENCES[Audience.both]),
        "audience_professionals": _(labels.AUDIENCES[Audience.professionals]),
        "search_more": _("Voir plus de résultats"),
        "search_status_all": _("Toutes, les ouvertes d'abord"),
        "search_status_open": _("Ouvertes ou bientôt"),
        "search_status_ended": _("Terminées"),
        "search_audience_all": _("Tous les publics"),
        "breadcrumb": _("Fil d'Ariane"),
        "home_short": _("Accueil"),
        "quick_links": _("Raccourcis"),
        "favourites": _("Mes fiches"),
        "search_page": _("Recherche"),
    }


def build_language(
    lang: str, languages: list[str], rendered: RenderedLanguage, site_dir: Path, site_name: str,
    template_cache: Path | None = None,
) -> None:
    """Build one language's rendered pages into `site_dir` with Material in language `lang`.

    `languages` are all the languages built together, which the language switcher offers.
    `template_cache` is a folder shared by the builds of one run, for compiled theme templates.
    """
    # The pages come from the plugin, not from files: MkDocs still wants a docs folder.
    with tempfile.TemporaryDirectory(prefix=f"catalogue-{lang}-docs-") as empty_docs:
        config = mkdocs_config(lang, languages, rendered, site_dir, site_name, Path(empty_docs), template_cache)
        _run_mkdocs(lang, config)
    prune_theme_files(site_dir)
    share_theme_files(site_dir)


def mkdocs_config(
    lang: str, languages: list[str], rendered: RenderedLanguage, site_dir: Path, site_name: str,
    empty_docs: Path, template_cache: Path | None = None,
):
    """The MkDocs configuration of one language's build, with the plugin that hands it the pages."""
    with BASE_CONFIG.open("rb") as handle:
        base = yaml_load(handle)
    theme = {**base["theme"], "language": LANGUAGES[lang].material, "custom_dir": str(THEME_DIR)}
    config = load_config(
        config_file=str(BASE_CONFIG),
        docs_dir=str(empty_docs),
        site_dir=str(site_dir),
        site_name=site_name,
        nav=rendered.nav,
        theme=theme,
        extra={**base.get("extra", {}), "search_page": routes.SEARCH_PAGE, "favourites_page": routes.FAVOURITES_PAGE, "strings": theme_strings(lang), "csp": csp.THEME_PAGES, "stylesheet": theme_css.stylesheet_name(), "languages": language_switch(languages), "current_language": lang,
               "preview": os.environ.get(PREVIEW_VARIABLE) == "1"},
    )
    config.plugins["catalogue-pages"] = RenderedPages(rendered.pages, template_cache, theme_icons.sprite())
    return config


def _run_mkdocs(lang: str, config) -> None:
    """Run the build; MkDocs's warnings and errors make it fail, since the site would be incomplete."""
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    logger.setLevel(logging.WARNING)
    try:
        mkdocs_build(config)
    finally:
        logger.removeHandler(collector)
    if collector.messages:
        raise BuildFailed(f"[{lang}] " + "\n".join(collector.messages))


# What theme/main.html does not load: Material's JavaScript (its bundle, and its search, turned
# off here), its stylesheets and ours, which generator/theme_css.py makes into one, its default
# favicon, and the source maps, for debugging.
THEME_FILES = "assets"
UNUSED_THEME_FILES = ("assets/javascripts", "assets/stylesheets", "assets/images", "assets/catalogue.css", "**/*.map")


def prune_theme_files(site_dir: Path) -> None:
    for pattern in UNUSED_THEME_FILES:
        for path in sorted(site_dir.glob(pattern), reverse=True):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


def share_theme_files(site_dir: Path) -> None:
    """Material's and our CSS, JavaScript, icons and fonts are the same in every language: the
    first language built moves its copy to the site's root, where every page links
    (generator/mkdocs_plugin.py), and writes the theme's stylesheet there; the others' copies
    are dropped. A reader who switches language downloads the new page only."""
    own, shared = site_dir / THEME_FILES, site_dir.parent / THEME_FILES
    try:
        own.rename(shared)  # atomic: languages built side by side cannot both move theirs
    except OSError:
        if not shared.is_dir():
            raise
        shutil.rmtree(own)
    else:  # made once, by the language that moved its copy
        theme_css.write_stylesheet(site_dir.parent)
        theme_icons.write_sprite(site_dir.parent)


def site_url() -> str:
    """The site's published address: `CATALOGUE_SITE_URL`, else `site_url` in mkdocs.yml, else ""."""
    configured = os.environ.get("CATALOGUE_SITE_URL")
    if configured is None:
        with BASE_CONFIG.open("rb") as handle:
            configured = yaml_load(handle).get("site_url") or ""
    return configured


@contextlib.contextmanager
def reproducible_build(epoch: int):
    """MkDocs dates the sitemap and gzip files from SOURCE_DATE_EPOCH: set it for one build only
    (the language workers inherit it), so that a later build in the same process gets its own."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
