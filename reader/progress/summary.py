"""Pure summaries of stored progress: the lines and numbers the screens and CLI show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from reader.progress.models import DayStats, DocumentRecord, Overview, TermRecord, TermStatus


def format_duration(seconds: float) -> str:
    """`0 min`, `<1 min`, `18 min`, `1 h 05 min` (minutes rounded down)."""
    if seconds <= 0:
        return "0 min"
    if seconds < 60:
        return "<1 min"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def plural(count: int, word: str) -> str:
    """`1 day`, `2 days`, `0 days` (English regular plurals only)."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def progress_line(record: DocumentRecord) -> str:
    """`12 of 23 paragraphs · 52% · 18 min` for a document record."""
    return paragraphs_line(record.read_count, record.paragraph_count, record.reading_seconds)


def paragraphs_line(read: int, total: int, seconds: float) -> str:
    """`12 of 23 paragraphs · 52% · 18 min`; without a total, `12 paragraphs read · 18 min`."""
    if total <= 0:
        return f"{plural(read, 'paragraph')} read · {format_duration(seconds)}"
    percent = min(100, read * 100 // total)
    return f"{read} of {plural(total, 'paragraph')} · {percent}% · {format_duration(seconds)}"


def reading_streak(days: Iterable[DayStats], today: date) -> int:
    """Consecutive days with reading, ending today if today had any, else ending yesterday."""
    active = {day.day for day in days if day.active}
    current = today if today in active else today - timedelta(days=1)
    streak = 0
    while current in active:
        streak += 1
        current -= timedelta(days=1)
    return streak


def status_counts(terms: Iterable[TermRecord]) -> dict[TermStatus, int]:
    """How many terms have each status; every status is present, in level order."""
    counted = Counter(term.status for term in terms)
    return {status: counted.get(status, 0) for status in TermStatus}


def terms_line(counts: dict[TermStatus, int]) -> str:
    """`12 new · 3 learning · 5 known · 1 ignored` (the four learning levels added up)."""
    learning = sum(n for status, n in counts.items() if status.is_learning)
    new, known = counts.get(TermStatus.NEW, 0), counts.get(TermStatus.KNOWN, 0)
    ignored = counts.get(TermStatus.IGNORED, 0)
    return f"{new} new · {learning} learning · {known} known · {ignored} ignored"


def day_line(day: DayStats) -> str:
    """`4 paragraphs · 312 words · 12 min`."""
    words = plural(day.words, "word")
    return f"{plural(day.paragraphs, 'paragraph')} · {words} · {format_duration(day.seconds)}"


def overview(
    days: Iterable[DayStats], terms: Iterable[TermRecord], documents: int, today: date
) -> Overview:
    """Totals, today's reading, the streak and the terms by status."""
    days = list(days)
    by_day = {day.day: day for day in days}
    return Overview(
        today=by_day.get(today, DayStats(today)),
        streak=reading_streak(days, today),
        total_paragraphs=sum(day.paragraphs for day in days),
        total_words=sum(day.words for day in days),
        total_seconds=sum(day.seconds for day in days),
        days_read=sum(1 for day in days if day.active),
        documents=documents,
        terms=status_counts(terms),
    )
