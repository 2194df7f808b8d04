"""`csv`: one row per entry, every field in its own column (RFC 4180, written by `csv`).

Columns: id, category, then for each language of `--langs`, in that order, `en` and
`en_aliases`, or `<lang>`, `<lang>_romanization`, (`ko_hanja`), `<lang>_status`
(verified, unverified, or empty when there is no form), `<lang>_variants`,
`<lang>_sources`; then note, and `context` when a text was given. Lists are joined
with " | ". Lines end in CRLF.

Spreadsheets run a cell starting with `=`, `+`, `-`, `@`, tab or carriage return as a
formula; such cells get a leading `'` (the OWASP advice), which the spreadsheet shows
as text. `--bom` (added by the writer) makes Excel read the file as UTF-8.
"""

from __future__ import annotations

import csv
import io

from glossary.export.rows import Row, Sheet, form_status

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_JOIN = " | "


def neutralise(cell: str) -> str:
    """`'` before a cell a spreadsheet would evaluate as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _lang_columns(lang: str) -> list[str]:
    if lang == "en":
        return ["en", "en_aliases"]
    hanja = ["ko_hanja"] if lang == "ko" else []
    return [
        lang,
        f"{lang}_romanization",
        *hanja,
        f"{lang}_status",
        f"{lang}_variants",
        f"{lang}_sources",
    ]


def columns(sheet: Sheet) -> list[str]:
    """id, category, the columns of each language in `--langs` order, note, context."""
    names = ["id", "category"]
    for lang in sheet.langs:
        names += _lang_columns(lang)
    names.append("note")
    if any(row.context for row in sheet.rows):
        names.append("context")
    return names


def _sources(row: Row, lang: str) -> str:
    form = row.form(lang)
    if form is None:
        return ""
    return _JOIN.join(s.ref + (f" ({s.shows})" if s.shows else "") for s in form.sources)


def cells(row: Row) -> dict[str, str]:
    """Every column's value for `row` (the writer keeps the ones in `columns`)."""
    entry, km, ko = row.entry, row.form("km"), row.form("ko")
    values = {"id": entry.id, "category": entry.category, "en": entry.en, "note": entry.note}
    values["en_aliases"] = _JOIN.join(alias.text for alias in entry.aliases)
    values["context"] = row.context.sentence if row.context else ""
    values["ko_hanja"] = ko.hanja if ko else ""
    for lang, form in (("km", km), ("ko", ko)):
        values[lang] = form.text if form else ""
        values[f"{lang}_romanization"] = form.romanization if form else ""
        values[f"{lang}_status"] = form_status(form)
        values[f"{lang}_variants"] = _JOIN.join(form.variants) if form else ""
        values[f"{lang}_sources"] = _sources(row, lang)
    return values


def render(sheet: Sheet) -> str:
    """The CSV text (header row first)."""
    names = columns(sheet)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for row in sheet.rows:
        values = cells(row)
        writer.writerow([neutralise(values[name]) for name in names])
    return out.getvalue()
