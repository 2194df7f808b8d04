"""`tonle progress` and `tonle library`, as a user runs them."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.document import parse_document
from reader.cli.root import cli
from reader.progress import ProgressStore, TermStatus
from reader.progress.times import local_day, now_utc

TEXT = "Rivers of Asia\n\nThe Mekong is long.\n\nThe Tonle Sap flows both ways.\n\nThe end."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def read_some(data: Path, path: Path) -> None:
    """One document opened, two paragraphs read, 18 minutes, two terms."""
    document = parse_document(TEXT)
    with ProgressStore(data) as store:
        doc_id = store.open_document(document, path, [path.with_name("rivers.yaml")]).id
        store.mark_read(doc_id, document.paragraphs[1])
        store.mark_read(doc_id, document.paragraphs[2])
        store.add_reading_time(doc_id, 18 * 60 + 5)
        store.set_term_status("mekong", TermStatus.KNOWN)
        store.set_term_status("tonle-sap", TermStatus.LEARNING_1)


@pytest.fixture
def data(isolated_dirs: Path) -> Path:
    return isolated_dirs / "data"  # where TONLE_DATA_DIR points


def test_progress_with_nothing_read(data: Path):
    code, out, err = run("progress")
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "Streak     0 days"
    assert "No documents opened yet." in out


def test_progress_text(data: Path, tmp_path: Path):
    read_some(data, tmp_path / "rivers.txt")
    code, out, err = run("progress")
    assert code == 0 and err == ""
    assert out.splitlines()[:5] == [
        "Streak     1 day",
        "Today      2 paragraphs · 10 words · 18 min",
        "All time   2 paragraphs · 10 words · 18 min · 1 reading day",
        "Terms      0 new · 1 learning · 1 known · 0 ignored",
        "Documents  1",
    ]
    assert "Rivers of Asia\n  2 of 4 paragraphs · 50% · 18 min · last opened " in out
    assert f"  {tmp_path / 'rivers.txt'}\n  glossaries: {tmp_path / 'rivers.yaml'}" in out


def test_progress_json(data: Path, tmp_path: Path):
    read_some(data, tmp_path / "rivers.txt")
    code, out, _ = run("progress", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["streak"] == 1 and report["document_count"] == 1
    assert report["today"] == {
        "day": local_day(now_utc()).isoformat(),
        "paragraphs": 2,
        "words": 10,
        "seconds": 1085.0,
    }
    assert report["terms"]["known"] == 1 and report["terms"]["learning-1"] == 1
    assert report["documents"][0]["percent"] == 50 and len(report["days"]) == 1


def test_library_text_and_json(data: Path, tmp_path: Path):
    read_some(data, tmp_path / "rivers.txt")
    code, out, _ = run("library")
    assert code == 0 and out.startswith("Rivers of Asia\n  2 of 4 paragraphs · 50% · 18 min")
    code, out, _ = run("library", "--json")
    (document,) = json.loads(out)
    assert document["title"] == "Rivers of Asia" and document["path"] == str(
        tmp_path / "rivers.txt"
    )
    assert (document["paragraphs"], document["read"], document["percent"]) == (4, 2, 50)
    assert document["glossary_paths"] == [str(tmp_path / "rivers.yaml")]
    assert set(document) >= {"id", "first_opened", "last_opened", "reading_seconds"}


def test_library_when_empty(data: Path):
    assert run("library") == (0, "No documents opened yet.\n", "")
    assert run("library", "--json") == (0, "[]\n", "")


def test_data_dir_option_wins(data: Path, tmp_path: Path):
    other = tmp_path / "elsewhere"
    read_some(other, tmp_path / "rivers.txt")
    assert "No documents" in run("library")[1]
    assert "Rivers of Asia" in run("--data-dir", str(other), "library")[1]


def test_export_and_import_move_progress(data: Path, tmp_path: Path):
    read_some(data, tmp_path / "rivers.txt")
    export = tmp_path / "moving.json"
    code, out, err = run("progress", "--export", str(export))
    assert code == 0 and out == ""
    assert err == f"exported 1 document, 2 terms and 1 day to {export}\n"
    other = tmp_path / "other-machine"
    code, _, err = run("--data-dir", str(other), "progress", "--import", str(export))
    assert code == 0 and err.startswith("imported 1 document, 2 read marks, 2 terms and 1 day")
    assert run("--data-dir", str(other), "library") == run("library")


def test_a_malformed_import_is_one_line_and_exit_2(data: Path, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": "tonle-progress",\n  "version": 1\n  "documents": []\n}\n')
    code, out, err = run("progress", "--import", str(bad))
    assert code == 2 and out == ""
    assert err == f"tonle: {bad}:4:3: not valid JSON (Expecting ',' delimiter)\n"
    code, _, err = run("progress", "--import", str(tmp_path / "missing.json"))
    assert code == 2 and err == f"tonle: {tmp_path / 'missing.json'}: no such file\n"


def test_an_unwritable_export_target(data: Path, tmp_path: Path):
    code, _, err = run("progress", "--export", str(tmp_path / "no" / "such" / "dir.json"))
    assert code == 2 and err.startswith("tonle: ") and "cannot be written" in err


def test_a_corrupt_database_is_reported_in_one_line(data: Path):
    data.mkdir(parents=True)
    (data / "progress.sqlite3").write_bytes(b"garbage" * 100)
    code, out, err = run("library")
    assert code == 0 and out == "No documents opened yet.\n"
    (line,) = err.splitlines()
    assert line.startswith("tonle: progress database was unreadable (file is not a database)")
    moved = line.split("moved it to ")[1].split(";")[0]
    assert Path(moved).read_bytes() == b"garbage" * 100


def test_import_when_progress_cannot_be_saved(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    read_some(data, tmp_path / "rivers.txt")
    export = tmp_path / "moving.json"
    run("progress", "--export", str(export))
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: not mode & os.W_OK)
    code, _, err = run("progress", "--import", str(export))
    assert code == 1
    assert err.splitlines() == [
        f"tonle: progress cannot be saved: {data} is read-only",
        f"tonle: {export}: not imported: progress cannot be saved",
    ]


def test_streak_counts_yesterday_until_today_is_read(data: Path):
    document = parse_document(TEXT)
    yesterday = now_utc() - timedelta(days=1)
    with ProgressStore(data, clock=lambda: yesterday) as store:
        doc_id = store.open_document(document).id
        store.mark_read(doc_id, document.paragraphs[1])
    assert run("progress")[1].startswith("Streak     1 day\nToday      0 paragraphs")
