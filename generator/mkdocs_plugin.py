"""The build stage's MkDocs plugin (MkDocs's event API), registered by `generator/build.py`.

The render stage has already made every page's body, in HTML, from the Jinja2 templates. This
plugin hands those pages to MkDocs in memory, and keeps MkDocs from converting them again as
Markdown: its parser would cost most of the build time and could only damage the HTML. MkDocs
still does its own work: Material's layout around each page, URLs, navigation, theme assets
and the sitemap.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator import labels, routes
from generator.i18n import translations_for
from generator.models import Audience
from generator.render import RenderedPage

# The labels of generator/labels.py the theme's templates show (their message ids; the templates
# translate them with `_`).
THEME_LABELS = {
    "audience_newcomers": labels.AUDIENCES[Audience.beneficiaries],
    "audience_both": labels.AUDIENCES[Audience.both],
    "audience_professionals": labels.AUDIENCES[Audience.professionals],
}


class PreRenderedPage(Page):
    """A MkDocs page whose metadata and HTML body come from the render stage, dated by the
    build's date (MkDocs would read SOURCE_DATE_EPOCH from the environment: the sitemap's dates)."""

    def __init__(self, file: File, config: MkDocsConfig, rendered: RenderedPage, build_date: dt.date):
        super().__init__(None, file, config)
        self.rendered = rendered
        self.update_date = build_date.isoformat()

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", dict(self.rendered.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.rendered.body
        self.present_anchor_ids = set()


# Indentation left by the theme's templates: a tenth of a page, for nothing. The pages hold no
# <pre> or <textarea>, where leading spaces would matter.
_INDENTATION = re.compile(r"\n[ \t]+")


class RenderedPages(BasePlugin):
    """Builds one language's rendered pages with the theme."""

    def __init__(self, pages: list[RenderedPage], lang: str, build_date: dt.date, template_cache: Path | None):
        self.pages = pages
        self.lang = lang
        self.build_date = build_date
        # Each language is a separate build with a fresh Jinja environment: the compiled
        # theme templates are shared between them instead of compiling Material eight times.
        self.template_cache = template_cache
        self._blocks: dict[tuple, str] = {}

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for rendered in self.pages:
            self.add_page(files, config, rendered)
        return files

    def add_page(self, files: Files, config: MkDocsConfig, rendered: RenderedPage) -> File:
        file = File.generated(config, rendered.src_uri, content="")
        files.append(file)
        PreRenderedPage(file, config, rendered, self.build_date)  # becomes file.page
        return file

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.template_cache:
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.template_cache))
        env.globals["rendered_once"] = self.rendered_once
        # The theme's own text (header, search box, 404) is translated like the pages': `_`.
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(translations_for(self.lang), newstyle=False)
        env.globals["theme_labels"] = THEME_LABELS
        env.globals["routes"] = routes
        return env

    def rendered_once(self, key: tuple, render: Callable[[], str]) -> str:
        """The output of `render` the first time `key` is seen in this build, then the same again.

        For theme blocks that are identical on many pages (theme/main.html says which): Material
        would otherwise rebuild them for each of thousands of pages.
        """
        if key not in self._blocks:
            self._blocks[key] = render()
        return self._blocks[key]

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return shared_theme_links(_INDENTATION.sub("\n", output))

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return shared_theme_links(output) if template_name.endswith(".html") else output


# A link to the language's theme files (`assets/`, `../assets/`, `./assets/` …), as MkDocs makes
# them relative to the page.
_THEME_LINK = re.compile(r'((?:href|src)=")((?:\.\.?/)*)(assets/)')


def shared_theme_links(html: str) -> str:
    """Point the theme's links one folder up, to the one copy at the site's root (see
    generator/build.py), still relative so the site works under any base path."""
    return _THEME_LINK.sub(r"\1\2../\3", html)
