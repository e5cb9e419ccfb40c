"""Lighthouse (mobile) scores 100 in all four categories (performance, accessibility, best
practices, SEO) on home, territory and fiche, in French and Arabic, served with gzip as GitHub
Pages serves them. About 25 s a page; `-m "not lighthouse"` leaves them out.

Performance depends on the machine, which is shared: a run below 100 is measured twice more and
the median of the three counts, as benchmarks/lighthouse.py reports it (every run and the medians
in benchmarks/reports/lighthouse.json).
"""

from __future__ import annotations

import statistics

import pytest

from browser import lighthouse_failures, lighthouse_scores, run_lighthouse, serve_compressed

PAGES = {"home": "", "territory": "port-exemple/", "fiche": "port-exemple/cours-francais/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


@pytest.fixture(scope="module")
def served_with_gzip(built_site):
    with serve_compressed(built_site) as url:
        yield url


@pytest.mark.lighthouse
@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("page", list(PAGES))
def test_lighthouse_scores_100(served_with_gzip, lang, page):
    url = f"{served_with_gzip}/{lang}/{PAGES[page]}"
    report = run_lighthouse(url, CATEGORIES)
    scores = lighthouse_scores(report)
    failures = [failure for category in CATEGORIES for failure in lighthouse_failures(report, category)]
    if scores["performance"] < 100:
        runs = [scores["performance"], *(lighthouse_scores(run_lighthouse(url, ["performance"]))["performance"] for _ in range(2))]
        scores["performance"] = statistics.median(runs)
        failures.append(f"performance runs: {runs}")
    assert scores == dict.fromkeys(CATEGORIES, 100), failures
