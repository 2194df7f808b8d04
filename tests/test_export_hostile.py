"""Hostile glossary content (formulas, markup, quotes, tabs, line breaks) in every format.

tests/fixtures/hostile.yaml has an English headword `=HYPERLINK(...)`, aliases starting
with + @ -, a note with `<script>`, quotes, a tab and a line break, a CRLF in another
note, and markup in a romanization and a source; the text adds `<script>` and quotes
to the context sentences. Each format must keep it as text, never run it.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from glossary.export import to_anki_tsv
from glossary.export.rows import Row, Sheet
from glossary.export.to_csv import neutralise
from glossary.model import Entry, Form, Status
from tests.export_support import DATE, HOSTILE, glossary, hostile_document, parts, text

KO = Form("미투", Status.UNVERIFIED)

NOTE = glossary(HOSTILE).get("formula").note  # type: ignore[union-attr]
EN = '=HYPERLINK("http://evil.example/","click")'
OPTIONS = {"document": hostile_document()}
TEXT_OPTIONS = {}  # the hostile entries without a text: no context column


def _hostile(fmt: str, **options: object) -> str:
    return text(fmt, HOSTILE, **options)


def test_neutralise():
    assert neutralise("=1+1") == "'=1+1"
    assert [neutralise(c) for c in ("+1", "-1", "@x", "\tx", "\rx")] == [
        "'+1",
        "'-1",
        "'@x",
        "'\tx",
        "'\rx",
    ]
    assert neutralise("ok =1") == "ok =1" and neutralise("") == ""


def test_csv_reads_back_and_neutralises_formulas():
    for options in (OPTIONS, TEXT_OPTIONS):
        rows = list(csv.DictReader(io.StringIO(_hostile("csv", **options), newline="")))
        formula = next(row for row in rows if row["id"] == "formula")
        assert formula["en"] == "'" + EN
        assert formula["en_aliases"] == "'+SUM(1,2) | @danger | -minus"
        assert formula["km_romanization"] == "'=1+1"
        assert formula["note"] == NOTE  # tab, newline and quotes survive, quoted
        plain = next(row for row in rows if row["id"] == "plain")
        assert plain["note"] == 'Tab\there, CRLF\r\nthere, "quotes", and <b>tags</b>'
        for row in rows:
            assert not any(
                cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values()
            )


def test_csv_bom():
    data = _hostile("csv", bom=True)
    assert data.startswith("\ufeffid,")


def test_anki_tsv_escapes_html_and_keeps_one_line_per_note():
    data = _hostile("anki-tsv", **OPTIONS)
    assert "<script>" not in data and "&lt;script&gt;" in data
    assert "&lt;i&gt;Daehan&lt;/i&gt;" in data
    lines = data.splitlines()
    assert lines[3] == "#deck:Tonle::Hostile <b>title</b> =cmd"  # one line, tab gone
    notes = [line for line in lines if not line.startswith("#")]
    assert len(notes) == 2 and all(line.count("\t") == 9 for line in notes)
    formula = notes[0].split("\t")
    assert formula[0] == "=HYPERLINK(&quot;http://evil.example/&quot;,&quot;click&quot;)"
    assert "&#9;TAB<br>NEWLINE" in formula[7]
    assert '"' not in notes[0]  # no raw quote: Anki could take it for CSV quoting
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in formula[8]


def test_anki_tsv_line_never_starts_as_a_comment():
    sheet = Sheet("T", "", DATE, ("en", "ko"), (Row(Entry("x", "term", "#MeToo", ko=KO)),))
    line = to_anki_tsv.render(sheet).splitlines()[-1]
    assert line.startswith("&#35;MeToo\t")


def test_markdown_escapes_markup_and_keeps_fields_on_one_line():
    data = _hostile("md", **OPTIONS)
    assert "<script>" not in data and "\\<script\\>" in data
    assert "\\[link\\](http://x) \\*\\*bold\\*\\* \\| pipe" in data
    note_line = next(line for line in data.splitlines() if line.startswith("- Note: \\<script"))
    assert "TAB NEWLINE" in note_line
    assert data.startswith("# Hostile text: study sheet")  # a sheet for a text has its title
    assert "# Hostile \\<b\\>title\\</b\\> =cmd: study sheet" in _hostile("md")
    assert "(unverified)" in data


def test_html_escapes_everything():
    data = _hostile("html", **OPTIONS)
    assert "<script" not in data and "&lt;script&gt;" in data
    assert "<b>tags</b>" not in data and "&lt;b&gt;tags&lt;/b&gt;" in data
    assert "Hostile &lt;b&gt;title&lt;/b&gt;" in _hostile("html")
    assert "&lt;i&gt;Daehan&lt;/i&gt;" in data


def test_tbx_round_trips_text_exactly():
    root = ET.fromstring(_hostile("tbx", **OPTIONS))
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    definition = root.find(".//t:conceptEntry[@id='c-formula']/t:descrip[@type='definition']", ns)
    assert definition is not None and definition.text == NOTE
    terms = [t.text for t in root.iterfind(".//t:conceptEntry[@id='c-formula']//t:term", ns)]
    assert terms[:2] == [EN, "+SUM(1,2)"]
    source = root.find(
        ".//t:langSec[@{http://www.w3.org/XML/1998/namespace}lang='ko']//t:admin", ns
    )
    assert source is not None and source.text == 'https://example.org/?a=1&b=<2> (a "title")'


def test_json_round_trips_text_exactly():
    data = json.loads(_hostile("json", **OPTIONS))
    formula = data["entries"][0]
    assert formula["en"] == EN and formula["note"] == NOTE
    assert data["title"] == "Hostile <b>title</b>\t=cmd"
    context = formula["context"]
    assert context["sentence"][context["start"] : context["end"]] == "-minus"
    assert "<script>alert(1)</script>" in context["sentence"]


def test_omegat_has_three_fields_per_line():
    for part in parts("omegat", HOSTILE, **OPTIONS):
        assert isinstance(part.content, str)
        for line in part.content.splitlines():
            assert line.count("\t") == 2, line
    km = parts("omegat", HOSTILE)[0].content
    assert isinstance(km, str)
    lines = km.splitlines()
    assert len(lines) == 5  # four English forms of `formula`, one of `plain`
    assert lines[0].startswith(EN + "\tជំនួយ\tunverified; =1+1; term; <script>")
    assert "'single' TAB NEWLINE" in lines[0]


def test_apkg_fields_are_escaped(tmp_path: Path):
    (part,) = parts("apkg", HOSTILE, **OPTIONS)
    assert isinstance(part.content, bytes)
    path = tmp_path / "deck.apkg"
    path.write_bytes(part.content)
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as db:
        fields = [row[0] for row in db.execute("select flds from notes")]
    assert len(fields) == 2
    assert all("<script>" not in f for f in fields)
    assert "&lt;script&gt;" in fields[0] and "&#9;TAB<br>NEWLINE" in fields[0]
