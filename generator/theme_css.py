"""The theme's one stylesheet: Material's, without the rules no page of the catalogue can use,
then ours (theme/assets/catalogue.css).

Material's stylesheet (138 KB) styles every feature of Material: search, tabs, admonitions,
code, dark palettes… A catalogue page uses a tenth of it, but a phone must download and parse
all of it before it paints anything. So the build keeps a rule only when every name its selector
needs (element, class, id, attribute, attribute value) is a word of what can make our pages'
HTML: the Material templates the catalogue renders, ours, the generator's templates and the
Python modules that write markup, and our scripts, which add classes as people use a page (the
same test as PurgeCSS's).
Then it drops the custom properties no kept rule reads, and the keyframes no kept rule runs.
Those words are the same whatever the content, so the stylesheet only changes with the theme:
same sources, same bytes. Its name carries the digest of its sources, for caches.

tests/test_theme_css.py checks, in Chromium, that every element of the catalogue's pages has the
same computed style with this stylesheet as with Material's whole one.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import tinycss2

PROJECT_DIR = Path(__file__).resolve().parent.parent
MATERIAL_DIR = Path(material.__file__).resolve().parent / "templates"
THEME_DIR = PROJECT_DIR / "theme"
GENERATOR_DIR = Path(__file__).resolve().parent

# Material's stylesheets, in the order its base.html links them.
MATERIAL_STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
OWN_STYLESHEET = THEME_DIR / "assets" / "catalogue.css"
# Where the build writes the result, in the theme's assets folder.
FOLDER = "assets/stylesheets"

# The Material templates a catalogue page renders: base.html, which theme/main.html extends, and
# the logo that theme/partials/header.html includes. theme/ replaces the header, the drawer's
# menu, the content, the language menu and the scripts' partials, and leaves out the footer and
# the table of contents; the others (search, tabs, palette toggle, blog, source, social,
# consent…) belong to features the catalogue leaves off. Their words would keep their rules.
MATERIAL_TEMPLATES = ("base.html", "partials/logo.html")


# The generator's Python modules that write markup themselves (glossary links, QR codes), and
# the elements Markdown makes of the content (generator/render.py).
MARKUP_MODULES = ("render.py", "localize/facts.py")
MARKDOWN_ELEMENTS = frozenset({"p", "ul", "ol", "li", "em", "strong", "a", "abbr", "br"})


def _sources() -> list[Path]:
    """Every file whose words can end up in a page's HTML, or in a class a script sets."""
    theme = [path for path in sorted(THEME_DIR.rglob("*")) if path.is_file() and path.suffix in (".html", ".js")]
    templates = [path for path in sorted((GENERATOR_DIR / "templates").glob("*.j2")) if path.name.endswith(".html.j2") or path.name == "_macros.j2"]
    return [
        *(MATERIAL_DIR / name for name in MATERIAL_TEMPLATES), *theme, *templates,
        *(GENERATOR_DIR / name for name in MARKUP_MODULES), PROJECT_DIR / "mkdocs.yml",
    ]


_WORD = re.compile(r"[A-Za-z0-9_-]+")


def vocabulary(sources: list[Path]) -> frozenset[str]:
    words = set(MARKDOWN_ELEMENTS)
    for path in sources:
        words.update(_WORD.findall(path.read_text(encoding="utf-8")))
    return frozenset(words)


# --- which selectors can match ---

_ALWAYS = frozenset({"html", "body", "*"})


def _needed_names(tokens: list) -> list[str] | None:
    """The names a compound selector needs in the HTML; None when it cannot be understood (kept)."""
    names: list[str] = []
    previous = None
    for token in tokens:
        kind = token.type
        if kind == "ident":
            if previous is not None and previous.type == "literal" and previous.value == ".":
                names.append(token.value)  # a class
            elif previous is not None and previous.type == "literal" and previous.value == ":":
                pass  # a pseudo-class or pseudo-element
            else:
                names.append(token.value.lower())  # an element
        elif kind == "hash":
            names.append(token.value)  # an id
        elif kind == "[] block":
            names.extend(_attribute_names(token.content))
        elif kind == "function":
            pass  # :not(), :is(), :where(), :has(), :nth-child()…: what they need is not required
        elif kind in ("literal", "whitespace"):
            pass
        else:
            return None
        if kind != "whitespace":
            previous = token
    return names


def _attribute_names(content: list) -> list[str]:
    """[name], [name=value]: the name, and the value when it must equal a word of the HTML."""
    tokens = [token for token in content if token.type != "whitespace"]
    if not tokens or tokens[0].type != "ident":
        return []
    names = [tokens[0].value]
    operator = "".join(token.value for token in tokens[1:3] if token.type == "literal")
    values = [token for token in tokens[1:] if token.type in ("ident", "string")]
    if operator in ("=", "~=") and values and _WORD.fullmatch(values[0].value):
        names.append(values[0].value)
    return names


