"""What the store keeps for spaced review: a card's FSRS state, and how review meets the
term statuses of the reader.

A card is one glossary entry asked one way (`kind`: `en-km`, `en-ko`, `km-en`, `ko-en`
or `cloze`). Its fields are those of an `fsrs.Card` (reader.review.scheduler converts),
so the store itself needs no FSRS code.

Review and the term statuses meet by these rules (README "Spaced review"):
- After every rating the term's status is set from the *lowest* stability among its
  cards (the weakest way of asking it governs): under 1 day learning-1, under 4 days
  learning-2, under 10 learning-3, under 21 learning-4, 21 days or more known (Anki
  calls a card mature from 21 days). An Again therefore sends a known term back.
- A term marked ignored suspends its cards: none is due and none is new. Set it back
  to any other status and they return with their schedule untouched.
- A term marked known by hand gets no new cards; cards it already has stay scheduled.
- Undoing a rating restores the card and the status exactly as they were before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from reader.progress.models import TermStatus

# Stability (days) under each bound → that learning level; at or above the last: known.
STABILITY_LEVELS: tuple[tuple[float, TermStatus], ...] = (
    (1.0, TermStatus.LEARNING_1),
    (4.0, TermStatus.LEARNING_2),
    (10.0, TermStatus.LEARNING_3),
    (21.0, TermStatus.LEARNING_4),
)
STATE_REVIEW = 2  # fsrs.State.Review: a card past its learning steps


def status_for_stability(stability: float | None) -> TermStatus:
    """The learning status a card of this stability (in days) gives its term."""
    if stability is None:
        return TermStatus.LEARNING_1
    for bound, status in STABILITY_LEVELS:
        if stability < bound:
            return status
    return TermStatus.KNOWN


@dataclass(frozen=True, slots=True)
class CardState:
    """One card's scheduling state (times aware, UTC); `created_day` is the local day of
    its first rating (what the cap on new cards a day counts)."""

    entry_id: str
    kind: str
    card_id: int
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    created_day: date

    @property
    def key(self) -> tuple[str, str]:
        return (self.entry_id, self.kind)

    def moved(self, **changes: object) -> CardState:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Rated:
    """A rating as written: its log id (for undo) and the card and status after it."""

    review_id: int
    card: CardState
    status: TermStatus


@dataclass(frozen=True, slots=True)
class ReviewStats:
    """What `tonle review --stats` prints and the statistics screen draws.

    `retention` is the share of reviews of cards past learning (FSRS state Review)
    not rated Again, None before there is one; `forecast[0]` counts cards due today or
    overdue; `per_day` covers the days asked for, oldest first, zeros included."""

    reviews: int
    due: int
    cards: int
    retention: float | None
    streak: int
    today: int
    forecast: tuple[tuple[date, int], ...] = ()
    per_day: tuple[tuple[date, int], ...] = field(default_factory=tuple)
