"""Term linking: what links, what does not, and where (offsets into the original text)."""

from __future__ import annotations

import unicodedata

import pytest

from glossary.linker import Linker, is_acronym, plural
from glossary.loader import load_or_raise
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(load_or_raise([FIXTURES / "mini.yaml"]).glossary)


def surfaces(linker: Linker, text: str) -> list[tuple[str, str]]:
    links = linker.link(text)
    for link in links:
        assert text[link.start : link.end] == link.surface
    return [(link.surface, link.entry_id) for link in links]


NFD_KOREA = unicodedata.normalize("NFD", "대한민국")

# (case, text, expected (surface, entry id) pairs)
CASES = [
    (
        "longest match wins",
        "Prime Minister Hun Sen spoke.",
        [("Prime Minister Hun Sen", "hun-sen")],
    ),
    ("plain name", "He met Hun Sen.", [("Hun Sen", "hun-sen")]),
    ("straight possessive", "Korea's aid", [("Korea", "korea")]),
    ("typographic possessive", "Korea’s aid", [("Korea", "korea")]),
    ("whole words only", "Koreans and Koreanness", []),
    ("case-insensitive names", "KOREA and korea", [("KOREA", "korea"), ("korea", "korea")]),
    (
        "hyphen or space in a name",
        "Lee Myung Bak, Lee Myung-bak",
        [("Lee Myung Bak", "lee-myung-bak"), ("Lee Myung-bak", "lee-myung-bak")],
    ),
    ("acronym keeps case", "the DMZ, not the dmz", [("DMZ", "dmz")]),
    (
        "term ending in punctuation",
        "the U.S. and U.S.-made",
        [("U.S.", "united-states"), ("U.S.", "united-states")],
    ),
    (
        "regular plural of vocabulary",
        "two grants and a grant",
        [("grants", "grant"), ("grant", "grant")],
    ),
    (
        "accents and curly apostrophe",
        "the Charge d’ Affairs said",
        [("Charge d’ Affairs", "charge-d-affaires")],
    ),
    (
        "line break inside a name",
        "Prime Minister\nHun Sen",
        [("Prime Minister\nHun Sen", "hun-sen")],
    ),
    (
        "no-break space and double space",
        "Hun\u00a0Sen and Hun  Sen",
        [("Hun\u00a0Sen", "hun-sen"), ("Hun  Sen", "hun-sen")],
    ),
    (
        "match_case alias, sentence start",
        "The Premier said the premier league",
        [("The Premier", "hun-sen")],
    ),
    ("Korean with a particle", "훈 센은 말했다", [("훈 센", "hun-sen")]),
    ("decomposed Hangul", f"{NFD_KOREA}의 수도", [(NFD_KOREA, "korea")]),
    (
        "Khmer in another order",
        "\u17a0\u17bb\u17ca\u1793 \u179f\u17c2\u1793",
        [("\u17a0\u17bb\u17ca\u1793 \u179f\u17c2\u1793", "hun-sen")],
    ),
    (
        "Khmer with no spaces around",
        "នៅព្រះរាជាណាចក្រកម្ពុជាគឺ",
        [("ព្រះរាជាណាចក្រកម្ពុជា", "kingdom-of-cambodia")],
    ),
    ("Khmer with ZWSP inside the phrase", "ជំនួយឥត\u200bសំណង", [("ជំនួយឥត\u200bសំណង", "grant")]),
    ("nothing to link", "The weather was fine.", []),
    ("empty text", "", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_linking(linker, case, text, expected):
    assert surfaces(linker, text) == expected


def test_offsets_after_normalised_text_are_exact(linker):
    text = f"{NFD_KOREA} and then Hun Sen"
    (_, second) = linker.link(text)
    assert text[second.start : second.end] == "Hun Sen"


def test_leftmost_longest_against_longest_anywhere():
    from glossary.model import Entry, Glossary

    glossary = Glossary(
        (
            Entry("senator-sok", "person", "Senator Sok"),
            Entry("sok-monyrath", "person", "Sok Monyrath"),
        )
    )
    assert [l.surface for l in Linker(glossary).link("Senator Sok Monyrath Kimsan")] == [
        "Senator Sok"
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("grant", "grants"),
        ("economy", "economies"),
        ("tax", "taxes"),
        ("branch", "branches"),
        ("key", "keys"),
        ("diplomatic relations", None),
        ("Hun Sen", None),
        ("state visit", "state visits"),
    ],
)
def test_plural(word, expected):
    assert plural(word) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DMZ", True),
        ("ASEAN", True),
        ("U.S.", True),
        ("COVID-19", True),
        ("PM Hun Sen", True),
        ("RoK", False),
        ("Hun Sen", False),
        ("Korea", False),
        ("I", False),
    ],
)
def test_acronyms(text, expected):
    assert is_acronym(text) is expected


def test_empty_glossary_links_nothing():
    from glossary.model import Glossary

    assert Linker(Glossary(())).link("Hun Sen") == []
