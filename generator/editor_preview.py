"""What `catalogue serve` tells the open pages about the content: the errors of the last build,
which the preview's script (generator/preview/reload.js) shows over the page, so that a
coordinator saving from the editor sees them in the browser, not only in the terminal."""

from __future__ import annotations

import json
import threading

ERRORS_PATH = "/__errors"


class PreviewErrors:
    """The errors of the last preview build: empty when it succeeded."""

    _lock = threading.Lock()
    _errors: list[str] = []

    @classmethod
    def record(cls, errors) -> None:
        with cls._lock:
            cls._errors = [str(error) for error in errors]

    @classmethod
    def as_json(cls) -> bytes:
        with cls._lock:
            return json.dumps({"errors": cls._errors}, ensure_ascii=False).encode("utf-8")
