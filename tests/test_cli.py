"""The `tonle` command line, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli.root import cli
from tests.conftest import FIXTURES, OPED

MINI = ["--no-default-glossary", "--glossary", str(FIXTURES / "mini.yaml")]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_annotate_inlines_glosses():
    code, out, err = run("annotate", str(OPED), *MINI)
    assert code == 0
    assert "Prime Minister Hun Sen [ហ៊ុន សែន · 훈 센]" in out
    assert "Lee Myung Bak [이명박?]" in out  # unverified forms are marked
    assert "? after a form: not yet confirmed" in err


def test_annotate_json():
    code, out, _ = run("annotate", str(OPED), "--json", *MINI)
    assert code == 0
    links = json.loads(out)
    first = next(link for link in links if link["id"] == "hun-sen")
    assert first["surface"] == "Prime Minister Hun Sen"
    assert first["km"] == {
        "text": "ហ៊ុន សែន",
        "romanization": "Hun Sen",
        "hanja": None,
        "status": "verified",
    }
    text = OPED.read_text(encoding="utf-8")
    assert all(text[link["start"] : link["end"]] == link["surface"] for link in links)


def test_check_passes_and_fails(write_yaml):
    code, _, err = run("glossary", "check", str(FIXTURES / "mini.yaml"))
    assert code == 0 and "OK: 8 entries, 0 errors, 3 warnings" in err
    code, _, err = run("glossary", "check", "--strict", str(FIXTURES / "mini.yaml"))
    assert code == 1 and err.startswith("FAILED") is False and "FAILED" in err
    bad = write_yaml("entries:\n  - {id: a, category: nope, en: x}\n")
    code, _, err = run("glossary", "check", str(bad))
    assert code == 1 and f"{bad}:2:23: unknown category 'nope'" in err


def test_show_by_id_and_by_khmer():
    code, out, _ = run("glossary", "show", "ហ៊ុន សែន", *MINI)
    assert code == 0 and out.startswith("Hun Sen  (person, id hun-sen)")
    assert "Korean: 이명박  [UNVERIFIED" in run("glossary", "show", "lee-myung-bak", *MINI)[1]
    code, _, err = run("glossary", "show", "nothing-like-this", *MINI)
    assert code == 2 and "no entry matches" in err


def test_suggest_lists_uncovered_names():
    code, out, _ = run("glossary", "suggest", str(OPED), *MINI)
    assert code == 0 and "Angkor Panorama Museum" in out


def test_stats():
    code, out, _ = run("glossary", "stats", *MINI)
    assert (
        code == 0
        and "8 entries" in out
        and "Korean forms: 2 verified, 1 unverified, 5 missing" in out
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: (d / "b.bin").write_bytes(b"\x00\x01\x02") and d / "b.bin", "is a binary file"),
        (lambda d: (d / "e.txt").write_bytes(b"") or d / "e.txt", "is empty"),
    ],
)
def test_bad_text_exits_2_with_one_line(tmp_path: Path, make, message):
    code, _, err = run("annotate", str(make(tmp_path)), *MINI)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_bad_glossary_exits_2_with_every_problem(write_yaml):
    bad = write_yaml(
        "entries:\n  - {id: a, category: nope, en: x}\n  - {id: B, category: term, en: y}\n"
    )
    code, _, err = run("annotate", str(OPED), "--no-default-glossary", "-g", str(bad))
    assert code == 2 and len(err.strip().splitlines()) == 2 and "Traceback" not in err


def test_real_process_no_traceback(tmp_path: Path):
    """The installed entry point: a bad file gives one line on stderr and exit code 2."""
    process = subprocess.run(
        [sys.executable, "-m", "reader", "annotate", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 2
    assert process.stderr.strip() == f"tonle: {tmp_path / 'nope.txt'}: no such file"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (
            lambda d: (d / "b.bin").write_bytes(b"PK\x03\x04\x00\x00") and d / "b.bin",
            "is a binary file",
        ),
        (lambda d: (d / "l.txt").write_bytes(b"caf\xe9") and d / "l.txt", "not UTF-8"),
    ],
)
def test_read_refuses_bad_files_before_the_app_starts(tmp_path: Path, make, message):
    code, _, err = run("read", str(make(tmp_path)))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
