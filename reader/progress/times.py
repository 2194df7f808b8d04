"""Conversions between the store's Unix seconds, aware datetimes, local days and ISO text."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now_utc() -> datetime:
    """The default clock of the store."""
    return datetime.now(UTC)


def to_epoch(moment: datetime) -> float:
    """Unix seconds; a naive datetime is taken as local time (Python's rule)."""
    return moment.timestamp()


def from_epoch(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def maybe_from_epoch(seconds: float | None) -> datetime | None:
    return None if seconds is None else from_epoch(seconds)


def local_day(moment: datetime) -> date:
    """The reader's calendar day at `moment` (days and streaks follow the local clock)."""
    return moment.astimezone().date()


def to_iso(moment: datetime) -> str:
    """`2025-01-03T14:02:05.250000+00:00`: UTC, microseconds kept so round trips are exact."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    """An aware datetime from ISO 8601 text; a time without offset is taken as UTC.

    Raises ValueError for anything else.
    """
    moment = datetime.fromisoformat(text)
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    try:  # 9999-12-31T23:59:59-12:00 parses but has no UTC time: refuse it here, once
        in_utc = moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"date-time out of range: {text!r}") from None
    if not 1900 <= in_utc.year <= 9000:
        raise ValueError(f"date-time out of range: {text!r}")
    return moment
