"""`catalogue serve` shows the content's errors in the browser, over the previewed page, and
serves the editor at /admin/ (its local mode works on the preview's own files)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys

import pytest

from conftest import CATALOGUE, REPO


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def preview(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--content", str(content), "--lang", "fr", "--port", str(port)],
        cwd=REPO, stderr=subprocess.PIPE, text=True,
    )
    try:
        for line in server.stderr:  # the server says where it listens once the first build is done
            if line.startswith("Aperçu :"):
                break
        else:
            pytest.fail("catalogue serve stopped before serving")
        yield f"http://127.0.0.1:{port}", content
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_shows_the_content_errors_over_the_page_until_they_are_fixed(preview, phone):
    from playwright.sync_api import expect

    url, content = preview
    phone.goto(f"{url}/fr/port-exemple/permanence-logement/")
    expect(phone.get_by_role("heading", name="Trouver un logement", level=1)).to_be_visible()
    action = content / "port-exemple" / "actions" / "permanence-logement.yml"
    good = action.read_text(encoding="utf-8")
    action.write_text(good.replace("themes: [logement]", "themes: [logements]"), encoding="utf-8")

    alert = phone.get_by_role("alert")
    expect(alert).to_contain_text("erreur dans le contenu", timeout=60000)
    expect(alert).to_contain_text("permanence-logement.yml")
    expect(alert).to_contain_text("themes")

    action.write_text(good, encoding="utf-8")
    expect(alert).to_have_count(0, timeout=60000)


def test_serve_serves_the_editor(preview):
    import urllib.request

    url, _ = preview
    with urllib.request.urlopen(f"{url}/admin/config.yml") as response:
        assert "actions-port-exemple" in response.read().decode("utf-8")
    with urllib.request.urlopen(f"{url}/admin/") as response:
        assert 'src="sveltia-cms.js"' in response.read().decode("utf-8")
