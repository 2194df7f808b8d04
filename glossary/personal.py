"""Writing entries into a glossary file (the personal glossary, or any `--to FILE`).

Contract:
- Every change runs under the file's lock, on the file as it is on disk *now*: an entry
  added while another Tonle (or an editor) changed the file is added to their version,
  so two Tonles adding at once lose neither entry. An edit or delete of an entry that
  changed on disk since it was read is refused (`WriteRefused`), never applied blindly.
- The new text is validated with the loader's own rules before it is written; a change
  that would leave the file invalid is refused and nothing is written.
- Writing is atomic and keeps the previous version as `FILE.bak` (`filelock`).
- The file is edited with a round-trip YAML library (ruamel.yaml), so the user's
  comments, key order and layout survive; PyYAML would drop comments.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glossary.entry_data import Data, entry_data, override_data_of
from glossary.filelock import LockTimeout, locked, replace_keeping_backup
from glossary.i18n import _
from glossary.loader import LoadResult, parse_text, read_text
from glossary.model import Entry
from glossary.splice import splice

PERSONAL_STARTER = """\
# Your personal glossary: the terms you added or changed in Tonle.
# Tonle loads it after the glossary it ships with. Same format as every Tonle
# glossary (SCHEMA.md); an entry with `override: true` changes only the keys it
# gives of the shipped entry with the same id. You may edit this file by hand:
# Tonle keeps your comments, and keeps the previous version as personal.yaml.bak.
title: Personal glossary
entries: []
"""


# What a change does to the list of entries: entries[start:stop] = items; and the id
# the change is about.
_Edit = tuple[int, int, list[Data], str]


class WriteRefused(Exception):
    """A change that was not made; the message is one line naming the file."""


@dataclass(frozen=True)
class Saved:
    path: Path
    entry_id: str
    result: LoadResult  # the file as written, parsed (overrides as read)


@dataclass(frozen=True)
class Removed:
    """A deleted entry, enough to put it back where it was (undo)."""

    data: Any
    index: int
    saved: Saved


def _yaml() -> Any:
    from ruamel.yaml import YAML  # imported on use: only a save needs it

    yaml = YAML()  # round-trip: comments and layout are kept
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long note or Khmer phrase onto a second line
    return yaml


def _same(a: Entry | None, b: Entry | None) -> bool:
    if a is None or b is None:
        return a is b
    return dataclasses.replace(a, origin="") == dataclasses.replace(b, origin="")


class GlossaryFile:
    """One glossary file that Tonle writes to; `starter` is its text while it is missing."""

    def __init__(self, path: Path, starter: str = PERSONAL_STARTER) -> None:
        self.path, self.starter = path, starter

    def read(self) -> LoadResult:
        """The file as it is now (an empty glossary while it does not exist)."""
        return parse_text(str(self.path), self._text())

    def _text(self) -> str:
        if not self.path.exists():
            return self.starter
        text, problem = read_text(self.path)
        if text is None:
            raise WriteRefused(str(problem))
        return text

    def add(self, data: Data) -> Saved:
        """Append one entry (`entry_data` or `override_data`)."""
        return self._change(lambda entries: (len(entries), len(entries), [data], str(data["id"])))

    def replace(self, entry_id: str, data: Data, expected: Entry | None) -> Saved:
        """Put `data` in place of entry `entry_id`, which must still be `expected`."""

        def put(entries: Sequence[Entry]) -> _Edit:
            index = self._index(entries, entry_id, expected)
            return index, index + 1, [data], str(data["id"])

        return self._change(put)

    def remove(self, entry_id: str, expected: Entry | None) -> Removed:
        """Delete entry `entry_id`, which must still be `expected`; undo with `restore`."""
        taken: list[tuple[Data, int]] = []

        def drop(entries: Sequence[Entry]) -> _Edit:
            index = self._index(entries, entry_id, expected)
            taken.append((_as_data(entries[index]), index))
            return index, index + 1, [], entry_id

        saved = self._change(drop)
        return Removed(taken[0][0], taken[0][1], saved)

    def restore(self, removed: Removed) -> Saved:
        """Put a removed entry back where it was (or at the end if the file got shorter)."""

        def insert(entries: Sequence[Entry]) -> _Edit:
            index = min(removed.index, len(entries))
            return index, index, [removed.data], removed.saved.entry_id

        return self._change(insert)

    def _index(self, entries: Sequence[Entry], entry_id: str, expected: Entry | None) -> int:
        index = next((i for i, e in enumerate(entries) if e.id == entry_id), None)
        if index is None or not _same(entries[index], expected):
            message = _(
                "{path}: {id} was changed in the file since it was read (by hand or by "
                "another Tonle); nothing was saved: open it again to see the change"
            )
            raise WriteRefused(message.format(path=self.path, id=repr(entry_id)))
        return index

    def _change(self, apply: Callable[[Sequence[Entry]], _Edit]) -> Saved:
        try:
            with locked(self.path):
                return self._change_locked(apply)
        except LockTimeout:
            message = _("{path} is locked by another Tonle; nothing was saved, try again")
            raise WriteRefused(message.format(path=self.path)) from None
        except OSError as error:
            message = _("{path} cannot be written: {reason}; nothing was saved")
            reason = error.strerror or error
            raise WriteRefused(message.format(path=self.path, reason=reason)) from None

    def _change_locked(self, edit: Callable[[Sequence[Entry]], _Edit]) -> Saved:
        text = self._text()
        current = parse_text(str(self.path), text)
        if current.errors:
            message = _("{problem} (fix the file first; nothing was saved)")
            raise WriteRefused(message.format(problem=current.errors[0]))
        entries = current.glossary.entries
        start, stop, items, entry_id = edit(entries)
        after: LoadResult | None = None
        # By lines first (fast, and exact); where that cannot be done or went wrong, the
        # round-trip library. Either way the new text must hold just the entries it should.
        for make in (splice, _round_trip):
            new_text = make(text, entries, start, stop, items)
            if new_text is None:
                continue
            after = parse_text(str(self.path), new_text)
            if _as_expected(after, entries, start, stop, items):
                replace_keeping_backup(self.path, new_text)
                return Saved(self.path, entry_id, after)
        if after is not None and after.errors:
            message = _("{problem} (nothing was saved)")
            raise WriteRefused(message.format(problem=after.errors[0]))
        message = _("{path}: the change could not be written; nothing was saved")
        raise WriteRefused(message.format(path=self.path))


def _as_expected(
    after: LoadResult, before: Sequence[Entry], start: int, stop: int, items: list[Data]
) -> bool:
    """Whether `after` is valid and is `before` with entries[start:stop] = items."""
    if after.errors:
        return False
    got = after.glossary.entries
    ids = [e.id for e in before[:start]] + [str(i["id"]) for i in items]
    ids += [e.id for e in before[stop:]]
    if [e.id for e in got] != ids:
        return False
    untouched = [*got[:start], *got[start + len(items) :]]
    kept = [*before[:start], *before[stop:]]
    return all(_same(a, b) for a, b in zip(untouched, kept, strict=True))


def _round_trip(
    text: str, _entries: Sequence[Entry], start: int, stop: int, items: list[Data]
) -> str:
    """The change made with ruamel.yaml, which keeps comments and layout."""
    yaml = _yaml()
    document = yaml.load(text)
    entries = document["entries"] if isinstance(document, dict) else document
    if entries is None:
        document["entries"] = entries = yaml.seq([])  # "entries:" with nothing after it
    if not entries:
        entries.fa.set_block_style()  # "entries: []" grows as a block list
    entries[start:stop] = items
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()


def _as_data(entry: Entry) -> Data:
    return override_data_of(entry) if entry.overrides else entry_data(entry)
