"""Tests for reader.terminal.text: terminal-true widths and cluster-safe wrapping."""

from __future__ import annotations

import ctypes
import locale
import platform
import unicodedata
from typing import ClassVar

import pytest
import regex
import rich._wrap
import rich.cells
import rich.text
import textual.content
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.geometry import Region
from textual.widgets import DataTable, Footer, Label, Static

from reader.terminal import rich_patch
from reader.terminal import text as tt

ZWSP, NBSP, COENG = "\u200b", "\u00a0", "\u17d2"

# (text, codepoint/glibc width, grapheme width) from the notes' measurement table.
SAMPLES = [
    ("ហ៊ុន សែន", 6, 6),
    ("នរោត្តម សីហនុ", 10, 10),
    ("ព្រះរាជាណាចក្រកម្ពុជា", 17, 16),
    ("សហប្រតិបត្តិការ", 11, 11),
    ("ស្ត្រី", 3, 2),
    ("ឡើង", 3, 3),
    (f"ព្រះរាជាណាចក្រ{ZWSP}កម្ពុជា", 17, 16),
    ("대한민국", 8, 8),
    (unicodedata.normalize("NFD", "대한민국"), 8, 8),
    ("훈 센", 5, 5),
    ("비무장지대", 10, 10),
    ("Hun Sen", 7, 7),
]

KM_WORDS = ["ព្រះរាជាណាចក្រ", "កម្ពុជា", "ជា", "ប្រទេស", "មួយ", "នៅ", "អាស៊ីអាគ្នេយ៍", "ដែល"]
KM_WORDS += ["មាន", "រាជធានី", "ភ្នំពេញ", "និង", "ស្ត្រី", "សហប្រតិបត្តិការ"]
KM_NOSPACE = "".join(KM_WORDS)
KM_ZWSP = ZWSP.join(KM_WORDS)
KM_SPACES = "ហ៊ុន សែន និង នរោត្តម សីហនុ នៅ ព្រះរាជាណាចក្រកម្ពុជា ស្ត្រី សហប្រតិបត្តិការ"
KO = "대한민국의 비무장지대는 한반도를 가로지르는 군사분계선 양쪽의 완충 지역이다. 훈 센은 정치인."
KO_NFD = unicodedata.normalize("NFD", KO)
TEXTS = [KM_SPACES, KM_ZWSP, KM_NOSPACE, KO, KO_NFD]


@pytest.fixture(autouse=True)
def _pristine():
    """Every test starts and ends with Rich/Textual unpatched."""
    rich_patch.uninstall()
    yield
    rich_patch.uninstall()


@pytest.fixture(scope="module")
def glibc_wcswidth():
    """glibc's wcswidth in a UTF-8 locale (the model tmux follows), or skip."""
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        pytest.skip("needs glibc")
    wcswidth = ctypes.CDLL(None).wcswidth
    wcswidth.argtypes, wcswidth.restype = [ctypes.c_wchar_p, ctypes.c_size_t], ctypes.c_int
    saved = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no C.UTF-8 locale")
    yield lambda text: wcswidth(text, len(text))
    locale.setlocale(locale.LC_CTYPE, saved)


def boundaries(text: str) -> set[int]:
    """Offsets where an extended grapheme cluster starts or the text ends."""
    return {m.start() for m in regex.finditer(r"\X", text)} | {len(text)}


# --- widths ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected", "_"), SAMPLES)
def test_codepoint_width(text, expected, _):
    assert tt.cell_width(text) == tt.cell_width(text, "codepoint") == expected


@pytest.mark.parametrize(("text", "expected", "_"), SAMPLES)
def test_codepoint_width_matches_glibc(text, expected, _, glibc_wcswidth):
    assert glibc_wcswidth(text) == tt.cell_width(text) == expected


def test_codepoint_model_matches_glibc_per_character(glibc_wcswidth):
    blocks = [(0x20, 0x2FF), (0x1100, 0x11FF), (0x1780, 0x17FF), (0x19E0, 0x19FF)]
    blocks += [(0x2000, 0x206F), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)]
    wrong = [
        hex(cp)
        for first, last in blocks
        for cp in range(first, last + 1)
        if glibc_wcswidth(chr(cp)) not in (-1, tt.cell_width(chr(cp)))
    ]
    assert wrong == []


