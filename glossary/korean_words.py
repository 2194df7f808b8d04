"""Korean word boundaries: where a link to a noun may end inside a Korean word.

Korean attaches particles and endings to nouns (캄보디아는, 프놈펜과, 아세안과의), so a
glossary form may be followed by more Hangul in the same word. Whether that rest is a
particle or ending (a link) or the form is part of a longer word (부산 in 부산물,
"by-product": no link) is a question of morphology. We ask Kiwi (kiwipiepy), a
morphological analyser that installs from wheels (no Java, no system libraries) and
ships its model as a package: the link stands when Kiwi puts a morpheme boundary at
its end. A rule list of particles cannot tell 부산물 from 부산을 as reliably, nor
경기도 (a province) from 경기도 ("the game, too"), which the analyser decides from the
word as a whole. Analysis costs ~60 µs a word, so only words that go on after a match
are analysed, and answers are cached.

A mention must also start a word: the character before it is not Hangul, a letter or
a digit (particles follow a noun; nothing is attached before it).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff"


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def fits_words(text: str, start: int, end: int) -> bool:
    """Whether the Korean mention `text[start:end]` starts a word and ends where a
    morpheme ends (before a particle, an ending, or the end of the word)."""
    if start > 0 and _in_word(text[start - 1]):
        return False
    if end >= len(text) or not is_hangul(text[end]):
        return True
    word_end = end
    while word_end < len(text) and _in_word(text[word_end]):
        word_end += 1
    head = unicodedata.normalize("NFC", text[start:end])
    rest = unicodedata.normalize("NFC", text[end:word_end])
    return len(head) in morpheme_starts(head + rest)


@lru_cache(maxsize=65536)
def morpheme_starts(snippet: str) -> frozenset[int]:
    """Offsets in `snippet` where a morpheme starts and none runs across."""
    tokens = _kiwi().tokenize(snippet)
    starts = {token.start for token in tokens}
    inside = {p for token in tokens for p in range(token.start + 1, token.start + token.len)}
    return frozenset(starts - inside)


_ANALYSER: list[Any] = []


def _kiwi() -> Any:
    """The analyser, loaded on first use (its model takes a second and ~100 MB)."""
    if not _ANALYSER:
        from kiwipiepy import Kiwi

        _ANALYSER.append(Kiwi())
    return _ANALYSER[0]


def warm_up() -> None:
    """Load the analyser now (from a worker thread, not the first frame)."""
    _kiwi()


def nouns(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of every noun Kiwi finds in `text` (NFC): for suggestions."""
    return [
        (token.start, token.start + token.len, token.tag)
        for token in _kiwi().tokenize(text)
        if token.tag in ("NNP", "NNG", "SL")
    ]
