"""`tonle export` as a user runs it: file names, stdout, errors, atomic writing."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.export import writer
from reader.cli.root import cli
from tests.conftest import OPED
from tests.export_support import MINI

ARGS = ["--no-default-glossary", "--glossary", str(MINI), "--date", "2025-01-31"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["export", *args, *ARGS])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current directory (tmp_path itself holds the data and cache dirs)."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def test_default_file_name_in_current_directory(here: Path):
    code, _, err = run("--format", "md")
    assert code == 0, err
    assert (here / "tonle-glossary.md").read_text(encoding="utf-8").startswith("# Mini test")
    assert "Exported 8 entries to" in err


def test_every_format_writes(here: Path):
    for fmt in ("md", "html", "csv", "anki-tsv", "apkg", "tbx", "omegat", "json"):
        code, _, err = run("-f", fmt, "--text", str(OPED), "-o", str(here / f"out-{fmt}.x"))
        assert code == 0, (fmt, err)
    names = sorted(p.name for p in here.iterdir())
    assert "out-omegat.km.x" in names and "out-omegat.ko.x" in names
    assert len([n for n in names if n.startswith("out-")]) == 9


def test_omegat_default_names(here: Path):
    code, _, _ = run("-f", "omegat")
    assert code == 0
    assert (here / "tonle-glossary.km.txt").exists() and (here / "tonle-glossary.ko.txt").exists()
    code, _, _ = run("-f", "omegat", "--langs", "ko,en", "-o", "terms.tsv")
    lines = (here / "terms.en.tsv").read_text(encoding="utf-8").splitlines()
    assert code == 0
    assert lines == [
        "훈 센\tHun Sen\tperson; Prime Minister of Cambodia from 1985 to 2023.",
        "대한민국\tKorea\tcountry",
        "이명박\tLee Myung-bak\tunverified; person",  # the Korean source form is unverified
    ]


def test_stdout_for_text_formats():
    code, out, _ = run("-f", "csv", "-o", "-", "--category", "person", "--order", "en")
    assert code == 0
    rows = list(csv.reader(out.splitlines()))
    assert [row[0] for row in rows[1:]] == ["hun-sen", "lee-myung-bak"]
    code, out, _ = run("-f", "omegat", "--langs", "en,ko", "-o", "-")
    assert code == 0 and out.startswith("Hun Sen\t훈 센\t")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "known"], "no glossary entry matches"),  # an empty store: all new
        (["--seen"], "--seen needs --text FILE"),
        (["--seen", "--text", str(OPED)], "no paragraph of " + str(OPED) + " is marked read"),
        (["-f", "apkg", "-o", "-"], "apkg is a binary file; give -o FILE"),
        (["-f", "omegat", "-o", "-"], "omegat writes one file per target language"),
        (["--langs", "en"], "give two or three different languages"),
        (["--langs", "en,fr"], "unknown language 'fr'"),
        (["-f", "apkg", "--langs", "km,ko", "-o", "x.apkg"], "apkg needs English in --langs"),
        (["--bom"], "--bom applies to csv only"),
        (["--text", "/no/such/file.txt"], "/no/such/file.txt: no such file"),
        (["--category", "event"], "no glossary entry matches; nothing to export"),
    ],
)
def test_errors_are_one_line_and_exit_2(args: list[str], message: str, here: Path):
    code, _, err = run(*args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("tonle: ") and message in err
    assert not list(here.glob("tonle-glossary*"))


def test_help_explains_status_and_seen():
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    words = " ".join(result.stdout.split())
    assert "as set in the reader" in words and "marked read" in words
    assert "does not record" not in words


def test_a_plain_export_creates_no_progress_database(here: Path, tmp_path: Path):
    assert run("-f", "csv")[0] == 0
    assert not (tmp_path / "data" / "progress.sqlite3").exists()


def test_unwritable_directory_is_one_line(here: Path):
    target = here / "missing" / "x.md"
    code, _, err = run("-o", str(target))
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"tonle: cannot write {target}: No such file or directory")


def test_interrupted_write_keeps_the_old_file(here: Path, monkeypatch: pytest.MonkeyPatch):
    target = here / "sheet.md"
    target.write_text("old content", encoding="utf-8")

    def fail_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(writer.os, "replace", fail_replace)
    code, _, err = run("-o", str(target))
    assert code == 2 and "No space left on device" in err
    assert target.read_text(encoding="utf-8") == "old content"
    assert sorted(p.name for p in here.iterdir()) == ["sheet.md"]  # no temp file left


def test_replaces_existing_file_keeping_its_mode(here: Path):
    target = here / "sheet.md"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    assert run("-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Mini test glossary")
    assert target.stat().st_mode & 0o777 == 0o640
