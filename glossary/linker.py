"""Finding every mention of every glossary entry in a text.

The rules (what matches, and which link wins an overlap) are documented in SCHEMA.md
under "Linking rules". The matcher is an Aho–Corasick automaton over folded patterns
(see `fold`), built once per glossary; linking a text is one pass over its folded key
followed by a boundary check and a leftmost-longest selection in Python.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
from ahocorasick import Automaton

from glossary import matcher_cache
from glossary.fold import FoldedText, fold_pattern, fold_text, lower_same_length
from glossary.model import Entry, Glossary
from glossary.word_bounds import fits_words

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


# An automaton's value is one 32-bit int per key (no Python object per pattern): for a
# key with one pattern whose case need not match, entry index << 13 | length << 2 |
# boundary before << 1 | boundary after; otherwise -(row + 1), a row of `Complex`.
_ENTRY_SHIFT, _LENGTH_SHIFT, _MAX_LENGTH, _MAX_ENTRY = 13, 2, 2**11 - 1, 2**18 - 1
_BEFORE, _AFTER = 2, 1
# (entry index, cased key when case must match else None, boundary before, after)
Pattern = tuple[int, str | None, bool, bool]
Complex = tuple[int, list[Pattern]]  # (key length, its patterns in order)


class _Table:
    """The keys of one automaton while it is built: key → value, and complex rows."""

    def __init__(self) -> None:
        self.values: dict[str, int] = {}
        self.complex: list[Complex] = []
        self.owners: dict[str, int] = {}  # entry index of each complex key

    def add(self, lower: str, index: int, cased: str, match_case: bool) -> None:
        before, after = _boundaries(cased)
        value = self.values.get(lower)
        if value is None:
            if match_case or len(lower) > _MAX_LENGTH or index > _MAX_ENTRY:
                self._add_complex(
                    lower, index, (index, cased if match_case else None, before, after)
                )
            else:
                self.values[lower] = (
                    index << _ENTRY_SHIFT | len(lower) << _LENGTH_SHIFT | before << 1 | after
                )
            return
        owner = self.owners.get(lower, value >> _ENTRY_SHIFT)
        if owner != index:
            return  # an earlier entry owns this pattern (the loader reports English clashes)
        if value >= 0:  # a second pattern for the same key: make it a complex row
            self._add_complex(
                lower, index, (index, None, bool(value & _BEFORE), bool(value & _AFTER))
            )
        self.complex[-self.values[lower] - 1][1].append(
            (index, cased if match_case else None, before, after)
        )

    def _add_complex(self, lower: str, index: int, pattern: Pattern) -> None:
        self.complex.append((len(lower), [pattern]))
        self.values[lower] = -len(self.complex)
        self.owners[lower] = index

    def automaton(self, offset: int) -> Automaton | None:
        """The built automaton, its complex rows numbered from `offset`, or None if empty."""
        if not self.values:
            return None
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        add = automaton.add_word
        for lower, value in self.values.items():
            add(lower, value if value >= 0 else value - offset)
        automaton.make_automaton()
        return automaton


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


def _continues_word(ch: str) -> bool:
    """Whether `ch` after a match makes it part of a longer word. A Hangul syllable does
    not: Korean writes particles straight after Latin names too (`ASEAN에서`)."""
    return _is_word_char(ch) and not "\uac00" <= ch <= "\ud7a3"


def _boundaries(key: str) -> tuple[bool, bool]:
    """Which sides of a pattern need a word boundary, by the script at each edge."""
    first, last = key[0], key[-1]
    if first.isascii() and last.isascii():  # the common case, without regular expressions
        return _is_word_char(first), _is_word_char(last)
    # Khmer and Korean starts are checked on the text itself (`word_bounds`): the key
    # has lost the spaces between their words.
    before = _is_word_char(first) and not _KHMER.match(first) and not _HANGUL.match(first)
    after = _is_word_char(last) and not _KHMER.match(last) and not _HANGUL.match(last)
    return before, after


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
    `Linker.shared` gives every part of the process the same linker for a glossary, and
    with a cache directory keeps the built automata on disk (see `matcher_cache`).
    """

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._entries = glossary.entries
        tables = (_Table(), _Table())  # Latin, then Khmer and Hangul
        for index, entry in enumerate(glossary.entries):
            for text, match_case, canonical in _entry_patterns(entry):
                table = tables[1] if _NON_LATIN.search(text) else tables[0]
                cased = fold_pattern(text, canonical=canonical)
                if cased:
                    table.add(lower_same_length(cased), index, cased, match_case)
        latin, other = tables
        automata = [latin.automaton(0), other.automaton(len(latin.complex))]
        self._setup(automata, latin.complex + other.complex)

    def _setup(self, automata: list[Automaton | None], complex_: list[Complex]) -> None:
        self._automata = automata
        self._complex = complex_
        self.pattern_count = sum(len(a) for a in automata if a is not None)

    @classmethod
    def shared(cls, glossary: Glossary, *, cache_dir: Path | None = None) -> Linker:
        """The process's linker for `glossary`: built once per glossary (by its digest)
        for the reader, the export and a language switch alike; with `cache_dir`, read
        from and kept in the matcher cache there."""
        with _SHARED_LOCK:
            for linker in _SHARED:
                if linker.glossary is glossary or (glossary.digest and linker.serves(glossary)):
                    return linker.for_glossary(glossary)
            linker = cls._cached_or_built(glossary, cache_dir)
            _SHARED[:] = [linker, *_SHARED[:1]]  # two glossary sets at most
            return linker

    @classmethod
    def _cached_or_built(cls, glossary: Glossary, cache_dir: Path | None) -> Linker:
        stored = matcher_cache.load(cache_dir, glossary) if cache_dir else None
        if stored is None:
            built = cls(glossary)
            if cache_dir:
                matcher_cache.save(cache_dir, glossary, built._automata, built._complex)
            return built
        linker = cls.__new__(cls)
        linker.glossary, linker._entries = glossary, glossary.entries
        linker._setup(*stored)
        return linker

    def serves(self, glossary: Glossary) -> bool:
        """True when this linker was built from the same files as `glossary`."""
        mine = self.glossary
        return mine.digest == glossary.digest and len(mine) == len(glossary)

    def for_glossary(self, glossary: Glossary) -> Linker:
        """This linker's automata, reporting links into `glossary`'s entries."""
        if glossary is self.glossary:
            return self
        other = copy.copy(self)
        other.glossary, other._entries = glossary, glossary.entries
        return other

    def automata(self) -> list[Automaton]:
        """The automata in use (Latin first), for benchmarks and the cache."""
        return [a for a in self._automata if a is not None]

    def link(self, text: str) -> list[Link]:
        """Every mention in `text`, in order, non-overlapping (leftmost-longest)."""
        if not self.pattern_count or not text:
            return []
        folded = fold_text(text)
        links: list[Link] = []
        reach = 0
        for start, negative_end, index in self.hits(folded):
            if start >= reach:
                link = self._make_link(text, folded, start, -negative_end, index)
                if fits_words(text, link.start, link.end):
                    reach = -negative_end
                    links.append(link)
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

    def _candidates(
        self, automaton: Automaton, folded: FoldedText
    ) -> Iterator[tuple[int, int, int]]:
        """(start, -end, entry index) of every acceptable raw hit in the folded key."""
        key = folded.lower
        size = len(key)
        for last, value in automaton.iter(key):
            end = last + 1
            if value < 0:  # several patterns, or one whose case must match
                hit = self._complex_hit(folded, end, self._complex[-value - 1])
                if hit is not None:
                    yield hit
                continue
            start = end - ((value >> _LENGTH_SHIFT) & _MAX_LENGTH)
            if value & _BEFORE and start and _is_word_char(key[start - 1]):
                continue
            if value & _AFTER and end < size and _continues_word(key[end]):
                continue
            yield start, -end, value >> _ENTRY_SHIFT

    @staticmethod
    def _complex_hit(folded: FoldedText, end: int, row: Complex) -> tuple[int, int, int] | None:
        length, patterns = row
        key, cased, start = folded.lower, folded.cased, end - length
        for entry_index, cased_key, before, after in patterns:
            # Case must match, except the first letter: "The Premier" starts a sentence.
            if cased_key is not None and cased[start + 1 : end] != cased_key[1:]:
                continue
            if before and start > 0 and _is_word_char(key[start - 1]):
                continue
            if after and end < len(key) and _continues_word(key[end]):
                continue
            return start, -end, entry_index
        return None

    def _make_link(self, text: str, folded: FoldedText, start: int, end: int, index: int) -> Link:
        begin, finish = folded.span(start, end)
        return Link(begin, finish, self._entries[index].id, text[begin:finish])


def forget_shared() -> None:
    """Drop the process's shared linkers (for benchmarks that time a fresh start)."""
    with _SHARED_LOCK:
        _SHARED.clear()


_SHARED: list[Linker] = []
_SHARED_LOCK = threading.Lock()
