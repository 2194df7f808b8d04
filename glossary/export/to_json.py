"""`json`: the full data of every exported entry, for scripts.

```
{"format": "tonle-glossary-export", "version": 1, "title", "source", "date", "langs",
 "entries": [{"id", "category", "en", "aliases": [{"text", "match_case"}], "note",
              "km": {"text", "romanization", "status", "sources": [{"ref", "shows"}],
                     "variants"} | null,
              "ko": {... and "hanja"} | null,
              "context": {"sentence", "term", "start", "end"} | null}]}
```
`en`/`aliases` are present only when English is exported, `km`/`ko` only when that
language is; `status` is `verified` or `unverified`; `context.sentence[start:end]` is
the term as the text writes it.
"""

from __future__ import annotations

import json
from typing import Any

from glossary.export.rows import Context, Row, Sheet
from glossary.model import Form

FORMAT_NAME = "tonle-glossary-export"
VERSION = 1


def form_data(form: Form | None, lang: str) -> dict[str, Any] | None:
    if form is None:
        return None
    data: dict[str, Any] = {"text": form.text, "romanization": form.romanization}
    if lang == "ko":
        data["hanja"] = form.hanja
    data["status"] = form.status.value
    data["sources"] = [{"ref": s.ref, "shows": s.shows} for s in form.sources]
    data["variants"] = list(form.variants)
    return data


def context_data(context: Context | None) -> dict[str, Any] | None:
    if context is None:
        return None
    start = len(context.before)
    end = start + len(context.term)
    return {"sentence": context.sentence, "term": context.term, "start": start, "end": end}


def entry_data(row: Row, sheet: Sheet) -> dict[str, Any]:
    entry = row.entry
    data: dict[str, Any] = {"id": entry.id, "category": entry.category}
    if sheet.shows("en"):
        data["en"] = entry.en
        data["aliases"] = [{"text": a.text, "match_case": a.match_case} for a in entry.aliases]
    data["note"] = entry.note
    for lang in ("km", "ko"):
        if sheet.shows(lang):
            data[lang] = form_data(row.form(lang), lang)
    data["context"] = context_data(row.context)
    return data


def render(sheet: Sheet) -> str:
    document = {
        "format": FORMAT_NAME,
        "version": VERSION,
        "title": sheet.title,
        "source": sheet.source,
        "date": sheet.date.isoformat(),
        "langs": list(sheet.langs),
        "entries": [entry_data(row, sheet) for row in sheet.rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
