"""Shared fixtures: every test runs with its own empty data and cache directories."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OPED = ROOT / "seeds" / "cambodia-south-korea-oped.txt"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Tonle's data and cache directories at tmp_path, never the real home."""
    monkeypatch.setenv("TONLE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TONLE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


@pytest.fixture
def write_yaml(tmp_path: Path):
    """Write YAML text to a file in tmp_path and return its path."""

    def write(text: str, name: str = "g.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
