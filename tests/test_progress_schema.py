"""Schema versions: an old database is migrated in one transaction and keeps its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glossary.document import parse_document
from reader.progress import ProgressStore, TermStatus, resume_index
from reader.progress import schema as schema_module
from reader.progress.identity import document_id, paragraph_keys
from reader.progress.times import from_epoch

TEXT = "Old Notes\n\nA paragraph read long ago.\n\nAnother one, also read.\n\nWhere I stopped."

# Version 1 exactly as it was written, frozen here (not imported) so that a change to
# the shipped migrations cannot silently change what this test builds.
V1_SCHEMA = """
CREATE TABLE documents (
    key INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    first_opened REAL NOT NULL,
    last_opened REAL NOT NULL,
    current_hash TEXT,
    current_index INTEGER NOT NULL DEFAULT 0,
    reading_seconds REAL NOT NULL DEFAULT 0
);
CREATE INDEX documents_by_path ON documents(path);
CREATE TABLE read_marks (
    doc_key INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    paragraph_hash TEXT NOT NULL,
    read_at REAL NOT NULL,
    PRIMARY KEY (doc_key, paragraph_hash)
) WITHOUT ROWID;
CREATE TABLE terms (
    entry_id TEXT PRIMARY KEY,
    status INTEGER NOT NULL DEFAULT 0,
    lookups INTEGER NOT NULL DEFAULT 0,
    first_seen REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE days (
    day TEXT PRIMARY KEY,
    paragraphs INTEGER NOT NULL DEFAULT 0,
    words INTEGER NOT NULL DEFAULT 0,
    seconds REAL NOT NULL DEFAULT 0
) WITHOUT ROWID;
PRAGMA user_version = 1;
"""


def build_v1(data: Path, path: Path) -> str:
    """A version-1 database holding one document, two read marks, a term and a day."""
    document = parse_document(TEXT)
    doc_id, keys = document_id(document), paragraph_keys(document)
    data.mkdir(parents=True)
    with sqlite3.connect(data / "progress.sqlite3") as db:
        db.executescript(V1_SCHEMA)
        db.execute(
            "INSERT INTO documents VALUES (1, ?, ?, 'Old Notes', 1000.0, 2000.0, ?, 3, 600.0)",
            (doc_id, str(path), keys[3]),
        )
        db.executemany(
            "INSERT INTO read_marks VALUES (1, ?, ?)", [(keys[1], 1100.0), (keys[2], 1200.0)]
        )
        db.execute("INSERT INTO terms VALUES ('hun-sen', 3, 4, 1500.0)")
        db.execute("INSERT INTO days VALUES ('2025-01-02', 2, 9, 600.0)")
    return doc_id


def columns(db: Path, table: str) -> set[str]:
    with sqlite3.connect(db) as raw:
        return {row[1] for row in raw.execute(f"PRAGMA table_info({table})")}


def test_a_v1_database_is_migrated_and_keeps_its_data(tmp_path: Path):
    data, text_path = tmp_path / "data", tmp_path / "notes.txt"
    doc_id = build_v1(data, text_path)
    with ProgressStore(data) as store:
        assert store.can_save and store.messages == []
        with sqlite3.connect(store.path) as raw:
            assert raw.execute("PRAGMA user_version").fetchone()[0] == 3
        record = store.document(doc_id)
        assert record is not None and record.title == "Old Notes"
        assert record.path == str(text_path) and record.reading_seconds == 600
        assert record.first_opened == from_epoch(1000.0) and record.current_index == 3
        term = store.term("hun-sen")
        assert (term.status, term.lookups) == (TermStatus.LEARNING_3, 4)
        assert term.status_at == term.first_seen == from_epoch(1500.0)
        assert store.days()[0].words == 9
        # The first opening after the upgrade fills in the paragraph list.
        document = parse_document(TEXT)
        reopened = store.open_document(document, text_path)
        assert (reopened.read_count, reopened.paragraph_count) == (2, 4)
        assert resume_index(document, reopened) == 3
    assert {"glossary_paths", "paragraph_hashes", "current_at"} <= columns(
        data / "progress.sqlite3", "documents"
    )


def test_a_failing_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "data"
    build_v1(data, tmp_path / "notes.txt")
    broken = [*schema_module.MIGRATIONS[:1], (*schema_module.MIGRATIONS[1], "NOT SQL AT ALL")]
    monkeypatch.setattr(schema_module, "MIGRATIONS", broken)
    with ProgressStore(data) as store:
        assert not store.can_save
        assert "progress cannot be saved" in store.messages[0]
    db = data / "progress.sqlite3"
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
        assert raw.execute("SELECT count(*) FROM read_marks").fetchone()[0] == 2
    assert "glossary_paths" not in columns(db, "documents")  # the ALTERs were rolled back


def test_a_database_from_a_newer_tonle_is_left_alone(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    db = data / "progress.sqlite3"
    with sqlite3.connect(db) as raw:
        raw.execute("CREATE TABLE future (x)")
        raw.execute("PRAGMA user_version = 99")
    before = db.read_bytes()
    with ProgressStore(data) as store:
        assert not store.can_save and "newer" in store.messages[0]
        store.set_term_status("x", TermStatus.KNOWN)  # goes nowhere, raises nothing
    assert db.read_bytes() == before


def test_a_fresh_database_is_at_the_current_version(tmp_path: Path):
    with ProgressStore(tmp_path / "data") as store, sqlite3.connect(store.path) as raw:
        version = raw.execute("PRAGMA user_version").fetchone()[0]
    assert version == schema_module.current_version() == len(schema_module.MIGRATIONS)
