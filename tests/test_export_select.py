"""Choosing, ordering and placing the exported entries: filters, orders, contexts."""

from __future__ import annotations

from collections.abc import Collection

import pytest

from glossary.collation import english_key, hangul_key, khmer_key
from glossary.document import Document, parse_document
from glossary.export import ExportError, ProgressNeeded
from glossary.export.select import build_sheet
from tests.export_support import oped, request


def ids(**options: object) -> list[str]:
    return [row.entry.id for row in build_sheet(request("md", **options)).rows]


def test_khmer_dictionary_order():
    words = [
        "ខ",  # next consonant
        "ក្រ",  # subscript cluster: after every vowel form of ក
        "កៅ",
        "កា",
        "កក",  # inherent vowel, then another consonant
        "ក",
    ]
    assert sorted(words, key=khmer_key) == ["ក", "កក", "កា", "កៅ", "ក្រ", "ខ"]
    # ឫ ឬ follow រ, ឭ ឮ follow ល; other independent vowels follow អ
    assert sorted(["ល", "ឬស្សី", "ឫទ្ធិ", "រៀន", "ឮ", "វ"], key=khmer_key) == [
        "រៀន",
        "ឫទ្ធិ",
        "ឬស្សី",
        "ល",
        "ឮ",
        "វ",
    ]
    assert sorted(["ឥត", "អា", "អ", "ឧ"], key=khmer_key) == ["អ", "អា", "ឥត", "ឧ"]


def test_khmer_order_ignores_word_spaces_and_register_marks_at_first():
    assert khmer_key("ជំនួយ\u200bឥត")[0] == khmer_key("ជំនួយឥត")[0]
    assert sorted(["បុ", "ប៊ី", "បា"], key=khmer_key) == ["បា", "ប៊ី", "បុ"]


def test_korean_and_english_order():
    assert sorted(["하나", "다리", "가방", "나무", "훈 센", "훈민"], key=hangul_key) == [
        "가방",
        "나무",
        "다리",
        "하나",
        "훈민",
        "훈 센",
    ]
    assert sorted(["charge", "Chargé", "Cambodia", "apple"], key=english_key) == [
        "apple",
        "Cambodia",
        "Chargé",
        "charge",
    ]


def test_orders():
    document = oped()
    assert ids(document=document) == [
        "korea",
        "hun-sen",
        "lee-myung-bak",
        "charge-d-affaires",
        "grant",
        "dmz",
    ]
    assert ids(order="en")[:3] == ["charge-d-affaires", "dmz", "grant"]
    assert ids(order="km")[:4] == ["grant", "kingdom-of-cambodia", "hun-sen", "charge-d-affaires"]
    assert ids(order="ko")[:3] == ["korea", "lee-myung-bak", "hun-sen"]
    assert ids() == ids(order="appearance")  # no text: glossary order
    assert ids()[0] == "hun-sen"


def test_languages_and_categories():
    assert ids(langs=("km", "ko")) == [
        "hun-sen",
        "korea",
        "lee-myung-bak",
        "grant",
        "kingdom-of-cambodia",
    ]
    assert ids(categories=frozenset({"person", "place"})) == ["hun-sen", "lee-myung-bak", "dmz"]
    with pytest.raises(ExportError, match="unknown category 'people'"):
        ids(categories=frozenset({"people"}))


def test_status_filter_uses_the_given_source():
    states = {"hun-sen": "known", "korea": "learning-2", "dmz": "ignored"}
    assert ids(statuses=frozenset({"known"}), status_source=states.get) == ["hun-sen"]
    assert ids(statuses=frozenset({"learning"}), status_source=states.get) == ["korea"]
    new = ids(statuses=frozenset({"new"}), status_source=states.get)
    assert "hun-sen" not in new and "grant" in new  # no record: new
    with pytest.raises(ProgressNeeded, match="--status needs reading progress"):
        ids(statuses=frozenset({"known"}))


