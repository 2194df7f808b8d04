"""Figures as Korean writers write them: grouped by 10⁴ (30만, 8억 8900만), spaced after
만/억/조 (한글 맞춤법 §43–44), with the press's counters and qualifiers. The rules and
their references are in glossary/FIGURES.md."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from glossary.figures.model import Figure, Kind, Rendering
from glossary.figures.notes import also, notes, relative_note
from glossary.i18n import _

COUNTERS = {  # the counter for each class of counted noun (english.NOUNS)
    "person": "명",
    "dignitary": "명",
    "company": "개",
    "project": "건",
    "country": "개국",
    "couple": "쌍",
    "family": "가구",
    "time": "번",
}

_KO_GROUPS = ((10**12, "조"), (10**8, "억"), (10**4, "만"), (1, ""))
_KO_QUALIFIED = {
    "more": "{} 이상",
    "about": "약 {}",
    "nearly": "거의 {}",
    "less": "{} 미만",
    "least": "최소 {}",
    "additional": "추가 {}",
}
_KO_VAGUE = {10: "수십", 100: "수백", 1000: "수천", 10_000: "수만", 10**6: "수백만"}
_KO_NATIVE_ORDINAL = ["첫", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열"]
_KO_CURRENCY = {"USD": "달러", "KHR": "리엘", "KRW": "원"}
_KO_DIMENSION = {"length": "길이", "width": "폭", "depth": "깊이", "height": "높이"}
_KO_RELATIVE = {"last": "지난해", "this": "올해", "next": "내년"}


def korean_number(value: Decimal) -> str:
    """`30만`, `10억`, `8억 8900만`, `8,000`: grouped by 10⁴ from 10,000 up (한글 맞춤법
    §44: 12억 3456만 7898, no commas), Babel's decimal format below."""
    from babel.numbers import format_decimal

    from glossary.l10n import compact

    if value < 10_000 or value != value.to_integral_value():
        return format_decimal(value, locale="ko")
    rest = int(value)
    groups: list[tuple[int, str]] = []
    for size, unit in _KO_GROUPS:
        group, rest = divmod(rest, size)
        if group:
            groups.append((group, unit))
    if len(groups) == 1:
        return compact(int(value), "ko", long=True)  # Babel (CLDR): 30만, 10억, 1700만
    return " ".join(f"{group}{unit}" for group, unit in groups)


def _ko_with(number: str, counter: str) -> str:
    """`30만 달러`, `5만 명` but `250개`, `8,000명`: a unit noun is spaced after a Hangul
    numeral and may be attached to Arabic digits (한글 맞춤법 §43)."""
    if not counter:
        return number
    return number + counter if number[-1].isdigit() else f"{number} {counter}"


def _ko_qualified(text: str, qualifier: str) -> str:
    return _KO_QUALIFIED[qualifier].format(text) if qualifier in _KO_QUALIFIED else text


def _ko_money(figure: Figure) -> Rendering:
    number = korean_number(figure.value)
    currency = _KO_CURRENCY[figure.unit]
    text = _ko_qualified(_ko_with(number, currency), figure.qualifier)
    forms = [_ko_with(number + "여", currency)] if figure.qualifier == "more" else []
    return Rendering(text, notes(_ko_money_note(figure), _ko_more_note(figure), also(forms, "ko")))


def _ko_money_note(figure: Figure) -> str:
    explicit = re.search(r"US\s?\$|USD|US dollars", figure.surface, re.IGNORECASE)
    return "" if figure.unit != "USD" or explicit else _("'$' taken as US dollars")


def _ko_count(figure: Figure) -> Rendering:
    counter = COUNTERS.get(figure.unit, "")
    if figure.qualifier in ("several", "many"):
        return Rendering(_ko_with(_KO_VAGUE[int(figure.value)], counter))
    number = korean_number(figure.value)
    text = _ko_qualified(_ko_with(number, counter), figure.qualifier)
    forms = [_ko_with(number + "여", counter)] if figure.qualifier == "more" else []
    note = "" if counter else _("no counter: the counted noun is unclear")
    return Rendering(text, notes(note, _ko_more_note(figure), also(forms, "ko")))


def _ko_more_note(figure: Figure) -> str:
    if figure.qualifier != "more":
        return ""
    return _("이상 renders 'more than' as the press does (strictly it means 'at least')")


def _ko_measure(figure: Figure) -> Rendering:
    from babel.numbers import format_decimal
    from babel.units import format_unit

    value = figure.value
    length: Literal["long", "short"] = "long" if figure.unit == "length-mile" else "short"
    text = format_unit(value, figure.unit, length, locale="ko")
    forms = [] if length == "long" else [format_unit(value, figure.unit, "long", locale="ko")]
    if figure.unit == "area-square-kilometer":
        forms.append(format_decimal(value, locale="ko") + "㎢")
    text = _ko_qualified(text, figure.qualifier)
    if figure.style:
        text = f"{_KO_DIMENSION[figure.style]} {text}"
    return Rendering(text, also(forms, "ko"))


def _ko_years(figure: Figure) -> Rendering:
    from babel.dates import format_skeleton

    first = int(figure.value)
    if figure.kind is Kind.DECADE:
        return Rendering(f"{first}년대")
    if figure.kind is Kind.YEAR:
        return Rendering(format_skeleton("y", datetime.date(first, 1, 1), locale="ko"))
    if figure.style == "from":
        return Rendering(f"{first}년부터 {figure.until}년까지")
    return Rendering(f"{first}~{figure.until}년")


def _ko_date(figure: Figure) -> Rendering:
    from babel.dates import format_date, format_skeleton, get_month_names

    year = int(figure.value)
    if figure.relative:
        month = get_month_names("wide", locale="ko")[figure.month]
        return Rendering(f"{_KO_RELATIVE[figure.relative]} {month}", relative_note(figure))
    day = datetime.date(year or 2000, figure.month, figure.day or 1)
    if year and figure.day:
        return Rendering(format_date(day, "long", locale="ko"))
    return Rendering(format_skeleton("yMMMM" if year else "MMMMd", day, locale="ko"))


def _ko_ordinal(figure: Figure) -> Rendering:
    n = int(figure.value)
    if figure.unit == "anniversary":
        return Rendering(f"{n}주년", _("also written {form}").format(form=f"제{n}주년"))
    if figure.unit == "rank":
        return Rendering(f"{n}위")
    if figure.spelled and n <= len(_KO_NATIVE_ORDINAL):
        return Rendering(f"{_KO_NATIVE_ORDINAL[n - 1]} 번째")
    forms = f"제{n}회, 제{n}차"
    return Rendering(f"{n}번째", _("before a counter: {forms}").format(forms=forms))


def _ko_percent(figure: Figure) -> Rendering:
    from babel.numbers import format_decimal

    text = format_decimal(figure.value, locale="ko") + "%"
    return Rendering(_ko_qualified(text, figure.qualifier))


RENDERERS: dict[Kind, Callable[[Figure], Rendering]] = {
    Kind.MONEY: _ko_money,
    Kind.COUNT: _ko_count,
    Kind.MEASURE: _ko_measure,
    Kind.PERCENT: _ko_percent,
    Kind.YEAR: _ko_years,
    Kind.YEARS: _ko_years,
    Kind.DECADE: _ko_years,
    Kind.DATE: _ko_date,
    Kind.ORDINAL: _ko_ordinal,
}
