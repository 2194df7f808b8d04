"""Turning paragraphs, links and glosses into Textual `Content`.

Linked terms are underlined *and* coloured by category (never colour alone); the
focused term is reversed; search hits are highlighted. Colours are theme variables,
so light and dark themes both work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from textual.content import Content, Span
from textual.style import Style

from glossary.annotate import after_possessive
from glossary.linker import Link
from glossary.model import Entry, Form
from reader.session import Hit

GlossLangs = Literal["off", "km", "ko", "both"]

CATEGORY_STYLE = {
    "person": "underline $text-accent",
    "place": "underline $text-success",
    "country": "underline $text-success",
    "organisation": "underline $text-warning",
    "event": "underline $text-error",
    "language": "underline $text-secondary",
    "document": "underline $text-secondary",
    "term": "underline $text-primary",
}
FOCUS_STYLE = "reverse bold"
HIT_STYLE = "on $warning-muted"
GLOSS_STYLE = "$text-muted"
UNVERIFIED_MARK = "?"


@dataclass(frozen=True)
class GlossOptions:
    """How interlinear glosses and Khmer are shown."""

    langs: GlossLangs = "off"
    romanize_khmer: bool = False


def khmer_text(form: Form, romanize: bool) -> str:
    """Khmer script, or its romanization for terminals without a Khmer font."""
    return form.romanization if romanize and form.romanization else form.text


def gloss_text(entry: Entry, options: GlossOptions) -> str:
    """`ហ៊ុន សែន · 훈 센` for the chosen languages; unverified forms end in `?`."""
    langs = {"km": ("km",), "ko": ("ko",), "both": ("km", "ko"), "off": ()}[options.langs]
    shown = []
    for lang in langs:
        form = entry.form(lang)
        if form is None:
            continue
        text = khmer_text(form, options.romanize_khmer) if lang == "km" else form.text
        shown.append(text if form.verified else text + UNVERIFIED_MARK)
    return " · ".join(shown) if shown else "…"


TERM_META = "tonle-term"
PARAGRAPH_META = "tonle-paragraph"


def meta(key: str, value: object) -> Style:
    """Data attached to text, read back from a click's style. Not Textual's `@click`,
    which would also restyle every span as a link and hide the category colours."""
    return Style.from_meta({key: value})


def paragraph_content(
    text: str,
    links: Sequence[Link],
    entries: Mapping[str, Entry],
    options: GlossOptions,
    focused: int | None = None,
    hits: Sequence[Hit] = (),
) -> Content:
    """One paragraph with its links styled (and glosses inserted when asked)."""
    pieces: list[Content] = []
    last = 0
    for number, link in enumerate(links):
        entry = entries.get(link.entry_id)
        if entry is None:
            continue
        pieces.append(_plain(text, last, link.start, hits))
        pieces.append(_term(text, link, entry, number == focused, hits))
        last = link.end
        if options.langs != "off":
            last = after_possessive(text, link.end)  # "Cambodia’s ⟨…⟩", not "Cambodia ⟨…⟩’s"
            pieces.append(_plain(text, link.end, last, hits))
            pieces.append(Content.styled(f" ⟨{gloss_text(entry, options)}⟩", GLOSS_STYLE))
    pieces.append(_plain(text, last, len(text), hits))
    return Content("").join(pieces)


def _plain(text: str, start: int, end: int, hits: Sequence[Hit]) -> Content:
    return _with_hits(Content(text[start:end]), start, end, hits)


def _term(text: str, link: Link, entry: Entry, focused: bool, hits: Sequence[Hit]) -> Content:
    content = Content(text[link.start : link.end])
    spans = [Span(0, len(content), CATEGORY_STYLE.get(entry.category, "underline"))]
    if focused:
        spans.append(Span(0, len(content), FOCUS_STYLE))
    spans.append(Span(0, len(content), meta(TERM_META, entry.id)))
    return _with_hits(Content(content.plain, spans), link.start, link.end, hits)


def _with_hits(content: Content, start: int, end: int, hits: Sequence[Hit]) -> Content:
    for hit in hits:
        if hit.start < end and start < hit.end:
            content = content.stylize(
                HIT_STYLE, max(hit.start, start) - start, min(hit.end, end) - start
            )
    return content
