"""Stage 3, render: one language's views → pages for MkDocs, from the Jinja2 templates.

Each page is its metadata for the theme (title, kind, languages it is translated in) and its
body, which the templates make in HTML; the content's Markdown fields are converted here. The
pages stay in memory: `generator/mkdocs_plugin.py` hands them to MkDocs as they are.

The pages of a language, by their MkDocs source path:

    index.md                          choose your territory
    <territory>/index.md              the territory's catalogue
    <territory>/<action>.md           a fiche
    <territory>/<facet>/<value>.md    a static filtered list (browsing without JavaScript)
    <territory>/completude.md         the completeness report, for coordinators
    recherche/index.md                the search page (browsing by theme without JavaScript)
    mes-fiches/index.md               the fiches saved on this phone
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import markdown as markdown_lib
import material
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor
from xml.etree import ElementTree as etree
from markupsafe import Markup

from generator import glossary, routes, templating
from generator.i18n import translations_for
from generator.languages import built_languages
from generator.localize import LocalizedSite, PageBase
from generator.localize.views import NeutralFichePage

MATERIAL_ICONS = Path(material.__file__).resolve().parent / "templates" / ".icons"
SITE_ROOT_ASSETS = Path(__file__).resolve().parent / "site_root"


@lru_cache(maxsize=None)
def icon(name: str) -> Markup:
    """An icon bundled with Material, inlined: no font and no request."""
    return Markup((MATERIAL_ICONS / f"{name}.svg").read_text(encoding="utf-8"))


# Fragment links come from the glossary only: content links are refused by the loader.
def _safe_link(href: str) -> bool:
    return bool(routes.SAFE_LINK.match(href)) or href.startswith("#" + routes.GLOSSARY_ANCHOR)


class _GlossaryLinks(Treeprocessor):
    """Makes each glossary abbreviation a link to its explanation at the bottom of the page."""

    def run(self, root):
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "abbr" and parent.tag != "a":
                    link = etree.Element("a", {"href": "#" + glossary.anchor(child.text or ""), "class": "term"})
                    link.tail, child.tail = child.tail, None
                    parent.remove(child)
                    link.append(child)
                    parent.insert(index, link)


class _GlossaryAbbreviations(AbbrTreeprocessor):
    """Python-Markdown's abbreviations, found with the glossary's own boundaries (prefixes allowed)."""

    def run(self, root):
        if self.abbrs:
            self.RE = glossary.pattern(self.abbrs)
            self.iter_element(root)


class _SafeLinks(Treeprocessor):
    """Drops any link target that is not https, mailto, tel or a glossary entry, whatever the loader let through."""

    def run(self, root):
        for link in root.iter("a"):
            if not _safe_link(link.get("href", "")):
                link.attrib.pop("href", None)


@lru_cache(maxsize=None)
def _markdown(lang: str) -> markdown_lib.Markdown:
    """A Markdown converter for one language; glossary terms become explained abbreviations."""
    gettext = translations_for(lang).gettext
    terms = {term: gettext(explanation) for term, explanation in glossary.TERMS.items()}
    converter = markdown_lib.Markdown(extensions=[AbbrExtension(glossary=terms)], output_format="html")
    # No images: a picture from another server would be a request to another origin.
    # No headings, rules, quotes or code either: they would break the fiche's outline, and
    # content Markdown is documented as paragraphs, lists, emphasis and links. Fewer patterns
    # also make each conversion cheaper.
    for pattern in ("image_link", "image_reference", "short_image_ref", "backtick", "reference",
                    "short_reference", "autolink", "automail", "html"):
        converter.inlinePatterns.deregister(pattern)
    for processor in ("code", "hashheader", "setextheader", "hr", "quote", "reference"):
        converter.parser.blockprocessors.deregister(processor)
    abbreviations = converter.treeprocessors["abbr"]
    converter.treeprocessors.register(_GlossaryAbbreviations(converter, abbreviations.abbrs), "abbr", 7)
    converter.treeprocessors.register(_GlossaryLinks(converter), "glossary_links", 1)
    converter.treeprocessors.register(_SafeLinks(converter), "safe_links", 0)
    return converter


def markdown_filter(text: str, lang: str) -> Markup:
    """Content Markdown → HTML. The text is escaped first, so no HTML in it can survive.

    Text that is already Markup was escaped by the template's autoescape (a list assembled in
    a template): it is not escaped twice.
    """
    converter = _markdown(lang)
    converter.reset()
    source = str(text) if isinstance(text, Markup) else html.escape(text, quote=False)
    return Markup(converter.convert(source))


# Between the Markdown fields of a fiche converted together: a paragraph no content contains.
_SECTION_BREAK = "catalogue-section-break-5d1e9a"


def _markdown_source(value, ordered: bool = False) -> str:
    """A text field as Markdown; a list field as a Markdown list."""
    if isinstance(value, str):
        return value
    marker = (lambda index: f"{index}.") if ordered else (lambda index: "-")
    return "\n".join(f"{marker(index)} {item.replace(chr(10), ' ')}" for index, item in enumerate(value, 1))


def fiche_prose(page, lang: str) -> dict[str, Markup]:
    """The Markdown fields of a fiche as HTML, converted in one pass.

    One Python-Markdown conversion per fiche instead of one per field: converting is the
    costliest part of rendering, and its fixed cost dominates for short fields.
    """
    fields = {
        name: _markdown_source(text.value, ordered=name == "steps")
        for name, text in (("what", page.what), ("why", page.why), ("steps", page.steps), ("documents", page.documents))
        if text is not None
    }
    joined = f"\n\n{_SECTION_BREAK}\n\n".join(html.escape(source, quote=False) for source in fields.values())
    converter = _markdown(lang)
    converter.reset()
    parts = converter.convert(joined).split(f"<p>{_SECTION_BREAK}</p>")
    if len(parts) != len(fields):  # a field swallowed a break: convert them one by one
        return {name: markdown_filter(source, lang) for name, source in fields.items()}
    return {name: Markup(part.strip()) for name, part in zip(fields, parts)}


def page_meta(page: PageBase, **extra) -> dict:
    """What the theme needs about a page (`page.meta` in its templates).

    The theme's templates (MkDocs, Material, theme/) do not autoescape: they print `page.meta`
    and `page.title` as they are, in text and in attributes. So every text value is HTML-escaped
    here, quotes included, and the theme shows it as typed (tests/test_hostile_content.py).
    """
    data = {"title": page.title, **extra}
    if page.translated_in is not None:
        data["translated"] = page.translated_in
    return {key: html.escape(value) if isinstance(value, str) else value for key, value in data.items()}


def _template_gettext(lang: str):
    """`_` and `ngettext` for the templates, as Jinja's new-style gettext behaves.

    A translated string is trusted markup and always a format string, whose variables are
    escaped. Unlike Jinja's own, `_` keeps each string once made: a fiche asks for fifty of them,
    and Jinja would otherwise rebuild each one every time.
    """
    translations = translations_for(lang)

    @lru_cache(maxsize=None)
    def plain(message: str) -> Markup:
        return Markup(translations.gettext(message)) % {}

    def gettext(message: str, **variables) -> Markup:
        return Markup(translations.gettext(message)) % variables if variables else plain(message)

    def ngettext(singular: str, plural: str, num: int, **variables) -> Markup:
        return Markup(translations.ngettext(singular, plural, num)) % {"num": num, **variables}

    return gettext, ngettext


def environment(lang: str, template_cache: Path | None = None) -> jinja2.Environment:
    """The templates' environment for one language; `template_cache` shares compiled templates."""
    env = templating.environment(
        html=True, tidy=True, strict=True, template_cache=template_cache, gettext=_template_gettext(lang)
    )
    env.globals["icon"] = icon
    env.filters["page_meta"] = page_meta
    env.filters["markdown"] = markdown_filter
    return env


