"""Reading the whole store as a Snapshot, and merging a Snapshot into it.

The merge never lets older data replace newer: for each item the newer one (by its
timestamp) wins, counts and totals take the larger value, first-times take the earlier
one, and read marks are unioned (keeping the earlier read time). Merging the same
snapshot twice changes nothing the second time. Callers hold the transaction.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from reader.progress.models import DocumentSnapshot, MergeReport, Snapshot, TermRecord
from reader.progress.sql_activity import load_days, load_terms
from reader.progress.times import from_epoch, maybe_from_epoch, to_epoch

_DOCUMENT_COLUMNS = (
    "key, content_hash, path, title, glossary_paths, first_opened, last_opened,"
    " reading_seconds, current_hash, current_index, current_at, paragraph_hashes"
)


def take_snapshot(connection: sqlite3.Connection) -> Snapshot:
    rows = connection.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY content_hash")
    documents = tuple(_document(connection, row) for row in rows.fetchall())
    return Snapshot(documents, tuple(load_terms(connection)), tuple(load_days(connection)))


def _document(connection: sqlite3.Connection, row: tuple[Any, ...]) -> DocumentSnapshot:
    key, doc_id, path, title, glossaries, first, last = row[:7]
    seconds, current, index, current_at, paragraphs = row[7:]
    marks = connection.execute(
        "SELECT paragraph_hash, read_at FROM read_marks WHERE doc_key = ? ORDER BY read_at", (key,)
    )
    return DocumentSnapshot(
        id=doc_id,
        path=path,
        title=title,
        glossary_paths=tuple(json.loads(glossaries)),
        first_opened=from_epoch(first),
        last_opened=from_epoch(last),
        reading_seconds=float(seconds),
        current_key=current,
        current_index=int(index),
        current_at=maybe_from_epoch(current_at),
        paragraphs=tuple(json.loads(paragraphs)),
        read=tuple((paragraph, from_epoch(at)) for paragraph, at in marks.fetchall()),
    )


def merge_snapshot(connection: sqlite3.Connection, snapshot: Snapshot) -> MergeReport:
    """Merge `snapshot` into the store by the rules in the module docstring."""
    marks = sum(_merge_document(connection, document) for document in snapshot.documents)
    for term in snapshot.terms:
        _merge_term(connection, term)
    connection.executemany(
        "INSERT INTO days (day, paragraphs, words, seconds) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(day) DO UPDATE SET paragraphs = max(paragraphs, excluded.paragraphs),"
        " words = max(words, excluded.words), seconds = max(seconds, excluded.seconds)",
        [(d.day.isoformat(), d.paragraphs, d.words, d.seconds) for d in snapshot.days],
    )
    return MergeReport(len(snapshot.documents), marks, len(snapshot.terms), len(snapshot.days))


# In an upsert every right-hand side sees the row as it was, so `last_opened` in the
# CASE tests below is the stored value even though the same statement updates it.
_MERGE_DOCUMENT = """
INSERT INTO documents (content_hash, path, title, glossary_paths, paragraph_hashes,
    first_opened, last_opened, reading_seconds, current_hash, current_index, current_at)
VALUES (:id, :path, :title, :glossaries, :paragraphs, :first, :last, :seconds,
    :current, :index, :current_at)
ON CONFLICT(content_hash) DO UPDATE SET
    path = CASE WHEN excluded.last_opened > last_opened THEN excluded.path ELSE path END,
    title = CASE WHEN excluded.last_opened > last_opened THEN excluded.title ELSE title END,
    glossary_paths = CASE WHEN excluded.last_opened > last_opened
        THEN excluded.glossary_paths ELSE glossary_paths END,
    paragraph_hashes = CASE WHEN excluded.last_opened > last_opened
        THEN excluded.paragraph_hashes ELSE paragraph_hashes END,
    first_opened = min(first_opened, excluded.first_opened),
    last_opened = max(last_opened, excluded.last_opened),
    reading_seconds = max(reading_seconds, excluded.reading_seconds),
    current_hash = CASE WHEN coalesce(excluded.current_at, -1) > coalesce(current_at, -1)
        THEN excluded.current_hash ELSE current_hash END,
    current_index = CASE WHEN coalesce(excluded.current_at, -1) > coalesce(current_at, -1)
        THEN excluded.current_index ELSE current_index END,
    current_at = CASE WHEN coalesce(excluded.current_at, -1) > coalesce(current_at, -1)
        THEN excluded.current_at ELSE current_at END
"""


def _merge_document(connection: sqlite3.Connection, document: DocumentSnapshot) -> int:
    connection.execute(_MERGE_DOCUMENT, _document_params(document))
    key = connection.execute(
        "SELECT key FROM documents WHERE content_hash = ?", (document.id,)
    ).fetchone()[0]
    connection.executemany(
        "INSERT INTO read_marks (doc_key, paragraph_hash, read_at) VALUES (?, ?, ?)"
        " ON CONFLICT DO UPDATE SET read_at = min(read_at, excluded.read_at)",
        [(key, paragraph, to_epoch(at)) for paragraph, at in document.read],
    )
    return len(document.read)


def _document_params(document: DocumentSnapshot) -> dict[str, Any]:
    current_at = document.current_at
    return {
        "id": document.id,
        "path": document.path,
        "title": document.title,
        "glossaries": json.dumps(list(document.glossary_paths)),
        "paragraphs": json.dumps(list(document.paragraphs)),
        "first": to_epoch(document.first_opened),
        "last": to_epoch(document.last_opened),
        "seconds": document.reading_seconds,
        "current": document.current_key,
        "index": document.current_index,
        "current_at": None if current_at is None else to_epoch(current_at),
    }


_MERGE_TERM = """
INSERT INTO terms (entry_id, status, lookups, first_seen, status_at)
VALUES (:id, :status, :lookups, :first_seen, :status_at)
ON CONFLICT(entry_id) DO UPDATE SET
    status = CASE WHEN coalesce(excluded.status_at, -1) > coalesce(status_at, -1)
        THEN excluded.status ELSE status END,
    status_at = CASE WHEN coalesce(excluded.status_at, -1) > coalesce(status_at, -1)
        THEN excluded.status_at ELSE status_at END,
    lookups = max(lookups, excluded.lookups),
    first_seen = min(first_seen, excluded.first_seen)
"""


def _merge_term(connection: sqlite3.Connection, term: TermRecord) -> None:
    """Merge one stored term; `term.first_seen` must be set (every stored term has it)."""
    if term.first_seen is None:
        raise ValueError(f"term {term.entry_id!r} has no first_seen time")
    status_at = term.status_at
    connection.execute(
        _MERGE_TERM,
        {
            "id": term.entry_id,
            "status": int(term.status),
            "lookups": term.lookups,
            "first_seen": to_epoch(term.first_seen),
            "status_at": None if status_at is None else to_epoch(status_at),
        },
    )
