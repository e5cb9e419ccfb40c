"""Ukrainian search: what the inflected forms added to the index (generator/morphology.py) buy and cost.

    python benchmarks/uk_search.py --report benchmarks/reports/uk-search.json

Pagefind stems Russian but not Ukrainian. The build gives each Ukrainian fiche, in the copy that
Pagefind reads, the other forms of its words (pymorphy3). This writes a small synthetic catalogue
whose fiches are written in Ukrainian and, sentence for sentence, in Russian (ten everyday topics:
work, housing, French courses, health, papers, school, transport, training, sport, parents),
builds it with the real pipeline (fr, ru, uk), indexes the Ukrainian fiches a second time without
the forms, and measures in Chromium, with Pagefind's own JavaScript:

- recall: every form of some 60 content words (nouns and verbs, not participles) is searched;
  a fiche whose indexed text holds any form of the word should be found. Also apart: the fiches
  that hold no word beginning with the query, which Pagefind's own prefix matching cannot reach
  (it still finds some of them: with no word for the whole query, it matches a shorter prefix);
- false matches: fiches found whose indexed text holds no form of the word;
- the indexes' bytes (Ukrainian with and without the forms, Russian) and a first query's bytes;
- the time the forms add to indexing (median of three runs).

Russian, stemmed by Pagefind, is measured the same way, as a reference.
"""

from __future__ import annotations

import argparse
import json
import shutil
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

from build_scale import synthetic_action  # noqa: E402
from generator import index, morphology  # noqa: E402
from generator.fingerprints import fingerprint, translatable_fields  # noqa: E402
from generator.models import Action  # noqa: E402
from generator.pipeline import run_pipeline  # noqa: E402
from uk_search_texts import LEMMAS, TOPICS  # noqa: E402

TERRITORY = "territoire-000"
# The Ukrainian index built without the forms, beside the real one, for the comparison.
PLAIN_INDEX = "pagefind-plain"
# What the lexeme of a query word is searched in: its nouns and verbs, not its participles.
QUERY_POS = {"NOUN", "VERB", "INFN"}


def fiche_texts(index_: int, lang: str) -> dict:
    """A fiche's translatable text: its topic's, with one sentence of another topic."""
    topic = TOPICS[index_ % len(TOPICS)][lang]
    other = TOPICS[(index_ * 3 + 1) % len(TOPICS)][lang]
    return {
        "title": f"{topic['title']} {index_ + 1}",
        "abstract": topic["abstract"],
        "what": " ".join([*topic["what"], other["what"][index_ % len(other["what"])]]),
        "why": topic["why"],
    }


def write_catalogue(root: Path, actions: int) -> None:
    folder = root / TERRITORY
    (folder / "actions").mkdir(parents=True)
    territory = {
        "name": "Territoire d'exemple", "slug": TERRITORY, "kind": "commune", "departments": ["57"],
        "contracts": [{"id": "ctai-exemple", "kind": "CTAI", "label": "Contrat d'exemple",
                       "period": {"start": "2025-01-01", "end": "2027-12-31"}, "signatories": ["Commune d'exemple"]}],
        "coordinator": {"name": "Centre communal d'action sociale d'exemple", "contacts": []},
        "intro": "Territoire d'exemple pour mesurer la recherche.",
    }
    (folder / "territory.yml").write_text(yaml.safe_dump(territory, allow_unicode=True), encoding="utf-8")
    for number in range(actions):
        action = synthetic_action(number)
        slug = f"action-{number:05d}"
        (folder / "actions" / f"{slug}.yml").write_text(yaml.safe_dump(action, allow_unicode=True), encoding="utf-8")
        source = fingerprint(translatable_fields(Action.model_validate(action)))
        for lang in ("uk", "ru"):
            translation = {"status": "machine", "source_fingerprint": source, **fiche_texts(number, lang)}
            (folder / "actions" / f"{slug}.{lang}.yml").write_text(
                yaml.safe_dump(translation, allow_unicode=True), encoding="utf-8"
            )


