"""The preview's incremental rebuild: after an edit, rebuild only the pages it changes.

`catalogue serve` first builds the whole site with the pipeline. It then keeps, for each
language, an open MkDocs build (configuration, theme environment, files, navigation) and the
views of every page. After an edit in a territory's folder:
1. only that territory is read again (generator/load.py);
2. in each language, the pages that may depend on it are made again as views: the home and
   search pages, the territory's page, its fiches, its filter pages and its completeness report.
   A fiche also lists its territory's related actions, so all of the territory's fiches are
   looked at. Only the pages whose view differs from the last build's are rendered, and MkDocs
   builds only those (plus the sitemap when pages come or go);
3. then the search index of each language whose fiches changed, the open data and the site
   root's pages are made again.
Every other change (translations, templates, theme, a territory added or removed, a build date
that moved on) rebuilds the whole site. The result is the same files as a full build, byte for
byte (tests/test_incremental.py).

Measured on the real content (69 actions, 8 languages), and why not one build per territory:
MkDocs alone costs about half a second per language before it renders a page, and Pagefind about
as much, so rebuilding a territory's folder in 8 languages could not show an edit within a second.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page
from mkdocs.structure.files import File, Files, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation

from generator import routes
from generator.build import mkdocs_config
from generator.index import index_language
from generator.load import load_territory, remember_files
from generator.editor import write_editor
from generator.i18n import translations_for
from generator.languages import LANGUAGES, built_languages
from generator.localize import BuildFacts, build_facts, fiche_language_choices, localize
from generator.localize.common import LanguageContext
from generator.localize.completeness import completeness_view
from generator.localize.facets import facet_views
from generator.localize.fiche import fiche_view
from generator.localize.pages import home_view, search_listing, search_view
from generator.localize.territory import territory_view
from generator.localize.views import (
    CompletenessView, FacetView, FavouritesView, FicheView, HomeView, PageBase, SearchView, TerritoryView,
)
from generator.models import Catalogue
from generator.opendata import write_open_data
from generator.pipeline import run_pipeline
from generator.render import _render, environment, fiche_prose, render_language, render_site_root
from generator.settings import Settings

_TEMPLATES = {
    HomeView: "home", SearchView: "search", TerritoryView: "territory", FicheView: "fiche", FacetView: "facet",
    CompletenessView: "completeness",
}
_SECTIONS = (HomeView, SearchView, FavouritesView, TerritoryView)


def _source(view: PageBase) -> str:
    """The page's file for MkDocs, as generator/render.py names it."""
    return routes.source_file(view.path, section=isinstance(view, _SECTIONS))


@dataclass
class _TerritoryPages:
    """A territory's pages in one language, in the order of a full build."""

    territory: TerritoryView
    fiches: list[FicheView]
    facets: list[FacetView]
    completeness: CompletenessView

    @classmethod
    def of(cls, context: LanguageContext, slug: str) -> _TerritoryPages:
        territory = context.catalogue.territories[slug]
        return cls(
            territory=territory_view(context, territory),
            fiches=[fiche_view(context, action) for action in territory.actions.values()],
            facets=facet_views(context, territory),
            completeness=completeness_view(context, territory),
        )


@dataclass
class _Language:
    """One language's open MkDocs build and the views its pages were made from."""

    code: str
    config: object
    files: Files
    nav: object
    env: object
    templates: object
    views: dict[str, PageBase]
    head: list[PageBase]  # home, search, favourites
    territories: dict[str, _TerritoryPages]
    docs: tempfile.TemporaryDirectory = field(repr=False)

    def order(self) -> list[PageBase]:
        """Every page, in the order a full build gives them to MkDocs (the sitemap's order)."""
        pages = self.territories.values()
        return [
            *self.head,
            *(pages.territory for pages in pages),
            *(fiche for pages in pages for fiche in pages.fiches),
            *(facet for pages in pages for facet in pages.facets),
            *(pages.completeness for pages in pages),
        ]


