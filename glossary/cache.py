"""A cache of parsed, validated glossaries, so that a large glossary loads fast again.

One JSON file per glossary file and interface language (the warnings are stored in the
language they were written in), keyed by the file's absolute path, size, modification
time and the cache format. JSON rather than pickle: reading a cache can never run code.
It is decoded by msgspec straight into the model's dataclasses, with every field's type
checked; a cache that is stale, unreadable or malformed in any way is ignored (and later
replaced); it is never trusted over the glossary file itself.

The warnings stay undecoded until someone asks for them (the reader never does), and
only warnings are stored: a file with errors is never cached.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import msgspec

from glossary.i18n import current_language
from glossary.model import Entry, Glossary
from glossary.problems import Problem, Severity

FORMAT = 5  # bump whenever the model or validation changes


class _Key(msgspec.Struct, frozen=True):
    format: int
    lang: str
    path: str
    size: int
    mtime_ns: int


class _File(msgspec.Struct):
    key: _Key
    digest: str  # sha256 of the glossary file's text: what a matcher cache is checked against
    titles: tuple[str, ...]
    entries: tuple[Entry, ...]
    warnings: msgspec.Raw  # list of [line, column, message], decoded on demand


_Warning = tuple[int, int, str]
_decode_file = msgspec.json.Decoder(_File).decode
_decode_warnings = msgspec.json.Decoder(list[_Warning]).decode
_encode = msgspec.json.Encoder().encode


@dataclass
class Cached:
    """A cached glossary; `warnings()` decodes its warnings (they are all warnings)."""

    glossary: Glossary
    warnings: Callable[[], list[Problem]]


def _key(path: Path) -> _Key | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return _Key(FORMAT, current_language(), str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def _cache_file(cache_dir: Path, path: Path) -> Path:
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]
    return cache_dir / f"glossary-{digest}-{current_language()}.json"


def read(cache_dir: Path, path: Path) -> Cached | None:
    """The cached glossary for `path`, or None if there is no fresh, well-formed one."""
    key = _key(path)
    try:
        data = _cache_file(cache_dir, path).read_bytes()
        gc.disable()  # decoding makes many small objects and no cycles
        stored = _decode_file(data)
    except (OSError, msgspec.DecodeError):
        return None
    finally:
        gc.enable()
    if key is None or stored.key != key:
        return None
    name = str(path)
    glossary = Glossary(stored.entries, stored.titles, (name,), digest=stored.digest)
    return Cached(glossary, lambda: _warnings(name, stored.warnings))


def _warnings(path: str, raw: msgspec.Raw) -> list[Problem]:
    try:
        rows = _decode_warnings(raw)
    except msgspec.DecodeError:
        return []  # the entries were sound; a broken warnings list only loses warnings
    warning = Severity.WARNING
    return [Problem(path, line, column, message, warning) for line, column, message in rows]


def write(cache_dir: Path, path: Path, glossary: Glossary, problems: list[Problem]) -> None:
    """Store the glossary and its warnings; failing to write a cache is never an error."""
    key = _key(path)
    if key is None or any(p.is_error for p in problems):
        return
    warnings = _encode([(p.line, p.column, p.message) for p in problems])
    data = _File(key, glossary.digest, glossary.titles, glossary.entries, msgspec.Raw(warnings))
    with contextlib.suppress(OSError):
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(_cache_file(cache_dir, path), _encode(data))


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file, so a reader never sees half."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
