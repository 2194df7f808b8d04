"""Obvious web boilerplate: recognised narrowly, so no sentence of the article is lost."""

from __future__ import annotations

import pytest

from glossary.boilerplate import is_boilerplate, strip_boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "By Yonhap",
        "By Kim Ji-hoon, staff reporter",
        "© 2024 The Korea Herald. All Rights Reserved",
        "Copyright © Phnom Penh Post",
        "From Wikipedia, the free encyclopedia",
        "Jump to navigation",
        "[edit]",
        "LATEST NEWS",
        "MOST READ",
        "Share this",
        "Advertisement",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of May, trade had grown.",
        "By March the government had agreed",
        "KOICA",
        "CAMBODIA-SOUTH KOREA TIES GROW STRONGER",
        "Op-ed: CAMBODIA-SOUTH KOREA: Stronger Relations",
        "All rights reserved, the minister said, are rights that the treaty protects.",
        "ព័ត៌មាន ថ្មី",
        "",
    ],
)
def test_content_lines_are_kept(line):
    assert not is_boilerplate(line)


def test_strip_keeps_paragraphs_apart_and_counts_changes():
    text = "Title\nBy Yonhap\nFirst line.\n\nHistory[edit]\nSecond line.\nLATEST NEWS"
    cleaned, changed = strip_boilerplate(text)
    assert cleaned == "Title\n\nFirst line.\n\nHistory\nSecond line.\n"
    assert changed == 3
