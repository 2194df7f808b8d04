"""The progress database's schema, versioned with `PRAGMA user_version`.

`MIGRATIONS[n]` takes a database from version n to n + 1. Never edit a migration that
has shipped: add a new one. All pending steps run in order in one transaction together
with the new `user_version`, so a database is at its old version or the current one,
never between two.

Times are stored as Unix seconds (REAL, UTC); days as local `YYYY-MM-DD` text.
"""

from __future__ import annotations

import sqlite3

# Version 1: documents, read marks, terms and days.
_V1 = (
    """CREATE TABLE documents (
        key INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        first_opened REAL NOT NULL,
        last_opened REAL NOT NULL,
        current_hash TEXT,
        current_index INTEGER NOT NULL DEFAULT 0,
        reading_seconds REAL NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX documents_by_path ON documents(path)",
    """CREATE TABLE read_marks (
        doc_key INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        paragraph_hash TEXT NOT NULL,
        read_at REAL NOT NULL,
        PRIMARY KEY (doc_key, paragraph_hash)
    ) WITHOUT ROWID""",
    """CREATE TABLE terms (
        entry_id TEXT PRIMARY KEY,
        status INTEGER NOT NULL DEFAULT 0,
        lookups INTEGER NOT NULL DEFAULT 0,
        first_seen REAL NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE days (
        day TEXT PRIMARY KEY,
        paragraphs INTEGER NOT NULL DEFAULT 0,
        words INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0
    ) WITHOUT ROWID""",
)

# Version 2: the glossaries a document was read with, its paragraph list (so the library
# can show percentages without re-reading files), and the times that import merges
# compare (when the current paragraph and a term's status were last set).
_V2 = (
    "ALTER TABLE documents ADD COLUMN glossary_paths TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE documents ADD COLUMN paragraph_hashes TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE documents ADD COLUMN current_at REAL",
    "UPDATE documents SET current_at = last_opened WHERE current_hash IS NOT NULL",
    "ALTER TABLE terms ADD COLUMN status_at REAL",
    "UPDATE terms SET status_at = first_seen WHERE status != 0",
)

# Version 3: spaced review. One row per flashcard (a glossary entry in one card kind),
# holding its FSRS state; a card exists from its first rating. `reviews` logs every
# rating with the card's state and the term's status just before it, so a rating can be
# undone exactly and retention counted from the state the card was in.
_V3 = (
    """CREATE TABLE cards (
        entry_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        card_id INTEGER NOT NULL,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due REAL NOT NULL,
        last_review REAL,
        created_day TEXT NOT NULL,
        PRIMARY KEY (entry_id, kind)
    ) WITHOUT ROWID""",
    "CREATE INDEX cards_by_due ON cards(due)",
    "CREATE INDEX cards_by_day ON cards(created_day)",
    """CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        entry_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        rating INTEGER NOT NULL,
        reviewed_at REAL NOT NULL,
        day TEXT NOT NULL,
        duration_ms INTEGER,
        card_before TEXT,
        state_before INTEGER,
        status_before INTEGER
    )""",
    "CREATE INDEX reviews_by_day ON reviews(day)",
)

MIGRATIONS: list[tuple[str, ...]] = [_V1, _V2, _V3]


class NewerSchemaError(Exception):
    """The database was written by a newer Tonle; this one must not touch it."""


def current_version() -> int:
    return len(MIGRATIONS)


def user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the database to the current version; return the version it had.

    The connection must be in autocommit mode (isolation_level=None). The upgrade takes
    the write lock first (BEGIN IMMEDIATE) and re-reads the version under it, so two
    processes opening an old database at once migrate it once. A failing step rolls
    everything back and raises (sqlite3.Error); a database newer than this code raises
    NewerSchemaError.
    """
    found = user_version(connection)
    if found > current_version():
        raise NewerSchemaError(
            f"schema version {found} is newer than this Tonle's ({current_version()})"
        )
    if found < current_version():
        _upgrade(connection)
    return found


def _upgrade(connection: sqlite3.Connection) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = user_version(connection)
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                connection.execute(statement)
        # PRAGMA takes no parameters; the value is an int computed here.
        connection.execute(f"PRAGMA user_version = {max(version, current_version())}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
