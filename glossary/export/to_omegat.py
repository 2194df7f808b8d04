"""`omegat`: OmegaT glossary files, tab-separated `source<TAB>target<TAB>comment`, UTF-8.

The first of `--langs` is the source language; there is one file per other language
(en,km,ko gives en→km and en→ko). The writer names them `<stem>.<lang><suffix>`:
`-o terms.txt` writes `terms.km.txt` and `terms.ko.txt`. Every source form (English
headword and aliases; or a Khmer/Korean form and its variants) gets a line, so OmegaT
recognises the term however the text names it; entries with no target form are left
out. The comment holds "unverified" when the target (or Khmer/Korean source) form is,
the target's romanization (and Hanja), the category and the note. The format has no
escaping, so tabs and line breaks inside a field become spaces.
"""

from __future__ import annotations

from glossary.export.rows import Row, Sheet
from glossary.model import Form, Status


def _flat(text: str) -> str:
    return " ".join(text.split())


def source_forms(row: Row, lang: str) -> list[str]:
    """Every form of the entry in the source language `lang`."""
    if lang == "en":
        return [row.entry.en, *(alias.text for alias in row.entry.aliases)]
    form = row.form(lang)
    return [] if form is None else [form.text, *form.variants]


def target_form(row: Row, lang: str) -> Form | None:
    """The target form; English, the headword, is never marked unverified."""
    return Form(row.entry.en, Status.VERIFIED) if lang == "en" else row.form(lang)


def comment(row: Row, target: Form, source: Form | None) -> str:
    """`unverified` first when the target or source form is, then romanization, Hanja,
    category and note."""
    unverified = not target.verified or (source is not None and not source.verified)
    parts = ["unverified"] if unverified else []
    parts += [p for p in (target.romanization, target.hanja) if p]
    parts.append(row.entry.category)
    if row.shown_note:
        parts.append(row.shown_note)
    return "; ".join(_flat(part) for part in parts)


def render_pair(sheet: Sheet, target_lang: str) -> str:
    """The glossary file for source `sheet.langs[0]` → `target_lang`."""
    lines: list[str] = []
    for row in sheet.rows:
        target = target_form(row, target_lang)
        if target is None:
            continue
        note = comment(row, target, row.form(sheet.langs[0]))
        for source in source_forms(row, sheet.langs[0]):
            lines.append(f"{_flat(source)}\t{_flat(target.text)}\t{note}")
    return "".join(line + "\n" for line in lines)


def render(sheet: Sheet) -> dict[str, str]:
    """Target language → file content, one per target language."""
    return {lang: render_pair(sheet, lang) for lang in sheet.targets}
