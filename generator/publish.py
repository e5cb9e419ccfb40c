"""Stage 6, publish: put a finished build in place of the previous site, all at once.

The build happens in a staging folder beside the output folder (same file system, so the
swap is a rename). Until the swap, the previous site is untouched; a failed build is
removed and the previous site stays as it was. The swap exchanges the two folders in one step
where the system can (Linux); elsewhere it is two renames, and a run interrupted between them
leaves `.<site>-previous`, which the next run puts back before anything else.

Nothing a person wrote is replaced: the output folder may not be, contain or lie inside the
content folder, nor be or contain a project's folder, and an existing folder is replaced only
if it carries the mark (`MARKER`) that every build leaves in the site it makes.

Just before the swap, publish adds the site's root `404.html`. It is the one page that cannot
use relative links: a host (GitHub Pages among them) serves it for a missing page at any
depth, `/fr/metz/gone/` as well as `/gone`, so relative links would point anywhere. Its links
are absolute paths under the site's base path (see `base_path`): `/` (the default) when the
site is served at a domain's root, `/<repository>/` for a GitHub project site. Every other page
links relatively and works under any base path.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import sys
import tempfile
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.errors import ConfigurationError, display_path, system_reason
from generator.i18n import translations_for
from generator.languages import LANGUAGES, built_languages
from generator.templating import html_environment

BASE_PATH_VARIABLE = "CATALOGUE_BASE_PATH"
SITE_URL_VARIABLE = "CATALOGUE_SITE_URL"
_BASE_PATH = re.compile(r"/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*")

# Left in every site built, so that a later build knows the folder is its own to replace. A
# dotfile: no page links to it, and GitHub Pages may leave it out of the upload.
MARKER = ".catalogue-site"
MARKER_TEXT = "Site construit par « catalogue build ». Chaque construction remplace ce dossier en entier.\n"
# What tells a project's folder: a build must never replace one.
PROJECT_FILES = ("pyproject.toml", ".git")
GENERATOR_PROJECT = Path(__file__).resolve().parent.parent

def base_path() -> str:
    """The URL path the site is served under; always starts and ends with `/`.

    `CATALOGUE_BASE_PATH` when set, else the path of `CATALOGUE_SITE_URL` (the site's published
    address) when set, else `/`.
    """
    value = os.environ.get(BASE_PATH_VARIABLE)
    if value is None:
        site_url = os.environ.get(SITE_URL_VARIABLE, "")
        try:
            value = urllib.parse.urlsplit(site_url).path
        except ValueError as error:  # « Invalid IPv6 URL »: a bracket left open
            raise ConfigurationError(
                f"{SITE_URL_VARIABLE}={site_url!r} : une adresse comme https://mon-org.github.io/catalogue/ est attendue"
            ) from error
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


def _projects(*starts: Path) -> set[Path]:
    """The project folders holding `starts`: the nearest ancestor with pyproject.toml or .git."""
    found = {GENERATOR_PROJECT} if (GENERATOR_PROJECT / "pyproject.toml").is_file() else set()
    for start in starts:
        for folder in (start, *start.parents):
            if any((folder / name).exists() for name in PROJECT_FILES):
                found.add(folder)
                break
    return found


def _refuse(out: Path, why: str) -> ConfigurationError:
    return ConfigurationError(
        f"dossier de sortie « {display_path(out)} » refusé : {why}. Rien n'a été construit ; "
        "choisissez un autre dossier avec --out (par défaut : site)."
    )


def output_folder(out_dir: Path, content_dir: Path) -> Path:
    """`out_dir` as an absolute path (a relative one is taken from the working folder), once it
    is sure that replacing it loses nothing a person wrote; an interrupted swap is undone first."""
    out = Path(os.path.abspath(out_dir)).resolve()
    content = Path(os.path.abspath(content_dir)).resolve()
    if out == content or content in out.parents:
        raise _refuse(out, f"c'est le dossier de contenu « {display_path(content)} » ou un dossier à l'intérieur")
    if out in content.parents:
        raise _refuse(out, f"il contient le dossier de contenu « {display_path(content)} », qui serait effacé")
    for project in sorted(_projects(Path.cwd().resolve(), content)):
        if out == project or out in project.parents:
            raise _refuse(out, f"c'est le dossier du projet « {display_path(project)} » ou il le contient")
    existing = next(folder for folder in (out, *out.parents) if folder.exists())
    if existing != out and not existing.is_dir():
        raise _refuse(out, f"« {display_path(existing)} » est un fichier, pas un dossier")
    recover(out)
    if out.exists() or out.is_symlink():
        if not out.is_dir():
            raise _refuse(out, "ce n'est pas un dossier")
        if any(out.iterdir()) and not (out / MARKER).is_file():
            raise _refuse(
                out,
                f"ce dossier n'est pas vide et ne vient pas d'une construction (il n'a pas de fichier {MARKER}) : "
                "il serait effacé. Si c'est un ancien site, supprimez-le vous-même",
            )
    return out


def _previous(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}-previous")


def _staging_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}-building-"


def recover(out_dir: Path) -> None:
    """Undo what an interrupted run left beside `out_dir`: the previous site goes back in place
    if the site is missing, and unfinished builds are deleted."""
    previous = _previous(out_dir)
    if previous.is_dir() and not (out_dir.exists() or out_dir.is_symlink()):
        previous.rename(out_dir)
    _remove_site(previous)
    if out_dir.parent.is_dir():
        for leftover in out_dir.parent.glob(f"{_staging_prefix(out_dir)}*"):
            _remove_site(leftover)


def staging_dir(out_dir: Path) -> Path:
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=_staging_prefix(out_dir), dir=out_dir.parent))
    except OSError as error:
        raise _refuse(out_dir, f"impossible d'écrire dans « {display_path(out_dir.parent)} » : {system_reason(error)}") from error


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

    if site.is_dir() and not site.is_symlink():
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(remove, site.iterdir()))
        shutil.rmtree(site, ignore_errors=True)


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux's renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    return renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0


def publish(staging: Path, out_dir: Path) -> None:
    """Replace `out_dir` by `staging`, completed with the root 404 page and the build's mark."""
    write_not_found_page(staging, base_path())
    (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    # mkdtemp makes the folder private (0700); a web server, and GitHub Pages's deployment
    # (which refuses unreadable files), must be able to read the published site.
    staging.chmod(0o755)
    previous = _previous(out_dir)
    _remove_site(previous)  # left by an interrupted build
    if not out_dir.exists():
        staging.rename(out_dir)
    elif exchange(staging, out_dir):
        _remove_site(staging)  # it now holds the previous site
    else:
        # Between the two renames there is no site: `recover` puts the previous one back.
        out_dir.rename(previous)
        staging.rename(out_dir)
        _remove_site(previous)
