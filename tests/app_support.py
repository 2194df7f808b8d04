"""Helpers for Pilot tests: build the app on a document and read what it shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.geometry import Region
from textual.widgets import Static

from glossary.document import read_document
from reader.app import TonleApp
from reader.progress.times import now_utc
from reader.state.config import ReaderConfig
from reader.state.paths import shipped_glossary, user_paths
from reader.state.settings import Settings
from reader.ui.localize import localized
from reader.widgets.page import TEXT_INSET, PageView
from tests.conftest import OPED


def make_app(
    document_path: Path = OPED,
    glossaries: list[Path] | None = None,
    settings: Settings | None = None,
    clock: Callable[[], datetime] = now_utc,
) -> TonleApp:
    config = ReaderConfig(
        read_document(document_path),
        glossaries if glossaries is not None else [shipped_glossary()],
        user_paths(),
        settings or Settings(),
        document_path=document_path,
        clock=clock,
    )
    config.personal_glossary = user_paths().personal_glossary  # as `tonle read` gives it
    return localized(TonleApp)(config)


async def loaded(pilot, timeout: float = 10.0) -> None:
    """Wait until the glossary worker has delivered its links and occurrences."""
    app = pilot.app
    for _ in range(int(timeout / 0.02)):
        await pilot.pause(0.02)
        screen = app.screen_stack[1] if len(app.screen_stack) > 1 else app.screen
        session = getattr(screen, "session", None)
        if session is not None and session.occurrences is not None:
            return
    raise AssertionError("glossary never loaded")


def text_of(app: TonleApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return str(widget.render())


def screen_text(app: TonleApp) -> str:
    """All the characters on screen, line by line (what a terminal would show)."""
    return "\n".join(line.text for line in app.screen._compositor.render_strips())


def current_text(app: TonleApp) -> str:
    """The current paragraph as the page draws it (glosses included)."""
    return app.screen.query_one(PageView).current_content.plain


def current_region(app: TonleApp) -> Region:
    """Where the current paragraph's text is on screen."""
    return app.screen.query_one(PageView).current_region


def marker_colour(app: TonleApp) -> object:
    """The colour of the bar left of the current paragraph, as drawn on screen."""
    region = current_region(app)
    return app.screen.get_style_at(region.x - TEXT_INSET, region.y).color


def marker_colour_for(app: TonleApp, component: str) -> object:
    """The colour the stylesheet gives the bar in state `component`."""
    return app.screen.query_one(PageView).get_component_rich_style(component).color
