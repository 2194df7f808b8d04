"""`ReviewStore`: spaced review's cards and log, in the progress database.

Reached as `ProgressStore.reviews`; it shares the store's connection, lock and
transactions, so it keeps the store's contract: every rating and every undo is one
transaction, on disk (WAL, synchronous=FULL) once the method returns; a storage error
is reported through the store and the method returns its "failed" value.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Protocol, TypeVar

from reader.progress import sql_review as sql
from reader.progress.review_models import CardState, Rated, ReviewStats
from reader.progress.summary import streak_of
from reader.progress.times import local_day, to_epoch

FORECAST_DAYS = 30
T = TypeVar("T")


class Transactions(Protocol):
    """What the review store needs of `ProgressStore` (named so, without importing it)."""

    def read(self, work: Callable[[sqlite3.Connection], T], failed: T) -> T: ...
    def write(self, work: Callable[[sqlite3.Connection], T], failed: T) -> T: ...


def day_end(moment: datetime) -> float:
    """Unix seconds of the next local midnight after `moment` (the end of its day)."""
    tomorrow = local_day(moment) + timedelta(days=1)
    return to_epoch(datetime.combine(tomorrow, time()).astimezone())


class ReviewStore:
    """Cards by (entry id, kind); the clock is the store's."""

    def __init__(self, store: Transactions, clock: Callable[[], datetime]) -> None:
        self._store, self._clock = store, clock

    def card(self, entry_id: str, kind: str) -> CardState | None:
        return self._store.read(lambda c: sql.load_card(c, entry_id, kind), None)

    def card_days(self) -> dict[tuple[str, str], date]:
        """Every card rated at least once (suspended ones too), with the day it began."""
        none: dict[tuple[str, str], date] = {}
        return self._store.read(sql.card_days, none)

    def today(self) -> date:
        """The reader's local day by the store's clock."""
        return local_day(self._clock())

    def due(self, learn_ahead: timedelta = timedelta(0)) -> list[CardState]:
        """Cards due now, earliest first (learning cards up to `learn_ahead` early)."""
        now = self._clock()
        learn_until, end = to_epoch(now + learn_ahead), day_end(now)
        return self._store.read(lambda c: sql.due_cards(c, learn_until, end), [])

    def new_today(self) -> int:
        """Cards first rated today (the cap on new cards a day counts these)."""
        today = local_day(self._clock())
        return self._store.read(lambda c: sql.new_on(c, today), 0)

    def rate(
        self, before: CardState | None, after: CardState, rating: int, duration_ms: int | None
    ) -> Rated | None:
        """Write one rating (card, log and term status at once); None if it was not saved."""
        return self._store.write(
            lambda c: sql.record_rating(c, before, after, rating, duration_ms), None
        )

    def undo(self, review_id: int) -> bool:
        """Take back the rating logged as `review_id`; False if it could not be."""
        return self._store.write(lambda c: _undo(c, review_id), False)

    def stats(self, days: int = FORECAST_DAYS) -> ReviewStats:
        """The figures of `--stats`: totals, retention, streak, per-day reviews, forecast."""
        now = self._clock()
        today = local_day(now)
        first = today - timedelta(days=days - 1)
        horizon = to_epoch(datetime.combine(today + timedelta(days=days), time()).astimezone())

        def read(c: sqlite3.Connection) -> ReviewStats:
            figures = sql.counts(c, day_end(now), today)
            return _stats(
                figures,
                sql.review_days(c),
                sql.reviews_by_day(c, first),
                sql.due_by_day(c, horizon),
                today,
                days,
            )

        empty = ReviewStats(0, 0, 0, None, 0, 0)
        return self._store.read(read, empty)


def _undo(connection: sqlite3.Connection, review_id: int) -> bool:
    exists = connection.execute("SELECT 1 FROM reviews WHERE id = ?", (review_id,)).fetchone()
    sql.undo_rating(connection, review_id)
    return exists is not None


def _stats(
    figures: dict[str, int],
    active: set[date],
    done: dict[date, int],
    due: dict[date, int],
    today: date,
    days: int,
) -> ReviewStats:
    overdue = sum(n for day, n in due.items() if day < today)
    ahead = sql.day_range(today, days)
    forecast = [(day, due.get(day, 0) + (overdue if day == today else 0)) for day in ahead]
    past = sql.day_range(today - timedelta(days=days - 1), days)
    mature = figures["mature"]
    return ReviewStats(
        reviews=figures["reviews"],
        due=figures["due"],
        cards=figures["cards"],
        retention=figures["passed"] / mature if mature else None,
        streak=streak_of(active, today),
        today=figures["today"],
        forecast=tuple(forecast),
        per_day=tuple((day, done.get(day, 0)) for day in past),
    )
