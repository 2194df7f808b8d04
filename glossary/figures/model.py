"""A figure found in a text, and a figure as a Khmer or Korean writer writes it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import StrEnum

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
