"""Edit to preview: how long `catalogue serve` takes to show an edited sentence of a fiche.

    python benchmarks/preview_latency.py --report benchmarks/reports/preview-latency-real.json
    python benchmarks/preview_latency.py --actions 2000 --report benchmarks/reports/preview-latency-2000.json

It copies the real content (or writes the synthetic catalogue of build_scale.py) to a temporary
folder, starts `catalogue serve` on it in all languages, then edits the abstract of one action
several times. Each time it measures from the save to the moment the served French fiche shows
the new sentence, asking the server every 20 ms. The report gives each edit and their median.
`--pause` is the time between seeing a page and saving again: with 0 (saves back to back) the
search index never gets its turn; with a few seconds, as a person reads, it is rebuilt between
edits and an edit may wait for the language being indexed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from build_scale import write_catalogue  # noqa: E402

ABSTRACT = re.compile(r"^abstract: .*$", re.MULTILINE)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return ""  # not served yet


def _wait_for(url: str, text: str, deadline: float) -> float:
    """Seconds until the page at `url` contains `text`."""
    started = time.monotonic()
    while text not in _page(url):
        if time.monotonic() - started > deadline:
            raise SystemExit(f"{url} never showed {text!r} within {deadline} s")
        time.sleep(0.02)
    return time.monotonic() - started


def _first_action(content: Path) -> Path:
    return next(path for path in sorted(content.glob("*/actions/*.yml")) if path.name.count(".") == 1)


def measure(content: Path, edits: int, label: str, pause: float) -> dict:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--content", str(content), "--port", str(port)],
        cwd=REPO, stdout=subprocess.DEVNULL,
    )
    try:
        fiche = _first_action(content)
        url = f"http://127.0.0.1:{port}/fr/{fiche.parent.parent.name}/{fiche.stem}/"
        started = time.monotonic()
        _wait_for(url, "<h1", deadline=1800)
        first_build = time.monotonic() - started
        latencies = []
        for number in range(edits):
            time.sleep(pause)  # the reader's pause, not a wait for the server
            sentence = f"Texte modifié pour la mesure numéro {number} de l’aperçu."
            source = fiche.read_text(encoding="utf-8")
            fiche.write_text(ABSTRACT.sub(f'abstract: "{sentence}"', source, count=1), encoding="utf-8")
            latencies.append(_wait_for(url, sentence, deadline=600))
            print(f"edit {number}: {latencies[-1]:.3f} s", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {
        "content": label,
        "actions": sum(1 for path in content.glob("*/actions/*.yml") if path.name.count(".") == 1),
        "edits": edits,
        "pause_between_edits_s": pause,
        "first_build_s": round(first_build, 2),
        "latencies_s": [round(value, 3) for value in latencies],
        "median_s": round(statistics.median(latencies), 3),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "cpus": os.cpu_count(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, help="a synthetic catalogue of this size instead of the real content")
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--pause", type=float, default=3.0, help="seconds between seeing a page and saving again")
    parser.add_argument("--report", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="preview-latency-") as tmp:
        content = Path(tmp) / "content"
        if args.actions:
            print(f"Writing {args.actions} actions…", file=sys.stderr)
            write_catalogue(content, args.actions)
            label = f"synthetic, {args.actions} actions"
        else:
            shutil.copytree(REPO / "content", content)
            label = "real content"
        report = measure(content, args.edits, label, args.pause)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
