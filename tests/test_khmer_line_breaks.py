"""Khmer paragraphs without spaces break between words once the segmenter is loaded."""

from __future__ import annotations

import pytest

from glossary.khmer_words import word_starts
from reader.terminal import text as tt

# VOA Khmer (seeds/cambodia-north-korea-voa-km.txt): one phrase of 78 characters.
PHRASE = "ការណ៍ដែលរដ្ឋាភិបាលកម្ពុជាចាប់កប៉ាល់ចិនដឹកធ្យូងថ្មមានប្រភពមកពីប្រទេសកូរ៉េខាងជើង"


@pytest.fixture
def breaker():
    tt.set_word_breaker(word_starts)
    yield
    tt.set_word_breaker(None)


def test_every_break_falls_between_words(breaker):
    words = set(word_starts(PHRASE))
    for width in range(12, 41):
        breaks = tt.break_offsets(PHRASE, width, model="codepoint")
        assert breaks and set(breaks) <= words, width
        lines = tt.wrap_lines(PHRASE, width, model="codepoint")
        assert all(tt.cell_width(line, "codepoint") <= width for line in lines)
        assert "".join(lines) == PHRASE


def test_without_the_segmenter_lines_break_inside_words():
    words = set(word_starts(PHRASE))
    inside = [w for w in range(12, 41) if not set(tt.break_offsets(PHRASE, w)) <= words]
    assert len(inside) > 10
