"""Figures in English text, and how Khmer and Korean writers write them.

`find_figures(text)` finds money (US$300,000; US$1 billion), counts (more than 250;
50,000; ten more; several hundreds), measures (1,000 sq. km; 250 km long), years
(1953), year ranges (1996/97; from 2019 through to 2023), decades (1980s), ordinals
(23rd anniversary; ranked second), dates (November 2019; October last year) and
percentages, as spans like the linker's `Link`s: `text[start:end] == surface`.
`render_figure(figure, lang)` gives the Khmer (`km`) or Korean (`ko`) form with a note.

What counts as a figure, every rendering rule and the reference behind it are in
FIGURES.md beside this module. In short: Korean groups by 10⁴ (30만, 8억 8900만) and
spaces after 만/억/조 (한글 맞춤법 §43–44); Khmer uses Khmer digits with the press's
multiplier words ពាន់ 10³, ម៉ឺន 10⁴, លាន 10⁶, ពាន់លាន 10⁹ (៣០ម៉ឺនដុល្លារ) and CLDR's
Khmer-digit separators (១.០០០; ២,៥). Babel supplies month names, year and date
patterns, unit names, the Korean compact forms of round numbers and the list and
percent formats; where its output is not what a writer would print (Korean compact
rounds 889,000,000 to 9억; Khmer compact writes 300 ពាន់ and 1 ប៊ីលាន) our own rules
are used instead, and the tests show both. Babel is imported only to render: finding
figures stays cheap enough for a reader's first paint.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from glossary.i18n import N_, _
from glossary.normalize import khmer_digits

if TYPE_CHECKING:  # the reader imports figures before its first paint; the linker later
    from glossary.linker import Link

LANGS = ("km", "ko")


class Kind(StrEnum):
    MONEY = "money"
    COUNT = "count"
    MEASURE = "measure"
    PERCENT = "percent"
    YEAR = "year"
    YEARS = "years"  # a range: 1996/97, from 2019 through to 2023
    DECADE = "decade"
    DATE = "date"
    ORDINAL = "ordinal"


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure in a text: `text[start:end] == surface`.

    `value` is the amount, count, measure, percentage, year (the first of a range),
    decade, ordinal or, for dates, the year (0 when the year is relative). The other
    fields say how to read it; they are empty where they do not apply.
    """

    start: int
    end: int
    kind: Kind
    value: Decimal
    surface: str
    unit: str = ""  # money: USD/KHR/KRW; measure: CLDR unit; count: counter class;
    # ordinal: "anniversary" or "rank"
    qualifier: str = ""  # more, about, nearly, less, least, additional; many, several
    until: int = 0  # years: the last year of the range
    style: str = ""  # years: "from" (from … to …) or "span" (1996/97); measure: dimension
    month: int = 0  # dates
    day: int = 0  # dates
    relative: str = ""  # dates: "last", "this" or "next" year
    spelled: bool = False  # written in words (ten, second)

    def as_plain(self) -> dict[str, str | int | bool]:
        """The figure as plain data (str, int, bool), e.g. for a click's style meta."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        return data | {"kind": self.kind.value, "value": str(self.value)}

    @classmethod
    def from_plain(cls, data: Mapping[str, str | int | bool]) -> Figure:
        values = dict(data) | {
            "kind": Kind(str(data["kind"])),
            "value": Decimal(str(data["value"])),
        }
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Rendering:
    """A figure as a Khmer or Korean writer would write it, and a note for translators."""

    text: str
    note: str = ""


# --- finding ---------------------------------------------------------------------------

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {word: n for n, word in enumerate(_SMALL)} | {
    word: 10 * n for n, word in enumerate(_TENS, 2)
}
_ORDINAL_SMALL = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORDINAL_VALUE = {word: n for n, word in enumerate(_ORDINAL_SMALL)} | {
    word[:-1] + "ieth": 10 * n for n, word in enumerate(_TENS, 2)
}
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class _LazyPattern:
    """A regular expression compiled on its first use. The reader imports this module
    before its first paint, and compiling every pattern here up front took ~20 ms."""

    __slots__ = ("_compiled", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        return self.compiled.match(text, pos)


_ALT = "|".join
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SPELLED = rf"(?:(?:{_ALT(_TENS)})(?:-(?:{_ALT(_SMALL[1:10])}))?|{_ALT(_SMALL[1:])})"
_SCALE = rf"(?:\s+(?P<scale>{_ALT(_SCALES)}))?"
_BEFORE = r"(?<![\w.,/:$£€₩៛-])"  # not inside a code (COVID-19), a ratio or an amount
_AFTER = r"(?![\w%]|[.,/:]\d)"
_NUMBER = rf"{_BEFORE}(?P<num>{_DIGITS}|(?i:{_SPELLED})\b){_SCALE}"
# A qualifier is looked for just before a number (matching it at every position of a
# text as an optional prefix made every pattern several times slower).
_QUALIFIER_BEFORE = _LazyPattern(
    r"(?<![\w-])(?i:more than|over|roughly|about|around|approximately|some|nearly|almost"
    r"|less than|fewer than|at least)\s+$"
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_MONTH = rf"(?P<month>{_ALT(_MONTHS)})"
_DAY = r"(?P<day>[0-3]?\d)"

_QUALIFIERS = {
    "more than": "more",
    "over": "more",
    "roughly": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "some": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "less than": "less",
    "fewer than": "less",
    "at least": "least",
}
_CURRENCIES = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "usdollars": "USD",
    "dollars": "USD",
    "khr": "KHR",
    "៛": "KHR",
    "riel": "KHR",
    "riels": "KHR",
    "krw": "KRW",
    "₩": "KRW",
    "won": "KRW",
}
_UNITS = (  # (pattern, CLDR unit)
    (r"sq\.?\s?km\b|square\s+kilomet(?:re|er)s?\b|km²|km2\b", "area-square-kilometer"),
    (r"sq\.?\s?m\b|square\s+met(?:re|er)s?\b|m²", "area-square-meter"),
    (r"hectares?\b|ha\b", "area-hectare"),
    (r"kilomet(?:re|er)s?\b|km\b", "length-kilometer"),
    (r"met(?:re|er)s\b", "length-meter"),
    (r"miles?\b", "length-mile"),
    (r"kilograms?\b|kg\b", "mass-kilogram"),
)
_DIMENSIONS = {
    "long": "length",
    "wide": "width",
    "deep": "depth",
    "high": "height",
    "tall": "height",
}

_MONEY_BEFORE = _LazyPattern(
    r"(?<![\w$])(?P<cur>US\s?\$|(?i:USD|KHR|KRW)\s?|\$|₩|៛)\s?(?P<num>"
    + _DIGITS
    + r")"
    + _SCALE
    + _AFTER
)
_MONEY_AFTER = _LazyPattern(
    _NUMBER + r"\s+(?P<cur>(?i:US dollars|dollars|riels?)|won|USD|KHR|KRW)\b"
)
_MEASURE = _LazyPattern(
    _NUMBER
    + r"\s?(?P<unit>"
    + _ALT(f"(?:{pattern})" for pattern, _ in _UNITS)
    + rf")(?:\s+(?P<dim>{_ALT(_DIMENSIONS)})\b)?"
)
_PERCENT = _LazyPattern(_BEFORE + rf"(?P<num>{_DIGITS})\s?(?:%|(?i:per\s?cent|percent)\b)")
_DATE_DAY_FIRST = _LazyPattern(rf"\b{_DAY}\s+{_MONTH}(?:,?\s+(?P<year>{_YEAR}))?\b")
_DATE_MONTH_FIRST = _LazyPattern(
    rf"\b{_MONTH}(?:\s+{_DAY}(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>{_YEAR}))?\b{_AFTER}"
)
_DATE_RELATIVE = _LazyPattern(rf"\b{_MONTH}\s+(?P<rel>last|this|next)\s+year\b")
_YEARS_FROM = _LazyPattern(
    rf"(?:\b(?P<from>[Ff]rom)\s+)?{_BEFORE}(?P<y1>{_YEAR})\s+"
    rf"(?:through\s+to|through|to|until|till)\s+(?P<y2>{_YEAR})\b{_AFTER}"
)
_YEARS_SPAN = _LazyPattern(rf"{_BEFORE}(?P<y1>{_YEAR})\s?[/–—-]\s?(?P<y2>\d{{4}}|\d\d)\b{_AFTER}")
_DECADE = _LazyPattern(rf"{_BEFORE}(?P<y>(?:1[5-9]|20)\d0)['’]?s\b")
_YEAR_ALONE = _LazyPattern(rf"{_BEFORE}(?P<y>{_YEAR}){_AFTER}")
_ORDINAL_DIGITS = _LazyPattern(
    rf"{_BEFORE}(?P<n>\d+)(?P<suffix>st|nd|rd|th)\b(?:\s+(?P<ann>anniversary)\b)?"
)
_ORDINAL_WORDS = _LazyPattern(
    rf"\b(?P<w>(?:(?:{_ALT(_TENS)})-)?(?:{_ALT(sorted(_ORDINAL_VALUE, key=len, reverse=True))}))"
    r"\b(?!-)(?:\s+(?P<ann>anniversary)\b)?"
)
_COUNT = _LazyPattern(_NUMBER + r"(?:\s+(?P<more>more)\b(?!\s+than))?" + _AFTER)
_VAGUE = _LazyPattern(
    r"\b(?:(?P<several>[Ss]everal|[Aa] few)\s+(?P<unit>hundreds?|thousands?|dozens?)\b"
    r"|(?P<tens>[Tt]ens of thousands)\b"
    r"|(?P<many>[Hh]undreds|[Tt]housands|[Mm]illions|[Dd]ozens)(?=\s+of\b))"
)
_NEXT_WORD = _LazyPattern(r"\s+(?:of\s+)?([A-Za-z][A-Za-z’'-]*)")

# The counted noun after a number, and the counter Korean and Khmer use for it.
_NOUNS = {
    "person": (
        "people persons workers students children women men girls boys adults migrants "
        "refugees residents tourists visitors soldiers troops employees staff teachers "
        "doctors nurses patients farmers victims voters members citizens "
        "labourers laborers"
    ),
    "dignitary": "presidents leaders officials ministers ambassadors delegates monks",
    "company": "companies firms enterprises businesses factories",
    "project": "projects",
    "country": "countries nations",
    "couple": "couples",
    "family": "families households",
    "time": "times",
}
_NOUN_CLASS = {noun: cls for cls, nouns in _NOUNS.items() for noun in nouns.split()}
_COUNTERS = {  # class: (Korean counter, Khmer classifier)
    "person": ("명", "នាក់"),
    "dignitary": ("명", "រូប"),
    "company": ("개", "ក្រុមហ៊ុន"),
    "project": ("건", "គម្រោង"),
    "country": ("개국", "ប្រទេស"),
    "couple": ("쌍", "គូ"),
    "family": ("가구", "គ្រួសារ"),
    "time": ("번", "ដង"),
}


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order, non-overlapping (leftmost-longest)."""
    candidates = sorted(
        ((f.start, -f.end, priority, f) for priority, f in _candidates(text)),
        key=lambda c: c[:3],
    )
    figures: list[Figure] = []
    reach = 0
    for start, negative_end, _rank, figure in candidates:
        if start >= reach:
            figures.append(figure)
            reach = -negative_end
    return figures


