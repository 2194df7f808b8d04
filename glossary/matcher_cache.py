"""The built matcher kept on disk beside the glossary cache, so a start does not rebuild it.

Per glossary set (keyed, as the glossary cache is, by the files' absolute paths), a JSON
header and one file per automaton. The automata store 32-bit integers only (see
`linker`), no Python objects. A file is pyahocorasick's own pickled state, read by an
unpickler that can resolve exactly one name, `ahocorasick.Automaton`: any other global
(`os.system`, a builtin, a copyreg extension) is refused, so reading cannot run code.
(pyahocorasick's `save`/`load` gives the same guarantee but loads 6x slower: 180 ms
against 30 ms for the 20,000-entry benchmark glossary's Latin automaton.)

The header records the format, the digest of the glossary the matcher was built from,
the entry count and the sha256 of every automaton file; the matcher is used only when
all of them agree with the glossary in hand and with the bytes on disk, and every value
points inside the entry table. Otherwise it is rebuilt and written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
from pathlib import Path
from typing import Any

import ahocorasick
import msgspec
from ahocorasick import Automaton

from glossary import cache
from glossary.model import Glossary

FORMAT = 2  # bump whenever the linker's patterns or value layout change
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
            data = pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL)
            cache.write_atomic(_part(base, number), data)
            files.append((hashlib.sha256(data).hexdigest(), len(automaton)))
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
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            return None
        automaton = _AutomatonOnly(io.BytesIO(data)).load()
    except Exception:  # any damage at all (the C reader raises several kinds): rebuild
        return None
    if not isinstance(automaton, Automaton):
        return None
    if automaton.store != ahocorasick.STORE_INTS or automaton.kind != ahocorasick.AHOCORASICK:
        return None
    if len(automaton) != keys:
        return None
    return automaton


class _AutomatonOnly(pickle.Unpickler):
    """Unpickles an automaton and nothing else: no other class or function is reachable."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("ahocorasick", "Automaton"):
            return Automaton
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a matcher cache")


def _in_range(automaton: Automaton, entries: int, rows: int) -> bool:
    """Every value names an existing entry or complex row (so a link cannot fail)."""
    values = list(automaton.values())
    return not values or (max(values) >> _ENTRY_SHIFT < entries and min(values) >= -rows)
