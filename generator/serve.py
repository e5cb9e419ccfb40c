"""`catalogue serve`: build, serve on localhost, rebuild when content, templates, theme or
translations change, and reload the open pages when the new build is ready.

The server is MkDocs's own `LiveReloadServer`. It runs one rebuild at a time in its build loop,
gathers the changes that arrive during a rebuild into the next one, holds requests while a
rebuild is under way (a page is never read half-written) and answers the pages' long polls
(`/livereload/<build>/…`) as soon as a newer build is ready. Three things are our own:
- the watcher: inotify (watchdog's native observer) instead of MkDocs's polling one, which
  stats every file twice a second and makes each edit wait for its next pass; it also records
  which files changed, which the rebuild needs;
- the reload script: the Content Security Policy refuses MkDocs's inline script, so preview
  pages load `/__reload.js` (theme/main.html), and the server tells it the page's build number
  in its address;
- the errors: `/__errors` gives the last build's content errors, which the reload script shows
  over the page (generator/editor_preview.py);
- translations: the gettext catalogs are compiled once and cached (generator/i18n.py); after a
  `.po` edit the caches are emptied, so the next build reads the edited catalog.

After the first, full, build, rebuilds are incremental (generator/incremental.py): the pages an
edit changes are rebuilt and shown first; the search index, the open data and the site root's
pages follow once the edits pause for a second, while the pages are already served (the search
may miss an index file for that half second: it is a preview).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator import i18n, render, routes, templating
from generator.build import THEME_DIR, BuildFailed
from generator.editor_preview import ERRORS_PATH, PreviewErrors
from generator.errors import ContentErrors
from generator.index import IndexFailed
from generator.incremental import IncrementalSite
from generator.settings import Settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
PREVIEW_DIR = PROJECT_DIR / ".cache" / "preview"
RELOAD_SCRIPT = Path(__file__).resolve().parent / "preview" / "reload.js"
RELOAD_SCRIPT_PATH = f"/{routes.PREVIEW_RELOAD_SCRIPT}"

# The search index and the open data wait for the edits to pause this long (seconds), and stop
# between languages for a new edit: a coordinator saving again sees the page first.
FINISH_AFTER_QUIET_S = 1.0

# Reading a file (the build itself does) is not a change.
_CHANGES = ("created", "modified", "deleted", "moved")


class _Changes(FileSystemEventHandler):
    def __init__(self, server: PreviewServer):
        self._server = server

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _CHANGES and not event.is_directory:
            self._server.file_changed(Path(os.fsdecode(event.src_path)))
            if event.dest_path:
                self._server.file_changed(Path(os.fsdecode(event.dest_path)))


def forget_translations() -> None:
    """Empty the caches that hold compiled gettext catalogs, so the next build reads the `.po` files."""
    i18n.translations_for.cache_clear()
    render._markdown.cache_clear()  # its glossary explanations are translated


def preview_settings() -> Settings:
    """The preview's settings, read again before each rebuild, so that a preview left open past
    midnight moves on to the new day. Preview pages load the live-reload script."""
    return Settings.read(preview=True)


class PreviewServer(LiveReloadServer):
    """The preview of `content` in `languages`, built into `site_dir` and served from it."""

    def __init__(
        self, content: Path, languages: list[str], site_dir: Path, host: str = "127.0.0.1", port: int = 8000,
        read_settings: Callable[[], Settings] = preview_settings,
    ):
        super().__init__(builder=self.rebuild, host=host, port=port, root=str(site_dir))
        self.content = content
        self.languages = languages
        self.site_dir = site_dir
        self.builds = 0
        self.read_settings = read_settings
        self.site = IncrementalSite(content, site_dir, languages, read_settings())
        self._changed: set[Path] = set()
        self._refused: set[Path] = set()  # edits with errors: read again with the next ones
        self.observer = Observer()
        self.watched = [content, THEME_DIR, templating.TEMPLATES_DIR, i18n.LOCALES_DIR]
        for folder in self.watched:
            self.observer.schedule(_Changes(self), str(folder), recursive=True)
            # LiveReloadServer starts its observer and gives pages the build number only when it
            # watches something: this is the bookkeeping its `watch()` would have done.
            self._watched_paths[str(folder)] = 1

    def file_changed(self, path: Path) -> None:
        """Ask for a rebuild that includes `path`; the build loop waits for the edits to stop."""
        with self._rebuild_cond:
            self._changed.add(path)
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def _take_changes(self) -> set[Path]:
        with self._rebuild_cond:
            changed, self._changed = self._changed, set()
        return changed

    def rebuild(self) -> None:
        """One build; called by the build loop only, so never two at once."""
        changed = self._take_changes() | self._refused
        if _under(changed, [i18n.LOCALES_DIR]):
            forget_translations()
        try:
            if self.site.catalogue is None:
                self.site.build_all()
            else:
                self.site.rebuild_pages(changed, self.read_settings())
                PreviewErrors.record([])  # the pages shown next have no errors left to show
                self._show_pages()
                if not self._edited_within(FINISH_AFTER_QUIET_S):
                    self.site.finish(interrupted=lambda: self._want_rebuild)
        except ContentErrors as errors:
            self._refused = changed
            PreviewErrors.record(errors.errors)
            for error in errors.errors:
                print(error, file=sys.stderr)
            print("Erreurs : l'aperçu garde la version précédente.", file=sys.stderr)
            return
        except (BuildFailed, IndexFailed) as failure:
            self._refused = changed
            PreviewErrors.record([failure])
            print(failure, file=sys.stderr)
            print("Erreurs : l'aperçu garde la version précédente.", file=sys.stderr)
            return
        self._refused = set()
        PreviewErrors.record([])
        self.builds += 1
        print("Aperçu à jour.", file=sys.stderr)

    def _edited_within(self, seconds: float) -> bool:
        """Wait up to `seconds` for another edit; True if one came."""
        with self._rebuild_cond:
            return self._rebuild_cond.wait_for(lambda: self._want_rebuild, timeout=seconds)

    def _show_pages(self) -> None:
        """Serve the rebuilt pages, and reload the open ones, before the search index is made again."""
        with self._epoch_cond:
            self._visible_epoch = self._wanted_epoch
            self._epoch_cond.notify_all()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Say where the preview is, then answer. MkDocs starts this thread once the files are
        watched and the server accepts connections: tools wait for this line, and an edit saved
        after it is never missed."""
        print(f"Aperçu : http://{self.server_address[0]}:{self.server_address[1]}/ (Ctrl+C pour arrêter)",
              file=sys.stderr)
        super().serve_forever(poll_interval)

    def _serve_request(self, environ, start_response):
        if environ["PATH_INFO"] == RELOAD_SCRIPT_PATH:
            return _uncached(start_response, RELOAD_SCRIPT.read_bytes(), "text/javascript")
        if environ["PATH_INFO"] == ERRORS_PATH:
            return _uncached(start_response, PreviewErrors.as_json(), "application/json")
        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        """Tell the page's reload script which build it shows (no inline script: see the CSP)."""
        script = routes.PREVIEW_RELOAD_SCRIPT.encode()
        return content.replace(script + b'"', script + b'?build=%d"' % epoch, 1)


def _uncached(start_response, body: bytes, content_type: str) -> list[bytes]:
    """A preview-only answer, asked for afresh each time."""
    start_response("200 OK", [("Content-Type", content_type), ("Cache-Control", "no-store"),
                              ("Content-Length", str(len(body)))])
    return [body]


def _under(paths: Iterable[Path], folders: list[Path]) -> bool:
    return any(folder in path.parents for path in paths for folder in folders)


def serve(content: Path, languages: list[str], port: int) -> None:
    server = PreviewServer(content.resolve(), languages, PREVIEW_DIR, port=port)
    server.rebuild()
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
