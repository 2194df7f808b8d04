"""Reading progress of the open document: where the reader is, what was read, for how long.

Pure logic, no Textual: the reading screen tells a `ReadingTracker` about every move
and keypress, and the tracker writes to the `ProgressStore` through a `SerialWriter`
(off the UI thread, in order; opening the document is the one write made at once).

Contract:
- Every move saves the new current paragraph (one store write), so quitting at any
  moment resumes there.
- A paragraph counts as read when the reader moves forward past it after it was the
  current paragraph for `DWELL_SECONDS`, or when marked with `toggle_read`. The last
  paragraph cannot be moved past: it counts as read on `finish` after the same dwell.
- Reading time is the time between the reader's actions, each gap counted up to
  `IDLE_SECONDS` (a reader who walks away is not reading). It is written to the store
  at most every `FLUSH_SECONDS` and on `finish`, so a crash loses at most that much.
- Times come from the injected `clock` (aware datetimes); tests pass a fake one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from glossary.document import Document
from reader.progress import ProgressStore, paragraphs_line, resume_index
from reader.state.writer import SerialWriter

DWELL_SECONDS = 4.0  # on screen this long, then moved past: read
IDLE_SECONDS = 120.0  # a longer gap between keys counts only this much
FLUSH_SECONDS = 30.0  # reading time is saved at least this often while reading


class ReadingTracker:
    """Progress of one document in one sitting; `start` is the paragraph to resume at."""

    def __init__(
        self,
        store: ProgressStore,
        writer: SerialWriter,
        document: Document,
        path: Path | None,
        glossaries: Sequence[Path],
        clock: Callable[[], datetime],
    ) -> None:
        self.store, self.writer, self.document, self._clock = store, writer, document, clock
        record = store.open_document(document, path, glossaries)
        self.doc_id = record.id
        self.start = self.current = resume_index(document, record)
        self.seconds = record.reading_seconds
        states = store.paragraph_states(record.id, document)
        self._keys = [state.key for state in states]
        self._same: dict[str, list[int]] = {}  # paragraph key → every index with that text
        for index, key in enumerate(self._keys):
            self._same.setdefault(key, []).append(index)
        self.read: set[int] = {
            state.index for state in states if state.read
        }  # shared, updated in place
        self._pending = 0.0
        self._arrived = self._last_action = self._now()

    def _now(self) -> float:
        return self._clock().timestamp()

    @property
    def read_count(self) -> int:
        return len(self.read)

    def line(self) -> str:
        """`12 of 25 paragraphs · 48% · 18 min` (every paragraph counts, title included)."""
        return paragraphs_line(self.read_count, len(self._keys), self.seconds)

    def is_read(self, index: int) -> bool:
        return index in self.read

    def moved(self, index: int) -> None:
        """The reader went from the current paragraph to `index`: mark, save, count time."""
        now = self.action()
        if index > self.current and now - self._arrived >= DWELL_SECONDS:
            self._mark(self.current, True)
        self.current, self._arrived = index, now
        self.writer.submit(self.store.set_current, self.doc_id, self.document.paragraphs[index])

    def toggle_read(self, index: int) -> bool:
        """Mark paragraph `index` read, or unread if it was; return whether it is read now."""
        self.action()
        self._mark(index, index not in self.read)
        return index in self.read

    def _mark(self, index: int, read: bool) -> None:
        """Mark or unmark `index` and every paragraph with the same text (one stored key)."""
        paragraph, key = self.document.paragraphs[index], self._keys[index]
        write = self.store.mark_read if read else self.store.unmark_read
        self.writer.submit(write, self.doc_id, paragraph)
        if read:
            self.read.update(self._same[key])
        else:
            self.read.difference_update(self._same[key])

    def action(self) -> float:
        """The reader did something: count the time since the last action. Returns now."""
        now = self._now()
        gap = min(max(now - self._last_action, 0.0), IDLE_SECONDS)
        self._last_action = now
        self.seconds += gap
        self._pending += gap
        if self._pending >= FLUSH_SECONDS:
            self.flush()
        return now

    def flush(self) -> None:
        """Write the reading time counted since the last write."""
        if self._pending > 0:
            self.writer.submit(self.store.add_reading_time, self.doc_id, self._pending)
            self._pending = 0.0

    def finish(self) -> None:
        """The document is closed: count the last gap, mark a dwelt-on last paragraph, save."""
        now = self.action()
        last = len(self._keys) - 1
        dwelt = now - self._arrived >= DWELL_SECONDS
        if self.current == last and dwelt and self.current not in self.read:
            self._mark(self.current, True)
        self.flush()
