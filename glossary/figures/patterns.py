"""The patterns that find figures, built from the English words in `english.py`.

A pattern is compiled on first use: the reader imports figures before its first paint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from glossary.figures.english import (
    DIMENSIONS,
    MONTHS,
    ORDINAL_VALUE,
    QUALIFIERS,
    SCALES,
    SMALL,
    TENS,
    UNITS,
)


class LazyPattern:
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


ALT = "|".join
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SPELLED = rf"(?:(?:{ALT(TENS)})(?:-(?:{ALT(SMALL[1:10])}))?|{ALT(SMALL[1:])})"
SCALE = rf"(?:\s+(?P<scale>{ALT(SCALES)}))?"
BEFORE = r"(?<![\w.,/:$£€₩៛-])"  # not inside a code (COVID-19), a ratio or an amount
AFTER = r"(?![\w%]|[.,/:]\d)"
NUMBER = rf"{BEFORE}(?P<num>{DIGITS}|(?i:{SPELLED})\b){SCALE}"
# A qualifier is looked for just before a number (matching it at every position of a
# text as an optional prefix made every pattern several times slower).
QUALIFIER_BEFORE = LazyPattern(rf"(?<![\w-])(?i:{ALT(QUALIFIERS)})\s+$")
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
MONTH = rf"(?P<month>{ALT(MONTHS)})"
DAY = r"(?P<day>[0-3]?\d)"
MONEY_BEFORE = LazyPattern(
    r"(?<![\w$])(?P<cur>US\s?\$|(?i:USD|KHR|KRW)\s?|\$|₩|៛)\s?(?P<num>"
    + DIGITS
    + r")"
    + SCALE
    + AFTER
)
MONEY_AFTER = LazyPattern(NUMBER + r"\s+(?P<cur>(?i:US dollars|dollars|riels?)|won|USD|KHR|KRW)\b")
MEASURE = LazyPattern(
    NUMBER
    + r"\s?(?P<unit>"
    + ALT(f"(?:{pattern})" for pattern, _ in UNITS)
    + rf")(?:\s+(?P<dim>{ALT(DIMENSIONS)})\b)?"
)
PERCENT = LazyPattern(BEFORE + rf"(?P<num>{DIGITS})\s?(?:%|(?i:per\s?cent|percent)\b)")
DATE_DAY_FIRST = LazyPattern(rf"\b{DAY}\s+{MONTH}(?:,?\s+(?P<year>{YEAR}))?\b")
DATE_MONTH_FIRST = LazyPattern(
    rf"\b{MONTH}(?:\s+{DAY}(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>{YEAR}))?\b{AFTER}"
)
DATE_RELATIVE = LazyPattern(rf"\b{MONTH}\s+(?P<rel>last|this|next)\s+year\b")
YEARS_FROM = LazyPattern(
    rf"(?:\b(?P<from>[Ff]rom)\s+)?{BEFORE}(?P<y1>{YEAR})\s+"
    rf"(?:through\s+to|through|to|until|till)\s+(?P<y2>{YEAR})\b{AFTER}"
)
YEARS_SPAN = LazyPattern(rf"{BEFORE}(?P<y1>{YEAR})\s?[/–—-]\s?(?P<y2>\d{{4}}|\d\d)\b{AFTER}")
DECADE = LazyPattern(rf"{BEFORE}(?P<y>(?:1[5-9]|20)\d0)['’]?s\b")
YEAR_ALONE = LazyPattern(rf"{BEFORE}(?P<y>{YEAR}){AFTER}")
ORDINAL_DIGITS = LazyPattern(
    rf"{BEFORE}(?P<n>\d+)(?P<suffix>st|nd|rd|th)\b(?:\s+(?P<ann>anniversary)\b)?"
)
ORDINAL_WORDS = LazyPattern(
    rf"\b(?P<w>(?:(?:{ALT(TENS)})-)?(?:{ALT(sorted(ORDINAL_VALUE, key=len, reverse=True))}))"
    r"\b(?!-)(?:\s+(?P<ann>anniversary)\b)?"
)
COUNT = LazyPattern(NUMBER + r"(?:\s+(?P<more>more)\b(?!\s+than))?" + AFTER)
VAGUE_AMOUNT = LazyPattern(
    r"\b(?:(?P<several>[Ss]everal|[Aa] few)\s+(?P<unit>hundreds?|thousands?|dozens?)\b"
    r"|(?P<tens>[Tt]ens of thousands)\b"
    r"|(?P<many>[Hh]undreds|[Tt]housands|[Mm]illions|[Dd]ozens)(?=\s+of\b))"
)
NEXT_WORD = LazyPattern(r"\s+(?:of\s+)?([A-Za-z][A-Za-z’'-]*)")
