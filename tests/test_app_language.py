"""The interface language: picked in the app by its own name, applied at once, remembered."""

from __future__ import annotations

import pytest

from glossary import i18n
from reader.screens.language import LanguageScreen
from reader.screens.reading import ReadingScreen
from reader.state.settings import Settings, load_settings
from tests.app_support import loaded, make_app, text_of


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.use_language("en")


def footer_descriptions(app) -> dict[str, str]:
    return {
        key: active.binding.description
        for key, active in app.screen.active_bindings.items()
        if active.binding.show
    }


async def test_picker_lists_languages_by_their_own_names():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("f2")
        assert isinstance(app.screen, LanguageScreen)
        labels = [str(o.prompt).strip("● ") for o in app.screen.query_one("#languages").options]
        assert labels == ["English", "ខ្មែរ", "한국어"]


@pytest.mark.parametrize(("presses", "lang"), [(("down",), "km"), (("down", "down"), "ko")])
async def test_switching_applies_at_once_and_is_remembered(presses, lang):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("5", "g", "f2", *presses, "enter")
        await loaded(pilot)
        assert isinstance(app.screen, ReadingScreen)
        catalog = i18n.translations(lang)
        footer = footer_descriptions(app)
        assert footer["q"] == catalog.gettext("Quit") != "Quit"
        assert footer["slash"] == catalog.gettext("Search") != "Search"
        position = text_of(app, "#position")
        assert (
            catalog.gettext("paragraph {number} of {total}").format(number=5, total=23) in position
        )
    assert load_settings(app.config.paths.settings_file).ui_lang == lang


async def test_khmer_digits_option_in_the_khmer_interface():
    i18n.use_language("km")
    app = make_app(settings=Settings(ui_lang="km"))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("5", "g")
        assert "5" in text_of(app, "#position") and "៥" not in text_of(app, "#position")
        await pilot.press("f3")
        position = text_of(app, "#position")
        assert (
            "៥" in position
            and "២៣" in position
            and not any(c.isascii() and c.isdigit() for c in position)
        )
    assert load_settings(app.config.paths.settings_file).khmer_digits


async def test_khmer_digits_never_touch_the_korean_interface():
    i18n.use_language("ko")
    app = make_app(settings=Settings(ui_lang="ko", khmer_digits=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("5", "g")
        assert "5" in text_of(app, "#position") and "៥" not in text_of(app, "#position")


async def test_khmer_digits_reach_the_browser_and_the_card():
    i18n.use_language("km")
    app = make_app(settings=Settings(ui_lang="km", khmer_digits=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("b")
        table = app.screen.query_one("#entries")
        cambodia = table.get_row("cambodia")
        assert cambodia[3] == "១៩"  # Cambodia (15) and Cambodian (4) in the op-ed, in Khmer digits
        assert cambodia[2] == i18n.translations("km").gettext("country")
        await pilot.press("escape")
        app.screen.action_open_term("cambodia")
        await pilot.pause(0)
        assert "១៩" in str(app.screen.query_one("#occurrences-title").render())


async def test_textual_palette_commands_are_translated_too():
    i18n.use_language("ko")
    app = make_app(settings=Settings(ui_lang="ko"))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"테마", "종료", "검색"} <= titles


async def test_the_palette_key_in_the_footer_is_translated():
    i18n.use_language("km")
    app = make_app(settings=Settings(ui_lang="km"))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        palette = app.screen.active_bindings["ctrl+p"].binding
        assert palette.action == "command_palette" and palette.description == "បន្ទះពាក្យបញ្ជា"
