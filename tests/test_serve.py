"""`catalogue serve` on a copy of the fixture catalogue: edits show on the served pages."""

from __future__ import annotations

import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, CATALOGUE
from generator import i18n
from generator.serve import PreviewServer

FICHE = "port-exemple/atelier-emploi/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except urllib.error.URLError as error:
        if isinstance(error.reason, ConnectionRefusedError):
            raise error.reason
        raise


def wait_for(url: str, text: str, deadline: float = 90) -> str:
    """The page at `url` once it contains `text`; fails after `deadline` seconds."""
    end = time.monotonic() + deadline
    while True:
        try:
            page = _get(url)
        except ConnectionRefusedError:  # the server is still starting
            page = ""
        if text in page:
            return page
        assert time.monotonic() < end, f"{url} never showed {text!r}"
        time.sleep(0.1)  # polling interval, not a wait for the build


@pytest.fixture
def preview(tmp_path, monkeypatch):
    """A running preview server of a copy of the fixture catalogue and of the translations."""
    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES_DIR, locales)
    monkeypatch.setattr(i18n, "LOCALES_DIR", locales)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    i18n.translations_for.cache_clear()
    port = _free_port()
    server = PreviewServer(content, ["fr", "en"], tmp_path / "preview", port=port)
    server.rebuild()
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    # Edits count from when the files are watched: MkDocs starts answering just after that.
    started = time.monotonic()
    while not server.serve_thread.is_alive():
        assert time.monotonic() - started < 30, "the preview never started"
        time.sleep(0.01)
    try:
        yield server, f"http://127.0.0.1:{port}/", content, locales
    finally:
        server.shutdown(wait=True)
        i18n.translations_for.cache_clear()


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_serve_shows_po_and_fiche_edits(preview):
    server, url, content, locales = preview
    page = wait_for(url + "en/" + FICHE, "How do I get referred?")
    build = page.split("__reload.js?build=")[1].split('"')[0]

    _replace(locales / "en" / "LC_MESSAGES" / "messages.po", 'msgstr "How do I get referred?"',
             'msgstr "Who can send me there?"')
    page = wait_for(url + "en/" + FICHE, "Who can send me there?")
    assert ">How do I get referred?</h2>" not in page
    # The open pages learn of the new build from the long poll their reload script makes.
    assert int(_get(f"{url}livereload/{build}/1")) > int(build)

    _replace(content / "port-exemple" / "actions" / "atelier-emploi.yml",
             "Un entretien d'essai et des conseils pour trouver un emploi.",
             "Un entretien d'essai, puis des conseils pour trouver un emploi.")
    wait_for(url + "fr/" + FICHE, "Un entretien d&#39;essai, puis des conseils")
    assert _get(url + "__reload.js").startswith("// Live reload")


def test_serve_rebuilds_one_at_a_time(preview):
    """Edits during a rebuild are gathered into the next one: never two builds at once."""
    server, url, content, locales = preview
    running = []
    overlaps = []
    rebuild = server.builder

    def watched_rebuild():
        if running:
            overlaps.append(True)
        running.append(True)
        try:
            rebuild()
        finally:
            running.pop()

    server.builder = watched_rebuild
    fiche = content / "port-exemple" / "actions" / "atelier-emploi.yml"
    builds = server.builds
    for number in range(5):
        _replace(fiche, "Préparer un entretien d'embauche" if number == 0 else f"Entretien {number - 1}", f"Entretien {number}")
    wait_for(url + "fr/" + FICHE, "Entretien 4")
    assert not overlaps
    assert server.builds - builds < 5
