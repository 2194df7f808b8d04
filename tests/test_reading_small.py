"""A current paragraph taller than the page (40x12, or long glosses) is paged through
with the moving keys before they move on, and what the reader is pointed at (a focused
term, a search hit) is scrolled into view: nothing of the text is out of reach."""

from __future__ import annotations

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
