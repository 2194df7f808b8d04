"""Where each entry first occurs in a text, and the sentence around it.

The text is linked with the `Linker` (the same rules as everywhere else); for each entry
the first link in a body paragraph is taken, or, for a term that only occurs in the
title, the title. The context is the sentence of that paragraph holding the link.
Sentences end at `.`, `!`, `?`, `…`, `។` or `៕` followed by white space, except where
that point lies inside a linked term (`U.S. Ambassador`) or follows a common
abbreviation (`Mr.`, `Dr.`). Very long sentences are cut to a window around the term,
and a quotation mark left unpaired by the cut (quotes often span sentences) is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence

from glossary.collation import first_appearance
from glossary.document import Document, Paragraph
from glossary.export.rows import Context
from glossary.linker import Link

_SENTENCE_END = re.compile(r"[.!?…។៕]+[\"'”’)\]]*\s+")
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Gen|Prof|No|vs|etc|sq|e\.g|i\.e)\.$")
_SPACES = re.compile(r"\s+")
MAX_CONTEXT = 320  # characters; longer sentences are cut around the term
_SIDE = 140


def first_links(
    document: Document, links: Sequence[Link], paragraphs: Collection[int] | None = None
) -> dict[str, tuple[Paragraph, Link]]:
    """Entry id → (paragraph, link) of its first appearance (glossary.collation: body
    paragraphs preferred). With `paragraphs`, only links in paragraphs of those indexes
    count (`--seen`)."""
    starts = [p.start for p in document.paragraphs]

    def paragraph(offset: int) -> Paragraph:
        return document.paragraphs[bisect_right(starts, offset) - 1]

    counted = [
        link for link in links if paragraphs is None or paragraph(link.start).index in paragraphs
    ]
    at: dict[tuple[str, int], Link] = {}
    for link in counted:
        at.setdefault((link.entry_id, link.start), link)
    first = first_appearance(document, ((link.entry_id, link.start) for link in counted))
    return {
        entry_id: (paragraph(offset), at[entry_id, offset]) for entry_id, offset in first.items()
    }


def _boundaries(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Offsets in `text` where a new sentence starts."""
    cuts = [0]
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + 1
        inside = any(start < end <= stop for start, stop in spans)  # U.S. ends no sentence
        if not inside and not _ABBREVIATION.search(text[: match.end()].rstrip()):
            cuts.append(match.end())
    return cuts


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text)


def _clip(before: str, after: str) -> tuple[str, str]:
    """Shorten the two sides of a long sentence to a window, cut at spaces, with `…`."""
    if len(before) > _SIDE:
        cut = before.find(" ", len(before) - _SIDE)
        before = "…" + before[cut if cut >= 0 else len(before) - _SIDE :]
    if len(after) > _SIDE:
        cut = after.rfind(" ", 0, _SIDE)
        after = after[: cut if cut > 0 else _SIDE] + " …"
    return before, after


def sentence_context(paragraph: Paragraph, link: Link, links: Sequence[Link]) -> Context:
    """The sentence of `paragraph` holding `link`, with the linked words marked."""
    text = paragraph.text
    start, end = link.start - paragraph.start, link.end - paragraph.start
    spans = [(lk.start - paragraph.start, lk.end - paragraph.start) for lk in links]
    cuts = _boundaries(text, [s for s in spans if 0 <= s[0] < len(text)])
    first = cuts[bisect_right(cuts, start) - 1]
    following = [cut for cut in cuts if cut > start]
    last = following[0] if following else len(text)
    before = _collapse(text[first:start]).lstrip()
    after = _collapse(text[end:last]).rstrip()
    if len(before) + len(after) + end - start > MAX_CONTEXT:
        before, after = _clip(before, after)
    return _balance(Context(before, _collapse(text[start:end]), after))


def _balance(context: Context) -> Context:
    """Drop a quotation mark the sentence closes but did not open (or the reverse):
    quotations often span sentences."""
    before, after, sentence = context.before, context.after, context.sentence
    if after.endswith("”") and "“" not in sentence:
        after = after[:-1].rstrip()
    if before.startswith("“") and "”" not in sentence:
        before = before[1:].lstrip()
    return Context(before, context.term, after)
