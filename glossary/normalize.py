"""Unicode rules shared by loading, linking and searching.

All text is NFC. Khmer is additionally put in canonical character order with SIL's
Khmer normaliser (via the `khmerspell` package), which also maps COENG DA to COENG TA
and joins split vowels; so `ន្ត្រី` and `ន្រ្តី` compare equal. Two deprecated independent
vowels that the normaliser leaves alone are mapped by hand.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from khmerspell.khnormal import khnormal

KHMER_RUN = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF\u200B-\u200D]+")
HANGUL_JAMO = re.compile(r"[\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
HAS_KHMER = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")
HAS_HANGUL = re.compile(r"[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uD7B0-\uD7FF]")

# Deprecated characters that khnormal keeps; Unicode's Khmer chapter says to use these.
_KHMER_DEPRECATED = str.maketrans({"\u17a3": "\u17a2", "\u17a4": "\u17a2\u17b6"})


# A Khmer cluster: a base with its marks and subscripts. SIL's rules all act inside one
# such cluster, so a run made wholly of clusters can be normalised cluster by cluster,
# and clusters recur so much that a cache makes this many times faster.
KHMER_CLUSTER = re.compile(
    r"[\u1780-\u17B3](?:[\u17B4-\u17D1\u17D3\u17DD\u200C\u200D]|\u17D2[\u1780-\u17B3]?)*"
)


def normalize_khmer(text: str) -> str:
    """Return Khmer runs of `text` in canonical order; other characters are untouched."""
    if not HAS_KHMER.search(text):
        return text
    return KHMER_RUN.sub(_normalize_khmer_run, text)


def _normalize_khmer_run(match: re.Match[str]) -> str:
    run = match.group().translate(_KHMER_DEPRECATED)
    clusters = KHMER_CLUSTER.findall(run)
    if sum(map(len, clusters)) != len(run.replace("\u200b", "")):
        return str(khnormal(run))  # stray marks: let the normaliser see the whole run
    return KHMER_CLUSTER.sub(lambda m: _normalize_cluster(m.group()), run)


@lru_cache(maxsize=32768)
def _normalize_cluster(cluster: str) -> str:
    return str(khnormal(cluster))


def normalize(text: str) -> str:
    """NFC, then canonical Khmer order: the one form every stored or typed text takes."""
    return normalize_khmer(unicodedata.normalize("NFC", text))


def search_key(text: str) -> str:
    """A key for comparing typed queries with stored text: normalised, case-folded, no ZWSP."""
    return normalize(text).replace("\u200b", "").casefold()


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def khmer_digits(text: str) -> str:
    """`24 វិច្ឆិកា 2026` → `២៤ វិច្ឆិកា ២០២៦`: Latin digits to Khmer digits."""
    return text.translate(KHMER_DIGITS)


def show_codepoints(text: str) -> str:
    """`U+1780 U+17D2 …`, for messages about invisible differences."""
    return " ".join(f"U+{ord(ch):04X}" for ch in text)
