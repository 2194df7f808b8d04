"""The progress store: documents, read marks, resuming, terms, days, and the pure summaries."""

from __future__ import annotations

import math
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from glossary.document import parse_document
from reader.progress import (
    DayStats,
    DocumentRecord,
    ProgressStore,
    TermStatus,
    format_duration,
    paragraphs_line,
    progress_line,
    reading_streak,
    resume_index,
)
from reader.progress.identity import document_id, is_revision, paragraph_key
from reader.progress.times import local_day

TEXT = (
    "A Short Essay\n\n"
    "The first paragraph has six words.\n\n"
    "The second paragraph is here.\n\n"
    "The third one closes it."
)


class Clock:
    """A settable clock for the store."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock):
    with ProgressStore(tmp_path / "data", clock=clock) as opened:
        yield opened


def test_a_fresh_store_is_empty_and_can_save(store: ProgressStore):
    assert store.can_save and store.messages == [] and store.moved_to is None
    assert store.path.name == "progress.sqlite3" and store.path.is_file()
    assert store.library() == [] and store.terms() == {} and store.days() == []
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_open_document_records_it(store: ProgressStore, clock: Clock, tmp_path: Path):
    document = parse_document(TEXT)
    glossary = tmp_path / "g.yaml"
    record = store.open_document(document, tmp_path / "essay.txt", [glossary])
    assert record.id == document_id(document) and len(record.id) == 64
    assert record.title == "A Short Essay" and record.path == str(tmp_path / "essay.txt")
    assert record.glossary_paths == (str(glossary),)
    assert (record.paragraph_count, record.read_count, record.percent) == (4, 0, 0)
    assert record.first_opened == record.last_opened == clock.now
    clock.advance(days=2)
    again = store.open_document(document, tmp_path / "essay.txt")
    assert again.first_opened == record.first_opened and again.last_opened == clock.now
    assert store.library() == [again]


def test_read_marks_percent_and_day_totals(store: ProgressStore, clock: Clock):
    document = parse_document(TEXT)
    doc_id = store.open_document(document).id
    assert store.mark_read(doc_id, document.paragraphs[1]) is True
    assert store.mark_read(doc_id, document.paragraphs[1]) is False  # counted once
    assert store.mark_read(doc_id, document.paragraphs[2]) is True
    record = store.document(doc_id)
    assert record is not None and (record.read_count, record.percent) == (2, 50)
    assert store.days() == [DayStats(local_day(clock.now), paragraphs=2, words=11)]
    assert store.unmark_read(doc_id, document.paragraphs[2]) is True
    assert store.document(doc_id).read_count == 1  # type: ignore[union-attr]
    assert store.days()[0].paragraphs == 2  # reading done stays done


def test_paragraph_states(store: ProgressStore, clock: Clock):
    document = parse_document(TEXT)
    doc_id = store.open_document(document).id
    store.mark_read(doc_id, document.paragraphs[0])
    store.set_current(doc_id, document.paragraphs[2])
    states = store.paragraph_states(doc_id, document)
    assert [s.read for s in states] == [True, False, False, False]
    assert states[0].read_at == clock.now
    assert [s.current for s in states] == [False, False, True, False]
    assert states[3].key == paragraph_key(document.paragraphs[3].text)


def test_reading_time_adds_up_and_ignores_nonsense(store: ProgressStore, clock: Clock):
    doc_id = store.open_document(parse_document(TEXT)).id
    assert store.add_reading_time(doc_id, 600)
    assert store.add_reading_time(doc_id, 480.5)
    for bad in (0, -5, math.nan, math.inf):
        assert store.add_reading_time(doc_id, bad) is False
    assert store.document(doc_id).reading_seconds == 1080.5  # type: ignore[union-attr]
    assert store.days()[0].seconds == 1080.5


def test_unknown_document_writes_are_no_ops(store: ProgressStore):
    paragraph = parse_document(TEXT).paragraphs[1]
    assert store.mark_read("0" * 64, paragraph) is False
    assert store.set_current("0" * 64, paragraph) is False
    assert store.add_reading_time("0" * 64, 5) is False
    assert store.days() == [] and store.document("0" * 64) is None


def test_resume_after_editing_another_paragraph(store: ProgressStore, tmp_path: Path):
    path = tmp_path / "essay.txt"
    document = parse_document(TEXT)
    first = store.open_document(document, path)
    store.mark_read(first.id, document.paragraphs[1])
    store.mark_read(first.id, document.paragraphs[2])
    store.set_current(first.id, document.paragraphs[3])
    store.add_reading_time(first.id, 300)
    # The second paragraph is edited and a new one is inserted before the current one.
    edited = parse_document(
        TEXT.replace("second paragraph is here", "second paragraph, reworded, is here").replace(
            "The third", "An inserted paragraph.\n\nThe third"
        )
    )
    record = store.open_document(edited, path)
    assert record.id != first.id and len(store.library()) == 1
    assert record.first_opened == first.first_opened and record.reading_seconds == 300
    assert (record.read_count, record.paragraph_count) == (1, 5)  # the unedited one
    assert resume_index(edited, record) == 4  # followed its text, not its old index 3
    assert edited.paragraphs[4].text == "The third one closes it."


def test_resume_falls_back_to_the_index_when_the_current_paragraph_is_gone(
    store: ProgressStore, tmp_path: Path
):
    document = parse_document(TEXT)
    doc_id = store.open_document(document, tmp_path / "e.txt").id
    store.set_current(doc_id, document.paragraphs[2])
    edited = parse_document(TEXT.replace("second paragraph is here", "it was rewritten"))
    record = store.open_document(edited, tmp_path / "e.txt")
    assert resume_index(edited, record) == 2
    assert resume_index(edited, None) == 0


def test_same_text_from_two_paths_is_one_document(store: ProgressStore, tmp_path: Path):
    document = parse_document(TEXT)
    first = store.open_document(document, tmp_path / "a.txt")
    store.mark_read(first.id, document.paragraphs[1])
    rewrapped = parse_document(TEXT.replace("has six", "has\n  six") + "\n\n\n")
    second = store.open_document(rewrapped, tmp_path / "copy" / "b.txt")
    assert second.id == first.id and second.read_count == 1
    assert second.path == str(tmp_path / "copy" / "b.txt")  # the last path seen
    assert len(store.library()) == 1


def test_another_text_at_the_same_path_is_another_document(store: ProgressStore, tmp_path: Path):
    path = tmp_path / "notes.txt"
    store.open_document(parse_document(TEXT), path)
    other = parse_document("Other\n\nSomething else entirely.\n\nAnd more of it.")
    record = store.open_document(other, path)
    assert record.read_count == 0 and len(store.library()) == 2


def test_is_revision_needs_half_the_paragraphs():
    assert is_revision(["a", "b", "c", "d"], ["a", "b", "x", "y"])
    assert not is_revision(["a", "b", "c", "d"], ["a", "x", "y", "z"])
    assert not is_revision([], ["a"])


def test_terms(store: ProgressStore, clock: Clock):
    assert store.term("hun-sen").status is TermStatus.NEW
    assert store.term("hun-sen").first_seen is None
    assert store.see_terms(["hun-sen", "asean", "hun-sen"]) == 2
    clock.advance(minutes=1)
    assert store.see_terms(["asean"]) == 0
    looked = store.record_lookup("hun-sen")
    looked = store.record_lookup("hun-sen")
    assert looked.lookups == 2 and looked.first_seen == clock.now - timedelta(minutes=1)
    changed = store.set_term_status("asean", TermStatus.LEARNING_3)
    assert changed.status is TermStatus.LEARNING_3 and changed.status_at == clock.now
    store.set_term_status("mekong", TermStatus.IGNORED)
    assert {k: t.status for k, t in store.terms().items()} == {
        "asean": TermStatus.LEARNING_3,
        "hun-sen": TermStatus.NEW,
        "mekong": TermStatus.IGNORED,
    }
    counts = store.overview().terms
    assert counts[TermStatus.NEW] == 1 and counts[TermStatus.IGNORED] == 1


def test_term_status_labels():
    assert [s.label for s in TermStatus][:2] == ["new", "learning-1"]
    assert TermStatus.parse("Known") is TermStatus.KNOWN
    assert TermStatus.parse("learning 2") is TermStatus.LEARNING_2
    assert TermStatus.parse("4") is TermStatus.LEARNING_4
    with pytest.raises(ValueError):
        TermStatus.parse("mastered")


def test_days_and_streak(store: ProgressStore, clock: Clock):
    document = parse_document(TEXT)
    doc_id = store.open_document(document).id
    for paragraph in document.paragraphs[:3]:
        store.mark_read(doc_id, paragraph)
        clock.advance(days=1)
    today = local_day(clock.now)  # three reading days, ending yesterday
    assert store.streak(today) == 3
    store.add_reading_time(doc_id, 60)
    assert store.streak(today) == 4
    assert store.streak(today + timedelta(days=2)) == 0
    assert [d.day for d in store.days(since=today - timedelta(days=1))] == [
        today - timedelta(1),
        today,
    ]
    summary = store.overview(today)
    assert (summary.streak, summary.total_paragraphs, summary.days_read) == (4, 3, 4)
    assert summary.today.seconds == 60 and summary.documents == 1


def test_reading_streak_rules():
    today = date(2025, 5, 20)
    days = [DayStats(today - timedelta(days=n), paragraphs=1) for n in (1, 2, 3, 5)]
    assert reading_streak(days, today) == 3  # today not read yet: the streak ending yesterday
    assert reading_streak([*days, DayStats(today, seconds=30)], today) == 4
    assert reading_streak([DayStats(today - timedelta(days=1))], today) == 0  # an empty row
    assert reading_streak([], today) == 0


def test_summaries():
    assert paragraphs_line(12, 23, 18 * 60 + 40) == "12 of 23 paragraphs · 52% · 18 min"
    assert paragraphs_line(3, 0, 0) == "3 paragraphs read · 0 min"
    assert [format_duration(s) for s in (0, 30, 60, 3599, 3900)] == [
        "0 min",
        "<1 min",
        "1 min",
        "59 min",
        "1 h 05 min",
    ]
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    record = DocumentRecord("x", "", "T", (), moment, moment, 60.0, None, 0, 3, 3)
    assert progress_line(record) == "3 of 3 paragraphs · 100% · 1 min"


def test_storage_errors_during_writes_are_reported_not_raised(store: ProgressStore):
    doc_id = store.open_document(parse_document(TEXT)).id
    paragraph = parse_document(TEXT).paragraphs[1]
    real = store._connection

    class FullDisk:
        in_transaction = False

        def execute(self, *args: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

    store._connection = FullDisk()  # type: ignore[assignment]
    try:
        assert store.mark_read(doc_id, paragraph) is False
        assert store.mark_read(doc_id, paragraph) is False
        assert store.library() == []
    finally:
        store._connection = real
    assert store.messages == [
        "progress could not be saved: database or disk is full",
        "progress could not be read: database or disk is full",
    ]
