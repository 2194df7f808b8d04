"""The built matcher kept on disk beside the glossary cache, so a start does not rebuild it.

Per glossary set (keyed, as the glossary cache is, by the files' absolute paths), a JSON
header and one file per automaton written by pyahocorasick's own `save`. The automata
store 32-bit integers only (see `linker`), so reading one never unpickles anything or
runs code. The header records the format, the digest of the glossary the matcher was
built from, the entry count and the sha256 of every automaton file; the matcher is used
only when all of them agree with the glossary in hand and with the bytes on disk, and
every value points inside the entry table. Otherwise it is rebuilt and written again.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import ahocorasick
import msgspec
from ahocorasick import Automaton

from glossary import cache
from glossary.model import Glossary

FORMAT = 1  # bump whenever the linker's patterns or value layout change
_ENTRY_SHIFT = 13  # as in linker: a value's entry index is its bits above 13

Pattern = tuple[int, str | None, bool, bool]
Complex = tuple[int, list[Pattern]]


class _Header(msgspec.Struct):
    format: tuple[int, int]  # (this module's, the glossary cache's)
    glossary: str
    entries: int
    complex: list[Complex]
    files: list[tuple[str, int] | None]  # per automaton: (sha256, key count), or None


_decode = msgspec.json.Decoder(_Header).decode
_encode = msgspec.json.Encoder().encode


def _base(cache_dir: Path, glossary: Glossary) -> Path:
    names = "\n".join(str(Path(p).resolve()) for p in glossary.paths)
    return cache_dir / f"matcher-{hashlib.sha256(names.encode()).hexdigest()[:24]}"


def _part(base: Path, number: int) -> Path:
    return base.with_name(f"{base.name}.{number}.aho")


def save(
    cache_dir: Path, glossary: Glossary, automata: list[Automaton | None], rows: list[Complex]
) -> None:
    """Keep the matcher for `glossary`; failing to write a cache is never an error."""
    if not glossary.digest:
        return
    base = _base(cache_dir, glossary)
    files: list[tuple[str, int] | None] = []
    with contextlib.suppress(OSError):
        cache_dir.mkdir(parents=True, exist_ok=True)
        for number, automaton in enumerate(automata):
            if automaton is None:
                files.append(None)
                continue
            automaton.save(str(_part(base, number)))
            digest = hashlib.sha256(_part(base, number).read_bytes()).hexdigest()
            files.append((digest, len(automaton)))
        header = _Header((FORMAT, cache.FORMAT), glossary.digest, len(glossary), rows, files)
        cache.write_atomic(base.with_suffix(".json"), _encode(header))


def load(
    cache_dir: Path, glossary: Glossary
) -> tuple[list[Automaton | None], list[Complex]] | None:
    """The stored automata and complex rows for `glossary`, or None unless they are
    exactly those built from it."""
    if not glossary.digest:
        return None
    base = _base(cache_dir, glossary)
    try:
        header = _decode(base.with_suffix(".json").read_bytes())
    except (OSError, msgspec.DecodeError):
        return None
    fresh = (FORMAT, cache.FORMAT), glossary.digest, len(glossary)
    if (header.format, header.glossary, header.entries) != fresh:
        return None
    automata = [_automaton(_part(base, n), f) if f else None for n, f in enumerate(header.files)]
    if len(automata) != 2 or any(
        a is None for a, f in zip(automata, header.files, strict=True) if f
    ):
        return None
    if not all(_in_range(a, len(glossary), len(header.complex)) for a in automata if a):
        return None
    return automata, header.complex


def _automaton(path: Path, recorded: tuple[str, int]) -> Automaton | None:
    digest, keys = recorded
    try:
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return None
        automaton = ahocorasick.load(str(path), _no_objects)
    except (OSError, ValueError, MemoryError, TypeError):
        return None
    if automaton.store != ahocorasick.STORE_INTS or automaton.kind != ahocorasick.AHOCORASICK:
        return None
    if len(automaton) != keys:
        return None
    return automaton


def _no_objects(_data: bytes) -> object:
    raise ValueError("an integer automaton stores no objects")


def _in_range(automaton: Automaton, entries: int, rows: int) -> bool:
    """Every value names an existing entry or complex row (so a link cannot fail)."""
    values = list(automaton.values())
    return not values or (max(values) >> _ENTRY_SHIFT < entries and min(values) >= -rows)
