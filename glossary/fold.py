"""Folding text into a matching key, and mapping key offsets back to the original.

The linker does not search the text itself but a *key* of it in which the differences
that should not matter are gone: letter case, accents on Latin letters, typographic
apostrophes, hyphen against space, runs of white space (line breaks, no-break spaces),
U+200B, and Unicode normal form (decomposed Hangul, Khmer typed in another order).

Most of these are one character for one character, so they are a `str.translate`.
The rest change the length; `OffsetMap` remembers where, so that a match in the key
can be reported as offsets into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from glossary.normalize import normalize

# One-for-one replacements: dashes and hyphens become a space, so that "Jae-in",
# "Jae in" and "Jae‑in" are the same key; curly apostrophes become straight.
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4\u2032"


def _accent_free(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() else ch


def _build_table() -> dict[int, str]:
    table = {ord(ch): " " for ch in _DASHES}
    table.update({ord(ch): "'" for ch in _APOSTROPHES})
    for code in range(0xC0, 0x250):  # Latin-1 Supplement and Latin Extended-A/B
        ch = chr(code)
        if ch.isalpha() and _accent_free(ch) != ch:
            table[code] = _accent_free(ch)
    return table


_TABLE = _build_table()
_ASCII_TABLE = {code: value for code, value in _TABLE.items() if code < 128}

# Any white space that is not a single plain space: it is collapsed to one space.
_IRREGULAR_SPACE = re.compile(r"[^\S ][\s\u200b]*| [\s\u200b]+|\u200b+")
# A space or U+200B between two Khmer letters or two Hangul syllables: optional for
# matching (the press writes ហ៊ុន សែន and ហ៊ុនសែន, 훈 센 and 훈센), so gone from the key.
# Where words really begin and end is decided on the text itself (`word_bounds`).
_JOINABLE_SPACE = re.compile(
    r"(?<=[\u1780-\u17DD])[ \u200b]+(?=[\u1780-\u17DD])"
    r"|(?<=[\uAC00-\uD7A3])[ \u200b]+(?=[\uAC00-\uD7A3])"
)
# The smallest units that normalising may change, so that a match next to one (a Korean
# particle after a name, say) keeps exact offsets: a decomposed Hangul syllable, a Khmer
# base with its marks and subscripts, a Latin letter with combining accents, U+200B.
_NORMALIZE_UNIT = re.compile(
    r"[\u1100-\u1112][\u1161-\u1175][\u11A8-\u11C2]?"
    r"|[\u1780-\u17B3](?:[\u17B4-\u17D1\u17D3\u17DD\u200C\u200D]|\u17D2[\u1780-\u17B3]?)*"
    r"|\S[\u0300-\u036F]+"
    r"|\u200B+"
)


@dataclass
class OffsetMap:
    """Maps offsets in a folded key back to the original text.

    Each changed region is recorded as (key_start, key_end, orig_start, orig_end);
    outside them the two texts differ by a constant shift.
    """

    key_starts: list[int] = field(default_factory=list)
    regions: list[tuple[int, int, int, int]] = field(default_factory=list)

    def add(self, key_start: int, key_end: int, orig_start: int, orig_end: int) -> None:
        self.key_starts.append(key_start)
        self.regions.append((key_start, key_end, orig_start, orig_end))

    def start(self, pos: int) -> int:
        """Original offset of a match starting at key offset `pos`."""
        return self._map(pos, at_end=False)

    def end(self, pos: int) -> int:
        """Original offset of a match ending at key offset `pos`."""
        return self._map(pos, at_end=True)

    def _map(self, pos: int, *, at_end: bool) -> int:
        i = bisect_right(self.key_starts, pos) - 1
        if i < 0:
            return pos
        key_start, key_end, orig_start, orig_end = self.regions[i]
        if pos >= key_end and not (at_end and pos == key_start):
            return orig_end + (pos - key_end)
        # Inside a changed region, or a match ending exactly where it starts.
        return orig_end if at_end and pos > key_start else orig_start


def _substitute(pattern: re.Pattern[str], text: str, replace: object) -> tuple[str, OffsetMap]:
    """`pattern.sub(replace, text)`, recording every length change in an OffsetMap."""
    assert callable(replace)
    offsets = OffsetMap()
    parts: list[str] = []
    last = 0
    shift = 0
    for match in pattern.finditer(text):
        old = match.group()
        new: str = replace(old)
        if new == old:
            continue
        start, end = match.span()
        parts.append(text[last:start])
        parts.append(new)
        offsets.add(start + shift, start + shift + len(new), start, end)
        shift += len(new) - len(old)
        last = end
    if not parts:
        return text, offsets
    parts.append(text[last:])
    return "".join(parts), offsets


@lru_cache(maxsize=65536)
def _normalize_token(token: str) -> str:
    # Cached: the same Khmer clusters and Hangul syllables recur all through a text,
    # and SIL's normaliser costs tens of microseconds a call.
    return normalize(token).replace("\u200b", "")


@dataclass
class FoldedText:
    """A text's matching key (cased and lower-cased) and the way back to it."""

    cased: str
    lower: str
    maps: list[OffsetMap]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the key slice [start, end)."""
        for offsets in self.maps:
            start, end = offsets.start(start), offsets.end(end)
        return start, end


def _needs_normalizing(text: str) -> bool:
    if text.isascii():
        return False
    return not unicodedata.is_normalized("NFC", text) or bool(
        re.search(r"[\u1780-\u17FF\u19E0-\u19FF]", text)
    )


def fold_text(text: str) -> FoldedText:
    """Fold a whole text for matching; see the module docstring for what is ignored."""
    maps: list[OffsetMap] = []
    if _needs_normalizing(text):
        text, offsets = _substitute(_NORMALIZE_UNIT, text, _normalize_token)
        maps.insert(0, offsets)
    if not text.isascii():
        text, offsets = _substitute(_JOINABLE_SPACE, text, lambda _old: "")
        maps.insert(0, offsets)
    text, offsets = _substitute(_IRREGULAR_SPACE, text, lambda _old: " ")
    maps.insert(0, offsets)
    cased = text.translate(_TABLE)
    return FoldedText(cased, lower_same_length(cased), maps)


def lower_same_length(text: str) -> str:
    """Lower-case `text` without changing its length (offsets must stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def fold_pattern(pattern: str, *, canonical: bool = False) -> str:
    """The cased key of a glossary pattern: the same folding as `fold_text`, done directly
    (no offsets are needed), since a large glossary has hundreds of thousands of patterns.
    `canonical` says the pattern is known to be NFC and in canonical Khmer order."""
    if pattern.isascii():
        return " ".join(pattern.split()).translate(_ASCII_TABLE)
    if not canonical:  # the loader has checked that stored forms are already canonical
        pattern = normalize(pattern)
    pattern = pattern.replace("\u200b", "" if _needs_normalizing(pattern) else " ")
    pattern = _JOINABLE_SPACE.sub("", " ".join(pattern.split()))
    return pattern.translate(_TABLE)


def pattern_key(pattern: str) -> str:
    """The case-insensitive key under which two patterns count as the same."""
    return lower_same_length(fold_pattern(pattern))
