"""The export's `--order`: the rows sorted by glossary.collation, the one home of
every order (the glossary browser sorts with it too)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from glossary.collation import ORDERS, sort_entries
from glossary.export.rows import Row

__all__ = ["ORDERS", "sort_rows"]


def sort_rows(rows: Sequence[Row], order: str, positions: Mapping[str, int]) -> list[Row]:
    """`rows` in `order` (glossary.collation.sort_entries)."""
    return sort_entries(rows, order, positions, lambda row: row.entry)
