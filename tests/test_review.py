"""Spaced review: FSRS intervals as the fsrs package computes them, the right cards due
on later (faked) days, undo, the cap on new cards, and how review meets term statuses."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from glossary.flashcards import KINDS
from reader.progress import ProgressStore, TermStatus
from reader.progress.review_models import status_for_stability
from tests.review_support import START, Clock, session


def test_intervals_agree_with_the_fsrs_package(tmp_path: Path):
    """One card rated Good, Good, Good, Again, Good, each when it falls due, with a fixed
    clock: every stored due date is the package's own for the same history."""
    clock = Clock()
    reference, card = Scheduler(enable_fuzzing=False), Card(card_id=1, due=START)
    with ProgressStore(tmp_path, clock=clock) as store:
        sitting = session(store, clock, new_per_day=1)
        shown = sitting.next_card()
        assert shown is not None
        for rating in (Rating.Good, Rating.Good, Rating.Good, Rating.Again, Rating.Good):
            sitting.current = shown
            rated = sitting.rate(rating)
            card, _log = reference.review_card(card, rating, clock.now)
            assert rated is not None
            stored = store.reviews.card(shown.entry.id, shown.kind)
            assert stored is not None and stored.due == card.due
            assert stored.stability == card.stability and stored.state == card.state
            clock.now = card.due
        first = store.reviews.stats()
        assert first.reviews == 5


def test_the_next_day_shows_the_cards_that_fell_due(tmp_path: Path):
    clock = Clock()
    with ProgressStore(tmp_path, clock=clock) as store:
        sitting = session(store, clock, new_per_day=6)
        ratings = [Rating.Easy, Rating.Easy, Rating.Again, Rating.Good, Rating.Hard, Rating.Easy]
        cards = []
        for rating in ratings:
            card = sitting.next_card()
            assert card is not None
            cards.append(card)
            sitting.rate(rating)
        # Again, Good and Hard keep three cards in learning: they come back today.
        again = {sitting.next_card() for _ in range(3)}
        assert {c.key for c in again if c} == {cards[i].key for i in (2, 3, 4)}
        for card in again:
            sitting.current = card
            sitting.rate(Rating.Good if card is not cards[2] else Rating.Again)
        clock.advance(days=1)
        tomorrow = session(store, clock, new_per_day=0)
        expected = {
            key
            for key in (c.key for c in cards)
            if (state := store.reviews.card(*key)) is not None
            and state.due.astimezone().date() <= clock.now.astimezone().date()
        }
        due = {c.key for c in tomorrow.due} | {c.key for c in _drain_learning(tomorrow)}
        assert due == expected and cards[2].key in due  # the one that failed twice
        assert cards[0].key not in due  # Easy: days away
        clock.advance(days=30)
        later = session(store, clock, new_per_day=0)
        assert {c.key for c in later.due} == {c.key for c in cards}


def _drain_learning(sitting) -> list:
    found = []
    while (card := sitting.next_card()) is not None and len(found) < 50:
        found.append(card)
        sitting.current = None
    return found


def test_new_cards_follow_the_text_one_per_term_rotating_kinds(tmp_path: Path):
    clock = Clock()
    with ProgressStore(tmp_path, clock=clock) as store:
        sitting = session(store, clock, new_per_day=20)
        new = list(sitting.new)
        assert len(new) == 20
        assert len({c.entry.id for c in new}) == 20  # no two kinds of one term in a day
        assert {c.kind for c in new} == set(KINDS)
        first = new[0]
        assert first.context is not None and first.context.term  # the sentence it came in


def test_the_daily_cap_counts_cards_begun_earlier_today(tmp_path: Path):
    clock = Clock()
    with ProgressStore(tmp_path, clock=clock) as store:
        sitting = session(store, clock, new_per_day=3)
        for _ in range(3):
            assert sitting.next_card() is not None
            sitting.rate(Rating.Easy)
        assert sitting.next_card() is None
        assert session(store, clock, new_per_day=3).new == type(sitting.new)()
        clock.advance(days=1)
        assert len(session(store, clock, new_per_day=3).new) == 3


