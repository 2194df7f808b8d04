"""Offsets given to the outside point into the file as read, however it was typed."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from glossary.annotate_json import annotation_json
from glossary.document import parse_document, read_document
from glossary.figures import find_figures
from glossary.linker import Linker
from glossary.loader import load_or_raise
from glossary.script import detect_language
from glossary.source_text import normalize_document_text, source_map
from reader.state.paths import shipped_glossary

NFD_MOON = unicodedata.normalize("NFD", "문재인")
HUN_SEN_OTHER_ORDER = "\u17a0\u17bb\u17ca\u1793 \u179f\u17c2\u1793"  # −u typed before triisap
SIHANOUK_COENG_DA = "នរោ\u178f\u17d2\u178aម សីហនុ"  # COENG DA where the glossary has COENG TA


@pytest.fixture(scope="module")
def shipped():
    glossary = load_or_raise([shipped_glossary()]).glossary
    return Linker(glossary), {entry.id: entry for entry in glossary}


def links_of(shipped, path: Path, figures: bool = False):
    linker, entries = shipped
    document = read_document(path)
    links = linker.link(document.text)
    found = find_figures(document.text) if figures else None
    return annotation_json(document, links, entries, found)


def as_read(path: Path) -> str:
    """The file as a program reading it sees it: UTF-8, BOM dropped, line ends kept."""
    return path.read_bytes().decode("utf-8-sig")


def test_every_link_after_decomposed_hangul_is_exact(shipped, tmp_path: Path):
    path = tmp_path / "moon.txt"
    text = f"President {NFD_MOON} met Hun Sen in Seoul.\r\n\r\n그 후 캄보디아는 ASEAN에서 말했다."
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    source = as_read(path)
    found = links_of(shipped, path)
    assert [link["surface"] for link in found] == [
        "President",
        NFD_MOON,
        "Hun Sen",
        "Seoul",
        "캄보디아",
        "ASEAN",
    ]
    for link in found:
        assert source[link["start"] : link["end"]] == link["surface"]


def test_khmer_in_another_order_zwsp_and_crlf(shipped, tmp_path: Path):
    path = tmp_path / "km.txt"
    text = (
        f"{HUN_SEN_OTHER_ORDER} និង {SIHANOUK_COENG_DA}\r\n"
        "នៅ\u200bព្រះរាជាណាចក្រកម្ពុជា\u200bគឺ\r\nHun Sen in 1997 gave US$300,000."
    )
    path.write_text(text, encoding="utf-8", newline="")
    source = as_read(path)
    found = links_of(shipped, path, figures=True)
    surfaces = [link["surface"] for link in found["links"]]
    assert surfaces[:3] == [HUN_SEN_OTHER_ORDER, SIHANOUK_COENG_DA, "ព្រះរាជាណាចក្រកម្ពុជា"]
    assert "Hun Sen" in surfaces
    for item in found["links"] + found["figures"]:
        assert source[item["start"] : item["end"]] == item["surface"]
    assert {f["surface"] for f in found["figures"]} >= {"1997", "US$300,000"}


def test_source_map_round_trips_every_cluster():
    source = f"a\r\nb{NFD_MOON}\rc{HUN_SEN_OTHER_ORDER}e\u0301x"
    normalized = normalize_document_text(source)
    origin = source_map(source, normalized)
    assert origin.span(0, len(normalized)) == (0, len(source))
    moon = normalized.index("문재인")
    assert source[slice(*origin.span(moon, moon + 3))] == NFD_MOON
    x = normalized.index("x")
    assert source[slice(*origin.span(x, x + 1))] == "x"


def test_document_keeps_its_source_only_when_it_differs():
    plain = parse_document("Hun Sen\n\nspoke")
    assert plain.raw is plain.text
    crlf = parse_document("Hun Sen\r\n\r\nspoke")
    assert crlf.raw == "Hun Sen\r\n\r\nspoke" and crlf.text == "Hun Sen\n\nspoke"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Prime Minister Hun Sen (ហ៊ុន សែន, 훈 센) spoke in Phnom Penh.", "en"),
        ("សម្តេចតេជោ ហ៊ុន សែន នាយករដ្ឋមន្ត្រីនៃកម្ពុជា បានថ្លែងថា (Hun Sen)", "km"),
        ("훈센 캄보디아 총리는 프놈펜에서 ASEAN 정상회의를 열었다.", "ko"),
        (unicodedata.normalize("NFD", "대한민국과 캄보디아는 수교하였다"), "ko"),
        ("1997 — 2023", "en"),
    ],
)
def test_the_main_script_decides_the_language(text: str, language: str):
    assert detect_language(text) == language


def test_language_override():
    assert detect_language("Hun Sen", "km") == "km"
    with pytest.raises(ValueError, match="unknown language"):
        detect_language("Hun Sen", "fr")
