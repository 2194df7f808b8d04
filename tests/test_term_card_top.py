"""A card opens at its top: the term and its Khmer and Korean forms are what one reads first."""

from __future__ import annotations

from reader.screens.term import TermScreen
from reader.widgets.term_card import TermCard
from tests.app_support import loaded, make_app, screen_text


async def test_a_long_card_opened_from_the_text_shows_its_khmer_form():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("1", "g", "tab", "enter", "escape")  # a first card, then
        await pilot.press("2", "g", "tab", "enter")  # government spokesman: a long card
        for _ in range(3):  # a focused widget is scrolled into view after a refresh
            await pilot.pause()
        card = app.screen.query_one("#card", TermCard)
        assert card.scroll_y == 0
        assert "អ្នក\u200bនាំ\u200bពាក្យ\u200bរាជរដ្ឋាភិបាល" in screen_text(app)


async def test_a_card_screen_opens_at_its_top():
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("1", "g", "tab", "enter", "escape")
        await pilot.press("2", "g", "tab", "enter")
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        assert app.screen.query_one(TermCard).scroll_y == 0
        assert "government-spokesman" in screen_text(app)
