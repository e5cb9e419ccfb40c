"""Lighthouse, mobile, on the fixture catalogue: home, a territory and a fiche, in French and Arabic.

    python -m benchmarks.lighthouse --runs 5 --report benchmarks/reports/lighthouse.json

Builds tests/fixtures/catalogue with the real pipeline (on the tests' build date), serves it with
gzip as GitHub Pages does, and runs the pinned Lighthouse (.ci/run installs it in .cache/npm)
with Debian's Chromium, `--runs` times per page. Performance is noisy on a shared machine: the
report gives each category's median and every run, and the median of the main metrics.
tests/test_lighthouse.py asserts the four categories at 100 (a median of three when performance is not).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the tests' server, Lighthouse runner and fixture

from browser import LIGHTHOUSE, lighthouse_failures, lighthouse_scores, run_lighthouse, serve_compressed  # noqa: E402
from conftest import BUILD_EPOCH, CATALOGUE, TEST_SITE_URL  # noqa: E402

# The pages the issue names: home, territory, fiche; each in a left-to-right and a right-to-left language.
PAGES = {"home": "", "territory": "port-exemple/", "fiche": "port-exemple/cours-francais/"}
LANGUAGES = ("fr", "ar")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")


def build_fixture_site(out: Path) -> None:
    from generator.models import SITE_LANGUAGES
    from generator.pipeline import run_pipeline

    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    os.environ["CATALOGUE_SITE_URL"] = TEST_SITE_URL
    run_pipeline(CATALOGUE, out, list(SITE_LANGUAGES), progress=False)


def measure_page(url: str, runs: int) -> dict:
    scores, metrics, failures = [], {metric: [] for metric in METRICS}, set()
    for _ in range(runs):
        report = run_lighthouse(url, CATEGORIES)
        scores.append(lighthouse_scores(report))
        for metric in METRICS:
            metrics[metric].append(report["audits"][metric]["numericValue"])
        for category in CATEGORIES:
            failures.update(lighthouse_failures(report, category))
    return {
        "scores": {category: {"median": statistics.median(run[category] for run in scores), "runs": [run[category] for run in scores]} for category in CATEGORIES},
        "metrics_median": {metric: round(statistics.median(values), 3) for metric, values in metrics.items()},
        "failing_audits": sorted(failures),
    }


def measure(runs: int) -> dict:
    version = json.loads((LIGHTHOUSE.parent.parent / "lighthouse" / "package.json").read_text(encoding="utf-8"))["version"]
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as folder:
        site = Path(folder) / "site"
        build_fixture_site(site)
        with serve_compressed(site) as base:
            pages = {
                f"{lang}/{name}": measure_page(f"{base}/{lang}/{path}", runs)
                for lang in LANGUAGES
                for name, path in PAGES.items()
            }
    return {"lighthouse": version, "form_factor": "mobile", "runs": runs, "served": "gzip", "pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--report", type=Path, default=REPO / "benchmarks" / "reports" / "lighthouse.json")
    args = parser.parse_args()
    report = measure(args.runs)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for page, result in report["pages"].items():
        print(page, {category: score["median"] for category, score in result["scores"].items()})


if __name__ == "__main__":
    main()
