"""The way back from a document's normalised text to the text as it was read.

A document is searched and shown in one form (line ends as `\\n`, NFC, canonical Khmer
order; see `glossary.normalize`), but offsets given to the outside (`annotate --json`)
must point into the file's own text: decoded, line ends kept, before normalisation, so
that `source[start:end]` is exactly what the reader of the file sees there.

Normalising changes only a few places (a CRLF, a decomposed Hangul syllable, a Khmer
cluster typed in another order); each is recorded as a region, as `fold` does for its
matching key, so that mapping an offset is a binary search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from glossary.fold import OffsetMap, _substitute
from glossary.normalize import normalize

_LINE_END = re.compile(r"\r\n?")
# A run that normalising may change: non-ASCII characters and the ASCII letter before
# them (a base that a combining accent after it belongs to).
_NON_ASCII_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
_CLUSTER = regex.compile(r"\X")


def unify_line_ends(text: str) -> str:
    """CRLF and lone CR become LF: the one line end of a document's text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalize_document_text(text: str) -> str:
    """The text a Document holds: line ends unified, then `normalize`."""
    return normalize(unify_line_ends(text))


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Maps spans of a document's normalised text back into its source text."""

    maps: tuple[OffsetMap, ...]  # applied in order: the last normalising step first

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) of the normalised slice [start, end)."""
        for offsets in self.maps:
            start, end = offsets.start(start), offsets.end(end)
        return start, end


def source_map(source: str, normalized: str) -> SourceMap:
    """How `normalized` (== `normalize_document_text(source)`) maps back to `source`.

    Changes are recorded cluster by cluster; should a text ever normalise differently
    that way than as a whole, the differing middle becomes one region, so offsets stay
    exact everywhere else and a span inside it widens to the whole region."""
    lines, line_map = _substitute(_LINE_END, source, lambda _old: "\n")
    if lines == normalized:
        return SourceMap((line_map,))
    text, unit_map = _normalize_clusters(lines)
    if text != normalized:
        return SourceMap((_whole_difference(lines, normalized), line_map))
    return SourceMap((unit_map, line_map))


def _normalize_clusters(text: str) -> tuple[str, OffsetMap]:
    """`text` normalised run by run, each change recorded per grapheme cluster (or per
    run, where its clusters normalised one by one do not give the run normalised)."""
    offsets = OffsetMap()
    parts: list[str] = []
    last = shift = 0
    for run in _NON_ASCII_RUN.finditer(text):
        old = run.group()
        new = normalize(old)
        if new == old:
            continue
        pieces = [(m.start(), m.group()) for m in _CLUSTER.finditer(old)]
        changed = [(at, piece, normalize(piece)) for at, piece in pieces]
        if "".join(c[2] for c in changed) != new:
            changed = [(0, old, new)]
        parts.append(text[last : run.start()])
        for at, piece, fixed in changed:
            if fixed != piece:
                begin = run.start() + at
                offsets.add(begin + shift, begin + shift + len(fixed), begin, begin + len(piece))
                shift += len(fixed) - len(piece)
        parts.append(new)
        last = run.end()
    parts.append(text[last:])
    return "".join(parts), offsets


def _whole_difference(before: str, after: str) -> OffsetMap:
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    offsets = OffsetMap()
    offsets.add(prefix, len(after) - suffix, prefix, len(before) - suffix)
    return offsets
