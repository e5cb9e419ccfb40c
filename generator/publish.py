"""Stage 6, publish: put a finished build in place of the previous site, all at once.

The build happens in a staging folder beside the output folder (same file system, so the
swap is two renames). Until the swap, the previous site is untouched; a failed build is
removed and the previous site stays as it was.

Just before the swap, publish adds the site's root `404.html`. It is the one page that cannot
use relative links: a host (GitHub Pages among them) serves it for a missing page at any
depth, `/fr/metz/gone/` as well as `/gone`, so relative links would point anywhere. Its links
are absolute paths under the site's base path (see `base_path`): `/` (the default) when the
site is served at a domain's root, `/<repository>/` for a GitHub project site. Every other page
links relatively and works under any base path.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.i18n import translations_for
from generator.languages import LANGUAGES, built_languages
from generator.templating import html_environment

BASE_PATH_VARIABLE = "CATALOGUE_BASE_PATH"
SITE_URL_VARIABLE = "CATALOGUE_SITE_URL"
_BASE_PATH = re.compile(r"/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*")

class ConfigurationError(Exception):
    """A setting of the build environment is wrong: a usage error, not a content error."""


def base_path() -> str:
    """The URL path the site is served under; always starts and ends with `/`.

    `CATALOGUE_BASE_PATH` when set, else the path of `CATALOGUE_SITE_URL` (the site's published
    address) when set, else `/`.
    """
    value = os.environ.get(BASE_PATH_VARIABLE)
    if value is None:
        value = urllib.parse.urlsplit(os.environ.get(SITE_URL_VARIABLE, "")).path
    stripped = value.strip().strip("/")
    path = f"/{stripped}/" if stripped else "/"
    if not _BASE_PATH.fullmatch(path):
        raise ConfigurationError(
            f"{BASE_PATH_VARIABLE}={value!r} : un chemin comme /catalogue/ "
            "(lettres, chiffres, . _ ~ - entre des /) est attendu"
        )
    return path


def not_found_page(base: str, codes: list[str]) -> str:
    """The root 404 page, listing the languages `codes`, with links absolute under `base`."""
    languages = [
        {
            "code": language.code,
            "html_lang": language.html_lang,
            "direction": language.direction,
            "name": language.name,
            "not_found": translations_for(language.code).gettext("Page introuvable"),
        }
        for language in built_languages(codes)
    ]
    return html_environment().get_template("not_found.html.j2").render(base=base, languages=languages)


def write_not_found_page(site_dir: Path, base: str) -> Path:
    """The root 404 page of a built site: for the languages built, links absolute under `base`."""
    codes = [code for code in LANGUAGES if (site_dir / code).is_dir()]
    page = site_dir / "404.html"
    page.write_text(not_found_page(base, codes), encoding="utf-8")
    return page


def staging_dir(out_dir: Path) -> Path:
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-building-", dir=out_dir.parent))


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def _remove_site(site: Path) -> None:
    """Delete a whole site, its top-level folders side by side: tens of thousands of files, and
    deleting a file waits on the file system, not on Python, so threads overlap. Like the swap
    it follows, it must not fail the build: what cannot be deleted stays."""

    def remove(entry: Path) -> None:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()

    if site.exists():
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(remove, site.iterdir()))
        shutil.rmtree(site, ignore_errors=True)


def publish(staging: Path, out_dir: Path) -> None:
    """Replace `out_dir` by `staging`, completed with the root 404 page."""
    write_not_found_page(staging, base_path())
    # mkdtemp makes the folder private (0700); a web server, and GitHub Pages's deployment
    # (which refuses unreadable files), must be able to read the published site.
    staging.chmod(0o755)
    previous = out_dir.with_name(f".{out_dir.name}-previous")
    _remove_site(previous)  # left by an interrupted build
    if out_dir.exists():
        out_dir.rename(previous)
    staging.rename(out_dir)
    _remove_site(previous)
