"""`ReviewSession`: the cards of one sitting, in order, rated and undone.

Built once (a few store queries); after that, showing the next card is in memory.
Order: learning cards whose time has come, then the cards due today (earliest first),
then new cards, then learning cards due within `LEARN_AHEAD` (as Anki does, rather
than making the reader wait a minute at the end). New cards: at most `new_per_day` a
day (counting those begun earlier today), one card per term a day (its other kinds
wait for later days, so one card never gives away its sibling's answer), the kind
rotating from term to term. Terms marked known or ignored get no new cards, and the
cards of ignored terms are not due (see reader.progress.review_models).
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fsrs import Rating, Scheduler

from glossary.flashcards import KINDS, Flashcard, Met, kinds_for
from glossary.model import Entry, Glossary
from reader.progress import ProgressStore, TermStatus
from reader.progress.review_models import STATE_REVIEW, CardState, Rated
from reader.progress.times import to_epoch
from reader.review import scheduler as fsrs_bridge

LEARN_AHEAD = timedelta(minutes=20)
NO_NEW_CARDS = (TermStatus.KNOWN, TermStatus.IGNORED)


@dataclass(frozen=True)
class ReviewOptions:
    """What to review: card kinds (settings), the daily cap on new cards (`--new`), and
    filters (`--category`); `--text` is applied by choosing the terms met."""

    kinds: tuple[str, ...] = KINDS
    new_per_day: int = 20
    categories: frozenset[str] = frozenset()
    only_met: bool = False  # due cards only of the terms met (with --text)


@dataclass
class _Done:
    """One rating of this sitting, kept for undo."""

    review_id: int
    card: Flashcard
    before: CardState | None


@dataclass
class Counts:
    """What is left: due (and learning) cards, new cards, and ratings given."""

    due: int
    new: int
    done: int


@dataclass
class ReviewSession:
    store: ProgressStore
    cards: dict[tuple[str, str], Flashcard]
    due: deque[Flashcard]
    new: deque[Flashcard]
    clock: Callable[[], datetime]
    scheduler: Scheduler = field(default_factory=fsrs_bridge.make_scheduler)
    current: Flashcard | None = None
    shown_at: datetime | None = None
    history: list[_Done] = field(default_factory=list)
    _learning: list[tuple[float, int, tuple[str, str]]] = field(default_factory=list)
    _front: list[Flashcard] = field(default_factory=list)
    _seq: int = 0
    _last_id: int = 0

    # --- choosing --------------------------------------------------------------

    def next_card(self) -> Flashcard | None:
        """Take the next card to show (None: nothing left for now) and start its clock."""
        self.current = self._take()
        self.shown_at = self.clock() if self.current else None
        return self.current

    def _take(self) -> Flashcard | None:
        if self._front:
            return self._front.pop()
        now = to_epoch(self.clock())
        if self._learning and self._learning[0][0] <= now:
            return self._pop_learning()
        if self.due:
            return self.due.popleft()
        if self.new:
            return self.new.popleft()
        if self._learning and self._learning[0][0] <= now + LEARN_AHEAD.total_seconds():
            return self._pop_learning()
        return None

    def _pop_learning(self) -> Flashcard:
        _due, _seq, key = heapq.heappop(self._learning)
        return self.cards[key]

    def state(self, card: Flashcard) -> CardState | None:
        """The card's stored state (None: never rated)."""
        return self.store.reviews.card(card.entry.id, card.kind)

    def intervals(self, card: Flashcard) -> dict[Rating, timedelta]:
        preview = fsrs_bridge.make_scheduler(fuzz=False)
        return fsrs_bridge.intervals(preview, self.state(card), self.clock())

    @property
    def counts(self) -> Counts:
        return Counts(len(self.due) + len(self._learning), len(self.new), len(self.history))

    @property
    def later(self) -> datetime | None:
        """When the next learning card of this sitting comes due (None: no more today)."""
        if not self._learning:
            return None
        return datetime.fromtimestamp(self._learning[0][0]).astimezone()

    # --- rating ----------------------------------------------------------------

    def rate(self, rating: Rating) -> Rated | None:
        """Rate the current card: written at once; None if nothing is shown or not saved."""
        card = self.current
        if card is None:
            return None
        now = self.clock()
        before = self.state(card)
        card_id = before.card_id if before else self._new_id(now)
        after = fsrs_bridge.rate(
            self.scheduler, card.entry.id, card.kind, before, rating, now, card_id
        )
        rated = self.store.reviews.rate(before, after, int(rating), self._duration(now))
        if rated is None:
            return None
        self.history.append(_Done(rated.review_id, card, before))
        if after.state != STATE_REVIEW:
            self.learn_later(card, after)
        self.current = None
        return rated

    def learn_later(self, card: Flashcard, state: CardState) -> None:
        """Show `card` again in this sitting once its learning step is over."""
        self.cards[card.key] = card
        heapq.heappush(self._learning, (to_epoch(state.due), self._seq, card.key))
        self._seq += 1

    def _duration(self, now: datetime) -> int | None:
        if self.shown_at is None:
            return None
        return max(0, round((now - self.shown_at).total_seconds() * 1000))

    def _new_id(self, now: datetime) -> int:
        self._last_id = max(self._last_id + 1, int(to_epoch(now) * 1000))
        return self._last_id

    def undo(self) -> Flashcard | None:
        """Take back the last rating of this sitting; its card is shown again."""
        if not self.history or not self.store.reviews.undo(self.history[-1].review_id):
            return None
        done = self.history.pop()
        self._learning = [item for item in self._learning if item[2] != done.card.key]
        heapq.heapify(self._learning)
        if self.current is not None:
            self._front.append(self.current)
        self._front.append(done.card)
        return self.next_card()


