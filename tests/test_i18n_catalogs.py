"""The Khmer and Korean catalogs: complete, in step with the code, and used by `tonle`.

A failure of `test_catalog_in_step_with_the_code` means a message was added, changed or
removed in the code: run the three pybabel commands in README ("Translating Tonle") and
translate what is new.
"""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from glossary import i18n
from tests.conftest import ROOT

TRANSLATED = ("km", "ko")
KEYWORDS = {**DEFAULT_KEYWORDS, "_": None, "N_": None, "ngettext": (1, 2)}


@pytest.fixture(scope="module")
def extracted() -> Catalog:
    """The messages in the code now, extracted as `pybabel extract -F babel.cfg` does."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream)
    catalog = Catalog(domain=i18n.DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def load(lang: str) -> Catalog:
    with open(i18n.catalog_path(lang), "rb") as stream:
        return read_po(stream, locale=lang, domain=i18n.DOMAIN)


def messages(catalog: Catalog) -> dict[object, Message]:
    return {message.id: message for message in catalog if message.id}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_in_step_with_the_code(extracted: Catalog, lang: str):
    code, po = messages(extracted), messages(load(lang))
    missing = sorted(map(str, code.keys() - po.keys()))
    stale = sorted(map(str, po.keys() - code.keys()))
    assert not missing, f"{lang}: catalog out of date with the code; missing {missing}"
    assert not stale, f"{lang}: catalog out of date with the code; obsolete {stale}"
    assert not load(lang).obsolete, f"{lang}: obsolete (#~) entries left in the catalog"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_fully_translated(lang: str):
    catalog = load(lang)
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    untranslated = [m.id for m in catalog if m.id and not all(_strings(m))]
    assert not fuzzy, f"{lang}: fuzzy entries {fuzzy}"
    assert not untranslated, f"{lang}: untranslated entries {untranslated}"


def _strings(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


_PERCENT = re.compile(r"%\(\w+\)[sd]")


def placeholders(text: str) -> set[str]:
    """`{count}`, `{name!r}`, `%(prog)s` in a message (as written, conversion included)."""
    fields = {
        "{" + name + (f"!{conversion}" if conversion else "") + "}"
        for _, name, _, conversion in string.Formatter().parse(text)
        if name is not None
    }
    return fields | set(_PERCENT.findall(text))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_their_placeholders(lang: str):
    """A translation uses the placeholders of its msgid; a plural one (Khmer and Korean
    have one form) those of the singular or the plural, never one the code does not fill."""
    wrong = []
    for message in load(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        allowed = set().union(*(placeholders(i) for i in ids))
        for text in _strings(message):
            found = placeholders(text)
            complete = any(found >= placeholders(i) for i in ids)
            if not found <= allowed or not complete:
                wrong.append((ids[0], text))
    assert not wrong, f"{lang}: placeholders changed in {wrong}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogs_compile(lang: str):
    """The catalog compiles in memory (as the app does) and translates."""
    translations = i18n.translations(lang)
    assert translations.gettext("Quit") not in ("", "Quit")


def tonle(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"},
        timeout=60,
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_help_in_the_interface_language(lang: str, tmp_path: Path):
    result = tonle("--ui-lang", lang, "--help", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    tr = i18n.translations(lang).gettext
    for english in ("Usage:", "Show this message and exit.", "Open FILE in the reader."):
        assert tr(english) != english
        assert tr(english) in result.stdout
    assert "Show this message and exit." not in result.stdout


@pytest.mark.parametrize("lang", TRANSLATED)
def test_command_help_in_the_interface_language(lang: str, tmp_path: Path):
    result = tonle("--ui-lang", lang, "export", "--help", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    tr = i18n.translations(lang).gettext
    assert tr("Only entries of this category (repeatable).") in _unwrapped(result.stdout)


def _unwrapped(text: str) -> str:
    """Help text with its line breaks and indents undone (to find a wrapped sentence)."""
    return " ".join(text.split())


@pytest.mark.parametrize("lang", TRANSLATED)
def test_errors_in_the_interface_language(lang: str, tmp_path: Path):
    missing = tmp_path / "no-such-text.txt"
    result = tonle(
        "--ui-lang", lang, "--data-dir", str(tmp_path), "read", str(missing), tmp_path=tmp_path
    )
    tr = i18n.translations(lang).gettext
    assert result.returncode == 2
    expected = tr("{path}: no such file").format(path=missing)
    assert expected != f"{missing}: no such file"
    assert result.stderr.strip() == f"tonle: {expected}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_click_errors_in_the_interface_language(lang: str, tmp_path: Path):
    result = tonle("--ui-lang", lang, "export", "--format", "docx", tmp_path=tmp_path)
    tr = i18n.translations(lang).gettext
    assert result.returncode == 2
    assert tr("Error: {message}").split("{")[0] in result.stderr
    assert tr("Try '{command} {option}' for help.").split("'")[0] in result.stderr


def test_english_help_unchanged(tmp_path: Path):
    result = tonle("--ui-lang", "en", "--help", tmp_path=tmp_path)
    assert result.stdout.startswith("Usage: tonle [OPTIONS] [COMMAND] [ARGS]...")
    assert "  -h, --help            Show this message and exit." in result.stdout


def test_glossary_problems_in_the_interface_language(write_yaml, tmp_path: Path):
    bad = write_yaml("entries:\n  - {id: a, category: nope, en: x}\n")
    result = tonle("--ui-lang", "ko", "glossary", "check", str(bad), tmp_path=tmp_path)
    message = i18n.translations("ko").gettext("unknown category {category} (one of: {categories})")
    assert result.returncode == 1
    assert f"{bad}:2:23: " + message.split("{")[0] in result.stderr  # the location stays first


def test_study_sheet_follows_the_interface_language(tmp_path: Path):
    common = ("export", "-o", "-", "--date", "2026-11-24", "--langs", "en,ko")
    korean = tonle("--ui-lang", "ko", *common, tmp_path=tmp_path)
    assert korean.returncode == 0, korean.stderr
    assert "- 날짜: 2026년 11월 24일" in korean.stdout
    english = tonle("--ui-lang", "ko", *common, "--sheet-lang", "en", tmp_path=tmp_path)
    assert "- Date: November 24, 2026" in english.stdout


def test_cached_problems_follow_the_language(write_yaml, tmp_path: Path):
    """A glossary's warnings are cached with their text; another language reads them anew."""
    from glossary.loader import load

    path = write_yaml(
        "entries:\n  - {id: a, category: term, en: x, ko: {text: 가, status: unverified}}\n"
    )
    cache = tmp_path / "cache"
    try:
        assert "has no source" in str(load([path], cache_dir=cache).warnings[0])
        i18n.use_language("ko")
        assert "출처가 없습니다" in str(load([path], cache_dir=cache).warnings[0])
    finally:
        i18n.use_language("en")
