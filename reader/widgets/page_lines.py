"""Lines of the reading page: wrapping a paragraph, and the window onto a current
paragraph taller than the page (a small terminal, or long glosses).

No widget here: `PageView` draws what these functions decide.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from reader.terminal.text import break_offsets
from reader.ui.render import TARGET_META


@dataclass(frozen=True)
class Line:
    """One wrapped line and the offset in the paragraph's content where it starts."""

    start: int
    content: Content


def wrap(content: Content, width: int) -> list[Line]:
    """`content` in lines of at most `width` cells, broken where `terminal_text` says (after
    spaces, never inside a letter cluster); hard line breaks kept, spaces at a soft break
    dropped. Cheaper than Textual's own wrapping, which also prepares every segment for
    text selection (not offered on the page)."""
    if "\t" in content.plain:
        content = content.expand_tabs()
    lines: list[Line] = []
    start = 0
    for hard_line in content.split("\n"):
        offsets = break_offsets(hard_line.plain, width)
        pieces = hard_line.divide(offsets) if offsets else [hard_line]
        starts = [start, *(start + offset for offset in offsets)]
        lines += [Line(s, piece.rstrip_end(width)) for s, piece in zip(starts, pieces, strict=True)]
        start += len(hard_line.plain) + 1
    return lines


def target(content: Content) -> int | None:
    """Where the focused term or the first search hit starts in `content`, if anywhere."""
    for span in content.spans:
        style = span.style
        if not isinstance(style, str) and TARGET_META in style.meta:
            return span.start
    return None


def window_top(lines: list[Line], rows: int, top: int, position: int | None) -> int:
    """The first line to show of a paragraph of `lines` in `rows` rows: `top` as it was,
    moved just enough to show the line holding `position`, and kept within the lines."""
    if position is not None:
        line = max(i for i, candidate in enumerate(lines) if candidate.start <= position)
        if line < top:
            top = line
        elif line >= top + rows:
            top = line - rows + 1
    return max(0, min(top, len(lines) - rows))


def scrolled_top(length: int, rows: int, top: int, delta: int) -> int | None:
    """The new first line after scrolling a paragraph of `length` lines shown in `rows`
    rows by a page in the direction of `delta` (one line of the old page stays in view);
    None when there is nothing more that way (the reader moves to another paragraph)."""
    if delta > 0 and top + rows < length:
        return min(top + max(1, rows - 1), length - rows)
    if delta < 0 and top > 0:
        return max(0, top - max(1, rows - 1))
    return None
