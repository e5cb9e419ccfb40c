"""Stage 4, build: one MkDocs build per language, on top of the shared `mkdocs.yml`."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

from generator import csp, routes, theme_css, theme_icons
from generator.languages import LANGUAGES, built_languages
from generator.mkdocs_plugin import RenderedPages
from generator.render import RenderedLanguage
from generator.settings import Settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_CONFIG = PROJECT_DIR / "mkdocs.yml"
THEME_DIR = PROJECT_DIR / "theme"


class BuildFailed(Exception):
    """MkDocs reported warnings or errors: the site would be incomplete."""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_language(
    lang: str, languages: list[str], rendered: RenderedLanguage, site_dir: Path, site_name: str,
    settings: Settings, template_cache: Path | None = None,
) -> None:
    """Build one language's rendered pages into `site_dir` with Material in language `lang`.

    `languages` are all the languages built together, which the language switcher offers.
    `template_cache` is a folder shared by the builds of one run, for compiled theme templates.
    """
    # The pages come from the plugin, not from files: MkDocs still wants a docs folder.
    with tempfile.TemporaryDirectory(prefix=f"catalogue-{lang}-docs-") as empty_docs:
        config = mkdocs_config(lang, languages, rendered, site_dir, site_name, Path(empty_docs), settings, template_cache)
        _run_mkdocs(lang, config)
    prune_theme_files(site_dir)
    share_theme_files(site_dir, config.extra["stylesheet"], config.plugins["catalogue-pages"].sprite)


def mkdocs_config(
    lang: str, languages: list[str], rendered: RenderedLanguage, site_dir: Path, site_name: str,
    empty_docs: Path, settings: Settings, template_cache: Path | None = None,
):
    """The MkDocs configuration of one language's build, with the plugin that hands it the pages."""
    with BASE_CONFIG.open("rb") as handle:
        base = yaml_load(handle)
    theme = {
        **base["theme"], "language": LANGUAGES[lang].material, "custom_dir": str(THEME_DIR),
        # Made once per language, beside Material's 404.html and sitemap.
        "static_templates": [routes.SEARCH_FILTERS],
    }
    config = load_config(
        config_file=str(BASE_CONFIG),
        docs_dir=str(empty_docs),
        site_dir=str(site_dir),
        site_name=site_name,
        nav=rendered.nav,
        theme=theme,
        extra={**base.get("extra", {}), "csp": csp.THEME_PAGES, "stylesheet": theme_css.stylesheet_name(), "languages": built_languages(languages), "current_language": lang,
               "preview": settings.preview},
    )
    config.plugins["catalogue-pages"] = RenderedPages(rendered.pages, lang, settings.build_date, template_cache, theme_icons.sprite())
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


def share_theme_files(site_dir: Path, stylesheet: str, sprite: theme_icons.Sprite) -> None:
    """Material's and our CSS, JavaScript, icons and fonts are the same in every language: the
    first language built moves its copy to the site's root, where every page links
    (generator/mkdocs_plugin.py), and writes the theme's stylesheet there; the others' copies
    are dropped. A reader who switches language downloads the new page only. `stylesheet` and
    `sprite` are the ones this language's pages link to."""
    own, shared = site_dir / THEME_FILES, site_dir.parent / THEME_FILES
    try:
        own.rename(shared)  # atomic: languages built side by side cannot both move theirs
    except OSError:
        if not shared.is_dir():
            raise
        shutil.rmtree(own)
    else:  # made once, by the language that moved its copy
        theme_css.write_stylesheet(site_dir.parent, stylesheet)
        theme_icons.write_sprite(site_dir.parent, sprite)
