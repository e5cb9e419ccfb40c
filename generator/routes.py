"""Every address of the site, in one place.

Page paths are directory-style and relative to a language's folder: "" is the language's home,
"metz/" a territory, "metz/atelier/" a fiche. Site paths are relative to the site's root
("data/metz.csv", "f/metz/atelier/"). Pages link to each other with `relative`, so the site works
at a domain's root and under a sub-path alike.

The site tree:

    index.html, 404.html                   choose your language; the host's "not found" page
    <lang>/                                choose your territory
    <lang>/recherche/, <lang>/mes-fiches/  search; the fiches saved on this phone
    <lang>/pagefind/                       the language's search index
    <lang>/<territory>/                    the territory's catalogue
    <lang>/<territory>/<action>/           a fiche
    <lang>/<territory>/completude/         the completeness report, for coordinators
    <lang>/<territory>/<filter>/<value>/   a static filtered list (browsing without JavaScript)
    f/<territory>/<action>/                one page per fiche to choose its language (QR codes),
                                           and the QR code's drawing (qr.svg)
    data/                                  the open data

Territory and action slugs become folder names beside the site's own: the names below are
reserved, and `check_unique` fails the build if two pages still end at the same address.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterable

from generator.languages import SITE_LANGUAGES

# The link targets content may hold: the loader refuses any other, the render stage drops any
# other (but the glossary's own anchors, GLOSSARY_ANCHOR).
SAFE_LINK = re.compile(r"^(?:https?://|mailto:|tel:)", re.IGNORECASE)
GLOSSARY_ANCHOR = "terme-"


def slugify(text: str) -> str:
    """A name as lowercase ASCII words joined by hyphens: « Maison de l'Œuvre » → maison-de-l-oeuvre."""
    text = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")

# Filters: the facets a visitor can narrow a territory's list by, with their folder name.
FACETS = {
    "theme": "themes",
    "public": "publics",
    "specific": "publics-particuliers",
    "level": "niveau",
    "condition": "conditions",
}
COMPLETENESS_PAGE = "completude"
FAVOURITES_PAGE = "mes-fiches"
SEARCH_PAGE = "recherche"
# Pagefind's folder in each language (generator/index.py).
INDEX_FOLDER = "pagefind"
# What Pagefind reads: fiches live at <territory>/<action>/index.html.
FICHE_PAGES_GLOB = "*/*/index.html"
# At the site's root, outside any language: one page per fiche to choose its language.
NEUTRAL_FICHE_ROOT = "f"
# Beside each of those pages: the fiche's QR code, which its page in every language shows.
QR_CODE_FILE = "qr.svg"
DATA_DIR = "data"
NATIONAL_FILE = "all"
DATA_INCLUSION_DIR = "data-inclusion"
# The search's filters and the words its results need, in each language's folder: search.js
# loads them with the first search (theme/search-filters.json).
SEARCH_FILTERS = "search-filters.json"
# Files and folders MkDocs and Material write into each language's folder.
THEME_NAMES = ("assets", "404", "sitemap", SEARCH_FILTERS.removesuffix(".json"))
# The site root's own files: the language picker and its assets, the host's "not found" page,
# and the web editor's folder.
EDITOR_FOLDER = "admin"
NOT_FOUND_PAGE = "404.html"
ROOT_STYLE, ROOT_SCRIPT = "language-picker.css", "language-picker.js"
# `catalogue serve` only: the script that reloads a previewed page (generator/serve.py).
PREVIEW_RELOAD_SCRIPT = "__reload.js"
ROOT_NAMES = ("index", "404", "language-picker", EDITOR_FOLDER)

RESERVED_NAMES = frozenset(
    {
        COMPLETENESS_PAGE, FAVOURITES_PAGE, SEARCH_PAGE, INDEX_FOLDER, NEUTRAL_FICHE_ROOT,
        DATA_DIR, NATIONAL_FILE, DATA_INCLUSION_DIR, *FACETS.values(), *THEME_NAMES, *ROOT_NAMES,
        *SITE_LANGUAGES, EDITOR_FOLDER,
    }
)


