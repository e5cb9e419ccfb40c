"""Retake the README's screenshots from a build of the real content, in Debian's Chromium.

    python -m benchmarks.screenshots [--out .github/screenshots]

Phone screenshots are 360 × 740 CSS pixels (a cheap phone), at one device pixel per CSS pixel to
keep the PNG files small. The printed sheet is the bilingual French + Arabic print of the same
fiche, as Chromium prints it on A4, its first and last pages rendered at 65 dpi.
Statuses are those of the day the script runs (or of SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the tests' local server and Chromium settings

from browser import CHROMIUM, CHROMIUM_ARGS, PHONE, serve  # noqa: E402

from generator.models import SITE_LANGUAGES  # noqa: E402
from generator.pipeline import run_pipeline  # noqa: E402

TERRITORY = "metz"
FICHE = f"{TERRITORY}/coup-de-pouce-emploi/"
SEARCH_WORD = "logement"
PRINT_SCALE = 65 / 72  # PDF points to pixels: 65 dpi, an A4 page is 537 × 759 px
PHONE_SHOTS = {
    "home-fr": "fr/",
    "territory-fr": f"fr/{TERRITORY}/",
    "fiche-fr": f"fr/{FICHE}",
    "fiche-ar": f"ar/{FICHE}",
    "fiche-ti": f"ti/{FICHE}",
}


def phone_screenshots(browser, url: str, out: Path) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    page = context.new_page()
    for name, path in PHONE_SHOTS.items():
        page.goto(f"{url}/{path}")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=out / f"{name}.png")
    page.goto(f"{url}/fr/{TERRITORY}/")
    page.fill("#catalogue-q", SEARCH_WORD)
    page.click("form.catalogue-search button")
    expect(page.locator(".catalogue-search__results")).to_have_attribute("aria-busy", "false", timeout=30_000)
    page.screenshot(path=out / "search-fr.png")
    context.close()


def print_screenshots(browser, url: str, out: Path) -> None:
    import pypdfium2

    context = browser.new_context(viewport={"width": 800, "height": 1000})
    page = context.new_page()
    page.add_init_script("window.print = () => {};")  # the page prints itself: we print it to PDF instead
    page.goto(f"{url}/fr/{FICHE}")
    page.locator(".print-choice__select").select_option(label="العربية")
    page.locator('[data-action="print-bilingual"]').click()
    page.wait_for_selector("body.print-bilingual .print-second h1", state="attached")
    document = pypdfium2.PdfDocument(page.pdf(format="A4", print_background=True))
    context.close()
    document[0].render(scale=PRINT_SCALE).to_pil().save(out / "print-fr-ar-page1.png", optimize=True)
    document[len(document) - 1].render(scale=PRINT_SCALE).to_pil().save(out / "print-fr-ar-last.png", optimize=True)


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / ".github" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as folder:
        site = Path(folder) / "site"
        run_pipeline(REPO / "content", site, list(SITE_LANGUAGES), progress=False)
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            phone_screenshots(browser, url, args.out)
            print_screenshots(browser, url, args.out)
            browser.close()
    for path in sorted(args.out.glob("*.png")):
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)


if __name__ == "__main__":
    main()
