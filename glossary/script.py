"""Which language a text is mainly written in: English, Khmer or Korean, by its script.

A text is Khmer or Korean when that script has more letters than the Latin script,
counted so that a word weighs about the same in each: Khmer by its base letters (not
vowel signs or subscripts) and Hangul by syllables, each counted twice, since a Khmer
or Korean word has two or three of them where an English one has five letters.
Everything else is English. An English
text quoting a few Khmer or Korean names therefore stays English.
"""

from __future__ import annotations

import re
from typing import Final

LANGS: Final = ("en", "km", "ko")
_SAMPLE = 200_000  # characters looked at: enough to decide, cheap for a huge file

_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_KHMER_BASE = re.compile(r"[\u1780-\u17B3]")
_HANGUL = re.compile(r"[\uAC00-\uD7A3\u1100-\u1112\u3131-\u318E]")


def letter_counts(text: str) -> dict[str, int]:
    """Letters of each script in (the start of) `text`: `{"en": …, "km": …, "ko": …}`."""
    sample = text[:_SAMPLE]
    return {
        "en": len(_LATIN.findall(sample)),
        "km": len(_KHMER_BASE.findall(sample)) * 2,
        "ko": len(_HANGUL.findall(sample)) * 2,
    }


def detect_language(text: str, override: str | None = None) -> str:
    """`en`, `km` or `ko`; `override` (one of those) wins when given."""
    if override is not None:
        if override not in LANGS:
            raise ValueError(f"unknown language {override!r} (expected en, km or ko)")
        return override
    counts = letter_counts(text)
    best = max(("km", "ko"), key=lambda lang: counts[lang])
    return best if counts[best] > counts["en"] else "en"
