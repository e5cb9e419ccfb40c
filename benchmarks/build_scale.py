"""Build a synthetic catalogue of N actions in 8 languages with the real pipeline; report costs.

    python benchmarks/build_scale.py --actions 500 --report benchmarks/reports/build-500.json

The catalogue is written as YAML files, read back by the real loader, and built by the real
pipeline (MkDocs per language). It also builds the same fiches with stock MkDocs Material, as plain
Markdown (benchmarks/stock_baseline.py), and gives our time and size as ratios to it.
Territories hold 100 actions each, so the shape of every page
stays the same as N grows and the per-page cost can be compared between sizes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the tests' local server and Chromium settings
sys.path.insert(0, str(REPO / "benchmarks"))

from generator.load import TRANSLATION_LANGUAGES, load_catalogue  # noqa: E402
from generator.fingerprints import fingerprint, translatable_fields  # noqa: E402
from generator.models import SITE_LANGUAGES  # noqa: E402
from generator.pipeline import run_pipeline  # noqa: E402
from stock_baseline import build_stock_site  # noqa: E402

ACTIONS_PER_TERRITORY = 100
THEMES = ["francais", "travail", "logement", "sante", "famille", "culture", "papiers", "metier"]
LEVELS = ["alphabetisation", "A1", "A2", "B1"]


def synthetic_action(index: int) -> dict:
    """A complete, valid action. Its text is placeholder text, clearly not real data."""
    return {
        "title": f"Action d'exemple numéro {index}",
        "abstract": f"Résumé de l'action d'exemple {index}, pour mesurer la construction du site.",
        "what": "Texte d'exemple. " * 20 + "\n\n- Premier point d'exemple.\n- Deuxième point d'exemple.",
        "why": ["Premier avantage d'exemple.", "Deuxième avantage d'exemple."],
        "themes": [THEMES[index % len(THEMES)], THEMES[(index + 3) % len(THEMES)]],
        "who": {
            "publics": ["bpi", "bpt", "primo-arrivant"],
            "french_levels": [LEVELS[index % len(LEVELS)]],
            "price": {"free": True},
            "commitment": "Trois mois",
            "frequency": "Deux demi-journées par semaine",
            "period": {"start": "2025-01-01", "end": "2027-12-31"},
            "conditions": ["titre-de-sejour"],
        },
        "where": {"zone": {"communes": ["Commune d'exemple"]}},
        "orientation": {
            "orienters": ["travailleur-social"],
            "steps": ["Parlez-en à votre travailleur social.", "Il vous inscrit."],
            "documents": ["Titre de séjour"],
        },
        "last_verified": "2026-11-01",
        "admin": {
            "contract": "ctai-exemple",
            "axis": "Axe d'exemple",
            "official_title": f"Intitulé officiel d'exemple {index}",
            "ctai_themes": ["francais"],
            "operators": ["Association d'exemple"],
            "audience": "beneficiaries" if index % 4 else "professionals",
            "indicators": ["Nombre de personnes accompagnées"],
            "source": {"document": "synthetique.txt", "section": f"Fiche {index}"},
        },
    }


def synthetic_translation(action: dict, lang: str) -> dict:
    from generator.models import Action

    source = translatable_fields(Action.model_validate(action))

    def tag(value):
        if isinstance(value, str):
            return f"[{lang}] {value}"
        if isinstance(value, list):
            return [tag(item) for item in value]
        return {key: tag(item) for key, item in value.items()}

    return {"status": "machine", "source_fingerprint": fingerprint(source), **tag(source)}


def write_catalogue(root: Path, actions: int) -> None:
    for index in range(actions):
        territory = f"territoire-{index // ACTIONS_PER_TERRITORY:03d}"
        folder = root / territory
        if not folder.exists():
            (folder / "actions").mkdir(parents=True)
            territory_data = {
                "name": f"Territoire d'exemple {index // ACTIONS_PER_TERRITORY}",
                "slug": territory,
                "kind": "commune",
                "departments": ["57"],
                "contracts": [
                    {
                        "id": "ctai-exemple",
                        "kind": "CTAI",
                        "label": "Contrat d'exemple",
                        "period": {"start": "2025-01-01", "end": "2027-12-31"},
                        "signatories": ["Commune d'exemple"],
                    }
                ],
                "coordinator": {"name": "Centre communal d'action sociale d'exemple", "contacts": []},
                "intro": "Territoire d'exemple pour mesurer la construction.",
            }
            (folder / "territory.yml").write_text(yaml.safe_dump(territory_data, allow_unicode=True), encoding="utf-8")
        action = synthetic_action(index)
        slug = f"action-{index:05d}"
        (folder / "actions" / f"{slug}.yml").write_text(yaml.safe_dump(action, allow_unicode=True), encoding="utf-8")
        for lang in TRANSLATION_LANGUAGES:
            (folder / "actions" / f"{slug}.{lang}.yml").write_text(
                yaml.safe_dump(synthetic_translation(action, lang), allow_unicode=True), encoding="utf-8"
            )


def first_query_bytes(site: Path, query: str) -> int:
    """Bytes a phone downloads for its first search on a territory page, measured in Chromium."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS, PHONE, serve

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=PHONE)
        page.goto(f"{url}/fr/territoire-000/")
        page.wait_for_load_state("networkidle")
        fetched: list[int] = []
        page.on("response", lambda response: fetched.append(len(response.body())))
        page.fill("#catalogue-q", query)
        page.click("form.catalogue-search button")
        page.wait_for_selector(".catalogue-search__list a")
        page.wait_for_load_state("networkidle")
        browser.close()
    return sum(fetched)


