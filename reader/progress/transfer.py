"""The export file: a Snapshot as JSON, and back, checked field by field.

Format (version 1)::

    {"format": "tonle-progress", "version": 1, "exported_at": "<ISO time>",
     "documents": [{"id", "path", "title", "glossary_paths", "first_opened",
                    "last_opened", "reading_seconds", "paragraphs": [hash, …],
                    "current": {"paragraph", "index", "at"} | null,
                    "read": [{"paragraph": hash, "at": "<ISO time>"}, …]}, …],
     "terms": [{"id", "status": "learning-2", "lookups", "first_seen", "status_at"}, …],
     "days": [{"day": "2025-01-03", "paragraphs", "words", "seconds"}, …]}

Reading rejects the whole file at its first problem, with where it is
(`documents[2].read[0].at: expected an ISO date-time`), before anything is merged.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from glossary.bounded_read import ReadRefused, read_regular
from glossary.i18n import N_, _
from reader.progress.models import DayStats, DocumentSnapshot, Snapshot, TermRecord, TermStatus
from reader.progress.times import from_iso, to_iso

MAX_IMPORT_BYTES = 256 * 2**20

FORMAT_NAME = "tonle-progress"
FORMAT_VERSION = 1
T = TypeVar("T")


class TransferError(Exception):
    """An export file that cannot be read; the message is one line naming the file."""


def write_export(path: Path, snapshot: Snapshot, exported_at: datetime) -> None:
    """Write the snapshot to `path` atomically (a half-written export never replaces one)."""
    text = json.dumps(snapshot_to_json(snapshot, exported_at), ensure_ascii=False, indent=1)
    # An unpredictable name, created exclusively: a planted link cannot redirect it.
    descriptor, partial = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".partial", dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)  # a full disk or a kill leaves nothing behind
        raise


def read_import(path: Path) -> Snapshot:
    """The snapshot in `path`; TransferError (`FILE[:LINE:COL]: reason`) if it is not one."""
    try:
        text = read_regular(path, MAX_IMPORT_BYTES).decode("utf-8")
    except ReadRefused:
        message = _("{path}: cannot be read ({reason})")
        reason = _("not a regular file, or over {limit} MiB").format(limit=MAX_IMPORT_BYTES >> 20)
        raise TransferError(message.format(path=path, reason=reason)) from None
    except FileNotFoundError:
        raise TransferError(_("{path}: no such file").format(path=path)) from None
    except UnicodeDecodeError as error:
        message = _("{path}: not UTF-8 (byte offset {offset})")
        raise TransferError(message.format(path=path, offset=error.start)) from None
    except OSError as error:
        message = _("{path}: cannot be read ({reason})")
        raise TransferError(message.format(path=path, reason=error.strerror or error)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        place = f"{path}:{error.lineno}:{error.colno}"
        message = _("{place}: not valid JSON ({reason})")
        raise TransferError(message.format(place=place, reason=error.msg)) from None
    except (RecursionError, ValueError) as error:  # deep nesting, a 5000-digit number
        message = _("{place}: not valid JSON ({reason})")
        raise TransferError(message.format(place=path, reason=error)) from None
    try:
        return snapshot_from_json(data)
    except TransferError as error:
        raise TransferError(f"{path}: {error}") from None


def snapshot_to_json(snapshot: Snapshot, exported_at: datetime) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": to_iso(exported_at),
        "documents": [_document_json(d) for d in snapshot.documents],
        "terms": [_term_json(t) for t in snapshot.terms],
        "days": [_day_json(d) for d in snapshot.days],
    }


def _document_json(document: DocumentSnapshot) -> dict[str, Any]:
    current = None
    if document.current_key is not None:
        at = None if document.current_at is None else to_iso(document.current_at)
        current = {"paragraph": document.current_key, "index": document.current_index, "at": at}
    return {
        "id": document.id,
        "path": document.path,
        "title": document.title,
        "glossary_paths": list(document.glossary_paths),
        "first_opened": to_iso(document.first_opened),
        "last_opened": to_iso(document.last_opened),
        "reading_seconds": document.reading_seconds,
        "paragraphs": list(document.paragraphs),
        "current": current,
        "read": [{"paragraph": key, "at": to_iso(at)} for key, at in document.read],
    }


def _term_json(term: TermRecord) -> dict[str, Any]:
    return {
        "id": term.entry_id,
        "status": term.status.label,
        "lookups": term.lookups,
        "first_seen": None if term.first_seen is None else to_iso(term.first_seen),
        "status_at": None if term.status_at is None else to_iso(term.status_at),
    }


def _day_json(day: DayStats) -> dict[str, Any]:
    return {
        "day": day.day.isoformat(),
        "paragraphs": day.paragraphs,
        "words": day.words,
        "seconds": day.seconds,
    }


# Reading ---------------------------------------------------------------------------


def snapshot_from_json(data: object) -> Snapshot:
    """A Snapshot from parsed JSON; TransferError naming the first bad field."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        message = _('not a Tonle progress export (no "format": "{name}")')
        raise TransferError(message.format(name=FORMAT_NAME))
    version = data.get("version")
    if version != FORMAT_VERSION:
        message = _("export format version {version}; this Tonle reads {known}")
        raise TransferError(message.format(version=repr(version), known=FORMAT_VERSION))
    return Snapshot(
        documents=tuple(_items(data, "documents", "", _document)),
        terms=tuple(_items(data, "terms", "", _term)),
        days=tuple(_items(data, "days", "", _day)),
    )


