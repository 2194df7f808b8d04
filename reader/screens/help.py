"""Help: every command with its keys, generated from the binding data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from glossary.i18n import N_, _
from reader.ui.commands import Command, key_label


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", N_("Close"), id="close-help")
    ]

    def __init__(self, commands: Sequence[Command]) -> None:
        super().__init__()
        self.commands = commands

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(_("Tonle: keys"), id="help-title")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(
                _(
                    "Every command is also in the command palette (Ctrl+P), with themes. "
                    "Type a number, then g, to go to that paragraph. Esc closes this help."
                ),
                id="help-hint",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Keys"), _("Command"))
        for command in self.commands:
            table.add_row(key_label(command.keys), _(command.description), key=command.id)
        table.focus()
