"""Reading an English text and splitting it into paragraphs.

Blank lines separate paragraphs. A first paragraph that is one short line (or a
Markdown `# heading`) is the title; a last paragraph starting with `Source:` is the
source line. Offsets of every paragraph into the whole text are kept, so links found
in the whole text can be handed to the paragraph that holds them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol, TypeVar

from glossary.bounded_read import ReadRefused, read_regular
from glossary.i18n import _
from glossary.markdown import MARKDOWN_SUFFIXES, Mark, render_markdown
from glossary.safe_text import Unsafe, find_unsafe, inert
from glossary.source_text import normalize_document_text

_BLANK_LINES = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")
_MAX_TITLE = 200
MAX_BYTES = 200 * 1024 * 1024
# A "paragraph" longer than this (a file with no blank lines, say) is shown in pieces
# that end at a sentence or a space, so that one screen never has to lay out megabytes.
MAX_PARAGRAPH = 3000
_PIECE_END = re.compile(r"[.!?…។]['\"”’)\]]*\s+|\s+")


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


LinkT = TypeVar("LinkT", bound=_Span)


class Kind(StrEnum):
    TITLE = "title"
    BODY = "body"
    SOURCE = "source"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: its text is `document.text[start:start + len(text)]`."""

    index: int
    start: int
    text: str
    kind: Kind = Kind.BODY

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Document:
    """A whole text, normalised to NFC (and canonical Khmer), split into paragraphs.

    `source` is the text as it was read (decoded, line ends kept, not normalised);
    `glossary.source_text.source_map` maps offsets of `text` back into it."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    name: str = ""
    # For a Markdown file: `text` is what the reader sees, `source` the Markdown as written,
    # and `marks` the headings, emphasis, code and links of `text`.
    source: str = ""
    marks: tuple[Mark, ...] = ()
    unsafe: tuple[Unsafe, ...] = ()  # the controls found (at most 100), shown inert in text
    # For a plain text: the text as read (decoded, line ends kept, before normalisation),
    # into which `annotate --json` gives its offsets; empty for Markdown.
    raw: str = ""

    @property
    def title(self) -> str:
        first = self.paragraphs[0] if self.paragraphs else None
        if first is not None and first.kind is Kind.TITLE:
            return first.text.lstrip("# ").strip()
        return self.name

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind is Kind.BODY)

    def marks_in(self, paragraph: Paragraph) -> tuple[Mark, ...]:
        """The marks of one paragraph, with offsets into the paragraph's text."""
        start, end = paragraph.start, paragraph.end
        return tuple(
            Mark(max(m.start, start) - start, min(m.end, end) - start, m.kind, m.target)
            for m in self.marks
            if m.start < end and m.end > start
        )


def outside_code(links: Sequence[LinkT], marks: Sequence[Mark]) -> list[LinkT]:
    """`links` without those in code (a Markdown code span or block is never linked);
    offsets of both in the same text."""
    code = [(m.start, m.end) for m in marks if m.kind == "code"]
    return [k for k in links if not any(s < k.end and k.start < e for s, e in code)]


