"""Golden files: every text format exported from tests/fixtures/mini.yaml and the op-ed.

The expected files live in tests/golden/. After an intended change of a format, rewrite
them with

    TONLE_UPDATE_GOLDEN=1 uv run pytest tests/test_export_golden.py

and review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.export_support import oped, parts

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("TONLE_UPDATE_GOLDEN") == "1"

# name → (format, options); omegat gives one golden file per target language.
CASES = {
    "mini.md": ("md", {"text": True}),
    "mini.csv": ("csv", {"text": True}),
    "mini.anki.txt": ("anki-tsv", {"text": True}),
    "mini.omegat.txt": ("omegat", {"text": True}),
    "mini.tbx": ("tbx", {"text": True}),
    "mini.json": ("json", {"text": True}),
    "mini-all-ko-order.md": ("md", {"order": "ko", "langs": ("en", "ko")}),
    "mini-all-km-en.csv": ("csv", {"order": "km", "langs": ("km", "en")}),
    # study sheets with their headings, legend and date in Khmer and in Korean
    "mini-sheet-km.md": ("md", {"text": True, "sheet_lang": "km"}),
    "mini-sheet-ko.md": ("md", {"order": "ko", "langs": ("ko", "en"), "sheet_lang": "ko"}),
}


def _files(name: str) -> dict[Path, bytes]:
    fmt, options = CASES[name]
    options = dict(options)
    if options.pop("text", False):
        options["document"] = oped()
    stem, _, ext = name.partition(".")
    out: dict[Path, bytes] = {}
    for part in parts(fmt, **options):
        assert isinstance(part.content, str)
        out[GOLDEN / f"{stem}{part.suffix}.{ext}"] = part.content.encode("utf-8")
    return out


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str):
    for path, data in _files(name).items():
        if UPDATE:
            path.write_bytes(data)
        assert path.exists(), f"{path.name} missing: run with TONLE_UPDATE_GOLDEN=1"
        assert data.decode("utf-8") == path.read_bytes().decode("utf-8"), path.name
