"""Shared helpers for the export tests: the fixture glossaries, the op-ed, requests."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from glossary.document import Document, parse_document, read_document
from glossary.export import ExportRequest, Part, render
from glossary.loader import load
from glossary.model import Glossary
from tests.conftest import FIXTURES, OPED

MINI = FIXTURES / "mini.yaml"
HOSTILE = FIXTURES / "hostile.yaml"
DATE = datetime.date(2025, 1, 31)
# A text that names the hostile entries, with markup and quotes in its sentences.
HOSTILE_TEXT = (
    "Hostile text\n\n"
    'A "quoted" <script>alert(1)</script> sentence about -minus & more. '
    "Then Phnom Penh\tagain, =1+1.\n"
)


def glossary(path: Path = MINI) -> Glossary:
    result = load([path])
    assert result.ok, result.errors
    return result.glossary


def oped() -> Document:
    return read_document(OPED)


def hostile_document() -> Document:
    return parse_document(HOSTILE_TEXT, "hostile")


def request(fmt: str, path: Path = MINI, **options: Any) -> ExportRequest:
    """A request on a fixture glossary with the fixed test date."""
    options.setdefault("date", DATE)
    return ExportRequest(glossary(path), format=fmt, **options)


def parts(fmt: str, path: Path = MINI, **options: Any) -> list[Part]:
    return render(request(fmt, path, **options))[0]


def text(fmt: str, path: Path = MINI, **options: Any) -> str:
    """The only file of a text format, as a string."""
    (part,) = parts(fmt, path, **options)
    assert isinstance(part.content, str)
    return part.content
