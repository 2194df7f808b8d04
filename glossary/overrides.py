"""Overrides: an entry in a later file that changes some keys of an earlier entry.

An entry read with `override: true` (SCHEMA.md, "Overrides") carries the keys it gives in
`Entry.overrides`. `apply_overrides` puts each in place of the entry with its id from an
earlier file, replacing only those keys; the result holds no override any more.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from glossary.i18n import _
from glossary.model import Entry
from glossary.problems import Problem


def _where(entry: Entry) -> tuple[str, int, int]:
    path, line, column = entry.origin.rsplit(":", 2)
    return path, int(line), int(column)


def overlay(base: Entry, override: Entry) -> Entry:
    """`base` with the keys `override` gives; the origin is the override's (the file the
    reader edited, where any later problem with the entry is to be fixed)."""
    changes = {key: getattr(override, key) for key in override.overrides}
    return dataclasses.replace(base, **changes, origin=override.origin, overrides=())


def apply_overrides(entries: Sequence[Entry]) -> tuple[list[Entry], list[Problem]]:
    """`entries` (in file order) with every override applied to the entry it names; an
    override of an id no earlier file defines is a problem, and is dropped."""
    result: list[Entry] = []
    place: dict[str, int] = {}
    problems: list[Problem] = []
    for entry in entries:
        if not entry.overrides:
            place.setdefault(entry.id, len(result))
            result.append(entry)
            continue
        index = place.get(entry.id)
        if index is None or _where(result[index])[0] == _where(entry)[0]:
            message = _("override of {id}: no glossary loaded before this file defines it")
            problems.append(Problem(*_where(entry), message.format(id=repr(entry.id))))
            continue
        result[index] = overlay(result[index], entry)
    return result, problems
