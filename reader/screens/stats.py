"""Reading statistics: streak and totals, paragraphs and words per day, terms by status.

Reads the progress store once when opened (a few small queries) and again on `r`.
Days are the reader's local calendar days as of the injected clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Sparkline, Static

from glossary.i18n import N_, _, current_language, ngettext
from glossary.l10n import short_date
from reader.progress import DayStats, Overview, ProgressStore, TermStatus, terms_line
from reader.progress.summary import (
    day_line,
    days_text,
    format_duration,
    paragraphs_text,
    words_text,
)
from reader.progress.times import local_day
from reader.terminal.text import cell_width
from reader.ui.charts import bar, last_days
from reader.ui.commands import Command, bindings
from reader.ui.host import host
from reader.ui.localize import digits, digits_content
from reader.widgets.term_card import STATUS_NAMES

BAR_DAYS = 14  # one row per day
SPARK_DAYS = 30  # one column per day
DAY_BAR_WIDTH = 20
TERM_BAR_WIDTH = 16
STATS_COMMANDS = [
    Command("refresh-stats", "r", "refresh_stats", N_("Refresh")),
    Command("back-stats", "escape", "app.pop_screen", N_("Back")),
]


def summary_content(summary: Overview) -> Content:
    """Streak, today, all time, documents and terms, one labelled line each."""
    reading_days = ngettext("{count} reading day", "{count} reading days", summary.days_read)
    total = " · ".join(
        [
            paragraphs_text(summary.total_paragraphs),
            words_text(summary.total_words),
            format_duration(summary.total_seconds),
            reading_days.format(count=summary.days_read),
        ]
    )
    rows = [
        (_("Streak"), days_text(summary.streak)),
        (_("Today"), day_line(summary.today)),
        (_("All time"), total),
        (_("Documents"), str(summary.documents)),
        (_("Terms"), terms_line(summary.terms)),
    ]
    width = max(cell_width(label) for label, _value in rows) + 2
    lines = [
        Content.styled(label + " " * (width - cell_width(label)), "bold") + Content(value)
        for label, value in rows
    ]
    return Content("\n").join(lines)


def day_bars(days: Sequence[DayStats]) -> Content:
    """`Mon 10 Mar ████▌  4 ¶ · 312 words · 12 min`, one row per day."""
    most = max((day.paragraphs for day in days), default=0)
    labels = [day_label(day.day) for day in days]
    width = max((cell_width(text) for text in labels), default=0) + 1
    lines = []
    for day, text in zip(days, labels, strict=True):
        label = Content(text + " " * (width - cell_width(text)))
        drawn = Content.styled(bar(day.paragraphs, most, DAY_BAR_WIDTH), "$accent")
        figures = (
            f" {day.paragraphs:>3} ¶ · {words_text(day.words)} · {format_duration(day.seconds)}"
            if day.active
            else "   ·"
        )
        lines.append(label + drawn + Content(figures))
    return Content("\n").join(lines)


def day_label(day: date) -> str:
    """`Tue, Nov 24` in the interface language (Babel's weekday-day-month skeleton)."""
    return short_date(day, current_language())


def term_bars(counts: dict[TermStatus, int]) -> Content:
    """One bar per status, new to ignored."""
    most = max(counts.values(), default=0)
    lines = []
    for status, count in counts.items():
        drawn = Content.styled(bar(count, most, TERM_BAR_WIDTH), "$success")
        name = _(STATUS_NAMES[status.label])
        padded = name + " " * max(1, 11 - cell_width(name))
        lines.append(Content(padded) + drawn + Content(f" {count:,}"))
    return Content("\n").join(lines)


class StatisticsScreen(Screen[None]):
    COMMANDS_DATA = STATS_COMMANDS
    BINDINGS = bindings(STATS_COMMANDS)

    def __init__(self, store: ProgressStore, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.store, self.clock = store, clock

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="stats-summary")
        with Horizontal(id="stats-body"):
            with Vertical(id="stats-days"):
                title = _("Paragraphs read, last {days} days").format(days=BAR_DAYS)
                yield Static(title, classes="stats-title")
                yield Static(id="stats-day-bars")
            with Vertical(id="stats-side"):
                yield Static(_("Terms by status"), classes="stats-title")
                yield Static(id="stats-terms")
                title = _("Words read, last {days} days").format(days=SPARK_DAYS)
                yield Static(title, classes="stats-title")
                yield Sparkline([], id="stats-words")
                yield Static(id="stats-words-scale")
        yield Footer()

    def on_mount(self) -> None:
        self.action_refresh_stats()

    def refresh_numbers(self) -> None:
        """The digits setting changed: draw the figures again."""
        self.action_refresh_stats()

    def action_refresh_stats(self) -> None:
        """Read the store and draw every figure."""
        today = local_day(self.clock())
        summary = self.store.overview(today)
        days = last_days(self.store.days(), today, SPARK_DAYS)
        khmer = host(self).config.settings.khmer_digits
        shown = {
            "#stats-summary": summary_content(summary),
            "#stats-day-bars": day_bars(days[-BAR_DAYS:]),
            "#stats-terms": term_bars(summary.terms),
        }
        for selector, content in shown.items():
            self.query_one(selector, Static).update(digits_content(content, khmer))
        self.query_one("#stats-words", Sparkline).data = [float(d.words) for d in days]
        most = max(d.words for d in days)
        first, last = days[0].day, days[-1].day
        lang = current_language()
        scale = _("{first} – {last} · most {words} a day").format(
            first=short_date(first, lang), last=short_date(last, lang), words=words_text(most)
        )
        self.query_one("#stats-words-scale", Static).update(digits(scale, khmer))