def build_session(
    store: ProgressStore,
    glossary: Glossary,
    met: Sequence[Met],
    options: ReviewOptions,
    clock: Callable[[], datetime],
    scheduler: Scheduler | None = None,
) -> ReviewSession:
    """The sitting's queues from the store: due cards, then the new ones allowed today."""
    contexts = {m.entry_id: m.context for m in met}
    wanted = _filter(glossary, options, set(contexts) if options.only_met else None)
    session = ReviewSession(store, {}, deque(), deque(), clock)
    if scheduler is not None:
        session.scheduler = scheduler
    now = clock()
    # Learning cards due later today (rated Again in an earlier sitting) come too.
    for state in store.reviews.due(learn_ahead=timedelta(days=1)):
        entry = wanted.get(state.entry_id)
        if entry is None or state.kind not in kinds_for(entry, contexts.get(entry.id), KINDS):
            continue
        card = Flashcard(entry, state.kind, contexts.get(entry.id))
        if state.state != STATE_REVIEW and state.due > now:
            session.learn_later(card, state)
        else:
            session.cards[card.key] = card
            session.due.append(card)
    for card in _new_cards(store, wanted, met, options):
        session.cards[card.key] = card
        session.new.append(card)
    return session


def _filter(glossary: Glossary, options: ReviewOptions, met: set[str] | None) -> dict[str, Entry]:
    return {
        e.id: e
        for e in glossary
        if (not options.categories or e.category in options.categories)
        and (met is None or e.id in met)
    }


def _new_cards(
    store: ProgressStore,
    wanted: dict[str, Entry],
    met: Sequence[Met],
    options: ReviewOptions,
) -> list[Flashcard]:
    """Up to today's allowance of new cards: one per term a day, the kind rotating."""
    room = max(0, options.new_per_day - store.reviews.new_today())
    existing, statuses = store.reviews.card_days(), store.terms()
    today = store.reviews.today()
    busy = {entry_id for (entry_id, _kind), day in existing.items() if day == today}
    chosen: list[Flashcard] = []
    for position, term in enumerate(met):
        entry = wanted.get(term.entry_id)
        record = statuses.get(term.entry_id)
        if len(chosen) >= room or entry is None or entry.id in busy:
            continue
        if record is not None and record.status in NO_NEW_CARDS:
            continue
        left = [
            k
            for k in kinds_for(entry, term.context, options.kinds)
            if (entry.id, k) not in existing
        ]
        if left:
            chosen.append(Flashcard(entry, left[position % len(left)], term.context))
    return chosen
