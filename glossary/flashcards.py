"""Flashcards from glossary entries: the card kinds, which an entry can have, and the
terms a reader has met in texts, in order of first appearance, with a context sentence.

Pure domain logic (no UI, no reader, no storage): reader.review schedules the cards
and the review screen draws them.

Kinds: `en-km` and `en-ko` ask for the Khmer or Korean form of an English headword;
`km-en` and `ko-en` the reverse; `cloze` shows the sentence where the reader met the
term with the term blanked (a hint gives its Khmer and Korean forms) and asks for the
English. An entry has a kind only if it has what the kind asks for: no Khmer form, no
Khmer cards; no sentence, no cloze.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from glossary.document import Document
from glossary.export.context import first_links, sentence_context
from glossary.export.rows import Context
from glossary.linker import Link, Linker
from glossary.model import Entry

KINDS: tuple[str, ...] = ("en-km", "en-ko", "km-en", "ko-en", "cloze")
BLANK = "[ … ]"


@dataclass(frozen=True, slots=True)
class Met:
    """A term met in a text: its entry id and the sentence it was met in (or None)."""

    entry_id: str
    context: Context | None = None


@dataclass(frozen=True, slots=True)
class Flashcard:
    """One entry asked one way; `context` is the sentence shown with the answer."""

    entry: Entry
    kind: str
    context: Context | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.entry.id, self.kind)

    @property
    def asks(self) -> str:
        """The language of the prompt: `en`, `km` or `ko` (a cloze's sentence is English)."""
        return "en" if self.kind in ("en-km", "en-ko", "cloze") else self.kind[:2]

    @property
    def answers(self) -> str:
        """The language the reader must recall."""
        return "en" if self.kind in ("km-en", "ko-en", "cloze") else self.kind[-2:]


def kinds_for(entry: Entry, context: Context | None, wanted: Iterable[str] = KINDS) -> list[str]:
    """The kinds of `wanted` this entry can be asked in, in `KINDS` order."""
    chosen = set(wanted)
    possible = {
        "en-km": entry.km is not None,
        "en-ko": entry.ko is not None,
        "km-en": entry.km is not None,
        "ko-en": entry.ko is not None,
        "cloze": context is not None,
    }
    return [kind for kind in KINDS if kind in chosen and possible[kind]]


def cloze(context: Context) -> tuple[str, str]:
    """The text before and after the blank of a cloze."""
    return context.before, context.after


def terms_met(documents: Sequence[tuple[Document, Collection[int]]], linker: Linker) -> list[Met]:
    """Every term of `documents` (each with the indexes of its paragraphs read), once,
    in order of first appearance: the documents in the order given, then the text.

    A term's context is its first sentence in a paragraph the reader has read, else
    its first sentence in the text (a text opened but not read yet, or the op-ed with
    no reading history)."""
    found: dict[str, Met] = {}
    for document, read in documents:
        links = linker.link(document.text)
        anywhere = first_links(document, links)
        in_read = first_links(document, links, read) if read else {}
        grouped = _by_paragraph(document, links)
        ordered = sorted(anywhere, key=lambda entry_id: anywhere[entry_id][1].start)
        for entry_id in ordered:
            if entry_id in found:
                continue
            paragraph, link = in_read.get(entry_id) or anywhere[entry_id]
            context = sentence_context(paragraph, link, grouped.get(paragraph.start, []))
            found[entry_id] = Met(entry_id, context)
    return list(found.values())


def _by_paragraph(document: Document, links: Sequence[Link]) -> dict[int, list[Link]]:
    """Links keyed by the start of their paragraph, as `sentence_context` wants them."""
    starts = [paragraph.start for paragraph in document.paragraphs]
    grouped: dict[int, list[Link]] = {}
    for link in links:
        grouped.setdefault(starts[bisect_right(starts, link.start) - 1], []).append(link)
    return grouped