def fiche_words(site: Path, lang: str) -> dict[str, set[str]]:
    """Each fiche's words, casefolded: the whole text Pagefind indexes (the fiche's own text, but also
    its headings, the glossary's explanations and what is left in French)."""
    words = {}
    for page in sorted((site / lang / TERRITORY).glob("action-*/index.html")):
        text = morphology.indexed_text(page.read_text(encoding="utf-8"))
        words[page.parent.name] = {word.casefold() for word in morphology._WORD.findall(text)}
    return words


def queries(lang: str, words: dict[str, set[str]]) -> list[dict]:
    """Every noun or verb form of each lemma held by some fiche, with the fiches that hold the lemma."""
    analyzer = morphology._analyzer(lang)
    found = []
    for lemma in LEMMAS[lang]:
        parses = [p for p in analyzer.parse(lemma) if p.normal_form == lemma and p.tag.POS in QUERY_POS]
        if not parses:
            continue
        forms = {form.word for form in parses[0].lexeme if form.tag.POS in QUERY_POS}
        truth = sorted(slug for slug, held in words.items() if held & forms)
        if truth:
            found += [{"lemma": lemma, "query": form, "truth": truth} for form in sorted(forms)]
    return found


# Runs every query with Pagefind's JavaScript, as search.js loads it; returns each query's fiches.
RUN_QUERIES = """async ([bundle, queries]) => {
  const pagefind = await import(bundle);
  await pagefind.options({ baseUrl: '/', noWorker: true });
  const found = [];
  for (const query of queries) {
    const search = await pagefind.search(query);
    const pages = await Promise.all(search.results.map((result) => result.data()));
    found.push(pages.map((page) => page.url.replace(/\\/$/, '').split('/').pop()));
  }
  return found;
}"""


def scores(cases: list[dict], results: list[list[str]], words: dict[str, set[str]]) -> dict:
    """Recall over (query, fiche that holds the lemma); apart, the fiches holding the lemma only in
    forms that do not begin with the query; false matches: fiches found that hold no form of it."""
    pairs = found = unseen = unseen_found = false = shown = 0
    for case, result in zip(cases, results):
        for slug in case["truth"]:
            hit = slug in result
            pairs, found = pairs + 1, found + hit
            if not any(word.startswith(case["query"]) for word in words[slug]):
                unseen, unseen_found = unseen + 1, unseen_found + hit
        false += sum(slug not in case["truth"] for slug in result)
        shown += len(result)
    return {
        "queries": len(cases),
        "pairs": pairs,
        "recall": round(found / pairs, 3),
        "pairs_in_other_forms_only": unseen,
        "recall_in_other_forms_only": round(unseen_found / unseen, 3) if unseen else None,
        "results": shown,
        "false_matches": false,
        "false_match_share": round(false / shown, 3) if shown else 0.0,
    }


def first_query_bytes(browser, url: str, lang: str, query: str) -> dict[str, int]:
    """Bytes a phone downloads for its first search on a territory page (a new context: nothing
    cached), in all and by kind of file."""
    from browser import PHONE

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{url}/{lang}/{TERRITORY}/")
    page.wait_for_load_state("networkidle")
    fetched: list[tuple[str, int]] = []
    page.on("response", lambda response: fetched.append((response.url, len(response.body()))))
    page.fill("#catalogue-q", query)
    page.click("form.catalogue-search button")
    page.wait_for_selector(".catalogue-search__list a")
    page.wait_for_load_state("networkidle")
    context.close()
    kinds = {"word_chunks": ".pf_index", "fragments": ".pf_fragment", "wasm": ".pagefind"}
    by_kind = {kind: sum(size for address, size in fetched if address.endswith(suffix)) for kind, suffix in kinds.items()}
    return {"all": sum(size for _, size in fetched), **by_kind}


