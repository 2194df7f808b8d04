"""What the two Anki formats (apkg and anki-tsv) share: the note type, ids and fields.

Ids are derived, never random, so a re-export updates the cards it made before:

- note type id: `stable_id("tonle glossary note type v1")`; deck id:
  `stable_id("tonle deck " + deck name)`, where `stable_id` takes the first 8 bytes of
  the SHA-256 of the string into [2**30, 2**31), the range genanki recommends;
- note GUID: `genanki.guid_for("tonle", entry.id)`, so it changes only with the id.

Fields are HTML (Anki stores HTML): text is escaped, line breaks become `<br>`, tabs
`&#9;`; unverified forms carry `<span class=unverified>(unverified)</span>` (no quote
character, which a text import could take for CSV quoting).
"""

from __future__ import annotations

import hashlib
import html

import genanki

from glossary.export.rows import UNVERIFIED, Context, Row, Sheet
from glossary.model import Form

NOTETYPE_NAME = "Tonle glossary"
FIELDS: tuple[str, ...] = (
    "English",
    "Khmer",
    "Khmer romanization",
    "Korean",
    "Korean romanization",
    "Hanja",
    "Category",
    "Note",
    "Context",
)


def stable_id(name: str) -> int:
    """A deterministic Anki id for `name`, in [2**30, 2**31)."""
    digest = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


MODEL_ID = stable_id("tonle glossary note type v1")


def note_guid(entry_id: str) -> str:
    return str(genanki.guid_for("tonle", entry_id))


def deck_name(sheet: Sheet) -> str:
    """`Tonle::<glossary title>`, on one line."""
    return "Tonle::" + " ".join(sheet.title.split())


def html_text(text: str) -> str:
    """Plain text as an Anki HTML field."""
    escaped = html.escape(text, quote=True)
    return (
        escaped.replace("\r\n", "<br>")
        .replace("\n", "<br>")
        .replace("\r", "<br>")
        .replace("\t", "&#9;")
    )


def _form_html(form: Form | None) -> str:
    if form is None:
        return ""
    marker = "" if form.verified else f" <span class=unverified>{UNVERIFIED}</span>"
    return html_text(form.text) + marker


def _context_html(context: Context | None) -> str:
    if context is None:
        return ""
    return f"{html_text(context.before)}<b>{html_text(context.term)}</b>{html_text(context.after)}"


def has_cards(row: Row, sheet: Sheet) -> bool:
    """True when the note would make a card: it needs a Khmer or a Korean form."""
    return any(sheet.shows(lang) and row.form(lang) is not None for lang in ("km", "ko"))


def note_fields(row: Row, sheet: Sheet) -> list[str]:
    """The row's fields in `FIELDS` order; languages not exported are left empty."""
    km = row.form("km") if sheet.shows("km") else None
    ko = row.form("ko") if sheet.shows("ko") else None
    return [
        html_text(row.entry.en),
        _form_html(km),
        html_text(km.romanization) if km else "",
        _form_html(ko),
        html_text(ko.romanization) if ko else "",
        html_text(ko.hanja) if ko else "",
        html_text(row.entry.category),
        html_text(row.shown_note),
        _context_html(row.context),
    ]
