"""Links that are only part of a longer name the glossary does not have.

In "the Korea Exim Bank lent more" the glossary links "Korea", but the reader is
reading the name of a bank: glossing "Korea" as if it were the whole name would be a
wrong translation to copy. A link is *partial* when it lies inside a run of capitalised
words (see `glossary.names`) that also holds a capitalised word no link covers. The run
is first trimmed of sentence openers ("Yesterday Korea said") and split after a title
("President Yoon": the title is not part of the name), and title-case headlines are left
alone, since there every word is capitalised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from glossary.names import JOINERS, LEADING, RUN, TITLES, headline_spans

if TYPE_CHECKING:
    from glossary.linker import Link

_WORD = re.compile(r"[^\s]+")


def partial_links(text: str, links: Sequence[Link]) -> dict[int, str]:
    """For each partial link, by its index in `links`: the longer name it is part of."""
    headlines = list(headline_spans(text))
    found: dict[int, str] = {}
    for run in RUN.finditer(text):
        if any(s <= run.start() < e for s, e in headlines):
            continue
        inside = [i for i, k in enumerate(links) if run.start() <= k.start and k.end <= run.end()]
        if inside:
            for start, end in _names(text, run.start(), run.end()):
                _mark(text, links, inside, start, end, found)
    return found


def _names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names in a run: split after each title word and at an "and" between names,
    openers trimmed from the front."""
    words = [(m.start(), m.end(), _bare(m.group())) for m in _WORD.finditer(text, start, end)]
    first = words[0][2] if words else ""
    if _sentence_start(text, start) and (_written_lower(text, first) or first.endswith("ing")):
        words = words[1:]  # "Students of Seoul National University": an ordinary word
    names: list[tuple[int, int]] = []
    piece: list[tuple[int, int, str]] = []
    for word in words:
        if word[2] == "and" and not any(w[2] in ("of", "for") for w in piece):
            names.append(_span(piece))  # "Brunei and Malaysia" are two names
            piece = []
            continue
        piece.append(word)
        if word[2] in TITLES:
            names.append(_span(piece))
            piece = []
    names.append(_span(piece))
    return [name for name in names if name[0] < name[1]]


def _bare(word: str) -> str:
    return word.strip(".,;:’'")


def _sentence_start(text: str, start: int) -> bool:
    """At the start of a sentence, a line, or a quotation (“Making Cambodia is …”)."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in '.!?:\n;—–“‘"('


def _written_lower(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word.lower())}\b", text) is not None


def _span(piece: list[tuple[int, int, str]]) -> tuple[int, int]:
    while piece and (piece[0][2].lower() in LEADING or piece[0][2] in JOINERS):
        piece = piece[1:]
    return (piece[0][0], piece[-1][1]) if piece else (0, 0)


def _mark(
    text: str, links: Sequence[Link], inside: list[int], start: int, end: int, found: dict[int, str]
) -> None:
    """Mark the links within [start, end) when a capitalised word there is not linked."""
    here = [i for i in inside if start <= links[i].start and links[i].end <= end]
    if not here:
        return
    for word in _WORD.finditer(text, start, end):
        covered = any(links[i].start <= word.start() < links[i].end for i in inside)
        bare = _bare(word.group())
        if not covered and bare[:1].isupper() and bare.lower() not in LEADING:
            name = " ".join(text[start:end].split())
            found.update((i, name) for i in here)
            return
