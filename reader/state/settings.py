"""User settings: a small JSON file in the data directory, read once and passed in.

Unknown or malformed values fall back to defaults (a broken settings file never stops
Tonle); writing is atomic so an interrupted save never leaves half a file.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

GLOSS_CHOICES = ("off", "km", "ko", "both")


@dataclass
class Settings:
    theme: str = "textual-dark"
    glosses: str = "off"  # interlinear glosses: off, km, ko or both
    romanize_khmer: bool = False  # for terminals without a Khmer font
    # How the terminal measures text: "auto" asks it (DEC mode 2027) before the app starts;
    # "codepoint" (glibc: tmux, xterm, VTE) or "grapheme" (mode 2027 on) force one.
    width_model: str = "auto"
    ui_lang: str = ""  # the interface language: en, km or ko; "" follows the system locale
    khmer_digits: bool = False  # figures in the Khmer interface in Khmer digits (០១២…)


UI_LANG_CHOICES = ("", "en", "km", "ko")
WIDTH_MODEL_CHOICES = ("auto", "codepoint", "grapheme")


def _valid(name: str, value: Any, default: Any) -> bool:
    if type(value) is not type(default):
        return False
    if name == "ui_lang":
        return value in UI_LANG_CHOICES
    if name == "width_model":
        return value in WIDTH_MODEL_CHOICES
    return name != "glosses" or value in GLOSS_CHOICES


def load_settings(path: Path) -> Settings:
    """Settings from `path`; defaults for anything missing, unknown or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    defaults = Settings()
    values = {
        f.name: data[f.name]
        for f in fields(Settings)
        if f.name in data and _valid(f.name, data[f.name], getattr(defaults, f.name))
    }
    return Settings(**values)


def save_settings(path: Path, settings: Settings) -> bool:
    """Write settings atomically; False (never an exception) if it cannot be saved."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(asdict(settings), stream, indent=1)
        os.replace(tmp, path)
        return True
    return False
