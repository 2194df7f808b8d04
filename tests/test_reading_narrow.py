"""The side card never squeezes the text: below 80 columns it steps aside."""

from __future__ import annotations

from reader.screens.reading import NARROW, ReadingScreen
from reader.screens.term import TermScreen
from reader.widgets.term_card import TermCard
from tests.app_support import loaded, make_app, screen_text


def page_width(app) -> int:
    return app.screen.query_one("#page").outer_size.width


async def test_resizing_below_narrow_hides_the_side_card_and_widening_brings_it_back():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        app.screen.action_open_term("kingdom-of-cambodia")
        await pilot.pause()
        card = app.screen.query_one("#card", TermCard)
        assert card.display and page_width(app) < 60
        await pilot.resize_terminal(NARROW - 20, 24)
        await pilot.pause()
        assert not card.display
        assert page_width(app) == NARROW - 20  # the text has the whole width
        assert "ព្រះរាជាណាចក្រ" not in screen_text(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert card.display and "ព្រះរាជាណាចក្រ" in screen_text(app)


async def test_c_when_narrow_opens_the_card_as_a_screen():
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g", "c")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_a_resize_under_another_screen_is_noticed_on_return():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        app.screen.action_open_term("hun-sen")
        await pilot.press("b")
        await pilot.pause()
        await pilot.resize_terminal(60, 24)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert not app.screen.query_one("#card").display
        assert page_width(app) == 60
