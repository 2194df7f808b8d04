"""Finding entries by English, Khmer, Korean, romanization and Korean initials."""

from __future__ import annotations

import unicodedata

import pytest

from glossary.loader import load_or_raise
from glossary.search import find, initials
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def glossary():
    return load_or_raise([FIXTURES / "mini.yaml"]).glossary


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hun-sen", ["hun-sen"]),
        ("PM Hun Sen", ["hun-sen"]),
        ("ហ៊ុន", ["hun-sen"]),
        ("\u17a0\u17bb\u17ca\u1793", ["hun-sen"]),  # Khmer typed in another order
        ("훈 센", ["hun-sen"]),
        (unicodedata.normalize("NFD", "대한민국"), ["korea"]),
        ("i myeong", ["lee-myung-bak"]),
        ("李明博", ["lee-myung-bak"]),
        ("ㅎㅅ", ["hun-sen"]),
        ("ㄷㅎㅁㄱ", ["korea"]),
        ("ជំនួយឥតសំណង", ["grant"]),  # no ZWSP in the query
        ("zzz", []),
    ],
)
def test_find(glossary, query, expected):
    assert [e.id for e in find(glossary, query)] == expected


def test_initials():
    assert initials("훈 센") == "ㅎㅅ"
    assert initials(unicodedata.normalize("NFD", "대한민국")) == "ㄷㅎㅁㄱ"