def outside_figures(links: Sequence[Link], figures: Sequence[Figure]) -> list[Link]:
    """`links` less those inside a figure: "million" in "US$17 million" and "anniversary"
    in "23rd anniversary" are part of the figure, which is rendered whole."""
    if not figures:
        return list(links)
    return [
        link
        for link in links
        if not any(f.start <= link.start and link.end <= f.end for f in figures)
    ]


def _candidates(text: str) -> Iterator[tuple[int, Figure]]:
    """(priority, figure) for every pattern that matches; lower priority wins a tie."""
    finders: tuple[tuple[_LazyPattern, Callable[[str, re.Match[str]], Figure | None]], ...]
    finders = (
        (_MONEY_BEFORE, _money),
        (_MONEY_AFTER, _money),
        (_MEASURE, _measure),
        (_PERCENT, _percent),
        (_DATE_RELATIVE, _date),
        (_DATE_DAY_FIRST, _date),
        (_DATE_MONTH_FIRST, _date),
        (_YEARS_FROM, _years),
        (_YEARS_SPAN, _years),
        (_DECADE, _decade),
        (_ORDINAL_DIGITS, _ordinal),
        (_ORDINAL_WORDS, _ordinal),
        (_VAGUE, _vague),
        (_COUNT, _count),
        (_YEAR_ALONE, _year),
    )
    for priority, (pattern, make) in enumerate(finders):
        for match in pattern.finditer(text):
            figure = make(text, match)
            if figure is not None:
                # A count with a counted noun beats a bare year ("1500 workers").
                yield (-1 if figure.kind is Kind.COUNT and figure.unit else priority), figure