class ReadOnly:
    """A reading-progress double: these paragraphs of the document have been read."""

    def __init__(self, read: Collection[int]) -> None:
        self.read = read

    def read_paragraphs(self, document: Document) -> Collection[int]:
        return self.read


def test_seen_filter_keeps_terms_of_read_paragraphs():
    document = oped()
    grant = next(p.index for p in document.paragraphs if "grants" in p.text)
    sheet = build_sheet(
        request("md", document=document, seen_only=True, progress=ReadOnly({grant}))
    )
    read = document.paragraphs[grant].text
    found = [row.entry.id for row in sheet.rows]
    assert "grant" in found and "hun-sen" not in found and len(found) < len(ids(document=document))
    assert all(row.context and row.context.sentence.split()[0] in read for row in sheet.rows)
    with pytest.raises(ProgressNeeded, match="--seen needs reading progress"):
        ids(document=document, seen_only=True)
    with pytest.raises(ExportError, match="--seen needs --text"):
        ids(seen_only=True, progress=ReadOnly({1}))


def contexts(text: str) -> dict[str, tuple[str, str, str]]:
    sheet = build_sheet(request("md", document=parse_document(text)))
    return {
        r.entry.id: (r.context.before, r.context.term, r.context.after)
        for r in sheet.rows
        if r.context
    }


def test_context_is_the_sentence_of_the_first_body_occurrence():
    found = contexts(
        "Korea and the DMZ\n\n"
        "Mr. Lee met the U.S. Ambassador. Then Korea\n spoke  of the DMZ. “I invited Hun Sen.”"
        " Later Korea again.\n"
    )
    assert found["united-states"] == ("Mr. Lee met the ", "U.S.", " Ambassador.")
    assert found["korea"] == ("Then ", "Korea", " spoke of the DMZ.")
    assert found["hun-sen"] == ("“I invited ", "Hun Sen", ".”")


def test_context_drops_unpaired_quotes_and_cuts_long_sentences():
    found = contexts(
        "Title\n\n“We met. We saw Hun Sen.” Then " + "very " * 100 + "long grant text.\n"
    )
    assert found["hun-sen"] == ("We saw ", "Hun Sen", ".")
    before, term, _ = found["grant"]
    assert term == "grant" and before.startswith("…") and len(before) <= 142


def test_a_sheet_for_another_text_speaks_of_that_text(tmp_path):
    from glossary.document import read_document
    from glossary.export import to_md
    from glossary.export.request import ExportRequest
    from glossary.export.select import build_sheet
    from glossary.loader import load_or_raise
    from reader.state.paths import shipped_glossary

    path = tmp_path / "my_article_2024.txt"
    path.write_text("Hun Sen visits Seoul\n\nHun Sen met officials in Korea.", encoding="utf-8")
    glossary = load_or_raise([shipped_glossary()]).glossary
    sheet = build_sheet(ExportRequest(glossary, document=read_document(path)))
    markdown = to_md.render(sheet)
    assert markdown.startswith("# Hun Sen visits Seoul: study sheet")
    assert "Cambodia–Korea relations" not in markdown
    assert "`my_article_2024`" not in markdown  # it has a title line
    assert "Source text: Hun Sen visits Seoul" in markdown
    assert "op-ed" not in markdown.lower()
    assert "President of the Senate" in markdown  # the rest of the note stays


def test_an_untitled_text_is_named_by_its_file_unescaped(tmp_path):
    from glossary.document import read_document
    from glossary.export import to_md
    from glossary.export.request import ExportRequest
    from glossary.export.select import build_sheet
    from glossary.loader import load_or_raise
    from reader.state.paths import shipped_glossary

    path = tmp_path / "my_article_2024.txt"
    path.write_text("Hun Sen met officials in Korea.\nThey spoke of trade.", encoding="utf-8")
    glossary = load_or_raise([shipped_glossary()]).glossary
    markdown = to_md.render(build_sheet(ExportRequest(glossary, document=read_document(path))))
    assert "Source text: `my_article_2024`" in markdown and "my\\_article" not in markdown
