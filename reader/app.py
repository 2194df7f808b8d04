"""The Tonle app: stylesheet, global bindings, screen routing and the command palette."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from glossary.i18n import N_, _, current_language, use_language
from reader.progress import ProgressStore
from reader.state.config import ReaderConfig
from reader.state.settings import save_settings
from reader.state.term_statuses import TermStatuses
from reader.state.writer import SerialWriter
from reader.terminal import rich_patch
from reader.terminal import text as terminal_text
from reader.ui.commands import APP_COMMANDS, Command, bindings, key_label
from reader.ui.localize import localized

# Textual's own palette commands, marked so that the catalogs translate them too.
TEXTUAL_COMMANDS = (
    N_("Bell"),
    N_("Ring the bell"),
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


def key_help(keys: str) -> str:
    """`key: j / ↓`, the line under a command in the palette."""
    return _("key: {keys}").format(keys=key_label(keys))


def _width_model(name: str) -> terminal_text.WidthModel:
    try:
        return terminal_text.WidthModel(name)
    except ValueError:
        return terminal_text.DEFAULT_MODEL


class TonleApp(App[None]):
    """Reads one document with its glossary."""

    CSS_PATH = Path(__file__).parent / "tonle.tcss"
    TITLE = "Tonle"
    # The palette key is declared here (not left to Textual) so that its footer label,
    # "palette", is translated when the app is created through `localized()`.
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(APP_COMMANDS),
        Binding("ctrl+p", "command_palette", N_("palette"), show=False, priority=True),
    ]

    def __init__(self, config: ReaderConfig) -> None:
        # Khmer-correct widths and line breaks must be in place before anything is laid out.
        rich_patch.install(_width_model(config.settings.width_model))
        super().__init__()
        self.config = config
        self._told: set[str] = set()
        # Reading progress, opened in on_mount (so its notices can be shown); screens
        # receive the store and the statuses, never reach for them.
        self.store: ProgressStore | None = None
        self.terms: TermStatuses | None = None
        self.writer = SerialWriter()

    @dataclass
    class ProgressNotice(Message):
        """A notice from the store (posted: the store may speak from the writer thread)."""

        text: str

    def on_unmount(self) -> None:
        rich_patch.uninstall()
        self.writer.close()  # after the screens: they queue their last writes on unmount
        if self.store is not None:
            self.store.close()

    def on_mount(self) -> None:
        from reader.screens.reading import ReadingScreen

        self.theme = self.config.settings.theme
        self.sub_title = self.config.document.title
        self.store = ProgressStore(
            self.config.paths.data_dir,
            on_message=lambda text: self.post_message(self.ProgressNotice(text)),
            clock=self.config.clock,
        )
        self.terms = TermStatuses(self.store, self.writer)
        self.push_screen(localized(ReadingScreen)(self.config, self.store, self.terms, self.writer))

    def on_tonle_app_progress_notice(self, notice: ProgressNotice) -> None:
        """Show a store notice once (a failing disk would otherwise repeat "could not be
        saved" at every keypress)."""
        message = notice.text
        kind = "unsaved" if "be saved" in message else message
        if kind not in self._told:
            self._told.add(kind)
            self.notify(message, title=_("Reading progress"), severity="warning", timeout=10)

    def open_reading(self, config: ReaderConfig) -> None:
        """Replace the reading screen (and every screen over it) with one for `config`."""
        from reader.screens.reading import ReadingScreen

        if self.store is None or self.terms is None:
            return
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ReadingScreen):
            self.pop_screen()
        self.config = config
        self.sub_title = config.document.title
        screen = localized(ReadingScreen)(
            config, self.store, self.terms, self.writer, exit_on_bad_glossary=False
        )
        if isinstance(self.screen, ReadingScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def save_reading(self) -> str:
        """Save the open document's progress now (before a screen reads the store);
        return its document id."""
        reading = self._reading_screen()
        if reading is not None:
            reading.save_progress()
        self.writer.wait()
        return reading.tracker.doc_id if reading else ""

    def back_to_reading(self, message: Message) -> None:
        """Close every screen over the reading screen and post `message` to it."""
        reading = self._reading_screen()
        if reading is None:
            return
        while self.screen is not reading:
            self.pop_screen()
        reading.post_message(message)

    def _reading_screen(self) -> ReadingScreen | None:
        from reader.screens.reading import ReadingScreen

        return next((s for s in self.screen_stack if isinstance(s, ReadingScreen)), None)

    def action_statistics(self) -> None:
        from reader.screens.stats import StatisticsScreen

        if self.store is not None and not isinstance(self.screen, StatisticsScreen):
            self.save_reading()
            self.push_screen(localized(StatisticsScreen)(self.store, self.config.clock))

    def action_library(self) -> None:
        from reader.screens.library import LibraryScreen

        if self.store is not None and not isinstance(self.screen, LibraryScreen):
            screen = localized(LibraryScreen)(self.store, self.config, self.save_reading())
            self.push_screen(screen)

    def watch_theme(self, theme: str) -> None:
        """Remember the chosen theme for next time."""
        if theme != self.config.settings.theme:
            self.config.settings.theme = theme
            self.save_settings()

    def save_settings(self) -> None:
        save_settings(self.config.paths.settings_file, self.config.settings)

    def action_language(self) -> None:
        from reader.screens.language import LanguageScreen

        if not isinstance(self.screen, LanguageScreen):
            self.push_screen(localized(LanguageScreen)(), self.set_language)

    def set_language(self, lang: str | None) -> None:
        """Switch the interface language now, and remember it: the screens are rebuilt
        in the new language (the reading screen resumes where it was)."""
        if lang is None or lang == current_language():
            return
        use_language(lang)
        self.config.settings.ui_lang = lang
        self.save_settings()
        self.open_reading(self.config)

    def action_khmer_digits(self) -> None:
        """Figures in Khmer digits in the Khmer interface, or back to 0–9 (remembered)."""
        settings = self.config.settings
        settings.khmer_digits = not settings.khmer_digits
        self.save_settings()
        redraw = getattr(self.screen, "refresh_numbers", None)
        if callable(redraw):
            redraw()

    def action_help(self) -> None:
        from reader.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(localized(HelpScreen)(self.commands_for(self.screen)))

    def action_browse(self) -> None:
        from reader.screens.browser import BrowserScreen

        reading = self._reading_screen()
        if reading is not None and not isinstance(self.screen, BrowserScreen):
            browser = localized(BrowserScreen)(reading.session, reading.gloss_options, self.terms)
            self.push_screen(browser)

    def action_export(self) -> None:
        from reader.screens.export import open_export

        open_export(self)

    @staticmethod
    def commands_for(screen: Screen[object]) -> list[Command]:
        """The screen's own commands, then the app's."""
        return list(getattr(screen, "COMMANDS_DATA", [])) + APP_COMMANDS

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands (themes, keys, quit) plus every Tonle command."""
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))
        for command in getattr(screen, "COMMANDS_DATA", []):
            if command.palette:
                run = partial(screen.run_action, command.action)
                yield SystemCommand(_(command.description), key_help(command.keys), run)
        for command in (c for c in APP_COMMANDS if c.palette):
            yield SystemCommand(
                _(command.description),
                key_help(command.keys),
                partial(self.run_action, command.action),
            )


if TYPE_CHECKING:
    from reader.screens.reading import ReadingScreen
    from reader.ui.host import ReaderHost

    def _serves_the_screens(app: TonleApp) -> ReaderHost:
        return app  # mypy: TonleApp is what the screens ask for (reader.ui.host)
