"""`catalogue serve`: build, serve on localhost, rebuild when content, templates or theme change,
and reload the open pages when the new build is ready."""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from generator.editor_preview import ERRORS_PATH, PreviewErrors
from generator.errors import ContentErrors
from generator.build import PREVIEW_VARIABLE
from generator.pipeline import run_pipeline

PROJECT_DIR = Path(__file__).resolve().parent.parent
PREVIEW_DIR = PROJECT_DIR / ".cache" / "preview"


class _Rebuild(FileSystemEventHandler):
    def __init__(self, rebuild):
        self._rebuild = rebuild
        self._timer: threading.Timer | None = None

    def on_any_event(self, event):
        if event.event_type not in ("created", "modified", "deleted", "moved"):
            return  # reading a file (the build itself does) is not a change
        # Editors save in bursts: wait for quiet before rebuilding.
        if self._timer:
            self._timer.cancel()
        self._timer = threading.Timer(0.5, self._rebuild)
        self._timer.start()


RELOAD_SCRIPT = Path(__file__).resolve().parent / "preview" / "reload.js"


class _Builds:
    """How many previews were built: the pages' reload script watches this number."""

    count = 0


def serve(content: Path, languages: list[str], port: int) -> None:
    # Preview builds add the live-reload script to every page (see theme/main.html).
    os.environ[PREVIEW_VARIABLE] = "1"

    def rebuild():
        try:
            run_pipeline(content, PREVIEW_DIR, languages, progress=False)
            PreviewErrors.record([])
            _Builds.count += 1
            print("Aperçu à jour.", file=sys.stderr)
        except ContentErrors as errors:
            PreviewErrors.record(errors.errors)
            for error in errors.errors:
                print(error, file=sys.stderr)
            print("Erreurs : l'aperçu garde la version précédente.", file=sys.stderr)

    rebuild()
    observer = Observer()
    handler = _Rebuild(rebuild)
    for folder in (content, PROJECT_DIR / "theme", PROJECT_DIR / "generator" / "templates", PROJECT_DIR / "locales"):
        observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    # The preview folder is replaced on each build, so files are looked up in it afresh each time.
    handler_class = functools.partial(_PreviewHandler, directory=str(PREVIEW_DIR))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler_class) as server:
        print(f"Aperçu : http://127.0.0.1:{port}/ (Ctrl+C pour arrêter)", file=sys.stderr)
        try:
            server.serve_forever()
        finally:
            observer.stop()


class _PreviewHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.split("?")[0] == ERRORS_PATH:
            self._send(PreviewErrors.as_json(), "application/json")
            return
        if self.path.split("?")[0] in ("/__build", "/__reload.js"):
            body = (str(_Builds.count) if self.path.startswith("/__build") else RELOAD_SCRIPT.read_text()).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain" if self.path.startswith("/__build") else "text/javascript")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass
