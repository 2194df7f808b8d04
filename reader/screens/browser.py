"""The glossary browser: every entry in a table; filter, sort, open a card, set statuses.

The status keys (0–5, x) set the learning status of the selected row; the Status
column and the status filter follow at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from glossary.collation import first_appearance, sort_entries
from glossary.document import Kind
from glossary.i18n import N_, _, ngettext
from glossary.model import CATEGORIES, Entry
from glossary.search import entry_haystack, matches
from reader.progress import TermStatus
from reader.state.export_choices import STATUS_FILTERS
from reader.state.session import Occurrence, ReadingSession
from reader.state.term_statuses import TermStatuses, group
from reader.ui.commands import TERM_STATUS_COMMANDS, Command, bindings
from reader.ui.localize import app_digits, localized
from reader.ui.render import GlossOptions, khmer_text
from reader.widgets.term_card import CATEGORY_NAMES, STATUS_NAMES

MAX_ROWS = 500  # a table of 20,000 rows redraws too slowly to filter as one types
SORTS = ("en", "km", "ko", "appearance")  # the orders of glossary.collation
SORT_NAMES = {
    "en": N_("English"),
    "km": N_("Khmer"),
    "ko": N_("Korean"),
    "appearance": N_("first appearance"),
}
BROWSER_COMMANDS = [
    Command("filter", "slash", "focus_filter", N_("Filter")),
    Command("sort", "s", "cycle_sort", N_("Sort")),
    Command("open", "enter", "open_selected", N_("Open card")),
    Command("export", "e", "app.export", N_("Export")),
    Command("back", "escape", "app.pop_screen", N_("Back")),
]


def column_widths(screen_width: int) -> list[tuple[str, int | None]]:
    """Fixed widths, so a long English name cannot push Khmer off the screen; Khmer is
    last and takes what is left (its width in a terminal is the least certain). Below 100
    columns every other column narrows, so that Khmer keeps at least a third of the row."""
    narrow = screen_width < 100
    english = max(10, screen_width // 5) if narrow else screen_width * 3 // 10
    return [
        (N_("English"), english),
        (N_("Korean"), 10 if narrow else 16),
        (N_("Category"), 6 if narrow else 12),
        (N_("In text"), 3 if narrow else 7),
        (N_("Status"), 6 if narrow else 7),
        (N_("Khmer"), None),
    ]


def status_cell(status: TermStatus) -> str:
    """`new`, `learn 1` … `learn 4`, `known`, `ignored`: seven columns at most."""
    if status.is_learning:
        return _("learn {level}").format(level=status.value)
    return _(STATUS_NAMES[status.label])


class BrowserScreen(Screen[None]):
    COMMANDS_DATA = BROWSER_COMMANDS + TERM_STATUS_COMMANDS
    BINDINGS = bindings(BROWSER_COMMANDS + TERM_STATUS_COMMANDS)

    def __init__(
        self, session: ReadingSession, options: GlossOptions, terms: TermStatuses | None = None
    ) -> None:
        """Without `terms` (no progress store) every term shows as new and keys say so."""
        super().__init__()
        self.session, self.options, self.terms = session, options, terms
        self.sort = "en"
        self.category: str | None = None
        self.status_filter: str | None = None  # a key of STATUS_FILTERS
        self._filled_version = -1
        self._widths: list[tuple[str, int | None]] = []
        self._positions: dict[str, int] = {}
        self._positions_of: object = None  # the occurrences _positions was computed from
        entries = list(session.glossary or ())
        self.haystacks = {e.id: entry_haystack(e) for e in entries}
        self.entries = entries

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="browser-controls"):
            yield Input(
                placeholder=_("Filter: English, ខ្មែរ, 한국어, romanization, ㅎㅅ…"), id="filter"
            )
            options = [(_(CATEGORY_NAMES[c]), c) for c in CATEGORIES]
            yield Select(options, prompt=_("all categories"), id="category", allow_blank=True)
            statuses = [(_(label), key) for key, (label, _test) in STATUS_FILTERS.items()]
            yield Select(statuses, prompt=_("all statuses"), id="status-filter", allow_blank=True)
        yield Static(id="browser-status")
        yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.set_columns(self.app.size.width)
        self.refill()
        self.query_one(DataTable).focus()

    def set_columns(self, screen_width: int) -> bool:
        """Lay the columns out for `screen_width`; False if they already were."""
        widths = column_widths(screen_width)
        if widths == self._widths:
            return False
        self._widths = widths
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for label, width in widths:
            table.add_column(_(label), width=width, key=label.lower())
        return True

    def on_resize(self, event: events.Resize) -> None:
        """A new width: new column widths (Khmer must stay on screen), same row."""
        self.fit_columns(event.size.width)

    def fit_columns(self, screen_width: int) -> bool:
        """Columns for `screen_width`, refilled on the same row; False if unchanged."""
        row = self.query_one(DataTable).cursor_row  # clearing the columns resets it
        if not self.set_columns(screen_width):
            return False
        self.refill(cursor_row=row)
        return True

    def count(self, entry: Entry) -> int | None:
        occurrences = self.session.occurrences
        return None if occurrences is None else len(occurrences.get(entry.id, ()))

    def positions(self) -> dict[str, int]:
        """Entry id → offset of its first appearance, as the export counts it
        (glossary.collation.first_appearance); computed once the text is indexed."""
        occurrences = self.session.occurrences
        if occurrences is None:
            return {}
        if self._positions_of is not occurrences:
            self._positions = first_appearance(self.session.document, self._mentions(occurrences))
            self._positions_of = occurrences
        return self._positions

    def _mentions(
        self, occurrences: Mapping[str, Sequence[Occurrence]]
    ) -> Iterator[tuple[str, int]]:
        """Each entry's mentions in text order, up to its first in the body."""
        paragraphs = self.session.document.paragraphs
        for entry_id, found in occurrences.items():
            for occurrence in found:
                paragraph = paragraphs[occurrence.paragraph]
                yield entry_id, paragraph.start + occurrence.start
                if paragraph.kind is Kind.BODY:
                    break

    def status(self, entry_id: str) -> TermStatus:
        return TermStatus.NEW if self.terms is None else self.terms.status(entry_id)

    def visible(self) -> list[Entry]:
        query = self.query_one("#filter", Input).value.strip()
        groups = STATUS_FILTERS[self.status_filter][1] if self.status_filter else None
        chosen = [
            e
            for e in self.entries
            if (self.category is None or e.category == self.category)
            and (groups is None or group(self.status(e.id)) in groups)
            and (not query or matches(e, query, self.haystacks[e.id]))
        ]
        return sort_entries(
            chosen, self.sort, self.positions() if self.sort == "appearance" else {}
        )

    def refill(self, keep_cursor: bool = False, cursor_row: int | None = None) -> None:
        """Fill the table from the filters; `keep_cursor` stays on the same row number,
        `cursor_row` goes to that one."""
        table = self.query_one(DataTable)
        row = table.cursor_row if cursor_row is None else cursor_row
        keep_cursor = keep_cursor or cursor_row is not None
        self._filled_version = self.terms.version if self.terms else 0
        table.clear()
        chosen = self.visible()
        for entry in chosen[:MAX_ROWS]:
            table.add_row(*self.row(entry), key=entry.id)
        count, total = min(len(chosen), MAX_ROWS), len(chosen)
        shown = (
            _("{shown} of {total} entries").format(shown=count, total=total)
            if total > MAX_ROWS
            else ngettext("{count} entry", "{count} entries", total).format(count=total)
        )
        status = _(
            "{shown} · sorted by {order} · Enter opens a card · s sorts · 0–5 x set the status"
        ).format(shown=shown, order=_(SORT_NAMES[self.sort]))
        self.query_one("#browser-status", Static).update(app_digits(self.app, status))
        if keep_cursor and table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def row(self, entry: Entry) -> tuple[str, ...]:
        """Khmer last: its width in a terminal is the least certain, so nothing follows it."""
        km, ko = entry.km, entry.ko
        km_text = (
            khmer_text(km, self.options.romanize_khmer) + ("" if km.verified else " ?")
            if km
            else "—"
        )
        ko_text = ko.text + ("" if ko.verified else " ?") if ko else "—"
        count = self.count(entry)
        shown_count = "…" if count is None else app_digits(self.app, str(count))
        status = app_digits(self.app, status_cell(self.status(entry.id)))
        category = _(CATEGORY_NAMES.get(entry.category, entry.category))
        return (entry.en, ko_text, category, shown_count, status, km_text)

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.refill()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(Select.Changed, "#category")
    def category_changed(self, event: Select.Changed) -> None:
        self.category = None if event.value is Select.NULL else str(event.value)
        self.refill()

    @on(Select.Changed, "#status-filter")
    def status_filter_changed(self, event: Select.Changed) -> None:
        self.status_filter = None if event.value is Select.NULL else str(event.value)
        self.refill()

    def on_screen_resume(self) -> None:
        """A status set on a card opened from here shows at once; so does a resize made
        while the card was over this screen."""
        resized = self.fit_columns(self.app.size.width)
        if not resized and self.terms is not None and self.terms.version != self._filled_version:
            self.refill(keep_cursor=True)

    def action_set_term_status(self, level: int) -> None:
        """Set the status of the selected row's term (a filter may then hide the row)."""
        entry_id = self.selected()
        if entry_id is None:
            return
        if self.terms is None:
            self.notify(_("Reading progress is not available."), severity="warning")
            return
        status = TermStatus(level)
        self.terms.set(entry_id, status)
        if self.status_filter is None:
            self.query_one(DataTable).update_cell(entry_id, "status", status_cell(status))
            self._filled_version = self.terms.version
        else:
            self.refill(keep_cursor=True)

    def selected(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refill()

    def action_open_selected(self) -> None:
        key = self.selected()
        entry = None if key is None else self.session.entry(key)
        if entry is not None:
            from reader.screens.term import TermScreen

            self.app.push_screen(
                localized(TermScreen)(entry, self.session, self.options, self.terms)
            )

    @on(DataTable.RowSelected)
    def row_selected(self) -> None:
        self.action_open_selected()
