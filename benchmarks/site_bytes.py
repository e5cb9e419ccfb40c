"""Where a built site's bytes go: by kind of file, and inside the fiches, by kind of markup.

    python benchmarks/site_bytes.py --actions 200            # builds the synthetic catalogue
    python benchmarks/site_bytes.py --site path/to/site      # a site already built

The synthetic catalogue is benchmarks/build_scale.py's (100 actions per territory, 8 languages).
Bytes are file sizes, as the published site counts them; "per action" divides by the actions.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

# The kinds of file, by their path in the site (first match wins).
KINDS = [
    ("completeness report", re.compile(r"^[a-z]{2}/[^/]+/completude/index\.html$")),
    ("fiche", re.compile(r"^[a-z]{2}/[^/]+/[^/]+/index\.html$")),
    ("filter page", re.compile(r"^[a-z]{2}/[^/]+/[^/]+/[^/]+/index\.html$")),
    ("territory", re.compile(r"^[a-z]{2}/[^/]+/index\.html$")),
    ("language home and other pages", re.compile(r"^[a-z]{2}/.*\.html$")),
    ("search index: fragments", re.compile(r"^[a-z]{2}/pagefind/fragment/")),
    ("search index: words", re.compile(r"^[a-z]{2}/pagefind/index/")),
    ("search index: filters", re.compile(r"^[a-z]{2}/pagefind/filter/")),
    ("search index: other", re.compile(r"^[a-z]{2}/pagefind/")),
    ("sitemaps", re.compile(r"^[a-z]{2}/sitemap\.xml(\.gz)?$")),
    ("fiche QR code (f/…/qr.svg)", re.compile(r"^f/.*\.svg$")),
    ("fiche language choice (f/)", re.compile(r"^f/")),
    ("open data", re.compile(r"^data/")),
    ("theme assets", re.compile(r"^assets/")),
    ("editor", re.compile(r"^admin/")),
]

# Inside a fiche: the markup that repeats on every page, by what makes it.
PARTS = {
    "inline svg": re.compile(r"<svg\b.*?</svg>", re.S),
    "language menu": re.compile(r'<div class="md-select">.*?</ul>', re.S),
    "drawer navigation": re.compile(r'<div class="md-sidebar md-sidebar--primary".*?</nav>', re.S),
    "head": re.compile(r"<head>.*?</head>", re.S),
    "search form": re.compile(r'<form class="catalogue-search".*?</form>', re.S),
    "share block": re.compile(r'<section class="share".*?</section>', re.S),
    "professionals block": re.compile(r'<details class="pro".*?</details>', re.S),
    "theme config and scripts": re.compile(r'<script id="__config".*?</body>', re.S),
    "blank lines": re.compile(r"\n(?=\n)"),
}


def kind_of(relative: str) -> str:
    for name, pattern in KINDS:
        if pattern.match(relative):
            return name
    return "other"


def account(site: Path, actions: int) -> dict:
    sizes: dict[str, int] = collections.Counter()
    counts: dict[str, int] = collections.Counter()
    parts: dict[str, int] = collections.Counter()
    fiches = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        kind = kind_of(relative)
        size = path.stat().st_size
        sizes[kind] += size
        counts[kind] += 1
        if kind == "fiche":
            fiches += 1
            html = path.read_text(encoding="utf-8")
            for part, pattern in PARTS.items():
                parts[part] += sum(len(match.group(0).encode()) for match in pattern.finditer(html))
    total = sum(sizes.values())
    return {
        "actions": actions,
        "site_bytes": total,
        "bytes_per_action": total // max(1, actions),
        "by_kind": {
            kind: {"files": counts[kind], "bytes": size, "per_action": size // max(1, actions), "share": round(size / total, 3)}
            for kind, size in sorted(sizes.items(), key=lambda item: -item[1])
        },
        # Overlapping measures (an inline SVG may sit in the share block): each one alone.
        "fiche_markup_per_page": {part: size // max(1, fiches) for part, size in sorted(parts.items(), key=lambda item: -item[1])},
    }


def build_synthetic(actions: int, folder: Path) -> Path:
    from build_scale import write_catalogue

    from generator.models import SITE_LANGUAGES
    from generator.pipeline import run_pipeline

    content, site = folder / "content", folder / "site"
    write_catalogue(content, actions)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1780000000")
    os.environ.setdefault("CATALOGUE_SITE_URL", "https://catalogue.example/")
    started = time.perf_counter()
    summary = run_pipeline(content, site, list(SITE_LANGUAGES), progress=False)
    wall = time.perf_counter() - started
    print(f"built {summary.pages} pages in {wall:.1f} s ({summary.pages / wall:.0f} pages/s, one build)", file=sys.stderr)
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=200, help="actions of the synthetic catalogue to build")
    parser.add_argument("--site", type=Path, help="a built site instead (then --actions says how many actions it has)")
    parser.add_argument("--report", type=Path)
    args = parser.parse_args()
    if args.site:
        result = account(args.site, args.actions)
    else:
        with tempfile.TemporaryDirectory(prefix="site-bytes-") as folder:
            result = account(build_synthetic(args.actions, Path(folder)), args.actions)
    text = json.dumps(result, indent=2)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
