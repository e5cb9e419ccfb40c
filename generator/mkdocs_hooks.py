"""MkDocs hooks (MkDocs's small event API), listed in `mkdocs.yml`.

The render stage already turns every page into HTML with the Jinja2 templates; only the short
free-text fields are Markdown, and render converts those itself. Letting MkDocs run Markdown
over the finished HTML again would cost most of the build time (its HTML-block parser is slow)
and could only damage it, so these hooks hand the page body through untouched.
"""

from __future__ import annotations

import re

import jinja2

_BODIES: dict[str, str] = {}


def on_env(env: jinja2.Environment, config, files) -> jinja2.Environment:
    # Each language is a separate build with a fresh Jinja environment: share the compiled
    # theme templates between them instead of compiling Material's templates eight times.
    cache_dir = config.extra.get("template_cache")
    if cache_dir:
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(cache_dir)
    return env


def on_page_markdown(markdown: str, page, config, files) -> str:
    _BODIES[page.file.src_uri] = markdown
    return ""


def on_page_content(html: str, page, config, files) -> str:
    return _BODIES.pop(page.file.src_uri, html)


# Indentation left by the theme's templates: a tenth of a page, for nothing. The pages hold no
# <pre> or <textarea>, where leading spaces would matter.
_INDENTATION = re.compile(r"\n[ \t]+")


def on_post_page(output: str, page, config) -> str:
    return _INDENTATION.sub("\n", output)
