"""Helpers for the progress tests of the app: a settable clock and what the app tells."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reader.screens.reading import ReadingScreen

START = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand: the app's reading time, read marks and days."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def reading(app) -> ReadingScreen:
    return next(s for s in app.screen_stack if isinstance(s, ReadingScreen))


def notices(app) -> list[str]:
    """Every notification the app has shown (and not yet dismissed)."""
    return [str(n.message) for n in app._notifications]
