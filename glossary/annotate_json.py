"""`annotate --json`: the links and figures of a document, with exact source offsets.

`start` and `end` are offsets (in code points) into the file's text as read: decoded
from UTF-8 with a leading BOM dropped, line ends kept as they are, before any Unicode
normalisation. So `source[start:end] == surface` for every link and figure, however
the file was typed (decomposed Hangul, Khmer in another character order, CRLF).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from glossary.figures import LANGS, Figure, render_figure
from glossary.model import Entry, Form
from glossary.source_text import SourceMap, source_map

if TYPE_CHECKING:
    from glossary.document import Document
    from glossary.linker import Link


def form_json(form: Form | None) -> dict[str, Any] | None:
    if form is None:
        return None
    return {
        "text": form.text,
        "romanization": form.romanization,
        "hanja": form.hanja or None,
        "status": form.status.value,
    }


class _Origin:
    """A document's source text and the map into it from the normalised text."""

    def __init__(self, document: Document) -> None:
        self.source = document.raw or document.text
        self.map: SourceMap = source_map(self.source, document.text)

    def located(self, start: int, end: int) -> dict[str, Any]:
        begin, finish = self.map.span(start, end)
        return {"start": begin, "end": finish, "surface": self.source[begin:finish]}


def link_json(origin: _Origin, link: Link, entries: dict[str, Entry]) -> dict[str, Any]:
    entry = entries[link.entry_id]
    return {
        "id": link.entry_id,
        **origin.located(link.start, link.end),
        "en": entry.en,
        "km": form_json(entry.km),
        "ko": form_json(entry.ko),
    }


def figure_json(origin: _Origin, figure: Figure) -> dict[str, Any]:
    forms = {lang: render_figure(figure, lang) for lang in LANGS}
    return {
        **origin.located(figure.start, figure.end),
        "kind": figure.kind.value,
        "value": str(figure.value),
        **{lang: {"text": r.text, "note": r.note} for lang, r in forms.items()},
    }


def annotation_json(
    document: Document,
    links: Sequence[Link],
    entries: dict[str, Entry],
    figures: Sequence[Figure] | None = None,
) -> Any:
    """The list of links, or with `figures` given `{"links": […], "figures": […]}`."""
    origin = _Origin(document)
    found = [link_json(origin, link, entries) for link in links]
    if figures is None:
        return found
    return {"links": found, "figures": [figure_json(origin, f) for f in figures]}
