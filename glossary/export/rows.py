"""The common row model every export format renders: a `Sheet` of `Row`s.

A `Sheet` is what the selection step (`select`) hands to a format: the entries that
passed the filters, in the chosen order, each with the sentence of the text where it
first occurs. Formats never filter or sort; they only lay rows out.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from glossary.i18n import DEFAULT, N_, gettext_in
from glossary.model import CATEGORIES, Entry, Form

# The words of a sheet are marked here and translated into the sheet's language
# (`Sheet.tr`), which need not be the interface language.
LANGS: tuple[str, ...] = ("en", "km", "ko")
LANG_NAMES = {"en": N_("English"), "km": N_("Khmer"), "ko": N_("Korean")}
CATEGORY_TITLES = {
    "person": N_("People"),
    "place": N_("Places"),
    "country": N_("Countries"),
    "organisation": N_("Organisations"),
    "event": N_("Events"),
    "language": N_("Languages"),
    "document": N_("Documents"),
    "term": N_("Terms"),
}
UNVERIFIED = N_("(unverified)")
# TRANSLATORS: a label before its value in a study sheet ("Date: 24 November 2026").
LABEL = N_("{label}:")
LEGEND = N_("A form marked {unverified} has not yet been confirmed by a source.")


@dataclass(frozen=True, slots=True)
class Context:
    """The sentence where a term first occurs: `before + term + after`, spaces collapsed."""

    before: str
    term: str
    after: str

    @property
    def sentence(self) -> str:
        return self.before + self.term + self.after


@dataclass(frozen=True, slots=True)
class Row:
    """One exported entry, with its context sentence when a text was given."""

    entry: Entry
    context: Context | None = None
    note: str | None = None  # the note as this sheet shows it; None: the entry's own

    @property
    def shown_note(self) -> str:
        """The entry's note, or the part of it that fits the sheet's text."""
        return self.entry.note if self.note is None else self.note

    def form(self, lang: str) -> Form | None:
        """The Khmer or Korean form; None for English (see `headword`) or no form yet."""
        return None if lang == "en" else self.entry.form(lang)

    def has(self, lang: str) -> bool:
        """True when the entry has a form in `lang` (English always has one)."""
        return lang == "en" or self.entry.form(lang) is not None


@dataclass(frozen=True, slots=True)
class Sheet:
    """Everything a format needs: titles, date, languages and the ordered rows.

    `lang` is the language of the sheet's own words (headings, legend, date)."""

    title: str
    source: str
    date: datetime.date
    langs: tuple[str, ...]
    rows: tuple[Row, ...]
    lang: str = DEFAULT
    text_title: str = ""  # the text's title, when the sheet is for a text
    untitled: bool = False  # the text has no title line: `source` is its file name

    @property
    def heading(self) -> str:
        """What a study sheet is called: its text's title, else the glossary's."""
        return self.text_title or self.title

    def tr(self, message: str) -> str:
        """One of the sheet's own words (marked with `N_`) in the sheet's language."""
        return gettext_in(self.lang)(message)

    def label(self, message: str) -> str:
        """`Date:`: one of the sheet's labels, translated, with the language's colon."""
        return self.tr(LABEL).format(label=self.tr(message))

    @property
    def legend(self) -> str:
        """The line explaining the (unverified) mark, in the sheet's language."""
        return self.tr(LEGEND).format(unverified=self.tr(UNVERIFIED))

    def shows(self, lang: str) -> bool:
        return lang in self.langs

    @property
    def targets(self) -> tuple[str, ...]:
        """The languages after the first (the first is the source language)."""
        return self.langs[1:]

    def groups(self) -> Iterator[tuple[str, list[Row]]]:
        """(category, rows) in schema category order; rows keep the sheet's order."""
        for category in CATEGORIES:
            rows = [row for row in self.rows if row.entry.category == category]
            if rows:
                yield category, rows


def form_status(form: Form | None) -> str:
    """`verified`, `unverified`, or `` when there is no form."""
    return "" if form is None else form.status.value


def heading(row: Row, langs: tuple[str, ...]) -> tuple[str, str]:
    """(language, text) of the entry's name in the first of `langs` it has a form in."""
    for lang in langs:
        if lang == "en":
            return "en", row.entry.en
        form = row.entry.form(lang)
        if form is not None:
            return lang, form.text
    return "en", row.entry.en


def headword(row: Row, langs: tuple[str, ...]) -> str:
    """The entry's name in the first of `langs` that it has a form in."""
    return heading(row, langs)[1]
