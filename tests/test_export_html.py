"""The print-ready HTML sheet: self-contained, language-tagged, print CSS; and rendered.

When Chromium is installed (Debian's `chromium`), the sheet is printed to PDF and
screenshotted headless: the PDF must embed a Khmer and a Korean font whenever such
fonts are installed, which shows the text reached the page in those scripts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.export_support import oped, text

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.langs: dict[str, list[str]] = {}
        self._lang: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.links += [v for k, v in attrs if k in ("src", "href") and v]
        if tag not in ("meta", "br", "hr", "img", "link"):
            self._lang.append(values.get("lang"))

    def handle_endtag(self, tag: str) -> None:
        if self._lang:
            self._lang.pop()

    def handle_data(self, data: str) -> None:
        lang = next((lang for lang in reversed(self._lang) if lang), "")
        if data.strip():
            self.langs.setdefault(lang, []).append(data.strip())


def sheet() -> str:
    return text("html", document=oped())


def test_self_contained_and_print_ready():
    html = sheet()
    collector = _Collector()
    collector.feed(html)
    assert not [link for link in collector.links if re.match(r"(?i)(https?:)?//", link)]
    assert "url(" not in html and "@import" not in html and "<script" not in html
    assert "@page" in html and "break-inside: avoid" in html
    assert '<html lang="en">' in html


def test_khmer_and_korean_are_tagged():
    collector = _Collector()
    collector.feed(sheet())
    assert "ហ៊ុន សែន" in collector.langs["km"] and "훈 센" in collector.langs["ko"]
    assert "李明博" in collector.langs["ko"]
    khmer = re.compile(r"[\u1780-\u17FF]")
    hangul = re.compile(r"[\uAC00-\uD7A3]")
    for lang, chunks in collector.langs.items():
        if lang != "km":
            assert not any(khmer.search(chunk) for chunk in chunks), lang
        if lang != "ko":
            assert not any(hangul.search(chunk) for chunk in chunks), lang


def test_font_stacks_and_unverified_marks():
    html = sheet()
    for font in ("Noto Sans Khmer", "Khmer OS", "Khmer OS System", "Khmer UI", "Leelawadee UI"):
        assert f'"{font}"' in html
    for font in ("Noto Sans KR", "Noto Sans CJK KR", "Nanum Gothic", "Malgun Gothic"):
        assert f'"{font}"' in html
    assert html.count('<span class="mark">(unverified)</span>') == 2  # 이명박, ជំនួយឥតសំណង
    assert "has not yet been confirmed by a source" in html


def _chromium(*args: str, cwd: Path) -> None:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-sync",
        "--disable-background-networking",
        "--disable-component-update",
        f"--user-data-dir={cwd / 'profile'}",
    ]
    assert CHROMIUM is not None
    subprocess.run([CHROMIUM, *flags, *args], cwd=cwd, check=True, capture_output=True, timeout=120)


def _installed(family: str) -> bool:
    fc = shutil.which("fc-list")
    if fc is None:
        return False
    fonts = subprocess.run([fc, ":", "family"], capture_output=True, text=True).stdout
    return family.lower() in fonts.lower()


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian package chromium)")
def test_renders_in_chromium(tmp_path: Path):
    page = tmp_path / "sheet.html"
    page.write_text(sheet(), encoding="utf-8")
    _chromium("--window-size=900,1400", "--screenshot=shot.png", page.as_uri(), cwd=tmp_path)
    _chromium("--no-pdf-header-footer", "--print-to-pdf=sheet.pdf", page.as_uri(), cwd=tmp_path)
    assert (tmp_path / "shot.png").stat().st_size > 10_000
    fonts = set(
        re.findall(rb"/FontName\s*/[A-Z]{6}\+([\w-]+)", (tmp_path / "sheet.pdf").read_bytes())
    )
    if _installed("khmer"):
        assert any(b"Khmer" in font for font in fonts), fonts
    if _installed("CJK KR") or _installed("Nanum"):
        assert any(b"KR" in font.upper() or b"NANUM" in font.upper() for font in fonts), fonts
