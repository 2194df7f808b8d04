"""The reading page: the current paragraph, marked, then as much of what follows as fits."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from glossary.document import Kind
from reader.render import PARAGRAPH_META, GlossOptions, meta, paragraph_content
from reader.session import ReadingSession

KIND_CLASS = {Kind.TITLE: "-title", Kind.BODY: "-body", Kind.SOURCE: "-source"}


class PageView(Vertical):
    """Renders a `ReadingSession`; `show()` redraws after any change of state."""

    def __init__(self, session: ReadingSession, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session
        self.options = GlossOptions()

    def compose(self) -> ComposeResult:
        yield Static(id="current", markup=False)
        yield Static(id="following", markup=False)

    def paragraph(self, index: int, *, current: bool) -> Content:
        session = self.session
        entries = session.glossary.by_id if session.glossary else {}
        focused = session.focused_term if current else None
        hits = session.hits_in(index) if current else ()
        text = session.paragraphs[index].text
        return paragraph_content(text, session.links(index), entries, self.options, focused, hits)

    def show(self) -> None:
        """Draw the current paragraph and the paragraphs after it that fit on screen."""
        session = self.session
        current = self.query_one("#current", Static)
        current.set_classes(f"paragraph {KIND_CLASS[session.paragraphs[session.current].kind]}")
        current.update(self.paragraph(session.current, current=True))
        self.query_one("#following", Static).update(self._following())

    def _following(self) -> Content:
        budget = max(400, self.size.width * self.size.height)
        pieces: list[Content] = []
        for index in range(self.session.current + 1, self.session.count):
            if budget <= 0:
                break
            piece = self.paragraph(index, current=False)
            pieces.append(piece.stylize_before(meta(PARAGRAPH_META, index)))
            budget -= len(piece)
        return Content("\n\n").join(pieces)
