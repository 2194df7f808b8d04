"""The suggestions panel: terms of the open text that no entry covers yet (the candidates
of `glossary suggest`), with their counts and first context. Enter returns the chosen
one, which the reading screen opens in the new-term form; Esc closes.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from glossary.i18n import N_, _
from glossary.suggest import Suggestion

KIND_NAMES = {"name": N_("name"), "acronym": N_("acronym"), "word": N_("word")}


class SuggestionsScreen(ModalScreen[Suggestion | None]):
    BINDINGS: ClassVar = [Binding("escape", "close", N_("Close"), id="suggestions-close")]

    def __init__(self, suggestions: list[Suggestion]) -> None:
        super().__init__()
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        with Vertical(id="suggestions"):
            yield Label(
                _("Terms of this text not in the glossary (Enter: add)"), id="suggestions-title"
            )
            options = [
                Option(
                    f"{s.count:>3}  {_(KIND_NAMES[s.kind])}  {s.text}\n     “{s.context}”",
                    id=str(i),
                )
                for i, s in enumerate(self.suggestions)
            ]
            if not options:
                options = [
                    Option(
                        _("Every candidate term in this text is already in the glossary."),
                        disabled=True,
                    )
                ]
            yield OptionList(*options, id="suggestions-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.suggestions[int(event.option.id)])

    def action_close(self) -> None:
        self.dismiss(None)
