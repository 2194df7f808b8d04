"""Opening the progress database so that Tonle always gets one it can use.

- A healthy file opens in WAL mode, migrated to the current schema.
- A corrupt or unreadable file is moved aside (renamed, never deleted, with its -wal
  and -shm companions) and a fresh database takes its place.
- A file Tonle may not write (read-only directory or file) is copied into memory: reads
  show what is stored, writes go to the copy and are lost at exit.
- Anything else (a database from a newer Tonle, one locked for too long, a failed
  upgrade) leaves the file alone and falls back to memory as well.

Every fallback comes with one line saying what happened; nothing here prints.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from glossary.i18n import _
from reader.progress.schema import NewerSchemaError, current_version, migrate, user_version


class _CannotSave:
    """`progress cannot be saved: {reason}`, translated when it is used (not at import)."""

    @staticmethod
    def format(reason: object) -> str:
        return _("progress cannot be saved: {reason}").format(reason=reason)


_CANNOT_SAVE = _CannotSave()

# Long enough for another Tonle's write (a few milliseconds) or migration to finish.
BUSY_TIMEOUT_SECONDS = 15.0
# Two Tonles opening a new database at once: switching it to WAL, one may find it locked
# (SQLite answers that without waiting for the busy timeout). The open is tried again.
OPEN_RETRY_SECONDS = 5.0
_LOCKED_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
# SQLite's primary result codes that mean the bytes are not a usable database.
_CORRUPTION_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_SQLITE_HEADER = b"SQLite format 3\x00"


class CorruptDatabaseError(Exception):
    """The file is not a readable SQLite database; the message says why, in a few words."""


@dataclass
class Opened:
    """A ready connection (autocommit mode) and what the user should be told about it."""

    connection: sqlite3.Connection
    can_save: bool
    messages: list[str] = field(default_factory=list)
    moved_to: Path | None = None


def open_database(path: Path, now: datetime | None = None) -> Opened:
    """Open (creating if needed) the database at `path`; never raises for a bad file."""
    refusal = _why_not_writable(path)
    if refusal is not None:
        return _in_memory(path, _CANNOT_SAVE.format(reason=refusal))
    problem = _unusable_file(path)
    if problem is not None:
        return _start_afresh(path, problem, now or datetime.now(UTC))
    try:
        return Opened(_open_retrying(path), can_save=True)
    except CorruptDatabaseError as problem:
        return _start_afresh(path, str(problem), now or datetime.now(UTC))
    except NewerSchemaError as error:
        return _fresh_memory(_CANNOT_SAVE.format(reason=f"{path}: {error}"))
    except (sqlite3.Error, OSError) as error:
        return _in_memory(path, _CANNOT_SAVE.format(reason=f"{path}: {_one_line(error)}"))


def _why_not_writable(path: Path) -> str | None:
    """Why Tonle cannot write at `path` (os.access honours read-only mounts), or None."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        message = _("cannot create {folder} ({reason})")
        return message.format(folder=path.parent, reason=error.strerror or error)
    if not os.access(path.parent, os.W_OK):
        return _("{path} is read-only").format(path=path.parent)
    if path.exists() and not os.access(path, os.W_OK):
        return _("{path} is read-only").format(path=path)
    return None


def _unusable_file(path: Path) -> str | None:
    """Why the file at `path` cannot be a database, checked before SQLite opens it, or None.

    This must come first: opening a file whose header is not SQLite's makes SQLite
    delete a -wal file lying beside it, and that log may hold the only copy of data.
    """
    if not path.exists():
        return None
    if not path.is_file():
        return _("not a regular file")
    try:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_HEADER))
    except OSError as error:
        return _("cannot be read: {reason}").format(reason=error.strerror or error)
    if header and header != _SQLITE_HEADER:
        return _("file is not a database")
    return None