def _figure(
    text: str,
    match: re.Match[str],
    kind: Kind,
    value: Decimal,
    qualified: bool = False,
    **fields: object,
) -> Figure:
    """The figure `match` found; `qualified`: take in a qualifier right before it."""
    start, end = match.span()
    if qualified and "qualifier" not in fields:
        before = _QUALIFIER_BEFORE.search(text, max(0, start - 20), start)
        if before is not None:
            start = before.start()
            fields["qualifier"] = _QUALIFIERS[" ".join(before[0].lower().split())]
    return Figure(start, end, kind, value, text[start:end], **fields)  # type: ignore[arg-type]


def _number(match: re.Match[str]) -> tuple[Decimal, bool]:
    """The value of the `num` (and `scale`) groups, and whether it was spelled out."""
    raw = match["num"]
    scale = Decimal(_SCALES[match["scale"].lower()]) if match.groupdict().get("scale") else 1
    if raw[0].isdigit():
        return Decimal(raw.replace(",", "")) * scale, False
    tens, _, unit = raw.lower().partition("-")
    return Decimal(_WORD_VALUE[tens] + (_WORD_VALUE[unit] if unit else 0)) * scale, True


def _money(text: str, match: re.Match[str]) -> Figure:
    value, spelled = _number(match)
    currency = _CURRENCIES[match["cur"].lower().replace(" ", "")]
    return _figure(text, match, Kind.MONEY, value, True, unit=currency, spelled=spelled)


