"""SVG snapshots of the statistics and library screens, 100x30, on fixed progress data.

The store is filled beforehand with a fake clock (two weeks of reading, term statuses,
two documents opened from paths that do not exist, so nothing depends on the machine);
the app runs with a fixed clock in UTC. Update with `uv run pytest
tests/test_snapshots_progress.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from glossary.document import parse_document
from reader.progress import ProgressStore, TermStatus
from reader.state.paths import user_paths
from reader.state.settings import Settings
from tests.app_support import loaded, make_app
from tests.progress_support import Clock

SIZE = (100, 30)
NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
ESSAY = "A Short Essay\n\n" + "\n\n".join(
    f"Paragraph {n} of the essay, about Phnom Penh and Seoul, has a few more words."
    for n in range(1, 11)
)
NOTES = "Field notes\n\nHun Sen met Moon Jae-in.\n\nA second paragraph.\n\nA third."
# Days before NOW, and the essay paragraphs read that day (a gap breaks the streak).
READING = {11: [1, 2], 9: [3], 3: [4, 5, 6], 2: [7], 1: [8, 9], 0: [10]}
STATUSES = {
    "hun-sen": TermStatus.KNOWN,
    "cambodia": TermStatus.KNOWN,
    "phnom-penh": TermStatus.LEARNING_3,
    "seoul": TermStatus.LEARNING_1,
    "korea": TermStatus.IGNORED,
}


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local days and times in UTC, whatever the machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def fill_store(data_dir: Path) -> None:
    """Two documents, reading on six of the last twelve days, five term statuses."""
    clock = Clock(NOW - timedelta(days=12))
    with ProgressStore(data_dir, clock=clock) as store:
        notes = parse_document(NOTES)
        notes_id = store.open_document(notes, Path("/texts/notes.md"), [Path("/texts/g.yaml")]).id
        store.mark_read(notes_id, notes.paragraphs[1])
        essay = parse_document(ESSAY)
        for days_ago, paragraphs in sorted(READING.items(), reverse=True):
            clock.now = NOW - timedelta(days=days_ago, hours=2)
            record = store.open_document(essay, Path("/texts/essay.md"), [Path("/texts/g.yaml")])
            for index in paragraphs:
                store.mark_read(record.id, essay.paragraphs[index])
            store.add_reading_time(record.id, 240.0 * len(paragraphs))
        store.see_terms(["asia", "busan", *STATUSES])
        for entry_id, status in STATUSES.items():
            store.set_term_status(entry_id, status)


def app():
    fill_store(user_paths().data_dir)
    settings = Settings(theme="textual-dark", ui_lang="en")
    return make_app(settings=settings, clock=lambda: NOW)


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


def test_statistics_screen(snap_compare):
    async def run_before(pilot):
        await loaded(pilot)
        await pilot.press("S")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=run_before)


def test_library_screen(snap_compare):
    async def run_before(pilot):
        await loaded(pilot)
        await pilot.press("L", "down")  # the essay: its path, gone, in the detail line
        await settle(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=run_before)
