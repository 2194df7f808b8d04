"""Growing the glossary in the reader: the word cursor, the new-term form and its
errors, the edit of a shipped entry, the suggestions panel, delete and undo."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from glossary.personal import GlossaryFile
from reader.screens.suggestions import SuggestionsScreen
from reader.screens.term_form import TermFormScreen
from reader.state.paths import shipped_glossary, user_paths
from tests.app_support import loaded, make_app, screen_text

SIZE = (110, 40)


def reading(app):
    return app.screen_stack[1] if len(app.screen_stack) > 1 else app.screen


def personal_ids() -> list[str]:
    path = user_paths().personal_glossary
    return [e.id for e in GlossaryFile(path).read().glossary] if path.exists() else []


async def until(pilot, condition, tries: int = 200) -> None:
    for _ in range(tries):
        await pilot.pause(0.02)
        if condition():
            return
    raise AssertionError("condition never held")


async def test_word_cursor_moves_extends_and_prefills_the_form():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = reading(app)
        await pilot.press("j", "j")  # a body paragraph
        text = screen.session.paragraphs[screen.session.current].text
        await pilot.press("w")
        cursor = screen.session.cursor
        assert cursor is not None and text[slice(*cursor.span)] == text.split()[0].strip(",.")
        await pilot.press("l", "l", "L", "shift+right", "H")
        start, end = cursor.span
        words = screen.session.paragraphs[screen.session.current].text[start:end].split()
        assert len(words) == 2
        await pilot.press("a")
        assert isinstance(app.screen, TermFormScreen)
        assert app.screen.query_one("#form-en", Input).value == cursor.phrase(text)
        await pilot.press("escape")
        await pilot.press("escape")
        assert screen.session.cursor is None


async def test_the_form_shows_errors_live_and_a_saved_term_is_linked_at_once():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = reading(app)
        await pilot.press("a")  # no cursor yet: a puts one on the paragraph
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, TermFormScreen)
        form.query_one("#form-en", Input).value = "Hun Sen"
        await pilot.pause()
        assert "already an English form of 'hun-sen'" in screen_text(app)
        form.query_one("#form-en", Input).value = "friendly partners"
        form.query_one("#form-km-text", Input).value = "ដៃគូ abc"
        await pilot.pause()
        assert "Latin letters; Khmer only" in screen_text(app)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TermFormScreen)  # not saved with an error
        form.query_one("#form-km-text", Input).value = "\u1780\u17c1\u17b6"  # out of order
        await pilot.pause()
        assert "normalised to" in screen_text(app)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "friendly-partners" in personal_ids())
        await until(pilot, lambda: screen.session.entry("friendly-partners") is not None)
        entry = screen.session.entry("friendly-partners")
        assert entry.km.text == "\u1780\u17c4"
        linked = [
            link.entry_id
            for p in screen.session.paragraphs
            for link in screen.session.links(p.index)
        ]
        assert ("friendly-partners" in linked) == (
            "friendly partners" in screen.session.document.text.lower()
        )


async def test_edit_of_a_shipped_entry_is_an_override_in_the_personal_glossary():
    shipped_before = shipped_glossary().read_bytes()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = reading(app)
        screen.open_card("hun-sen")
        await pilot.pause()
        await pilot.press("E")
        form = app.screen
        assert isinstance(form, TermFormScreen)
        assert form.query_one("#form-en", Input).value == "Hun Sen"
        form.query_one("#form-note", Input).value = "Edited in a test."
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.session.entry("hun-sen").note == "Edited in a test.")
        assert "Edited in a test." in screen_text(app)  # the card shows it
    text = user_paths().personal_glossary.read_text()
    assert "id: hun-sen\n    override: true\n    note: Edited in a test." in text
    assert "ហ៊ុន" not in text  # only the changed key is stored
    assert shipped_glossary().read_bytes() == shipped_before


async def test_suggestions_open_the_form_and_an_added_term_leaves_the_panel():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = reading(app)
        await pilot.press("s")
        panel = app.screen
        assert isinstance(panel, SuggestionsScreen) and panel.suggestions
        first = panel.suggestions[0].text
        await pilot.press("enter")
        assert isinstance(app.screen, TermFormScreen)
        assert app.screen.query_one("#form-en", Input).value == first
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any(e.en == first for e in screen.session.glossary.entries))
        await pilot.press("s")
        assert first not in [s.text for s in app.screen.suggestions]
        assert isinstance(app.screen.query_one(OptionList), OptionList)


async def test_delete_of_a_personal_term_and_undo():
    path = user_paths().personal_glossary
    GlossaryFile(path).add({"id": "cooperation-word", "category": "term", "en": "Kampot pepper"})
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = reading(app)
        assert screen.session.entry("cooperation-word") is not None
        screen.open_card("cooperation-word")
        await pilot.pause()
        await pilot.press("D")
        await until(pilot, lambda: screen.session.entry("cooperation-word") is None)
        assert personal_ids() == []
        await pilot.press("escape", "u")
        await until(pilot, lambda: screen.session.entry("cooperation-word") is not None)
        assert personal_ids() == ["cooperation-word"]
