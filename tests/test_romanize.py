"""Romanization by rule, checked against forms the systems' publishers and users print."""

from __future__ import annotations

import unicodedata

import pytest

from glossary.romanize import romanize, romanize_khmer, romanize_korean, same_romanization

PCGN_FACTFILE = "PCGN Toponymic Factfile: Cambodia (docslib.org/doc/10345142)"
WIKI = "English Wikipedia, UNGEGN form in the lead of the article"

# (Khmer, UNGEGN as published, where it is published). Words the source writes apart are
# given with U+200B between them, as a Khmer writer divides them.
KHMER_PUBLISHED = [
    ("កម្ពុជា", "Kâmpŭchéa", PCGN_FACTFILE),
    ("ព្រះរាជាណាចក្រ​កម្ពុជា", "Preăh Réachéanachâkr Kâmpŭchéa", PCGN_FACTFILE),
    ("ភ្នំពេញ", "Phnum Pénh", PCGN_FACTFILE),
    ("ពោធិ៍សាត់", "Poŭthĭsăt", WIKI + " Pursat province"),
    ("កំពង់ចាម", "Kâmpóng Cham", WIKI + " Kampong Cham province"),
    ("កម្ពុជា​ក្រោម", "Kâmpŭchéa Kraôm", WIKI + " Kampuchea Krom"),
    ("កម្ពុជា​លិច​ទឹក", "Kâmpŭchéa Lĭch Tœ̆k", WIKI + " Kampuchea Krom"),
    ("ត្នោត", "Tnaôt", WIKI + " National symbols of Cambodia"),
    ("រំដួល", "Rumduŏl", WIKI + " National symbols of Cambodia"),
    ("ចេក​ពង​មាន់", "Chék Pông Moăn", WIKI + " National symbols of Cambodia"),
    ("បន្ទាយមានជ័យ", "Bântéay Méanchey", WIKI + " Banteay Meanchey province"),
    ("បាត់ដំបង", "Bătdâmbâng", WIKI + " Battambang province"),
    ("ស្ទឹងត្រែង", "Stœ̆ng Trêng", WIKI + " Stung Treng province"),
    ("តាកែវ", "Takêv", WIKI + " Takéo province"),
    ("ក្រចេះ", "Krâchéh", WIKI + " Kratié province"),
    ("ស្វាយរៀង", "Svay Riĕng", WIKI + " Svay Rieng province"),
    ("ព្រៃវែង", "Prey Vêng", WIKI + " Prey Veng province"),
    ("កោះកុង", "Kaôh Kŏng", WIKI + " Koh Kong province"),
    ("កែប", "Kêb", WIKI + " Kep province"),
    ("ប៉ៃលិន", "Pailĭn", WIKI + " Pailin province"),
    ("សៀមរាប", "Siĕm Réab", WIKI + " Siem Reap"),
    ("អង្គរ", "Ângkôr", WIKI + " Angkor"),
]

# The corrections of issue 20 (an audit of the shipped glossary), and the motto ជាតិ
# សាសនា ព្រះមហាក្សត្រ the issue names.
KHMER_AUDIT = [
    ("ដៃគូ", "daiku"),
    ("សុខាភិបាល", "sŏkhaphĭbal"),
    ("មិត្តភាព", "mĭttâphéap"),
    ("មេដឹកនាំ", "mé dœ̆knŏâm"),
    ("ហោះហើរ", "haôhhaeur"),
    ("ខេត្ត", "khétt"),
    ("រដ្ឋមន្ត្រី", "rôdthmôntrei"),
    ("សហប្រតិបត្តិការ", "sâhâprâtĕbâttĕkar"),
    ("កាត់ដេរ", "kăt dér"),
    ("និស្សិត", "nĭssĕt"),
    ("ទាហាន", "téahan"),
    ("ភាគី", "phéaki"),
    ("តឹង", "tœ̆ng"),
    ("ដំណើរ", "dâmnaeur"),
    ("ជាតិ", "Chéatĕ"),
    ("សាសនា", "Sasânéa"),
    ("ព្រះមហាក្សត្រ", "Preăh Môhaksâtr"),
]


