"""`ProgressStore`: the one object the reader, the library and the statistics screens use.

Contract:
- Opening never raises for a bad database (see `database`): check `can_save` and show
  `messages` (also passed to `on_message`, and logged) to the user.
- Every write is one transaction taken with BEGIN IMMEDIATE (so two Tonles queue
  instead of failing) and never raises for a storage problem: if SQLite refuses, the
  write is dropped and a message says so. Once a method returns, its write is on disk
  (WAL, synchronous=FULL): a crash or SIGKILL afterwards loses nothing.
- The store is thread-safe (one lock around the connection) and uses no UI library.
- Documents are named by `DocumentRecord.id` (see `identity`); an unknown id makes a
  write a no-op that returns False.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from glossary.document import Document, Paragraph
from glossary.i18n import _
from reader.progress import sql_activity as terms_sql
from reader.progress import sql_documents as docs_sql
from reader.progress.database import open_database
from reader.progress.identity import (
    document_id,
    paragraph_key,
    paragraph_keys,
    resume_index,
    word_count,
)
from reader.progress.merge import merge_snapshot, take_snapshot
from reader.progress.models import (
    DayStats,
    DocumentRecord,
    MergeReport,
    Overview,
    ParagraphState,
    Snapshot,
    TermRecord,
    TermStatus,
)
from reader.progress.review_store import ReviewStore
from reader.progress.summary import overview, reading_streak
from reader.progress.times import local_day, maybe_from_epoch, now_utc, to_epoch
from reader.state.paths import PROGRESS_DB_NAME

log = logging.getLogger(__name__)
# A library must not print: without this, Python's last-resort handler would write every
# notice to stderr on top of `on_message`. An app that configures logging still sees them.
log.addHandler(logging.NullHandler())
T = TypeVar("T")


class ProgressStore:
    """Reading progress in `<data_dir>/progress.sqlite3`.

    `clock` returns the current aware datetime (tests pass a fake one); `on_message`
    receives every one-line notice (database moved aside, progress cannot be saved).
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        on_message: Callable[[str], None] | None = None,
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        self.path = Path(data_dir) / PROGRESS_DB_NAME
        self.messages: list[str] = []
        self._on_message = on_message
        self._clock = clock
        self._lock = threading.RLock()
        opened = open_database(self.path, clock())
        self._connection = opened.connection
        self.can_save = opened.can_save
        self.moved_to = opened.moved_to
        for message in opened.messages:
            self._report(message)
        self.reviews = ReviewStore(self, clock)

    # Lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # Documents -------------------------------------------------------------------

    def open_document(
        self, document: Document, path: Path | None = None, glossary_paths: Sequence[Path] = ()
    ) -> DocumentRecord:
        """Record that `document` (read from `path`, with these glossaries) is opened now.

        The same text from another path is the same document (its path becomes this
        one); an edited version of the file last opened at `path` keeps that file's
        progress. Returns the record (with where to resume: see `identity.resume_index`).
        """
        doc_id, keys = document_id(document), paragraph_keys(document)
        where = "" if path is None else str(Path(path).resolve())
        glossaries = [str(Path(g).resolve()) for g in glossary_paths]
        now = to_epoch(self._clock())
        self._write(
            lambda c: docs_sql.touch_document(
                c, doc_id, keys, where, document.title, glossaries, now
            ),
            None,
        )
        return self.document(doc_id) or docs_sql.unsaved_record(
            doc_id, document.title, len(document.paragraphs), where, now
        )

    def document(self, doc_id: str) -> DocumentRecord | None:
        """The stored record of one document, or None."""
        found: list[DocumentRecord] = self._read(lambda c: docs_sql.load_records(c, doc_id), [])
        return found[0] if found else None

    def library(self) -> list[DocumentRecord]:
        """Every document ever opened, most recently opened first."""
        none: list[DocumentRecord] = []
        return self._read(docs_sql.load_records, none)

    def set_current(self, doc_id: str, paragraph: Paragraph) -> bool:
        """Remember `paragraph` as where to resume `doc_id` (by its text, and its index)."""
        key, now = paragraph_key(paragraph.text), to_epoch(self._clock())
        return self._write(
            lambda c: docs_sql.set_current(c, doc_id, key, paragraph.index, now), False
        )

    def mark_read(self, doc_id: str, paragraph: Paragraph) -> bool:
        """Mark `paragraph` read; True if it was not read before (then today's totals grow)."""
        key, words, moment = (
            paragraph_key(paragraph.text),
            word_count(paragraph.text),
            self._clock(),
        )
        now, day = to_epoch(moment), local_day(moment)
        return self._write(lambda c: docs_sql.mark_read(c, doc_id, key, words, now, day), False)

    def unmark_read(self, doc_id: str, paragraph: Paragraph) -> bool:
        """Remove a read mark; True if there was one."""
        key = paragraph_key(paragraph.text)
        return self._write(lambda c: docs_sql.unmark_read(c, doc_id, key), False)

    def add_reading_time(self, doc_id: str, seconds: float) -> bool:
        """Add reading time to the document and to today; zero, negative or NaN is ignored."""
        if not math.isfinite(seconds) or seconds <= 0:
            return False
        day = local_day(self._clock())
        return self._write(lambda c: docs_sql.add_time(c, doc_id, seconds, day), False)

    def paragraph_states(self, doc_id: str, document: Document) -> tuple[ParagraphState, ...]:
        """Every paragraph of `document` with its read time and whether it is the current one."""
        marks: dict[str, float] = self._read(lambda c: docs_sql.read_marks(c, doc_id), {})
        record = self.document(doc_id)
        current = -1 if record is None else resume_index(document, record)
        return tuple(
            ParagraphState(p.index, key, maybe_from_epoch(marks.get(key)), p.index == current)
            for p, key in zip(document.paragraphs, paragraph_keys(document), strict=True)
        )

    # Terms -----------------------------------------------------------------------

    def see_terms(self, entry_ids: Iterable[str]) -> int:
        """Note terms shown to the reader (first seen now, status NEW) if not yet known."""
        ids, now = list(dict.fromkeys(entry_ids)), to_epoch(self._clock())
        return self._write(lambda c: terms_sql.see_terms(c, ids, now), 0)

    def record_lookup(self, entry_id: str) -> TermRecord:
        """Count one lookup of the term (its card was opened); return its record."""
        now = to_epoch(self._clock())
        self._write(lambda c: terms_sql.count_lookup(c, entry_id, now), None)
        return self.term(entry_id)

    def set_term_status(self, entry_id: str, status: TermStatus) -> TermRecord:
        """Set a term's learning status (number keys 0–5, or ignored); return its record."""
        now = to_epoch(self._clock())
        self._write(lambda c: terms_sql.set_status(c, entry_id, TermStatus(status), now), None)
        return self.term(entry_id)

    def term(self, entry_id: str) -> TermRecord:
        """The term's record; a term never seen is NEW with no lookups."""
        found: list[TermRecord] = self._read(lambda c: terms_sql.load_terms(c, entry_id), [])
        return found[0] if found else TermRecord(entry_id)

    def terms(self) -> dict[str, TermRecord]:
        """Every stored term by entry id (terms not in here are NEW)."""
        found: list[TermRecord] = self._read(lambda c: terms_sql.load_terms(c), [])
        return {term.entry_id: term for term in found}

    # Days ------------------------------------------------------------------------

    def days(self, since: date | None = None) -> list[DayStats]:
        """Daily totals (only days with a row), in date order, from `since` when given."""
        return self._read(lambda c: terms_sql.load_days(c, since), [])

    def streak(self, today: date | None = None) -> int:
        """Consecutive reading days up to today (or up to yesterday if not yet today)."""
        return reading_streak(self.days(), today or local_day(self._clock()))

    def overview(self, today: date | None = None) -> Overview:
        documents = self._read(terms_sql.count_documents, 0)
        today = today or local_day(self._clock())
        return overview(self.days(), self.terms().values(), documents, today)

    # Export and import -----------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Everything stored, read in one transaction (what --export writes)."""
        return self._read(take_snapshot, Snapshot())

    def merge(self, snapshot: Snapshot) -> MergeReport | None:
        """Merge an imported snapshot in one transaction; None if it could not be saved."""
        if not self.can_save:
            return None
        return self._write(lambda c: merge_snapshot(c, snapshot), None)

    # Transactions ----------------------------------------------------------------

    def write(self, work: Callable[[sqlite3.Connection], T], failed: T) -> T:
        """`work` in one write transaction (for the package's SQL modules, such as the
        review store); on a storage error it is reported and `failed` returned."""
        return self._write(work, failed)

    def read(self, work: Callable[[sqlite3.Connection], T], failed: T) -> T:
        """`work` in one read transaction (a consistent view), as `write`."""
        return self._read(work, failed)

    def _write(self, work: Callable[[sqlite3.Connection], T], failed: T) -> T:
        """Run `work` in a write transaction; on a storage error report it, return `failed`."""
        with self._lock:
            try:
                with self._transaction("BEGIN IMMEDIATE"):
                    return work(self._connection)
            except sqlite3.Error as error:
                _reraise_bugs(error)
                self._report(_("progress could not be saved: {reason}").format(reason=error))
                return failed

    def _read(self, work: Callable[[sqlite3.Connection], T], failed: T) -> T:
        """Run `work` in one read transaction (a consistent view); on error report it."""
        with self._lock:
            try:
                with self._transaction("BEGIN"):
                    return work(self._connection)
            except sqlite3.Error as error:
                _reraise_bugs(error)
                self._report(_("progress could not be read: {reason}").format(reason=error))
                return failed

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[None]:
        self._connection.execute(begin)
        try:
            yield
            self._connection.execute("COMMIT")
        finally:
            # Reached with a transaction still open only after an error (even in COMMIT).
            if self._connection.in_transaction:
                self._connection.execute("ROLLBACK")

    def _report(self, message: str) -> None:
        # A failing disk would otherwise repeat the same line at every keypress.
        if self.messages and self.messages[-1] == message:
            return
        self.messages.append(message)
        log.warning("%s", message)
        if self._on_message is not None:
            self._on_message(message)


def _reraise_bugs(error: sqlite3.Error) -> None:
    """Storage problems are reported; a broken constraint is a bug in this code and raises."""
    if isinstance(error, sqlite3.IntegrityError):
        raise error
