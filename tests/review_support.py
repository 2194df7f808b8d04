"""Helpers for the review tests: a movable clock, the shipped glossary, a session."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from glossary.linker import Linker
from glossary.loader import load
from glossary.model import Glossary
from reader.progress import ProgressStore
from reader.review.scheduler import make_scheduler
from reader.review.session import ReviewOptions, ReviewSession, build_session
from reader.review.sources import terms_for_review
from reader.state.paths import shipped_glossary

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@functools.cache
def glossary() -> Glossary:
    return load([shipped_glossary()]).glossary


@functools.cache
def linker() -> Linker:
    return Linker(glossary())


def session(
    store: ProgressStore, clock: Clock, text: Path | None = None, **options: object
) -> ReviewSession:
    """A sitting on the op-ed's terms (or `text`'s), scheduled without fuzz."""
    met = terms_for_review(store, linker(), text)
    chosen = ReviewOptions(**options)  # type: ignore[arg-type]
    return build_session(store, glossary(), met, chosen, clock, make_scheduler(fuzz=False))