def test_undo_restores_the_card_and_the_status(tmp_path: Path):
    clock = Clock()
    with ProgressStore(tmp_path, clock=clock) as store:
        sitting = session(store, clock, new_per_day=2)
        card = sitting.next_card()
        assert card is not None
        sitting.rate(Rating.Easy)
        assert store.term(card.entry.id).status is TermStatus.LEARNING_3  # stability 8.3 days
        assert sitting.undo() == card  # shown again
        assert store.reviews.card(*card.key) is None  # its first rating: no card any more
        assert store.term(card.entry.id).status is TermStatus.NEW
        assert store.reviews.stats().reviews == 0
        sitting.rate(Rating.Good)
        sitting.current = card
        sitting.rate(Rating.Good)
        before = store.reviews.card(*card.key)
        sitting.current = card
        clock.advance(days=3)
        sitting.rate(Rating.Again)
        sitting.undo()
        assert store.reviews.card(*card.key) == before


def test_stability_sets_the_learning_status_and_ignored_suspends(tmp_path: Path):
    assert status_for_stability(0.2) is TermStatus.LEARNING_1
    assert status_for_stability(2.3) is TermStatus.LEARNING_2
    assert status_for_stability(9.9) is TermStatus.LEARNING_3
    assert status_for_stability(20) is TermStatus.LEARNING_4
    assert status_for_stability(21) is TermStatus.KNOWN
    clock = Clock()
    with ProgressStore(tmp_path, clock=clock) as store:
        sitting = session(store, clock, new_per_day=2)
        card = sitting.next_card()
        assert card is not None
        sitting.rate(Rating.Easy)
        entry = card.entry.id
        clock.advance(days=40)
        assert card.key in {c.key for c in session(store, clock).due}
        store.set_term_status(entry, TermStatus.IGNORED)
        later = session(store, clock)
        assert card.key not in {c.key for c in later.due}
        assert entry not in {c.entry.id for c in later.new}
        assert store.reviews.stats().cards == 0  # suspended cards are not counted
        store.set_term_status(entry, TermStatus.LEARNING_2)
        again = session(store, clock)
        assert card.key in {c.key for c in again.due}  # back, schedule untouched
        again.current = next(c for c in again.due if c.key == card.key)
        again.rate(Rating.Easy)  # 40 days late and still known: stability jumps
        assert store.term(entry).status is TermStatus.KNOWN


def test_known_terms_get_no_new_cards(tmp_path: Path):
    clock = Clock()
    with ProgressStore(tmp_path, clock=clock) as store:
        first = session(store, clock, new_per_day=5).new[0]
        store.set_term_status(first.entry.id, TermStatus.KNOWN)
        assert first.entry.id not in {c.entry.id for c in session(store, clock).new}


def test_stats_count_reviews_due_retention_and_forecast(tmp_path: Path):
    clock = Clock(datetime(2026, 3, 2, 12, 0, tzinfo=UTC))
    with ProgressStore(tmp_path, clock=clock) as store:
        sitting = session(store, clock, new_per_day=4)
        for rating in (Rating.Easy, Rating.Easy, Rating.Easy, Rating.Easy):
            sitting.next_card()
            sitting.rate(rating)
        empty = store.reviews.stats()
        assert (empty.reviews, empty.cards, empty.due, empty.retention) == (4, 4, 0, None)
        assert empty.streak == 1 and empty.today == 4
        assert sum(n for _day, n in empty.forecast) == 4  # all four fall due within 30 days
        clock.advance(days=12)
        late = session(store, clock)
        for rating in (Rating.Good, Rating.Again, Rating.Good, Rating.Good):
            late.next_card()
            late.rate(rating)
        stats = store.reviews.stats()
        assert stats.reviews == 8 and stats.retention == 0.75
        assert stats.streak == 1  # a gap of eleven days ended the first streak
        assert stats.per_day[-1][1] == 4 and stats.per_day[-13][1] == 4
        assert len(stats.forecast) == 30 and stats.forecast[0][0] == clock.now.astimezone().date()
