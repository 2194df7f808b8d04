"""The reading page: the current paragraph, marked, then as much of what follows as fits.

The paragraphs after the current one live in a small pool of `Static`s, one paragraph
each. Moving on by a paragraph re-renders only the current paragraph and the one pool
widget that is recycled to the bottom; Textual keeps the rendering of the others, which
is what keeps a move within a few milliseconds.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from glossary.document import Kind
from reader.render import PARAGRAPH_META, GlossOptions, meta, paragraph_content
from reader.session import ReadingSession

KIND_CLASS = {Kind.TITLE: "-title", Kind.BODY: "-body", Kind.SOURCE: "-source"}


class FollowingParagraph(Static):
    """One paragraph after the current one (a pool member; `index` says which)."""

    index: int = -1


class PageView(Vertical):
    """Renders a `ReadingSession`; `show()` redraws after any change of state."""

    def __init__(self, session: ReadingSession, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session
        self.options = GlossOptions()
        self._stale = True  # every pool widget must be redrawn (options or links changed)
        self._drawn_with: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="current", markup=False)
        yield Vertical(id="following")

    def invalidate(self) -> None:
        """Links, glosses or statuses changed: redraw every paragraph on the next show()."""
        self._stale = True

    def paragraph(self, index: int, *, current: bool) -> Content:
        session = self.session
        entries = session.glossary.by_id if session.glossary else {}
        focused = session.focused_term if current else None
        hits = session.hits_in(index) if current else ()
        text = session.paragraphs[index].text
        links = session.links(index)
        return paragraph_content(
            text,
            links,
            entries,
            self.options,
            focused,
            hits,
            session.statuses,
            session.figures(index),
        )

    def show(self) -> None:
        """Draw the current paragraph and the paragraphs after it that fit on screen."""
        session = self.session
        drawn_with = (session.linker, session.glossary, self.options)
        if drawn_with != self._drawn_with:
            self._stale, self._drawn_with = True, drawn_with
        current = self.query_one("#current", Static)
        read = " -read" if session.current in session.read else ""
        current.set_classes(
            f"paragraph {KIND_CLASS[session.paragraphs[session.current].kind]}{read}"
        )
        current.update(self.paragraph(session.current, current=True))
        self._show_following(self._wanted())
        self._stale = False

    def _wanted(self) -> list[int]:
        """Indexes of the paragraphs after the current one that fill the page (about)."""
        budget = max(400, self.size.width * self.size.height)
        wanted: list[int] = []
        for index in range(self.session.current + 1, self.session.count):
            if budget <= 0:
                break
            wanted.append(index)
            budget -= len(self.session.paragraphs[index].text) + self.size.width
        return wanted

    def _show_following(self, wanted: list[int]) -> None:
        box = self.query_one("#following", Vertical)
        if not box.is_attached:
            return  # the app is shutting down: nothing to draw
        pool = list(box.query_children(FollowingParagraph))
        by_index = {w.index: w for w in pool if w.index in wanted and not self._stale}
        spare = [w for w in pool if w not in by_index.values()]
        ordered = [by_index.get(i) or self._recycle(spare, box, i) for i in wanted]
        for widget in spare:
            widget.display = False
        for previous, widget in zip([None, *ordered], ordered, strict=False):
            widget.display = True
            if (
                previous is not None
                and box.children.index(widget) != box.children.index(previous) + 1
            ):
                box.move_child(widget, after=previous)
            elif previous is None and box.children.index(widget) != 0:
                box.move_child(widget, before=0)

    def _recycle(
        self, spare: list[FollowingParagraph], box: Vertical, index: int
    ) -> FollowingParagraph:
        widget = spare.pop() if spare else None
        if widget is None:
            widget = FollowingParagraph(markup=False, classes="following")
            box.mount(widget)
        widget.index = index
        widget.update(
            self.paragraph(index, current=False).stylize_before(meta(PARAGRAPH_META, index))
        )
        return widget
