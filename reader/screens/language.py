"""The interface-language picker: each language listed by its own name (from Babel)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from glossary.i18n import LANGUAGES, N_, _, current_language
from glossary.l10n import language_name


class LanguageScreen(ModalScreen[str | None]):
    """Dismisses with the chosen language code (en, km, ko), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", N_("Close"), id="close-language")
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="language"):
            yield Static(_("Interface language"), id="language-title")
            options = [Option(self.label(lang), id=lang) for lang in LANGUAGES]
            yield OptionList(*options, id="languages")

    @staticmethod
    def label(lang: str) -> str:
        mark = "● " if lang == current_language() else "  "
        return mark + language_name(lang)

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.highlighted = LANGUAGES.index(current_language())
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