def timed_build(content: Path, out: Path):
    started = time.perf_counter()
    summary = run_pipeline(content, out, list(SITE_LANGUAGES), progress=False)
    return summary, time.perf_counter() - started


def measure(actions: int, runs: int, with_stock: bool = True) -> dict:
    """Build `runs` times; times are the median run, since the machine is shared and noisy.

    Each build goes into a new folder, as on CI's fresh machine, and the folders are deleted
    only after the timings. Then one more build replaces the last site, as a local rebuild
    does: deleting a whole site and creating one again at once is slower on some file systems
    (ext4 without a journal does not reuse inodes freed in the last minute), and the report
    shows it apart.
    """
    with tempfile.TemporaryDirectory(prefix="build-scale-") as tmp:
        content = Path(tmp) / "content"
        write_catalogue(content, actions)
        walls = []
        for run in range(runs):
            out = Path(tmp) / f"site-{run}"
            summary, wall = timed_build(content, out)
            walls.append(wall)
        _, rebuild_wall = timed_build(content, out)
        wall = statistics.median(walls)
        fiches = sorted(out.glob("*/territoire-*/action-*/index.html"))
        html_sizes = [path.stat().st_size for path in fiches]
        gzip_sizes = [len(gzip.compress(path.read_bytes(), mtime=0)) for path in fiches[:: max(1, len(fiches) // 400)]]
        site_bytes = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
        loaded = sum(1 for _ in load_catalogue(content).actions())
        query_bytes = first_query_bytes(out, "exemple")
        # Before the baseline runs, whose processes would count as our children too.
        peak_kb = max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        )
        stock = build_stock_site(content, Path(tmp) / "stock", list(SITE_LANGUAGES)) if with_stock else None
    return {
        "actions": loaded,
        "languages": len(SITE_LANGUAGES),
        "pages": summary.pages,
        "runs": runs,
        "wall_s": round(wall, 2),
        "pages_per_s": round(summary.pages / wall, 1),
        "rebuild_wall_s": round(rebuild_wall, 2),
        "rebuild_pages_per_s": round(summary.pages / rebuild_wall, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "fiche_html_bytes_median": int(statistics.median(html_sizes)),
        "fiche_gzip_bytes_median": int(statistics.median(gzip_sizes)),
        "site_bytes": site_bytes,
        "search_first_query_bytes": query_bytes,
        "site_bytes_per_action": site_bytes // loaded,
        **(stock_ratios(stock, wall, summary.pages, site_bytes) if stock else {}),
    }


def stock_ratios(stock: dict, wall: float, pages: int, site_bytes: int) -> dict:
    """Stock MkDocs Material on the same fiches as plain Markdown (benchmarks/stock_baseline.py)."""
    return {
        "stock_wall_s": stock["wall_s"],
        "stock_pages": stock["pages"],
        "stock_site_bytes": stock["site_bytes"],
        "wall_ratio_to_stock": round(wall / stock["wall_s"], 3),
        "seconds_per_page_ratio_to_stock": round((wall / pages) / (stock["wall_s"] / stock["pages"]), 3),
        "site_bytes_ratio_to_stock": round(site_bytes / stock["site_bytes"], 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, required=True)
    parser.add_argument("--report", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3, help="builds to take the median of")
    parser.add_argument(
        "--no-stock", action="store_true",
        help="skip the stock MkDocs baseline (its flat navigation grows with the square of the pages)",
    )
    args = parser.parse_args()
    report = measure(args.actions, args.runs, with_stock=not args.no_stock)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
