"""Growing the glossary while reading: the word cursor, the new-term and edit forms, the
suggestions panel, delete and undo.

`GrowActions` is mixed into `ReadingScreen`; it expects the screen's `session`, `config`,
`redraw`, `index_occurrences` and `card_entry`, and `layers` / `combined` set once the
glossary has loaded. Contract:
- Saving writes the personal glossary in a worker (`glossary.personal`: locked, atomic,
  with a backup); the result arrives as `TermSaved`, and the new term is linked at once
  (`Layers.combine`: a small second matcher, never a rebuild of the big one), in the
  text, the card, the browser, statistics and exports, which all read the session's
  glossary. A refused save is a notification and changes nothing.
- An edit of a shipped entry is stored as an override of its id; of a personal one, in
  its place. Only personal entries (and overrides) can be deleted; `u` undoes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message

from glossary.i18n import _
from reader.state.word_cursor import WordCursor

if TYPE_CHECKING:
    from glossary.draft import Checked, Draft
    from glossary.layers import Combined, Layers
    from glossary.model import Entry
    from glossary.personal import Removed
    from glossary.suggest import Suggestion
    from reader.state.session import ReadingSession

    _Base = Any
else:
    _Base = object


@dataclass
class TermSaved(Message):
    combined: Combined
    notice: str
    undo: Removed | None = None


@dataclass
class SaveRefused(Message):
    reason: str


class GrowActions(_Base):
    session: ReadingSession
    glossary_layers: Layers | None = None
    combined: Combined | None = None
    undo: Removed | None = None

    # --- the word cursor --------------------------------------------------------------

    def action_cursor_start(self) -> None:
        session = self.session
        link = session.focused_link
        text = session.paragraphs[session.current].text
        session.cursor = WordCursor.at(text, link.start if link else 0)
        self.redraw()

    def action_cursor_move(self, delta: int) -> None:
        if self.session.cursor is not None:
            self.session.cursor.move(delta)
            self.redraw()

    def action_cursor_extend(self, delta: int) -> None:
        """H/L (Shift+arrows) extend the cursor; without one, L is still the library."""
        if self.session.cursor is None:
            if delta > 0:
                self.app.action_library()
            return
        self.session.cursor.extend(delta)
        self.redraw()

    def leave_cursor(self) -> bool:
        if self.session.cursor is None:
            return False
        self.session.cursor = None
        self.redraw()
        return True

    # --- forms ------------------------------------------------------------------------

    def _ready(self) -> bool:
        if self.combined is None or self.config.personal_glossary is None:
            message = (
                _("The glossary is still loading.")
                if self.config.personal_glossary
                else _("No personal glossary with --no-default-glossary.")
            )
            self.notify(message, severity="warning", timeout=3)
            return False
        return True

    def action_add_term(self) -> None:
        """The new-term form, prefilled with the words under the cursor (or nothing)."""
        from glossary.draft import Draft

        session = self.session
        if session.cursor is None and self._ready():
            self.action_cursor_start()
            hint = _("Choose the words: h/l move, H/L extend; then a again (Esc: leave).")
            self.notify(hint, timeout=6)
            return
        text = session.paragraphs[session.current].text
        phrase = session.cursor.phrase(text) if session.cursor else ""
        self.open_form(Draft({"en": phrase}))

    def open_form(self, draft: Draft, base: Entry | None = None) -> None:
        if not self._ready():
            return
        from reader.screens.term_form import TermFormScreen
        from reader.ui.localize import localized

        assert self.combined is not None
        screen = localized(TermFormScreen)(draft, self.combined.claims, base)
        self.app.push_screen(screen, callback=lambda checked: self._form_done(checked, base))

    def _form_done(self, checked: Checked | None, base: Entry | None) -> None:
        if checked is not None and checked.entry is not None:
            self.leave_cursor()
            self.save_entry(checked.entry, base)

    def _target_entry(self) -> str | None:
        link = self.session.focused_link
        card = self.query_one("#card")
        if self.card_entry and not card.has_class("-hidden"):
            return self.card_entry
        return link.entry_id if link else None

    def action_edit_term(self) -> None:
        """`E`: the term on the card (or the focused term) in the edit form."""
        from glossary.draft import draft_of

        entry_id = self._target_entry()
        entry = self.session.entry(entry_id) if entry_id else None
        if entry is None:
            self.notify(_("Open a term first (Tab, then Enter)."), severity="warning", timeout=3)
            return
        self.open_form(draft_of(entry), entry)

    def action_suggestions(self) -> None:
        if not self._ready():
            return
        from glossary.suggest import suggest
        from reader.screens.suggestions import SuggestionsScreen
        from reader.ui.localize import localized

        session = self.session
        text = session.document.text
        candidates = suggest(text, self.combined.linker.link(text))  # type: ignore[union-attr]
        screen = localized(SuggestionsScreen)(candidates)
        self.app.push_screen(screen, callback=self._suggestion_chosen)

    def _suggestion_chosen(self, suggestion: Suggestion | None) -> None:
        from glossary.draft import Draft

        if suggestion is not None:
            self.open_form(Draft({"en": suggestion.text}))

    # --- saving, deleting, undo -----------------------------------------------------------

    @work(thread=True, exclusive=True, group="personal")
    def save_entry(self, entry: Entry, base: Entry | None) -> None:
        from glossary.entry_data import entry_data, override_data
        from glossary.personal import WriteRefused

        assert self.glossary_layers is not None and self.combined is not None
        store = self._store()
        raw = self.combined.personal.get(entry.id if base is None else base.id)
        shipped = self.glossary_layers.base.get(base.id) if base else None
        try:
            if base is None:
                saved = store.add(entry_data(entry))
            elif shipped is not None:
                data = override_data(shipped, entry)
                saved = store.replace(base.id, data, raw) if raw else store.add(data)
            else:
                saved = store.replace(base.id, entry_data(entry), raw)
        except WriteRefused as error:
            self.post_message(SaveRefused(str(error)))
            return
        combined = self.glossary_layers.combine(saved.result.glossary)
        notice = _("{term} saved in {path}").format(term=entry.en, path=saved.path.name)
        self.post_message(TermSaved(combined, notice))

    def _store(self) -> Any:
        from glossary.personal import GlossaryFile

        assert self.config.personal_glossary is not None
        return GlossaryFile(self.config.personal_glossary)

    def action_delete_term(self) -> None:
        entry_id = self._target_entry()
        if not self._ready() or entry_id is None:
            return
        assert self.combined is not None
        if self.combined.personal.get(entry_id) is None:
            self.notify(
                _("Only terms of your personal glossary can be deleted."),
                severity="warning",
                timeout=3,
            )
            return
        self.delete_entry(entry_id)

    @work(thread=True, exclusive=True, group="personal")
    def delete_entry(self, entry_id: str) -> None:
        from glossary.personal import WriteRefused

        assert self.glossary_layers is not None and self.combined is not None
        try:
            removed = self._store().remove(entry_id, self.combined.personal.get(entry_id))
        except WriteRefused as error:
            self.post_message(SaveRefused(str(error)))
            return
        combined = self.glossary_layers.combine(removed.saved.result.glossary)
        self.post_message(
            TermSaved(combined, _("{id} deleted (u: undo)").format(id=entry_id), removed)
        )

    def action_undo(self) -> None:
        if self.undo is None:
            self.notify(_("Nothing to undo."), timeout=2)
            return
        removed, self.undo = self.undo, None
        self.restore_entry(removed)

    @work(thread=True, exclusive=True, group="personal")
    def restore_entry(self, removed: Removed) -> None:
        from glossary.personal import WriteRefused

        assert self.glossary_layers is not None
        try:
            saved = self._store().restore(removed)
        except WriteRefused as error:
            self.post_message(SaveRefused(str(error)))
            return
        combined = self.glossary_layers.combine(saved.result.glossary)
        self.post_message(TermSaved(combined, _("{id} is back").format(id=saved.entry_id)))

    def on_term_saved(self, message: TermSaved) -> None:
        self.combined, self.undo = message.combined, message.undo or None
        self.session.attach(message.combined.glossary, message.combined.linker)
        self.redraw()
        self.index_occurrences()
        card_shown = not self.query_one("#card").has_class("-hidden")
        if card_shown and self.card_entry and self.session.entry(self.card_entry) is not None:
            self.show_card(self.card_entry)  # the card shows the term as saved
        self.notify(message.notice, timeout=4)

    def on_save_refused(self, message: SaveRefused) -> None:
        self.notify(message.reason, severity="error", timeout=10)
