"""`tbx`: TBX-Basic (TBX v3, ISO 30042:2019), DCA style, built with ElementTree.

```
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>…</title></titleStmt>
    <sourceDesc><p>Exported by Tonle on DATE …</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c-ENTRY-ID">             (the id, prefixed so it is an XML ID)
      <descrip type="subjectField">person</descrip>          (the category)
      <descrip type="definition">…</descrip>                  (the note)
      <langSec xml:lang="en|km|ko">
        <termSec><term>…</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <descrip type="context">…</descrip>                 (English headword only)
          <admin type="source">URL (what it showed)</admin>   (one per source)
          <note>status: verified|unverified</note>  <note>romanization: …</note>
        </termSec>
        <termSec> variant or English alias: admittedTerm-admn-sts </termSec>
```
The data categories are those TBX-Basic allows at each level (its Min and Basic
modules). TBX-Basic has no category for "confirmed by a source": administrativeStatus
takes only admitted/preferred/deprecated/superseded, and transactionType only
origination/modification. So a verified form is the preferred term; an unverified one
gets no administrativeStatus (Tonle does not recommend it) and both carry the status
in a `note` (a core element allowed in every termSec), `status: unverified`.
Romanization and Hanja, which have no TBX-Basic category either, are notes too.
A language with no form has no langSec; an entry with no langSec at all is left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from glossary.export.rows import Row, Sheet
from glossary.model import Form

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"


def _el(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NS}}}{tag}", attributes)
    if text:
        element.text = text
    return element


def _term(lang_sec: ET.Element, text: str, status: str | None) -> ET.Element:
    term_sec = _el(lang_sec, "termSec")
    _el(term_sec, "term", text)
    if status:
        _el(term_sec, "termNote", status, type="administrativeStatus")
    return term_sec


def _english(entry_el: ET.Element, row: Row) -> None:
    lang_sec = _el(entry_el, "langSec", **{XML_LANG: "en"})
    head = _term(lang_sec, row.entry.en, PREFERRED)
    if row.context:
        _el(head, "descrip", row.context.sentence, type="context")
    for alias in row.entry.aliases:
        _term(lang_sec, alias.text, ADMITTED)


def _form(entry_el: ET.Element, lang: str, form: Form) -> None:
    lang_sec = _el(entry_el, "langSec", **{XML_LANG: lang})
    head = _term(lang_sec, form.text, PREFERRED if form.verified else None)
    for source in form.sources:
        _el(
            head,
            "admin",
            source.ref + (f" ({source.shows})" if source.shows else ""),
            type="source",
        )
    _el(head, "note", f"status: {form.status.value}")
    for label, value in (("romanization", form.romanization), ("hanja", form.hanja)):
        if value:
            _el(head, "note", f"{label}: {value}")
    for variant in form.variants:
        _term(lang_sec, variant, ADMITTED)


def concept_entry(body: ET.Element, row: Row, sheet: Sheet) -> None:
    forms = [(lang, row.form(lang)) for lang in sheet.langs if lang != "en"]
    present = [(lang, form) for lang, form in forms if form is not None]
    if not present and not sheet.shows("en"):
        return
    entry_el = _el(body, "conceptEntry", id=f"c-{row.entry.id}")
    _el(entry_el, "descrip", row.entry.category, type="subjectField")
    if row.entry.note:
        _el(entry_el, "descrip", row.entry.note, type="definition")
    for lang in sheet.langs:
        form = row.form(lang)
        if lang == "en":
            _english(entry_el, row)
        elif form is not None:
            _form(entry_el, lang, form)


def header(root: ET.Element, sheet: Sheet) -> None:
    file_desc = _el(_el(root, "tbxHeader"), "fileDesc")
    _el(_el(file_desc, "titleStmt"), "title", sheet.title)
    about = f"Exported by Tonle on {sheet.date.isoformat()} from the glossary {sheet.title!r}"
    if sheet.source:
        about += f", terms of the text {sheet.source!r}"
    _el(_el(file_desc, "sourceDesc"), "p", about + ".")


def render(sheet: Sheet) -> str:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    header(root, sheet)
    body = _el(_el(root, "text"), "body")
    for row in sheet.rows:
        concept_entry(body, row, sheet)
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
