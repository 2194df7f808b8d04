"""Changing the entries of a glossary file by editing its text, line by line.

The fast way to add, replace or delete one entry: the new entry is dumped alone and put
between the file's own lines, so everything else (comments, layout) stays byte for byte.
`splice` returns None where it cannot be sure (an empty flow list, comments inside an
entry being replaced, an unusual layout): the caller then uses the round-trip library.
The caller checks the result by parsing it again in every case.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from glossary.entry_data import Data
from glossary.model import Entry


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in the shipped glossary."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def dump_items(items: Sequence[Data], indent: int) -> list[str]:
    """`items` as block-list lines (`- id: …`), each line indented by `indent` spaces."""
    if not items:
        return []
    text = yaml.dump(
        list(items), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, indent=2
    )
    return [" " * indent + line for line in text.splitlines()]


def _line(entry: Entry) -> int:
    """0-based line where an entry's list item starts."""
    return int(entry.origin.rsplit(":", 2)[1]) - 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_gap(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """One past the last line of the entry starting at `start` (trailing blank lines
    and comments are left outside: they belong to what follows)."""
    end = last = start + 1
    while end < len(lines) and (_is_gap(lines[end]) or _indent(lines[end]) > indent):
        if not _is_gap(lines[end]):
            last = end + 1
        end += 1
    return last


def splice(
    text: str, entries: Sequence[Entry], start: int, stop: int, items: Sequence[Data]
) -> str | None:
    """`text` with entries[start:stop] replaced by `items`; None when unsure."""
    lines = text.splitlines()
    if not entries:
        return _into_empty(lines, items)
    first = lines[_line(entries[0])]
    indent = _indent(first)
    if not first.lstrip().startswith("- "):
        return None  # a flow list, or something else we do not write into by hand
    if start < len(entries):
        begin = _line(entries[start])
    else:
        begin = _block_end(lines, _line(entries[-1]), indent)
    end = begin if stop == start else _block_end(lines, _line(entries[stop - 1]), indent)
    if any("#" in line for line in lines[begin:end]):
        return None  # comments inside an entry: the round-trip library keeps them
    new = lines[:begin] + dump_items(items, indent) + lines[end:]
    return "\n".join(new) + "\n"


def _into_empty(lines: list[str], items: Sequence[Data]) -> str | None:
    """The first entry of a file whose last line is `entries: []`."""
    while lines and _is_gap(lines[-1]):
        lines = lines[:-1]
    if not lines or lines[-1].strip() != "entries: []" or _indent(lines[-1]):
        return None
    return "\n".join([*lines[:-1], "entries:", *dump_items(items, 2)]) + "\n"
