"""Exporting the glossary: study sheets, Anki decks, spreadsheets and termbases.

The one entry point is `export(ExportRequest(...)) -> ExportResult`: it selects and
orders the entries (`select`), renders them in the chosen format (`to_<format>`
modules, listed in `registry.FORMATS`) and writes the file(s) atomically (`writer`).
`render(request)` does the same in memory (for stdout). Bad requests raise
`ExportError` with a one-line message; `ProgressNeeded` when `--status`/`--seen` are
asked for without reading progress. Nothing here imports the UI.
"""

from __future__ import annotations

from glossary.export.progress import (
    FILTER_STATES,
    TERM_STATES,
    ReadingProgress,
    TermStatusSource,
)
from glossary.export.registry import FORMATS, Format, Part
from glossary.export.request import ExportError, ExportRequest, ProgressNeeded, parse_langs
from glossary.export.writer import ExportResult, export, output_path, render

__all__ = [
    "FILTER_STATES",
    "FORMATS",
    "TERM_STATES",
    "ExportError",
    "ExportRequest",
    "ExportResult",
    "Format",
    "Part",
    "ProgressNeeded",
    "ReadingProgress",
    "TermStatusSource",
    "export",
    "output_path",
    "parse_langs",
    "render",
]
