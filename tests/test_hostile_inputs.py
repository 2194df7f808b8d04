"""Hostile files outside the terminal: nothing lost, nothing replaced, nothing hung."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.loader import parse_text
from reader.progress.transfer import TransferError, read_import, write_export
from tests.conftest import FIXTURES
from tests.test_progress_transfer import MONDAY, fill, make_store

MINI = ["--no-default-glossary", "-g", str(FIXTURES / "mini.yaml")]


def _tonle(*args: str, cwd: Path, data: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "reader", *(["--data-dir", str(data)] if data else []), *args]
    return subprocess.run(command, capture_output=True, cwd=cwd, env=env, timeout=120)


def _one_clear_line(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode()
    assert result.returncode != 0 and "Traceback" not in err, err
    return err


def test_export_refuses_to_overwrite_its_own_glossary_and_text(tmp_path: Path) -> None:
    glossary = tmp_path / "g.yaml"
    glossary.write_bytes((FIXTURES / "mini.yaml").read_bytes())
    text = tmp_path / "t.txt"
    text.write_text("Prime Minister Hun Sen spoke.\n", encoding="utf-8")
    for target in (glossary, text):
        before = target.read_bytes()
        args = ["export", "--no-default-glossary", "-g", str(glossary), "--text", str(text)]
        err = _one_clear_line(_tonle(*args, "-o", str(target), cwd=tmp_path))
        assert "is read by this export" in err and target.read_bytes() == before


def test_export_refuses_to_overwrite_the_progress_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store, clock = make_store(data, MONDAY)
    fill(store, clock, tmp_path / "travels.txt")
    db = data / "progress.sqlite3"
    before = db.read_bytes()
    err = _one_clear_line(_tonle("export", *MINI, "-o", str(db), cwd=tmp_path, data=data))
    assert "is read by this export" in err and db.read_bytes() == before


def test_export_writes_into_a_fifo_and_stdout_instead_of_replacing_them(tmp_path: Path) -> None:
    result = _tonle("export", *MINI, "-f", "csv", "-o", "/dev/stdout", cwd=tmp_path)
    assert result.returncode == 0 and b"Hun Sen" in result.stdout
    link = tmp_path / "out.csv"
    link.symlink_to("/proc/self/fd/1")
    result = _tonle("export", *MINI, "-f", "csv", "-o", str(link), cwd=tmp_path)
    assert result.returncode == 0 and b"Hun Sen" in result.stdout and link.is_symlink()
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = _tonle("export", *MINI, "-f", "csv", "-o", str(fifo), cwd=tmp_path)
    assert result.returncode == 0 and b"Hun Sen" in reader.communicate(timeout=60)[0]
    assert fifo.is_fifo()


@pytest.mark.parametrize("target", ["/dev/full", "DIR", "missing/dir/out.md"])
def test_export_to_a_bad_target_is_one_line(tmp_path: Path, target: str) -> None:
    target = str(tmp_path) if target == "DIR" else target
    err = _one_clear_line(_tonle("export", *MINI, "-o", target, cwd=tmp_path))
    assert "cannot write" in err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_stdout_full_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "glossary", "show", "hun-sen"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert result.returncode == 1
    assert (
        result.stderr.decode().strip() == "tonle: cannot write the output: No space left on device"
    )


HOSTILE_IMPORTS = [
    ("date beyond UTC", {"exported_at": "9999-12-31T23:59:59-12:00"}),
    ("huge integer", {"count": 2**64}),
    ("lone surrogate", {"path": "\udcff"}),
]


def _export(tmp_path: Path) -> dict[str, object]:
    store, clock = make_store(tmp_path / "a", MONDAY)
    fill(store, clock, tmp_path / "travels.txt")
    export = tmp_path / "progress.json"
    write_export(export, store.snapshot(), clock.now)
    return json.loads(export.read_text(encoding="utf-8"))


def test_an_out_of_range_date_is_refused_on_import(tmp_path: Path) -> None:
    data = _export(tmp_path)
    data["documents"][0]["last_opened"] = "9999-12-31T23:59:59-12:00"  # type: ignore[index]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TransferError, match="ISO date-time"):
        read_import(bad)


def test_a_huge_count_and_a_lone_surrogate_are_refused(tmp_path: Path) -> None:
    data = _export(tmp_path)
    bad = tmp_path / "bad.json"
    data["days"][0]["paragraphs"] = 2**64  # type: ignore[index]
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TransferError, match="count"):
        read_import(bad)
    data = _export(tmp_path)
    data["documents"][0]["path"] = "\udcff"  # type: ignore[index]
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TransferError, match="string"):
        read_import(bad)


@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, "1" + "0" * 5000])
def test_deep_nesting_and_long_numbers_are_one_line(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(TransferError, match="not valid JSON"):
        read_import(bad)


def test_a_fifo_import_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "import.json"
    os.mkfifo(fifo)
    with pytest.raises(TransferError, match="regular"):
        read_import(fifo)


def test_export_temp_names_are_unpredictable_and_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / ".progress.json.partial").symlink_to(victim)  # the old fixed name, planted
    store, clock = make_store(tmp_path / "a", MONDAY)
    write_export(tmp_path / "progress.json", store.snapshot(), clock.now)
    assert victim.read_text(encoding="utf-8") == "keep me"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert leftovers == [".progress.json.partial"]


def _bomb(levels: int) -> str:
    lines = ["title: t", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    entry = f"  - id: x\n    category: term\n    en: x\n    aliases: *a{levels - 1}"
    return "\n".join([*lines, "entries:", entry]) + "\n"


@pytest.mark.parametrize("levels", [5, 9])
def test_alias_expansion_is_bounded_by_expanded_size(levels: int) -> None:
    (problem,) = parse_text("bomb.yaml", _bomb(levels)).problems  # one error, not 10**levels
    assert str(problem).startswith("bomb.yaml:1:1: YAML aliases expand ")
    assert str(problem).endswith("; not read")


def test_modest_alias_reuse_still_loads() -> None:
    assert "YAML aliases" not in " ".join(str(p) for p in parse_text("b.yaml", _bomb(3)).problems)


def test_a_recursive_alias_is_one_error() -> None:
    text = "title: t\nentries: &e\n  - id: x\n    category: term\n    en: x\n    aliases: *e\n"
    (problem,) = parse_text("cycle.yaml", text).errors
    assert "levels deep" in problem.message
