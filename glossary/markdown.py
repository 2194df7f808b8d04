"""Markdown texts: what the reader shows, and where `annotate` may put a gloss.

`render_markdown` turns Markdown source into the text a reader sees (no `#`, `**`, link
targets or code fences) with marks saying which parts are headings, emphasis, code,
quotes and links. Blocks are separated by blank lines, so the text splits into
paragraphs as a plain text does; a list is one paragraph, one item to a line, and a code
block one paragraph with its lines as written. Parsing is markdown-it (CommonMark), and
raw HTML is shown as text, never interpreted.

`protected_spans` finds, in the source itself, the parts where a gloss must not go: code
(which is not linked at all) and link targets; `link_texts` finds link texts, after which
a gloss has to wait until the link is closed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it is imported on first use: plain texts never need it
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_BLOCK_GAP = "\n\n"
_INLINE_KINDS = {"strong_open": "strong", "em_open": "em", "s_open": "strike", "link_open": "link"}


@dataclass(frozen=True, slots=True)
class Mark:
    """A styled part of the rendered text: `kind` is h1…h6, strong, em, strike, code,
    link (with its `target`) or quote."""

    start: int
    end: int
    kind: str
    target: str = ""


@dataclass
class _Builder:
    """The rendered text so far and its marks."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    marks: list[Mark] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def block_break(self) -> None:
        if self.length:
            self.add(_BLOCK_GAP)

    def mark(self, start: int, kind: str, target: str = "") -> None:
        if self.length > start:
            self.marks.append(Mark(start, self.length, kind, target))


def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # "js-default" is CommonMark plus tables and strikethrough; html off: tags stay text.
    return MarkdownIt("js-default", {"html": False, "linkify": False})


def render_markdown(source: str) -> tuple[str, tuple[Mark, ...]]:
    """The text a reader sees for Markdown `source`, and its marks (offsets into it)."""
    builder = _Builder()
    tokens = _parser().parse(source)
    _blocks(tokens, builder)
    return "".join(builder.parts), tuple(sorted(builder.marks, key=lambda m: (m.start, -m.end)))


def _blocks(tokens: Sequence[Token], out: _Builder) -> None:
    """Headings, paragraphs, lists, quotes, code and rules, one paragraph each."""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            i = _list(tokens, i, out)
            continue
        if token.type == "heading_open":
            out.block_break()
            start = out.length
            _inline(tokens[i + 1], out)
            out.mark(start, token.tag)
        elif token.type == "paragraph_open" and not token.hidden:
            out.block_break()
            start = out.length
            _inline(tokens[i + 1], out)
            if token.level and _in_quote(tokens, i):
                out.mark(start, "quote")
        elif token.type in ("fence", "code_block"):
            out.block_break()
            start = out.length
            out.add(token.content.rstrip("\n"))
            out.mark(start, "code")
        i += 1


def _in_quote(tokens: Sequence[Token], index: int) -> bool:
    depth = 0
    for token in tokens[:index]:
        depth += token.type == "blockquote_open"
        depth -= token.type == "blockquote_close"
    return depth > 0


def _list(tokens: Sequence[Token], i: int, out: _Builder) -> int:
    """One list as one paragraph: `• item` (or `1. item`) a line; the index after it."""
    ordered = tokens[i].type == "ordered_list_open"
    number = int(tokens[i].attrs.get("start", 1) or 1)
    depth, first = 0, True
    out.block_break()
    while i < len(tokens):
        token = tokens[i]
        depth += token.nesting if token.type.endswith(("list_open", "list_close")) else 0
        if token.type == "list_item_open":
            out.add("" if first else "\n")
            indent = "  " * (token.level // 2)
            out.add(f"{indent}{number}. " if ordered else f"{indent}• ")
            number += ordered
            first = False
        elif token.type == "inline":
            if not out.parts[-1].endswith(" "):
                out.add(" ")
            _inline(token, out)
        i += 1
        if depth == 0:
            return i
    return i


def _inline(token: Token, out: _Builder) -> None:
    """The text of an inline token, with a mark for each emphasis, code span and link."""
    opened: list[tuple[int, str, str]] = []
    for child in token.children or ():
        kind = child.type
        if kind in _INLINE_KINDS:
            opened.append((out.length, _INLINE_KINDS[kind], str(child.attrs.get("href", ""))))
        elif kind.endswith("_close") and opened:
            start, name, target = opened.pop()
            out.mark(start, name, target)
        elif kind == "code_inline":
            start = out.length
            out.add(child.content)
            out.mark(start, "code")
        elif kind in ("softbreak",):
            out.add(" ")
        elif kind == "hardbreak":
            out.add("\n")
        elif kind == "image":
            out.add(child.content)  # the alt text
        else:
            out.add(child.content)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Fenced blocks, inline code, links and images, bare URLs and reference definitions
    in the source (compiled on first use, not at import: the reader starts faster)."""
    target = r"[^()\s]*(?:\([^()\s]*\))?[^()\s]*(?:\s+\"[^\"]*\")?"
    return {
        "fence": re.compile(r"^ {0,3}(```+|~~~+)[^\n]*\n.*?(?:^ {0,3}\1[ \t]*$|\Z)", re.M | re.S),
        "code": re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S),
        "link": re.compile(rf"!?\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(({target})\)"),
        "url": re.compile(r"<(?:https?|mailto|ftp):[^>\s]+>|https?://[^\s)<>\]]+"),
        "reference": re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.M),
    }


def protected_spans(source: str) -> list[tuple[int, int]]:
    """Parts of Markdown `source` that take no gloss and no link: code, link targets,
    bare URLs and reference definitions; sorted, possibly touching."""
    found = _patterns()
    spans = [m.span() for m in found["fence"].finditer(source)]
    spans += [m.span() for m in found["code"].finditer(source) if not _inside(m.start(), spans)]
    spans += [(m.start(2) - 1, m.end()) for m in found["link"].finditer(source)]
    spans += [m.span() for m in found["url"].finditer(source)]
    spans += [m.span() for m in found["reference"].finditer(source)]
    return sorted(spans)


def link_texts(source: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, close) of each link's text in `source`: a gloss for a term inside
    `[text]` goes at `close`, after the link's `)`."""
    for match in _patterns()["link"].finditer(source):
        yield match.start(1), match.end(1), match.end()


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
