"""A plain (non-editable) install carries the op-ed and the glossary."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import OPED, ROOT


@pytest.mark.skipif(shutil.which("uv") is None, reason="needs uv to build the wheel")
def test_wheel_ships_seed_and_glossary(tmp_path: Path):
    subprocess.run(
        ["uv", "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("tonle-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("reader/seeds/cambodia-south-korea-oped.txt") == OPED.read_bytes()
    assert "glossary/data/cambodia-korea.yaml" in names
    assert "reader/cli/root.py" in names and "glossary/linker.py" in names
    # the interface catalogs, compiled in memory when first used (no build step)
    assert {f"glossary/locale/{lang}/LC_MESSAGES/tonle.po" for lang in ("km", "ko")} <= names
