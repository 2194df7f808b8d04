"""Crops and truncation (table cells, borders, scroll edges) never cut a Khmer cluster."""

from __future__ import annotations

import random

import pytest
import regex
import rich.cells
from rich.segment import Segment
from textual.strip import Strip

from reader.terminal import rich_patch
from reader.terminal import text as tt

KHMER = ["ព្រះរាជាណាចក្រ", "កម្ពុជា", "សន្តិភាព", "ស្ត្រី", "សហប្រតិបត្តិការ", "\u200b", "훈 센", "a "]


@pytest.fixture(autouse=True)
def _pristine():
    rich_patch.uninstall()
    yield
    rich_patch.uninstall()


def clusters(text: str) -> list[str]:
    return regex.findall(r"\X", text)


@pytest.mark.parametrize("model", list(tt.WidthModel))
def test_split_at_cell_keeps_both_widths_and_whole_clusters(model):
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(KHMER) for _ in range(rng.randint(1, 6)))
        total = tt.cell_width(text, model)
        for cut in range(total + 1):
            left, right = tt.split_at_cell(text, cut, model)
            assert tt.cell_width(left, model) == cut, (text, cut, left)
            assert tt.cell_width(right, model) == total - cut, (text, cut, right)
            # Every cluster of the halves is a whole cluster of the text or a pad space.
            kept = set(clusters(text)) | {" "}
            assert set(clusters(left)) | set(clusters(right)) <= kept, (text, cut)


def test_a_three_cell_conjunct_straddling_the_cut_becomes_three_spaces():
    assert tt.split_at_cell("ព្រះរាជា", 1) == (" ", "  រាជា")  # ព្រះ is 3 cells per code point
    assert tt.split_at_cell("ព្រះរាជា", 2) == ("  ", " រាជា")
    assert tt.split_at_cell("ព្រះរាជា", 3) == ("ព្រះ", "រាជា")
    assert tt.split_at_cell("ស្ត្រី", 1, "grapheme") == (" ", " ")  # 2 cells in grapheme terminals
    assert tt.split_at_cell("\u200bក", 0) == ("", "\u200bក")
    assert tt.split_at_cell("ក\u200bខ", 1) == ("ក", "\u200bខ")  # zero-width goes right


def test_rich_crops_and_truncation_use_it_once_installed():
    assert Segment("សន្តិភាព").split_cells(2)[0].text == "សន្"  # Rich alone: dangling COENG
    original = Segment.__dict__["_split_cells"]
    rich_patch.install()
    assert Segment("សន្តិភាព").split_cells(2) == (Segment("ស "), Segment(" ភាព"))
    assert rich.cells.set_cell_size("ព្រះរាជាណាចក្រ", 5) == "ព្រះរា"
    assert rich.cells.set_cell_size("ព្រះរាជាណាចក្រ", 4) == "ព្រះ "
    strip = Strip([Segment("│ "), Segment("សហប្រតិបត្តិការ"), Segment(" │")])
    assert [s.text for s in strip.crop(0, 6)] == ["│ ", "សហប្រ"]  # ប្រ: 2 cells
    assert [s.text for s in strip.crop(0, 5)] == ["│ ", "សហ "]  # ប្រ straddles the edge
    assert [s.text for s in strip.crop(5, 9)] == [" តិប "]  # both edges straddle a conjunct
    rich_patch.uninstall()
    assert Segment.__dict__["_split_cells"] is original
