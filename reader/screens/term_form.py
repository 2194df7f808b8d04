"""The new-term form (also the edit form): every field of an entry, checked as it is typed.

Checking is `glossary.draft.check_draft`, the loader's own rules: NFC and canonical
Khmer order (normalised on save, and the form says so), no Latin letters in a Khmer or
Korean field, an id or English form already claimed. Ctrl+S or Enter saves when there is
no error; Esc cancels. The screen returns the `Checked` draft (or None) and writes
nothing itself: the reading screen saves it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from glossary.claims import LayeredClaims
from glossary.draft import Checked, Draft, check_draft
from glossary.i18n import N_, _
from glossary.model import CATEGORIES, Entry
from reader.widgets.form import row, select

# (draft field, label) in the order shown
FORM_FIELDS = (
    ("en", N_("English")),
    ("aliases", N_("Aliases")),
    ("note", N_("Note")),
    ("id", N_("Id")),
    ("km.text", N_("Khmer")),
    ("km.romanization", N_("Romanized")),
    ("km.source", N_("Source")),
    ("ko.text", N_("Korean")),
    ("ko.romanization", N_("Romanized")),
    ("ko.hanja", N_("Hanja")),
    ("ko.source", N_("Source")),
)
_PLACEHOLDERS = {
    "aliases": N_("other English forms, separated by ;"),
    "id": N_("made from the English headword if empty"),
    "km.source": N_("URL or publication that shows this form"),
    "ko.source": N_("URL or publication that shows this form"),
}


def _input_id(field: str) -> str:
    return "form-" + field.replace(".", "-")


class TermFormScreen(ModalScreen[Checked | None]):
    """Fill in or edit one entry; `base` is the entry being edited (None: a new one)."""

    BINDINGS: ClassVar = [
        Binding("ctrl+s", "save", N_("Save"), id="form-save"),
        Binding("escape", "cancel", N_("Cancel"), id="form-cancel"),
    ]

    def __init__(self, draft: Draft, claims: LayeredClaims, base: Entry | None = None) -> None:
        super().__init__()
        self.draft, self.claims, self.base = draft, claims, base
        self.checked = check_draft(draft, claims, base)

    def compose(self) -> ComposeResult:
        title = _("Edit {term}").format(term=self.base.en) if self.base else _("New term")
        with Vertical(id="term-form"):
            yield Label(title, id="term-form-title")
            with row(_("Category")):
                options = [(_(c), c) for c in CATEGORIES]
                yield select(options, self.draft.get("category") or "term", "form-category")
            for field, label in FORM_FIELDS:
                with row(_(label)):
                    hint = _(_PLACEHOLDERS[field]) if field in _PLACEHOLDERS else ""
                    value = self.draft.get(field)
                    yield Input(value, placeholder=hint, id=_input_id(field), compact=True)
            yield Static("", id="term-form-problems")
            with Horizontal(id="term-form-buttons"):
                yield Button(_("Save"), id="form-save-button", variant="primary", compact=True)
                yield Button(_("Cancel"), id="form-cancel-button", compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#{_input_id('en')}", Input).focus()
        self.show_problems()

    def current_draft(self) -> Draft:
        values = {
            field: self.query_one(f"#{_input_id(field)}", Input).value for field, _l in FORM_FIELDS
        }
        category = self.query_one("#form-category", Select).value
        values["category"] = str(category) if category is not Select.NULL else ""
        return Draft(values)

    @on(Input.Changed)
    @on(Select.Changed)
    def recheck(self) -> None:
        self.checked = check_draft(self.current_draft(), self.claims, self.base)
        self.show_problems()

    def show_problems(self) -> None:
        """Errors, then warnings and what saving will normalise, one a line."""
        lines = []
        for problem in self.checked.problems:
            mark = "✗" if problem.is_error else "!"
            lines.append(
                f"{mark} {problem.field}: {problem.message}"
                if problem.field
                else f"{mark} {problem.message}"
            )
        lines += [f"~ {notice}" for notice in self.checked.notices]
        if self.checked.entry is not None:
            lines.append(_("Ctrl+S saves {id}.").format(id=self.checked.entry.id))
        widget = self.query_one("#term-form-problems", Static)
        widget.update("\n".join(lines))
        widget.set_class(bool(self.checked.errors), "-errors")

    @on(Input.Submitted)
    @on(Button.Pressed, "#form-save-button")
    def action_save(self) -> None:
        self.recheck()
        if self.checked.entry is None:
            self.notify(_("Fix the marked fields first."), severity="warning", timeout=3)
            return
        self.dismiss(self.checked)

    @on(Button.Pressed, "#form-cancel-button")
    def action_cancel(self) -> None:
        self.dismiss(None)
