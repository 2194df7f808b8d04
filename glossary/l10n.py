"""Dates, numbers, durations and lists in the reader's language, with Babel.

Every Babel call goes through here, for two reasons. Babel 2.18 has data gaps that
raise (`format_compact_decimal(..., format_type="long")` for ko, `format_list` with
three or more items in style "standard-short" for km): we fall back to the short or
standard form. And Babel never writes Khmer digits (its `numbering_system` changes
only separators), so `khmer_digits` converts its output when the reader asks for them.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal

from babel import Locale
from babel.dates import format_date as babel_date
from babel.dates import format_skeleton, format_time
from babel.lists import format_list as babel_list
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from glossary.normalize import khmer_digits


def _digits(text: str, lang: str, khmer: bool) -> str:
    return khmer_digits(text) if khmer and lang == "km" else text


def date(value: datetime.date, lang: str, *, khmer: bool = False, form: str = "long") -> str:
    """`24 វិច្ឆិកា 2026` (km), `2026년 11월 24일` (ko), `November 24, 2026` (en)."""
    return _digits(babel_date(value, form, locale=lang), lang, khmer)


def short_date(value: datetime.date, lang: str, *, khmer: bool = False) -> str:
    """A day in a list of days: weekday, day and month (`Tue, Nov 24`, `11월 24일 (화)`)."""
    return _digits(format_skeleton("MMMEd", value, locale=lang), lang, khmer)


def short_datetime(value: datetime.datetime, lang: str, *, khmer: bool = False) -> str:
    """A moment in a list: month, day and time (`Nov 24, 14:05`, `11월 24일 오후 2:05`)."""
    day = format_skeleton("MMMd", value, locale=lang)
    return _digits(f"{day} {format_time(value, 'short', locale=lang)}", lang, khmer)


def number(value: float | int | Decimal, lang: str, *, khmer: bool = False) -> str:
    return _digits(format_decimal(value, locale=lang), lang, khmer)


def percent(fraction: float, lang: str, *, khmer: bool = False) -> str:
    return _digits(format_percent(fraction, locale=lang), lang, khmer)


def compact(value: float | int, lang: str, *, long: bool = False, khmer: bool = False) -> str:
    """`30만`, `1 ប៊ីលាន`, `300K`; the long form where Babel has it, else the short one."""
    try:
        text = format_compact_decimal(value, format_type="long" if long else "short", locale=lang)
    except KeyError:  # ko has no long compact patterns in Babel 2.18
        text = format_compact_decimal(value, format_type="short", locale=lang)
    return _digits(text, lang, khmer)


def join(items: Sequence[str], lang: str, *, style: str = "standard") -> str:
    """`A, B និង C`: a list in the language; falls back to "standard" where data is missing."""
    try:
        return babel_list(list(items), style=style, locale=lang)  # type: ignore[arg-type]
    except KeyError:  # km has only the two-item "standard-short" pattern
        return babel_list(list(items), style="standard", locale=lang)


def language_name(lang: str) -> str:
    """A language's name in itself: ខ្មែរ, 한국어, English (from Babel's locale data)."""
    return str(Locale.parse(lang).display_name)
