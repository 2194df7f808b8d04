"""`tonle export --status/--seen` read the real progress store in the data directory."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.document import read_document
from reader.cli.root import cli
from reader.progress import ProgressStore, TermStatus
from reader.state.export_progress import StoreReading, status_lookup
from tests.conftest import OPED
from tests.export_support import MINI

ARGS = ["--no-default-glossary", "--glossary", str(MINI), "--date", "2025-01-31"]


def export_ids(*args: str) -> list[str]:
    """The entry ids of a csv export to stdout (first column), in English order."""
    result = CliRunner().invoke(
        cli, ["export", "-f", "csv", "-o", "-", "--order", "en", *args, *ARGS]
    )
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    return [row[0] for row in rows[1:]]


def fail_message(*args: str) -> str:
    result = CliRunner().invoke(cli, ["export", "-f", "csv", "-o", "-", *args, *ARGS])
    assert result.exit_code == 2
    return result.stderr


@pytest.fixture
def store(tmp_path: Path):
    """The progress store of the test's data directory (what `tonle` opens)."""
    with ProgressStore(tmp_path / "data") as opened:
        yield opened


def paragraph_with(text: Path, words: str) -> int:
    return next(p.index for p in read_document(text).paragraphs if words in p.text)


def test_status_filter_uses_the_stored_statuses(store: ProgressStore):
    store.set_term_status("hun-sen", TermStatus.KNOWN)
    store.set_term_status("korea", TermStatus.LEARNING_2)
    store.set_term_status("dmz", TermStatus.IGNORED)
    store.see_terms(["grant"])  # seen, never rated: still new
    assert export_ids("--status", "known") == ["hun-sen"]
    assert export_ids("--status", "learning") == ["korea"]
    assert export_ids("--status", "learning-2", "--status", "ignored") == ["dmz", "korea"]
    new = export_ids("--status", "new")
    assert "grant" in new and "lee-myung-bak" in new
    assert not {"hun-sen", "korea", "dmz"} & set(new)
    assert set(export_ids("--status", "new", "--status", "learning")) == {*new, "korea"}


def test_seen_keeps_only_terms_of_read_paragraphs(store: ProgressStore):
    document = read_document(OPED)
    record = store.open_document(document, OPED)
    grants = paragraph_with(OPED, "grants")
    store.mark_read(record.id, document.paragraphs[grants])
    everything = export_ids("--text", str(OPED))
    seen = export_ids("--seen", "--text", str(OPED))
    assert "grant" in seen and "hun-sen" in everything and "hun-sen" not in seen
    assert set(seen) < set(everything)
    assert "no glossary entry matches" in fail_message(
        "--seen", "--text", str(OPED), "--status", "known"
    )
    store.set_term_status("grant", TermStatus.KNOWN)
    assert export_ids("--seen", "--text", str(OPED), "--status", "known") == ["grant"]


def test_seen_follows_an_edited_file_by_its_path(store: ProgressStore, tmp_path: Path):
    text = tmp_path / "oped.txt"
    shutil.copy(OPED, text)
    document = read_document(text)
    record = store.open_document(document, text)
    grants = paragraph_with(text, "grants")
    store.mark_read(record.id, document.paragraphs[grants])
    edited = text.read_text(encoding="utf-8").replace("Almost every time", "Nearly every time")
    text.write_text(edited, encoding="utf-8")  # another text by content, the same by path
    assert "grant" in export_ids("--seen", "--text", str(text))


def test_seen_on_a_text_never_read_says_so(store: ProgressStore):
    message = fail_message("--seen", "--text", str(OPED))
    assert message.count("\n") == 1
    assert f"--seen: no paragraph of {OPED} is marked read yet" in message


def test_sources_read_the_store(store: ProgressStore):
    store.set_term_status("korea", TermStatus.LEARNING_3)
    lookup = status_lookup(store)
    assert lookup("korea") == "learning-3" and lookup("never-seen") is None
    document = read_document(OPED)
    assert StoreReading(store).read_paragraphs(document) == frozenset()
    record = store.open_document(document, OPED)
    store.mark_read(record.id, document.paragraphs[3])
    store.mark_read(record.id, document.paragraphs[5])
    assert StoreReading(store).read_paragraphs(document) == {3, 5}
