"""Reading progress as the export's filters: `--status`, `--seen` and the dialog's status.

`glossary.export` asks two questions through protocols (`TermStatusSource`: how well
does the reader know this entry? `ReadingProgress`: which paragraphs of this text has
the reader read?). This module answers both from a `ProgressStore`; the command line
and the app's export dialog use it, so they filter alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glossary.document import Document
from glossary.export import ReadingProgress, TermStatusSource
from reader.progress import ProgressStore, document_id


def status_lookup(store: ProgressStore) -> TermStatusSource:
    """Each stored term's status label (`known`, `learning-2`…) by entry id.

    Read once, now: an export sees the statuses as they were when it started. A term
    the store has no record of gives None, which the export counts as `new`."""
    labels = {entry_id: record.status.label for entry_id, record in store.terms().items()}
    return labels.get


@dataclass(frozen=True)
class StoreReading:
    """`ReadingProgress` from the store: the paragraphs of a document marked read.

    A document is found by its content (`document_id`); failing that, when `path` is
    given, as the document last opened from that file (an edited version of a text
    keeps the read marks of the paragraphs that did not change). A text never opened
    has no read paragraphs."""

    store: ProgressStore
    path: Path | None = None

    def read_paragraphs(self, document: Document) -> frozenset[int]:
        doc_id = self._stored_id(document)
        if doc_id is None:
            return frozenset()
        states = self.store.paragraph_states(doc_id, document)
        return frozenset(state.index for state in states if state.read)

    def _stored_id(self, document: Document) -> str | None:
        doc_id = document_id(document)
        if self.store.document(doc_id) is not None:
            return doc_id
        if self.path is None:
            return None
        where = str(self.path.resolve())
        return next((record.id for record in self.store.library() if record.path == where), None)


def sources(
    store: ProgressStore, path: Path | None = None
) -> tuple[TermStatusSource, ReadingProgress]:
    """Both filters from one store (`path`: the file the text was read from, if known)."""
    return status_lookup(store), StoreReading(store, path)
