"""The reading screen: the text, the term card beside it, search, and the position line.

The text is on screen at once, at the paragraph where the reader left it; the glossary
loads and links in a worker thread, and its result arrives as a `GlossaryReady` message
(the UI changes only in handlers). The term card and term statuses are in
`reading_terms`, read marks and reading time in `reading_progress` (both mixed in).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from glossary.figures import Figure, figure_card
from glossary.i18n import N_, _, ngettext
from glossary.model import Glossary
from reader.progress import ProgressStore
from reader.screens.reading_grow import GrowActions
from reader.screens.reading_progress import ProgressActions
from reader.screens.reading_terms import NARROW as NARROW  # re-exported: tests use it
from reader.screens.reading_terms import TermActions
from reader.state.config import ReaderConfig
from reader.state.session import OccurrenceList, ReadingSession
from reader.state.term_statuses import TermStatuses
from reader.state.tracker import FLUSH_SECONDS, ReadingTracker
from reader.state.writer import SerialWriter
from reader.ui.commands import READING_COMMANDS, TERM_STATUS_COMMANDS, bindings
from reader.ui.host import host
from reader.ui.localize import digits
from reader.ui.render import FIGURE_META, PARAGRAPH_META, TERM_META, GlossOptions
from reader.widgets.page import PageView
from reader.widgets.position import PositionLine
from reader.widgets.term_card import TermCard

if TYPE_CHECKING:
    from glossary.layers import Combined, Layers
    from glossary.linker import Linker
    from glossary.loader import LoadResult

GLOSS_CYCLE = ("off", "both", "km", "ko")
GLOSS_NAMES = {
    "off": N_("off"),
    "both": N_("Khmer and Korean"),
    "km": N_("Khmer"),
    "ko": N_("Korean"),
}


def prepare_words(language: str | None) -> None:
    """For a Khmer or Korean text, load the word segmenter or the analyser (in the glossary
    worker: they take a second) so that linking a paragraph never waits for them; a Khmer
    text's lines then break between words."""
    from glossary import khmer_words, korean_words
    from reader.terminal.text import set_word_breaker

    if language == "km":
        khmer_words.warm_up()
        set_word_breaker(khmer_words.word_starts)
    elif language == "ko":
        korean_words.warm_up()


