"""The Tonle app: stylesheet, global bindings, screen routing and the command palette."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from glossary.document import Document
from reader import terminal_text
from reader.commands import APP_COMMANDS, Command, bindings
from reader.paths import Paths
from reader.settings import Settings, save_settings


@dataclass
class ReaderConfig:
    """Everything the app needs, decided before it starts (nothing is read from globals)."""

    document: Document
    glossary_files: list[Path]
    paths: Paths
    settings: Settings = field(default_factory=Settings)
    # Where exports are saved unless a full path is given: the directory Tonle started in.
    work_dir: Path = field(default_factory=Path.cwd)


def _width_model(name: str) -> terminal_text.WidthModel:
    try:
        return terminal_text.WidthModel(name)
    except ValueError:
        return terminal_text.DEFAULT_MODEL


class TonleApp(App[None]):
    """Reads one document with its glossary."""

    CSS_PATH = Path(__file__).parent / "tonle.tcss"
    TITLE = "Tonle"
    BINDINGS = bindings(APP_COMMANDS)

    def __init__(self, config: ReaderConfig) -> None:
        # Khmer-correct widths and line breaks must be in place before anything is laid out.
        terminal_text.install(_width_model(config.settings.width_model))
        super().__init__()
        self.config = config

    def on_unmount(self) -> None:
        terminal_text.uninstall()

    def on_mount(self) -> None:
        from reader.screens.reading import ReadingScreen

        self.theme = self.config.settings.theme
        self.sub_title = self.config.document.title
        self.push_screen(ReadingScreen(self.config))

    def watch_theme(self, theme: str) -> None:
        """Remember the chosen theme for next time."""
        if theme != self.config.settings.theme:
            self.config.settings.theme = theme
            self.save_settings()

    def save_settings(self) -> None:
        save_settings(self.config.paths.settings_file, self.config.settings)

    def action_help(self) -> None:
        from reader.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.commands_for(self.screen)))

    def action_browse(self) -> None:
        from reader.screens.browser import BrowserScreen
        from reader.screens.reading import ReadingScreen

        reading = next((s for s in self.screen_stack if isinstance(s, ReadingScreen)), None)
        if reading is not None and not isinstance(self.screen, BrowserScreen):
            self.push_screen(BrowserScreen(reading.session, reading.gloss_options))

    def action_export(self) -> None:
        from reader.screens.export import open_export

        open_export(self)

    @staticmethod
    def commands_for(screen: Screen[object]) -> list[Command]:
        """The screen's own commands, then the app's."""
        return list(getattr(screen, "COMMANDS_DATA", [])) + APP_COMMANDS

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands (themes, keys, quit) plus every Tonle command."""
        yield from super().get_system_commands(screen)
        for command in getattr(screen, "COMMANDS_DATA", []):
            if command.palette:
                run = partial(screen.run_action, command.action)
                yield SystemCommand(command.description, f"key: {command.keys}", run)
        for command in APP_COMMANDS[:2]:
            yield SystemCommand(
                command.description,
                f"key: {command.keys}",
                partial(self.run_action, command.action),
            )
