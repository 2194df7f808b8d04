"""The reading page: the current paragraph, marked, then as much of what follows as fits.

One Line-API widget draws the whole page from lines cached per paragraph. A move renders
only the paragraph that comes into view at the bottom and the new current one, and
gives Textual a single widget to lay out and composite instead of one per paragraph:
that is what keeps a move cheap with a big glossary (`tests/bench/bench_app.py`).
Wrapping goes through `Content`, so the cluster-safe line breaker of
`reader.terminal.text` applies here as everywhere else.
"""

from __future__ import annotations

import sys
from typing import ClassVar

from rich.segment import Segment
from textual.content import Content, Span
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from glossary.document import Kind
from reader.state.session import ReadingSession
from reader.ui.render import PARAGRAPH_META, GlossOptions, meta, paragraph_content
from reader.widgets.page_lines import Line, scrolled_top, target, window_top, wrap

MARKER = "█"  # the bar left of the current paragraph (a thick left border)
MORE_ABOVE, MORE_BELOW = "▲", "▼"  # in the bar: the paragraph goes on out of sight
# Left of the text: the bar and a space for the current paragraph, two spaces for the
# others, so every paragraph wraps at the same width; one space on the right.
TEXT_INSET, RIGHT_PAD = 2, 1
KIND_COMPONENT = {Kind.TITLE: "page--title", Kind.SOURCE: "page--source"}


