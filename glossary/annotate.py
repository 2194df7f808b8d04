"""Plain-text annotation: the text with a gloss after every linked term."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from glossary.figures import Figure, figure_gloss
from glossary.markdown import link_texts, protected_spans
from glossary.model import Entry, Form

if TYPE_CHECKING:
    from glossary.linker import Link

UNVERIFIED_MARK = "?"


def gloss_form(form: Form | None) -> str | None:
    """A form as shown in a gloss, marked when no source confirmed it."""
    if form is None:
        return None
    return form.text if form.verified else form.text + UNVERIFIED_MARK


# The glosses a text gets, by its language: the other two languages, English first.
GLOSS_LANGS = {"en": ("km", "ko"), "km": ("en", "ko"), "ko": ("en", "km")}


def gloss(entry: Entry, langs: Sequence[str] = ("km", "ko")) -> str:
    """`ហ៊ុន សែន · 훈 센` for an entry; `—` where it has no form in any of `langs`
    (`en` is the English headword)."""
    forms = [entry.en if lang == "en" else gloss_form(entry.form(lang)) for lang in langs]
    shown = [f for f in forms if f]
    return " · ".join(shown) if shown else "—"


def after_possessive(text: str, end: int) -> int:
    """Keep "Cambodia’s" whole: the gloss goes after a possessive ending."""
    if text[end : end + 2] in ("’s", "'s") and not text[end + 2 : end + 3].isalnum():
        return end + 2
    return end


def annotate(
    text: str,
    links: Sequence[Link],
    entries: dict[str, Entry],
    figures: Sequence[Figure] = (),
    langs: Sequence[str] = ("km", "ko"),
) -> str:
    """`text` with ` [gloss]` (in `langs`) inserted after each link, and after each figure its Khmer
    and Korean forms (a figure overlapping a link is left out; see `outside_figures` for
    the links inside a figure)."""
    inserts = [(after_possessive(text, k.end), gloss(entries[k.entry_id], langs)) for k in links]
    inserts += [
        (f.end, figure_gloss(f))
        for f in figures
        if not any(k.start < f.end and f.start < k.end for k in links)
    ]
    return _insert(text, inserts)


def annotate_markdown(
    source: str,
    links: Sequence[Link],
    entries: dict[str, Entry],
    figures: Sequence[Figure] = (),
) -> str:
    """Markdown `source` annotated as `annotate` does, keeping it valid Markdown: nothing
    in code, a link target or a URL is glossed, and a term inside a link's text has its
    gloss after the link, so `[Phnom Penh](url)` becomes `[Phnom Penh](url) [ភ្នំពេញ · 프놈펜]`
    rather than a broken link. `links` and `figures` are offsets into `source`."""
    protected = protected_spans(source)
    texts = list(link_texts(source))

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in protected)

    def place(end: int) -> int:
        return next((close for s, e, close in texts if s <= end <= e), end)

    kept = [k for k in links if free(k.start, k.end)]
    inserts = [(place(after_possessive(source, k.end)), gloss(entries[k.entry_id])) for k in kept]
    inserts += [
        (place(f.end), figure_gloss(f))
        for f in figures
        if free(f.start, f.end) and not any(k.start < f.end and f.start < k.end for k in kept)
    ]
    return _insert(source, inserts)


def _insert(text: str, inserts: list[tuple[int, str]]) -> str:
    """`text` with ` [gloss]` at each (offset, gloss), in order of offset."""
    parts: list[str] = []
    last = 0
    for end, shown in sorted(inserts, key=lambda insert: insert[0]):
        parts.append(text[last:end])
        parts.append(f" [{shown}]")
        last = end
    parts.append(text[last:])
    return "".join(parts)
