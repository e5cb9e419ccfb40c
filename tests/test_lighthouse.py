"""Lighthouse (mobile) scores 100 in accessibility, best practices and SEO on home, territory and
fiche, in French and Arabic. About 20 s a page; `-m "not lighthouse"` leaves them out.

Performance depends on the machine: benchmarks/lighthouse.py measures it (median of several
runs) and writes benchmarks/reports/lighthouse.json.
"""

from __future__ import annotations

import pytest

from browser import lighthouse_failures, lighthouse_scores, run_lighthouse

PAGES = {"home": "", "territory": "port-exemple/", "fiche": "port-exemple/cours-francais/"}
CATEGORIES = ["accessibility", "best-practices", "seo"]


@pytest.mark.lighthouse
@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("page", list(PAGES))
def test_lighthouse_scores_100(site_url, lang, page):
    report = run_lighthouse(f"{site_url}/{lang}/{PAGES[page]}", CATEGORIES)
    failures = [failure for category in CATEGORIES for failure in lighthouse_failures(report, category)]
    assert lighthouse_scores(report) == dict.fromkeys(CATEGORIES, 100), failures
