"""SQL for terms (learning status, lookups) and daily totals. Callers hold the transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from reader.progress.models import DayStats, TermRecord, TermStatus
from reader.progress.times import from_epoch, maybe_from_epoch

_TERM_COLUMNS = "entry_id, status, lookups, first_seen, status_at"


def see_terms(connection: sqlite3.Connection, entry_ids: Iterable[str], now: float) -> int:
    """Record terms as seen (status NEW) unless already known; return how many were new."""
    before = connection.total_changes
    connection.executemany(
        "INSERT INTO terms (entry_id, first_seen) VALUES (?, ?) ON CONFLICT DO NOTHING",
        ((entry_id, now) for entry_id in entry_ids),
    )
    return connection.total_changes - before


def count_lookup(connection: sqlite3.Connection, entry_id: str, now: float) -> None:
    """One more lookup, counted in SQL so that concurrent Tonles add up."""
    connection.execute(
        "INSERT INTO terms (entry_id, lookups, first_seen) VALUES (?, 1, ?)"
        " ON CONFLICT(entry_id) DO UPDATE SET lookups = lookups + 1",
        (entry_id, now),
    )


def set_status(
    connection: sqlite3.Connection, entry_id: str, status: TermStatus, now: float
) -> None:
    connection.execute(
        "INSERT INTO terms (entry_id, status, first_seen, status_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(entry_id) DO UPDATE SET status = excluded.status,"
        " status_at = excluded.status_at",
        (entry_id, int(status), now, now),
    )


def load_terms(connection: sqlite3.Connection, entry_id: str | None = None) -> list[TermRecord]:
    """Every stored term (or the one asked for), by id."""
    where, args = ("WHERE entry_id = ?", (entry_id,)) if entry_id else ("", ())
    rows = connection.execute(f"SELECT {_TERM_COLUMNS} FROM terms {where} ORDER BY entry_id", args)
    return [term_record(row) for row in rows.fetchall()]


def term_record(row: tuple[Any, ...]) -> TermRecord:
    entry_id, status, lookups, first_seen, status_at = row
    return TermRecord(
        entry_id=entry_id,
        status=_status(status),
        lookups=int(lookups),
        first_seen=from_epoch(first_seen),
        status_at=maybe_from_epoch(status_at),
    )


def _status(value: int) -> TermStatus:
    # A level written by a future version is shown as NEW rather than crashing the reader.
    try:
        return TermStatus(value)
    except ValueError:
        return TermStatus.NEW


def load_days(connection: sqlite3.Connection, since: date | None = None) -> list[DayStats]:
    """Daily totals in date order, from `since` (inclusive) when given."""
    rows = connection.execute(
        "SELECT day, paragraphs, words, seconds FROM days WHERE day >= ? ORDER BY day",
        ((since or date.min).isoformat(),),
    )
    return [
        DayStats(date.fromisoformat(day), int(paragraphs), int(words), float(seconds))
        for day, paragraphs, words, seconds in rows.fetchall()
    ]


def count_documents(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
