"""What a build is told from outside the content: one typed object, read once, passed down.

The command line builds it from its options and the environment (`Settings.read`); every stage
takes what it needs from it and no stage reads or writes `os.environ`. So two builds in one
process, each with its own settings, give the same sites as two processes would.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

from generator.errors import ConfigurationError

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
SITE_URL_VARIABLE = "CATALOGUE_SITE_URL"
BASE_PATH_VARIABLE = "CATALOGUE_BASE_PATH"
# `test-repo` (files kept in the browser, for the tests) instead of GitHub.
EDITOR_BACKEND_VARIABLE = "CATALOGUE_EDITOR_BACKEND"
# owner/name of the GitHub repository the editor commits to; GitHub Actions sets GITHUB_REPOSITORY.
EDITOR_REPOSITORY_VARIABLES = ("CATALOGUE_EDITOR_REPO", "GITHUB_REPOSITORY")

# The last second of the year 9999: later dates are beyond what Python's dates can hold.
LATEST_EPOCH = int(dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc).timestamp())
_BASE_PATH = re.compile(r"/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*")


@dataclass(frozen=True)
class Settings:
    build_date: dt.date
    """The date statuses are computed at: `SOURCE_DATE_EPOCH`, else today (UTC). Never a date the
    content sets: one `last_verified` typed wrong would otherwise turn every running action
    « terminée ». The workflow sets it, so that the same commit gives the same site."""

    site_url: str = ""
    """The site's published address, for QR codes and shared links: `CATALOGUE_SITE_URL`, else ""
    (links then hold the path only)."""

    base_path: str = "/"
    """The URL path the site is served under, starting and ending with `/`: `CATALOGUE_BASE_PATH`,
    else the path of the site's address. Only the root 404 page uses it."""

    preview: bool = False
    """Built by `catalogue serve`: pages load the live-reload script."""

    editor_backend: str = "github"
    """Where the web editor saves: `github`, or `test-repo` (files kept in the browser, for tests)."""

    editor_repository: str = ""
    """owner/name of the repository the editor commits to; "" for the local folder."""

    @classmethod
    def read(cls, environ: Mapping[str, str] | None = None, preview: bool = False) -> Settings:
        """The settings from `environ` (the process's environment by default), checked: a wrong
        value is a ConfigurationError that names the variable and what is expected."""
        environ = os.environ if environ is None else environ
        site_url = environ.get(SITE_URL_VARIABLE, "")
        repository = next((environ[name] for name in EDITOR_REPOSITORY_VARIABLES if environ.get(name)), "")
        return cls(
            build_date=_build_date(environ.get(SOURCE_DATE_EPOCH, "")),
            site_url=site_url,
            base_path=_base_path(environ.get(BASE_PATH_VARIABLE), site_url),
            preview=preview,
            editor_backend="test-repo" if environ.get(EDITOR_BACKEND_VARIABLE) == "test-repo" else "github",
            editor_repository=repository,
        )


def _build_date(epoch: str) -> dt.date:
    """SOURCE_DATE_EPOCH as the reproducible-builds convention defines it: whole seconds since
    1970-01-01 UTC, digits only; today (UTC) when it is not set or empty."""
    if not epoch:
        return dt.datetime.now(dt.timezone.utc).date()
    if not re.fullmatch(r"[0-9]+", epoch.strip()) or int(epoch) > LATEST_EPOCH:
        raise ConfigurationError(
            f"{SOURCE_DATE_EPOCH}={epoch!r} : un nombre entier de secondes depuis le 1er janvier 1970 est attendu "
            f"(par exemple 1725148800 pour le 1er septembre 2024 ; « date +%s » le donne), ou rien : "
            "la date du jour est alors utilisée"
        )
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()


def _base_path(configured: str | None, site_url: str) -> str:
    if configured is None:
        try:
            value = urllib.parse.urlsplit(site_url).path
        except ValueError:
            raise ConfigurationError(
                f"{SITE_URL_VARIABLE}={site_url!r} : une adresse comme https://mon-organisation.github.io/catalogue/ est attendue"
            ) from None
    else:
        value = configured
    stripped = value.strip().strip("/")
    path = f"/{stripped}/" if stripped else "/"
    if not _BASE_PATH.fullmatch(path):
        raise ConfigurationError(
            f"{BASE_PATH_VARIABLE}={value!r} : un chemin comme /catalogue/ "
            "(lettres, chiffres, . _ ~ - entre des /) est attendu"
        )
    return path