@pytest.mark.parametrize(("text", "_", "expected"), SAMPLES)
def test_grapheme_width(text, _, expected):
    assert tt.cell_width(text, tt.WidthModel.GRAPHEME) == expected


def test_grapheme_cluster_rules():
    assert tt.cluster_width("ស្ត្រី", "grapheme") == 2  # conjunct capped at 2
    assert tt.cluster_width("សែ", "grapheme") == 2  # base + Mc
    assert tt.cluster_width("❤\ufe0f", "grapheme") == 2  # VS16 widens
    assert tt.cluster_width("❤\ufe0f", "codepoint") == 1
    assert tt.cell_width("a\tb\x1b") == 2  # control characters take no cell


def test_rich_single_cell_fast_path_agrees():
    # Rich skips measuring strings made only of these; our model must give them 1 cell too.
    assert {tt.cell_width(c) for c in rich.cells._SINGLE_CELLS} == {1}


# --- wrapping -------------------------------------------------------------------------------


def assert_well_formed(text: str, width: int, model: str = "codepoint") -> list[str]:
    """Lines fit, breaks sit on cluster boundaries, no line starts with a mark or ends in COENG."""
    offsets = tt.break_offsets(text, width, model=model)
    assert set(offsets) <= boundaries(text)
    lines = tt.wrap_lines(text, width, model=model)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert tt.cell_width(line, model) <= width, (width, line)
        assert not line or unicodedata.category(line[0]) not in ("Mn", "Mc")
        assert not line.endswith(COENG)
        assert not line or not 0x1160 <= ord(line[0]) <= 0x11FF  # no NFD jamo vowel/final first
    return lines


@pytest.mark.parametrize("model", ["codepoint", "grapheme"])
@pytest.mark.parametrize("text", TEXTS)
def test_wrap_is_cluster_safe(text, model):
    for width in range(3, 41):  # 3 = widest cluster, so every line can fit
        assert_well_formed(text, width, model)


def test_breaks_follow_zwsp_unless_a_word_is_too_wide():
    word_at = {}  # offset -> width of the ZWSP-delimited word containing it
    position = 0
    for word in KM_WORDS:
        for i in range(position, position + len(word) + 1):
            word_at[i] = tt.cell_width(word)
        position += len(word) + 1
    zwsp_breaks = 0
    for width in range(3, 41):
        for offset in tt.break_offsets(KM_ZWSP, width):
            assert KM_ZWSP[offset - 1] == ZWSP or word_at[offset] > width, (width, offset)
            zwsp_breaks += KM_ZWSP[offset - 1] == ZWSP
    assert zwsp_breaks > 100


def test_zwsp_and_nospace_wrap_differently():
    assert tt.wrap_lines(KM_ZWSP, 30) != tt.wrap_lines(KM_NOSPACE, 30)
    assert tt.wrap_lines(f"ក{ZWSP}ខ", 1) == [f"ក{ZWSP}", "ខ"]


def test_nbsp_never_breaks():
    text = f"300{NBSP}ពាន់ និង 1{NBSP}ប៊ីលាន{NBSP}$ ab{NBSP}cd ef"
    for width in range(8, 30):
        for line in assert_well_formed(text, width):
            assert not line.startswith(NBSP) and not line.endswith(NBSP)
        for offset in tt.break_offsets(text, width):
            assert NBSP not in (text[offset - 1], text[offset])


def test_khmer_without_zwsp_folds_between_clusters():
    lines = assert_well_formed(KM_NOSPACE, 12)
    assert lines[:2] == ["ព្រះរាជាណាចក្រ", "កម្ពុជាជាប្រទេស"]  # the notes' shim output
    assert tt.wrap_lines("ស្ត្រី", 1) == ["ស្ត្រី"]  # one cluster: overflows, never cut