def index_bytes(folder: Path) -> dict[str, int]:
    """An index's bytes: in all (without the files the build deletes), its word chunks, its fragments."""
    kept = [path for path in folder.rglob("*") if path.is_file() and not any(path.match(p) for p in index.UNUSED_FILES)]
    return {
        "all": sum(path.stat().st_size for path in kept),
        "word_chunks": sum(path.stat().st_size for path in folder.glob("index/*.pf_index")),
        "word_chunk_count": len(list(folder.glob("index/*.pf_index"))),
        "fragments": sum(path.stat().st_size for path in folder.glob("fragment/*.pf_fragment")),
    }


def median_seconds(run, times: int = 3) -> float:
    walls = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        walls.append(time.perf_counter() - started)
    return round(statistics.median(walls), 3)


def index_timings(site: Path, scratch: Path) -> dict:
    """Indexing the Ukrainian fiches with their forms (as the build does) and without; Russian beside."""
    def with_forms():
        shutil.rmtree(scratch, ignore_errors=True)
        index._copy_with_forms(site / "uk", scratch / "pages", "uk")
        index._run_pagefind(scratch / "pages", scratch / "index")

    def plain(lang):
        shutil.rmtree(scratch, ignore_errors=True)
        index._run_pagefind(site / lang, scratch / "index")

    forms_only = median_seconds(
        lambda: [morphology.other_forms("uk", morphology.indexed_text(page.read_text(encoding="utf-8")))
                 for page in (site / "uk").glob("*/*/index.html")]
    )
    timings = {
        "uk_with_forms_s": median_seconds(with_forms),
        "uk_without_forms_s": median_seconds(lambda: plain("uk")),
        "ru_s": median_seconds(lambda: plain("ru")),
        "uk_forms_only_s": forms_only,
    }
    timings["added_s"] = round(timings["uk_with_forms_s"] - timings["uk_without_forms_s"], 3)
    return timings


def search_scores(browser, url: str, lang: str, bundle: str, words: dict[str, set[str]]) -> dict:
    cases = queries(lang, words)
    page = browser.new_page()
    page.goto(f"{url}/{lang}/")
    results = page.evaluate(RUN_QUERIES, [f"{url}/{lang}/{bundle}/pagefind.js", [case["query"] for case in cases]])
    page.close()
    return {
        **scores(cases, results, words),
        "lemmas_searched": len({case["lemma"] for case in cases}),
        "lemmas_not_in_the_fiches_or_dictionary": sorted(set(LEMMAS[lang]) - {case["lemma"] for case in cases}),
    }


def measure(actions: int) -> dict:
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS, serve

    with tempfile.TemporaryDirectory(prefix="uk-search-") as tmp:
        content, site = Path(tmp) / "content", Path(tmp) / "site"
        write_catalogue(content, actions)
        started = time.perf_counter()
        run_pipeline(content, site, ["fr", "ru", "uk"], progress=False)
        build_s = round(time.perf_counter() - started, 2)
        index._run_pagefind(site / "uk", site / "uk" / PLAIN_INDEX)
        report = {
            "actions": actions,
            "build_fr_ru_uk_s": build_s,
            "index_bytes": {
                "uk_with_forms": index_bytes(site / "uk" / "pagefind"),
                "uk_without_forms": index_bytes(site / "uk" / PLAIN_INDEX),
                "ru": index_bytes(site / "ru" / "pagefind"),
            },
            "index_seconds": index_timings(site, Path(tmp) / "scratch"),
        }
        words = {lang: fiche_words(site, lang) for lang in ("uk", "ru")}
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            report["uk_with_forms"] = search_scores(browser, url, "uk", "pagefind", words["uk"])
            report["uk_without_forms"] = search_scores(browser, url, "uk", PLAIN_INDEX, words["uk"])
            report["ru_stemmed_by_pagefind"] = search_scores(browser, url, "ru", "pagefind", words["ru"])
            report["first_query_bytes"] = {
                "uk": first_query_bytes(browser, url, "uk", "роботу"),
                "ru": first_query_bytes(browser, url, "ru", "работу"),
            }
            browser.close()
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=100, help="fiches in the synthetic catalogue")
    parser.add_argument("--report", type=Path, required=True)
    args = parser.parse_args()
    report = measure(args.actions)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
