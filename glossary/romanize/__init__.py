"""Romanization by rule: Khmer in UNGEGN, Korean in Revised Romanization.

The public API is three functions:

- `romanize_khmer(text) -> str` (glossary.romanize.khmer)
- `romanize_korean(text) -> str` (glossary.romanize.korean)
- `romanize(lang, text) -> str`: either of them by language code (`km`, `ko`)

and `same_romanization(stored, generated) -> bool`, the comparison a glossary check uses:
capital letters and where a writer divides words with spaces are the writer's (Phnum
Pénh, Daehan Minguk); every letter, mark and hyphen must be the system's. All output is
NFC and lower case.
"""

from __future__ import annotations

import unicodedata

from glossary.romanize.khmer import romanize_khmer
from glossary.romanize.korean import romanize_korean

__all__ = ["romanize", "romanize_khmer", "romanize_korean", "same_romanization"]


def romanize(lang: str, text: str) -> str:
    """`text` romanized by the system of `lang` (`km` UNGEGN, `ko` Revised Romanization)."""
    if lang == "km":
        return romanize_khmer(text)
    if lang == "ko":
        return romanize_korean(text)
    raise ValueError(f"no romanization system for {lang!r}")


def same_romanization(stored: str, generated: str) -> bool:
    """Whether `stored` is `generated` up to capitals and word division by spaces."""

    def key(text: str) -> str:
        return "".join(unicodedata.normalize("NFC", text).casefold().split())

    return key(stored) == key(generated)
