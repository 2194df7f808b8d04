"""The domain package never imports the UI (textual, rich) or the app (reader)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_glossary_imports_no_ui():
    code = (
        "import sys, pkgutil, importlib, glossary\n"
        "for m in pkgutil.walk_packages(glossary.__path__, 'glossary.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich', 'reader'))\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
