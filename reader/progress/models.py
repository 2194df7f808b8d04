"""What the progress store reads and writes: plain, immutable, typed values.

Times are timezone-aware datetimes in UTC; days are the reader's local calendar days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum


class TermStatus(IntEnum):
    """A term's learning status, as in LingQ and LWT: new → learning 1–4 → known, or ignored.

    The numbers are the levels the number keys set (0–5); IGNORED sits outside that
    range (LWT uses 98) so that ordering by level stays meaningful.
    """

    NEW = 0
    LEARNING_1 = 1
    LEARNING_2 = 2
    LEARNING_3 = 3
    LEARNING_4 = 4
    KNOWN = 5
    IGNORED = 98

    @property
    def label(self) -> str:
        """`new`, `learning-1` … `learning-4`, `known`, `ignored` (also the export name)."""
        return self.name.lower().replace("_", "-")

    @property
    def is_learning(self) -> bool:
        return 1 <= self.value <= 4

    @classmethod
    def parse(cls, text: str) -> TermStatus:
        """A status from its label or number (`known`, `learning-2`, `5`); else ValueError."""
        text = text.strip().lower().replace("_", "-").replace(" ", "-")
        for status in cls:
            if text in (status.label, str(status.value)):
                return status
        raise ValueError(f"unknown term status {text!r}")


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One document as the library shows it.

    `id` is the SHA-256 of the normalised content. `paragraph_count` and `read_count`
    describe the version last opened (0 and 0 before it was opened by this version of
    Tonle). `current_key`/`current_index` is where to resume (see `resume_index`).
    """

    id: str
    path: str
    title: str
    glossary_paths: tuple[str, ...]
    first_opened: datetime
    last_opened: datetime
    reading_seconds: float
    current_key: str | None
    current_index: int
    paragraph_count: int
    read_count: int

    @property
    def percent(self) -> int:
        """Whole percent read, rounded down so that 100 means every paragraph."""
        if self.paragraph_count <= 0:
            return 0
        return min(100, self.read_count * 100 // self.paragraph_count)


@dataclass(frozen=True, slots=True)
class ParagraphState:
    """One paragraph of an open document: read (and when), and whether it is the current one."""

    index: int
    key: str
    read_at: datetime | None
    current: bool = False

    @property
    def read(self) -> bool:
        return self.read_at is not None


@dataclass(frozen=True, slots=True)
class TermRecord:
    """A glossary entry's learning state across all documents.

    `first_seen` is None for a term the store has never heard of; `status_at` is when
    the status was last set (None while it is still the initial NEW).
    """

    entry_id: str
    status: TermStatus = TermStatus.NEW
    lookups: int = 0
    first_seen: datetime | None = None
    status_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DayStats:
    """Reading done on one local calendar day."""

    day: date
    paragraphs: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def active(self) -> bool:
        """Any reading at all that day (what a streak counts)."""
        return self.paragraphs > 0 or self.words > 0 or self.seconds > 0


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything `tonle progress` and a statistics screen summarise."""

    today: DayStats
    streak: int
    total_paragraphs: int
    total_words: int
    total_seconds: float
    days_read: int
    documents: int
    terms: dict[TermStatus, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentSnapshot:
    """A document's whole stored state, as exported and imported."""

    id: str
    path: str
    title: str
    glossary_paths: tuple[str, ...]
    first_opened: datetime
    last_opened: datetime
    reading_seconds: float
    current_key: str | None
    current_index: int
    current_at: datetime | None
    paragraphs: tuple[str, ...]
    read: tuple[tuple[str, datetime], ...]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The whole store: what `--export` writes and `--import` merges."""

    documents: tuple[DocumentSnapshot, ...] = ()
    terms: tuple[TermRecord, ...] = ()
    days: tuple[DayStats, ...] = ()


@dataclass(frozen=True, slots=True)
class MergeReport:
    """How many items an import brought in (each merged by the newer-wins rule)."""

    documents: int = 0
    read_marks: int = 0
    terms: int = 0
    days: int = 0
