"""Finding figures: every pattern's matches become candidates, and the leftmost-longest
ones are kept. One function per kind reads its match into a `Figure`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from glossary.figures import patterns
from glossary.figures.english import (
    CURRENCIES,
    DIMENSIONS,
    MONTHS,
    NOT_ORDINAL_AFTER,
    NOUN_CLASS,
    ORDINAL_VALUE,
    QUALIFIERS,
    RANK_WORDS,
    SCALES,
    UNITS,
    VAGUE,
    WORD_VALUE,
)
from glossary.figures.model import Figure, Kind

if TYPE_CHECKING:  # the reader imports figures before its first paint; the linker later
    from glossary.linker import Link


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
    finders: tuple[tuple[patterns.LazyPattern, Callable[[str, re.Match[str]], Figure | None]], ...]
    finders = (
        (patterns.MONEY_BEFORE, _money),
        (patterns.MONEY_AFTER, _money),
        (patterns.MEASURE, _measure),
        (patterns.PERCENT, _percent),
        (patterns.DATE_RELATIVE, _date),
        (patterns.DATE_DAY_FIRST, _date),
        (patterns.DATE_MONTH_FIRST, _date),
        (patterns.YEARS_FROM, _years),
        (patterns.YEARS_SPAN, _years),
        (patterns.DECADE, _decade),
        (patterns.ORDINAL_DIGITS, _ordinal),
        (patterns.ORDINAL_WORDS, _ordinal),
        (patterns.VAGUE_AMOUNT, _vague),
        (patterns.COUNT, _count),
        (patterns.YEAR_ALONE, _year),
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
        before = patterns.QUALIFIER_BEFORE.search(text, max(0, start - 20), start)
        if before is not None:
            start = before.start()
            fields["qualifier"] = QUALIFIERS[" ".join(before[0].lower().split())]
    return Figure(start, end, kind, value, text[start:end], **fields)  # type: ignore[arg-type]


def _number(match: re.Match[str]) -> tuple[Decimal, bool]:
    """The value of the `num` (and `scale`) groups, and whether it was spelled out."""
    raw = match["num"]
    scale = Decimal(SCALES[match["scale"].lower()]) if match.groupdict().get("scale") else 1
    if raw[0].isdigit():
        return Decimal(raw.replace(",", "")) * scale, False
    tens, _, unit = raw.lower().partition("-")
    return Decimal(WORD_VALUE[tens] + (WORD_VALUE[unit] if unit else 0)) * scale, True


def _money(text: str, match: re.Match[str]) -> Figure:
    value, spelled = _number(match)
    currency = CURRENCIES[match["cur"].lower().replace(" ", "")]
    return _figure(text, match, Kind.MONEY, value, True, unit=currency, spelled=spelled)


def _measure(text: str, match: re.Match[str]) -> Figure:
    value, spelled = _number(match)
    unit = next(u for pattern, u in UNITS if re.fullmatch(pattern, match["unit"]))
    dimension = DIMENSIONS.get(match["dim"] or "", "")
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
    month = MONTHS.index(match["month"]) + 1
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
        value = (WORD_VALUE[tens] + ORDINAL_VALUE[unit]) if unit else ORDINAL_VALUE[word]
        spelled = True
    before = text[max(0, match.start() - 12) : match.start()].lower().split()
    if match["ann"]:
        use = "anniversary"
    elif before and before[-1] in RANK_WORDS:
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
    return bool(before) and before[-1] in NOT_ORDINAL_AFTER


def _vague(text: str, match: re.Match[str]) -> Figure:
    if match["tens"]:
        value, qualifier = 10_000, "many"
    else:
        word = (match["unit"] or match["many"]).lower().rstrip("s")
        value = VAGUE[word]
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
    if re.fullmatch(patterns.YEAR, match["num"]) and not (counter or match["scale"]):
        return None  # a year
    more = {"qualifier": "additional"} if match["more"] else {}  # ten more projects
    return _figure(text, match, Kind.COUNT, value, True, unit=counter, spelled=spelled, **more)


def _counter(text: str, end: int) -> str:
    """The counter class of the noun counted after `end` (`250 Korean companies`)."""
    position = end
    for _word_index in range(4):
        word = patterns.NEXT_WORD.match(text, position)
        if word is None:
            return ""
        noun = word[1].lower()
        if noun in NOUN_CLASS:
            return NOUN_CLASS[noun]
        if word[1][0].isupper() and noun.endswith("ans") and len(noun) > 4:
            return "person"  # Cambodians, Koreans
        position = word.end()
    return ""
