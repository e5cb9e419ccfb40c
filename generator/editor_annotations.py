"""Validation errors as GitHub annotations: on a pull request (an editor's save, for example),
each error shows in French on its line of the « Files changed » tab and on the checks page,
without giving the workflow any right to write to the repository.

`python -m generator.editor_annotations validation.log` reads what `catalogue validate` printed
(`file:line: field: message`) and prints one `::error` workflow command per error.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ERROR_LINE = re.compile(r"^(?P<file>[^:\s][^:]*\.ya?ml):(?P<line>\d+): (?P<message>.+)$")
TITLE = "Contenu à corriger"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotations(log: str) -> list[str]:
    commands = []
    for line in log.splitlines():
        match = ERROR_LINE.match(line.strip())
        if match:
            commands.append(
                f"::error file={_escape_property(match['file'])},line={match['line']},"
                f"title={_escape_property(TITLE)}::{_escape_data(match['message'])}"
            )
    return commands


def main(argv: list[str]) -> int:
    for command in annotations(Path(argv[0]).read_text(encoding="utf-8")):
        print(command)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
