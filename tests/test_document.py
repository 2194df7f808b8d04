"""Reading texts and splitting them into paragraphs."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from glossary.document import DocumentError, Kind, parse_document, read_document
from tests.conftest import OPED


def test_oped_paragraphs_title_and_source():
    document = read_document(OPED)
    assert document.title.startswith("Op-ed: CAMBODIA-SOUTH KOREA")
    assert document.paragraphs[-1].kind is Kind.SOURCE
    assert document.paragraphs[-1].text == "Source: Agency Kampuchea Press"
    assert len(document.body) == 23
    for paragraph in document.paragraphs:
        assert document.text[paragraph.start : paragraph.end] == paragraph.text


def test_blank_lines_with_spaces_separate_paragraphs():
    document = parse_document("one\nstill one\n  \t\ntwo\n\n\n\nthree")
    assert [p.text for p in document.paragraphs] == ["one\nstill one", "two", "three"]
    assert document.paragraphs[0].kind is Kind.BODY  # two lines: not a title


def test_markdown_heading_is_the_title():
    document = parse_document("# Phnom Penh notes\n\nBody text.")
    assert document.title == "Phnom Penh notes"


def test_text_is_normalised_on_load():
    document = parse_document(unicodedata.normalize("NFD", "대한민국\r\n\r\nx"))
    assert document.paragraphs[0].text == "대한민국"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is a binary file"),
        (b"ok line\ncaf\xe9", ":2: not UTF-8 (invalid byte 0xe9 at byte offset 11)"),
    ],
)
def test_bad_files_give_one_clear_line(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "t.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert message in str(caught.value) and str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file_and_directory(tmp_path: Path):
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(DocumentError, match="is a directory"):
        read_document(tmp_path)


def test_an_enormous_paragraph_is_shown_in_pieces_at_sentence_ends():
    sentence = "Cambodia and Korea signed another agreement on trade. "
    text = sentence * 20_000  # about 1 MB, no blank line
    document = parse_document(text)
    assert len(document.paragraphs) > 300
    for paragraph in document.paragraphs:
        assert len(paragraph.text) <= 3000
        assert paragraph.text.endswith("trade.")
        assert document.text[paragraph.start : paragraph.end] == paragraph.text


def test_text_with_no_spaces_is_still_cut():
    document = parse_document("ក" * 7000)
    assert [len(p.text) for p in document.paragraphs] == [3000, 3000, 1000]


def test_a_cut_never_splits_a_khmer_cluster():
    document = parse_document("ស្ត្រី" * 2000)
    for paragraph in document.paragraphs:
        assert paragraph.text.startswith("ស្ត្រី") and paragraph.text.endswith("ស្ត្រី")
