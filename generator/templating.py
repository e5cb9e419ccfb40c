"""The one factory of Jinja environments: the site's pages, the root pages (language picker,
fiches' language choice, 404), the Markdown documents for coordinators, and the scaffolds.

Every environment loads from `generator/templates/` and leaves undefined names empty unless
`strict`. HTML environments autoescape; Markdown and YAML ones do not (their templates escape
what they must themselves).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import csp, routes

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
SCAFFOLD_DIR = TEMPLATES_DIR / "scaffold"


def environment(
    *,
    html: bool,
    folder: Path = TEMPLATES_DIR,
    tidy: bool = False,
    keep_trailing_newline: bool | None = None,
    strict: bool = False,
    template_cache: Path | None = None,
    gettext: tuple[Callable, Callable] | None = None,
) -> jinja2.Environment:
    """An environment over `folder`.

    `tidy` drops the line breaks and indentation of block tags (and keeps a template's last line
    break, unless `keep_trailing_newline` says otherwise); `strict` makes an undefined name an
    error; `template_cache` is a folder where compiled templates are shared; `gettext` is the
    `_` and `ngettext` of a language, installed as Jinja's i18n extension.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(template_cache)) if template_cache else None,
        autoescape=html,
        extensions=["jinja2.ext.i18n"] if gettext else [],
        trim_blocks=tidy,
        lstrip_blocks=tidy,
        keep_trailing_newline=tidy if keep_trailing_newline is None else keep_trailing_newline,
        undefined=jinja2.StrictUndefined if strict else jinja2.Undefined,
    )
    if gettext:
        env.install_gettext_callables(*gettext, newstyle=False)
    return env


def markdown_environment() -> jinja2.Environment:
    """For the Markdown documents made for coordinators (the content reference, the validation summary)."""
    return environment(html=False, tidy=True)


def html_environment() -> jinja2.Environment:
    """For the pages outside MkDocs: the language picker, the fiches' language choice, the 404
    page, the web editor's page."""
    env = environment(html=True)
    env.globals["routes"] = routes
    env.globals["csp"] = {
        "root": Markup(csp.ROOT_PAGES), "not_found": Markup(csp.NOT_FOUND_PAGE), "editor": Markup(csp.EDITOR_PAGE),
    }
    return env
