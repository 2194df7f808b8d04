"""The shipped Khmer and Korean texts: every term linked, nothing inside a longer word."""

from __future__ import annotations

import pytest

from glossary.annotate_json import annotation_json
from glossary.document import Kind, read_document
from glossary.linker import Linker
from glossary.loader import load_or_raise
from glossary.script import detect_language
from reader.state.paths import shipped_glossary
from tests.conftest import ROOT

KHMER = ROOT / "seeds" / "cambodia-north-korea-voa-km.txt"
KOREAN = ROOT / "seeds" / "korea-cambodia-relations-ko.txt"


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(load_or_raise([shipped_glossary()]).glossary)


def paragraph_links(linker: Linker, path) -> list[list[tuple[str, str]]]:
    document = read_document(path)
    return [
        [(link.surface, link.entry_id) for link in linker.link(p.text)]
        for p in document.paragraphs
        if p.kind is not Kind.SOURCE
    ]


def test_khmer_text(linker):
    assert paragraph_links(linker, KHMER) == [
        [("កម្ពុជា", "cambodia"), ("កូរ៉េខាងជើង", "north-korea"), ("ភាពតានតឹង", "tension")],
        [
            ("ហ៊ុន សែន", "hun-sen"),
            ("ឯកអគ្គរដ្ឋទូត", "ambassador"),
            ("សាធារណរដ្ឋប្រជាមានិតប្រជាធិបតេយ្យកូរ៉េ", "dprk"),
            ("កម្ពុជា", "cambodia"),
            ("រាជធានី", "capital-city"),
            ("ភ្នំពេញ", "phnom-penh"),
            ("Samdech Hun Sen", "hun-sen"),
            ("Cambodia", "cambodia"),
        ],
        [
            ("កម្ពុជា", "cambodia"),
            ("ចិន", "china"),
            ("កូរ៉េខាងជើង", "north-korea"),
            ("កម្ពុជា", "cambodia"),
            ("មិត្តភាព", "friendship"),
            ("កូរ៉េខាងត្បូង", "south-korea"),
            ("ជប៉ុន", "japan"),
            ("អាស៊ី", "asia"),
        ],
    ]


def test_korean_text(linker):
    found = paragraph_links(linker, KOREAN)
    assert found[0] == [("대한민국", "republic-of-korea"), ("캄보디아", "cambodia")]
    assert found[3][:3] == [
        ("대한민국", "republic-of-korea"),  # 대한민국과
        ("캄보디아", "cambodia"),  # 캄보디아는
        ("외교관계", "diplomatic-relations"),  # 외교관계를
    ]
    # 한국 is South Korea's Korean form (its note: the usual word in the South)
    assert found[-2][3:6] == [
        ("아세안", "asean"),
        ("한국", "south-korea"),
        ("캄보디아", "cambodia"),
    ]
    assert ("주캄보디아 대한민국 대사관", "embassy-of-korea-in-cambodia") in found[-1]
    assert ("크메르 루주", "khmer-rouge") in found[5]
    every = [pair for paragraph in found for pair in paragraph]
    # 11 times in the text; the one in 주캄보디아 is inside the embassy's name
    assert every.count(("캄보디아", "cambodia")) == 10
    # 6 times; 재수교 ("re-establishment") is a longer word, so its 수교 is no link
    assert every.count(("수교", "diplomatic-relations")) == 5


@pytest.mark.parametrize(("path", "language"), [(KHMER, "km"), (KOREAN, "ko")])
def test_offsets_and_language(linker, path, language):
    document = read_document(path)
    assert detect_language(document.text) == language
    entries = {entry.id: entry for entry in linker.glossary}
    source = path.read_text("utf-8-sig")
    for link in annotation_json(document, linker.link(document.text), entries):
        assert source[link["start"] : link["end"]] == link["surface"]


@pytest.mark.parametrize("path", [KHMER, KOREAN])
def test_texts_name_their_source_and_licence(path):
    last = read_document(path).paragraphs[-1]
    assert last.kind is Kind.SOURCE
    assert "public domain" in last.text or "CC BY-SA 4.0" in last.text
