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
from generator.gate.paths import write_whole
from generator.i18n import translations_for
from generator.models import Audience
from generator.render import RenderedPage
from generator.theme_icons import Sprite

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


# Indentation and blank lines left by the theme's templates: a tenth of a page, for nothing. A
# line break shows as the one space that any run of white space shows as; the pages hold no
# <pre> or <textarea>, where white space would matter.
_WHITE_SPACE = re.compile(r"\n\s+")
# Material's JavaScript is not loaded (theme/main.html): the markup only it used goes, as
# Material's base template writes it once white space is trimmed. Its search toggle (its search
# is off), its empty banners, its message box, and the attribute it found its parts by. (The
# header and the drawer are our own partials, without such markup.)
_MATERIAL_SCRIPT_ONLY = (
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n',
    '<div data-md-component="skip">\n</div>\n',
    '<div data-md-component="announce">\n</div>\n',
    '<div class="md-dialog" data-md-component="dialog">\n<div class="md-dialog__inner md-typeset"></div>\n</div>\n',
)
_MATERIAL_SCRIPT_HOOK = ' data-md-component="'
# An icon as Material ships it, inlined by a template (generator/theme_icons.py says which).
_INLINE_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">.*?</svg>', re.S)
# A fiche's QR code (generator/localize/facts.py): its drawing, and the box that shows it.
_QR_CODE = re.compile(r'(<svg width="\d+" height="\d+" class="qr">)<path ([^>]*)/>(</svg>)')


class RenderedPages(BasePlugin):
    """Builds one language's rendered pages with the theme."""

    def __init__(self, pages: list[RenderedPage], lang: str, build_date: dt.date, template_cache: Path | None, sprite: Sprite):
        self.pages = pages
        self.lang = lang
        self.build_date = build_date
        self.sprite = sprite
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
        to_root = "../" * page.url.count("/")  # to the language's folder
        output = self._shared_qr_code(output, page.url, to_root, Path(config.site_dir).parent)
        return self._lighter(output, to_root)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        # 404.html, at the language's root.
        return self._lighter(output, "") if template_name.endswith(".html") else output

    def _lighter(self, html: str, to_root: str) -> str:
        return shared_theme_links(self._icons(_without_material_script_markup(_WHITE_SPACE.sub("\n", html)), to_root))

    def _icons(self, html: str, to_root: str) -> str:
        """Each inline icon of the sprite becomes a reference to it (generator/theme_icons.py)."""
        def replace(match: re.Match) -> str:
            return self.sprite.reference(match.group(0), to_root) or match.group(0)

        return _INLINE_ICON.sub(replace, html)

    @staticmethod
    def _shared_qr_code(html: str, url: str, to_root: str, site_root: Path) -> str:
        """A fiche's QR code leads to its language-neutral page, whatever the fiche's language: its
        drawing goes once into that page's folder (`f/<territory>/<action>/qr.svg`), which the
        fiche in every language shows, instead of a copy in each. A phone that switches language
        has it already; the site holds one copy instead of eight.

        Each language's build writes the same bytes there, whole (`write_whole`); generator/render.py's
        `render_site_root` deletes it with its page when the action is gone."""
        match = _QR_CODE.search(html)
        if match is None:
            return html
        neutral = routes.neutral_fiche(*url.strip("/").split("/"))
        file = site_root / neutral / routes.QR_CODE_FILE
        if not file.exists():  # the same address, so the same drawing, in every language
            file.parent.mkdir(parents=True, exist_ok=True)
            write_whole(file, f'<svg xmlns="http://www.w3.org/2000/svg"><path id="qr" {match.group(2)}/></svg>\n')
        shown = f'{match.group(1)}<use href="{to_root}../{neutral}{routes.QR_CODE_FILE}#qr"/>{match.group(3)}'
        return html[: match.start()] + shown + html[match.end():]


def _without_material_script_markup(html: str) -> str:
    """The page without the markup only Material's JavaScript used (found with str methods, which
    are many times faster than regular expressions on every page)."""
    for text in _MATERIAL_SCRIPT_ONLY:
        html = html.replace(text, "", 1)
    parts, position = [], 0
    while (start := html.find(_MATERIAL_SCRIPT_HOOK, position)) >= 0:
        parts.append(html[position:start])
        position = html.index('"', start + len(_MATERIAL_SCRIPT_HOOK)) + 1
    return "".join(parts) + html[position:]


# A link to the language's theme files (`assets/`, `../assets/`, `./assets/` …), as MkDocs makes
# them relative to the page, in an href or src attribute.
_THEME_LINK = re.compile(r'="((?:\.\.?/)*)assets/')


def shared_theme_links(html: str) -> str:
    """Point the theme's links one folder up, to the one copy at the site's root (see
    generator/build.py), still relative so the site works under any base path."""
    def one_folder_up(match: re.Match) -> str:
        if html.endswith(("href", "src"), 0, match.start()):
            return f'="{match.group(1)}../assets/'
        return match.group(0)

    return _THEME_LINK.sub(one_folder_up, html)
