"""The shipped glossary on news text that is not the op-ed: current names are linked, and
nothing a translator would copy is a wrong gloss."""

from __future__ import annotations

import pytest

from glossary.annotate import gloss
from glossary.linker import Linker
from glossary.loader import load_or_raise
from glossary.suggest import suggest
from reader.state.paths import shipped_glossary

# Written for this test in the style of a Phnom Penh Post / Korea Herald report.
NEWS = (
    "Yesterday Prime Minister Hun Manet met President Yoon Suk Yeol and Prime Minister "
    "Han Duck-soo in Seoul. King Norodom Sihamoni sent greetings.\n\n"
    "Deputy Prime Minister Sok Chenda Sophea and Deputy Prime Minister Sun Chanthol said "
    "the National Assembly had approved the free trade agreement; the Council for the "
    "Development of Cambodia welcomed more free trade with Korea, a development cooperation "
    "partner.\n\n"
    "The Ministry of Tourism expects more Koreans and South Koreans at Angkor Wat in Siem Reap, "
    "as students of the Royal University of Phnom Penh guide them. The Premier thanked "
    "Cambodian and Korean firms."
)


@pytest.fixture(scope="module")
def linked():
    glossary = load_or_raise([shipped_glossary()]).glossary
    links = Linker(glossary).link(NEWS)
    return glossary, {link.surface: link.entry_id for link in links}, links


@pytest.mark.parametrize(
    ("surface", "entry_id"),
    [
        ("Prime Minister Hun Manet", "hun-manet"),
        ("President Yoon Suk Yeol", "yoon-suk-yeol"),
        ("Prime Minister Han Duck-soo", "han-duck-soo"),
        ("King Norodom Sihamoni", "norodom-sihamoni"),
        ("Deputy Prime Minister Sok Chenda Sophea", "sok-chenda-sophea"),
        ("Deputy Prime Minister Sun Chanthol", "sun-chanthol"),
        ("National Assembly", "national-assembly-of-cambodia"),
        ("free trade agreement", "free-trade-agreement"),
        ("Council for the Development of Cambodia", "council-for-the-development-of-cambodia"),
        ("free trade", "free-trade"),
        ("development cooperation partner", "development-partner"),
        ("Ministry of Tourism", "ministry-of-tourism"),
        ("Koreans", "koreans"),
        ("South Koreans", "koreans"),
        ("Angkor Wat", "angkor-wat"),
        ("Siem Reap", "siem-reap"),
        ("Royal University of Phnom Penh", "royal-university-of-phnom-penh"),
        ("Premier", "prime-minister"),
        ("Cambodian", "cambodia"),
        ("Korean", "korea"),
    ],
)
def test_news_names_are_linked_to_the_right_entry(linked, surface, entry_id):
    _, surfaces, _ = linked
    assert surfaces.get(surface) == entry_id, surfaces


def test_false_friends_get_their_own_gloss(linked):
    glossary, surfaces, _ = linked
    assert "ឧបនាយករដ្ឋមន្ត្រី" in gloss(glossary.get("deputy-prime-minister"))
    assert "부총리" in gloss(glossary.get("deputy-prime-minister"))
    assert "Royal" not in surfaces and "University" not in surfaces  # not word by word
    assert gloss(glossary.get("siem-reap")) == "ក្រុង\u200bសៀមរាប · 씨엠립"
    assert glossary.get("south-korea").ko.text == "한국"  # as its note says: 남한 is a variant


def test_suggest_has_nothing_left_but_no_boilerplate():
    text = NEWS + "\n\nBy Yonhap\n\n© 2024 The Korea Herald. All Rights Reserved"
    glossary = load_or_raise([shipped_glossary()]).glossary
    found = [s.text for s in suggest(text, Linker(glossary).link(text)) if s.kind == "name"]
    assert found == []
