"""Loading glossary files: strict, every problem at once, safe, and cached.

`load` returns a `LoadResult` holding the glossary and every problem (errors and
warnings) as `file:line:column`; it never raises for bad input. `load_or_raise`
raises `GlossaryError` when there are errors.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import yaml
from yaml.nodes import Node

from glossary import cache
from glossary.bounded_read import ReadRefused, read_regular
from glossary.fold import pattern_key
from glossary.i18n import _
from glossary.model import Entry, Glossary
from glossary.overrides import apply_overrides
from glossary.problems import GlossaryError, Problem
from glossary.safe_text import find_unsafe
from glossary.schema import Reader, read_entries
from glossary.yaml_bounds import bounds_problem
from glossary.yaml_hints import hint, tab_problems, where

MAX_GLOSSARY_BYTES = 64 * 2**20

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LoadResult:
    """A glossary (possibly partial) and everything wrong with its files.

    Warnings from a cache are decoded only when `problems` or `warnings` is read (a
    large glossary can have hundreds of thousands); a cache never holds errors.
    """

    def __init__(
        self,
        glossary: Glossary,
        problems: Sequence[Problem] = (),
        *,
        parts: Sequence[Problem | Callable[[], list[Problem]]] = (),
    ) -> None:
        self.glossary = glossary
        self._parts: list[Problem | Callable[[], list[Problem]]] = [*parts, *problems]

    @property
    def problems(self) -> list[Problem]:
        """Every problem, in file order; cached warnings are decoded here, once."""
        if any(callable(part) for part in self._parts):
            self._parts = [p for part in self._parts for p in _expand(part)]
        return self._parts  # type: ignore[return-value]

    @problems.setter
    def problems(self, problems: list[Problem]) -> None:
        self._parts = list(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self._parts if isinstance(p, Problem) and p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def _expand(part: Problem | Callable[[], list[Problem]]) -> list[Problem]:
    return [part] if isinstance(part, Problem) else part()


@contextmanager
def _gc_paused() -> Iterator[None]:
    # The cyclic collector runs over and over while YAML builds many small objects;
    # pausing it roughly halves the load time of a large glossary.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text, or one problem saying why it cannot be read as UTF-8 text."""
    name = str(path)
    try:
        data = read_regular(path, MAX_GLOSSARY_BYTES)
    except ReadRefused as refused:
        return None, Problem(name, 1, 1, _refusal(refused))
    except FileNotFoundError:
        return None, Problem(name, 1, 1, _("no such file"))
    except IsADirectoryError:
        return None, Problem(name, 1, 1, _("is a directory, not a file"))
    except OSError as error:
        reason = error.strerror or error
        return None, Problem(name, 1, 1, _("cannot be read: {reason}").format(reason=reason))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = _("not UTF-8: invalid byte {byte} at byte offset {offset}").format(
            byte=f"0x{data[error.start]:02x}", offset=error.start
        )
        return None, Problem(name, line, column, message)
    if "\x00" in text:
        return None, Problem(name, 1, 1, _("is a binary file, not text"))
    return text, None


def _refusal(refused: ReadRefused) -> str:
    if refused.reason == "too-large":
        limit = MAX_GLOSSARY_BYTES // 2**20
        return _("is over {limit} MiB; Tonle reads glossaries up to {limit} MiB").format(
            limit=limit
        )
    return _("is not a regular file (a device, FIFO or socket)")


def unsafe_problems(path: str, text: str) -> list[Problem]:
    """An error at file:line:col for each control, bidi control or lone surrogate."""
    message = _("{char} is a control character; it could drive a terminal and is not allowed")
    return [Problem(path, u.line, u.column, message.format(char=u.name)) for u in find_unsafe(text)]


def _compose(path: str, text: str) -> tuple[Node | None, list[Problem]]:
    """The YAML node tree, or every syntax problem found: each tab in an indentation,
    and the parser's error said as what to fix."""
    if not text.strip():
        return None, [Problem(path, 1, 1, _("the file is empty; a glossary needs 'entries:'"))]
    tabs = list(tab_problems(path, text))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        line, column = where(error)
        problem = Problem(path, line, column, hint(error, text))
        return None, sorted({*tabs, problem} if line not in {p.line for p in tabs} else tabs)
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, 1, _("not valid YAML: {reason}").format(reason=error))]
    if tabs:
        return None, tabs
    if node is None:
        return None, [Problem(path, 1, 1, _("the file holds no YAML document"))]
    return node, []


def parse(path: Path) -> LoadResult:
    """Read and validate one file (no cache, no cross-file checks)."""
    text, problem = read_text(path)
    if text is None:
        assert problem is not None
        return LoadResult(Glossary(()), [problem])
    return parse_text(str(path), text)


