"""The term card as a whole screen, for terminals too narrow for the side panel."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header

from glossary.model import Entry
from reader.render import GlossOptions
from reader.session import ReadingSession
from reader.widgets.term_card import TermCard


class TermScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="back")
    ]

    def __init__(self, entry: Entry, session: ReadingSession, options: GlossOptions) -> None:
        super().__init__()
        self.entry, self.session, self.options = entry, session, options

    def compose(self) -> ComposeResult:
        yield Header()
        yield TermCard(id="card-screen")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TermCard).show(self.entry, self.session, self.options.romanize_khmer)
        self.query_one(TermCard).focus()

    @on(TermCard.Jump)
    def jump(self, message: TermCard.Jump) -> None:
        """Close this card (and a browser under it) and go to the paragraph."""
        from reader.screens.reading import ReadingScreen

        stack = self.app.screen_stack
        reading = next((s for s in stack if isinstance(s, ReadingScreen)), None)
        if reading is None:
            return
        while self.app.screen is not reading:
            self.app.pop_screen()
        reading.post_message(message)