@pytest.mark.parametrize(("khmer", "published", "where"), KHMER_PUBLISHED)
def test_khmer_matches_published_ungegn(khmer, published, where):
    assert same_romanization(published, romanize_khmer(khmer)), where


@pytest.mark.parametrize(("khmer", "expected"), KHMER_AUDIT)
def test_khmer_matches_the_audit(khmer, expected):
    assert same_romanization(expected, romanize_khmer(khmer))


def test_khmer_output_is_lower_case_nfc_with_the_text_word_division():
    out = romanize_khmer("ភ្នំពេញ​កម្ពុជា ១៩៩៧។")
    assert out == "phnumpénh kâmpŭchéa 1997."
    assert unicodedata.is_normalized("NFC", out)


def test_khmer_typed_in_another_order_gives_the_same_romanization():
    # COENG DA typed for COENG TA, and a vowel before its register shifter
    assert romanize_khmer("ន្ដ្រី") == romanize_khmer("ន្ត្រី")
    assert romanize_khmer("ហុ៊ន") == romanize_khmer("ហ៊ុន") == "hŭn"


# (Hangul, Revised Romanization, where published): the examples of the Ministry's rules
# (Romanization of Korean, 2000, section 1.2 and 3) and the audit's corrections.
RR = "Revised Romanization of Korean (2000), examples under section"
KOREAN_PUBLISHED = [
    ("백마", "baengma", RR + " 1.2.1 nasalization"),
    ("종로", "Jongno", RR + " 1.2.1"),
    ("왕십리", "Wangsimni", RR + " 1.2.1"),
    ("별내", "Byeollae", RR + " 1.2.2 ㄹ"),
    ("신라", "Silla", RR + " 1.2.2"),
    ("해돋이", "haedoji", RR + " 1.2.3 palatalization"),
    ("같이", "gachi", RR + " 1.2.3"),
    ("좋고", "joko", RR + " 1.2.4 aspiration"),
    ("놓다", "nota", RR + " 1.2.4"),
    ("묵호", "Mukho", RR + " 1.2.4, ㅎ kept in nouns"),
    ("집현전", "Jiphyeonjeon", RR + " 1.2.4"),
    ("압구정", "Apgujeong", RR + " 1.2, tense consonants not written"),
    ("낙동강", "Nakdonggang", RR + " 1.2"),
    ("울산", "Ulsan", RR + " 1.2"),
    ("구미", "Gumi", RR + " 2.1"),
    ("설악", "Seorak", RR + " 2.1"),
    ("월곶", "Wolgot", RR + " 2.1"),
    ("한밭", "Hanbat", RR + " 2.1"),
    ("광희문", "Gwanghuimun", RR + " 1.1, ㅢ is ui"),
    ("직항편", "jikhangpyeon", "issue 20 audit"),
    ("공동의 이익", "gongdongui iik", "issue 20 audit"),
]


@pytest.mark.parametrize(("hangul", "published", "where"), KOREAN_PUBLISHED)
def test_korean_matches_published_rr(hangul, published, where):
    assert same_romanization(published, romanize_korean(hangul)), where


def test_korean_keeps_words_and_hyphens_of_the_text():
    assert romanize_korean("한-메콩 정상회의") == "han-mekong jeongsanghoeui"
    assert romanize_korean("코로나바이러스감염증-19") == "koronabaireoseugamyeomjeung-19"


def test_decomposed_hangul_romanizes_like_composed():
    decomposed = unicodedata.normalize("NFD", "대통령")
    assert romanize_korean(decomposed) == romanize_korean("대통령") == "daetongnyeong"


def test_romanize_by_language_and_unknown_language():
    assert romanize("km", "កម្ពុជា") == "kâmpŭchéa"
    assert romanize("ko", "서울") == "seoul"
    with pytest.raises(ValueError):
        romanize("th", "ไทย")


def test_same_romanization_ignores_capitals_and_spaces_only():
    assert same_romanization("Daehan Minguk", "daehanminguk")
    assert not same_romanization("gongdong-ui", "gongdongui")
    assert not same_romanization("daikou", "daiku")
    assert not same_romanization("Hun Sen", "hŭn sên")
