"""Where Tonle keeps its files: the one place that knows the user's directories.

Everything else receives a `Paths` value. `TONLE_DATA_DIR` and `TONLE_CACHE_DIR`
override the platform's directories (tests point them at a temporary folder).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import platformdirs

APP_NAME = "tonle"
SEED_NAME = "cambodia-south-korea-oped.txt"
GLOSSARY_NAME = "cambodia-korea.yaml"
PROGRESS_DB_NAME = "progress.sqlite3"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    cache_dir: Path

    @property
    def glossary_cache(self) -> Path:
        return self.cache_dir / "glossaries"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def personal_glossary(self) -> Path:
        """The glossary of terms the reader added or changed (loaded after the shipped one)."""
        return self.data_dir / "glossaries" / "personal.yaml"


def user_paths(env: Mapping[str, str] | None = None, data_dir: Path | None = None) -> Paths:
    """The user's directories; `data_dir` (from --data-dir) wins over the environment."""
    env = os.environ if env is None else env
    data = (
        data_dir or _from_env(env, "TONLE_DATA_DIR") or Path(platformdirs.user_data_dir(APP_NAME))
    )
    cache = _from_env(env, "TONLE_CACHE_DIR") or Path(platformdirs.user_cache_dir(APP_NAME))
    return Paths(data_dir=data, cache_dir=cache)


def _from_env(env: Mapping[str, str], name: str) -> Path | None:
    value = env.get(name, "").strip()
    return Path(value).expanduser() if value else None


def shipped_glossary() -> Path:
    """The glossary that ships with Tonle."""
    return Path(str(files("glossary") / "data" / GLOSSARY_NAME))


def seed_text() -> Path:
    """The bundled op-ed: inside the installed package, or in the source checkout."""
    packaged = Path(str(files("reader") / "seeds" / SEED_NAME))
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "seeds" / SEED_NAME
