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


def mini_suggest(text: str) -> list[str]:
    glossary = load_or_raise([FIXTURES / "mini.yaml"]).glossary
    return [s.text for s in suggest(text, Linker(glossary).link(text))]


def test_names_after_a_linked_title_are_suggested():
    text = "Premier Hun Sen met President Yoon Suk Yeol and Mr Sok Chenda Sophea in Seoul."
    glossary = load_or_raise([FIXTURES / "mini.yaml"]).glossary
    links = Linker(glossary).link(text)
    assert any(link.surface == "Premier Hun Sen" for link in links)
    found = mini_suggest(text)
    assert "Yoon Suk Yeol" in found
    assert "Sok Chenda Sophea" in found
    assert not any("Hun Sen" in name for name in found)


def test_the_uncovered_part_of_a_run_is_the_candidate():
    text = "The Korea Exim Bank lent more. Yesterday the Korea Exim Bank lent again."
    assert mini_suggest(text)[0] == "Exim Bank"


def test_sentence_openers_and_conjunctions_are_not_glued_into_names():
    text = (
        "Yesterday Hun Manet said that Brunei and Malaysia would join. "
        "CRDB and CDC signed the deal, and Ministry of Foreign Affairs and International "
        "Cooperation officials watched. But Phnom Penh Post reporters left."
    )
    found = mini_suggest(text)
    assert "Hun Manet" in found and "Yesterday Hun Manet" not in found
    assert "Brunei" in found and "Malaysia" in found
    assert "Brunei and Malaysia" not in found and "CRDB and CDC" not in found
    assert "CRDB" in found and "CDC" in found
    assert "Ministry of Foreign Affairs and International Cooperation" in found
    assert "Phnom Penh Post" in found


def test_boilerplate_and_headlines_are_not_suggested():
    text = (
        "Cambodia Seeks Stronger Investment Ties\n\nBy Yonhap\n\n"
        "From Wikipedia, the free encyclopedia\n\nLATEST NEWS\n\n"
        "Officials from Phnom Penh said investment ties were stronger.\n\n"
        "© 2024 The Korea Herald. All Rights Reserved"
    )
    found = mini_suggest(text)
    assert found[0] == "Phnom Penh"
    for boilerplate in ("All Rights Reserved", "Yonhap", "Wikipedia", "LATEST", "NEWS"):
        assert not any(boilerplate in name for name in found), found
    assert not any("Stronger" in name or "Seeks" in name for name in found)


def test_a_single_capitalised_word_needs_to_be_a_name():
    text = "Officials met. Ties grew with Laos, officials said.\n\nMonday was calm."
    found = mini_suggest(text)
    assert "Laos" in found
    assert "Officials" not in found and "Ties" not in found and "Monday" not in found


def test_the_currency_of_a_figure_is_not_an_acronym():
    assert "US" not in mini_suggest("Korea gave US$300,000 and US$2 million.")


def test_titles_split_from_the_names_they_precede():
    text = "Deputy Prime Minister Sun Chanthol met President Yoon. UN General Assembly."
    found = mini_suggest(text)
    assert "Deputy Prime Minister" in found and "Sun Chanthol" in found
    assert "Yoon" in found  # one word, but right after a title
    assert "UN General Assembly" in found