def parse_text(path: str, text: str) -> LoadResult:
    """Validate the text of one file named `path`; overrides are kept as read."""
    unsafe = unsafe_problems(path, text)
    if unsafe:
        return LoadResult(Glossary(()), unsafe)
    with _gc_paused():
        title, entries, problems, broken = _parse_text(path, text)
    if title is None:
        return LoadResult(Glossary(()), problems)
    built = [e for e in entries if not e.overrides]
    problems += check_entries(built) + _broken_duplicates(built, broken)
    titles = (title,) if title else ()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    glossary = Glossary(tuple(entries), titles, (path,), digest=digest)
    return LoadResult(glossary, sorted(problems))


def _parse_text(
    path: str, text: str
) -> tuple[str | None, list[Entry], list[Problem], list[tuple[str, str]]]:
    """Compose and read; the node graph is dropped here, before the collector runs again.
    Also returns (id, origin) of the entries that had an id but could not be built."""
    node, problems = _compose(path, text)
    if node is None:
        return None, [], problems, []
    too_big = bounds_problem(node)
    if too_big is not None:
        return None, [], [Problem(path, 1, 1, too_big)], []
    reader = Reader(path)
    title, entries = read_entries(reader, node)
    return title, entries, reader.problems, reader.broken_ids


def _broken_duplicates(entries: Sequence[Entry], broken: list[tuple[str, str]]) -> list[Problem]:
    """Duplicate ids that involve an entry too broken to build (`check_entries` sees
    only the built ones), reported at the later of the two."""
    first = {entry.id: entry.origin for entry in entries}
    problems = []
    for entry_id, origin in broken:
        earlier = first.setdefault(entry_id, origin)
        if earlier != origin:
            path, line, column = origin.rsplit(":", 2)
            message = _("duplicate id {id}; first defined ({origin})")
            problems.append(
                Problem(
                    path, int(line), int(column), message.format(id=repr(entry_id), origin=earlier)
                )
            )
    return problems


def _origin(entry: Entry) -> tuple[str, int, int]:
    path, line, column = entry.origin.rsplit(":", 2)
    return path, int(line), int(column)


def check_entries(entries: Sequence[Entry], *, across_files: bool = False) -> list[Problem]:
    """Duplicate ids, and English forms claimed by two entries.

    With `across_files`, only clashes between entries of different files are reported
    (clashes inside one file were reported when it was parsed).
    """
    problems: list[Problem] = []
    ids: dict[str, Entry] = {}
    claims: dict[str, Entry] = {}

    def clash(entry: Entry, first: Entry, message: str) -> None:
        if not across_files or _origin(entry)[0] != _origin(first)[0]:
            problems.append(Problem(*_origin(entry), message))

    for entry in entries:
        first = ids.setdefault(entry.id, entry)
        if first is not entry:
            message = _("duplicate id {id}; first defined ({origin})")
            clash(entry, first, message.format(id=repr(entry.id), origin=first.origin))
        for form in entry.english_forms():
            owner = claims.setdefault(pattern_key(form.text), entry)
            if owner.id != entry.id:
                message = _("alias {alias} of {id} is also claimed by {owner} ({origin})")
                clash(
                    entry,
                    owner,
                    message.format(
                        alias=repr(form.text),
                        id=repr(entry.id),
                        owner=repr(owner.id),
                        origin=owner.origin,
                    ),
                )
    return problems


def load(paths: Sequence[Path], *, cache_dir: Path | None = None) -> LoadResult:
    """Load one or more glossary files together, using the cache where it is fresh."""
    results = [_load_one(path, cache_dir) for path in paths]
    merged = Glossary.merge([r.glossary for r in results])
    parts = [part for r in results for part in r._parts]
    glossary, problems = merged, list[Problem]()
    if any(entry.overrides for entry in merged.entries):
        entries, problems = apply_overrides(merged.entries)
        # The same files give the same result, so the digest still names it.
        glossary = Glossary(tuple(entries), merged.titles, merged.paths, digest=merged.digest)
    if len(results) > 1:
        problems += check_entries(glossary.entries, across_files=True)
    return LoadResult(glossary, problems, parts=parts)


def _load_one(path: Path, cache_dir: Path | None) -> LoadResult:
    cached = cache.read(cache_dir, path) if cache_dir else None
    if cached is not None:
        return LoadResult(cached.glossary, parts=[cached.warnings])
    result = parse(path)
    if cache_dir and result.ok:
        cache.write(cache_dir, path, result.glossary, result.problems)
    return result


def load_or_raise(paths: Sequence[Path], *, cache_dir: Path | None = None) -> LoadResult:
    """Like `load`, but raise `GlossaryError` (with every error) when any file is bad."""
    result = load(paths, cache_dir=cache_dir)
    if not result.ok:
        raise GlossaryError(result.errors)
    return result