class ReadingScreen(TermActions, ProgressActions, GrowActions, Screen[None]):
    # The status keys are bound on the term card; listed here for help and the palette.
    COMMANDS_DATA = READING_COMMANDS + TERM_STATUS_COMMANDS
    BINDINGS = bindings(READING_COMMANDS)
    AUTO_FOCUS = ""  # keys go to the text; the card takes focus only when opened

    @dataclass
    class GlossaryReady(Message):
        result: LoadResult
        linker: Linker | None
        layers: Layers | None = None
        combined: Combined | None = None

    @dataclass
    class OccurrencesReady(Message):
        occurrences: dict[str, OccurrenceList]

    def __init__(
        self,
        config: ReaderConfig,
        store: ProgressStore,
        terms: TermStatuses,
        writer: SerialWriter,
        *,
        exit_on_bad_glossary: bool = True,
    ) -> None:
        """Opens the document in `store` (resuming there); with `exit_on_bad_glossary`
        False (another document was open), a broken glossary is a notice, not an exit."""
        super().__init__()
        self.config, self.terms = config, terms
        self.exit_on_bad_glossary = exit_on_bad_glossary
        paths = config.glossary_files
        self.tracker = ReadingTracker(
            store, writer, config.document, config.document_path, paths, config.clock
        )
        self.session = ReadingSession(
            config.document, current=self.tracker.start, language=config.language
        )
        self.session.statuses, self.session.read = terms.statuses, self.tracker.read
        self.digits = ""
        self.card_entry: str | None = None
        self.personal_problems: list[str] = []

    @property
    def gloss_options(self) -> GlossOptions:
        settings = self.config.settings
        return GlossOptions(
            settings.glosses,  # type: ignore[arg-type]
            settings.romanize_khmer,
            self.session.language or "en",
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield PageView(self.session, id="page")
            yield TermCard(id="card", classes="-hidden")
        yield PositionLine(id="position")
        yield Input(
            placeholder=_("Search the text (Enter to find, Esc to close)"),
            id="search",
            classes="-hidden",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PageView).options = self.gloss_options
        self.redraw()
        self.set_interval(FLUSH_SECONDS, self.save_progress)
        # Start loading only after the first frame: the worker thread would otherwise
        # compete with the first paint for the interpreter.
        self.call_after_refresh(self.load_glossary)

    # --- loading ---------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="glossary")
    def load_glossary(self) -> None:
        """Load, validate and index the glossary off the UI thread."""
        # Imported here: PyYAML and pyahocorasick are not needed before the first paint.
        from glossary.layers import Layers
        from glossary.linker import Linker
        from glossary.loader import load

        cache_dir = self.config.paths.glossary_cache
        result = load(self.config.glossary_files, cache_dir=cache_dir)
        if not result.ok:
            self.post_message(self.GlossaryReady(result, None))
            return
        # Shared: a language switch, which opens a new screen, gets the same matcher.
        prepare_words(self.session.language)
        layers = Layers.build(result.glossary, Linker.shared(result.glossary, cache_dir=cache_dir))
        combined = layers.combine(self._personal(result))
        self.post_message(self.GlossaryReady(result, combined.linker, layers, combined))

    def _personal(self, result: LoadResult) -> Glossary:
        """The personal glossary as read (its problems join `result`'s, as warnings of a
        kind: the reader still opens, without the entries it cannot use)."""
        from glossary.personal import GlossaryFile, WriteRefused

        path = self.config.personal_glossary
        if path is None or not path.is_file():
            return Glossary(())
        try:
            personal = GlossaryFile(path).read()
        except WriteRefused as error:
            self.personal_problems = [str(error)]
            return Glossary(())
        self.personal_problems = [str(p) for p in personal.errors]
        return personal.glossary if personal.ok else Glossary(())

    def on_unmount(self) -> None:
        from reader.terminal.text import set_word_breaker

        set_word_breaker(None)  # the next text may not be Khmer
        self.tracker.finish()
        self.terms.save_seen()

    def on_screen_resume(self) -> None:
        self.redraw()  # a status may have changed on another screen

    def on_reading_screen_glossary_ready(self, message: GlossaryReady) -> None:
        if message.linker is None:
            errors = "\n".join(str(p) for p in message.result.errors)
            if self.exit_on_bad_glossary:
                self.app.exit(return_code=2, message=errors)
            else:
                self.notify(errors.splitlines()[0], severity="error", timeout=10)
            return
        self.glossary_layers, self.combined = message.layers, message.combined
        glossary = message.combined.glossary if message.combined else message.result.glossary
        self.session.attach(glossary, message.linker)
        self.redraw()
        self.index_occurrences()
        problems = self.personal_problems + [
            str(p) for p in (message.combined.problems if message.combined else [])
        ]
        if problems:
            self.notify(problems[0], severity="error", timeout=10)

    @work(thread=True, exclusive=True, group="occurrences")
    def index_occurrences(self) -> None:
        self.post_message(self.OccurrencesReady(self.session.index_occurrences()))

    def on_reading_screen_occurrences_ready(self, message: OccurrencesReady) -> None:
        self.session.occurrences = message.occurrences
        self.update_position()
        if self.card_entry:
            self.show_card(self.card_entry)

    # --- drawing -----------------------------------------------------------------------

    def redraw(self) -> None:
        self.track()
        self.query_one(PageView).show()
        self.update_position()

    def refresh_numbers(self) -> None:
        """The digits setting changed: draw the position line again."""
        self.update_position()

    def update_position(self) -> None:
        session = self.session
        parts = self.progress_parts(session.position_label)
        if session.glossary is None:
            parts.append(_("loading glossary…"))
        else:
            count = len(session.links(session.current))
            parts.append(
                ngettext("{count} term here", "{count} terms here", count).format(count=count)
            )
        if session.query:
            matches = ngettext("{count} match", "{count} matches", len(session.hits))
            parts.append(f"“{session.query}”: " + matches.format(count=len(session.hits)))
        if self.digits:
            parts.append(_("go to {number}…").format(number=self.digits))
        line = digits(" · ".join(parts), self.config.settings.khmer_digits)
        self.query_one(PositionLine).show(line, session.fraction)

    # --- moving --------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        """Next or previous paragraph(s); but a current paragraph taller than the page
        (a small terminal, long glosses) is paged through first, so none of it is missed."""
        page = self.query_one(PageView)
        if page.scroll_current(delta):
            return
        if self.session.move(delta):
            if delta == -1:
                page.show_end_of_current()
            self.redraw()

    def action_go_to(self, index: int) -> None:
        if self.session.go_to(index if index >= 0 else self.session.count - 1):
            self.redraw()

    def on_key(self, event: events.Key) -> None:
        """Digits typed before `g` name a paragraph to jump to (unless the term card has
        focus: then they set the term's status); Esc closes search or leaves the card."""
        self.tracker.action()
        if event.key == "escape" and not self._keys_elsewhere() and self.leave_cursor():
            event.stop()
        elif event.key == "escape" and (self._typing() or self.card_has_focus()):
            self.close_search()
            event.stop()
        elif event.character and event.character.isdigit() and not self._keys_elsewhere():
            self.digits = (self.digits + event.character)[-6:]
            self.update_position()
            event.stop()

    def action_copy_paragraph(self) -> None:
        """The current paragraph's text, as written (no glosses), to the clipboard: the
        page does not offer mouse selection. Textual sends it with OSC 52, which some
        terminals ignore, so the message says so."""
        self.app.copy_to_clipboard(self.session.paragraphs[self.session.current].text)
        self.notify(_("Paragraph copied (if the terminal accepts the clipboard)."), timeout=3)

    def action_jump(self) -> None:
        if self.digits:
            self.jump_to_number(int(self.digits))
        else:
            self.action_go_to(0)
        self.digits = ""
        self.update_position()

    def jump_to_number(self, number: int) -> None:
        """Go to body paragraph `number` as shown in "paragraph N of M"."""
        body = [p.index for p in self.session.document.body]
        if body:
            self.action_go_to(body[max(0, min(number, len(body))) - 1] if number else body[0])

    def on_click(self, event: events.Click) -> None:
        """A click on a term opens its card, on a figure shows its Khmer and Korean
        forms; on a later paragraph, makes it current."""
        data = event.style.meta
        if FIGURE_META in data:
            card = figure_card(Figure.from_plain(data[FIGURE_META]))
            self.notify(card, title=_("Figure"), timeout=15, markup=False)
        elif TERM_META in data:
            self.action_open_term(str(data[TERM_META]))
        elif PARAGRAPH_META in data:
            self.action_go_to(int(data[PARAGRAPH_META]))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.action_move(1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.action_move(-1)

    def _typing(self) -> bool:
        return isinstance(self.focused, Input)

    def _keys_elsewhere(self) -> bool:
        return self._typing() or self.card_has_focus()

    # --- glosses -----------------------------------------------------------------------

    def action_cycle_glosses(self) -> None:
        settings = self.config.settings
        settings.glosses = GLOSS_CYCLE[(GLOSS_CYCLE.index(settings.glosses) + 1) % len(GLOSS_CYCLE)]
        self.apply_gloss_settings()
        self.notify(
            _("Interlinear glosses: {choice}").format(choice=_(GLOSS_NAMES[settings.glosses])),
            timeout=2,
        )

    def action_toggle_romanization(self) -> None:
        settings = self.config.settings
        settings.romanize_khmer = not settings.romanize_khmer
        self.apply_gloss_settings()
        state = (
            _("Khmer is now shown romanized.")
            if settings.romanize_khmer
            else _("Khmer is now shown in Khmer script.")
        )
        self.notify(state, timeout=2)

    def apply_gloss_settings(self) -> None:
        self.query_one(PageView).options = self.gloss_options
        host(self).save_settings()
        self.redraw()
        if self.card_entry and not self.query_one(TermCard).has_class("-hidden"):
            self.show_card(self.card_entry)

    # --- search ------------------------------------------------------------------------

    def action_start_search(self) -> None:
        search = self.query_one("#search", Input)
        search.remove_class("-hidden")
        search.value = self.session.query
        search.focus()

    @on(Input.Submitted, "#search")
    def run_search(self, event: Input.Submitted) -> None:
        hits = self.session.search(event.value)
        self.close_search()
        if not hits:
            self.notify(
                _("“{query}” is not in this text.").format(query=self.session.query),
                severity="warning",
            )
            self.redraw()
            return
        first = next((h for h in hits if h.paragraph >= self.session.current), hits[0])
        self.session.go_to(first.paragraph)
        self.redraw()

    def close_search(self) -> None:
        search = self.query_one("#search", Input)
        search.add_class("-hidden")
        self.set_focus(None)

    def action_search_next(self, forward: bool) -> None:
        hit = self.session.next_hit(forward)
        if hit is None:
            self.notify(_("No search yet: press / to search."), timeout=2)
            return
        self.session.go_to(hit.paragraph)
        self.redraw()

    @property
    def glossary(self) -> Glossary | None:
        return self.session.glossary