def connect(target: str | Path, *, uri: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (the store opens its own transactions), usable
    from any thread (the store serialises access with a lock)."""
    return sqlite3.connect(
        target,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,
        check_same_thread=False,
        uri=uri,
    )


def _open_retrying(path: Path) -> sqlite3.Connection:
    """`_open_file`, tried again for a while when another process holds the database."""
    deadline = time.monotonic() + OPEN_RETRY_SECONDS
    while True:
        try:
            return _open_file(path)
        except sqlite3.OperationalError as error:
            code = getattr(error, "sqlite_errorcode", 0) & 0xFF
            locked = code in _LOCKED_CODES or "locked" in str(error)
            if not locked or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _open_file(path: Path) -> sqlite3.Connection:
    connection = connect(path)
    try:
        _guard(_configure, connection)
        _guard(_refuse_newer, connection)
        _guard(_use_wal, connection)
        _guard(_quick_check, connection)
        migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _configure(connection: sqlite3.Connection) -> None:
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    connection.execute("PRAGMA foreign_keys = ON")


def _refuse_newer(connection: sqlite3.Connection) -> None:
    """Raise NewerSchemaError before anything (even the journal mode) is changed.

    This is the first statement that reads the file: "file is not a database" surfaces here.
    """
    found = user_version(connection)
    if found > current_version():
        message = _("written by a newer Tonle (schema {found}; this one knows {known})")
        raise NewerSchemaError(message.format(found=found, known=current_version()))


def _use_wal(connection: sqlite3.Connection) -> None:
    # WAL: readers never block the writer, and a commit is one append to the log.
    connection.execute("PRAGMA journal_mode = WAL")
    # FULL syncs the WAL at every commit: a committed mark survives even a power cut.
    # Writes happen at reading pace, so the cost is invisible.
    connection.execute("PRAGMA synchronous = FULL")


def _quick_check(connection: sqlite3.Connection) -> None:
    rows = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        first = rows[0] if rows else _("no answer")
        message = _("integrity check failed: {reason}")
        raise CorruptDatabaseError(message.format(reason=_one_line(first)))


def _guard(step: Callable[[sqlite3.Connection], None], connection: sqlite3.Connection) -> None:
    """Run `step`, turning SQLite's corruption errors into CorruptDatabaseError."""
    try:
        step(connection)
    except sqlite3.DatabaseError as error:
        if _is_corruption(error):
            raise CorruptDatabaseError(_one_line(error)) from error
        raise


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and (code & 0xFF) in _CORRUPTION_CODES:
        return True
    # Some builds report a garbage file without an error code.
    return "not a database" in str(error) or "malformed" in str(error)


def _start_afresh(path: Path, reason: str, now: datetime) -> Opened:
    try:
        moved = move_aside(path, now)
    except OSError as error:
        message = _(
            "progress database {path} is unreadable ({reason}) and could not be moved aside "
            "({error}); progress cannot be saved"
        )
        return _fresh_memory(
            message.format(path=path, reason=reason, error=error.strerror or error)
        )
    try:
        connection = _open_file(path)
    except (CorruptDatabaseError, sqlite3.Error, NewerSchemaError, OSError) as error:
        return _fresh_memory(_CANNOT_SAVE.format(reason=f"{path}: {_one_line(error)}"))
    if moved:
        message = _(
            "progress database was unreadable ({reason}); moved it to {moved}; starting afresh"
        ).format(reason=reason, moved=moved)
    else:
        message = _(
            "progress database was unreadable ({reason}); another Tonle moved it "
            "aside; starting afresh"
        ).format(reason=reason)
    return Opened(connection, can_save=True, messages=[message], moved_to=moved)


def move_aside(path: Path, now: datetime) -> Path | None:
    """Rename `path` (and its -wal/-shm files) to `<name>.corrupt-<UTC time>`; return the new path.

    Returns None when the file vanished meanwhile (another Tonle moved it). The -wal file
    must move too: left behind, SQLite could replay it into the fresh database.
    """
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = _unused(path.with_name(f"{path.name}.corrupt-{stamp}"))
    try:
        path.rename(target)
    except FileNotFoundError:
        return None
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


def _unused(target: Path) -> Path:
    candidate, number = target, 1
    while candidate.exists():
        number += 1
        candidate = target.with_name(f"{target.name}-{number}")
    return candidate


def _in_memory(path: Path, message: str) -> Opened:
    """A migrated in-memory copy of the file at `path` (or an empty one if it cannot be read)."""
    memory = connect(":memory:")
    try:
        if path.is_file():
            _copy_read_only(path, memory)
        _guard(_quick_check, memory)
        migrate(memory)
    except (CorruptDatabaseError, sqlite3.Error, NewerSchemaError, OSError) as error:
        memory.close()
        shown = _("{message}; stored progress cannot be shown ({reason})")
        return _fresh_memory(shown.format(message=message, reason=_one_line(error)))
    return Opened(memory, can_save=False, messages=[message])


def _copy_read_only(path: Path, memory: sqlite3.Connection) -> None:
    """Copy the file into `memory`, writing nothing next to it when that can be avoided.

    Without a -wal file the main file holds everything, and `immutable=1` reads it with
    no locks and no -shm file. A -wal file may hold committed writes, so then `mode=ro`
    comes first (it may need to create a -shm file; where it cannot, immutable is the
    fallback and shows the data as of the last checkpoint).
    """
    base = path.resolve().as_uri()
    wal = path.with_name(path.name + "-wal")
    queries = ["?mode=ro&immutable=1"]
    if wal.is_file() and wal.stat().st_size > 0:
        queries.insert(0, "?mode=ro")
    for query in queries:
        source = connect(base + query, uri=True)
        try:
            source.backup(memory)
            return
        except sqlite3.OperationalError:
            if query == queries[-1]:
                raise
        finally:
            source.close()


def _fresh_memory(message: str) -> Opened:
    """An empty in-memory database. Only broken migrations (a bug) can make it fail;
    then it stays empty and every store call reports an error instead of crashing."""
    memory = connect(":memory:")
    try:
        migrate(memory)
    except sqlite3.Error as error:
        message = f"{message}; {_one_line(error)}"
    return Opened(memory, can_save=False, messages=[message])


def _one_line(error: object) -> str:
    return " ".join(str(error).split())