class DocumentError(Exception):
    """A text that cannot be read; the message is one line naming the file."""


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs of `text` with their offsets, title and source line marked."""
    spans: list[tuple[int, int]] = []
    position = 0
    for gap in _BLANK_LINES.finditer(text):
        spans.append((position, gap.start()))
        position = gap.end()
    spans.append((position, len(text)))
    paragraphs: list[Paragraph] = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            offset = start + chunk.index(stripped)
            for piece_start, piece in _pieces(stripped):
                paragraphs.append(Paragraph(len(paragraphs), offset + piece_start, piece))
    return _mark_title_and_source(paragraphs)


def _pieces(text: str) -> list[tuple[int, str]]:
    """Split an over-long paragraph at sentence ends (else spaces) near MAX_PARAGRAPH."""
    if len(text) <= MAX_PARAGRAPH:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > MAX_PARAGRAPH:
        cut = _cut(text, start)
        pieces.append((start, text[start:cut].rstrip()))
        start = cut
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece]


def _cut(text: str, start: int) -> int:
    """Where the piece starting at `start` ends: the last sentence end (or space) before
    the limit, or the limit itself for text with no space at all."""
    window = text[start : start + MAX_PARAGRAPH]
    sentence = max(
        (m.end() for m in _PIECE_END.finditer(window) if not m.group().isspace()), default=0
    )
    space = window.rfind(" ") + 1
    best = sentence if sentence > MAX_PARAGRAPH // 2 else space
    return start + best if best > 0 else _cluster_boundary(text, start + MAX_PARAGRAPH)


def _cluster_boundary(text: str, limit: int) -> int:
    """The last position at or before `limit` that does not split a letter cluster."""
    cut = limit
    while (
        cut > 1
        and cut < len(text)
        and (unicodedata.category(text[cut])[0] == "M" or text[cut - 1] == "\u17d2")
    ):
        cut -= 1
    return cut


def _mark_title_and_source(paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    if len(paragraphs) > 1:
        first = paragraphs[0]
        if first.text.startswith("#") or ("\n" not in first.text and len(first.text) <= _MAX_TITLE):
            paragraphs[0] = Paragraph(0, first.start, first.text, Kind.TITLE)
        last = paragraphs[-1]
        if last.text.lower().startswith("source:") and "\n" not in last.text:
            paragraphs[-1] = Paragraph(last.index, last.start, last.text, Kind.SOURCE)
    return tuple(paragraphs)


def parse_document(text: str, name: str = "", *, markdown: bool = False) -> Document:
    """A document from text already in memory (normalised here). A plain text keeps the
    text as given in `raw`; with `markdown`, the text is rendered (see
    `glossary.markdown`) and its normalised source kept in `source`."""
    normalized = normalize_document_text(text)
    unsafe = tuple(find_unsafe(normalized))
    if unsafe:  # a stranger's text must not drive the terminal: controls become visible
        normalized = inert(normalized)
    if not markdown:
        raw = normalized if normalized == text else text  # one string when nothing changed
        return Document(normalized, split_paragraphs(normalized), name, unsafe=unsafe, raw=raw)
    shown, marks = render_markdown(normalized)
    return Document(
        shown, split_paragraphs(shown), name, source=normalized, marks=marks, unsafe=unsafe
    )


def is_markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def read_document(path: Path) -> Document:
    """Read a UTF-8 text or Markdown file; raise DocumentError with a one-line reason."""
    try:
        data = read_regular(path, MAX_BYTES)
    except IsADirectoryError:
        raise DocumentError(
            _("{path}: is a directory, not a text file").format(path=path)
        ) from None
    except ReadRefused as refused:
        raise DocumentError(_refusal(path, refused)) from None
    except FileNotFoundError:
        raise DocumentError(_("{path}: no such file").format(path=path)) from None
    except PermissionError:
        raise DocumentError(_("{path}: permission denied").format(path=path)) from None
    except OSError as error:
        reason = error.strerror or error
        raise DocumentError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=reason)
        ) from None
    return parse_document(_decode(path, data), path.stem, markdown=is_markdown(path))


def _refusal(path: Path, refused: ReadRefused) -> str:
    if refused.reason == "too-large":
        return _("{path}: is over {limit} MiB; Tonle reads texts up to {limit} MiB").format(
            path=path, limit=MAX_BYTES // 2**20
        )
    return _("{path}: is not a regular file (a device, FIFO or socket)").format(path=path)


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise DocumentError(_("{path}: is a binary file, not text").format(path=path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = _("{path}:{line}: not UTF-8 (invalid byte {byte} at byte offset {offset})")
        raise DocumentError(
            message.format(
                path=path, line=line, byte=f"0x{data[error.start]:02x}", offset=error.start
            )
        ) from None
    if not text.strip():
        raise DocumentError(_("{path}: is empty").format(path=path))
    return text