class PageView(Widget):
    """Renders a `ReadingSession`; `show()` redraws after any change of state."""

    ALLOW_SELECT = False  # lines are drawn without the offsets Textual's selection needs
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "page--current",
        "page--marker",
        "page--marker-read",
        "page--title",
        "page--source",
        "page--following",
    }

    def __init__(self, session: ReadingSession, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.set_reactive(Widget.auto_links, False)  # no Textual links here: skip their pass
        self.session = session
        self.options = GlossOptions()
        self.current_content = Content("")  # the current paragraph as drawn (for tests)
        self._following: dict[int, list[Strip]] = {}  # paragraph index -> its lines
        # Paragraph index -> its text styled and wrapped, without focus or search hits:
        # a paragraph is drawn as a following one first, then as the current one.
        self._wrapped: dict[int, tuple[Content, list[Line]]] = {}
        # A current paragraph taller than the page is shown from line `_top` (j/k scroll
        # it a page at a time before they move on); `_top_of` is the paragraph it is for.
        self._top, self._top_of = 0, -1
        self._current_length = 0  # lines of the current paragraph as last drawn
        self._drawn_with: tuple[object, ...] = ()
        self._parsed_styles: dict[str, Style] = {}  # style text -> Style, for this theme
        self._drawn_palette: tuple[object, ...] = ()
        self._lines: list[Strip] = []
        self._current_shown = 0  # lines of it in view

    # --- state -------------------------------------------------------------------------

    def invalidate(self) -> None:
        """Links, glosses or statuses changed: render every paragraph again on show()."""
        self._following.clear()
        self._wrapped.clear()

    def notify_style_update(self) -> None:
        """Styles were applied again: a new theme, or only a pseudo-class such as :hover
        somewhere above. Only a change of colours throws the cached lines away."""
        super().notify_style_update()
        if not self.is_mounted:
            return
        palette = self._palette()
        if palette != self._drawn_palette:
            self._drawn_palette = palette
            self._parsed_styles.clear()
            self.invalidate()
            self.show()

    def _palette(self) -> tuple[object, ...]:
        parts = sorted(self.COMPONENT_CLASSES)
        return (self.rich_style, *(self.get_visual_style(part) for part in parts))

    def on_resize(self) -> None:
        self.show()

    @property
    def text_width(self) -> int:
        return max(1, self.size.width - TEXT_INSET - RIGHT_PAD)

    @property
    def current_region(self) -> Region:
        """Where the current paragraph's text is on screen."""
        x, y = self.content_region.offset
        return Region(x + TEXT_INSET, y + 1, self.text_width, self._current_shown)

    # --- drawing -----------------------------------------------------------------------

    def paragraph(self, index: int, *, current: bool) -> Content:
        """Paragraph `index` styled: links, glosses, figures; focus and hits if current."""
        session = self.session
        entries = session.glossary.by_id if session.glossary else {}
        return paragraph_content(
            session.paragraphs[index].text,
            session.links(index),
            entries,
            self.options,
            session.focused_term if current else None,
            session.marks_in(index) if current else (),
            session.statuses,
            session.figures(index),
        )

    def _resolved(self, content: Content) -> Content:
        """`content` with its style strings ("underline $text-accent") parsed, once per
        theme, and the spans over the same text (a term's look and its click data) made
        one: Textual would otherwise parse each string again for every paragraph, and
        combine the overlapping spans again for every piece of every line."""
        spans: list[Span] = []
        for span in content.spans:
            style = self._style(span.style) if isinstance(span.style, str) else span.style
            last = spans[-1] if spans else None
            if last is not None and (last.start, last.end) == (span.start, span.end):
                spans[-1] = Span(span.start, span.end, last.style + style)
            else:
                spans.append(Span(span.start, span.end, style))
        return Content(content.plain, spans)

    def _style(self, text: str) -> Style:
        style = self._parsed_styles.get(text)
        if style is None:
            style = self._parsed_styles[text] = Style.parse(text)
        return style

    def show(self) -> None:
        """Lay the page out again: a blank line, the current paragraph, a blank line,
        then the following paragraphs (each with a blank line after it) that fit."""
        session = self.session
        if not self.size:
            return  # not laid out yet: on_resize shows the page once it has a size
        drawn_with = (session.linker, session.glossary, self.options, self.size.width)
        if drawn_with != self._drawn_with:
            self.invalidate()
            self._drawn_with = drawn_with
        blank = Strip.blank(self.size.width, self.rich_style)
        current = self._current()
        lines = [blank, *current, blank]
        for index in range(session.current + 1, session.count):
            if len(lines) >= self.size.height:
                break
            lines.extend(self._following_lines(index))
            lines.append(blank)
        self._lines, self._current_shown = lines, len(current)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if y < len(self._lines):
            return self._lines[y]
        return Strip.blank(self.size.width, self.rich_style)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return container.height  # the page fills its place; it never scrolls

    @property
    def rows(self) -> int:
        """Rows for the current paragraph: all but the blank line above it."""
        return max(1, self.size.height - 1)

    def scroll_current(self, delta: int) -> bool:
        """Show the next (delta > 0) or previous page of a current paragraph taller than
        the page; False when there is none that way (the reader moves on instead)."""
        top = scrolled_top(self._current_length, self.rows, self._top, delta)
        if top is None:
            return False
        self._top = top
        self.show()
        return True

    def show_end_of_current(self) -> None:
        """On the next show(), a current paragraph taller than the page starts at its
        last page (stepping back from the next paragraph lands on the text just above)."""
        # window_top() brings a top past the end back to the last page.
        self._top, self._top_of = sys.maxsize, self.session.current

    def _current_wrapped(self) -> tuple[Content, list[Line]]:
        session = self.session
        index = session.current
        if session.focused_term is None and not session.marks_in(index):
            return self._styled(index)
        content = self._resolved(self.paragraph(index, current=True))
        return content, wrap(content, self.text_width)

    def _current(self) -> list[Strip]:
        """The current paragraph's lines that are in view, framed by the bar."""
        session = self.session
        self.current_content, lines = self._current_wrapped()
        self._current_length = len(lines)
        if self._top_of != session.current:
            self._top, self._top_of = 0, session.current
        rows = self.rows if len(lines) > self.rows - 1 else len(lines)
        self._top = window_top(lines, rows, self._top, target(self.current_content))
        shown = lines[self._top : self._top + rows]
        kind = KIND_COMPONENT.get(session.paragraphs[session.current].kind)
        style = self.get_visual_style("page--current", *([kind] if kind else []))
        read = session.current in session.read
        marker = self.get_visual_style("page--marker-read" if read else "page--marker")
        bars = [MARKER] * len(shown)
        if self._top > 0:
            bars[0] = MORE_ABOVE
        if self._top + rows < len(lines):
            bars[-1] = MORE_BELOW
        lefts = [Content.styled(bar, marker) + Content.styled(" ", style) for bar in bars]
        return self._frame([line.content for line in shown], style, lefts)

    def _following_lines(self, index: int) -> list[Strip]:
        cached = self._following.get(index)
        if cached is None:
            # The click data is in the base style rather than a span over all the text:
            # every piece of every line would otherwise combine one more span.
            style = self.get_visual_style("page--following") + meta(PARAGRAPH_META, index)
            lines = [line.content for line in self._styled(index)[1]]
            left = Content.styled(" " * TEXT_INSET, style)
            cached = self._frame(lines, style, [left] * len(lines))
            self._following[index] = cached
        return cached

    def _styled(self, index: int) -> tuple[Content, list[Line]]:
        """Paragraph `index` styled, with no term focus or search hits, and its lines."""
        styled = self._wrapped.get(index)
        if styled is None:
            content = self._resolved(self.paragraph(index, current=False))
            styled = self._wrapped[index] = (content, wrap(content, self.text_width))
        return styled

    def _frame(self, lines: list[Content], style: Style, lefts: list[Content]) -> list[Strip]:
        """Each of `lines` after its `lefts`, padded to the page width in `style`."""
        width = self.size.width
        pad_style = style.rich_style
        framed = []
        for line, left in zip(lines, lefts, strict=True):
            segments = [*left.render_segments(style), *line.render_segments(style)]
            pad = width - TEXT_INSET - line.cell_length
            if pad > 0:
                segments.append(Segment(" " * pad, pad_style))
            framed.append(Strip(segments, width))
        return framed
