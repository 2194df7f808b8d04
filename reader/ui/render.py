"""Turning paragraphs, links and glosses into Textual `Content`.

Linked terms are underlined *and* coloured by category (never colour alone); their
learning status changes the emphasis: new terms are bold, terms being learned plain,
nearly known ones dim, known ones dim without colour (still underlined), and ignored
terms are not styled as links at all. The focused term is reversed; search hits are
highlighted. Colours are theme variables, so light and dark themes both work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from textual.content import Content, Span
from textual.style import Style

from glossary.annotate import GLOSS_LANGS as TEXT_GLOSS_LANGS
from glossary.annotate import after_possessive
from glossary.figures import Figure, figure_gloss
from glossary.model import Entry, Form
from reader.progress.models import TermStatus
from reader.state.session import Hit

if TYPE_CHECKING:
    from glossary.linker import Link

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
# Emphasis by learning status, added to the category style (a link is always underlined).
STATUS_EMPHASIS = {
    TermStatus.NEW: "bold",
    TermStatus.LEARNING_1: "",
    TermStatus.LEARNING_2: "",
    TermStatus.LEARNING_3: "dim",
    TermStatus.LEARNING_4: "dim",
}
KNOWN_STYLE = "underline dim"  # no category colour
NO_STATUSES: Mapping[str, TermStatus] = MappingProxyType({})  # every term new
FOCUS_STYLE = "reverse bold"
HIT_STYLE = "on $warning-muted"
GLOSS_STYLE = "$text-muted"
FIGURE_STYLE = "underline2 $text-secondary"  # figures: double underline, unlike terms
UNVERIFIED_MARK = "?"


@dataclass(frozen=True)
class GlossOptions:
    """How interlinear glosses and Khmer are shown."""

    langs: GlossLangs = "off"
    romanize_khmer: bool = False
    text_lang: str = "en"  # the language of the text: glosses are in the other two


def shown_langs(choice: str, text_lang: str) -> tuple[str, ...]:
    """The gloss languages for the `glosses` setting in a text of `text_lang`: `both` is
    the other two languages (English first for a Khmer or Korean text), and the text's
    own language becomes English (a Khmer text is never glossed in Khmer)."""
    if choice == "off":
        return ()
    if choice == "both":
        return TEXT_GLOSS_LANGS[text_lang]
    return ("en",) if choice == text_lang else (choice,)


def term_style(category: str, status: TermStatus) -> str:
    """The style of a linked term; empty for an ignored term (shown as plain text)."""
    if status is TermStatus.IGNORED:
        return ""
    if status is TermStatus.KNOWN:
        return KNOWN_STYLE
    colour = CATEGORY_STYLE.get(category, "underline")
    return f"{colour} {STATUS_EMPHASIS.get(status, '')}".strip()


# Computed once: a paragraph move looks styles up, never builds them.
TERM_STYLES = {(c, s): term_style(c, s) for c in CATEGORY_STYLE for s in TermStatus}


def khmer_text(form: Form, romanize: bool) -> str:
    """Khmer script, or its romanization for terminals without a Khmer font."""
    return form.romanization if romanize and form.romanization else form.text


def gloss_text(entry: Entry, options: GlossOptions) -> str:
    """`ហ៊ុន សែន · 훈 센` for the chosen languages; unverified forms end in `?`."""
    shown = []
    for lang in shown_langs(options.langs, options.text_lang):
        if lang == "en":
            shown.append(entry.en)
            continue
        form = entry.form(lang)
        if form is None:
            continue
        text = khmer_text(form, options.romanize_khmer) if lang == "km" else form.text
        shown.append(text if form.verified else text + UNVERIFIED_MARK)
    return " · ".join(shown) if shown else "…"


TERM_META = "tonle-term"
PARAGRAPH_META = "tonle-paragraph"
FIGURE_META = "tonle-figure"
TARGET_META = "tonle-target"  # the focused term and search hits: the page keeps them in view


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
    statuses: Mapping[str, TermStatus] = NO_STATUSES,
    figures: Sequence[Figure] = (),
) -> Content:
    """One paragraph with its links styled by category and learning status (a term not
    in `statuses` is new), and glosses inserted when asked (never after ignored terms)."""
    pieces: list[Content] = []
    last = 0
    for number, link in enumerate(links):
        entry = entries.get(link.entry_id)
        if entry is None:
            continue
        status = statuses.get(link.entry_id, TermStatus.NEW)
        pieces.extend(_between(text, last, link.start, hits, figures, options))
        pieces.append(_term(text, link, entry, status, number == focused, hits))
        last = link.end
        if options.langs != "off" and status is not TermStatus.IGNORED:
            last = after_possessive(text, link.end)  # "Cambodia’s ⟨…⟩", not "Cambodia ⟨…⟩’s"
            pieces.append(_plain(text, link.end, last, hits))
            pieces.append(Content.styled(f" ⟨{gloss_text(entry, options)}⟩", GLOSS_STYLE))
    pieces.extend(_between(text, last, len(text), hits, figures, options))
    return Content("").join(pieces)


GLOSS_LANGS: Mapping[str, tuple[str, ...]] = {
    "off": (),
    "km": ("km",),
    "ko": ("ko",),
    "both": ("km", "ko"),
}


def _between(
    text: str,
    start: int,
    end: int,
    hits: Sequence[Hit],
    figures: Sequence[Figure],
    options: GlossOptions,
) -> list[Content]:
    """Text between two links, with the figures in it marked and, when asked, glossed
    (a figure that overlaps a link is not shown: the link wins)."""
    pieces: list[Content] = []
    for figure in figures:
        if start <= figure.start and figure.end <= end:
            pieces.append(_plain(text, start, figure.start, hits))
            pieces.append(_figure(text, figure, hits))
            start = figure.end
            # No Khmer figure when Khmer is romanized: Khmer digits need a Khmer font.
            langs = [
                lang
                for lang in GLOSS_LANGS[options.langs]
                if lang != "km" or not options.romanize_khmer
            ]
            if langs:
                pieces.append(Content.styled(f" ⟨{figure_gloss(figure, langs)}⟩", GLOSS_STYLE))
    pieces.append(_plain(text, start, end, hits))
    return pieces


def _figure(text: str, figure: Figure, hits: Sequence[Hit]) -> Content:
    size = figure.end - figure.start
    spans = [Span(0, size, FIGURE_STYLE), Span(0, size, meta(FIGURE_META, figure.as_plain()))]
    return _with_hits(Content(figure.surface, spans), figure.start, figure.end, hits)


def _plain(text: str, start: int, end: int, hits: Sequence[Hit]) -> Content:
    return _with_hits(Content(text[start:end]), start, end, hits)


def _term(
    text: str, link: Link, entry: Entry, status: TermStatus, focused: bool, hits: Sequence[Hit]
) -> Content:
    content = Content(text[link.start : link.end])
    style = TERM_STYLES.get((entry.category, status))
    if style is None:
        style = term_style(entry.category, status)
    spans = [Span(0, len(content), style)] if style else []
    if focused:
        spans.append(Span(0, len(content), FOCUS_STYLE))
        spans.append(Span(0, len(content), meta(TARGET_META, True)))
    spans.append(Span(0, len(content), meta(TERM_META, entry.id)))
    return _with_hits(Content(content.plain, spans), link.start, link.end, hits)


def _with_hits(content: Content, start: int, end: int, hits: Sequence[Hit]) -> Content:
    for hit in hits:
        if hit.start < end and start < hit.end:
            span = max(hit.start, start) - start, min(hit.end, end) - start
            content = content.stylize(HIT_STYLE, *span).stylize(meta(TARGET_META, True), *span)
    return content
