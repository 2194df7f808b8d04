"""A current paragraph taller than the page (40x12, or long glosses) is paged through
with the moving keys before they move on, and what the reader is pointed at (a focused
term, a search hit) is scrolled into view: nothing of the text is out of reach."""

from __future__ import annotations

import pytest

from reader.widgets.position import bar_end
from tests.app_support import loaded, make_app, screen_text, text_of


def bars(app) -> str:
    """The bar column of the page, top to bottom (█ ▲ ▼ or blank)."""
    return "".join(line[1] for line in screen_text(app).splitlines()[2:-2])


async def test_j_and_k_page_through_a_long_paragraph_before_moving_on():
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g")
        assert "1996/97." not in screen_text(app)
        assert bars(app).endswith("▼")  # more below
        await pilot.press("j")
        assert "paragraph 3 of 23" in text_of(app, "#position")
        assert "1996/97." in screen_text(app)
        assert bars(app).startswith("▲") and "▼" not in bars(app)
        await pilot.press("k")
        assert "This year marks the 23rd" in screen_text(app)
        await pilot.press("j", "j")
        assert "paragraph 4 of 23" in text_of(app, "#position")
        assert "In other words, the Premier" in screen_text(app)
        await pilot.press("k")  # back a step: the text just above, the paragraph's end
        assert "paragraph 3 of 23" in text_of(app, "#position")
        assert "1996/97." in screen_text(app) and bars(app).startswith("▲")
        await pilot.press("home", "3", "g")  # a jump starts at the top
        assert "This year marks the 23rd" in screen_text(app)


async def test_a_focused_term_below_the_fold_is_scrolled_into_view():
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g", "shift+tab")  # the paragraph's last term
        assert app.screen.session.focused_link.entry_id == "republic-of-korea"
        assert "the Republic of Korea since late" in screen_text(app)
        assert bars(app).startswith("▲")


async def test_a_search_hit_below_the_fold_is_in_view():
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"1996/97", "enter")
        assert "paragraph 3 of 23" in text_of(app, "#position")
        assert "1996/97." in screen_text(app)


async def test_a_paragraph_that_fits_is_not_paged():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g", "j")
        assert "paragraph 4 of 23" in text_of(app, "#position")
        assert set(bars(app).strip()) <= {"█", " "}


async def test_the_position_line_is_a_progress_bar():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        line = app.screen.query_one("#position")
        y = line.region.y
        x0, width = line.content_region.x, line.content_region.width

        def filled() -> int:
            bar = app.screen.get_style_at(x0, y).bgcolor
            return sum(app.screen.get_style_at(x0 + i, y).bgcolor == bar for i in range(width))

        await pilot.press("1", "g")  # paragraph 1 of 23: the 2nd of the 25 (after the title)
        assert filled() == round(2 / 25 * width)
        await pilot.press("end")
        assert filled() == width
        await pilot.press("home")
        assert filled() == round(1 / 25 * width)


@pytest.mark.parametrize(
    ("text", "cells", "end"),
    [
        ("paragraph 3 of 23", 0, 0),
        ("paragraph 3 of 23", 9, 9),
        ("paragraph 3 of 23", 40, 17),
        # Cells as a terminal counting code points draws them (tmux, xterm).
        ("ក្នុង", 1, 0),  # ក្នុ is one cluster of 2 cells: never cut after ក or the COENG
        ("ក្នុង", 2, 4),
        ("ចំណោម", 1, 2),  # ចំ is 1 cell
        ("ចំណោម", 2, 2),  # ណោ is 2 cells: it would straddle the end, so the bar stops before it
        ("ចំណោម", 3, 4),
    ],
)
def test_the_bar_never_ends_inside_a_letter_cluster(text, cells, end):
    assert bar_end(text, cells) == end
