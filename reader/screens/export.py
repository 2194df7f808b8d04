"""The export dialog: format, languages, filters, order and file, then export in a worker.

Contract: the dialog never crashes on a bad choice or a failed write. A choice that
cannot work (one language, a folder that does not exist) is refused up front in a
one-line notification; the export itself runs in a thread worker and reports back with
`Done` or `Failed`, and only those handlers change the UI. On success a notification
names the written file(s) and the dialog closes; on failure it stays open to fix.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static

from glossary.document import Document
from glossary.export import FORMATS, ExportError, ExportResult
from glossary.export.order import ORDERS
from glossary.export.rows import LANGS
from glossary.i18n import N_, _
from glossary.model import CATEGORIES, Glossary
from reader.progress import ProgressStore
from reader.state.export_choices import (
    LANG_NAMES,
    STATUS_FILTERS,
    ExportChoices,
    check_choices,
    default_output,
    format_options,
    order_options,
    planned_files,
    retarget,
    run_export,
    written,
)
from reader.ui.commands import Command, bindings
from reader.ui.host import host
from reader.widgets import form
from reader.widgets.term_card import CATEGORY_NAMES

if TYPE_CHECKING:
    from textual.app import App

log = logging.getLogger(__name__)
EXPORT_DIALOG_COMMANDS = [
    Command("close-export", "escape", "cancel", N_("Close the export dialog")),
]


@dataclass(frozen=True)
class ExportSetup:
    """What the dialog exports from: the loaded glossary and the open document (read
    from `document_path`, when known); where files go by default (`work_dir`); the
    reading progress (`store`; None disables the status and read filters) and how to
    save the reading in progress before a filter reads it (`save_progress`)."""

    glossary: Glossary
    document: Document
    work_dir: Path
    store: ProgressStore | None = None
    document_path: Path | None = None
    save_progress: Callable[[], object] | None = None

    @property
    def has_progress(self) -> bool:
        return self.store is not None


class ExportScreen(ModalScreen[None]):
    """A form over the current screen; Esc closes it, Enter in the file name exports."""

    COMMANDS_DATA = EXPORT_DIALOG_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(EXPORT_DIALOG_COMMANDS))

    @dataclass
    class Done(Message):
        result: ExportResult

    @dataclass
    class Failed(Message):
        error: str

    def __init__(self, setup: ExportSetup, initial: ExportChoices) -> None:
        super().__init__()
        self.setup, self.initial = setup, initial
        self.named_for = initial.format  # the format whose extension the file name has
        self.running = False

    def compose(self) -> ComposeResult:
        initial, progress = self.initial, self.setup.has_progress
        with Vertical(id="export"):
            yield Static(_("Export the glossary"), id="export-title")
            with form.row(_("Format")):
                yield form.select(format_options(), initial.format, "export-format")
            with form.row(_("Languages")):
                for lang in LANGS:
                    yield form.check(
                        _(LANG_NAMES[lang]), lang in initial.langs, f"export-lang-{lang}"
                    )
            with form.row(_("Category")):
                categories = [(_(CATEGORY_NAMES[c]), c) for c in CATEGORIES]
                everything = _("all categories")
                yield form.select(categories, initial.category, "export-category", everything)
            with form.row(_("Terms")):
                yield form.check(_("only terms in this text"), initial.in_text, "export-in-text")
            with form.row(""):
                read_only = _("only in paragraphs I have read")
                yield form.check(read_only, False, "export-seen", progress)
            with form.row(_("Status")):
                statuses = [(_(label), key) for key, (label, _states) in STATUS_FILTERS.items()]
                anything = (
                    _("any status") if progress else _("any status (no reading progress yet)")
                )
                yield form.select(statuses, None, "export-status", anything, progress)
            with form.row(_("Order")):
                yield form.select(order_options(), initial.order, "export-order")
            with form.row(_("Save to")):
                yield Input(initial.output, id="export-output", compact=True)
            yield Static(id="export-hint")
            with Horizontal(id="export-buttons"):
                yield Button(_("Export"), variant="primary", id="export-run", compact=True)
                yield Button(_("Cancel"), id="export-cancel", compact=True)

    def on_mount(self) -> None:
        self.show_hint()
        self.query_one("#export-format", Select).focus()

    # --- reading the form ------------------------------------------------------------

    def choices(self) -> ExportChoices:
        """What the form says now."""
        status = self.query_one("#export-status", Select).value
        return ExportChoices(
            format=str(self.query_one("#export-format", Select).value),
            langs=tuple(lang for lang in LANGS if self._ticked(f"export-lang-{lang}")),
            category=form.chosen(self.query_one("#export-category", Select)),
            in_text=self._ticked("export-in-text"),
            seen_only=self._ticked("export-seen"),
            status=str(status) if status is not Select.NULL else None,
            order=str(self.query_one("#export-order", Select).value),
            output=self.query_one("#export-output", Input).value,
        )

    def _ticked(self, widget_id: str) -> bool:
        box = self.query_one(f"#{widget_id}", Checkbox)
        return box.value and not box.disabled

    def show_hint(self, text: str | None = None) -> None:
        """Below the file name: what will be written, or `text`."""
        self.query_one("#export-hint", Static).update(text or self._plan())

    def _plan(self) -> str:
        choices = self.choices()
        try:
            files = planned_files(choices, check_choices(choices, self.setup.work_dir))
        except ExportError as error:
            return f"⚠ {error}"
        replaced = [f.name for f in files if f.exists()]
        names = " and ".join(f.name for f in files)
        if replaced:
            existing = " and ".join(replaced)
            return _("Writes {files} (replaces the existing {existing})").format(
                files=names, existing=existing
            )
        return _("Writes {files}").format(files=names)

    # --- changes -----------------------------------------------------------------------

    @on(Select.Changed, "#export-format")
    def format_changed(self, event: Select.Changed) -> None:
        new = str(event.value)
        output = self.query_one("#export-output", Input)
        output.value = retarget(output.value, self.named_for, new)
        self.named_for = new
        self.show_hint()

    @on(Select.Changed, "#export-category, #export-status, #export-order")
    @on(Checkbox.Changed)
    @on(Input.Changed, "#export-output")
    def choice_changed(self) -> None:
        if not self.running:
            self.show_hint()

    # --- exporting ---------------------------------------------------------------------

    @on(Input.Submitted, "#export-output")
    @on(Button.Pressed, "#export-run")
    def start(self) -> None:
        """Check the choices, then export in a worker; a bad choice is one notification."""
        if self.running:
            return
        choices = self.choices()
        try:
            path = check_choices(choices, self.setup.work_dir)
        except ExportError as error:
            self.notify(str(error), title=_("Cannot export"), severity="error")
            return
        if choices.needs_progress and self.setup.save_progress is not None:
            self.setup.save_progress()  # what was read just now counts too
        self.running = True
        self.query_one("#export-run", Button).disabled = True
        self.show_hint(_("Exporting {format}…").format(format=_(FORMATS[choices.format].summary)))
        self.export_in_thread(choices, path)

    @work(thread=True, exclusive=True, group="export")
    def export_in_thread(self, choices: ExportChoices, path: Path) -> None:
        setup = self.setup
        try:
            result = run_export(
                choices, setup.glossary, setup.document, path, setup.store, setup.document_path
            )
        except ExportError as error:
            self.post_message(self.Failed(str(error)))
        except OSError as error:
            reason = error.strerror or str(error)
            self.post_message(self.Failed(f"cannot write {error.filename or path}: {reason}"))
        except Exception as error:  # a bug must not take the reader down with it
            log.exception("export failed")
            self.post_message(self.Failed(f"export failed: {error}"))
        else:
            self.post_message(self.Done(result))

    def on_export_screen_done(self, message: Done) -> None:
        self.running = False
        self.app.notify(written(message.result.paths, message.result.count), title=_("Exported"))
        self.dismiss()

    def on_export_screen_failed(self, message: Failed) -> None:
        self.running = False
        self.query_one("#export-run", Button).disabled = False
        self.show_hint()
        self.notify(message.error, title=_("Export failed"), severity="error")

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        if self.running:
            self.notify(_("Still exporting; the dialog closes when the file is written."))
            return
        self.dismiss()


def open_export(app: App[None]) -> None:
    """The app's `export` action: the dialog over the reading screen or the browser.

    Starts from the browser's category and sort when opened there. Says so, and opens
    nothing, while the glossary is still loading."""
    from reader.screens.reading import ReadingScreen

    if isinstance(app.screen, ExportScreen):
        return
    reading = next((s for s in app.screen_stack if isinstance(s, ReadingScreen)), None)
    if reading is None:
        return
    if reading.session.glossary is None:
        app.notify(_("The glossary is still loading; export in a moment."), severity="warning")
        return
    config = reading.config
    setup = ExportSetup(
        reading.session.glossary,
        reading.session.document,
        config.work_dir,
        host(app).store,
        config.document_path,
        host(app).save_reading,
    )
    sort = getattr(app.screen, "sort", "appearance")
    initial = ExportChoices(
        category=getattr(app.screen, "category", None),
        order=sort if sort in ORDERS else "appearance",
        output=default_output("md", config.work_dir),
    )
    app.push_screen(ExportScreen(setup, initial))
