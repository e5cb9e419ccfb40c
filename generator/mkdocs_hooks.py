"""MkDocs hooks (MkDocs's small event API), listed in `mkdocs.yml`.

The render stage already turns every page into HTML with the Jinja2 templates; only the short
free-text fields are Markdown, and render converts those itself. Letting MkDocs run Markdown
over the finished HTML again would cost most of the build time (its HTML-block parser is slow)
and could only damage it, so these hooks hand the page body through untouched.
"""

from __future__ import annotations

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
