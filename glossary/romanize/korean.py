"""Revised Romanization of Korean (Ministry of Culture and Tourism, 2000), by rule.

`romanize_korean(text)` romanizes Hangul as the system does for nouns: the sound changes
between syllables of one word are written (liaison, nasalization, ㄹ after ㄴ/ㄹ, ㄴ from ㄹ,
palatalization of ㄷ/ㅌ before 이, ㅎ merging into a following ㄱ/ㄷ/ㅈ), while ㅎ after
ㄱ/ㄷ/ㅂ is kept, as the system asks for nouns (묵호 Mukho, 직항편 jikhangpyeon); tense
consonants are not written (압구정 apgujeong). Words are the text's own: a space or a hyphen
stops every sound change. The output is lower case; what the system capitalises (proper
names) and where it divides a long name (Daehan Minguk) are the writer's choice, which
`same_letters` ignores. Not covered by rule: the ㄴ that some compounds insert (학여울
Hangnyeoul) and the hyphen the system allows against ambiguity (중앙 Jung-ang).

Popular libraries were measured first (tests/test_romanize.py): korean-romanizer writes
신라 sinra, romaja 해돋이 haedodi, koroman 직항편 jikangpyeon; none keeps the noun rule.
"""

from __future__ import annotations

import unicodedata

_FIRST, _LAST = 0xAC00, 0xD7A3
_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
             "k", "t", "p", "h")  # fmt: skip
_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
# Final jamo (index 1-27) as: the sound before a pause, and what moves to a following
# vowel (the second letter of a double final; the letter itself otherwise).
_FINALS: tuple[tuple[str, str, str], ...] = (
    ("", "", ""),
    ("k", "", "g"), ("k", "", "kk"), ("k", "k", "s"), ("n", "", "n"), ("n", "n", "j"),
    ("n", "n", "h"), ("t", "", "d"), ("l", "", "r"), ("k", "l", "g"), ("m", "l", "m"),
    ("l", "l", "b"), ("l", "l", "s"), ("l", "l", "t"), ("p", "l", "p"), ("l", "l", "h"),
    ("m", "", "m"), ("p", "", "b"), ("p", "p", "s"), ("t", "", "s"), ("t", "", "ss"),
    ("ng", "", ""), ("t", "", "j"), ("t", "", "ch"), ("k", "", "k"), ("t", "", "t"),
    ("p", "", "p"), ("t", "", "h"),
)  # fmt: skip
_NASAL = {"k": "ng", "t": "n", "p": "m"}
_ASPIRATED = {"g": "k", "d": "t", "j": "ch"}


def _split(char: str) -> tuple[str, str, int]:
    """A Hangul syllable as (initial, vowel, index of its final)."""
    index = ord(char) - _FIRST
    return _INITIALS[index // 588], _VOWELS[index % 588 // 28], index % 28


def _join(final: int, initial: str) -> tuple[str, str]:
    """A final and the next syllable's initial as the system writes them together."""
    coda, kept, moving = _FINALS[final]
    if final == 0:
        return "", initial
    # liaison: the final (or its second letter) starts the next syllable; ㅇ stays (중앙)
    if initial == "" and final != 21:
        if moving == "h":
            return kept, ""
        return kept, moving
    if moving == "h" and initial in _ASPIRATED:
        return kept, _ASPIRATED[initial]
    if moving == "h" and initial == "n":
        return (kept or "n"), "n"
    return _assimilate(coda, initial)


def _assimilate(coda: str, initial: str) -> tuple[str, str]:
    """Nasalization and the ㄴ/ㄹ changes between a final sound and a consonant."""
    if initial == "r":
        if coda in ("l", "n"):
            return "l", "l"  # 신라 Silla, 별내 is the mirror case below
        initial = "n"  # 종로 Jongno, 국립 Gungnip
    if coda == "l" and initial == "n":
        return "l", "l"
    if initial in ("n", "m") and coda in _NASAL:
        return _NASAL[coda], initial
    return coda, initial


def _romanize_word(word: str) -> str:
    """One run of Hangul syllables, with the sound changes between them."""
    syllables = [_split(char) for char in word]
    out: list[str] = []
    carried: str | None = None
    for i, (initial, vowel, final) in enumerate(syllables):
        if carried is not None:
            initial = carried
        if i + 1 == len(syllables):
            out.append(initial + vowel + _FINALS[final][0])
            break
        coda, carried = _between(final, syllables[i + 1])
        out.append(initial + vowel + coda)
    return "".join(out)


def _between(final: int, nxt: tuple[str, str, int]) -> tuple[str, str]:
    """A final and the next syllable's initial as the system writes them together."""
    initial, vowel = nxt[0], nxt[1]
    if final in (7, 25) and vowel == "i" and initial in ("", "h"):
        # palatalization: 굳이 guji, 같이 gachi, 굳히다 guchida
        return "", "ch" if final == 25 or initial == "h" else "j"
    return _join(final, initial)


def romanize_korean(text: str) -> str:
    """`text` with every Hangul word in Revised Romanization, lower case.

    Spaces, hyphens, digits and other characters are kept as they are and divide words.
    Decomposed Hangul (jamo) is composed first.
    """
    text = unicodedata.normalize("NFC", text)
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if _FIRST <= ord(char) <= _LAST:
            current.append(char)
            continue
        if current:
            words.append(_romanize_word("".join(current)))
            current = []
        words.append(char)
    if current:
        words.append(_romanize_word("".join(current)))
    return "".join(words)
