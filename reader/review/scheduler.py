"""FSRS scheduling through the `fsrs` package, between it and the store's `CardState`.

The package does all the arithmetic; this module only converts. Times are aware UTC
datetimes (fsrs refuses anything else). Fuzzing (a few percent of random spread on long
intervals, so cards learnt together do not stay together) is on, as in Anki; tests
pass a scheduler without it to compare intervals exactly.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from reader.progress.review_models import CardState

RATINGS = (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)


def make_scheduler(fuzz: bool = True) -> Scheduler:
    """FSRS with its default parameters: 90 % desired retention, steps of 1 and 10 minutes."""
    return Scheduler(enable_fuzzing=fuzz)


def to_fsrs(state: CardState) -> Card:
    return Card(
        card_id=state.card_id,
        state=State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )


def new_card(card_id: int, now: datetime) -> Card:
    """A card never rated, due now (its id: fsrs uses creation milliseconds)."""
    return Card(card_id=card_id, due=now.astimezone(UTC))


def rate(
    scheduler: Scheduler,
    entry_id: str,
    kind: str,
    before: CardState | None,
    rating: Rating,
    now: datetime,
    card_id: int,
) -> CardState:
    """The card's state after `rating` at `now` (`before` None: its first rating)."""
    moment = now.astimezone(UTC)
    card = new_card(card_id, moment) if before is None else to_fsrs(before)
    after, _log = scheduler.review_card(card, rating, moment)
    created: date = before.created_day if before else now.astimezone().date()
    return CardState(
        entry_id,
        kind,
        after.card_id,
        int(after.state),
        after.step,
        after.stability,
        after.difficulty,
        after.due,
        after.last_review,
        created,
    )


def intervals(
    preview: Scheduler, before: CardState | None, now: datetime
) -> dict[Rating, timedelta]:
    """How long each rating would put the card away (what the rating keys show).

    `preview` should have fuzzing off, so the labels are the same every time."""
    moment = now.astimezone(UTC)
    card = new_card(0, moment) if before is None else to_fsrs(before)
    return {r: preview.review_card(card, r, moment)[0].due - moment for r in RATINGS}


def interval_text(span: timedelta) -> str:
    """`1m`, `10m`, `3h`, `2d`, `3mo`, `1.2y`: how Anki labels its answer buttons."""
    minutes = span.total_seconds() / 60
    if minutes < 60:
        return f"{max(1, round(minutes))}m"
    if minutes < 60 * 24:
        return f"{round(minutes / 60)}h"
    days = minutes / (60 * 24)
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30)}mo"
    return f"{days / 365:.1f}y"
