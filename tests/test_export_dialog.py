"""Pilot tests: the export dialog, opened from the glossary browser and the palette."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Select

from glossary.document import read_document
from glossary.export import ExportRequest, render, writer
from glossary.loader import load_or_raise
from reader.progress import ProgressStore, TermStatus
from reader.screens.browser import BrowserScreen
from reader.screens.export import ExportScreen, ExportSetup
from reader.screens.reading import ReadingScreen
from reader.state.export_choices import ExportChoices
from reader.state.paths import shipped_glossary
from tests.app_support import loaded, make_app, screen_text
from tests.conftest import OPED


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def exporting_app(work_dir: Path):
    app = make_app()
    app.config.work_dir = work_dir
    return app


async def open_from_browser(pilot) -> ExportScreen:
    await loaded(pilot)
    await pilot.press("b")
    assert isinstance(pilot.app.screen, BrowserScreen)
    await pilot.press("e")
    assert isinstance(pilot.app.screen, ExportScreen)
    return pilot.app.screen


async def export_now(pilot, dialog: ExportScreen, *, click: bool = False) -> None:
    """Press Enter in the file name (or click Export) and wait for the notification.

    Clicks only where no toast can be showing: a toast covers the Export button."""
    before = len(notices(pilot.app))
    if click:
        await pilot.click("#export-run")
    else:
        dialog.query_one("#export-output", Input).focus()
        await pilot.press("enter")
    await until(pilot, lambda: len(notices(pilot.app)) > before and not dialog.running)


async def until(pilot, condition) -> None:
    """Let the app process messages until `condition()` holds (15 s at most)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        await pilot.pause(0.01)
        if condition():
            return
    raise AssertionError("never happened")


def notices(app, severity: str | None = None) -> list[str]:
    return [n.message for n in app._notifications if severity in (None, n.severity)]


def expected(app, fmt: str, **options) -> str | bytes:
    """What the command line's engine renders for the same choices (today's date)."""
    glossary = next(s for s in app.screen_stack if isinstance(s, ReadingScreen)).glossary
    (part,), _ = render(ExportRequest(glossary, format=fmt, **options))
    return part.content


async def test_browser_e_exports_a_markdown_sheet(out: Path):
    app = exporting_app(out)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_from_browser(pilot)
        target = out / "tonle-glossary.md"
        assert dialog.query_one("#export-output", Input).value == str(target)
        assert "Export the glossary" in screen_text(app) and "Writes tonle-glossary.md" in (
            screen_text(app)
        )
        await export_now(pilot, dialog, click=True)
        assert isinstance(app.screen, BrowserScreen)  # the dialog closed
        (message,) = notices(app)
        count = len(load_or_raise([shipped_glossary()]).glossary.entries)
        assert message == f"Exported {count} entries to {target}"
        content = target.read_text(encoding="utf-8")
        assert content == expected(app, "md", order="en")  # the browser's sort
        assert content.startswith("# ") and "ហ៊ុន សែន" in content and "훈 센" in content


async def test_palette_command_exports_a_csv_of_the_terms_in_this_text(out: Path):
    app = exporting_app(out)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"export the glossary")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.1)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        dialog.query_one("#export-format", Select).value = "csv"
        dialog.query_one("#export-lang-km", Checkbox).value = False
        dialog.query_one("#export-in-text", Checkbox).value = True
        target = out / "tonle-glossary.csv"
        output = dialog.query_one("#export-output", Input)
        await until(pilot, lambda: output.value == str(target))  # the extension follows
        await export_now(pilot, dialog)
        assert isinstance(app.screen, ReadingScreen)
        assert notices(app) and notices(app)[-1].endswith(f"entries to {target}")
        data = target.read_bytes().decode("utf-8")  # csv lines end in CRLF
        document = read_document(OPED)
        assert data == expected(app, "csv", langs=("en", "ko"), document=document)
        rows = list(csv.reader(io.StringIO(data)))
        assert "context" in rows[0] and not any(c.startswith("km") for c in rows[0])
        assert {row[0] for row in rows[1:]} >= {"hun-sen", "korean-dmz"}
        assert f"{len(rows) - 1} entries" in notices(app)[-1]