def _measure(text: str, match: re.Match[str]) -> Figure:
    value, spelled = _number(match)
    unit = next(u for pattern, u in _UNITS if re.fullmatch(pattern, match["unit"]))
    dimension = _DIMENSIONS.get(match["dim"] or "", "")
    return _figure(
        text,
        match,
        Kind.MEASURE,
        value,
        True,
        unit=unit,
        style=dimension,
        spelled=spelled,
    )


def _percent(text: str, match: re.Match[str]) -> Figure:
    value = Decimal(match["num"].replace(",", ""))
    return _figure(text, match, Kind.PERCENT, value, True)


def _date(text: str, match: re.Match[str]) -> Figure | None:
    groups = match.groupdict()
    month = _MONTHS.index(match["month"]) + 1
    day = int(groups.get("day") or 0)
    year = int(groups.get("year") or 0)
    relative = groups.get("rel") or ""
    if not (year or day or relative) or day > 31:
        return None  # a month alone ("in October", "May") is not a figure
    return _figure(text, match, Kind.DATE, Decimal(year), month=month, day=day, relative=relative)


def _years(text: str, match: re.Match[str]) -> Figure | None:
    first, last = int(match["y1"]), match["y2"]
    until = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if until <= first:
        return None  # "2019/18" is not a range of years
    style = "from" if match.groupdict().get("from") else "span"
    return _figure(text, match, Kind.YEARS, Decimal(first), until=until, style=style)


def _decade(text: str, match: re.Match[str]) -> Figure:
    return _figure(text, match, Kind.DECADE, Decimal(match["y"]))


def _year(text: str, match: re.Match[str]) -> Figure:
    return _figure(text, match, Kind.YEAR, Decimal(match["y"]))


