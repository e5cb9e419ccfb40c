"""A real Chromium (Debian's, driven by Playwright) and a local HTTP server for built sites."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without these flags Chromium tries to reach Google's hosts at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}
# The phone tests' languages (every one but English, whose script and direction French already
# covers) and their two screens: the smallest phone in use, and a common cheap one.
MATRIX_LANGUAGES = ["fr", "ar", "fa", "ps", "ti", "ru", "uk"]
SCREENS = [{"width": 320, "height": 640}, {"width": 360, "height": 740}]


@contextlib.contextmanager
def phone_page(chromium):
    """A page of a touch phone at the first of SCREENS; a test resizes it to the others."""
    context = chromium.new_context(viewport=SCREENS[0], is_mobile=True, has_touch=True)
    try:
        yield context.new_page()
    finally:
        context.close()

REPO = Path(__file__).resolve().parent.parent
# Pinned and installed by .ci/run (12.2.3: the newer ones need Node 22).
LIGHTHOUSE = REPO / ".cache" / "npm" / "node_modules" / ".bin" / "lighthouse"
# Lighthouse's default form factor is a mobile phone (Moto G Power, slow 4G simulated).
LIGHTHOUSE_FLAGS = ["--form-factor=mobile", "--quiet", "--chrome-flags=--headless=new --no-sandbox"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def local_server(handler):
    """Run an HTTP server with `handler` on a free local port; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve(root: Path):
    """Serve `root` on a free local port; yields the base URL."""
    with local_server(functools.partial(_QuietHandler, directory=str(root))) as url:
        yield url


class _CompressingHandler(_QuietHandler):
    """Text compressed with gzip when the browser accepts it, as GitHub Pages serves it."""

    COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.suffix not in self.COMPRESSED
            or not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not self.path.split("?", 1)[0].endswith(("/", path.name))  # else the directory's redirect
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve_compressed(root: Path):
    """Serve `root` with gzip, like the published site; yields the base URL."""
    with local_server(functools.partial(_CompressingHandler, directory=str(root))) as url:
        yield url


def run_lighthouse(url: str, categories: list[str]) -> dict:
    """Lighthouse's JSON report on `url` for `categories`, from Debian's Chromium."""
    assert LIGHTHOUSE.exists(), "Lighthouse is needed in .cache/npm: bash .ci/run installs it"
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, *LIGHTHOUSE_FLAGS, f"--only-categories={','.join(categories)}",
             "--output=json", f"--output-path={report}"],
            check=True, capture_output=True, text=True, timeout=240,
            env={**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": folder},
        )
        return json.loads(report.read_text(encoding="utf-8"))


def lighthouse_scores(report: dict) -> dict[str, int]:
    """Each category's score, out of 100."""
    return {key: round(category["score"] * 100) for key, category in report["categories"].items()}


def lighthouse_failures(report: dict, category: str) -> list[str]:
    """The audits of `category` that did not pass, with what Lighthouse says of them."""
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            where = [item["node"].get("snippet", "") for item in items if isinstance(item.get("node"), dict)]
            failed.append(f"{ref['id']}: {audit['title']} {where[:3]}")
    return failed
