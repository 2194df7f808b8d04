"""Figures in the op-ed and elsewhere, with their Khmer and Korean renderings.

Every row names the reference its renderings were checked against; the keys are
explained in REFS (and, with the rules, in glossary/FIGURES.md).
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from babel.numbers import format_compact_decimal

import glossary.l10n
from glossary.figures import (
    LANGS,
    Figure,
    Kind,
    figure_card,
    figure_gloss,
    find_figures,
    khmer_number,
    korean_number,
    render_figure,
)
from glossary.l10n import compact, join
from tests.conftest import ROOT

OPED = (ROOT / "seeds" / "cambodia-south-korea-oped.txt").read_text(encoding="utf-8")

REFS = {
    # Korean
    "K44": "한글 맞춤법 §44: 12억 3456만 7898, no commas (rule44.html; ggilbo.com idxno=150694)",
    "K43": "한글 맞춤법 §43 + 국립국어원 Q&A: unit noun spaced after 만/억, may attach to digits",
    "AJU": "Ajunews 2025-04-01: 3억 1500만 달러, 약 1만명, 지난해 5월",
    "YNA": "Yonhap 2022-06-13: 7억달러(2016∼2023년), 후보 사업 16건",
    "ETN": "etnews 2024-05-16: 2022~2026년 15억 달러",
    "NBC": "nbcambodia 2017-06-13: 1991년부터 2014년까지, 3위 국가",
    "KPI": "kpinews idxno=37626: 8억8000만 달러, 복교 20주년",
    "GMV": "goodmorningvietnam 2023-04-13: 20만 명 이상, 약 2만 명",
    "ASN": "kor.theasian.asia 58122: 400여명",
    "DMZ": "dmz.gg.go.kr: 총길이 248㎞, 907㎢; wiki.onul.works: 폭 4km",
    "ONW": "wiki.onul.works: 2000년대",
    "STD": "표준국어대사전 수백 (not re-read online)",
    "CLDR-ko": "Babel 2.18 / CLDR ko: compact 30만 10억 1700만, y → 1953년, yMMMM, units",
    # Khmer
    "PK1": "Post Khmer 2024-01-21: ជាង ២៨១ លានដុល្លារ, ២៨១,១៤, ២០,៣ ភាគរយ",
    "PK2": "Post Khmer 2024-05-17: ក្រុមហ៊ុនកូរ៉េចំនួនជាង ៣០០ក្រុមហ៊ុន",
    "AMS": "AMS Infotainment (TXT Soobin): ៧០ ម៉ឺនដុល្លារ, ១០០ លានវ៉ុន",
    "AMK": "amskh.co/c/565506: ១០ម៉ឺនកំប្លេ, ២ពាន់នាក់",
    "VOD": "VOD 2016-05-03: ១៨ពាន់លានដុល្លារ",
    "GOV": "information.gov.kh 445419: ២,៥ ពាន់លានដុល្លារ",
    "DCC": "DC-Cam khmerrougehistory.org: ទសវត្សរ៍ទី៩០, ប្រមាណពី៤ ទៅ៥ម៉ឺននាក់",
    "RFI": "RFI Khmer 2017-06-09: ច្រើនរយនាក់",
    "FN1": "Freshnews 2016-03-11: ឆ្នាំ២០១៥-២០១៦",
    "FN2": "Freshnews 2016-04-08: គិតពីឆ្នាំ១៩៩២ ដល់ឆ្នាំ២០១៥",
    "FN3": "Freshnews 2020-05-26: អនុប្រធាន…៥រូប, ៤០នាក់",
    "PHM": "penhchetmedia 2144: ខួបលើកទី៦៧",
    "PSN": "postnews.com.kh 97238: ៣០.០០០នាក់, ថ្ងៃទី១៣ ខែវិច្ឆិកា ឆ្នាំ២០១៦",
    "KTM": "khtoem 209668: ឆ្នាំមុន",
    "RFA": "RFA Khmer 2023-05-15: ជាប់លេខ៤",
    "DAP": "dap-news 2023-10-10: ប្រវែង…ម៉ែត្រ ទទឹង…ម៉ែត្រ",
    "PMH": "pmhotnews 2017-10-21: ចំនួន ៥ ទៀត, ០,៨%",
    "RSM": "rasmeinews: ប្រមាណ៤០០.០០០នាក់",
    "CLDR-km": "Babel 2.18 / CLDR km: month names, unit names, khmr symbols (. and ,)",
}

# Every figure of the op-ed, in text order: surface, kind, Korean, Khmer, references.
OPED_FIGURES = [
    ("US$300,000", Kind.MONEY, "30만 달러", "៣០ម៉ឺនដុល្លារ", "CLDR-ko K43 AMS"),
    ("23rd anniversary", Kind.ORDINAL, "23주년", "ខួបលើកទី២៣", "KPI PHM"),
    ("1996/97", Kind.YEARS, "1996~1997년", "ឆ្នាំ១៩៩៦-១៩៩៧", "ETN YNA FN1"),
    ("1980s", Kind.DECADE, "1980년대", "ទសវត្សរ៍ទី៨០", "ONW DCC"),
    ("2018", Kind.YEAR, "2018년", "ឆ្នាំ២០១៨", "CLDR-ko FN1"),
    ("2019", Kind.YEAR, "2019년", "ឆ្នាំ២០១៩", "CLDR-ko FN1"),
    ("Three", Kind.COUNT, "3명", "៣រូប", "K43 FN3"),
    ("more than US$1 billion", Kind.MONEY, "10억 달러 이상", "ជាង ១ពាន់លានដុល្លារ", "GMV VOD PK1"),
    ("second", Kind.ORDINAL, "2위", "លេខ២", "NBC RFA"),
    ("More than 250", Kind.COUNT, "250개 이상", "ជាង ២៥០ក្រុមហ៊ុន", "K43 GMV PK2"),
    ("second", Kind.ORDINAL, "두 번째", "ទី២", "K43 RFA"),
    ("October last year", Kind.DATE, "지난해 10월", "ខែតុលា ឆ្នាំមុន", "AJU CLDR-km KTM"),
    (
        "from 1996 through to 2018",
        Kind.YEARS,
        "1996년부터 2018년까지",
        "ពីឆ្នាំ១៩៩៦ ដល់ឆ្នាំ២០១៨",
        "NBC FN2",
    ),
    ("more than US$300 million", Kind.MONEY, "3억 달러 이상", "ជាង ៣០០លានដុល្លារ", "K44 GMV PK1"),
    ("2019", Kind.YEAR, "2019년", "ឆ្នាំ២០១៩", "CLDR-ko FN1"),
    ("US$17 million", Kind.MONEY, "1700만 달러", "១៧លានដុល្លារ", "K44 CLDR-ko PK1"),
    ("2020", Kind.YEAR, "2020년", "ឆ្នាំ២០២០", "CLDR-ko FN1"),
    ("US$24 million", Kind.MONEY, "2400만 달러", "២៤លានដុល្លារ", "K44 CLDR-ko PK1"),
    ("November 2019", Kind.DATE, "2019년 11월", "ខែវិច្ឆិកា ឆ្នាំ២០១៩", "CLDR-ko CLDR-km PSN"),
    ("US$889 million", Kind.MONEY, "8억 8900만 달러", "៨៨៩លានដុល្លារ", "K44 AJU PK1"),
    ("US$442 million", Kind.MONEY, "4억 4200만 달러", "៤៤២លានដុល្លារ", "K44 AJU PK1"),
    (
        "from 2019 through to 2023",
        Kind.YEARS,
        "2019년부터 2023년까지",
        "ពីឆ្នាំ២០១៩ ដល់ឆ្នាំ២០២៣",
        "NBC FN2",
    ),
    ("US$700 million", Kind.MONEY, "7억 달러", "៧០០លានដុល្លារ", "YNA PK1"),
    ("ten more", Kind.COUNT, "추가 10건", "១០គម្រោងទៀត", "YNA PMH"),
    ("roughly 50,000", Kind.COUNT, "약 5만 명", "ប្រមាណ ៥ម៉ឺននាក់", "AJU GMV DCC RSM"),
    ("several hundreds", Kind.COUNT, "수백 명", "ច្រើនរយនាក់", "STD K43 RFI"),
    ("more than 8,000", Kind.COUNT, "8,000명 이상", "ជាង ៨ពាន់នាក់", "K43 GMV AMK"),
    ("more than 10,000", Kind.COUNT, "1만 명 이상", "ជាង ១ម៉ឺននាក់", "GMV AMK PK1"),
    ("1,000 sq. km", Kind.MEASURE, "1,000km²", "១.០០០ គីឡូម៉ែត្រ\u200bការ៉េ", "DMZ CLDR-ko CLDR-km"),
    ("250 km long", Kind.MEASURE, "길이 250km", "ប្រវែង ២៥០ គីឡូម៉ែត្រ", "DMZ CLDR-km DAP"),
    ("4 km wide", Kind.MEASURE, "폭 4km", "ទទឹង ៤ គីឡូម៉ែត្រ", "DMZ CLDR-km DAP"),
    ("1953", Kind.YEAR, "1953년", "ឆ្នាំ១៩៥៣", "CLDR-ko FN1"),
]

# Words of the op-ed that look like figures but are not (see FIGURES.md).
OPED_NON_FIGURES = [
    "COVID-19",
    "two Asian nations",
    "one of my economic advisors",
    "the two countries",
    "At one point",
    "two leaders",
    "one day",
    "two Koreas",
    "two-people relations",
    "Almost every time",
]


def test_every_figure_of_the_oped_is_found_and_nothing_else():
    found = find_figures(OPED)
    assert [(f.surface, f.kind) for f in found] == [(s, k) for s, k, *_ in OPED_FIGURES]
    assert all(OPED[f.start : f.end] == f.surface for f in found)


@pytest.mark.parametrize("phrase", OPED_NON_FIGURES)
def test_oped_non_figures_are_not_linked(phrase: str):
    start = OPED.index(phrase)
    end = start + len(phrase)
    overlapping = [f.surface for f in find_figures(OPED) if f.start < end and start < f.end]
    assert overlapping == []


@pytest.mark.parametrize(
    ("index", "row"), list(enumerate(OPED_FIGURES)), ids=[r[0] for r in OPED_FIGURES]
)
def test_oped_renderings(index: int, row: tuple[str, Kind, str, str, str]):
    surface, _, korean, khmer, refs = row
    assert all(key in REFS for key in refs.split())
    figure = find_figures(OPED)[index]
    assert figure.surface == surface
    assert render_figure(figure, "ko").text == korean
    assert render_figure(figure, "km").text == khmer


# Other figures: sentence, surface, Korean, Khmer, references.
MORE_FIGURES = [
    ("It cost $5.", "$5", "5달러", "៥ដុល្លារ", "K43 CLDR-km"),
    ("Pay KHR 4,000 now.", "KHR 4,000", "4,000리엘", "៤ពាន់រៀល", "K43 AMK"),
    ("It was 4,000 riels.", "4,000 riels", "4,000리엘", "៤ពាន់រៀល", "K43 AMK"),
    ("A gift of 100 million won.", "100 million won", "1억 원", "១០០លានវ៉ុន", "CLDR-ko AMS"),
    ("It cost US$2.5 billion.", "US$2.5 billion", "25억 달러", "២,៥ពាន់លានដុល្លារ", "K44 GOV"),
    ("Aid of US$1.5 million.", "US$1.5 million", "150만 달러", "១,៥លានដុល្លារ", "CLDR-ko CLDR-km"),
    (
        "About US$700,000 came.",
        "About US$700,000",
        "약 70만 달러",
        "ប្រមាណ ៧០ម៉ឺនដុល្លារ",
        "AJU AMS RSM",
    ),
    (
        "It cost 1,234,567,898 dollars.",
        "1,234,567,898 dollars",
        "12억 3456만 7898달러",
        "១.២៣៤.៥៦៧.៨៩៨ដុល្លារ",
        "K44 CLDR-km",
    ),
    ("Trade rose 20.3 per cent.", "20.3 per cent", "20.3%", "២០,៣ ភាគរយ", "CLDR-ko PK1"),
    ("Only 0.8% is protected.", "0.8%", "0.8%", "០,៨ ភាគរយ", "CLDR-ko PMH"),
    (
        "On 9 November 1953 it ended.",
        "9 November 1953",
        "1953년 11월 9일",
        "ថ្ងៃទី៩ ខែវិច្ឆិកា ឆ្នាំ១៩៥៣",
        "CLDR-ko PSN",
    ),
    (
        "On November 9, 1953 it ended.",
        "November 9, 1953",
        "1953년 11월 9일",
        "ថ្ងៃទី៩ ខែវិច្ឆិកា ឆ្នាំ១៩៥៣",
        "CLDR-ko PSN",
    ),
    ("The plan for 2019-2023 is out.", "2019-2023", "2019~2023년", "ឆ្នាំ២០១៩-២០២៣", "ETN FN1"),
    ("The plan for 2019–23 is out.", "2019–23", "2019~2023년", "ឆ្នាំ២០១៩-២០២៣", "ETN FN1"),
    ("Workers: 1500 workers came.", "1500", "1,500명", "១.៥០០នាក់", "K43 PSN"),
    ("There were 12,345 people.", "12,345", "1만 2345명", "១២.៣៤៥នាក់", "K44 PSN"),
    ("Hundreds of students came.", "Hundreds", "수백 명", "រាប់រយនាក់", "STD K43 RFI"),
    (
        "Tens of thousands of people came.",
        "Tens of thousands",
        "수만 명",
        "រាប់ម៉ឺននាក់",
        "STD K43 RFI",
    ),
    ("It ranked 4th overall.", "4th", "4위", "លេខ៤", "NBC RFA"),
    ("The 70th anniversary.", "70th anniversary", "70주년", "ខួបលើកទី៧០", "KPI PHM"),
    ("At least 300 children.", "At least 300", "최소 300명", "យ៉ាងតិច ៣០០នាក់", "K43 PMH"),
    (
        "Nearly 240 million dollars.",
        "Nearly 240 million dollars",
        "거의 2억 4000만 달러",
        "ជិត ២៤០លានដុល្លារ",
        "K44 PK1",
    ),
    ("The 2000s were calm.", "2000s", "2000년대", "ទសវត្សរ៍ឆ្នាំ២០០០", "ONW"),
    ("A bridge 149 metres long.", "149 metres long", "길이 149m", "ប្រវែង ១៤៩ ម៉ែត្រ", "CLDR-ko DAP"),
]


@pytest.mark.parametrize("row", MORE_FIGURES, ids=[r[1] for r in MORE_FIGURES])
def test_more_renderings(row: tuple[str, str, str, str, str]):
    sentence, surface, korean, khmer, refs = row
    assert all(key in REFS for key in refs.split())
    (figure,) = find_figures(sentence)
    assert figure.surface == surface
    assert render_figure(figure, "ko").text == korean
    assert render_figure(figure, "km").text == khmer


@pytest.mark.parametrize(
    "sentence",
    [
        "the COVID-19 fight",
        "the G20 summit",
        "at 10:30 today",
        "1/250 of the land",
        "see khmerinkorea.com/3496",
        "in October they met",
        "May we go?",
        "a second later",
        "two thirds of it",
        "at first",
        "the Second World War",
        "one day, two leaders",
        "the 23th edition",
        "early this year and last week",
    ],
)
def test_not_figures(sentence: str):
    assert find_figures(sentence) == []


def test_a_year_with_a_qualifier_stays_a_year():
    (figure,) = find_figures("It rose over 2019 levels.")
    assert (figure.surface, figure.kind) == ("2019", Kind.YEAR)


def test_every_khmer_rendering_uses_khmer_digits():
    sentences = [OPED] + [row[0] for row in MORE_FIGURES]
    for sentence in sentences:
        for figure in find_figures(sentence):
            text = render_figure(figure, "km").text
            assert not any("0" <= ch <= "9" for ch in text), text


# --- the number rules ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (250, "250"),
        (8000, "8,000"),
        (10_000, "1만"),
        (50_000, "5만"),
        (300_000, "30만"),
        (17_000_000, "1700만"),
        (889_000_000, "8억 8900만"),
        (1_000_000_000, "10억"),
        (1_234_567_898, "12억 3456만 7898"),  # 한글 맞춤법 §44's own example
        (2_000_000_000_000, "2조"),
        (Decimal("5.5"), "5.5"),
    ],
)
def test_korean_number(value: int | Decimal, expected: str):
    assert korean_number(Decimal(value)) == expected


@pytest.mark.parametrize("value", [10_000, 50_000, 300_000, 17_000_000, 10**9, 7 * 10**8])
def test_korean_single_group_is_babels_compact_form(value: int):
    """Where Babel's (CLDR's) ko compact data is right, it is what we print."""
    assert korean_number(Decimal(value)) == format_compact_decimal(value, locale="ko")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (250, "២៥០"),
        (1500, "១.៥០០"),
        (8000, "៨ពាន់"),
        (10_000, "១ម៉ឺន"),
        (50_000, "៥ម៉ឺន"),
        (150_000, "១៥ម៉ឺន"),
        (300_000, "៣០ម៉ឺន"),
        (1_500_000, "១,៥លាន"),
        (889_000_000, "៨៨៩លាន"),
        (1_000_000_000, "១ពាន់លាន"),
        (18_000_000_000, "១៨ពាន់លាន"),
        (2_500_000_000, "២,៥ពាន់លាន"),
        (1_234_567, "១.២៣៤.៥៦៧"),
    ],
)
def test_khmer_number(value: int, expected: str):
    assert khmer_number(Decimal(value)) == expected


def test_babel_compact_forms_we_do_not_use():
    """Why our own rules: if this fails, Babel's data changed; re-check the decisions
    in FIGURES.md (Korean compact rounds; Khmer compact is not the press's usage)."""
    assert format_compact_decimal(889_000_000, locale="ko") == "9억"
    assert format_compact_decimal(300_000, locale="km") == "300\xa0ពាន់"
    assert format_compact_decimal(10**9, locale="km") == "1\xa0ប៊ីលាន"


# --- Babel's data gaps -----------------------------------------------------------------


def test_korean_long_compact_falls_back_to_short():
    assert compact(300_000, "ko", long=True) == "30만"  # Babel raises KeyError('long')


def test_korean_compact_fallback_when_long_is_forced_to_fail(monkeypatch: pytest.MonkeyPatch):
    real = glossary.l10n.format_compact_decimal

    def no_long(value: object, *, format_type: str = "short", **kw: object) -> str:
        if format_type == "long":
            raise KeyError("long")
        return real(value, format_type=format_type, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(glossary.l10n, "format_compact_decimal", no_long)
    assert korean_number(Decimal(300_000)) == "30만"
    assert korean_number(Decimal(10**9)) == "10억"


def test_khmer_short_list_of_three_falls_back_to_standard():
    assert join(["ក", "ខ"], "km", style="standard-short") == "ក និង ខ"
    assert join(["ក", "ខ", "គ"], "km", style="standard-short") == "ក, ខ និង គ"


def test_khmer_list_fallback_when_forced_to_fail(monkeypatch: pytest.MonkeyPatch):
    real = glossary.l10n.babel_list

    def no_short(items: list[str], style: str = "standard", locale: str = "en") -> str:
        if style.endswith("-short"):
            raise KeyError("start")
        return real(items, style=style, locale=locale)  # type: ignore[arg-type]

    monkeypatch.setattr(glossary.l10n, "babel_list", no_short)
    (figure,) = find_figures("an area of 1,000 sq. km")
    assert render_figure(figure, "ko").note == "also written 1,000제곱킬로미터 및 1,000㎢"


# --- notes, glosses, cards ---------------------------------------------------------------


def test_notes_say_what_a_translator_needs():
    figures = {f.surface: f for f in find_figures(OPED)}
    more = figures["More than 250"]
    assert "250여 개" in render_figure(more, "ko").note
    assert "이상" in render_figure(more, "ko").note
    assert render_figure(figures["US$300,000"], "km").note == "also written ៣០០.០០០ដុល្លារ"
    assert "relative" in render_figure(figures["October last year"], "km").note
    (dollar,) = find_figures("It cost $5.")
    assert "US dollars" in render_figure(dollar, "ko").note
    (bare,) = find_figures("See page 5.")
    assert "unclear" in render_figure(bare, "ko").note


def test_gloss_and_card():
    (figure,) = find_figures("Korea gave US$300,000.")
    assert figure_gloss(figure) == "៣០ម៉ឺនដុល្លារ · 30만 달러"
    assert figure_gloss(figure, ("ko",)) == "30만 달러"
    card = figure_card(figure)
    assert card.splitlines()[:3] == ["US$300,000", "km  ៣០ម៉ឺនដុល្លារ", "    also written ៣០០.០០០ដុល្លារ"]
    assert "ko  30만 달러" in card


def test_render_rejects_unknown_language():
    figure = Figure(0, 4, Kind.YEAR, Decimal(1953), "1953")
    with pytest.raises(ValueError, match="unknown language"):
        render_figure(figure, "fr")


def test_finding_figures_does_not_import_babel():
    """The reader finds figures at first paint; Babel (~50 ms to import) waits for a render."""
    code = (
        "import sys\n"
        "from glossary.figures import find_figures\n"
        "assert find_figures('US$300,000 in 1953')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


def test_plain_data_round_trip():
    for figure in find_figures(OPED):
        plain = figure.as_plain()
        assert all(type(v) in (str, int, bool) for v in plain.values())
        assert Figure.from_plain(plain) == figure


def test_every_language_renders_every_kind_and_counts_every_noun():
    """A new kind or a new class of counted noun must be given to every language."""
    from glossary.figures import english, khmer, korean
    from glossary.figures.render import RENDERERS

    assert sorted(RENDERERS) == sorted(LANGS)
    for module in (khmer, korean):
        assert set(module.RENDERERS) == set(Kind), module.__name__
        assert set(module.COUNTERS) == set(english.NOUNS), module.__name__