def _ordinal(text: str, match: re.Match[str]) -> Figure | None:
    groups = match.groupdict()
    if groups.get("n"):
        value, spelled = int(match["n"]), False
        if _english_suffix(value) != match["suffix"]:
            return None  # "23th" is a typo or a code, not an ordinal
    else:
        word = match["w"]
        if word == "first" or _ignored_ordinal(text, match.start()):
            return None
        tens, _, unit = word.partition("-")
        value = (_WORD_VALUE[tens] + _ORDINAL_VALUE[unit]) if unit else _ORDINAL_VALUE[word]
        spelled = True
    before = text[max(0, match.start() - 12) : match.start()].lower().split()
    if match["ann"]:
        use = "anniversary"
    elif before and before[-1] in ("ranked", "ranks", "rank", "placed", "finished", "came"):
        use = "rank"
    else:
        use = ""
    return _figure(text, match, Kind.ORDINAL, Decimal(value), unit=use, spelled=spelled)


def _english_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _ignored_ordinal(text: str, start: int) -> bool:
    """`a second`, `one third`, `per second`: a unit or a fraction, not an ordinal."""
    before = text[max(0, start - 8) : start].lower().split()
    return bool(before) and before[-1] in ("a", "an", "one", "per", "split", "two", "three")


def _vague(text: str, match: re.Match[str]) -> Figure:
    if match["tens"]:
        value, qualifier = 10_000, "many"
    else:
        word = (match["unit"] or match["many"]).lower().rstrip("s")
        value = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6}[word]
        qualifier = "several" if match["several"] else "many"
    if value == 12:
        value = 10  # dozens: 수십, រាប់សិប
    return _figure(
        text,
        match,
        Kind.COUNT,
        Decimal(value),
        unit=_counter(text, match.end()),
        qualifier=qualifier,
        spelled=True,
    )


def _count(text: str, match: re.Match[str]) -> Figure | None:
    value, spelled = _number(match)
    counter = _counter(text, match.end())
    if spelled and value < 3 and not match["scale"]:
        return None  # one and two name rather than count: one day, the two Koreas
    if re.fullmatch(_YEAR, match["num"]) and not (counter or match["scale"]):
        return None  # a year
    more = {"qualifier": "additional"} if match["more"] else {}  # ten more projects
    return _figure(text, match, Kind.COUNT, value, True, unit=counter, spelled=spelled, **more)


def _counter(text: str, end: int) -> str:
    """The counter class of the noun counted after `end` (`250 Korean companies`)."""
    position = end
    for _word_index in range(4):
        word = _NEXT_WORD.match(text, position)
        if word is None:
            return ""
        noun = word[1].lower()
        if noun in _NOUN_CLASS:
            return _NOUN_CLASS[noun]
        if word[1][0].isupper() and noun.endswith("ans") and len(noun) > 4:
            return "person"  # Cambodians, Koreans
        position = word.end()
    return ""


