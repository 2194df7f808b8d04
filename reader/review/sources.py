"""Which terms review draws on: those of the texts the reader has opened.

The library's documents are read again from their files (oldest opened first, so new
cards come in the order the reader met the terms); a file that is gone or unreadable
is skipped. With no reading history, the bundled op-ed's terms. Read paragraphs come
from the store, so a cloze uses a sentence the reader has read when there is one.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from glossary.document import Document, DocumentError, read_document
from glossary.flashcards import Met, terms_met
from glossary.linker import Linker
from reader.progress import ProgressStore
from reader.state.export_progress import StoreReading
from reader.state.paths import seed_text


def library_texts(store: ProgressStore) -> list[tuple[Document, Path]]:
    """The documents of the library that can still be read, oldest opened first."""
    texts = []
    for record in sorted(store.library(), key=lambda r: r.first_opened):
        if not record.path:
            continue
        try:
            texts.append((read_document(Path(record.path)), Path(record.path)))
        except DocumentError:
            continue  # moved or deleted since: its cards stay, its new terms wait
    return texts


def terms_for_review(store: ProgressStore, linker: Linker, text: Path | None = None) -> list[Met]:
    """The terms met, in order, each with its sentence. `text` limits them to one file
    (DocumentError if it cannot be read: the command line reports it)."""
    if text is not None:
        texts = [(read_document(text), text)]
    else:
        texts = library_texts(store) or [(read_document(seed_text()), seed_text())]
    documents: list[tuple[Document, Collection[int]]] = [
        (document, StoreReading(store, path).read_paragraphs(document)) for document, path in texts
    ]
    return terms_met(documents, linker)
