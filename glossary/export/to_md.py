"""`md`: a Markdown study sheet.

Title, source text, date, languages and the legend, then the terms grouped by category
(schema order), each as a `###` heading with its forms, note and the sentence where it
first occurs with the term in **bold**. Every piece of glossary or text content is
escaped (`escape`), so a `<script>`, `*` or `[link](…)` in a note shows as written and
never becomes markup; line breaks and tabs inside a field become spaces.
"""

from __future__ import annotations

import re

from glossary import l10n
from glossary.export.rows import (
    CATEGORY_TITLES,
    LANG_NAMES,
    UNVERIFIED,
    Context,
    Row,
    Sheet,
    headword,
)
from glossary.i18n import N_
from glossary.model import Form

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!{}])")
_SPACES = re.compile(r"\s+")


def escape(text: str) -> str:
    """Text as Markdown that renders literally, on one line (white space runs become
    one space; the ends are kept, so pieces can be joined)."""
    return _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text))


def code(text: str) -> str:
    """A file name as a Markdown code span: shown as written, with no backslashes."""
    text = _SPACES.sub(" ", text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def form_text(form: Form | None, unverified: str = UNVERIFIED) -> str:
    """`ហ៊ុន សែន (Hun Sen)`, `이명박 (I Myeong-bak; 李明博) (unverified)` or `—`."""
    if form is None:
        return "—"
    extra = "; ".join(part for part in (form.romanization, form.hanja) if part)
    text = escape(form.text) + (f" ({escape(extra)})" if extra else "")
    return text if form.verified else f"{text} {escape(unverified)}"


def context_text(context: Context) -> str:
    return f"{escape(context.before)}**{escape(context.term)}**{escape(context.after)}"


def _item(sheet: Sheet, label: str, value: str) -> str:
    """`- Label: value`, the label in the sheet's language (the value already escaped)."""
    return f"- {escape(sheet.label(label))} {value}"


def entry_lines(row: Row, sheet: Sheet) -> list[str]:
    lines = [f"### {escape(headword(row, sheet.langs)).strip()}", ""]
    if sheet.shows("en") and sheet.langs[0] != "en":
        lines.append(_item(sheet, LANG_NAMES["en"], escape(row.entry.en)))
    unverified = sheet.tr(UNVERIFIED)
    for lang in ("km", "ko"):
        if sheet.shows(lang):
            lines.append(_item(sheet, LANG_NAMES[lang], form_text(row.form(lang), unverified)))
    if row.shown_note:
        lines.append(_item(sheet, N_("Note"), escape(row.shown_note).strip()))
    if row.context:
        lines.append(_item(sheet, N_("In the text"), context_text(row.context)))
    return [*lines, ""]


def heading_lines(sheet: Sheet) -> list[str]:
    tr = sheet.tr
    source = (code if sheet.untitled else escape)(sheet.source)
    if not sheet.source:
        source = escape(tr(N_("none (the whole glossary)")))
    languages = ", ".join(tr(LANG_NAMES[lang]) for lang in sheet.langs)
    shown = code(sheet.heading) if sheet.untitled else escape(sheet.heading)
    title = tr(N_("{title}: study sheet")).format(title=shown)
    return [
        f"# {title}",
        "",
        _item(sheet, N_("Source text"), source),
        _item(sheet, N_("Date"), escape(l10n.date(sheet.date, sheet.lang))),
        _item(sheet, N_("Languages"), escape(languages)),
        _item(sheet, N_("Terms"), str(len(sheet.rows))),
        "",
        escape(sheet.legend),
        "",
    ]


def render(sheet: Sheet) -> str:
    lines = heading_lines(sheet)
    for category, rows in sheet.groups():
        lines += [f"## {escape(sheet.tr(CATEGORY_TITLES[category]))}", ""]
        for row in rows:
            lines += entry_lines(row, sheet)
    return "\n".join(lines).rstrip("\n") + "\n"
