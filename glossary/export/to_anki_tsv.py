"""`anki-tsv`: a tab-separated text file that Anki (2.1.55+) imports with everything preset.

Header lines (Anki manual, "Text Files" › "File Headers"): `#separator:tab`,
`#html:true`, `#notetype:Tonle glossary`, `#deck:Tonle::<title>`, `#columns:` with the
column names separated by tabs, and `#guid column:10`. Anki presets the note type and
deck when they exist (importing the apkg once creates both); otherwise it lets the user
pick them. The columns are the apkg note fields, then the note GUID, so rows update the
same notes as the apkg. Fields are HTML (`anki_notes.html_text`): no raw tab, line break
or quote is left, so no field needs quoting; a line that would start with `#` (a
comment to Anki) starts with `&#35;` instead.
"""

from __future__ import annotations

from glossary.export.anki_notes import (
    FIELDS,
    NOTETYPE_NAME,
    deck_name,
    has_cards,
    note_fields,
    note_guid,
)
from glossary.export.rows import Sheet

COLUMNS: tuple[str, ...] = (*FIELDS, "GUID")


def header(sheet: Sheet) -> list[str]:
    return [
        "#separator:tab",
        "#html:true",
        f"#notetype:{NOTETYPE_NAME}",
        f"#deck:{deck_name(sheet)}",
        "#columns:" + "\t".join(COLUMNS),
        f"#guid column:{len(COLUMNS)}",
    ]


def render(sheet: Sheet) -> str:
    """The whole file; one line per entry that has a Khmer or Korean form."""
    lines = header(sheet)
    for row in sheet.rows:
        if has_cards(row, sheet):
            line = "\t".join([*note_fields(row, sheet), note_guid(row.entry.id)])
            lines.append("&#35;" + line[1:] if line.startswith("#") else line)
    return "\n".join(lines) + "\n"
