"""Pilot tests: reading progress in the app (resume, read marks, time, term statuses,
statistics and library screens, and what the reader is told when storage fails)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import DataTable, Select

from reader.progress import ProgressStore, TermStatus
from reader.screens.browser import BrowserScreen
from reader.screens.help import HelpScreen
from reader.screens.library import LibraryScreen
from reader.screens.reading import ReadingScreen
from reader.screens.stats import StatisticsScreen
from reader.screens.term import TermScreen
from reader.ui.render import KNOWN_STYLE
from reader.widgets.page import PageView
from reader.widgets.term_card import TermCard
from tests.app_support import (
    loaded,
    make_app,
    marker_colour,
    marker_colour_for,
    text_of,
)
from tests.progress_support import Clock, notices, reading

NOTES = "# Notes from Phnom Penh\n\nHun Sen met Moon Jae-in in Busan.\n\nA second paragraph.\n"


def term_styles(app, entry_id: str) -> list[str]:
    """The text styles (not the click data) of the first mention of `entry_id` in the
    current paragraph."""
    screen = reading(app)
    session = screen.session
    link = next(k for k in session.links(session.current) if k.entry_id == entry_id)
    content = screen.query_one(PageView).paragraph(session.current, current=True)
    spans = (s for s in content.spans if s.start <= link.start < s.end)
    return [span.style for span in spans if isinstance(span.style, str)]


async def open_card_on(pilot, surface: str) -> None:
    """Tab to the term `surface` in the current paragraph and open its card."""
    session = reading(pilot.app).session
    surfaces = [link.surface for link in session.links(session.current)]
    await pilot.press(*["tab"] * (surfaces.index(surface) + 1), "enter")


async def test_quit_and_reopen_resumes_at_the_paragraph_with_the_same_statuses():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g")
        await open_card_on(pilot, "Prime Minister Hun Sen")
        await pilot.press("5", "escape", "4", "g")  # known; then 4g: digits jump again
        assert "paragraph 4 of 23" in text_of(app, "#position")
        await pilot.resize_terminal(60, 20)
        await pilot.press("j")
        await pilot.press("q")
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert "paragraph 5 of 23" in text_of(again, "#position")
        assert reading(again).terms.status("hun-sen") is TermStatus.KNOWN
        await pilot.press("3", "g")
        assert term_styles(again, "hun-sen") == [KNOWN_STYLE]  # dim, no colour, underlined
        assert term_styles(again, "asia") == ["underline $text-success bold"]  # still new


async def test_m_marks_the_paragraph_read_and_unread():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "m")
        assert "paragraph 1 of 23 ✓ · read 1 of 25 paragraphs · 4%" in text_of(app, "#position")
        assert marker_colour(app) == marker_colour_for(app, "page--marker-read")
        await pilot.press("j")
        assert marker_colour(app) == marker_colour_for(app, "page--marker")
        await pilot.press("k")
        assert marker_colour(app) == marker_colour_for(app, "page--marker-read")
        await pilot.press("m")
        assert "read 0 of 25 paragraphs" in text_of(app, "#position")
        await pilot.press("m")
    with ProgressStore(app.config.paths.data_dir) as store:
        (record,) = store.library()
        assert (record.read_count, record.paragraph_count) == (1, 25)


async def test_a_paragraph_is_read_after_a_dwell_and_time_counts_without_idling():
    clock = Clock()
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "j")  # the first paragraph flashed by: not read
        assert "read 0 of 25" in text_of(app, "#position")
        clock.advance(seconds=5)
        await pilot.press("k")  # moving back is not moving past
        assert "read 0 of 25" in text_of(app, "#position")
        clock.advance(seconds=5)
        await pilot.press("j")  # paragraph 1 was on screen 5 s, then passed
        clock.advance(minutes=30)  # the reader walked away: only 2 minutes count
        await pilot.press("j")
        assert "read 2 of 25 paragraphs · 8% · 2 min" in text_of(app, "#position")
        await pilot.press("q")
    with ProgressStore(app.config.paths.data_dir) as store:
        (record,) = store.library()
        assert record.read_count == 2
        assert record.reading_seconds == pytest.approx(130)
        (day,) = store.days()
        assert (day.paragraphs, day.seconds) == (2, pytest.approx(130))


async def test_the_last_paragraph_counts_as_read_when_closed_after_a_dwell():
    clock = Clock()
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("end")
        clock.advance(seconds=10)
        await pilot.press("q")
    with ProgressStore(app.config.paths.data_dir) as store:
        assert store.library()[0].read_count == 1


async def test_status_keys_on_the_card_and_digits_in_the_text():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g")
        await open_card_on(pilot, "Prime Minister Hun Sen")
        card = app.screen.query_one("#card", TermCard)
        assert reading(app).card_has_focus()
        status = str(card.query_one("#card-status").render())
        assert "new · looked up 1 time" in status
        await pilot.press("3")
        assert reading(app).terms.status("hun-sen") is TermStatus.LEARNING_3
        assert "learning-3" in str(card.query_one("#card-status").render())
        assert "go to" not in text_of(app, "#position")
        assert term_styles(app, "hun-sen") == ["underline $text-accent dim", "reverse bold"]
        await pilot.press("x")
        assert term_styles(app, "hun-sen") == ["reverse bold"]  # ignored: plain, but focused
        await pilot.press("escape")
        assert not reading(app).card_has_focus()
        await pilot.press("1", "2")
        assert "go to 12…" in text_of(app, "#position")
        assert reading(app).terms.status("hun-sen") is TermStatus.IGNORED
        await pilot.press("g")
        assert "paragraph 12 of 23" in text_of(app, "#position")
    with ProgressStore(app.config.paths.data_dir) as store:
        record = store.term("hun-sen")
        assert (record.status, record.lookups) == (TermStatus.IGNORED, 1)
        # Terms on screen were noted as seen ("anniversary" is inside the figure "23rd
        # anniversary", which takes it, so it is not a term on screen).
        assert "diplomatic-relations" in store.terms()


async def test_a_move_gives_the_keys_back_to_the_text():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g", "c")
        assert reading(app).card_has_focus()
        await pilot.press("j", "2")
        assert "go to 2…" in text_of(app, "#position")


async def test_status_keys_and_status_filter_in_the_browser():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("b")
        assert isinstance(app.screen, BrowserScreen)
        table = app.screen.query_one(DataTable)
        first = next(iter(table.rows)).value
        await pilot.press("5")
        assert table.get_cell(first, "status") == "known"
        app.screen.query_one("#status-filter", Select).value = "known"
        await pilot.pause(0)
        assert [r.value for r in table.rows] == [first]
        await pilot.press("2")  # no longer known: the row leaves the filter at once
        assert table.row_count == 0
        app.screen.query_one("#status-filter", Select).value = "learning"
        await pilot.pause(0)
        assert [r.value for r in table.rows] == [first]
        assert table.get_cell(first, "status") == "learn 2"
        await pilot.press("enter")
        assert isinstance(app.screen, TermScreen)
        await pilot.press("4", "escape")
        assert isinstance(app.screen, BrowserScreen)
        assert table.get_cell(first, "status") == "learn 4"
        await pilot.press("escape")
        assert reading(app).terms.status(str(first)) is TermStatus.LEARNING_4


async def test_help_and_palette_list_the_progress_commands():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Statistics", "Library", "Term status: known"):
            assert title in titles
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = {r.value for r in app.screen.query_one(DataTable).rows}
        assert {"read-mark", "status-0", "status-5", "status-x", "library", "statistics"} <= ids


async def test_statistics_show_the_days_reading_and_terms():
    clock = Clock()
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        for _ in range(3):
            await pilot.press("j")
            clock.advance(seconds=20)
        await pilot.press("j", "3", "g")
        await open_card_on(pilot, "Prime Minister Hun Sen")
        await pilot.press("5", "escape", "S")
        assert isinstance(app.screen, StatisticsScreen)
        summary = text_of(app, "#stats-summary")
        assert "Streak     1 day" in summary
        assert "Today      3 paragraphs · " in summary and "1 min" in summary
        assert "1 known" in summary
        bars = text_of(app, "#stats-day-bars").splitlines()
        assert len(bars) == 14 and bars[-1].startswith("Mon, Mar 10 █")
        assert "3 ¶" in bars[-1] and "·" in bars[0]
        assert "known      ▉                1" in text_of(app, "#stats-terms")
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_library_lists_documents_and_opens_another(tmp_path: Path):
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    first = make_app(notes)
    async with first.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "j")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("4", "g", "L")
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        titles = [table.get_row_at(i)[0] for i in range(2)]
        assert titles[0].startswith("▶ Op-ed") and titles[1] == "Notes from Phnom Penh"
        await pilot.press("down")
        assert text_of(app, "#library-detail").startswith(str(notes))
        await pilot.press("enter")
        await loaded(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.sub_title == "Notes from Phnom Penh"
        assert reading(app).session.current == 2  # where the notes were left
        assert "paragraph 2 of 2" in text_of(app, "#position")
        assert len(app.screen_stack) == 2  # replaced, not stacked
        await pilot.press("L")
        rows = [app.screen.query_one(DataTable).get_row_at(i)[0] for i in range(2)]
        assert rows[0] == "▶ Notes from Phnom Penh"
    with ProgressStore(app.config.paths.data_dir) as store:
        oped = next(r for r in store.library() if r.title.startswith("Op-ed"))
        assert oped.current_index == 4  # saved when it was replaced


async def test_a_document_whose_file_is_gone_is_one_line(tmp_path: Path):
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    async with make_app(notes).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
    notes.unlink()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("L", "down")
        assert "file gone" in text_of(app, "#library-detail")
        await pilot.press("enter")
        await pilot.pause(0)
        assert isinstance(app.screen, LibraryScreen)
        (told,) = [n for n in notices(app) if "notes.md" in n]
        assert "the file is gone" in told and "\n" not in told


async def test_a_corrupt_database_is_moved_aside_and_the_reader_told():
    app = make_app()
    data = app.config.paths.data_dir
    data.mkdir(parents=True)
    (data / "progress.sqlite3").write_bytes(b"this is not a database" * 100)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        (told,) = notices(app)
        assert "moved it to" in told and "\n" not in told
        await pilot.press("j", "m")
        assert "read 1 of 25" in text_of(app, "#position")


async def test_a_read_only_data_directory_reads_and_says_progress_is_not_saved(
    monkeypatch: pytest.MonkeyPatch,
):
    app = make_app()
    data = app.config.paths.data_dir
    data.mkdir(parents=True)
    real_access = os.access

    def access(path, mode, **kwargs) -> bool:
        inside = str(path).startswith(str(data))
        return not (inside and mode & os.W_OK) and real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        (told,) = notices(app)
        assert "progress cannot be saved" in told
        await pilot.press("j", "m")
        assert "read 1 of 25" in text_of(app, "#position") and "not saved" in text_of(
            app, "#position"
        )


async def test_failing_writes_are_reported_once():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        app.store._connection.execute("PRAGMA query_only = ON")
        await pilot.press("j", "j", "m", "j", "m")
        told = [n for n in notices(app) if "could not be saved" in n]
        assert len(told) == 1
