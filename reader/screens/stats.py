"""Reading statistics: streak and totals, paragraphs and words per day, terms by status.

Reads the progress store once when opened (a few small queries) and again on `r`.
Days are the reader's local calendar days as of the injected clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Sparkline, Static

from glossary.i18n import N_
from reader.charts import bar, last_days
from reader.commands import Command, bindings
from reader.progress import DayStats, Overview, ProgressStore, TermStatus, terms_line
from reader.progress.summary import day_line, format_duration, plural
from reader.progress.times import local_day

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
    total = (
        f"{plural(summary.total_paragraphs, 'paragraph')} · {plural(summary.total_words, 'word')}"
        f" · {format_duration(summary.total_seconds)} · {plural(summary.days_read, 'reading day')}"
    )
    rows = [
        ("Streak", plural(summary.streak, "day")),
        ("Today", day_line(summary.today)),
        ("All time", total),
        ("Documents", str(summary.documents)),
        ("Terms", terms_line(summary.terms)),
    ]
    lines = [Content.styled(f"{label:<10} ", "bold") + Content(value) for label, value in rows]
    return Content("\n").join(lines)


def day_bars(days: Sequence[DayStats]) -> Content:
    """`Mon 10 Mar ████▌  4 ¶ · 312 words · 12 min`, one row per day."""
    most = max((day.paragraphs for day in days), default=0)
    lines = []
    for day in days:
        label = Content(f"{day.day:%a %d %b} ")
        drawn = Content.styled(bar(day.paragraphs, most, DAY_BAR_WIDTH), "$accent")
        figures = (
            f" {day.paragraphs:>3} ¶ · {plural(day.words, 'word')} · {format_duration(day.seconds)}"
            if day.active
            else "   ·"
        )
        lines.append(label + drawn + Content(figures))
    return Content("\n").join(lines)


def term_bars(counts: dict[TermStatus, int]) -> Content:
    """One bar per status, new to ignored."""
    most = max(counts.values(), default=0)
    lines = []
    for status, count in counts.items():
        drawn = Content.styled(bar(count, most, TERM_BAR_WIDTH), "$success")
        lines.append(Content(f"{status.label:<11}") + drawn + Content(f" {count:,}"))
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
                yield Static(f"Paragraphs read, last {BAR_DAYS} days", classes="stats-title")
                yield Static(id="stats-day-bars")
            with Vertical(id="stats-side"):
                yield Static("Terms by status", classes="stats-title")
                yield Static(id="stats-terms")
                yield Static(f"Words read, last {SPARK_DAYS} days", classes="stats-title")
                yield Sparkline([], id="stats-words")
                yield Static(id="stats-words-scale")
        yield Footer()

    def on_mount(self) -> None:
        self.action_refresh_stats()

    def action_refresh_stats(self) -> None:
        """Read the store and draw every figure."""
        today = local_day(self.clock())
        summary = self.store.overview(today)
        days = last_days(self.store.days(), today, SPARK_DAYS)
        self.query_one("#stats-summary", Static).update(summary_content(summary))
        self.query_one("#stats-day-bars", Static).update(day_bars(days[-BAR_DAYS:]))
        self.query_one("#stats-terms", Static).update(term_bars(summary.terms))
        self.query_one("#stats-words", Sparkline).data = [float(d.words) for d in days]
        most = max(d.words for d in days)
        first, last = days[0].day, days[-1].day
        scale = f"{first:%d %b} – {last:%d %b} · most {plural(most, 'word')} a day"
        self.query_one("#stats-words-scale", Static).update(scale)
