"""What a screen may ask of the app, without importing it.

`reader.app` imports the screens, so a screen importing the app back would close a
circle. A screen reaches the app as `host(self)`: the same object as `self.app`, seen
through `ReaderHost`, which `TonleApp` satisfies (checked by mypy in reader/app.py;
tests/test_import_contracts.py fails when a screen or widget imports reader.app).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.message import Message

    from reader.progress import ProgressStore
    from reader.state.config import ReaderConfig


class ReaderHost(Protocol):
    """The app's services and navigation, as the screens see them."""

    config: ReaderConfig
    store: ProgressStore | None

    def open_reading(self, config: ReaderConfig) -> None:
        """Read `config.document` in place of the open text (every screen over it closes)."""

    def save_reading(self) -> str:
        """Save the open text's progress now; its document id ("" when none is open)."""

    def save_settings(self) -> None:
        """Write `config.settings` to disk."""

    def back_to_reading(self, message: Message) -> None:
        """Close the screens over the reading screen and hand it `message`."""


def host(node: DOMNode) -> ReaderHost:
    """The app `node` runs in, as a `ReaderHost`."""
    return cast("ReaderHost", node.app)
