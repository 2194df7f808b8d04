"""A cache of parsed, validated glossaries, so that a large glossary loads fast again.

One JSON file per glossary file, keyed by the file's absolute path, size, modification
time and the cache format. JSON rather than pickle: reading a cache can never run code.
A cache that is stale, unreadable or malformed in any way is ignored (and later
replaced); it is never trusted over the glossary file itself.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glossary.i18n import current_language
from glossary.model import Alias, Entry, Form, Glossary, Source, Status
from glossary.problems import Problem, Severity

FORMAT = 4  # bump whenever the model or validation changes


@dataclass
class Cached:
    glossary: Glossary
    problems: list[Problem]


def _key(path: Path) -> dict[str, Any] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return {
        "format": FORMAT,
        "lang": current_language(),  # the problems' messages are in this language
        "path": str(path.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }


def _cache_file(cache_dir: Path, path: Path) -> Path:
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]
    return cache_dir / f"glossary-{digest}.json"


def read(cache_dir: Path, path: Path) -> Cached | None:
    """The cached glossary for `path`, or None if there is no fresh, well-formed one."""
    key = _key(path)
    try:
        with _cache_file(cache_dir, path).open(encoding="utf-8") as stream:
            gc.disable()
            data = json.load(stream)
        if key is None or data.get("key") != key:
            return None
        return _decode(data, str(path))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    finally:
        gc.enable()


def write(cache_dir: Path, path: Path, glossary: Glossary, problems: list[Problem]) -> None:
    """Store the glossary; failing to write a cache is never an error."""
    key = _key(path)
    if key is None:
        return
    data = {
        "key": key,
        "titles": list(glossary.titles),
        "entries": [_encode_entry(e) for e in glossary.entries],
        "problems": [[p.line, p.column, p.message, p.severity.value] for p in problems],
    }
    with contextlib.suppress(OSError):
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                json.dump(data, stream, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, _cache_file(cache_dir, path))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _encode_form(form: Form | None) -> list[Any] | None:
    if form is None:
        return None
    sources = [[s.ref, s.shows] for s in form.sources]
    return [
        form.text,
        form.status.value,
        form.romanization,
        form.hanja,
        sources,
        list(form.variants),
    ]


def _decode_form(data: list[Any] | None) -> Form | None:
    if data is None:
        return None
    text, status, romanization, hanja, sources, variants = data
    return Form(
        text=text,
        status=Status(status),
        romanization=romanization,
        hanja=hanja,
        sources=tuple(Source(ref, shows) for ref, shows in sources),
        variants=tuple(variants),
    )


def _encode_entry(entry: Entry) -> list[Any]:
    aliases = [[a.text, a.match_case] for a in entry.aliases]
    km, ko = _encode_form(entry.km), _encode_form(entry.ko)
    return [
        entry.id,
        entry.category,
        entry.en,
        aliases,
        entry.note,
        km,
        ko,
        entry.match_case,
        entry.origin,
        list(entry.overrides),
    ]


def _decode_entry(data: list[Any]) -> Entry:
    entry_id, category, en, aliases, note, km, ko, match_case, origin, overrides = data
    return Entry(
        id=entry_id,
        category=category,
        en=en,
        aliases=tuple(Alias(text, flag) for text, flag in aliases),
        note=note,
        km=_decode_form(km),
        ko=_decode_form(ko),
        match_case=match_case,
        origin=origin,
        overrides=tuple(overrides),
    )


def _decode(data: dict[str, Any], path: str) -> Cached:
    entries = tuple(_decode_entry(e) for e in data["entries"])
    problems = [
        Problem(path, line, column, message, Severity(severity))
        for line, column, message, severity in data["problems"]
    ]
    return Cached(Glossary(entries, tuple(data["titles"]), (path,)), problems)
