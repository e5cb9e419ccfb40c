"""The validation report as Markdown, for the page coordinators see on GitHub: the run's summary
($GITHUB_STEP_SUMMARY). In French, errors first, then warnings grouped by territory."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from generator.errors import ContentError
from generator.templating import markdown_environment


def write_summary(path: Path, errors: list[ContentError], warnings: list) -> None:
    """Appends the report to `path` (GitHub joins every step's summary into one page)."""
    by_territory = [
        (territory, list(items))
        for territory, items in groupby(sorted(warnings, key=lambda w: w.territory), key=lambda w: w.territory)
    ]
    text = markdown_environment().get_template("validation_summary.md.j2").render(
        errors=errors, warnings=warnings, by_territory=by_territory
    )
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)
