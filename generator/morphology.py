"""Inflected forms for the search index of a language that Pagefind cannot stem (Ukrainian).

Pagefind stems Russian, French, Arabic… but not Ukrainian, where a noun has up to 14 forms:
« робота » (work) is « роботу » after « шукати » (to look for). Pagefind matches a query word
with the indexed words that begin with it, so « роботу » would never find « робота ». At index
time, each Ukrainian word of a fiche is therefore given its other forms, from pymorphy3's
Ukrainian dictionary (every analysis of the word, since the fiche's text is not disambiguated).
The forms go only into the copy of the page that Pagefind reads: the published page stays as
light as it was.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

# Languages whose fiches get their words' other forms in the index.
INFLECTED_LANGUAGES = {"uk"}
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@lru_cache(maxsize=None)
def _analyzer(lang: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=65536)
def _forms_of(lang: str, word: str) -> frozenset[str]:
    forms = set()
    for parse in _analyzer(lang).parse(word):
        forms.update(form.word for form in parse.lexeme)
    return frozenset(forms)


def other_forms(lang: str, text: str) -> list[str]:
    """The forms of the words of `text` that `text` does not hold, sorted (for byte-identical builds)."""
    words = {word.casefold() for word in _WORD.findall(text) if _CYRILLIC.search(word)}
    forms = set()
    for word in words:
        forms |= _forms_of(lang, word)
    return sorted(forms - words)


class _IndexedText(HTMLParser):
    """The text Pagefind indexes: inside data-pagefind-body, outside data-pagefind-ignore."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[bool, bool]] = []  # (inside body, ignored) for each open element
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        names = {name for name, _ in attrs}
        body, ignored = self.stack[-1] if self.stack else (False, False)
        self.stack.append((body or "data-pagefind-body" in names, ignored or "data-pagefind-ignore" in names))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == (True, False):
            self.parts.append(data)


def indexed_text(html: str) -> str:
    parser = _IndexedText()
    parser.feed(html)
    return " ".join(parser.parts)