class IncrementalSite:
    """The preview site in `site_dir`, built in full once, then rebuilt page by page."""

    def __init__(self, content: Path, site_dir: Path, languages: list[str], settings: Settings):
        self.content = content.resolve()
        self.site_dir = site_dir
        self.languages = languages
        self.settings = settings
        self.catalogue: Catalogue | None = None
        self._languages: dict[str, _Language] = {}
        self._pending_indexes: set[str] = set()
        self._pending_root = False
        self._facts: BuildFacts | None = None

    # --- full build ---

    def build_all(self) -> None:
        """The whole site, with the pipeline; then each language's build is opened again."""
        self.close()
        run_pipeline(self.content, self.site_dir, self.languages, progress=False, settings=self.settings)
        # Read in this process, so that its files are remembered for the next edits.
        remember_files()
        self.catalogue = Catalogue(territories={
            territory.slug: territory
            for territory in map(load_territory, sorted(_territory_folders(self.content)))
        })
        self._facts = build_facts(self.catalogue, self.settings.build_date, self.settings.site_url)
        for code in self.languages:
            self._languages[code] = self._open(code)
        # The open builds are large and live as long as the preview: left out of the garbage
        # collector's full passes, which would otherwise walk them during every edit (a third of
        # an edit's time at 500 actions).
        gc.freeze()

    def close(self) -> None:
        gc.unfreeze()
        for language in self._languages.values():
            language.docs.cleanup()
        self._languages = {}
        self._pending_indexes = set()
        self._pending_root = False

    def _context(self, code: str) -> LanguageContext:
        """One language's localization of the current catalogue, as generator/localize/__init__.py makes it."""
        return LanguageContext(
            catalogue=self.catalogue, facts=self._facts, lang=LANGUAGES[code], gettext=translations_for(code).gettext,
            languages=[language.code for language in built_languages(self.languages)],
        )

    def _open(self, code: str) -> _Language:
        """MkDocs's build steps up to rendering, as `mkdocs.commands.build.build` takes them."""
        site = localize(
            self.catalogue, code, self.settings.build_date, self.settings.site_url, self.languages, facts=self._facts
        )
        rendered = render_language(site)
        docs = tempfile.TemporaryDirectory(prefix=f"catalogue-{code}-preview-docs-")
        config = mkdocs_config(
            code, self.languages, rendered, self.site_dir / code, site.home.title, Path(docs.name), self.settings
        )
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        for file in files.documentation_pages():
            _populate_page(file.page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        context = self._context(code)
        territories = {slug: _TerritoryPages.of(context, slug) for slug in self.catalogue.territories}
        head = [site.home, site.search, site.favourites]
        language = _Language(code, config, files, nav, env, environment(code), {}, head, territories, docs)
        language.views = {_source(view): view for view in language.order()}
        # The first page built compiles the templates (a few seconds for eight languages): done
        # now, on a page that comes out the same, rather than on the first edit.
        for view in (site.home, *site.fiches[:1]):
            self._build_page(language, _source(view), view)
        return language

    # --- incremental rebuild ---

    def territories_changed(self, changed: set[Path]) -> set[str] | None:
        """The territory folders the edited files are in; None when the edit needs a full build."""
        folders = set()
        for path in changed:
            try:
                parts = path.resolve().relative_to(self.content).parts
            except ValueError:
                return None  # translations, templates or theme
            if len(parts) < 2 or parts[0] not in self.catalogue.territories:
                return None  # a territory added or removed, or a file beside the territories
            folders.add(parts[0])
        return folders

    def rebuild_pages(self, changed: set[Path], settings: Settings) -> None:
        """Rebuild what `changed` affects, except the search index and the site root (see `finish`).

        New `settings` (a build date that moved on, another site address) rebuild the whole site."""
        slugs = self.territories_changed(changed) if self.catalogue and settings == self.settings else None
        self.settings = settings
        if slugs is not None:
            territories = dict(self.catalogue.territories)
            for slug in slugs:
                territory = load_territory(self.content / slug)  # ContentErrors: nothing is changed
                if territory.slug != slug:
                    slugs = None
                    break
                territories[slug] = territory
        if slugs is None:
            self.build_all()
            return
        self.catalogue = Catalogue(territories=territories)
        self._facts = build_facts(self.catalogue, self.settings.build_date, self.settings.site_url)
        self._pending_root = True
        try:
            for code, language in self._languages.items():
                if self._update(language, slugs):
                    self._pending_indexes.add(code)
        except BaseException:
            self.close()  # half updated: the next rebuild is a full one
            self.catalogue = None
            raise

    def _update(self, language: _Language, slugs: set[str]) -> bool:
        """Rebuild one language's pages affected by `slugs`; True when a fiche changed."""
        context = self._context(language.code)
        language.head[0] = home_view(context)
        listed = {slug: view for slug, view in zip(self.catalogue.territories, language.head[1].territories)}
        for slug in slugs:
            listed[slug] = search_listing(context, self.catalogue.territories[slug])
        language.head[1] = search_view(context, listed)
        for slug in slugs:
            language.territories[slug] = _TerritoryPages.of(context, slug)
        views = {_source(view): view for view in language.order()}
        previous = language.views
        changed = [source for source, view in views.items() if previous.get(source) != view]
        removed = [source for source in previous if source not in views]
        for source in changed:
            self._build_page(language, source, views[source])
        for source in removed:
            self._remove_page(language, source)
        if removed or any(source not in previous for source in changed):
            self._reorder(language, list(views))
            _build_theme_template("sitemap.xml", language.env, language.files, language.config, language.nav)
        language.views = views
        return any(isinstance(views[source], FicheView) for source in changed) or any(
            isinstance(previous[source], FicheView) for source in removed
        )

    def _build_page(self, language: _Language, source: str, view: PageBase) -> None:
        template = language.templates.get_template(f"{_TEMPLATES[type(view)]}.html.j2")
        extra = {"prose": fiche_prose(view, language.code)} if isinstance(view, FicheView) else {}
        rendered = _render(template, source, page=view, **extra)
        file = language.files.get_file_from_path(source)
        if file is None:
            file = language.config.plugins["catalogue-pages"].add_page(language.files, language.config, rendered)
        else:
            file.page.rendered = rendered
        _populate_page(file.page, language.config, language.files)
        _build_page(file.page, language.config, language.files.documentation_pages(), language.nav, language.env)

    def _remove_page(self, language: _Language, source: str) -> None:
        file = language.files.get_file_from_path(source)
        language.files.remove(file)
        _remove_output(Path(file.abs_dest_path), self.site_dir)

    def _reorder(self, language: _Language, sources: list[str]) -> None:
        others = [file for file in language.files if not file.is_documentation_page()]
        language.files = Files(others + [language.files.get_file_from_path(source) for source in sources])

    def finish(self, interrupted: Callable[[], bool] = lambda: False) -> bool:
        """The search index of each language whose fiches changed, the open data and the site root.

        Stops, leaving the rest for later, as soon as `interrupted()`: a new edit's pages come first.
        True when all is done.
        """
        if not self._pending_root:
            return True
        with ThreadPoolExecutor(max_workers=2) as pool:
            done = [code for code in pool.map(lambda code: _index(self.site_dir, code, interrupted),
                                              sorted(self._pending_indexes)) if code]
        self._pending_indexes -= set(done)
        if self._pending_indexes or interrupted():
            return False
        self._pending_root = False
        write_open_data(self.catalogue, self.site_dir, self.settings.build_date)
        write_editor(self.catalogue, self.site_dir, self.settings)
        neutral = self.site_dir / routes.NEUTRAL_FICHE_ROOT
        previous = {path.parent for path in neutral.glob("*/*/index.html")}
        pages = fiche_language_choices(self.catalogue, self.languages)
        for gone in previous - {self.site_dir / page.path for page in pages}:
            _remove_output(gone / "index.html", self.site_dir)
        render_site_root(self.site_dir, pages, self.languages, self.settings.base_path)
        return True


def _index(site_dir: Path, code: str, interrupted: Callable[[], bool]) -> str | None:
    """One language's search index made again, the previous one set aside while Pagefind works
    and put back when a new edit stops it. The code when done, else None."""
    if interrupted():
        return None
    index = site_dir / code / routes.INDEX_FOLDER
    old = index.with_name(f".{routes.INDEX_FOLDER}-previous")
    shutil.rmtree(old, ignore_errors=True)
    if index.exists():
        index.rename(old)
    if not index_language(site_dir / code, interrupted):
        shutil.rmtree(index, ignore_errors=True)
        if old.exists():
            old.rename(index)
        return None
    shutil.rmtree(old, ignore_errors=True)
    return code


def _territory_folders(content: Path) -> list[Path]:
    """The territory folders, as generator/load.py finds them."""
    return [path for path in content.iterdir() if path.is_dir() and not path.name.startswith((".", "_"))]


def _remove_output(page: Path, site_dir: Path) -> None:
    """Delete a page's file and the folders it leaves empty."""
    page.unlink(missing_ok=True)
    folder = page.parent
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
