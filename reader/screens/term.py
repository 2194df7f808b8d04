"""The term card as a whole screen: on terminals too narrow for the side panel, and from
the glossary browser. Opening it counts a lookup; the status keys rate the term."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header

from glossary.i18n import N_
from glossary.model import Entry
from reader.state.session import ReadingSession
from reader.state.term_statuses import TermStatuses
from reader.ui.host import host
from reader.ui.render import GlossOptions
from reader.widgets.term_card import TermCard


class TermScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", N_("Back"), id="back")
    ]

    def __init__(
        self,
        entry: Entry,
        session: ReadingSession,
        options: GlossOptions,
        terms: TermStatuses | None = None,
    ) -> None:
        """Without `terms` (no progress store) the card shows no status."""
        super().__init__()
        self.entry, self.session, self.options, self.terms = entry, session, options, terms

    def compose(self) -> ComposeResult:
        yield Header()
        yield TermCard(id="card-screen")
        yield Footer()

    def on_mount(self) -> None:
        card = self.query_one(TermCard)
        card.show(self.entry, self.session, self.options.romanize_khmer)
        if self.terms is not None:
            card.show_status(self.terms.lookup(self.entry.id))
        card.focus()

    @on(TermCard.StatusChosen)
    def status_chosen(self, message: TermCard.StatusChosen) -> None:
        if self.terms is not None:
            self.query_one(TermCard).show_status(self.terms.set(message.entry_id, message.status))
            self.notify(f"{self.entry.en}: {message.status.label}", timeout=2)

    @on(TermCard.Jump)
    def jump(self, message: TermCard.Jump) -> None:
        """Close this card (and a browser under it) and go to the paragraph."""
        host(self).back_to_reading(message)
