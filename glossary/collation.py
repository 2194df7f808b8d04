"""How Tonle sorts: one home for every order, used by the glossary browser, the export
and anything else that sorts entries (`ORDERS`: appearance, en, km, ko).

English: case- and accent-folded, then the exact text.

Korean (가나다 order): modern Hangul syllables U+AC00–U+D7A3 are encoded in dictionary
order (initial, then medial, then final jamo, each in the South Korean standard order),
so comparing NFC text by code point *is* 가나다 order. Spaces are ignored at first
(훈 센 sorts as 훈센) and only break ties.

Khmer (dictionary order): there is no Khmer collation in Babel and we do not use ICU, so
`khmer_key` implements the ordering of CLDR's Khmer tailoring, which follows the Chuon
Nath dictionary, on text already in canonical character order (the loader guarantees
it). What that needs beyond code points:

- consonants U+1780–U+17A2 are already in dictionary order (ក ខ គ … ឡ អ);
- independent vowels: ឫ ឬ sort right after រ, and ឭ ឮ right after ល (they are spelled
  with those consonants); the others (ឥ ឦ ឧ … ឳ) follow អ, in code point order; the
  deprecated ឣ and ឤ count as អ and អា;
- dependent vowels and signs ា … ៅ ំ ះ ៈ follow all consonants in code point order, which
  is the traditional vowel order; so a consonant with its inherent vowel (ក, កក) comes
  before the same consonant with a written vowel (កា);
- COENG (subscript) sorts after every vowel, so clusters (ក្រ) come after all the
  vowel forms of their base consonant (កៅ), as in the dictionary;
- register shifters, robat and the other diacritics (៉ ៊ ់ ៌ ៍ ៎ ៏ ័ ៑) are ignored
  at first and only break ties, as is U+200B between words.

Entries with no form in the sort language go last, in English order.

First appearance: an entry's first mention in the body, else its first in the title
(`first_appearance`); entries the text does not mention go last, in the given order.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from glossary.document import Document, Kind
from glossary.model import Entry

ORDERS: tuple[str, ...] = ("appearance", "en", "km", "ko")
T = TypeVar("T")

_COENG = 0x17D2
_IGNORED = frozenset([0x200B, 0x17B4, 0x17B5, *range(0x17C9, 0x17D2), 0x17D3, 0x17DD])
# Independent vowels spelled with a consonant: they sort just after it.
# (consonant, rank after it): ឫ ឬ after រ, ឭ ឮ after ល.
_AFTER_CONSONANT = {
    0x17AB: (0x179A, 1),
    0x17AC: (0x179A, 2),
    0x17AD: (0x179B, 1),
    0x17AE: (0x179B, 2),
}
_AS_TEXT = {0x17A3: "\u17a2", 0x17A4: "\u17a2\u17b6"}


def _khmer_weights(code: int) -> tuple[int, ...]:
    """Primary weights of one character (empty when it is ignored at first)."""
    if code in _IGNORED:
        return ()
    if code in _AS_TEXT:
        return tuple(w for ch in _AS_TEXT[code] for w in _khmer_weights(ord(ch)))
    if code in _AFTER_CONSONANT:
        consonant, rank = _AFTER_CONSONANT[code]
        return (consonant * 4 + rank,)
    if code == _COENG:
        return (0x1800 * 4,)  # after every vowel and sign
    return (code * 4,)


def khmer_key(text: str) -> tuple[tuple[int, ...], str]:
    """A sort key giving Khmer dictionary order (see the module docstring)."""
    primary = tuple(w for ch in text for w in _khmer_weights(ord(ch)))
    return primary, text


def hangul_key(text: str) -> tuple[str, str]:
    """가나다 order: code points of NFC Hangul, spaces ignored except to break ties."""
    nfc = unicodedata.normalize("NFC", text)
    return nfc.replace(" ", "").replace("\u200b", ""), nfc


def english_key(text: str) -> tuple[str, str]:
    """Case- and accent-insensitive order, ties broken by the exact text."""
    base = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return base.casefold(), text


def _form_key(lang: str, key: Callable[[str], tuple[Any, ...]]) -> Callable[[Entry], Any]:
    def sort_key(entry: Entry) -> tuple[Any, ...]:
        form = entry.form(lang)
        english = english_key(entry.en)
        return (1, (), english) if form is None else (0, key(form.text), english)

    return sort_key


def sort_entries(
    items: Sequence[T],
    order: str,
    positions: Mapping[str, int],
    entry: Callable[[T], Entry] = lambda item: item,  # type: ignore[assignment,return-value]
) -> list[T]:
    """`items` (entries, or what `entry` maps to one) in `order`; `appearance` uses
    `positions` (entry id → first offset, see `first_appearance`) and keeps the given
    order for entries without one (so, with no text, glossary order)."""
    if order == "en":
        return sorted(items, key=lambda item: english_key(entry(item).en))
    if order in ("km", "ko"):
        form_key = _form_key(order, khmer_key if order == "km" else hangul_key)
        return sorted(items, key=lambda item: form_key(entry(item)))
    if order == "appearance":
        end = max(positions.values(), default=0) + 1
        return sorted(items, key=lambda item: positions.get(entry(item).id, end))
    raise ValueError(f"unknown order {order!r}; choose one of {', '.join(ORDERS)}")


def first_appearance(document: Document, mentions: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Entry id → offset in `document.text` of its first mention in a body paragraph,
    else of its first in the title. `mentions`: (entry id, offset), in text order."""
    starts = [p.start for p in document.paragraphs]
    body: dict[str, int] = {}
    title: dict[str, int] = {}
    for entry_id, offset in mentions:
        kind = document.paragraphs[bisect_right(starts, offset) - 1].kind
        if kind is Kind.BODY:
            body.setdefault(entry_id, offset)
        elif kind is Kind.TITLE:
            title.setdefault(entry_id, offset)
    return {**title, **body}
