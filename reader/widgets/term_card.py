"""The term card: one glossary entry in full, and where else it occurs, with jump-to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from glossary.i18n import N_, _, ngettext
from glossary.model import Entry, Form
from reader.progress.models import TermRecord, TermStatus
from reader.state.session import Occurrence, ReadingSession
from reader.ui.commands import TERM_STATUS_COMMANDS, bindings
from reader.ui.localize import app_digits
from reader.ui.render import khmer_text

LANG_NAMES = {"km": N_("Khmer"), "ko": N_("Korean")}
CATEGORY_NAMES = {
    "person": N_("person"),
    "place": N_("place"),
    "country": N_("country"),
    "organisation": N_("organisation"),
    "event": N_("event"),
    "language": N_("language"),
    "document": N_("document"),
    "term": N_("term"),
}
STATUS_NAMES = {
    "new": N_("new"),
    "learning-1": N_("learning-1"),
    "learning-2": N_("learning-2"),
    "learning-3": N_("learning-3"),
    "learning-4": N_("learning-4"),
    "known": N_("known"),
    "ignored": N_("ignored"),
}
MAX_LISTED = 300  # a term in a huge text may occur 100,000 times; list the first few


def _form_lines(lang: str, form: Form | None, romanize: bool) -> list[Content]:
    name = Content.styled(f"{_(LANG_NAMES[lang])}  ", "bold")
    if form is None:
        return [name + Content.styled(_("no form yet"), "italic $text-muted")]
    status = (
        Content.styled("✔ " + _("verified"), "$text-success")
        if form.verified
        else Content.styled(
            "⚠ " + _("UNVERIFIED: no source confirms this form"), "bold $text-warning"
        )
    )
    text = khmer_text(form, romanize) if lang == "km" else form.text
    lines = [name + status, Content("  " + text)]
    if form.romanization:
        lines.append(Content.styled(f"  {form.romanization}", "italic"))
    if form.hanja:
        lines.append(Content(f"  {form.hanja}"))
    if form.variants:
        variants = _("also written: {variants}").format(variants=", ".join(form.variants))
        lines.append(Content.styled("  " + variants, "$text-muted"))
    return lines


def _sources(entry: Entry) -> list[Content]:
    lines: list[Content] = []
    for lang in ("km", "ko"):
        form = entry.form(lang)
        for source in form.sources if form else ():
            shows = f" — {source.shows}" if source.shows else ""
            lines.append(Content.styled(f"  {lang}: {source.ref}{shows}", "$text-muted"))
    return [Content.styled(_("Sources"), "bold"), *lines] if lines else []


def card_content(entry: Entry, romanize: bool = False) -> Content:
    """Everything the glossary says about an entry, as lines of text."""
    lines = [
        Content.styled(entry.en, "bold $text-accent"),
        Content.styled(
            f"{_(CATEGORY_NAMES.get(entry.category, entry.category))} · {entry.id}", "$text-muted"
        ),
    ]
    if entry.aliases:
        aliases = ", ".join(a.text for a in entry.aliases)
        lines.append(Content(_("also: {aliases}").format(aliases=aliases)))
    for lang in ("km", "ko"):
        lines += [Content(""), *_form_lines(lang, entry.form(lang), romanize)]
    if entry.note:
        lines += [Content(""), Content.styled(_("Note"), "bold"), Content(entry.note)]
    sources = _sources(entry)
    if sources:
        lines += [Content(""), *sources]
    return Content("\n").join(lines)


def occurrence_label(session: ReadingSession, occurrence: Occurrence, width: int = 60) -> str:
    """`¶7  …text around the mention…`."""
    text = session.paragraphs[occurrence.paragraph].text
    left = max(0, occurrence.start - width // 3)
    snippet = " ".join(text[left : left + width].split())
    prefix = "…" if left else ""
    return f"¶{occurrence.paragraph}  {prefix}{snippet}…"


def status_content(record: TermRecord) -> Content:
    """`Status  learning-2 · looked up 3 times` and the keys that change it."""
    looked = ngettext("looked up {count} time", "looked up {count} times", record.lookups).format(
        count=record.lookups
    )
    return Content("\n").join(
        [
            Content.styled(_("Status") + "  ", "bold")
            + Content(f"{_(STATUS_NAMES[record.status.label])} · {looked}"),
            Content.styled(
                _(
                    "While the card has focus: 0 new · 1–4 learning · 5 known · x ignore · "
                    "Esc back to the text"
                ),
                "$text-muted",
            ),
        ]
    )


class TermCard(VerticalScroll):
    """Shows one entry; selecting an occurrence posts `TermCard.Jump`; a status key
    (while the card or its list has focus) posts `TermCard.StatusChosen`."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings(TERM_STATUS_COMMANDS))
    entry_id: str | None = None

    @dataclass
    class Jump(Message):
        paragraph: int

    @dataclass
    class StatusChosen(Message):
        entry_id: str
        status: TermStatus

    def compose(self) -> ComposeResult:
        yield Static(id="card-status", classes="-hidden")
        yield Static(id="card-body")
        yield Static(_("Occurrences"), id="occurrences-title")
        yield OptionList(id="occurrences")

    def show(self, entry: Entry, session: ReadingSession, romanize: bool) -> None:
        """Fill the card for `entry` (its status line stays only if the entry is the same)."""
        if entry.id != self.entry_id:
            self.query_one("#card-status", Static).add_class("-hidden")
        self.entry_id = entry.id
        self.query_one("#card-body", Static).update(card_content(entry, romanize))
        found = (session.occurrences or {}).get(entry.id, [])
        title = (
            _("Occurrences in this text: {count}").format(count=len(found))
            if session.occurrences is not None
            else _("Occurrences: counting…")
        )
        self.query_one("#occurrences-title", Static).update(app_digits(self.app, title))
        options = self.query_one("#occurrences", OptionList)
        options.clear_options()
        shown = found[:MAX_LISTED]
        options.add_options(
            [Option(occurrence_label(session, o), id=str(i)) for i, o in enumerate(shown)]
        )
        if len(found) > MAX_LISTED:
            more = _("… and {count} more").format(count=len(found) - MAX_LISTED)
            options.add_option(Option(more, disabled=True))
        self._occurrences = found
        self.scroll_home(animate=False)

    def show_status(self, record: TermRecord) -> None:
        """Show the term's learning status (the card shows none until this is called)."""
        status = self.query_one("#card-status", Static)
        status.update(status_content(record))
        status.remove_class("-hidden")

    def focus_card(self) -> None:
        """Take the keys: status keys now rate this term; ↑ ↓ Enter go to an occurrence.

        The card stays at its top: scrolling to the focused list would hide the term and
        its Khmer and Korean forms on a long card."""
        self.query_one("#occurrences", OptionList).focus(scroll_visible=False)

    def action_set_term_status(self, level: int) -> None:
        if self.entry_id is not None:
            self.post_message(self.StatusChosen(self.entry_id, TermStatus(level)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        occurrence = self._occurrences[int(event.option.id or 0)]
        self.post_message(self.Jump(occurrence.paragraph))
