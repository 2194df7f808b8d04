"""Pure summaries of stored progress: the lines and numbers the screens and CLI show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Set
from datetime import date, timedelta

from glossary.i18n import _, ngettext
from reader.progress.models import DayStats, DocumentRecord, Overview, TermRecord, TermStatus


def format_duration(seconds: float) -> str:
    """`0 min`, `<1 min`, `18 min`, `1 h 05 min` (minutes rounded down), translated."""
    if seconds <= 0:
        return _("{minutes} min").format(minutes=0)
    if seconds < 60:
        return _("<1 min")
    minutes = int(seconds // 60)
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    return _("{hours} h {minutes} min").format(hours=minutes // 60, minutes=f"{minutes % 60:02d}")


def plural(count: int, word: str) -> str:
    """`1 day`, `2 days`, `0 days` (English regular plurals only; translated counts are
    `paragraphs_text`, `words_text`, `days_text`…)."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _count(count: int) -> str:
    return f"{count:,}"


def paragraphs_text(count: int) -> str:
    """`1 paragraph`, `12 paragraphs` in the interface language."""
    return ngettext("{count} paragraph", "{count} paragraphs", count).format(count=_count(count))


def words_text(count: int) -> str:
    return ngettext("{count} word", "{count} words", count).format(count=_count(count))


def days_text(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=_count(count))


def reading_days_text(count: int) -> str:
    message = ngettext("{count} reading day", "{count} reading days", count)
    return message.format(count=_count(count))


def progress_line(record: DocumentRecord) -> str:
    """`12 of 23 paragraphs · 52% · 18 min` for a document record."""
    return paragraphs_line(record.read_count, record.paragraph_count, record.reading_seconds)


def paragraphs_line(read: int, total: int, seconds: float) -> str:
    """`12 of 23 paragraphs · 52% · 18 min`; without a total, `12 paragraphs read · 18 min`."""
    if total <= 0:
        message = ngettext("{count} paragraph read", "{count} paragraphs read", read)
        return f"{message.format(count=_count(read))} · {format_duration(seconds)}"
    percent = min(100, read * 100 // total)
    message = ngettext("{read} of {count} paragraph", "{read} of {count} paragraphs", total)
    done = message.format(read=read, count=_count(total))
    return f"{done} · {percent}% · {format_duration(seconds)}"


def reading_streak(days: Iterable[DayStats], today: date) -> int:
    """Consecutive days with reading, ending today if today had any, else ending yesterday."""
    return streak_of({day.day for day in days if day.active}, today)


def streak_of(active: Set[date], today: date) -> int:
    """Consecutive days in `active`, ending today if it is one, else ending yesterday."""
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
    message = _("{new} new · {learning} learning · {known} known · {ignored} ignored")
    return message.format(new=new, learning=learning, known=known, ignored=ignored)


def day_line(day: DayStats) -> str:
    """`4 paragraphs · 312 words · 12 min`."""
    words = words_text(day.words)
    return f"{paragraphs_text(day.paragraphs)} · {words} · {format_duration(day.seconds)}"


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
