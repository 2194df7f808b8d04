"""Linking in Khmer and Korean text: words without spaces, attached particles."""

from __future__ import annotations

import pytest

from glossary.document import parse_document
from glossary.khmer_words import is_cluster_boundary, is_word_boundary
from glossary.korean_words import fits_words as korean_fits
from glossary.linker import Linker
from glossary.loader import load_or_raise
from reader.state.paths import shipped_glossary


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(load_or_raise([shipped_glossary()]).glossary)


def found(linker: Linker, text: str) -> list[tuple[str, str]]:
    links = linker.link(text)
    for link in links:
        assert text[link.start : link.end] == link.surface
    return [(link.surface, link.entry_id) for link in links]


KHMER_CASES = [
    ("China, with no space", "ប្រទេសចិន និងប្រទេសកម្ពុជា", [("ចិន", "china"), ("កម្ពុជា", "cambodia")]),
    ("not inside 'thought'", "គំនិតនិងចិន្តារបស់គាត់", []),
    ("name with a space", "លោក ហ៊ុន សែន បាននិយាយ", [("ហ៊ុន សែន", "hun-sen")]),
    ("name without a space", "សម្តេចហ៊ុនសែនបាននិយាយ", [("ហ៊ុនសែន", "hun-sen")]),
    ("name with U+200B", "លោក ហ៊ុន\u200bសែន", [("ហ៊ុន\u200bសែន", "hun-sen")]),
    (
        "COENG DA look-alike",
        "ព្រះបាទនរោ\u178f\u17d2\u178aម សីហនុ",
        [("នរោ\u178f\u17d2\u178aម សីហនុ", "norodom-sihanouk")],
    ),
    (
        "news sentence",
        "ប្រធានាធិបតីកូរ៉េខាងត្បូងលោកមូនជេអ៊ីននៅថ្ងៃអង្គារនេះ",
        [("ប្រធានាធិបតី", "president"), ("កូរ៉េខាងត្បូង", "south-korea"), ("មូនជេអ៊ីន", "moon-jae-in")],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), KHMER_CASES, ids=[c[0] for c in KHMER_CASES])
def test_khmer(linker, case, text, expected):
    assert found(linker, text) == expected


KOREAN_CASES = [
    ("topic particle", "캄보디아는 크다", [("캄보디아", "cambodia")]),
    ("and", "프놈펜과 서울", [("프놈펜", "phnom-penh"), ("서울", "seoul")]),
    ("two particles", "아세안과의 관계", [("아세안", "asean")]),
    ("name and title", "훈센 총리가 말했다", [("훈센", "hun-sen"), ("총리", "prime-minister")]),
    ("name spaced", "훈 센은 말했다", [("훈 센", "hun-sen")]),
    ("spacing variant", "한반도 비무장 지대에서", [("한반도 비무장 지대", "korean-dmz")]),
    ("spacing as stored", "한반도 비무장지대를", [("한반도 비무장지대", "korean-dmz")]),
    ("not in by-product", "부산물이 많다", []),
    ("the city", "부산에서 왔다", [("부산", "busan")]),
    (
        "decomposed input",
        "\u1107\u116e\u1109\u1161\u11ab\uc5d0\uc11c",
        [("\u1107\u116e\u1109\u1161\u11ab", "busan")],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), KOREAN_CASES, ids=[c[0] for c in KOREAN_CASES]
)
def test_korean(linker, case, text, expected):
    assert found(linker, text) == expected


def test_links_in_a_document_are_the_same_as_in_its_source(linker):
    raw = "훈\u200b센 총리와 ហ៊ុន\u200bសែន, 부산물과 부산"
    document = parse_document(raw)
    assert [link.entry_id for link in linker.link(document.text)] == [
        "hun-sen",
        "prime-minister",
        "hun-sen",
        "busan",
    ]


def test_cluster_and_word_boundaries():
    thought = "ចិន្តា"
    assert not is_cluster_boundary(thought, 3)  # before the subscript: ន្ត is one cluster
    assert is_cluster_boundary("កា", 0) and not is_cluster_boundary("កា", 1)
    assert is_word_boundary("ប្រទេសចិន", 6)
    assert not is_word_boundary("ទំនាក់ទំនង", 3)  # inside one word


def test_korean_start_needs_a_word_start():
    assert not korean_fits("대부산", 1, 3)
    assert korean_fits("(부산)", 1, 3)
