"""Khmer word boundaries: where a link may start and end in Khmer text.

Khmer puts no space between words, so a glossary form found in a run of Khmer letters
is a mention only if both its ends are word boundaries. A boundary is certain next to
a space, U+200B, punctuation or another script; inside a run, the word segmenter
decides. The segmenter is khmercut (a CRF over Khmer character clusters): we compared
it with khmer-nltk on real news text, where both give the same words (they ship the
same trained model), but khmercut keeps the text exactly as given (khmer-nltk cleans
it first, which loses offsets), needs only python-crfsuite (khmer-nltk pulls in
scikit-learn and SciPy) and loads no pickle. Tagging costs ~10 µs a cluster, so we ask
it only about a window around each boundary in doubt, and cache the answers.

Ends never split a grapheme cluster either: a form never ends before a vowel sign or a
subscript consonant (`ចិន` is not in `ចិន្តា`, "thought").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from glossary.normalize import normalize

COENG = "\u17d2"
_RUN = re.compile(r"[\u1780-\u17D3\u17DD]{2,}")
_WINDOW = 14  # characters each side of a boundary that the segmenter is shown


def is_khmer_letter(ch: str) -> bool:
    """Letters, vowel signs, marks and the coeng: what words are made of (not Khmer
    punctuation, digits or currency signs, which end a word)."""
    return "\u1780" <= ch <= "\u17d3" or ch == "\u17dd"


def is_cluster_boundary(text: str, pos: int) -> bool:
    """Whether `pos` falls between two grapheme clusters (never inside ក្រ or កា)."""
    if pos <= 0 or pos >= len(text):
        return True
    if text[pos - 1] == COENG or text[pos] in "\u200c\u200d":
        return False
    return unicodedata.category(text[pos])[0] != "M"


def fits_words(text: str, start: int, end: int) -> bool:
    """Whether the Khmer mention `text[start:end]` starts and ends at word boundaries."""
    if not (is_cluster_boundary(text, start) and is_cluster_boundary(text, end)):
        return False
    return is_word_boundary(text, start) and is_word_boundary(text, end)


def is_word_boundary(text: str, pos: int) -> bool:
    """Whether a word may end at `pos`: certain outside a run of Khmer letters, else
    as the segmenter splits the window of that run around `pos`."""
    if pos <= 0 or pos >= len(text):
        return True
    if not (is_khmer_letter(text[pos - 1]) and is_khmer_letter(text[pos])):
        return True
    left = _window_edge(text, pos, -1)
    right = _window_edge(text, pos, 1)
    window = text[left:right]
    canonical = normalize(window)  # the segmenter was trained on canonical spellings
    return pos - left in word_ends(canonical if len(canonical) == len(window) else window)


def _window_edge(text: str, pos: int, step: int) -> int:
    """The far edge of the window on one side of `pos`: up to _WINDOW letters of the
    same run, pulled back to a cluster boundary."""
    edge = pos
    limit = max(0, pos - _WINDOW) if step < 0 else min(len(text), pos + _WINDOW)
    while edge != limit and is_khmer_letter(text[edge - 1 if step < 0 else edge]):
        edge += step
    while edge != pos and not is_cluster_boundary(text, edge):
        edge -= step
    return edge


@lru_cache(maxsize=65536)
def word_ends(run: str) -> frozenset[int]:
    """Offsets in `run` at which the segmenter ends a word (0 and len(run) included)."""
    from khmercut import tokenize  # loaded on first use: the model takes a moment

    ends = {0}
    position = 0
    for word in tokenize(run):
        position += len(word)
        ends.add(position)
    return frozenset(ends)


def word_starts(text: str) -> list[int]:
    """Offsets in `text` where a word starts inside a run of Khmer letters (the places a
    line may break in Khmer written without spaces)."""
    starts: list[int] = []
    for run in _RUN.finditer(text):
        starts += [run.start() + at for at in sorted(_run_word_starts(run.group()))]
    return starts


@lru_cache(maxsize=4096)
def _run_word_starts(run: str) -> frozenset[int]:
    return word_ends(run) - {0, len(run)}


def warm_up() -> None:
    """Load the segmenter's model now (from a worker thread, not the first frame)."""
    word_ends("ក")


def words(text: str) -> list[str]:
    """`text` split into words and the spaces between them (joined, they give `text`)."""
    from khmercut import tokenize

    return list(tokenize(text)) if text else []
