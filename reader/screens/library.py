"""The library: every document ever opened, with its progress; Enter opens one.

Opening replaces the reading screen with one for the chosen document (its progress
resumes there). A document that cannot be opened (its file moved, deleted or
unreadable) is one notification line; nothing else changes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from glossary.document import DocumentError, read_document
from glossary.i18n import N_, _, current_language, ngettext
from glossary.l10n import short_datetime
from reader.progress import DocumentRecord, ProgressStore, progress_line
from reader.state.config import ReaderConfig
from reader.ui.commands import Command, bindings
from reader.ui.host import host
from reader.ui.localize import app_digits

LIBRARY_COMMANDS = [
    Command("open-document", "enter", "open_selected", N_("Open")),
    Command("back-library", "escape", "app.pop_screen", N_("Back")),
]
PROGRESS_WIDTH = 36  # `10 of 11 paragraphs · 90% · 1 h 05 min`
OPENED_WIDTH = 18  # `Nov 24, 2025, 14:05`
GLOSSARY_WIDTH = 14


def opened_label(moment: datetime) -> str:
    """`Nov 24, 14:05` in the interface language (Babel)."""
    return short_datetime(moment, current_language())


def glossary_names(record: DocumentRecord) -> str:
    return ", ".join(Path(g).stem for g in record.glossary_paths) or "—"


def detail_line(record: DocumentRecord) -> str:
    """Where the document's file is (or that it is gone) and its glossaries, in full."""
    if not record.path:
        where = _("not opened from a file")
    elif Path(record.path).is_file():
        where = record.path
    else:
        where = _("{path} (file gone: moved or deleted)").format(path=record.path)
    glossaries = ", ".join(record.glossary_paths) or _("none recorded")
    return where + "\n" + _("glossaries: {glossaries}").format(glossaries=glossaries)


def config_for(record: DocumentRecord, current: ReaderConfig) -> tuple[ReaderConfig, str]:
    """The reader configuration for `record`'s file, and a note for the reader (may be
    empty). Raises DocumentError with one line when the document cannot be opened."""
    if not record.path:
        raise DocumentError(_("“{title}” was not opened from a file").format(title=record.title))
    path = Path(record.path)
    if not path.exists():
        message = _("{path}: the file is gone (moved or deleted); its progress is kept")
        raise DocumentError(message.format(path=path))
    document = read_document(path)
    glossaries = [Path(g) for g in record.glossary_paths]
    note = ""
    if not glossaries or not all(g.is_file() for g in glossaries):
        note = _("Its glossary is gone; the current glossary is used.") if glossaries else ""
        glossaries = list(current.glossary_files)
    return replace(current, document=document, document_path=path, glossary_files=glossaries), note


class LibraryScreen(Screen[None]):
    COMMANDS_DATA = LIBRARY_COMMANDS
    BINDINGS = bindings(LIBRARY_COMMANDS)

    def __init__(self, store: ProgressStore, config: ReaderConfig, current_id: str = "") -> None:
        """`config` is the open document's (its settings and paths carry over);
        `current_id` is its document id (choosing it just closes the library)."""
        super().__init__()
        self.store, self.config, self.current_id = store, config, current_id
        self.records: dict[str, DocumentRecord] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="library-status")
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # Fixed widths that add up to the screen (cells are padded by one each side).
        title = max(16, self.app.size.width - PROGRESS_WIDTH - OPENED_WIDTH - GLOSSARY_WIDTH - 10)
        widths = ((_("Title"), title), (_("Progress"), PROGRESS_WIDTH))
        widths += ((_("Last opened"), OPENED_WIDTH), (_("Glossary"), GLOSSARY_WIDTH))
        for label, width in widths:
            table.add_column(label, width=width)
        for record in self.store.library():
            self.records[record.id] = record
            table.add_row(*self.row(record), key=record.id)
        count = len(self.records)
        documents = ngettext("{count} document", "{count} documents", count).format(count=count)
        status = _("{documents} · Enter opens · Esc back").format(documents=documents)
        self.query_one("#library-status", Static).update(app_digits(self.app, status))
        self.show_detail()
        table.focus()

    def row(self, record: DocumentRecord) -> tuple[str, ...]:
        title = ("▶ " if record.id == self.current_id else "") + (record.title or _("(untitled)"))
        opened = opened_label(record.last_opened.astimezone())
        progress = app_digits(self.app, progress_line(record))
        return (title, progress, app_digits(self.app, opened), glossary_names(record))

    def selected(self) -> DocumentRecord | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.records.get(str(key))

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        record = self.selected()
        text = detail_line(record) if record else _("No documents opened yet.")
        self.query_one("#library-detail", Static).update(text)

    @on(DataTable.RowSelected)
    def row_selected(self) -> None:
        self.action_open_selected()

    def action_open_selected(self) -> None:
        """Open the selected document in place of the one being read."""
        record = self.selected()
        if record is None:
            return
        if record.id == self.current_id:
            self.app.pop_screen()
            return
        try:
            config, note = config_for(record, self.config)
        except DocumentError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        host(self).open_reading(config)
        if note:
            self.app.notify(note, severity="warning")
