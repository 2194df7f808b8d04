"""The position line under the page: where the reader is, in words and as a bar.

The words ("paragraph 7 of 23 · read 5 of 25 paragraphs · 20% · …") sit on a bar that
fills from the left as the reader goes through the text, so the place in the text shows
at a glance too.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widgets import Static

from reader.terminal.text import cell_width, split_at_cell


class PositionLine(Static):
    """A one-line Static whose background is a progress bar (`fraction` of its width)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"position--bar"}

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.text = ""
        self.fraction = 0.0

    def show(self, text: str, fraction: float) -> None:
        """New words and bar; no layout pass (the line has a fixed size: see the tcss)."""
        self.text, self.fraction = text, max(0.0, min(1.0, fraction))
        self.refresh()

    def render(self) -> Content:
        width = self.content_size.width
        text = self.text + " " * max(0, width - cell_width(self.text))
        bar = bar_end(text, round(self.fraction * width))
        return Content(text).stylize(self.get_visual_style("position--bar"), 0, bar)


def bar_end(text: str, cells: int) -> int:
    """Where in `text` a bar `cells` wide ends, as a character offset: at `cells`, or just
    before a letter cluster that straddles it (a cluster is never split)."""
    left, _ = split_at_cell(text, cells)
    # A straddling cluster comes back as padding on the left part: the bar ends before it.
    return len(left) if text.startswith(left) else len(left.rstrip(" "))