def reserved_problem(slug: str) -> str | None:
    """Why `slug` cannot name a territory or an action, or None."""
    if slug in RESERVED_NAMES:
        return (
            f"« {slug} » est un nom réservé aux pages du site ; choisissez-en un autre. "
            f"Noms réservés : {', '.join(sorted(RESERVED_NAMES))}"
        )
    return None


# --- Pages of a language ---


def home() -> str:
    return ""


def territory(slug: str) -> str:
    return f"{slug}/"


def fiche(territory_slug: str, action_slug: str) -> str:
    return f"{territory_slug}/{action_slug}/"


def facet(territory_slug: str, facet_key: str, value: str) -> str:
    return f"{territory_slug}/{FACETS[facet_key]}/{value}/"


def completeness(territory_slug: str) -> str:
    return f"{territory_slug}/{COMPLETENESS_PAGE}/"


def search() -> str:
    return f"{SEARCH_PAGE}/"


def favourites() -> str:
    return f"{FAVOURITES_PAGE}/"


def in_language(code: str, page: str) -> str:
    """The same page in another language, as a path from this language's folder."""
    return f"../{code}/{page}"


def from_language(site_path: str) -> str:
    """A site path (from the site's root) as a path from a language's folder."""
    return f"../{site_path}"


def source_file(page: str, section: bool = False) -> str:
    """The page's file for MkDocs, which makes its address: "metz/atelier.md" → metz/atelier/.

    A `section` (the home, a territory, search, favourites) is an `index.md`.
    """
    return f"{page}index.md" if section else f"{page.rstrip('/')}.md"


def address_of(source: str) -> str:
    """The page path MkDocs gives a source file (with directory URLs)."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


# --- The site's root ---


def language_root(code: str) -> str:
    return f"{code}/"


def in_site(code: str, page: str) -> str:
    """A page of a language as a site path."""
    return f"{language_root(code)}{page}"


def neutral_fiche(territory_slug: str, action_slug: str) -> str:
    return f"{NEUTRAL_FICHE_ROOT}/{fiche(territory_slug, action_slug)}"


def site_root() -> str:
    return ""


def published(site_url: str, site_path: str) -> str:
    """The address a site path is published at, under the site's address `site_url`."""
    return f"{site_url.rstrip('/')}/{site_path}"


def territory_data(territory_slug: str, extension: str) -> str:
    return f"{DATA_DIR}/{territory_slug}.{extension}"


def national_data() -> str:
    return f"{DATA_DIR}/{NATIONAL_FILE}.json"


def data_inclusion(name: str) -> str:
    """`services` or `structures`."""
    return f"{DATA_DIR}/{DATA_INCLUSION_DIR}/{name}.json"


# --- Links ---


def _segments(path: str) -> list[str]:
    normal = posixpath.normpath(path or ".")
    return [] if normal == "." else normal.split("/")


def relative(from_page: str, to_page: str) -> str:
    """Link from one directory-style page path ("metz/atelier/") to another ("metz/").

    Pure string work: `posixpath.relpath` would ask the operating system for the current folder
    twice per link, and a build makes tens of thousands of links.
    """
    start, target = _segments(from_page), _segments(to_page)
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    link = "/".join([".."] * (len(start) - common) + target[common:])
    return f"{link}/" if link else "./"


def relative_file(from_page: str, to_file: str) -> str:
    """Link from a directory-style page path to a file ("../data/metz.csv")."""
    folder, name = posixpath.split(to_file)
    link = relative(from_page, folder)
    return name if link == "./" else f"{link}{name}"


class RouteCollision(Exception):
    """Two pages of one build would be written at the same address."""


def check_unique(sources: Iterable[str], lang: str) -> None:
    """Fail when two page files end at the same address: one would silently replace the other."""
    seen: dict[str, str] = {}
    clashes = []
    for source in sources:
        address = address_of(source)
        if address in seen:
            clashes.append(f"« {lang}/{address} » : {seen[address]} et {source}")
        else:
            seen[address] = source
    if clashes:
        raise RouteCollision(
            "deux pages auraient la même adresse, l'une effacerait l'autre :\n" + "\n".join(clashes)
        )
