"""SQL for documents, read marks and daily totals. Callers hold the transaction.

Documents have an integer `key` that never changes and a `content_hash` (the public
id) that follows the text: when an edited version of a file is opened, its row takes
the new hash, so read marks (kept per paragraph hash) carry over to the paragraphs that
did not change.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from reader.progress.identity import is_revision
from reader.progress.models import DocumentRecord
from reader.progress.times import from_epoch

_COLUMNS = (
    "key, content_hash, path, title, glossary_paths, first_opened, last_opened, "
    "reading_seconds, current_hash, current_index, paragraph_hashes"
)


def doc_key(connection: sqlite3.Connection, doc_id: str) -> int | None:
    row = connection.execute("SELECT key FROM documents WHERE content_hash = ?", (doc_id,))
    found = row.fetchone()
    return None if found is None else int(found[0])


def touch_document(
    connection: sqlite3.Connection,
    doc_id: str,
    keys: Sequence[str],
    path: str,
    title: str,
    glossaries: Sequence[str],
    now: float,
) -> None:
    """Create or update the document `doc_id` as opened now (see the module docstring)."""
    key = doc_key(connection, doc_id)
    if key is None:
        key = _find_revision(connection, path, keys)
        if key is None:
            _insert(connection, doc_id, now)
            key = doc_key(connection, doc_id)
        else:
            connection.execute("UPDATE documents SET content_hash = ? WHERE key = ?", (doc_id, key))
    connection.execute(
        "UPDATE documents SET path = CASE WHEN ? = '' THEN path ELSE ? END, title = ?,"
        " glossary_paths = ?, paragraph_hashes = ?, last_opened = ? WHERE key = ?",
        (path, path, title, json.dumps(list(glossaries)), json.dumps(list(keys)), now, key),
    )


def _insert(connection: sqlite3.Connection, doc_id: str, now: float) -> None:
    connection.execute(
        "INSERT INTO documents (content_hash, first_opened, last_opened) VALUES (?, ?, ?)",
        (doc_id, now, now),
    )


def _find_revision(connection: sqlite3.Connection, path: str, keys: Sequence[str]) -> int | None:
    """The document last opened at `path` if this text is an edit of it."""
    if not path:
        return None
    rows = connection.execute(
        "SELECT key, paragraph_hashes FROM documents WHERE path = ? ORDER BY last_opened DESC",
        (path,),
    )
    for key, stored in rows.fetchall():
        if is_revision(json.loads(stored), keys):
            return int(key)
    return None


def load_records(connection: sqlite3.Connection, doc_id: str | None = None) -> list[DocumentRecord]:
    """Every document (or the one with `doc_id`), most recently opened first."""
    where, args = ("WHERE content_hash = ?", (doc_id,)) if doc_id else ("", ())
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM documents {where} ORDER BY last_opened DESC", args
    ).fetchall()
    marks = read_keys_by_document(connection)
    return [_record(row, marks.get(row[0], set())) for row in rows]


def read_keys_by_document(connection: sqlite3.Connection) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for key, paragraph in connection.execute("SELECT doc_key, paragraph_hash FROM read_marks"):
        found[key].add(paragraph)
    return found


def _record(row: tuple[Any, ...], read: set[str]) -> DocumentRecord:
    (_, doc_id, path, title, glossaries, first, last, seconds, current, index, keys) = row
    paragraphs = json.loads(keys)
    return DocumentRecord(
        id=str(doc_id),
        path=str(path),
        title=str(title),
        glossary_paths=tuple(json.loads(glossaries)),
        first_opened=from_epoch(first),
        last_opened=from_epoch(last),
        reading_seconds=float(seconds),
        current_key=None if current is None else str(current),
        current_index=int(index),
        paragraph_count=len(paragraphs),
        read_count=sum(1 for paragraph in paragraphs if paragraph in read),
    )


def read_marks(connection: sqlite3.Connection, doc_id: str) -> dict[str, float]:
    """Paragraph hash → when it was marked read, for one document."""
    rows = connection.execute(
        "SELECT m.paragraph_hash, m.read_at FROM read_marks m"
        " JOIN documents d ON d.key = m.doc_key WHERE d.content_hash = ?",
        (doc_id,),
    )
    return {str(key): float(at) for key, at in rows}


def set_current(
    connection: sqlite3.Connection, doc_id: str, key: str, index: int, now: float
) -> bool:
    cursor = connection.execute(
        "UPDATE documents SET current_hash = ?, current_index = ?, current_at = ?"
        " WHERE content_hash = ?",
        (key, index, now, doc_id),
    )
    return cursor.rowcount > 0


def mark_read(
    connection: sqlite3.Connection, doc_id: str, key: str, words: int, now: float, day: date
) -> bool:
    """Mark a paragraph read; count it in the day's totals only the first time."""
    document = doc_key(connection, doc_id)
    if document is None:
        return False
    cursor = connection.execute(
        "INSERT INTO read_marks (doc_key, paragraph_hash, read_at) VALUES (?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        (document, key, now),
    )
    if cursor.rowcount == 0:
        return False
    add_to_day(connection, day, paragraphs=1, words=words)
    return True


def unmark_read(connection: sqlite3.Connection, doc_id: str, key: str) -> bool:
    """Remove a read mark (the day's totals keep what was read: it was still reading)."""
    cursor = connection.execute(
        "DELETE FROM read_marks WHERE paragraph_hash = ?"
        " AND doc_key = (SELECT key FROM documents WHERE content_hash = ?)",
        (key, doc_id),
    )
    return cursor.rowcount > 0


def add_time(connection: sqlite3.Connection, doc_id: str, seconds: float, day: date) -> bool:
    cursor = connection.execute(
        "UPDATE documents SET reading_seconds = reading_seconds + ? WHERE content_hash = ?",
        (seconds, doc_id),
    )
    if cursor.rowcount == 0:
        return False
    add_to_day(connection, day, seconds=seconds)
    return True


def add_to_day(
    connection: sqlite3.Connection,
    day: date,
    paragraphs: int = 0,
    words: int = 0,
    seconds: float = 0.0,
) -> None:
    """Add to a day's totals in SQL (not read-modify-write), so concurrent writers add up."""
    connection.execute(
        "INSERT INTO days (day, paragraphs, words, seconds) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(day) DO UPDATE SET paragraphs = paragraphs + excluded.paragraphs,"
        " words = words + excluded.words, seconds = seconds + excluded.seconds",
        (day.isoformat(), paragraphs, words, seconds),
    )


def unsaved_record(
    doc_id: str, title: str, paragraphs: int, path: str, now: float
) -> DocumentRecord:
    """The record of a document that could not be stored at all (no progress yet)."""
    return DocumentRecord(
        id=doc_id,
        path=path,
        title=title,
        glossary_paths=(),
        first_opened=from_epoch(now),
        last_opened=from_epoch(now),
        reading_seconds=0.0,
        current_key=None,
        current_index=0,
        paragraph_count=paragraphs,
        read_count=0,
    )
