"""`apkg`: an Anki deck package built with genanki.

One note per entry that has a Khmer or Korean form (see `anki_notes` for the fields,
ids and GUIDs). Three card types; each is made only when the fields it needs are
filled: English→Khmer and Khmer→English need Khmer, English→Korean needs Korean.
Khmer and Korean text is tagged `lang="km"` / `lang="ko"` and set in the font stacks
below, so the system's Khmer and Korean fonts are used.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import genanki

from glossary.export.anki_notes import (
    FIELDS,
    MODEL_ID,
    NOTETYPE_NAME,
    deck_name,
    has_cards,
    note_fields,
    note_guid,
    stable_id,
)
from glossary.export.fonts import KHMER_FONTS, KOREAN_FONTS
from glossary.export.rows import Sheet

CSS = f"""
.card {{ font-family: "Noto Sans", Arial, sans-serif; font-size: 22px; text-align: center; }}
.km {{ font-family: {KHMER_FONTS}, sans-serif; font-size: 30px; line-height: 1.8; }}
.ko {{ font-family: {KOREAN_FONTS}, sans-serif; font-size: 28px; }}
.rom {{ color: #555; font-size: 16px; }}
.unverified {{ color: #a33; font-size: 14px; font-style: italic; }}
.extra {{ color: #333; font-size: 15px; text-align: left; margin-top: 1em; }}
"""

_EXTRA = (
    '<div class="extra">{{#Note}}<div>{{Note}}</div>{{/Note}}'
    '{{#Context}}<div class="context">{{Context}}</div>{{/Context}}</div>'
)
_KHMER = (
    '<div class="km" lang="km">{{Khmer}}</div>'
    '{{#Khmer romanization}}<div class="rom">{{Khmer romanization}}</div>{{/Khmer romanization}}'
)
_KOREAN = (
    '<div class="ko" lang="ko">{{Korean}}</div>'
    '{{#Korean romanization}}<div class="rom">{{Korean romanization}}</div>'
    '{{/Korean romanization}}{{#Hanja}}<div class="ko" lang="ko">{{Hanja}}</div>{{/Hanja}}'
)
_ENGLISH = '<div class="en" lang="en">{{English}}</div>'
TEMPLATES = [
    {
        "name": "English → Khmer",
        "qfmt": "{{#Khmer}}" + _ENGLISH + "{{/Khmer}}",
        "afmt": '{{FrontSide}}<hr id="answer">' + _KHMER + _EXTRA,
    },
    {
        "name": "English → Korean",
        "qfmt": "{{#Korean}}" + _ENGLISH + "{{/Korean}}",
        "afmt": '{{FrontSide}}<hr id="answer">' + _KOREAN + _EXTRA,
    },
    {
        "name": "Khmer → English",
        "qfmt": '{{#Khmer}}<div class="km" lang="km">{{Khmer}}</div>{{/Khmer}}',
        "afmt": '{{FrontSide}}<hr id="answer">' + _ENGLISH + _EXTRA,
    },
]


def note_model() -> genanki.Model:
    """The Tonle note type (fixed id, so re-imports reuse it)."""
    fields = [{"name": name} for name in FIELDS]
    return genanki.Model(MODEL_ID, NOTETYPE_NAME, fields=fields, templates=TEMPLATES, css=CSS)


def build_deck(sheet: Sheet) -> genanki.Deck:
    """A deck named after the glossary, one note per entry that makes a card."""
    name = deck_name(sheet)
    deck = genanki.Deck(stable_id("tonle deck " + name), name)
    model = note_model()
    for row in sheet.rows:
        if has_cards(row, sheet):
            fields = note_fields(row, sheet)
            tags = ["tonle", row.entry.category]
            deck.add_note(genanki.Note(model, fields, guid=note_guid(row.entry.id), tags=tags))
    return deck


def render(sheet: Sheet) -> bytes:
    """The .apkg file's bytes (genanki writes a file; it is read back from a temp dir)."""
    with tempfile.TemporaryDirectory(prefix="tonle-apkg-") as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(build_deck(sheet)).write_to_file(str(path))
        return path.read_bytes()