def _split_selectors(prelude: list) -> list[list]:
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return selectors


def _kept_selectors(prelude: list, words: frozenset[str]) -> list[str]:
    kept = []
    for selector in _split_selectors(prelude):
        names = _needed_names(selector)
        if names is None or all(name in words or name in _ALWAYS for name in names):
            kept.append(tinycss2.serialize(selector).strip())
    return kept


# --- the stylesheet, purged ---

# At-rules whose content is rules (kept when some of their rules are), and those kept as they are.
_GROUPING = {"media", "supports", "layer", "container"}


def _purge_rules(rules: list, words: frozenset[str]) -> list:
    """The rules, each reduced to the selectors that can match; as (prelude text, body) pairs."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _kept_selectors(rule.prelude, words)
            if selectors:
                kept.append(("rule", ",".join(selectors), rule.content))
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            if name in _GROUPING and rule.content is not None:
                inner = _purge_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), words)
                if inner:
                    kept.append(("group", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", inner))
            elif name == "keyframes" or name.endswith("-keyframes"):
                kept.append(("keyframes", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", rule.content))
            else:
                kept.append(("other", rule.serialize(), None))
    return kept


_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")


def _declarations(content: list) -> list:
    return [
        node for node in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True)
        if node.type == "declaration"
    ]


def _walk(kept: list):
    for kind, prelude, body in kept:
        if kind == "group":
            yield from _walk(body)
        else:
            yield kind, prelude, body


def _used_names(kept: list) -> tuple[set[str], set[str]]:
    """The custom properties that kept declarations read (through other properties too), and
    the animations they run."""
    reads: dict[str, set[str]] = {}  # custom property → the custom properties its values read
    used: set[str] = set()
    animations: set[str] = set()
    for kind, _, body in _walk(kept):
        if kind != "rule":
            continue
        for declaration in _declarations(body):
            value = tinycss2.serialize(declaration.value)
            names = set(_VAR.findall(value))
            if declaration.name.startswith("--"):
                reads.setdefault(declaration.name, set()).update(names)
            else:
                used |= names
                if declaration.lower_name in ("animation", "animation-name"):
                    animations.update(_WORD.findall(value))
    pending = list(used)
    while pending:
        for name in reads.get(pending.pop(), ()):
            if name not in used:
                used.add(name)
                pending.append(name)
    return used, animations


def _serialize(kept: list, used: set[str], animations: set[str]) -> str:
    out = []
    for kind, prelude, body in kept:
        if kind == "group":
            inner = _serialize(body, used, animations)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif kind == "rule":
            declarations = [
                declaration for declaration in _declarations(body)
                if not declaration.name.startswith("--") or declaration.name in used
            ]
            if declarations:
                text = ";".join(
                    f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
                    for d in declarations
                )
                out.append(f"{prelude}{{{text}}}")
        elif kind == "keyframes":
            name = prelude.split(None, 1)[-1].strip()
            if name in animations:
                out.append(f"{prelude}{{{tinycss2.serialize(body)}}}")
        else:
            out.append(prelude)
    return "".join(out)


def purge(css: str, words: frozenset[str]) -> str:
    """`css` without the rules whose selectors need a name that is not in `words`."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    kept = _purge_rules(rules, words)
    used, animations = _used_names(kept)
    return _serialize(kept, used, animations)


def _material_stylesheet(pattern: str) -> Path:
    (path,) = sorted(MATERIAL_DIR.glob(pattern))
    return path


def _inputs() -> list[Path]:
    """What the stylesheet is made from, this module included."""
    return [Path(__file__), *(_material_stylesheet(pattern) for pattern in MATERIAL_STYLESHEETS), OWN_STYLESHEET, *_sources()]


def stylesheet_name() -> str:
    """The stylesheet's path under the site's root, which every page links to.

    Named by the digest of what it is made from, which costs little: making the stylesheet
    (half a second) is left to the one language build that publishes the theme's files.
    """
    digest = hashlib.sha256()
    for path in _inputs():
        digest.update(path.read_bytes())
    return f"{FOLDER}/catalogue.{digest.hexdigest()[:10]}.css"


def stylesheet_text() -> str:
    words = vocabulary(_sources())
    material_css = "".join(_material_stylesheet(pattern).read_text(encoding="utf-8") for pattern in MATERIAL_STYLESHEETS)
    return purge(material_css, words) + "\n" + OWN_STYLESHEET.read_text(encoding="utf-8")


def write_stylesheet(site_root: Path, name: str) -> None:
    """Write the stylesheet under `site_root`, at `name`, the path stylesheet_name() gave the pages."""
    path = site_root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(stylesheet_text(), encoding="utf-8")
