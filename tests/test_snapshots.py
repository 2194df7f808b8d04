"""SVG snapshots (pytest-textual-snapshot) of Tonle's screens with Khmer and Korean, 100x30.

Update after an intended change of the screens with `uv run pytest tests/test_snapshots.py
--snapshot-update`, then look at the new SVGs (e.g. `rsvg-convert -w 1400 x.svg -o x.png`).
The SVG renderer draws Khmer with its own font metrics; alignment is judged from the text grid
(tests/test_khmer_sweep.py and tests/test_tmux_alignment.py check it cell by cell).
"""

from __future__ import annotations

from datetime import UTC, datetime

from reader.state.settings import Settings
from tests.app_support import loaded, make_app

SIZE = (100, 30)


def fixed_clock() -> datetime:
    return datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def app(glosses: str = "off"):
    """The bundled op-ed with fixed settings and clock (data dirs are per test, see conftest)."""
    settings = Settings(theme="textual-dark", glosses=glosses, ui_lang="en")
    return make_app(settings=settings, clock=fixed_clock)


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


def test_reading_screen(snap_compare):
    async def run_before(pilot):
        await loaded(pilot)
        await pilot.press("3", "g")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=run_before)


def test_interlinear_khmer_and_korean(snap_compare):
    async def run_before(pilot):
        await loaded(pilot)
        await pilot.press("4", "g")
        await settle(pilot)

    assert snap_compare(app("both"), terminal_size=SIZE, run_before=run_before)


def test_term_card_with_khmer(snap_compare):
    async def run_before(pilot):
        await loaded(pilot)
        await pilot.press("3", "g")
        pilot.app.screen.action_open_term("kingdom-of-cambodia")
        await settle(pilot)

    assert snap_compare(app("both"), terminal_size=SIZE, run_before=run_before)


def test_term_card_with_zwsp_khmer_full_screen(snap_compare):
    """mfaic: Khmer words joined by U+200B, a variant; the card as a whole screen."""

    async def run_before(pilot):
        await loaded(pilot)
        pilot.app.screen.action_open_term("mfaic")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=(60, 30), run_before=run_before)


def test_glossary_browser_with_khmer(snap_compare):
    async def run_before(pilot):
        await loaded(pilot)
        await pilot.press("b")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=run_before)