# --- rendering -------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)  # a page redraw renders its figures again
def render_figure(figure: Figure, lang: str) -> Rendering:
    """How `figure` is written in Khmer (`km`) or Korean (`ko`)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    korean = lang == "ko"
    match figure.kind:
        case Kind.MONEY:
            return _ko_money(figure) if korean else _km_money(figure)
        case Kind.COUNT:
            return _ko_count(figure) if korean else _km_count(figure)
        case Kind.MEASURE:
            return _ko_measure(figure) if korean else _km_measure(figure)
        case Kind.PERCENT:
            return _percent_text(figure, lang)
        case Kind.YEAR | Kind.YEARS | Kind.DECADE:
            return _ko_years(figure) if korean else _km_years(figure)
        case Kind.DATE:
            return _ko_date(figure) if korean else _km_date(figure)
        case Kind.ORDINAL:
            return _ko_ordinal(figure) if korean else _km_ordinal(figure)
    raise AssertionError(figure.kind)  # pragma: no cover


def figure_gloss(figure: Figure, langs: Sequence[str] = LANGS) -> str:
    """`៣០ម៉ឺនដុល្លារ · 30만 달러`: the renderings in `langs`, for an interlinear gloss."""
    return " · ".join(render_figure(figure, lang).text for lang in langs)


def figure_card(figure: Figure) -> str:
    """A few lines for a card: the English surface, then each language with its note."""
    lines = [figure.surface]
    for lang in LANGS:
        rendering = render_figure(figure, lang)
        lines.append(f"{lang}  {rendering.text}")
        if rendering.note:
            lines.append(f"    {rendering.note}")
    return "\n".join(lines)


def _also(forms: Sequence[str], lang: str) -> str:
    from glossary.l10n import join

    if not forms:
        return ""
    return _("also written {forms}").format(forms=join(forms, lang, style="standard-short"))


def _notes(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


# Korean -------------------------------------------------------------------------------

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
_RELATIVE_NOTES = {
    "last": N_("relative to when the text was written (last year)"),
    "this": N_("relative to when the text was written (this year)"),
    "next": N_("relative to when the text was written (next year)"),
}


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
    return Rendering(
        text, _notes(_ko_money_note(figure), _ko_more_note(figure), _also(forms, "ko"))
    )


def _ko_money_note(figure: Figure) -> str:
    explicit = re.search(r"US\s?\$|USD|US dollars", figure.surface, re.IGNORECASE)
    return "" if figure.unit != "USD" or explicit else _("'$' taken as US dollars")


def _ko_count(figure: Figure) -> Rendering:
    counter = _COUNTERS.get(figure.unit, ("", ""))[0]
    if figure.qualifier in ("several", "many"):
        return Rendering(_ko_with(_KO_VAGUE[int(figure.value)], counter))
    number = korean_number(figure.value)
    text = _ko_qualified(_ko_with(number, counter), figure.qualifier)
    forms = [_ko_with(number + "여", counter)] if figure.qualifier == "more" else []
    note = "" if counter else _("no counter: the counted noun is unclear")
    return Rendering(text, _notes(note, _ko_more_note(figure), _also(forms, "ko")))


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
    return Rendering(text, _also(forms, "ko"))


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
        return Rendering(f"{_KO_RELATIVE[figure.relative]} {month}", _relative_note(figure))
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


# Khmer --------------------------------------------------------------------------------

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
    return Rendering(text, _also(forms, "km"))


def _km_count(figure: Figure) -> Rendering:
    counter = _COUNTERS.get(figure.unit, ("", ""))[1]
    if figure.qualifier in ("several", "many"):
        prefix = "ច្រើន" if figure.qualifier == "several" else "រាប់"
        return Rendering(prefix + _KM_VAGUE_UNIT[int(figure.value)] + counter)
    text = _km_qualified(khmer_number(figure.value) + counter, figure.qualifier)
    forms = [_km_qualified(f, figure.qualifier) for f in _km_digits_form(figure, counter)]
    forms = [f for f in forms if f != text]
    note = "" if counter else _("no classifier: the counted noun is unclear")
    return Rendering(text, _notes(note, _also(forms, "km")))


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
        return Rendering(f"{month} ឆ្នាំ{_KM_RELATIVE[figure.relative]}", _relative_note(figure))
    year = f" ឆ្នាំ{khmer_digits(str(int(figure.value)))}" if figure.value else ""
    return Rendering(day + month + year)


def _km_ordinal(figure: Figure) -> Rendering:
    n = khmer_digits(str(int(figure.value)))
    if figure.unit == "anniversary":
        return Rendering(f"ខួបលើកទី{n}")
    if figure.unit == "rank":
        return Rendering(f"លេខ{n}", f"ranked: ជាប់លេខ{n}")
    return Rendering(f"ទី{n}")


def _percent_text(figure: Figure, lang: str) -> Rendering:
    from babel.numbers import format_decimal

    if lang == "ko":
        text = format_decimal(figure.value, locale="ko") + "%"
        return Rendering(_ko_qualified(text, figure.qualifier))
    text = khmer_decimal(figure.value) + " ភាគរយ"
    return Rendering(
        _km_qualified(text, figure.qualifier), _also([khmer_decimal(figure.value) + "%"], "km")
    )


def _relative_note(figure: Figure) -> str:
    return _(_RELATIVE_NOTES[figure.relative]) if figure.relative in _RELATIVE_NOTES else ""
