"""Export and import: a round trip is exact, and an import never overwrites newer data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from glossary.document import parse_document
from reader.progress import ProgressStore, TermStatus, resume_index
from reader.progress.transfer import TransferError, read_import, write_export

TEXT = "Travels\n\nOne paragraph.\n\nTwo paragraphs.\n\nThree paragraphs.\n\nFour."
DOCUMENT = parse_document(TEXT)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def make_store(data: Path, when: datetime) -> tuple[ProgressStore, Clock]:
    clock = Clock(when)
    return ProgressStore(data, clock=clock), clock


MONDAY = datetime(2025, 4, 7, 9, 30, 15, 123456, tzinfo=UTC)


def fill(store: ProgressStore, clock: Clock, path: Path) -> str:
    doc_id = store.open_document(DOCUMENT, path, [path.with_suffix(".yaml")]).id
    store.mark_read(doc_id, DOCUMENT.paragraphs[1])
    store.set_current(doc_id, DOCUMENT.paragraphs[2])
    store.add_reading_time(doc_id, 95.5)
    store.see_terms(["asean", "mekong"])
    store.record_lookup("asean")
    store.set_term_status("asean", TermStatus.LEARNING_2)
    clock.now += timedelta(days=1)
    store.mark_read(doc_id, DOCUMENT.paragraphs[2])
    return doc_id


def test_export_then_import_into_an_empty_store_is_exact(tmp_path: Path):
    source, clock = make_store(tmp_path / "a", MONDAY)
    fill(source, clock, tmp_path / "travels.txt")
    export = tmp_path / "progress.json"
    write_export(export, source.snapshot(), clock.now)
    target, _ = make_store(tmp_path / "b", MONDAY)
    report = target.merge(read_import(export))
    assert report is not None and (report.documents, report.read_marks, report.terms) == (1, 2, 2)
    assert target.snapshot() == source.snapshot()
    assert target.library() == source.library()
    assert target.merge(read_import(export)) is not None  # importing twice changes nothing
    assert target.snapshot() == source.snapshot()


def test_the_export_file_is_versioned_json(tmp_path: Path):
    store, clock = make_store(tmp_path / "a", MONDAY)
    fill(store, clock, tmp_path / "travels.txt")
    export = tmp_path / "progress.json"
    write_export(export, store.snapshot(), clock.now)
    data = json.loads(export.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("tonle-progress", 1)
    assert set(data) == {"format", "version", "exported_at", "documents", "terms", "days"}
    (document,) = data["documents"]
    assert document["current"]["index"] == 2 and len(document["read"]) == 2
    assert {t["id"]: t["status"] for t in data["terms"]} == {"asean": "learning-2", "mekong": "new"}
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_an_older_import_does_not_overwrite_newer_data(tmp_path: Path):
    # Machine A read on Monday; machine B (this one) read the same text later in the week.
    laptop, clock_a = make_store(tmp_path / "a", MONDAY)
    doc_id = fill(laptop, clock_a, tmp_path / "laptop" / "travels.txt")
    older = laptop.snapshot()
    desktop, _ = make_store(tmp_path / "b", MONDAY + timedelta(days=3))
    desktop.open_document(DOCUMENT, tmp_path / "desktop" / "travels.txt")
    desktop.mark_read(doc_id, DOCUMENT.paragraphs[3])
    desktop.set_current(doc_id, DOCUMENT.paragraphs[4])
    desktop.set_term_status("asean", TermStatus.KNOWN)
    desktop.add_reading_time(doc_id, 30)

    desktop.merge(older)

    record = desktop.document(doc_id)
    assert record is not None
    assert record.path == str(tmp_path / "desktop" / "travels.txt")  # newer path kept
    assert record.first_opened == MONDAY  # earliest first opening
    assert resume_index(DOCUMENT, record) == 4  # newer position kept
    assert record.read_count == 3  # marks unioned: 1 and 2 from A, 3 from B
    assert record.reading_seconds == 95.5  # the larger total
    asean = desktop.term("asean")
    assert asean.status is TermStatus.KNOWN and asean.lookups == 1  # newer status, max count
    assert asean.first_seen == MONDAY  # earliest first seen
    assert desktop.term("mekong").status is TermStatus.NEW  # new items arrive


def test_a_newer_import_wins(tmp_path: Path):
    old, _ = make_store(tmp_path / "a", MONDAY)
    doc_id = old.open_document(DOCUMENT, tmp_path / "old.txt").id
    old.set_current(doc_id, DOCUMENT.paragraphs[1])
    old.set_term_status("asean", TermStatus.LEARNING_1)
    new, clock = make_store(tmp_path / "b", MONDAY + timedelta(days=1))
    fill(new, clock, tmp_path / "new.txt")
    old.merge(new.snapshot())
    record = old.document(doc_id)
    assert record is not None and record.path == str(tmp_path / "new.txt")
    assert resume_index(DOCUMENT, record) == 2
    assert old.term("asean").status is TermStatus.LEARNING_2


def test_days_take_the_larger_count(tmp_path: Path):
    first, clock = make_store(tmp_path / "a", MONDAY)
    fill(first, clock, tmp_path / "t.txt")
    second, _ = make_store(tmp_path / "b", MONDAY)
    doc_id = second.open_document(DOCUMENT).id
    for paragraph in DOCUMENT.paragraphs:
        second.mark_read(doc_id, paragraph)
    second.merge(first.snapshot())
    monday, tuesday = second.days()
    assert (monday.paragraphs, monday.seconds) == (5, 95.5)
    assert tuesday.paragraphs == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{\n "format": "tonle-progress",\n "version": 1,\n}', ":4:1: not valid JSON"),
        ("[1, 2]", ": not a Tonle progress export"),
        ('{"format": "tonle-progress", "version": 7}', ": export format version 7"),
        (
            '{"format": "tonle-progress", "version": 1, "documents": [], "terms": [{"id": "a", '
            '"status": "expert", "lookups": 1, "first_seen": "2025-01-01T00:00:00"}], "days": []}',
            ": terms[0].status: unknown term status 'expert'",
        ),
        (
            '{"format": "tonle-progress", "version": 1, "documents": [], "terms": [], '
            '"days": [{"day": "2025-01-01", "paragraphs": -1, "words": 0, "seconds": 0}]}',
            ": days[0].paragraphs: expected a count",
        ),
        (
            '{"format": "tonle-progress", "version": 1, "terms": [], "days": []}',
            ": documents: expected a list",
        ),
    ],
)
def test_a_malformed_file_is_one_line_naming_it(tmp_path: Path, content: str, expected: str):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(TransferError) as caught:
        read_import(bad)
    message = str(caught.value)
    assert message.startswith(f"{bad}{expected}") and "\n" not in message


def test_unreadable_import_files(tmp_path: Path):
    with pytest.raises(TransferError, match="no such file"):
        read_import(tmp_path / "missing.json")
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"title": "caf\xe9"}')
    with pytest.raises(TransferError, match="not UTF-8"):
        read_import(latin)


def test_a_bad_item_late_in_the_file_merges_nothing(tmp_path: Path):
    source, clock = make_store(tmp_path / "a", MONDAY)
    fill(source, clock, tmp_path / "t.txt")
    export = tmp_path / "progress.json"
    write_export(export, source.snapshot(), clock.now)
    data = json.loads(export.read_text(encoding="utf-8"))
    data["days"].append({"day": "yesterday"})
    export.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TransferError, match=r"days\[2\]\.day: expected a date"):
        read_import(export)
