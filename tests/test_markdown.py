"""Markdown texts: rendered for reading (no raw #, ** or link targets, nothing linked in
code), and annotated without breaking their links."""

from __future__ import annotations

from pathlib import Path

from glossary.annotate import annotate_markdown
from glossary.document import outside_code, read_document
from glossary.linker import Linker
from glossary.loader import load_or_raise
from glossary.markdown import render_markdown
from tests.conftest import FIXTURES

SOURCE = """# Hun Sen in Korea

Prime Minister **Hun Sen** met *officials* in [Korea](https://example.org/korea-visit).

- a grant for the **DMZ**
- a second grant

> Korea said so.

```
Korea = "code, not a term"
```

Type `Korea` to search.
"""


def glossary():
    return load_or_raise([FIXTURES / "mini.yaml"]).glossary


def test_rendered_text_has_no_markup():
    text, marks = render_markdown(SOURCE)
    for raw in ("#", "**", "](", "```", "`", "> ", "- a"):
        assert raw not in text, raw
    assert "• a grant for the DMZ\n• a second grant" in text
    kinds = {(m.kind, text[m.start : m.end]) for m in marks}
    assert ("h1", "Hun Sen in Korea") in kinds and ("strong", "Hun Sen") in kinds
    assert ("em", "officials") in kinds and ("quote", "Korea said so.") in kinds
    assert ("code", 'Korea = "code, not a term"') in kinds and ("code", "Korea") in kinds
    link = next(m for m in marks if m.kind == "link")
    assert text[link.start : link.end] == "Korea" and link.target.endswith("korea-visit")


def test_a_markdown_file_reads_as_paragraphs_with_a_title(tmp_path: Path):
    path = tmp_path / "visit.md"
    path.write_text(SOURCE, encoding="utf-8")
    document = read_document(path)
    assert document.title == "Hun Sen in Korea" and document.source.startswith("# Hun")
    assert [p.text[:6] for p in document.body] == ["Prime ", "• a gr", "Korea ", "Korea ", "Type K"]
    code_paragraph = document.body[3]
    assert [m.kind for m in document.marks_in(code_paragraph)] == ["code"]


def test_nothing_in_code_is_linked(tmp_path: Path):
    path = tmp_path / "visit.md"
    path.write_text(SOURCE, encoding="utf-8")
    document = read_document(path)
    links = outside_code(Linker(glossary()).link(document.text), document.marks)
    linked = [document.text[k.start : k.end] for k in links]
    assert linked.count("Korea") == 3  # title, link text, quote; not the two in code


def test_plain_text_files_are_not_rendered(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_text("# not a heading\n\n**as written**", encoding="utf-8")
    document = read_document(path)
    assert document.text.startswith("# not a heading") and document.marks == ()


def test_annotate_keeps_markdown_links_working():
    entries = {e.id: e for e in glossary()}
    out = annotate_markdown(SOURCE, Linker(glossary()).link(SOURCE), entries)
    assert "[Korea](https://example.org/korea-visit) [대한민국]" in out
    assert 'Korea = "code, not a term"' in out and "`Korea`" in out  # code untouched
    assert "**Hun Sen [ហ៊ុន សែន · 훈 센]**" in out
    # the result is still Markdown with the same link
    _, marks = render_markdown(out)
    assert [m.target for m in marks if m.kind == "link"] == ["https://example.org/korea-visit"]
