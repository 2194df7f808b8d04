"""The reading screen's terms: focus in the paragraph, the term card, learning statuses.

`TermActions` is mixed into `ReadingScreen` (kept apart so that each module stays
small); it expects the screen's `session`, `terms`, `config`, `gloss_options`,
`redraw` and `action_go_to`. Contract:
- Opening a card for a term the reader chose (Enter, a click, `c`) counts a lookup and
  gives the card focus: while it has it, the status keys (bound on `TermCard`) rate the
  term; Esc or any move gives focus back to the text, where digits type a paragraph
  number for `g`. On a narrow terminal the card is a screen of its own.
- A status change is saved, shown on the card, and redraws the page (`redraw` sees the
  new `terms.version`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from glossary.i18n import _
from reader.progress import TermRecord, TermStatus
from reader.ui.localize import localized
from reader.widgets.term_card import STATUS_NAMES, TermCard

if TYPE_CHECKING:
    from reader.state.session import ReadingSession
    from reader.state.term_statuses import TermStatuses

    _Base = Any
else:
    _Base = object

NARROW = 80  # below this width the card takes the whole screen


class TermActions(_Base):
    session: ReadingSession
    terms: TermStatuses
    card_entry: str | None

    def action_focus_term(self, delta: int) -> None:
        if self.session.focus_term(delta) is not None:
            self.redraw()

    def action_open_focused(self) -> None:
        link = self.session.focused_link
        if link is not None:
            self.action_open_term(link.entry_id)

    def action_open_term(self, entry_id: str) -> None:
        """The card for `entry_id`: beside the text, or a screen of its own when narrow."""
        if self.size.width >= NARROW:
            self.open_card(entry_id)
            return
        from reader.screens.term import TermScreen

        entry = self.session.entry(entry_id)
        if entry is not None:
            screen = localized(TermScreen)(entry, self.session, self.gloss_options, self.terms)
            self.app.push_screen(screen)

    def show_card(self, entry_id: str) -> None:
        """Fill the side card (also to refresh it) without counting a lookup."""
        entry = self.session.entry(entry_id)
        if entry is None:
            return
        self.card_entry = entry_id
        card = self.query_one("#card", TermCard)
        card.remove_class("-hidden")
        card.show(entry, self.session, self.config.settings.romanize_khmer)

    def open_card(self, entry_id: str) -> None:
        """Open the side card for a term the reader chose: counted as a lookup, focused."""
        if self.session.entry(entry_id) is None:
            return
        record = self.terms.lookup(entry_id)
        self.show_card(entry_id)
        card = self.query_one("#card", TermCard)
        card.show_status(record)
        card.focus_card()

    def fit_card(self) -> None:
        """Below NARROW the side card would squeeze the text to a few columns: it steps aside
        (a card opens as a screen of its own there) and comes back when the terminal widens."""
        card = self.query_one("#card", TermCard)
        narrow = self.app.size.width < NARROW  # the app's: a resumed screen's is not yet new
        card.set_class(narrow, "-narrow")
        if narrow and self.card_has_focus():
            self.set_focus(None)

    def on_resize(self) -> None:
        self.fit_card()

    def on_screen_resume(self) -> None:
        self.fit_card()  # the terminal may have been resized under another screen

    def action_toggle_card(self) -> None:
        card = self.query_one("#card", TermCard)
        if self.app.size.width < NARROW:  # no room beside the text: the card's own screen
            link = self.session.focused_link or next(
                iter(self.session.links(self.session.current)), None
            )
            entry_id = self.card_entry or (link.entry_id if link else None)
            if entry_id is None:
                self.notify(_("No term in this paragraph to show."), severity="warning")
            else:
                self.action_open_term(entry_id)
            return
        if card.has_class("-hidden") and self.card_entry is None:
            link = self.session.focused_link or next(
                iter(self.session.links(self.session.current)), None
            )
            if link is None:
                self.notify(_("No term in this paragraph to show."), severity="warning")
                return
            self.open_card(link.entry_id)
            return
        card.toggle_class("-hidden")
        if card.has_class("-hidden"):
            self.set_focus(None)
        else:
            card.focus_card()

    def card_has_focus(self) -> bool:
        focused = self.focused
        return focused is not None and any(
            isinstance(node, TermCard) for node in focused.ancestors_with_self
        )

    def on_term_card_jump(self, message: TermCard.Jump) -> None:
        self.action_go_to(message.paragraph)

    def on_term_card_status_chosen(self, message: TermCard.StatusChosen) -> None:
        self.apply_status(message.entry_id, message.status)

    def action_set_term_status(self, level: int) -> None:
        """From the palette: the status of the term on the card, else of the focused term."""
        card = self.query_one("#card", TermCard)
        link = self.session.focused_link
        entry_id = (
            self.card_entry
            if self.card_entry and not card.has_class("-hidden")
            else (link.entry_id if link else None)
        )
        if entry_id is None:
            self.notify(_("Open a term first (Tab, then Enter)."), severity="warning", timeout=3)
            return
        self.apply_status(entry_id, TermStatus(level))

    def apply_status(self, entry_id: str, status: TermStatus) -> TermRecord:
        """Save a term's status, show it on the card and in the text; say so briefly."""
        record = self.terms.set(entry_id, status)
        if self.card_entry == entry_id:
            self.query_one("#card", TermCard).show_status(record)
        self.redraw()
        entry = self.session.entry(entry_id)
        self.notify(
            f"{entry.en if entry else entry_id}: {_(STATUS_NAMES[status.label])}", timeout=2
        )
        return record
