"""A linked entry inside a longer name the glossary lacks is marked partial."""

from __future__ import annotations

import pytest

from glossary.document import read_document
from glossary.linker import Linker
from glossary.loader import load_or_raise
from glossary.partial import partial_links
from reader.state.paths import shipped_glossary
from tests.conftest import OPED


@pytest.fixture(scope="module")
def linker():
    return Linker(load_or_raise([shipped_glossary()]).glossary)


def partial(linker, text):
    links = linker.link(text)
    return {links[i].surface: name for i, name in partial_links(text, links).items()}


def test_a_part_of_an_unknown_name_is_partial(linker):
    assert partial(linker, "The Korea Exim Bank lent more.") == {"Korea": "Korea Exim Bank"}
    text = "He reads the Phnom Penh Post and The Korea Herald."
    assert partial(linker, text) == {"Phnom Penh": "Phnom Penh Post", "Korea": "Korea Herald"}
    text = "Students of Seoul National University came. Many students stayed."
    assert partial(linker, text) == {
        "Seoul": "Seoul National University",
        "University": "Seoul National University",
    }


def test_whole_names_titles_and_sentence_openers_are_not_partial(linker):
    for text in (
        "Yesterday Korea signed.",
        "President Yoon met Hun Manet in Seoul.",
        "Cambodia Seeks Stronger Ties With Korea",
        "Korean President Yoon Suk Yeol met students of the Royal University of Phnom Penh.",
        "Brunei and Cambodia agreed.",
    ):
        assert partial(linker, text) == {}, text


def test_the_oped_has_no_partial_links(linker):
    document = read_document(OPED)
    assert partial(linker, document.text) == {}
