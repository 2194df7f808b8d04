"""Pilot tests: the reader as a user drives it, key by key."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Select

from reader.screens.browser import BrowserScreen, column_widths
from reader.screens.help import HelpScreen
from reader.screens.reading import ReadingScreen
from reader.screens.term import TermScreen
from reader.state.settings import Settings, load_settings
from reader.widgets.term_card import TermCard
from tests.app_support import current_region, current_text, loaded, make_app, screen_text, text_of


def reading(app) -> ReadingScreen:
    return next(s for s in app.screen_stack if isinstance(s, ReadingScreen))


async def test_opens_on_the_title_and_moves_paragraph_by_paragraph():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert "title" in text_of(app, "#position")
        assert "Op-ed: CAMBODIA-SOUTH KOREA" in current_text(app)
        await pilot.press("j")
        assert "paragraph 1 of 23" in text_of(app, "#position")
        assert current_text(app).startswith("Almost every time I commute")
        await pilot.press("down", "down", "k")
        assert "paragraph 2 of 23" in text_of(app, "#position")
        await pilot.press("up")
        assert "paragraph 1 of 23" in text_of(app, "#position")
        await pilot.press("space")
        assert "paragraph 4 of 23" in text_of(app, "#position")
        await pilot.press("pagedown", "pageup")
        assert "paragraph 4 of 23" in text_of(app, "#position")
        await pilot.press("end")
        assert "source" in text_of(app, "#position")
        assert current_text(app) == "Source: Agency Kampuchea Press"
        await pilot.press("home")
        assert "title" in text_of(app, "#position")


async def test_number_then_g_jumps():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("1", "2")
        assert "go to 12…" in text_of(app, "#position")
        await pilot.press("g")
        assert "paragraph 12 of 23" in text_of(app, "#position")
        assert current_text(app).startswith("Cambodia’s friendly foreign policy")
        await pilot.press("9", "9", "g")
        assert "paragraph 23 of 23" in text_of(app, "#position")


async def test_tab_focuses_terms_and_enter_opens_the_card():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g", "tab")
        screen = reading(app)
        surfaces = [link.surface for link in screen.session.links(screen.session.current)]
        # "anniversary" is inside the figure "23rd anniversary", which takes it.
        assert surfaces[:3] == ["diplomatic relations", "Asian", "Prime Minister Hun Sen"]
        assert screen.session.focused_link.surface == "diplomatic relations"
        await pilot.press("tab")
        assert screen.session.focused_link.surface == "Asian"
        await pilot.press("shift+tab", "shift+tab")
        assert screen.session.focused_link.surface == surfaces[-1]  # wraps round
        await pilot.press(*["tab"] * (surfaces.index("Prime Minister Hun Sen") + 1), "enter")
        card = app.screen.query_one(TermCard)
        assert not card.has_class("-hidden")
        body = str(card.query_one("#card-body").render())
        assert "Hun Sen" in body and "ហ៊ុន សែន" in body and "훈 센" in body and "✔ verified" in body
        # 6: "the Premier" (5 more) is glossed as the word prime minister, not as his name
        assert "Occurrences in this text: 6" in str(card.query_one("#occurrences-title").render())
        await pilot.press("c")
        assert card.has_class("-hidden")
        await pilot.press("c")
        assert not card.has_class("-hidden")


async def test_unverified_form_is_marked_on_the_card():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        reading(app).action_open_term("kim-jimin")
        await pilot.pause(0)
        body = str(app.screen.query_one("#card-body").render())
        assert "⚠ UNVERIFIED" in body and "김지민" in body


async def test_occurrence_jump_from_the_card():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        reading(app).action_open_term("korean-dmz")
        await pilot.pause(0)
        options = app.screen.query_one("#occurrences")
        options.focus()
        await pilot.press("down", "enter")  # the first occurrence
        await pilot.pause(0)
        assert "DMZ" in current_text(app)
        assert "paragraph 21 of 23" in text_of(app, "#position")


async def test_click_on_a_term_opens_its_card():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g")
        region = current_region(app)
        spot = next(
            (x, y)
            for y in range(region.y, region.bottom)
            for x in range(region.x, region.right)
            if app.screen.get_style_at(x, y).meta.get("tonle-term") == "hun-sen"
        )
        await pilot.click(offset=spot)
        assert reading(app).card_entry == "hun-sen"
        assert not app.screen.query_one(TermCard).has_class("-hidden")


async def test_interlinear_glosses_cycle_and_persist():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g", "i")
        assert "Hun Sen ⟨ហ៊ុន សែន · 훈 센⟩" in current_text(app)
        await pilot.press("i")
        assert "Hun Sen ⟨ហ៊ុន សែន⟩" in current_text(app)
        await pilot.press("i")
        assert "Hun Sen ⟨훈 센⟩" in current_text(app)
        await pilot.press("r", "i", "i")
        assert "Hun Sen ⟨Hun Sen · 훈 센⟩" in current_text(app)  # romanized Khmer
    saved = load_settings(app.config.paths.settings_file)
    assert saved.glosses == "both" and saved.romanize_khmer


async def test_search_with_n_and_shift_n():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"dmz", "enter")
        assert "“dmz”: 3 matches" in text_of(app, "#position")
        assert "paragraph 21 of 23" in text_of(app, "#position")
        await pilot.press("n")
        assert "paragraph 22 of 23" in text_of(app, "#position")
        await pilot.press("n")
        assert "paragraph 21 of 23" in text_of(app, "#position")  # wraps round
        await pilot.press("N")
        assert "paragraph 22 of 23" in text_of(app, "#position")
        await pilot.press("slash", *"zzqq", "enter")
        assert "0 matches" in text_of(app, "#position")
        await pilot.press("slash", "escape")
        assert not isinstance(app.focused, Input)


async def test_glossary_browser_filters_sorts_and_opens():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("b")
        assert isinstance(app.screen, BrowserScreen)
        table = app.screen.query_one(DataTable)
        total = table.row_count
        assert total >= 40
        await pilot.press("slash", *"ㅎㅅ")
        assert "hun-sen" in [r.value for r in table.rows] and table.row_count <= 3
        filter_input = app.screen.query_one("#filter", Input)
        filter_input.value = "ភ្នំពេញ"
        await pilot.pause(0)
        assert "phnom-penh" in [r.value for r in table.rows]
        filter_input.value = ""
        app.screen.query_one("#category", Select).value = "person"
        await pilot.pause(0)
        assert {r.value for r in table.rows} >= {"hun-sen", "moon-jae-in"}
        assert table.row_count < total
        table.focus()
        await pilot.press("s", "s", "s")  # en → km → ko → appearance
        assert "sorted by first appearance" in text_of(app, "#browser-status")
        assert next(iter(table.rows)).value == "hun-sen"
        table.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, TermScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_browser_columns_follow_a_resize_and_keep_the_row():
    app = make_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("b")
        table = app.screen.query_one(DataTable)
        english = table.columns["english"]
        assert english.width == column_widths(140)[0][1] == 42
        table.move_cursor(row=5)
        entry_id = app.screen.selected()
        await pilot.resize_terminal(60, 24)
        await pilot.pause(0)
        english = table.columns["english"]
        assert english.width == column_widths(60)[0][1] == 12
        assert table.cursor_row == 5 and app.screen.selected() == entry_id
        khmer = app.screen.session.entry(entry_id).km.text
        assert khmer.split("\u200b")[0] in screen_text(app)  # the last column is on screen
        await pilot.resize_terminal(140, 30)
        await pilot.pause(0)
        assert table.columns["english"].width == 42


async def test_y_copies_the_paragraph_as_written():
    app = make_app(settings=Settings(glosses="both"))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g", "y")
        assert app.clipboard.startswith("This year marks the 23rd anniversary of diplomatic")
        assert "⟨" not in app.clipboard  # the text, not the glosses
        assert "copied" in " ".join(n.message for n in app._notifications)


async def test_help_lists_every_binding():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        ids = {r.value for r in table.rows}
        expected = {b.id for b in reading(app).BINDINGS} | {"help", "glossary", "quit"}
        assert expected <= ids
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_palette_holds_the_reader_commands():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Next paragraph", "Search", "Glosses", "Glossary", "Help"):
            assert title in titles


def brightness(colour) -> int:
    return sum(colour.get_truecolor())


async def test_light_theme_recolours_the_page_and_is_remembered():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        region = current_region(app)
        following = (region.x + 1, region.bottom + 1)  # the first line of the next paragraph
        before = [app.screen.get_style_at(region.x, region.y), app.screen.get_style_at(*following)]
        app.theme = "textual-light"
        await pilot.pause()
        after = [app.screen.get_style_at(region.x, region.y), app.screen.get_style_at(*following)]
        assert brightness(after[0].bgcolor) > brightness(before[0].bgcolor)  # the page, lit
        assert brightness(after[1].color) < brightness(before[1].color)  # dark text on it
    assert load_settings(app.config.paths.settings_file).theme == "textual-light"


async def test_a_click_on_a_later_paragraph_makes_it_current():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g")
        region = current_region(app)
        await pilot.click(offset=(region.x + 2, region.bottom + 1))
        await pilot.pause(0)
        assert "paragraph 4 of 23" in text_of(app, "#position")
        assert current_text(app).startswith("In other words, the Premier")


async def test_narrow_terminal_opens_the_card_full_screen_and_resizing_keeps_the_place():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("5", "g")
        await pilot.resize_terminal(40, 12)
        await pilot.pause(0)
        assert "paragraph 5 of 23" in text_of(app, "#position")
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, TermScreen)
        await pilot.press("escape")
        await pilot.resize_terminal(200, 60)
        await pilot.pause(0)
        assert "paragraph 5 of 23" in text_of(app, "#position")


async def test_quit():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_broken_glossary_exits_with_code_2_and_its_problems(write_yaml):
    bad = write_yaml("entries:\n  - {id: a, category: nope, en: x}\n")
    app = make_app(glossaries=[bad])
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if app._exit:
                break
    assert app.return_code == 2


async def test_any_text_file_works(tmp_path: Path):
    path = tmp_path / "notes.md"
    path.write_text(
        "# Notes from Phnom Penh\n\nHun Sen met Moon Jae-in in Busan.\n\nSecond paragraph.\n",
        encoding="utf-8",
    )
    app = make_app(path, settings=Settings(glosses="ko"))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert app.sub_title == "Notes from Phnom Penh"
        await pilot.press("j")
        assert "Hun Sen ⟨훈 센⟩ met Moon Jae-in ⟨문재인⟩ in Busan ⟨부산⟩." in current_text(app)


async def test_gloss_follows_a_possessive():
    app = make_app(settings=Settings(glosses="ko"))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("1", "2", "g")
        assert current_text(app).startswith("Cambodia’s ⟨캄보디아⟩ friendly foreign policy")


def test_occurrence_list_packs_and_unpacks():
    from reader.state.session import Occurrence, OccurrenceList

    found = OccurrenceList()
    found.append(3, 10, 17)
    found.append(9, 0, 5)
    assert (
        len(found) == 2 and found[0] == Occurrence(3, 10, 17) and found[-1] == Occurrence(9, 0, 5)
    )
    assert found[1:] == [Occurrence(9, 0, 5)] and next(iter(found)).paragraph == 3