async def test_the_extension_follows_the_format_and_omegat_names_two_files(out: Path):
    app = exporting_app(out)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_from_browser(pilot)
        output = dialog.query_one("#export-output", Input)
        output.value = "sheet.md"
        dialog.query_one("#export-format", Select).value = "html"
        await until(pilot, lambda: output.value == "sheet.html")
        dialog.query_one("#export-format", Select).value = "omegat"
        await until(pilot, lambda: output.value == "sheet.txt")
        assert "Writes sheet.km.txt and sheet.ko.txt" in str(
            dialog.query_one("#export-hint").render()
        )


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ({"#export-lang-km": False, "#export-lang-ko": False}, "choose at least two languages"),
        ({"#export-output": "missing/x.md"}, "cannot write {out}/missing/x.md: there is no folder"),
        ({"#export-output": "file.txt/x.md"}, "there is no folder {out}/file.txt"),
        ({"#export-output": ""}, "give a file to write to"),
        ({"#export-output": "."}, "is a folder; give a file name"),
        ({"#export-format": "apkg", "#export-lang-en": False}, "apkg needs English"),
    ],
)
async def test_a_choice_that_cannot_work_is_one_clear_message(out: Path, setup, message):
    (out / "file.txt").write_text("not a folder", encoding="utf-8")
    app = exporting_app(out)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_from_browser(pilot)
        for selector, value in setup.items():
            dialog.query_one(selector).value = value
        hint = dialog.query_one("#export-hint")
        await until(pilot, lambda: message.format(out=out) in str(hint.render()))
        assert str(hint.render()).startswith("⚠")  # said before anything is tried
        await export_now(pilot, dialog)
        assert app.screen is dialog  # still open, to fix
        (error,) = notices(app, "error")
        assert message.format(out=out) in error and "\n" not in error
    assert sorted(p.name for p in out.iterdir()) == ["file.txt"]


async def test_a_failed_write_is_a_notification_not_a_crash(
    out: Path, monkeypatch: pytest.MonkeyPatch
):
    def no_space(targets: list[tuple[Path, bytes]]) -> None:
        raise OSError(28, "No space left on device", str(targets[0][0]))

    # Only the export's writing fails (not os.replace everywhere: settings use it too).
    monkeypatch.setattr(writer, "write_all", no_space)
    app = exporting_app(out)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_from_browser(pilot)
        await export_now(pilot, dialog)
        assert app.screen is dialog
        (error,) = notices(app, "error")
        assert error == f"cannot write {out / 'tonle-glossary.md'}: No space left on device"
        monkeypatch.undo()
        await export_now(pilot, dialog)  # fixed: try again
        assert (out / "tonle-glossary.md").exists()
    assert app.return_code is None or app.return_code == 0


async def test_status_and_read_filters_use_reading_progress(out: Path, tmp_path: Path):
    document = read_document(OPED)
    with ProgressStore(tmp_path / "data") as store:
        record = store.open_document(document, OPED)
        grants = next(p for p in document.paragraphs if "grants" in p.text)
        store.mark_read(record.id, grants)
        store.set_term_status("grant", TermStatus.KNOWN)
        store.set_term_status("hun-sen", TermStatus.KNOWN)
    app = exporting_app(out)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_from_browser(pilot)
        assert not dialog.query_one("#export-status", Select).disabled
        dialog.query_one("#export-format", Select).value = "json"
        dialog.query_one("#export-status", Select).value = "known"
        await export_now(pilot, dialog)
        assert notices(app)[-1] == f"Exported 2 entries to {out / 'tonle-glossary.json'}"
        await pilot.press("e")
        dialog = app.screen
        dialog.query_one("#export-seen", Checkbox).value = True
        dialog.query_one("#export-status", Select).value = "known"
        await export_now(pilot, dialog)
        assert notices(app)[-1] == f"Exported 1 entry to {out / 'tonle-glossary.md'}"
        assert "**grant" in (out / "tonle-glossary.md").read_text(encoding="utf-8").lower()


async def test_without_progress_the_progress_filters_are_off(out: Path):
    app = exporting_app(out)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        reading = app.screen
        setup = ExportSetup(reading.glossary, reading.session.document, out)  # no store
        app.push_screen(ExportScreen(setup, ExportChoices(output="x.md")))
        await until(pilot, lambda: isinstance(app.screen, ExportScreen))
        dialog = app.screen
        assert dialog.query_one("#export-status", Select).disabled
        assert dialog.query_one("#export-seen", Checkbox).disabled
        assert "no reading progress yet" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is reading


async def test_the_dialog_starts_from_the_browsers_category(out: Path):
    app = exporting_app(out)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("b")
        browser = app.screen
        browser.query_one("#category", Select).value = "person"
        await until(pilot, lambda: browser.category == "person")
        browser.query_one("#category", Select).value = Select.NULL  # "all categories" again
        await until(pilot, lambda: browser.category is None)
        browser.query_one("#category", Select).value = "person"
        await until(pilot, lambda: browser.category == "person")
        browser.query_one("#entries").focus()
        await pilot.press("e")
        dialog = app.screen
        assert dialog.query_one("#export-category", Select).value == "person"
        await export_now(pilot, dialog)
        sheet = (out / "tonle-glossary.md").read_text(encoding="utf-8")
        assert "### Hun Sen" in sheet and "### Phnom Penh" not in sheet


async def test_a_paragraph_marked_read_just_now_counts(out: Path):
    document = read_document(OPED)
    body = [p for p in document.paragraphs if p.kind.name == "BODY"]
    number = next(n for n, p in enumerate(body, 1) if "grants" in p.text)
    app = exporting_app(out)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press(*str(number), "g", "m", "e")  # go there, mark it read, export
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        dialog.query_one("#export-seen", Checkbox).value = True
        await export_now(pilot, dialog)
        sheet = (out / "tonle-glossary.md").read_text(encoding="utf-8")
        assert "**grants**" in sheet.lower() and "### Hun Sen" not in sheet
