"""What a translation covers, and how it is tied to its French source: the French public text a
translation file mirrors, and the short hash of it that each translation keeps. A translation
whose hash is not the current French text's is stale."""

from __future__ import annotations

import hashlib
import json

from generator.answers import given
from generator.models import Action


def translatable_fields(action: Action) -> dict:
    """The French public text a translation file mirrors, keyed as in `ActionTranslation`."""
    fields = {
        "title": action.title,
        "abstract": action.abstract,
        "what": action.what,
        "why": action.why,
        "who": {
            key: value
            for key in ("commitment", "frequency")
            if (value := given(getattr(action.who, key))) is not None
        },
        "orientation": {
            key: value
            for key in ("steps", "documents")
            if (value := given(getattr(action.orientation, key))) is not None
        },
        "alert": {"message": action.alert.message} if action.alert else {},
    }
    return {key: value for key, value in fields.items() if value}


def fingerprint(fields: dict) -> str:
    """A short hash of French text: a translation made from other text is stale."""
    canonical = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
