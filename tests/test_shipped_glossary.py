"""The glossary that ships with Tonle: valid, honest about sources, and it covers the op-ed."""

from __future__ import annotations

from collections import Counter

import pytest

from glossary.document import read_document
from glossary.linker import Linker
from glossary.loader import load
from glossary.normalize import normalize
from reader.state.paths import shipped_glossary
from tests.conftest import OPED


@pytest.fixture(scope="module")
def loaded():
    return load([shipped_glossary()])


@pytest.fixture(scope="module")
def oped_links(loaded):
    document = read_document(OPED)
    return document, Linker(loaded.glossary).link(document.text)


def test_loads_without_errors(loaded):
    assert loaded.errors == []


def test_no_verified_form_without_a_source_and_khmer_is_canonical(loaded):
    for entry in loaded.glossary:
        for form in (entry.km, entry.ko):
            if form is not None:
                assert not (form.verified and not form.sources), entry.id
                assert normalize(form.text) == form.text, entry.id


# Every named entity of the op-ed, as the op-ed writes it, and how often it occurs.
NAMED = {
    "Prime Minister Hun Sen": 4,
    "PM Hun Sen": 1,
    "Premier Hun Sen": 1,
    "His Majesty King Norodom Sihanouk": 1,
    "President Roh Moo-Hyun": 1,
    "Lee Myung Bak": 1,
    "President Moon Jae-In": 1,
    "President Moon Jae-in": 1,
    "Kim Jimin": 1,
    "Preah Ang Duong Hospital": 1,
    "ASEAN": 1,
    "ASEAN-RoK Commemorative Summit": 1,
    "Busan": 1,
    "Mekong-Korea forum": 1,
    "Korean International Cooperation Agency": 1,
    "KOICA": 1,
    "Seoul": 1,
    "Royal Government of Cambodia": 2,
    "Democratic People’s Republic of Korea": 1,
    "DMZ": 3,
    "United Nations Command": 1,
    "Angkor Panorama Museum": 1,
    "Siem Reap province": 1,
    "Angkor": 1,
    "Agency Kampuchea Press": 1,
    "Khmer": 1,
    "COVID-19": 1,
    "Ministry of Foreign Affairs and International Relations": 1,
}


def test_every_named_entity_is_linked_wherever_it_occurs(oped_links):
    _, links = oped_links
    found = Counter(link.surface for link in links)
    missing = {name: (count, found[name]) for name, count in NAMED.items() if found[name] != count}
    assert missing == {}


def test_the_premier_and_possessives(oped_links):
    document, links = oped_links
    # "the Premier" is glossed as the word (prime minister), not as Hun Sen's name
    premier = [link for link in links if link.surface == "Premier"]
    assert len(premier) == 5 and {link.entry_id for link in premier} == {"prime-minister"}
    cambodia_possessive = document.text.count("Cambodia’s")
    linked_before_possessive = sum(
        1
        for link in links
        if link.surface == "Cambodia" and document.text[link.end : link.end + 2] == "’s"
    )
    assert linked_before_possessive == cambodia_possessive == 4


# Romanizations kept as established spellings rather than the system's, and why.
CONVENTIONAL = {
    ("hun-sen", "km"): "Hun Sen, as he and the press write his name (UNGEGN: Hŭn Sên)",
    ("norodom-sihanouk", "km"): "the King's name as the palace writes it",
    ("norodom-sihanouk", "ko"): "the King's own spelling (RR: Norodom Sianukeu)",
    ("roh-moo-hyun", "km"): "a Korean name in Khmer script: his own spelling",
    ("roh-moo-hyun", "ko"): "his own spelling (RR: No Muhyeon)",
    ("lee-myung-bak", "km"): "a Korean name in Khmer script: his own spelling",
    ("lee-myung-bak", "ko"): "his own spelling (RR: I Myeongbak)",
    ("moon-jae-in", "km"): "a Korean name in Khmer script: his own spelling",
    ("moon-jae-in", "ko"): "his own spelling (RR: Mun Jaein)",
    ("kim-jimin", "ko"): "the spelling the op-ed gives (RR: Gim Jimin)",
    ("phnom-penh", "km"): "the capital's usual English name (UNGEGN: Phnum Pénh)",
    ("seoul", "km"): "a Korean name in Khmer script: the city's own romanization",
    ("siem-reap-province", "km"): "the province's usual English name (UNGEGN: Siĕm Réab)",
    ("angkor", "km"): "the site's usual English name (UNGEGN: Ângkôr)",
    (
        "yoon-suk-yeol",
        "ko",
    ): "a personal name in RR's form for names: given name hyphenated, no sound change",
    (
        "han-duck-soo",
        "ko",
    ): "a personal name in RR's form for names: given name hyphenated, no sound change",
    (
        "council-for-the-development-of-cambodia",
        "ko",
    ): "a compound written solid: RR romanizes its words one by one",
    (
        "national-assembly-of-cambodia",
        "km",
    ): "as the cited source writes it; the rules divide the syllables differently, unconfirmed",
    (
        "royal-university-of-phnom-penh",
        "km",
    ): "as the cited source writes it; the rules divide the syllables differently, unconfirmed",
}


def test_every_romanization_is_the_systems_or_a_listed_established_spelling(loaded):
    from glossary.romanize import romanize, same_romanization

    wrong, needless = [], []
    for entry in loaded.glossary:
        for lang in ("km", "ko"):
            form = entry.form(lang)
            if form is None or not form.romanization:
                continue
            same = same_romanization(form.romanization, romanize(lang, form.text))
            if (entry.id, lang) in CONVENTIONAL:
                needless += [] if not same else [(entry.id, lang)]
            elif not same:
                wrong.append((entry.id, lang, form.romanization, romanize(lang, form.text)))
    assert wrong == [] and needless == []
