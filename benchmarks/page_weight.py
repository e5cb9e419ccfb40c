"""What a phone downloads for a fiche: its first visit, then the same fiche in another language.

    python -m benchmarks.page_weight [--site SITE] [--report benchmarks/reports/page-weight.json]

Builds tests/fixtures/catalogue with the real pipeline (on the tests' build date), or takes a built
site, and serves it as GitHub Pages does: gzip for text, `Cache-Control: max-age=600`. Debian's
Chromium, as a 360 × 740 phone with an empty cache, opens the fiche and waits until the network
is quiet: that is the first visit, every request counted. Then, in the same browser (its cache
kept), it follows the language menu's link to the same fiche in another language: that is the
switch, counting only what the server sends again.

Bytes are those the server sends in each response body (compressed when the file is text), as
the server counts them: a response the browser takes from its cache is not sent, so not counted.
Headers are listed apart (`headers_bytes`), since they depend on the host more than on the site.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the tests' server, Chromium settings and fixture

from browser import CHROMIUM, CHROMIUM_ARGS, PHONE, _CompressingHandler, local_server  # noqa: E402
from conftest import BUILD_EPOCH, CATALOGUE, TEST_SITE_URL  # noqa: E402

FICHE = "port-exemple/cours-francais/"


class _Recorder:
    """Every response the server sends: path, status, body and header bytes."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent: list[dict] = []

    def take(self) -> list[dict]:
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


def _handler(recorder: _Recorder, root: Path):
    class Handler(_CompressingHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def end_headers(self):
            # GitHub Pages lets browsers keep every file ten minutes.
            self.send_header("Cache-Control", "max-age=600")
            super().end_headers()

        def send_response(self, code, message=None):
            self._status = code
            super().send_response(code, message)

        def flush_headers(self):
            # The headers' size, before the buffer is written and emptied.
            self._header_size = sum(len(line) for line in getattr(self, "_headers_buffer", []))
            super().flush_headers()

        def send_head(self):
            body = super().send_head()
            size = 0
            if body is not None:
                position = body.tell()
                size = body.seek(0, os.SEEK_END) - position
                body.seek(position)
            with recorder.lock:
                recorder.sent.append({
                    "path": urllib.parse.urlsplit(self.path).path,
                    "status": self._status,
                    "bytes": size,
                    "headers_bytes": getattr(self, "_header_size", 0),
                })
            return body

    return Handler


def _summary(sent: list[dict]) -> dict:
    return {
        "bytes": sum(item["bytes"] for item in sent),
        "requests": len(sent),
        "headers_bytes": sum(item["headers_bytes"] for item in sent),
        "per_asset": sorted(sent, key=lambda item: -item["bytes"]),
    }


def measure(site: Path, fiche: str = FICHE, first: str = "fr", second: str = "ar") -> dict:
    from playwright.sync_api import sync_playwright

    recorder = _Recorder()
    with local_server(_handler(recorder, site)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(f"{base}/{first}/{fiche}")
        page.wait_for_load_state("networkidle")
        first_visit = recorder.take()
        # The language menu's link, as a reader would follow it.
        link = page.locator(f".md-select__link[hreflang='{second}'], .md-select__link[href*='/{second}/']").first
        href = link.get_attribute("href")
        page.goto(urllib.parse.urljoin(page.url, href))
        page.wait_for_load_state("networkidle")
        switch = recorder.take()
        assert page.url.endswith(f"/{second}/{fiche}"), page.url
        browser.close()
    return {
        "fiche": fiche,
        "served": "gzip, Cache-Control: max-age=600",
        "viewport": PHONE,
        "first_visit": {"language": first, **_summary(first_visit)},
        "switch": {"from": first, "to": second, **_summary(switch)},
    }


def build_fixture_site(out: Path) -> None:
    from generator.models import SITE_LANGUAGES
    from generator.pipeline import run_pipeline

    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    os.environ["CATALOGUE_SITE_URL"] = TEST_SITE_URL
    run_pipeline(CATALOGUE, out, list(SITE_LANGUAGES), progress=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the fixture catalogue)")
    parser.add_argument("--fiche", default=FICHE, help="the fiche's path in a language's folder")
    parser.add_argument("--report", type=Path, default=REPO / "benchmarks" / "reports" / "page-weight.json")
    args = parser.parse_args()
    if args.site:
        report = measure(args.site, args.fiche)
    else:
        with tempfile.TemporaryDirectory(prefix="page-weight-") as folder:
            site = Path(folder) / "site"
            build_fixture_site(site)
            report = measure(site, args.fiche)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("first_visit", "switch"):
        part = report[name]
        print(f"{name}: {part['bytes']:,} bytes in {part['requests']} requests")
        for item in part["per_asset"]:
            print(f"  {item['bytes']:>8,}  {item['status']}  {item['path']}")


if __name__ == "__main__":
    main()