@dataclass
class RenderedPage:
    src_uri: str  # the page's path for MkDocs, which makes its URL: "metz/atelier.md" → metz/atelier/
    meta: dict
    body: str


@dataclass
class RenderedLanguage:
    pages: list[RenderedPage]
    nav: list[dict]


def _render(template: jinja2.Template, src_uri: str, **context) -> RenderedPage:
    """A page from its template: the body is the output, the metadata the template's `meta`."""
    module = template.make_module(context)
    return RenderedPage(src_uri=src_uri, meta=module.meta, body=str(module))


def render_language(site: LocalizedSite, template_cache: Path | None = None) -> RenderedLanguage:
    """Every page of one language, and its (small) navigation."""
    env = environment(site.lang.code, template_cache)
    fiche, territory, facet, home, completeness, search, favourites = (
        env.get_template(f"{name}.html.j2")
        for name in ("fiche", "territory", "facet", "home", "completeness", "search", "favourites")
    )
    pages = [
        _render(home, routes.source_file(site.home.path, section=True), page=site.home),
        _render(search, routes.source_file(site.search.path, section=True), page=site.search),
        _render(favourites, routes.source_file(site.favourites.path, section=True), page=site.favourites),
    ]
    pages += [_render(territory, routes.source_file(view.path, section=True), page=view) for view in site.territories]
    pages += [
        _render(fiche, routes.source_file(view.path), page=view, prose=fiche_prose(view, site.lang.code))
        for view in site.fiches
    ]
    pages += [_render(facet, routes.source_file(view.path), page=view) for view in site.facets]
    pages += [_render(completeness, routes.source_file(view.path), page=view) for view in site.completeness]
    routes.check_unique((page.src_uri for page in pages), site.lang.code)
    # The navigation holds the home page only, which lists the territories: a menu of every
    # fiche, or even of every territory, would be repeated on every page, making the build
    # quadratic and every page heavier as the catalogue grows. Titles are HTML-escaped: the
    # theme prints them raw.
    nav = [{html.escape(site.home.title): "index.md"}]
    return RenderedLanguage(pages=pages, nav=nav)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def render_site_root(out_dir: Path, fiche_pages: list[NeutralFichePage], languages: list[str], base_path: str) -> None:
    """The language picker at the site's root (for the `languages` built), its assets, one
    language choice per fiche, and the root 404 page.

    The root 404 page is the one page that cannot use relative links: a host (GitHub Pages among
    them) serves it for a missing page at any depth, `/fr/metz/gone/` as well as `/gone`. Its links
    are absolute under `base_path` (`/`, or `/<repository>/` for a GitHub project site)."""
    env = templating.html_environment()
    offered = built_languages(languages)
    html = env.get_template("language_picker.html.j2").render(languages=offered)
    _write(out_dir / "index.html", html)
    _write(out_dir / routes.NOT_FOUND_PAGE, not_found_page(base_path, languages))
    fiche_template = env.get_template("fiche_languages.html.j2")
    for page in fiche_pages:
        _write(out_dir / page.path / "index.html", fiche_template.render(page=page))
    _remove_orphan_qr_codes(out_dir, fiche_pages)
    for asset in sorted(SITE_ROOT_ASSETS.iterdir()):
        _write(out_dir / asset.name, asset.read_text(encoding="utf-8"))


def not_found_page(base_path: str, languages: list[str]) -> str:
    """The root 404 page, listing the `languages` built, with links absolute under `base_path`."""
    offered = [
        (language, translations_for(language.code).gettext("Page introuvable")) for language in built_languages(languages)
    ]
    return templating.html_environment().get_template("not_found.html.j2").render(base=base_path, languages=offered)


def _remove_orphan_qr_codes(out_dir: Path, fiche_pages: list[NeutralFichePage]) -> None:
    """A fiche's QR code is drawn beside its language-neutral page (generator/mkdocs_plugin.py):
    when the action is gone (a preview's rebuild), so is the drawing, with the folders it leaves empty."""
    kept = {out_dir / page.path for page in fiche_pages}
    for drawing in sorted((out_dir / routes.NEUTRAL_FICHE_ROOT).glob(f"*/*/{routes.QR_CODE_FILE}")):
        folder = drawing.parent
        if folder in kept:
            continue
        drawing.unlink()
        while folder != out_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
