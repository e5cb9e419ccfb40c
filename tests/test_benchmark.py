"""The benchmark script runs end to end and writes the report the README's table is made from.

Only its shape is checked here: timings belong to the benchmark's own reports, not to tests.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO

REPORT_KEYS = {
    "actions", "languages", "pages", "runs", "wall_s", "pages_per_s", "rebuild_wall_s", "rebuild_pages_per_s",
    "peak_rss_mb", "fiche_html_bytes_median", "fiche_gzip_bytes_median", "site_bytes", "search_first_query_bytes",
    "site_bytes_per_action", "stock_wall_s", "stock_pages", "stock_site_bytes", "wall_ratio_to_stock",
    "seconds_per_page_ratio_to_stock", "site_bytes_ratio_to_stock",
}


def test_benchmark_builds_a_synthetic_catalogue_and_reports(tmp_path):
    report_path = tmp_path / "report.json"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "build_scale.py"), "--actions", "30", "--runs", "1",
         "--report", str(report_path)],
        check=True, capture_output=True, text=True, timeout=600,
    )
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert set(report) == REPORT_KEYS
    assert (report["actions"], report["languages"], report["runs"]) == (30, 8, 1)
    # 8 languages × (30 fiches + home, search, favourites, the territory, its completeness
    # report and its filter pages), the language picker and 30 language choices for QR codes.
    assert report["pages"] > 8 * 35 + 31
    assert report["pages_per_s"] == pytest.approx(report["pages"] / report["wall_s"], rel=0.01)
    assert 0 < report["fiche_gzip_bytes_median"] < report["fiche_html_bytes_median"] <= 40_000
    assert report["search_first_query_bytes"] > 0
    # The stock baseline built the same 30 fiches, plus a home page, in each language.
    assert report["stock_pages"] >= 8 * 31
    assert report["wall_ratio_to_stock"] == pytest.approx(report["wall_s"] / report["stock_wall_s"], rel=0.01)
    assert report["site_bytes_ratio_to_stock"] == pytest.approx(report["site_bytes"] / report["stock_site_bytes"], rel=0.01)
