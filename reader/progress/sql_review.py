"""SQL for spaced review: cards, the review log, undo and the figures of `--stats`.

Callers hold the transaction (see `ProgressStore`); times are Unix seconds, days local
`YYYY-MM-DD` text, as everywhere in the store. A card of an ignored term is suspended:
the due query and the counts leave it out (see review_models for the rules).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from typing import Any

from reader.progress.models import TermStatus
from reader.progress.review_models import STATE_REVIEW, CardState, Rated, status_for_stability
from reader.progress.sql_activity import set_status
from reader.progress.times import from_epoch, maybe_from_epoch, to_epoch

_COLUMNS = (
    "entry_id, kind, card_id, state, step, stability, difficulty, due, last_review, created_day"
)
_ACTIVE = (
    "NOT EXISTS (SELECT 1 FROM terms t WHERE t.entry_id = cards.entry_id AND t.status = "
    f"{int(TermStatus.IGNORED)})"
)
_MARKS = ", ".join("?" * len(_COLUMNS.split(", ")))
_LOCAL_DAY = "date(due, 'unixepoch', 'localtime')"


def _row(state: CardState) -> tuple[Any, ...]:
    return (
        state.entry_id,
        state.kind,
        state.card_id,
        state.state,
        state.step,
        state.stability,
        state.difficulty,
        to_epoch(state.due),
        None if state.last_review is None else to_epoch(state.last_review),
        state.created_day.isoformat(),
    )


def _state(row: Any) -> CardState:
    entry_id, kind, card_id, state, step, stability, difficulty, due, last, created = row
    return CardState(
        entry_id,
        kind,
        int(card_id),
        int(state),
        step,
        stability,
        difficulty,
        from_epoch(due),
        maybe_from_epoch(last),
        date.fromisoformat(created),
    )


def load_card(connection: sqlite3.Connection, entry_id: str, kind: str) -> CardState | None:
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM cards WHERE entry_id = ? AND kind = ?", (entry_id, kind)
    ).fetchone()
    return None if row is None else _state(row)


def card_days(connection: sqlite3.Connection) -> dict[tuple[str, str], date]:
    """Every card that exists (rated at least once; suspended too) and its first day."""
    rows = connection.execute("SELECT entry_id, kind, created_day FROM cards")
    return {(e, k): date.fromisoformat(day) for e, k, day in rows}


def due_cards(
    connection: sqlite3.Connection, learn_until: float, day_end: float
) -> list[CardState]:
    """Cards due, earliest first: a card past learning is due on its day (due before
    `day_end`, the end of today), a learning card at its time (due by `learn_until`)."""
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM cards WHERE due < ? AND (state = {STATE_REVIEW} OR due <= ?)"
        f" AND {_ACTIVE} ORDER BY due",
        (day_end, learn_until),
    )
    return [_state(row) for row in rows]


def new_on(connection: sqlite3.Connection, day: date) -> int:
    """How many cards had their first rating on `day`."""
    query = "SELECT count(*) FROM cards WHERE created_day = ?"
    return int(connection.execute(query, (day.isoformat(),)).fetchone()[0])


def record_rating(
    connection: sqlite3.Connection,
    before: CardState | None,
    after: CardState,
    rating: int,
    duration_ms: int | None,
) -> Rated:
    """Log the rating, store the card's new state and set its term's status from the
    lowest stability among the term's cards (an ignored term's status stays)."""
    assert after.last_review is not None
    status_before = _status(connection, after.entry_id)
    cursor = connection.execute(
        "INSERT INTO reviews (entry_id, kind, rating, reviewed_at, day, duration_ms,"
        " card_before, state_before, status_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            after.entry_id,
            after.kind,
            rating,
            to_epoch(after.last_review),
            after.last_review.astimezone().date().isoformat(),
            duration_ms,
            None if before is None else json.dumps(_row(before)),
            None if before is None else before.state,
            int(status_before),
        ),
    )
    connection.execute(f"INSERT OR REPLACE INTO cards ({_COLUMNS}) VALUES ({_MARKS})", _row(after))
    status = status_before
    if status_before is not TermStatus.IGNORED:
        (weakest,) = connection.execute(
            "SELECT min(stability) FROM cards WHERE entry_id = ?", (after.entry_id,)
        ).fetchone()
        status = status_for_stability(weakest)
        set_status(connection, after.entry_id, status, to_epoch(after.last_review))
    assert cursor.lastrowid is not None
    return Rated(cursor.lastrowid, after, status)


def undo_rating(connection: sqlite3.Connection, review_id: int) -> CardState | None:
    """Take back one rating: the card as it was before (deleted if that was its first),
    the term's status as it was; return the card's state before (None if it was new).
    An unknown id changes nothing and returns None."""
    row = connection.execute(
        "SELECT entry_id, kind, card_before, status_before, reviewed_at FROM reviews WHERE id = ?",
        (review_id,),
    ).fetchone()
    if row is None:
        return None
    entry_id, kind, card_before, status_before, reviewed_at = row
    connection.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
    connection.execute("DELETE FROM cards WHERE entry_id = ? AND kind = ?", (entry_id, kind))
    before = None if card_before is None else _state(json.loads(card_before))
    if before is not None:
        connection.execute(f"INSERT INTO cards ({_COLUMNS}) VALUES ({_MARKS})", _row(before))
    set_status(connection, entry_id, TermStatus(status_before), reviewed_at)
    return before


def _status(connection: sqlite3.Connection, entry_id: str) -> TermStatus:
    row = connection.execute("SELECT status FROM terms WHERE entry_id = ?", (entry_id,)).fetchone()
    try:
        return TermStatus(row[0]) if row else TermStatus.NEW
    except ValueError:
        return TermStatus.NEW


def counts(connection: sqlite3.Connection, day_end: float, today: date) -> dict[str, Any]:
    """Reviews in all and today, cards (not suspended), cards due by `day_end`, and the
    reviews of cards past learning with how many of them were not Again."""
    reviews, done_today = connection.execute(
        "SELECT count(*), count(*) FILTER (WHERE day = ?) FROM reviews", (today.isoformat(),)
    ).fetchone()
    cards, due = connection.execute(
        f"SELECT count(*), count(*) FILTER (WHERE due < ?) FROM cards WHERE {_ACTIVE}",
        (day_end,),
    ).fetchone()
    mature, passed = connection.execute(
        "SELECT count(*), count(*) FILTER (WHERE rating > 1) FROM reviews"
        f" WHERE state_before = {STATE_REVIEW}"
    ).fetchone()
    return {
        "reviews": int(reviews),
        "today": int(done_today),
        "cards": int(cards),
        "due": int(due),
        "mature": int(mature),
        "passed": int(passed),
    }


def due_by_day(connection: sqlite3.Connection, horizon: float) -> dict[date, int]:
    """Cards (not suspended) due before `horizon`, counted by local day of their due time."""
    rows = connection.execute(
        f"SELECT {_LOCAL_DAY}, count(*) FROM cards WHERE due < ? AND {_ACTIVE}"
        f" GROUP BY {_LOCAL_DAY}",
        (horizon,),
    )
    return {date.fromisoformat(day): int(n) for day, n in rows}


def reviews_by_day(connection: sqlite3.Connection, since: date) -> dict[date, int]:
    rows = connection.execute(
        "SELECT day, count(*) FROM reviews WHERE day >= ? GROUP BY day", (since.isoformat(),)
    )
    return {date.fromisoformat(day): int(n) for day, n in rows}


def review_days(connection: sqlite3.Connection) -> set[date]:
    rows = connection.execute("SELECT DISTINCT day FROM reviews")
    return {date.fromisoformat(day) for (day,) in rows}


def day_range(first: date, count: int) -> list[date]:
    return [first + timedelta(days=n) for n in range(count)]
