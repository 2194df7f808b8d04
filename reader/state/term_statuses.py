"""The learning status of every term, held in memory and written through to the store.

Pure logic, no Textual. One `TermStatuses` serves the whole app (statuses are shared
by all documents): the page renders from `statuses` with one dict lookup per link, and
`version` grows with every change, so a screen knows when to redraw what it shows.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.progress import ProgressStore, TermRecord, TermStatus
from reader.state.writer import SerialWriter

# Browser filter groups: the four learning levels are one group.
GROUPS = ("new", "learning", "known", "ignored")


def group(status: TermStatus) -> str:
    """`new`, `learning` (levels 1–4), `known` or `ignored`."""
    return "learning" if status.is_learning else status.label


class TermStatuses:
    """Statuses by entry id (a term missing from `statuses` is NEW). Status changes and
    lookups are written at once (the caller shows the stored record); terms seen are
    collected as paragraphs are shown and written by `save_seen` (through `writer`)."""

    def __init__(self, store: ProgressStore, writer: SerialWriter) -> None:
        self.store, self.writer = store, writer
        records = store.terms()
        self.statuses: dict[str, TermStatus] = {k: r.status for k, r in records.items()}
        self._seen: set[str] = set(records)
        self._unsaved: list[str] = []
        self.version = 0

    def status(self, entry_id: str) -> TermStatus:
        return self.statuses.get(entry_id, TermStatus.NEW)

    def set(self, entry_id: str, status: TermStatus) -> TermRecord:
        """Set and save a term's status; return its stored record."""
        record = self.store.set_term_status(entry_id, status)
        self.statuses[entry_id] = TermStatus(status)
        self._seen.add(entry_id)
        self.version += 1
        return record

    def lookup(self, entry_id: str) -> TermRecord:
        """Count one opening of the term's card; return its record (with the count)."""
        self._seen.add(entry_id)
        return self.store.record_lookup(entry_id)

    def record(self, entry_id: str) -> TermRecord:
        return self.store.term(entry_id)

    def see(self, entry_ids: Iterable[str]) -> None:
        """Note terms shown to the reader (in memory; `save_seen` writes them)."""
        for entry_id in entry_ids:
            if entry_id not in self._seen:
                self._seen.add(entry_id)
                self._unsaved.append(entry_id)

    def save_seen(self) -> None:
        """Write the terms seen since the last call, in one transaction."""
        if self._unsaved:
            self.writer.submit(self.store.see_terms, self._unsaved)
            self._unsaved = []
