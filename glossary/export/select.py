"""Choosing and ordering the entries of an export: from a request to a `Sheet`.

Filters, in order: `categories`; with a text, only entries that occur in it (with
`seen_only`, in a paragraph the reader has read); `statuses`, by the reader's learning
state; and last, entries with no form in any of the chosen languages are left out
(with English among them, none is). Then the rows are sorted by `order`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence

from glossary.document import Document, Paragraph
from glossary.export.context import first_links, sentence_context
from glossary.export.order import sort_rows
from glossary.export.progress import state_matches, term_state
from glossary.export.request import ExportRequest, check_request
from glossary.export.rows import Context, Row, Sheet
from glossary.i18n import current_language
from glossary.linker import Link, Linker
from glossary.model import Entry

_Found = dict[str, tuple[Paragraph, Link]]


def build_sheet(request: ExportRequest) -> Sheet:
    """The rows `request` selects, in its order, with context sentences from its text."""
    check_request(request)
    entries = [e for e in request.glossary if _wanted(request, e)]
    found, links = _occurrences(request)
    if request.document is not None:
        entries = [e for e in entries if e.id in found]
    document = request.document
    rows = [Row(e, _context(found, links, e.id), note_for(e, document)) for e in entries]
    positions = {entry_id: link.start for entry_id, (_, link) in found.items()}
    return Sheet(
        title=request.glossary.title,
        source=document.title if document else "",
        text_title=_title(document.title) if document else "",
        untitled=document is not None and document.title == document.name,
        date=request.day,
        langs=request.langs,
        rows=tuple(sort_rows(rows, request.order, positions)),
        lang=request.sheet_lang or current_language(),
    )


# The shipped glossary's notes call the text it was written for "the op-ed" (see SCHEMA.md,
# "Notes"); a sentence that does is about that text only.
_ABOUT_SEED = re.compile(r"\bop-ed\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


def note_for(entry: Entry, document: Document | None) -> str | None:
    """The note a sheet for `document` shows: without the sentences about the op-ed when
    the document is another text; None (the whole note) otherwise."""
    if document is None or _ABOUT_SEED.search(document.title) or not entry.note:
        return None
    sentences = _SENTENCE_END.split(entry.note)
    return " ".join(s for s in sentences if not _ABOUT_SEED.search(s))


def _title(title: str) -> str:
    """A text's title as a sheet's: a first line ending in a full stop loses it."""
    return title[:-1] if re.search(r"[a-z]\.$", title) else title


def _wanted(request: ExportRequest, entry: Entry) -> bool:
    if request.categories and entry.category not in request.categories:
        return False
    if not _status_ok(request, entry.id):
        return False
    return any(lang == "en" or entry.form(lang) is not None for lang in request.langs)


def _status_ok(request: ExportRequest, entry_id: str) -> bool:
    source = request.status_source
    if not request.statuses or source is None:
        return True
    return state_matches(term_state(source, entry_id), request.statuses)


def _occurrences(request: ExportRequest) -> tuple[_Found, dict[int, list[Link]]]:
    """First occurrence of each entry, and every link grouped by paragraph start."""
    document = request.document
    if document is None:
        return {}, {}
    links = Linker.shared(request.glossary).link(document.text)  # the reader's, if open
    seen = _seen(request, document)
    found = first_links(document, links, seen)
    return found, _by_paragraph(document, links, found)


def _seen(request: ExportRequest, document: Document) -> Collection[int] | None:
    if not request.seen_only or request.progress is None:
        return None
    return frozenset(request.progress.read_paragraphs(document))


def _by_paragraph(
    document: Document, links: Sequence[Link], found: _Found
) -> dict[int, list[Link]]:
    """The links of each paragraph that holds a first occurrence, keyed by its start."""
    starts = [paragraph.start for paragraph in document.paragraphs]
    grouped: dict[int, list[Link]] = {paragraph.start: [] for paragraph, _ in found.values()}
    for link in links:
        start = starts[bisect_right(starts, link.start) - 1]
        if start in grouped:
            grouped[start].append(link)
    return grouped


def _context(found: _Found, links: dict[int, list[Link]], entry_id: str) -> Context | None:
    if entry_id not in found:
        return None
    paragraph, link = found[entry_id]
    return sentence_context(paragraph, link, links[paragraph.start])
