"""`glossary suggest`: candidates that the glossary does not cover yet."""

from __future__ import annotations

from glossary.linker import Linker
from glossary.loader import load_or_raise
from glossary.suggest import suggest
from tests.conftest import FIXTURES

TEXT = (
    "The Angkor Panorama Museum opened. KOICA paid for the Angkor Panorama Museum.\n\n"
    "Hun Sen thanked KOICA. Investment grew and investment is welcome; the ministry agreed.\n\n"
    "Prime Minister Hun Sen spoke about garment exports and garment workers."
)


def test_ranked_uncovered_candidates():
    glossary = load_or_raise([FIXTURES / "mini.yaml"]).glossary
    found = suggest(TEXT, Linker(glossary).link(TEXT))
    listed = [(s.text, s.kind, s.count) for s in found]
    assert listed[0] == ("Angkor Panorama Museum", "name", 2)
    assert ("KOICA", "acronym", 2) in listed
    assert ("investment", "word", 2) in listed and ("garment", "word", 2) in listed
    assert not any("Hun Sen" in text for text, _, _ in listed)  # already in the glossary
    assert found[0].context == "The Angkor Panorama Museum opened."


def test_names_do_not_cross_paragraphs():
    found = suggest("Importance of Love\n\nAlmost every day.", [])
    assert [s.text for s in found] == ["Importance of Love"]
