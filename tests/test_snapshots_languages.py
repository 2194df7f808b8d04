"""SVG snapshots of the interface in Khmer and in Korean: reading, help, statistics (100x30).

Update with `uv run pytest tests/test_snapshots_languages.py --snapshot-update` after an
intended change, and look at the SVGs (`rsvg-convert -w 1400 x.svg -o x.png`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from glossary import i18n
from reader.state.paths import user_paths
from reader.state.settings import Settings
from tests.app_support import loaded, make_app
from tests.test_snapshots_progress import NOW, SIZE, fill_store, settle, utc  # noqa: F401


@pytest.fixture(params=["km", "ko"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.use_language(request.param)
    yield request.param
    i18n.use_language("en")


def app(lang: str):
    fill_store(user_paths().data_dir)
    settings = Settings(theme="textual-dark", ui_lang=lang)
    return make_app(settings=settings, clock=lambda: NOW)


def test_reading_screen(snap_compare, lang):
    async def run_before(pilot):
        await loaded(pilot)
        await pilot.press("3", "g")
        await settle(pilot)

    assert snap_compare(app(lang), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, lang):
    async def run_before(pilot):
        await loaded(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app(lang), terminal_size=SIZE, run_before=run_before)


def test_statistics_screen(snap_compare, lang):
    async def run_before(pilot):
        await loaded(pilot)
        await pilot.press("S")
        await settle(pilot)

    assert snap_compare(app(lang), terminal_size=SIZE, run_before=run_before)