def test_trailing_spaces_dropped_at_breaks_and_newlines_are_hard():
    assert tt.wrap_lines("ab   cd ef", 5) == ["ab", "cd ef"]
    assert tt.wrap_lines("ab\n\ncd ", 10) == ["ab", "", "cd "]
    assert tt.wrap_lines("  indented text", 10) == ["  indented", "text"]


def test_ascii_wraps_like_rich():
    text = "The quick brown fox jumps over the lazy dog; supercalifragilistic words fold."
    for width in range(20, 80):  # every word fits: identical breaks
        assert tt.break_offsets(text, width) == rich._wrap.divide_line(text, width), width
    # Folding differs on purpose: Rich moves a folded word's trailing space to the next line.
    assert tt.wrap_lines(text, 10)[5:7] == ["supercalif", "ragilistic"]
    assert tt.wrap_lines(text, 10)[7] == "words"
    assert rich._wrap.divide_line(text, 10)[6] == text.index(" words")


# --- Rich/Textual integration ---------------------------------------------------------------


def test_internals_present():
    assert rich_patch.internals_present() == []


def test_internals_alarm_fires(monkeypatch):
    monkeypatch.delattr(textual.content, "divide_line")
    monkeypatch.setattr(rich.cells, "chop_cells", lambda text, width: [text])
    assert rich_patch.internals_present() == [
        "textual.content:divide_line",
        "rich.cells:chop_cells no longer references split_graphemes",
    ]
    with pytest.warns(RuntimeWarning, match="internals moved"):
        rich_patch.install()
    rich_patch.uninstall()
    assert not hasattr(textual.content, "divide_line")  # nothing was invented


def test_install_patches_rich_cell_len():
    before = [rich.cells.cell_len(text) for text, _, _ in SAMPLES]
    assert before[2] == 12  # Rich's own Mc = 0 width for ព្រះរាជាណាចក្រកម្ពុជា
    rich_patch.install()
    after = [rich.cells.cell_len(text) for text, _, _ in SAMPLES]
    assert after == [width for _, width, _ in SAMPLES]
    assert after == [tt.cell_width(text) for text, _, _ in SAMPLES]
    assert rich.cells.get_character_cell_size("\u17b6") == 1  # per-character users agree
    assert rich.cells.chop_cells("ព្រះរាជា", 3) == ["ព្រះ", "រា", "ជា"]  # no COENG cut
    rich_patch.install("grapheme")
    assert rich.cells.cell_len("ស្ត្រី") == 2 and tt.active_model() == "grapheme"


def test_install_idempotent_and_uninstall_restores():
    names = [("rich.cells", "_cell_len"), ("rich.cells", "split_graphemes")]
    names += [("rich.cells", "load_cell_table"), ("rich._wrap", "divide_line")]
    modules = {"rich.cells": rich.cells, "rich._wrap": rich._wrap, "rich.text": rich.text}
    modules["textual.content"] = textual.content
    names += [("rich.text", "divide_line"), ("textual.content", "divide_line")]
    originals = [getattr(modules[m], a) for m, a in names]
    rich_patch.install()
    patched = [getattr(modules[m], a) for m, a in names]
    assert all(p is not o for p, o in zip(patched, originals, strict=True))
    rich_patch.install()
    assert [getattr(modules[m], a) for m, a in names] == patched
    rich_patch.uninstall()
    assert all(getattr(modules[m], a) is o for (m, a), o in zip(names, originals, strict=True))
    assert rich.cells.cell_len("ព្រះរាជាណាចក្រកម្ពុជា") == 12
    assert rich.cells.get_character_cell_size("\u17b6") == 0
    assert tt.active_model() == tt.DEFAULT_MODEL
    rich_patch.uninstall()  # harmless when not installed


class SweepApp(App):
    CSS = "Static { border: solid white; height: auto; }"

    def compose(self) -> ComposeResult:
        for text in TEXTS:
            yield Static(text, markup=False)


