"""Figures as Khmer writers write them: Khmer digits with CLDR's separators (១.០០០; ២,៥)
and the press's multiplier words ពាន់ 10³, ម៉ឺន 10⁴, លាន 10⁶, ពាន់លាន 10⁹
(៣០ម៉ឺនដុល្លារ), with classifiers and qualifiers. The rules and their references are in
glossary/FIGURES.md."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from glossary.figures.model import Figure, Kind, Rendering
from glossary.figures.notes import also, notes, relative_note
from glossary.i18n import _
from glossary.normalize import khmer_digits

COUNTERS = {  # the classifier for each class of counted noun (english.NOUNS)
    "person": "នាក់",
    "dignitary": "រូប",
    "company": "ក្រុមហ៊ុន",
    "project": "គម្រោង",
    "country": "ប្រទេស",
    "couple": "គូ",
    "family": "គ្រួសារ",
    "time": "ដង",
}

_KM_WORDS = (  # (size, word, decimals allowed): the press's multipliers
    (10**9, "ពាន់លាន", 3),
    (10**6, "លាន", 3),
    (10**4, "ម៉ឺន", 0),
    (10**3, "ពាន់", 0),
)
_KM_QUALIFIED = {
    "more": "ជាង {}",
    "about": "ប្រមាណ {}",
    "nearly": "ជិត {}",
    "less": "តិចជាង {}",
    "least": "យ៉ាងតិច {}",
    "additional": "{}ទៀត",
}
_KM_VAGUE_UNIT = {10: "សិប", 100: "រយ", 1000: "ពាន់", 10_000: "ម៉ឺន", 10**6: "លាន"}
_KM_CURRENCY = {"USD": "ដុល្លារ", "KHR": "រៀល", "KRW": "វ៉ុន"}
_KM_DIMENSION = {"length": "ប្រវែង", "width": "ទទឹង", "depth": "ជម្រៅ", "height": "កម្ពស់"}
_KM_RELATIVE = {"last": "មុន", "this": "នេះ", "next": "ក្រោយ"}


def khmer_decimal(value: Decimal | int) -> str:
    """`១.០០០`, `២,៥`: Babel's CLDR symbols for Khmer digits (group `.`, decimal `,`)
    with the digits converted (Babel itself never writes Khmer digits)."""
    from babel.numbers import format_decimal

    return khmer_digits(format_decimal(value, locale="km", numbering_system="khmr"))


def khmer_number(value: Decimal) -> str:
    """`៣០ម៉ឺន`, `១ពាន់លាន`, `៨៨៩លាន`, `៨ពាន់`, `២៥០`: a round number with the
    press's multiplier word, anything else in digits."""
    for size, word, decimals in _KM_WORDS:
        if value >= size:
            quotient = value / size
            if quotient == round(quotient, decimals):
                return khmer_decimal(quotient.normalize() if decimals else int(quotient)) + word
    return khmer_decimal(value)


def _km_qualified(text: str, qualifier: str) -> str:
    return _KM_QUALIFIED[qualifier].format(text) if qualifier in _KM_QUALIFIED else text


def _km_digits_form(figure: Figure, unit: str) -> list[str]:
    digits = khmer_decimal(figure.value) + unit
    return [digits] if 1000 <= figure.value < 10**6 else []


def _km_money(figure: Figure) -> Rendering:
    currency = _KM_CURRENCY[figure.unit]
    text = _km_qualified(khmer_number(figure.value) + currency, figure.qualifier)
    forms = [_km_qualified(f, figure.qualifier) for f in _km_digits_form(figure, currency)]
    forms = [f for f in forms if f != text]
    return Rendering(text, also(forms, "km"))


def _km_count(figure: Figure) -> Rendering:
    counter = COUNTERS.get(figure.unit, "")
    if figure.qualifier in ("several", "many"):
        prefix = "ច្រើន" if figure.qualifier == "several" else "រាប់"
        return Rendering(prefix + _KM_VAGUE_UNIT[int(figure.value)] + counter)
    text = _km_qualified(khmer_number(figure.value) + counter, figure.qualifier)
    forms = [_km_qualified(f, figure.qualifier) for f in _km_digits_form(figure, counter)]
    forms = [f for f in forms if f != text]
    note = "" if counter else _("no classifier: the counted noun is unclear")
    return Rendering(text, notes(note, also(forms, "km")))


def _km_measure(figure: Figure) -> Rendering:
    from babel.units import format_unit

    unit = format_unit(figure.value, figure.unit, "long", locale="km", numbering_system="khmr")
    text = _km_qualified(khmer_digits(unit), figure.qualifier)
    if figure.style:
        text = f"{_KM_DIMENSION[figure.style]} {text}"
    return Rendering(text)


def _km_years(figure: Figure) -> Rendering:
    first = khmer_digits(str(int(figure.value)))
    if figure.kind is Kind.DECADE:
        if 1910 <= figure.value <= 1990:
            return Rendering(
                f"ទសវត្សរ៍ទី{first[2:]}", _("the decade's last two digits, as Khmer writes it")
            )
        return Rendering(f"ទសវត្សរ៍ឆ្នាំ{first}", _("form not confirmed by a source"))
    if figure.kind is Kind.YEAR:
        return Rendering(f"ឆ្នាំ{first}")
    until = khmer_digits(str(figure.until))
    if figure.style == "from":
        return Rendering(f"ពីឆ្នាំ{first} ដល់ឆ្នាំ{until}")
    return Rendering(f"ឆ្នាំ{first}-{until}")


def _km_date(figure: Figure) -> Rendering:
    from babel.dates import get_month_names

    month = "ខែ" + get_month_names("wide", locale="km")[figure.month]
    day = f"ថ្ងៃទី{khmer_digits(str(figure.day))} " if figure.day else ""
    if figure.relative:
        return Rendering(f"{month} ឆ្នាំ{_KM_RELATIVE[figure.relative]}", relative_note(figure))
    year = f" ឆ្នាំ{khmer_digits(str(int(figure.value)))}" if figure.value else ""
    return Rendering(day + month + year)


def _km_ordinal(figure: Figure) -> Rendering:
    n = khmer_digits(str(int(figure.value)))
    if figure.unit == "anniversary":
        return Rendering(f"ខួបលើកទី{n}")
    if figure.unit == "rank":
        return Rendering(f"លេខ{n}", f"ranked: ជាប់លេខ{n}")
    return Rendering(f"ទី{n}")


def _km_percent(figure: Figure) -> Rendering:
    text = khmer_decimal(figure.value) + " ភាគរយ"
    return Rendering(
        _km_qualified(text, figure.qualifier), also([khmer_decimal(figure.value) + "%"], "km")
    )


RENDERERS: dict[Kind, Callable[[Figure], Rendering]] = {
    Kind.MONEY: _km_money,
    Kind.COUNT: _km_count,
    Kind.MEASURE: _km_measure,
    Kind.PERCENT: _km_percent,
    Kind.YEAR: _km_years,
    Kind.YEARS: _km_years,
    Kind.DECADE: _km_years,
    Kind.DATE: _km_date,
    Kind.ORDINAL: _km_ordinal,
}
