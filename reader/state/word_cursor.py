"""The word cursor: a run of words of the current paragraph, chosen to add as a term.

Pure logic. `w` puts it on a word; h/l move it word by word, H/L extend or shrink the
run at its right end; the phrase under it prefills the new-term form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word: letters or digits, with inner apostrophes, hyphens and dots (U.S., Jae-in);
# Khmer and Hangul runs count as words too.
_WORD = re.compile(r"[^\W_](?:[\w\u17b4-\u17dd]|['’.\-](?=[^\W_]))*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word of `text`."""
    return [match.span() for match in _WORD.finditer(text)]


@dataclass
class WordCursor:
    """Words `first`..`last` (inclusive) of a paragraph whose word spans are `words`."""

    words: list[tuple[int, int]]
    first: int = 0
    last: int = 0

    @classmethod
    def at(cls, text: str, offset: int = 0) -> WordCursor | None:
        """On the word at or after `offset`; None for a paragraph with no words."""
        words = word_spans(text)
        if not words:
            return None
        index = next((i for i, (_s, end) in enumerate(words) if end > offset), len(words) - 1)
        return cls(words, index, index)

    def move(self, delta: int) -> None:
        """One word left or right; a run collapses to one word as it moves."""
        target = (self.first if delta < 0 else self.last) + delta
        target = max(0, min(target, len(self.words) - 1))
        self.first = self.last = target

    def extend(self, delta: int) -> None:
        """Grow (delta > 0) or shrink the run by one word at its right end."""
        self.last = max(self.first, min(self.last + delta, len(self.words) - 1))

    @property
    def span(self) -> tuple[int, int]:
        return self.words[self.first][0], self.words[self.last][1]

    def phrase(self, text: str) -> str:
        """The words under the cursor as one line (a possessive 's dropped)."""
        start, end = self.span
        words = " ".join(text[start:end].split())
        return re.sub(r"['’]s$", "", words)