async def sweep_failures(widths: range) -> list[str]:
    """Render TEXTS in bordered Statics at each width; describe every misdrawn line."""
    failures = []
    for width in widths:
        app = SweepApp()
        async with app.run_test(size=(width, 30)):
            for static, text in zip(app.query(Static), TEXTS, strict=True):
                outer = static.outer_size
                strips = static.render_lines(Region(0, 0, outer.width, outer.height))
                position = 0
                for line in (strip.text for strip in strips):
                    if tt.cell_width(line) != outer.width:
                        failures.append(f"w={width}: {line!r} is {tt.cell_width(line)} cells")
                    if line[0] != "│":
                        continue  # top/bottom border
                    body = line[1:-1].rstrip(" ")
                    while text.startswith(" ", position):
                        position += 1
                    if not text.startswith(body, position):
                        failures.append(f"w={width}: {body!r} is not the next part of the text")
                        break
                    if not {position, position + len(body)} <= boundaries(text):
                        failures.append(f"w={width}: {body!r} cuts a grapheme cluster")
                    position += len(body)
    return failures


async def test_textual_sweep_with_install_lines_up():
    rich_patch.install()
    assert await sweep_failures(range(20, 61)) == []


async def test_textual_sweep_without_install_misaligns():
    assert len(await sweep_failures(range(20, 61))) > 0


class TableApp(App):
    BINDINGS: ClassVar = [Binding("q", "quit", "ចាកចេញ"), Binding("s", "search", "ស្វែងរកពាក្យ")]
    CSS = "Label { border: round red; width: 20; } DataTable { height: 5; }"

    def compose(self) -> ComposeResult:
        yield Label(KM_SPACES)
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("en", "km", "ko")
        table.add_row("Hun Sen", "ហ៊ុន សែន", "훈 센")
        table.add_row("Cambodia", "ព្រះរាជាណាចក្រកម្ពុជា", "캄보디아")


async def misdrawn_table_lines() -> list[str]:
    """Lines of the Label, DataTable and Footer whose terminal width is not the widget's."""
    app = TableApp()
    async with app.run_test(size=(40, 12)):
        widgets = [app.query_one(Label), app.query_one(DataTable), app.query_one(Footer)]
        return [
            strip.text
            for widget in widgets
            for strip in widget.render_lines(Region(0, 0, *widget.outer_size))
            if tt.cell_width(strip.text) != widget.outer_size.width
        ]


async def test_datatable_footer_label_line_up():
    assert len(await misdrawn_table_lines()) > 0
    rich_patch.install()
    assert await misdrawn_table_lines() == []


def test_parse_decrqm_2027():
    assert tt.DECRQM_QUERY_2027 == "\x1b[?2027$p"
    assert tt.parse_decrqm_2027(b"\x1b[?2027;1$y") is True
    assert tt.parse_decrqm_2027(b"\x1b[?2027;3$y") is True
    assert tt.parse_decrqm_2027(b"\x1b[?2027;2$y") is False
    assert tt.parse_decrqm_2027(b"\x1b[?2027;4$y") is False
    assert tt.parse_decrqm_2027(b"\x1b[?2027;0$y") is None
    assert tt.parse_decrqm_2027(b"") is None
    assert tt.parse_decrqm_2027(b"\x1b[?2026;1$y") is None
    assert tt.parse_decrqm_2027(b"\x1b[I\x1b[?2027;1$y\x1b[0n") is True  # amid other input


def test_fast_path_for_simple_text_breaks_exactly_like_the_general_path(monkeypatch):
    """Latin text takes a fast path; it must give the very same breaks."""
    import random
    import re

    from reader.terminal import text as terminal_text

    rng = random.Random(5)
    words = ["a", "Korea’s", "grant", "US$300,000", "—", "x" * 30, "“quoted”", "co-operation", "  "]
    cases = []
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
        cases.append((text, rng.randint(1, 50), rng.random() < 0.8))
    fast = [terminal_text.break_offsets(*case) for case in cases]
    monkeypatch.setattr(terminal_text, "_SIMPLE", re.compile(r"(?!)"))
    general = [terminal_text.break_offsets(*case) for case in cases]
    assert fast == general
