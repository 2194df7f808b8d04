"""The reading screen's progress: resuming, read marks, reading time, the position line.

`ProgressActions` is mixed into `ReadingScreen` (kept apart so that each module stays
small). It expects the screen's `session`, `tracker`, `terms`, `redraw` and
`card_has_focus`. Contract:
- `track()` runs on every redraw: a changed current paragraph is reported to the
  tracker (which saves it), the term card gives focus back to the text, the terms of
  the new paragraph are noted as seen, and a status change since the last redraw makes
  the page redraw every paragraph. Nothing here costs more than a dict lookup per link
  unless something changed.
- `m` toggles the read mark of the current paragraph (`action_toggle_read`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from glossary.i18n import _
from reader.widgets.page import PageView

if TYPE_CHECKING:
    from reader.state.session import ReadingSession
    from reader.state.term_statuses import TermStatuses
    from reader.state.tracker import ReadingTracker

    _Base = Any
else:
    _Base = object


class ProgressActions(_Base):
    session: ReadingSession
    tracker: ReadingTracker
    terms: TermStatuses
    _statuses_drawn: int = -1

    def track(self) -> None:
        """Before drawing: report a move, refresh seen terms and a page drawn with old statuses."""
        session = self.session
        if session.current != self.tracker.current:
            self.tracker.moved(session.current)
            if self.card_has_focus():
                self.set_focus(None)
        if session.glossary is not None:
            self.terms.see(link.entry_id for link in session.links(session.current))
        if self._statuses_drawn != self.terms.version:
            self._statuses_drawn = self.terms.version
            self.query_one(PageView).invalidate()

    def save_progress(self) -> None:
        """Write the reading time and the terms seen so far (every FLUSH_SECONDS, and
        before another screen reads the store)."""
        self.tracker.flush()
        self.terms.save_seen()

    def progress_parts(self, label: str) -> list[str]:
        """`paragraph 4 of 23 ✓` (✓: read) and `read 12 of 25 paragraphs · 48% · 18 min`,
        for the position line."""
        parts = [label + (" ✓" if self.tracker.is_read(self.session.current) else "")]
        if self.session.language != "en":  # English is the default: said only otherwise
            parts.append(self.session.language_label)
        parts.append(_("read {progress}").format(progress=self.tracker.line()))
        if not self.tracker.store.can_save:
            parts.append(_("not saved"))
        return parts

    def action_toggle_read(self) -> None:
        read = self.tracker.toggle_read(self.session.current)
        self.redraw()
        self.notify(_("Marked read.") if read else _("Marked unread."), timeout=2)
