"""Locale-aware values with Babel: dates, numbers, lists, Khmer digits."""

from __future__ import annotations

import datetime

import pytest

from glossary import i18n, l10n

DAY = datetime.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("lang", "khmer", "expected"),
    [
        ("km", False, "24 វិច្ឆិកា 2026"),
        ("km", True, "២៤ វិច្ឆិកា ២០២៦"),
        ("ko", False, "2026년 11월 24일"),
        ("ko", True, "2026년 11월 24일"),  # Khmer digits only ever apply to Khmer
        ("en", False, "November 24, 2026"),
    ],
)
def test_dates(lang, khmer, expected):
    assert l10n.date(DAY, lang, khmer=khmer) == expected


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: l10n.number(1234567, "km"), "1,234,567"),
        (lambda: l10n.number(1234567, "km", khmer=True), "១,២៣៤,៥៦៧"),
        (lambda: l10n.percent(0.52, "ko"), "52%"),
        (lambda: l10n.percent(0.52, "km", khmer=True), "៥២%"),
        (lambda: l10n.compact(300_000, "ko"), "30만"),
        (lambda: l10n.compact(1_000_000_000, "ko"), "10억"),
        (lambda: l10n.compact(1_000_000_000, "km", long=True), "1 ប៊ីលាន"),
        (lambda: l10n.language_name("km"), "ខ្មែរ"),
        (lambda: l10n.language_name("ko"), "한국어"),
        (lambda: l10n.language_name("en"), "English"),
    ],
)
def test_values(call, expected):
    assert call() == expected


def test_korean_long_compact_falls_back_instead_of_raising():
    # Babel 2.18: format_compact_decimal(..., format_type="long", locale="ko") -> KeyError
    assert l10n.compact(1_000_000_000, "ko", long=True) == "10억"


def test_khmer_short_list_of_three_falls_back_instead_of_raising():
    # Babel 2.18: format_list(3 items, style="standard-short", locale="km") -> KeyError 'start'
    joined = l10n.join(["ក", "ខ", "គ"], "km", style="standard-short")
    assert joined == "ក, ខ និង គ"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "km_KH.UTF-8"}, "km"),
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "ko:en", "LANG": "en_US.UTF-8"}, "ko"),
        ({"LC_ALL": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_system_language(env, expected):
    assert i18n.system_language(env) == expected


def test_unknown_language_falls_back_to_english():
    try:
        assert i18n.use_language("fr") == "en"
        assert i18n._("Quit") == "Quit"
    finally:
        i18n.use_language("en")


@pytest.mark.parametrize(
    ("lang", "day", "moment"),
    [
        ("en", "Tue, Nov 24", "Nov 24 2:05\u202fPM"),  # CLDR: narrow no-break space
        ("km", "អង្គារ 24 វិច្ឆិកា", "24 វិច្ឆិកា 2:05 PM"),
        ("ko", "11월 24일 (화)", "11월 24일 PM 2:05"),
    ],
)
def test_short_dates_for_lists(lang, day, moment):
    assert l10n.short_date(DAY, lang) == day
    assert l10n.short_datetime(datetime.datetime(2026, 11, 24, 14, 5), lang) == moment
