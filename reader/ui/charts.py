"""Charts drawn with text: horizontal bars in eighths of a cell, and daily series.

Pure functions, no Textual: the statistics screen styles what they return.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from reader.progress import DayStats

EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"


def bar(value: float, maximum: float, width: int) -> str:
    """A bar `width` cells wide at most, `value / maximum` of it filled, padded with
    spaces to `width`. Any value above zero shows at least a sliver."""
    if width <= 0:
        return ""
    if maximum <= 0 or value <= 0:
        return " " * width
    eighths = max(1, round(min(value / maximum, 1.0) * width * 8))
    full, rest = divmod(eighths, 8)
    drawn = FULL * full + (EIGHTHS[rest] if rest else "")
    return drawn.ljust(width)


def last_days(days: Iterable[DayStats], today: date, count: int) -> list[DayStats]:
    """The `count` days up to `today`, oldest first; days without reading are zeros."""
    by_day = {day.day: day for day in days}
    first = today - timedelta(days=count - 1)
    dates = (first + timedelta(days=n) for n in range(count))
    return [by_day.get(day, DayStats(day)) for day in dates]
