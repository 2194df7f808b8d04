"""Finding entries by what a user types: English, Khmer, Korean or romanization.

Queries and entries are compared by `normalize.search_key` (NFC, canonical Khmer order,
case-folded, U+200B ignored), so decomposed Hangul and Khmer typed in another order find
the same entries. A query made only of Hangul initial consonants (ㅎㅅ) matches Korean
forms by their syllables' initials (훈 센).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from glossary.fold import pattern_key
from glossary.model import Entry, Glossary
from glossary.normalize import search_key

_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_SYLLABLE_FIRST, _SYLLABLE_LAST = 0xAC00, 0xD7A3


def initials(hangul: str) -> str:
    """`훈 센` → `ㅎㅅ`: the initial consonant of each syllable (other characters dropped)."""
    out = []
    for ch in unicodedata.normalize("NFC", hangul):
        code = ord(ch)
        if _SYLLABLE_FIRST <= code <= _SYLLABLE_LAST:
            out.append(_CHOSEONG[(code - _SYLLABLE_FIRST) // 588])
        elif ch in _CHOSEONG:
            out.append(ch)
    return "".join(out)


def is_initials_query(query: str) -> bool:
    compact = query.replace(" ", "")
    return bool(compact) and all(ch in _CHOSEONG for ch in compact)


def searchable_texts(entry: Entry) -> Iterator[str]:
    """Every text of an entry that a search should look in."""
    yield entry.id
    yield from (alias.text for alias in entry.english_forms())
    for form in (entry.km, entry.ko):
        if form is not None:
            yield form.text
            yield from form.variants
            if form.romanization:
                yield form.romanization
            if form.hanja:
                yield form.hanja


def entry_haystack(entry: Entry) -> str:
    """One lower-cased string of all the entry's texts, separated by newlines."""
    return "\n".join(search_key(text) for text in searchable_texts(entry))


def matches(entry: Entry, query: str, haystack: str | None = None) -> bool:
    """Whether `query` occurs in any of the entry's texts (or Korean initials)."""
    if is_initials_query(query):
        wanted = query.replace(" ", "")
        return entry.ko is not None and wanted in initials(entry.ko.text)
    key = search_key(query.strip())
    return key in (haystack if haystack is not None else entry_haystack(entry))


def find(glossary: Glossary, query: str) -> list[Entry]:
    """Entries for a query: an exact id or English form first, then every substring hit."""
    exact = glossary.get(query.strip())
    if exact is not None:
        return [exact]
    wanted = pattern_key(query)
    named = [e for e in glossary if any(pattern_key(a.text) == wanted for a in e.english_forms())]
    if named:
        return named
    return [entry for entry in glossary if matches(entry, query)]