def _items(
    obj: dict[str, Any], name: str, where: str, parse: Callable[[dict[str, Any], str], T]
) -> list[T]:
    """Parse the list `obj[name]` item by item; `where` is the parent's place plus a dot."""
    places = (f"{where}{name}[{i}]" for i in range(len(_field(obj, name, list, where))))
    return [
        parse(_object(item, place), place) for item, place in zip(obj[name], places, strict=True)
    ]


def _document(obj: dict[str, Any], where: str) -> DocumentSnapshot:
    current = obj.get("current")
    current = None if current is None else _object(current, f"{where}.current")
    return DocumentSnapshot(
        id=_field(obj, "id", str, where),
        path=_field(obj, "path", str, where),
        title=_field(obj, "title", str, where),
        glossary_paths=tuple(_strings(obj, "glossary_paths", where)),
        first_opened=_time(obj, "first_opened", where),
        last_opened=_time(obj, "last_opened", where),
        reading_seconds=_number(obj, "reading_seconds", where),
        current_key=None
        if current is None
        else _field(current, "paragraph", str, f"{where}.current"),
        current_index=0 if current is None else _count(current, "index", f"{where}.current"),
        current_at=None if current is None else _maybe_time(current, "at", f"{where}.current"),
        paragraphs=tuple(_strings(obj, "paragraphs", where)),
        read=tuple(_items(obj, "read", f"{where}.", _read_mark)),
    )


def _read_mark(obj: dict[str, Any], where: str) -> tuple[str, datetime]:
    return _field(obj, "paragraph", str, where), _time(obj, "at", where)


def _term(obj: dict[str, Any], where: str) -> TermRecord:
    try:
        status = TermStatus.parse(_field(obj, "status", str, where))
    except ValueError as error:
        raise TransferError(f"{where}.status: {error}") from None
    return TermRecord(
        entry_id=_field(obj, "id", str, where),
        status=status,
        lookups=_count(obj, "lookups", where),
        first_seen=_time(obj, "first_seen", where),
        status_at=_maybe_time(obj, "status_at", where),
    )


def _day(obj: dict[str, Any], where: str) -> DayStats:
    try:
        day = date.fromisoformat(_field(obj, "day", str, where))
    except ValueError:
        message = _("{field}: expected a date (YYYY-MM-DD)")
        raise TransferError(message.format(field=f"{where}.day")) from None
    return DayStats(
        day,
        _count(obj, "paragraphs", where),
        _count(obj, "words", where),
        _number(obj, "seconds", where),
    )


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TransferError(_("{field}: expected an object").format(field=where))
    return value


def _field(obj: dict[str, Any], name: str, kind: type, where: str) -> Any:
    value = obj.get(name)
    if not isinstance(value, kind) or isinstance(value, bool) or not _encodable(value):
        message = _(_EXPECTED[kind])
        raise TransferError(message.format(field=f"{where}.{name}".lstrip(".")))
    return value


def _encodable(value: object) -> bool:
    """A string holds no lone surrogate (`"\\udcff"` in JSON), which SQLite cannot store."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
    return True


_EXPECTED: dict[type, str] = {
    str: N_("{field}: expected a string"),
    list: N_("{field}: expected a list"),
    int: N_("{field}: expected an integer"),
}


def _strings(obj: dict[str, Any], name: str, where: str) -> list[str]:
    values: list[object] = _field(obj, name, list, where)
    strings = [value for value in values if isinstance(value, str)]
    if len(strings) != len(values):
        message = _("{field}: expected a list of strings")
        raise TransferError(message.format(field=f"{where}.{name}"))
    return strings


def _count(obj: dict[str, Any], name: str, where: str) -> int:
    value = _field(obj, name, int, where)
    if not 0 <= value < 2**63:  # SQLite integers are 64-bit
        message = _("{field}: expected a count (0 or more)")
        raise TransferError(message.format(field=f"{where}.{name}"))
    return int(value)


def _number(obj: dict[str, Any], name: str, where: str) -> float:
    value = obj.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 2**53:
        message = _("{field}: expected a number (0 or more)")
        raise TransferError(message.format(field=f"{where}.{name}"))
    return float(value)


def _time(obj: dict[str, Any], name: str, where: str) -> datetime:
    moment = _maybe_time(obj, name, where)
    if moment is None:
        raise TransferError(_(_EXPECTED_TIME).format(field=f"{where}.{name}"))
    return moment


def _maybe_time(obj: dict[str, Any], name: str, where: str) -> datetime | None:
    value = obj.get(name)
    if value is None:
        return None
    try:
        if isinstance(value, str):
            return from_iso(value)
    except ValueError:
        pass
    raise TransferError(_(_EXPECTED_TIME).format(field=f"{where}.{name}"))


_EXPECTED_TIME = N_("{field}: expected an ISO date-time")
