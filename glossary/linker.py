"""Finding every mention of every glossary entry in a text.

The rules (what matches, and which link wins an overlap) are documented in SCHEMA.md
under "Linking rules". The matcher is an Aho–Corasick automaton over folded patterns
(see `fold`), built once per glossary; linking a text is one pass over its folded key
followed by a boundary check and a leftmost-longest selection in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from glossary.fold import FoldedText, fold_pattern, fold_text, lower_same_length
from glossary.model import Entry, Glossary

_ACRONYM_WORD = re.compile(r"(?<![^\W\d_])[A-Z][A-Z.\d-]*[A-Z](?![^\W\d_])")
_KHMER = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")
_HANGUL = re.compile(r"[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]")
_NON_LATIN = re.compile(r"[\u1100-\u11FF\u1780-\u17FF\u19E0-\u19FF\u3130-\u318F\uAC00-\uD7A3]")


@dataclass(frozen=True, slots=True)
class Link:
    """A mention of an entry: `text[start:end] == surface`."""

    start: int
    end: int
    entry_id: str
    surface: str


class _Pattern(NamedTuple):
    """One pattern of an entry (a NamedTuple: a large glossary makes ~100,000 of them)."""

    entry_index: int
    cased: str | None  # the cased key when case must match, else None
    check_before: bool  # a word boundary is needed before the match
    check_after: bool  # ... and after it


def is_acronym(text: str) -> bool:
    """True for patterns such as DMZ, ASEAN, U.S., COVID-19: these match case exactly."""
    return bool(_ACRONYM_WORD.search(text))


def plural(phrase: str) -> str | None:
    """The regular English plural of a phrase's last word, or None when unsure."""
    head, _, word = phrase.rpartition(" ")
    if not word.isalpha() or not word.islower():
        return None
    if word.endswith(("ss", "x", "z", "ch", "sh")):
        word += "es"
    elif word.endswith("s"):
        return None  # probably plural already ("relations")
    elif word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        word = word[:-1] + "ies"
    else:
        word += "s"
    return f"{head} {word}" if head else word


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _boundaries(key: str) -> tuple[bool, bool]:
    """Which sides of a pattern need a word boundary, by the script at each edge."""
    first, last = key[0], key[-1]
    if first.isascii() and last.isascii():  # the common case, without regular expressions
        return _is_word_char(first), _is_word_char(last)
    before = _is_word_char(first) and not _KHMER.match(first)
    after = _is_word_char(last) and not _KHMER.match(last) and not _HANGUL.match(last)
    return before, after


def _build_automaton(table: dict[str, list[_Pattern]]) -> ahocorasick.Automaton | None:
    if not table:
        return None
    automaton = ahocorasick.Automaton()
    for lower, patterns in table.items():
        automaton.add_word(lower, (len(lower), tuple(patterns)))
    automaton.make_automaton()
    return automaton


def _entry_patterns(entry: Entry) -> Iterator[tuple[str, bool, bool]]:
    """Every (pattern, match_case, canonical) of an entry: English forms, plurals, Khmer,
    Korean. Only variants may be typed in a non-canonical order (the loader checks the rest)."""
    for alias in entry.english_forms():
        match_case = alias.match_case or is_acronym(alias.text)
        yield alias.text, match_case, True
        if entry.category == "term" and not match_case:
            many = plural(alias.text)
            if many:
                yield many, False, True
    for form in (entry.km, entry.ko):
        if form is not None:
            yield form.text, False, True
            yield from ((variant, False, False) for variant in form.variants)


class Linker:
    """Links texts against one glossary. Build once, then call `link` as often as needed.

    Patterns live in two automata: one for Latin-script (English) patterns and one for
    Khmer and Hangul ones. A root node with thousands of Hangul children slows every
    step of the scan, so English text, the common case, never walks the second one.
    """

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._entries = glossary.entries
        latin: dict[str, list[_Pattern]] = {}
        asian: dict[str, list[_Pattern]] = {}
        for index, entry in enumerate(glossary.entries):
            for text, match_case, canonical in _entry_patterns(entry):
                table = asian if _NON_LATIN.search(text) else latin
                self._add(table, index, fold_pattern(text, canonical=canonical), match_case)
        self._automata = [_build_automaton(latin), _build_automaton(asian)]
        self.pattern_count = len(latin) + len(asian)

    @staticmethod
    def _add(table: dict[str, list[_Pattern]], index: int, cased: str, match_case: bool) -> None:
        if not cased:
            return
        patterns = table.setdefault(lower_same_length(cased), [])
        if any(p.entry_index != index for p in patterns):
            return  # an earlier entry owns this pattern (the loader reports English clashes)
        before, after = _boundaries(cased)
        patterns.append(_Pattern(index, cased if match_case else None, before, after))

    def link(self, text: str) -> list[Link]:
        """Every mention in `text`, in order, non-overlapping (leftmost-longest)."""
        if not self.pattern_count or not text:
            return []
        folded = fold_text(text)
        links: list[Link] = []
        reach = 0
        for start, negative_end, index in self.hits(folded):
            if start >= reach:
                reach = -negative_end
                links.append(self._make_link(text, folded, start, reach, index))
        return links

    def hits(self, folded: FoldedText) -> list[tuple[int, int, int]]:
        """Every acceptable match in a folded text as (start, -end, entry index), sorted,
        before the leftmost-longest selection (a `LayeredLinker` merges two such lists)."""
        if not self.pattern_count:
            return []
        automata = self._automata if _NON_LATIN.search(folded.lower) else self._automata[:1]
        return sorted(hit for a in automata if a is not None for hit in self._candidates(a, folded))

    def entry_id(self, index: int) -> str:
        """The id of the entry a hit's index names."""
        return self._entries[index].id

    @staticmethod
    def _candidates(
        automaton: ahocorasick.Automaton, folded: FoldedText
    ) -> Iterator[tuple[int, int, int]]:
        """(start, -end, entry index) of every acceptable raw hit in the folded key."""
        key, cased = folded.lower, folded.cased
        size = len(key)
        for last, (length, patterns) in automaton.iter(key):
            start, end = last + 1 - length, last + 1
            for pattern in patterns:
                # Case must match, except the first letter: "The Premier" starts a sentence.
                if pattern.cased is not None and cased[start + 1 : end] != pattern.cased[1:]:
                    continue
                if pattern.check_before and start > 0 and _is_word_char(key[start - 1]):
                    continue
                if pattern.check_after and end < size and _is_word_char(key[end]):
                    continue
                yield start, -end, pattern.entry_index
                break

    def _make_link(self, text: str, folded: FoldedText, start: int, end: int, index: int) -> Link:
        begin, finish = folded.span(start, end)
        return Link(begin, finish, self._entries[index].id, text[begin:finish])
