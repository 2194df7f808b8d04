"""An entry as the plain data of a glossary file (dicts, lists, strings), for writing.

`entry_data` gives the mapping a full entry is written as, in the schema's key order and
without keys that hold their default; `override_data` gives only what differs from a
shipped entry, as an override (SCHEMA.md, "Overrides").
"""

from __future__ import annotations

from typing import Any

from glossary.model import Alias, Entry, Form

Data = dict[str, Any]


def _alias(alias: Alias) -> str | Data:
    return {"text": alias.text, "match_case": True} if alias.match_case else alias.text


def form_data(form: Form) -> Data:
    """A Khmer or Korean form as a mapping; empty keys left out."""
    data: Data = {"text": form.text}
    if form.romanization:
        data["romanization"] = form.romanization
    if form.hanja:
        data["hanja"] = form.hanja
    data["status"] = form.status.value
    if form.sources:
        data["sources"] = [
            {"ref": s.ref, "shows": s.shows} if s.shows else {"ref": s.ref} for s in form.sources
        ]
    if form.variants:
        data["variants"] = list(form.variants)
    return data


def _value(entry: Entry, key: str) -> Any:
    """The file value of one key of `entry` (None when it holds the default)."""
    value = getattr(entry, key)
    if key == "aliases":
        return [_alias(a) for a in value] or None
    if key in ("km", "ko"):
        return form_data(value) if value is not None else None
    if key == "match_case":
        return True if value else None
    return value or None


ENTRY_ORDER = ("id", "category", "en", "aliases", "match_case", "note", "km", "ko")


def entry_data(entry: Entry) -> Data:
    """The whole entry as a mapping, keys in schema order."""
    values = ((key, _value(entry, key)) for key in ENTRY_ORDER)
    return {key: value for key, value in values if value is not None}


def override_data(base: Entry, changed: Entry) -> Data:
    """`changed` as an override of `base`: its id, `override: true`, and each key whose
    value differs (a key cleared in `changed` is written as null, which clears it)."""
    data: Data = {"id": base.id, "override": True}
    for key in ENTRY_ORDER[1:]:
        new = _value(changed, key)
        if new != _value(base, key):
            data[key] = new
    return data


def override_data_of(entry: Entry) -> Data:
    """An override entry as read (`Entry.overrides` names its keys) as a mapping again."""
    data: Data = {"id": entry.id, "override": True}
    data.update((key, _value(entry, key)) for key in ENTRY_ORDER[1:] if key in entry.overrides)
    return data
