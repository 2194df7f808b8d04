"""Khmer in the UNGEGN romanization (UN resolution II/10, 1972, the BGN/PCGN 1972 system).

`romanize_khmer(text)` transliterates by the system's tables: each consonant has a letter
value and a series (â or ô), a dependent vowel has one value for each series, and a
cluster takes its series from its second consonant unless that one is a sonorant (ង ញ ណ ន
ម យ រ ល វ), when the first decides; ៉ and ៊ move a consonant to the other series.
Letters are written whether or not they are pronounced (ខេត្ត khétt, ពាក្យ péaky).

What the script leaves open is where one syllable ends and the next begins; the rules here:
- _A consonant with no vowel sign carries the inherent vowel (â/ô) when it starts a word,
  follows a closed syllable or is followed by another bare consonant; it closes the open
  syllable before it when the next consonant carries a vowel, and at the end of a word.
- Inside a word a cluster after an open syllable gives that syllable its first consonant
  (កម្ពុជា Kâmpŭchéa, និស្សិត nĭssĕt), except a stop before រ ល វ យ (ប្រ stays one onset); its
  remaining consonants carry the inherent vowel only if a vowel-bearing consonant follows
  (មិត្តភាព mĭttâphéap but រដ្ឋមន្ត្រី rôdthmôntrei).
- Words a reader pronounces with an extra syllable the script does not show (learned
  loans such as សាសនា Sasânéa) are listed in `SYLLABLES` with their syllable breaks.
Words are divided as the text divides them (space, U+200B); output is lower case.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from glossary.normalize import normalize

_A, _O = 0, 1  # the â (first) and ô (second) series
_CONSONANTS: dict[str, tuple[str, int]] = {
    "ក": ("k", _A), "ខ": ("kh", _A), "គ": ("k", _O), "ឃ": ("kh", _O), "ង": ("ng", _O),
    "ច": ("ch", _A), "ឆ": ("chh", _A), "ជ": ("ch", _O), "ឈ": ("chh", _O), "ញ": ("nh", _O),
    "ដ": ("d", _A), "ឋ": ("th", _A), "ឌ": ("d", _O), "ឍ": ("th", _O), "ណ": ("n", _A),
    "ត": ("t", _A), "ថ": ("th", _A), "ទ": ("t", _O), "ធ": ("th", _O), "ន": ("n", _O),
    "ប": ("b", _A), "ផ": ("ph", _A), "ព": ("p", _O), "ភ": ("ph", _O), "ម": ("m", _O),
    "យ": ("y", _O), "រ": ("r", _O), "ល": ("l", _O), "វ": ("v", _O), "ស": ("s", _A),
    "ហ": ("h", _A), "ឡ": ("l", _A), "អ": ("", _A), "ប៉": ("p", _A),  # ប with ៉ is p (Pailĭn)
}  # fmt: skip
_SONORANTS = frozenset("ងញណនមយរលវ")
_NASALS = frozenset("ងញណនម")
_JOINING = frozenset("រលវយ")  # a stop before one of these starts a syllable as one onset
_INDEPENDENT = {
    "ឥ": "ĕ", "ឦ": "ei", "ឧ": "ŏ", "ឩ": "ŭ", "ឪ": "ŏu", "ឫ": "rœ̆", "ឬ": "rœ", "ឭ": "lœ̆",
    "ឮ": "lœ", "ឯ": "é", "ឰ": "ai", "ឱ": "aô", "ឲ": "aôy", "ឳ": "âu",
}  # fmt: skip
# Vowel signs (with ំ ះ ៈ ័ where they change the reading) as (â series, ô series).
_VOWELS: dict[str, tuple[str, str]] = {
    "": ("â", "ô"), "ា": ("a", "éa"), "ិ": ("ĕ", "ĭ"), "ី": ("ei", "i"), "ឹ": ("œ̆", "œ̆"),
    "ឺ": ("œ", "œ"), "ុ": ("ŏ", "ŭ"), "ូ": ("o", "u"), "ួ": ("uŏ", "uŏ"),
    "ើ": ("aeu", "eu"), "ឿ": ("eua", "eua"), "ៀ": ("iĕ", "iĕ"), "េ": ("é", "é"),
    "ែ": ("ê", "ê"), "ៃ": ("ai", "ey"), "ោ": ("aô", "oŭ"), "ៅ": ("au", "ŏu"),
    "ំ": ("âm", "um"), "ុំ": ("om", "ŭm"), "ាំ": ("ăm", "ŏâm"), "ះ": ("ăh", "eăh"),
    "ុះ": ("ŏh", "uh"), "េះ": ("éh", "éh"), "ោះ": ("aôh", "uŏh"), "ាះ": ("ah", "éah"),
    "័": ("ă", "ŏă"),
}  # fmt: skip
_BANTOC = {"": ("ă", "ó"), "ា": ("ă", "oă")}  # ់ shortens these (Bătdâmbâng, Moăn)
_BANTOC_NG = ("â", "ó")  # but not the inherent vowel before ង (Kâmpóng)
_AI_Y = ("ai", "ey")  # ័ with a final យ reads as ៃ (Méanchey)
_AMNG = ("ăng", "eăng")  # ាំង
_VOWEL_SIGNS = frozenset("ាិីឹឺុូួើឿៀេែៃោៅំះៈ័")
_COENG, _BANTOC_SIGN, _ROBAT, _SILENT = "\u17d2", "\u17cb", "\u17cc", "\u17cd"
_SHIFT = {"\u17c9": _A, "\u17ca": _O}
_MARKS = frozenset(chr(c) for c in range(0x17B4, 0x17D4)) | {"\u17dd"}
_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩។", "0123456789.")

# Syllable breaks the rules cannot see: learned loans read with a vowel the script does
# not write (សាសនា Sa-sâ-néa), and morphemes that keep their own reading inside a word
# (ការ, សហ). Found anywhere in a word; each piece is romanized as a word of its own.
SYLLABLES: dict[str, tuple[str, ...]] = {
    "សាសនា": ("សា", "ស", "នា"),
    "ធិបតី": ("ធិ", "ប", "តី"),
    "ធិបតេយ្យ": ("ធិ", "ប", "តេយ្យ"),
    "ភារធារី": ("ភា", "រ", "ធា", "រី"),
    "ពលករ": ("ព", "ល", "ករ"),
    "ឧស្សាហ": ("ឧ", "ស្សា", "ហ"),
    "ឥណ": ("ឥ", "ណ"),
    "ការ": ("ការ",),
    "សហ": ("ស", "ហ"),
}
_LEXICON = sorted(SYLLABLES, key=len, reverse=True)


@dataclass
class _Cluster:
    """One written cluster: consonants (base first) or an independent vowel, and marks."""

    letters: list[str] = field(default_factory=list)
    vowel: str = ""
    marks: str = ""
    series: int | None = None

    @property
    def voiced(self) -> bool:
        return bool(self.vowel) or self.letters[0] in _INDEPENDENT

    @property
    def quiet(self) -> bool:
        return _SILENT in self.marks and not self.vowel


@dataclass
class _Syllable:
    onset: list[str]
    series: int
    vowel: str = ""
    marks: str = ""
    coda: list[str] = field(default_factory=list)


def _clusters(word: str) -> list[_Cluster]:
    out: list[_Cluster] = []
    coeng = False
    for char in word:
        if char in _CONSONANTS or char in _INDEPENDENT:
            if coeng and out:
                out[-1].letters.append(char)
            else:
                out.append(_Cluster([char]))
            coeng = False
        elif not out:
            continue
        elif char == _COENG:
            coeng = True
        elif char in _SHIFT:
            out[-1].series = _SHIFT[char]
            if out[-1].letters[-1] == "ប" and char == "\u17c9":
                out[-1].letters[-1] = "ប៉"
        elif char in _VOWEL_SIGNS:
            out[-1].vowel += char
        else:
            out[-1].marks += char
    return out


def _series(cluster: _Cluster, letters: list[str]) -> int:
    if cluster.series is not None:
        return cluster.series
    if letters[0] in _INDEPENDENT:
        return _A
    if len(letters) > 1 and letters[1] not in _SONORANTS:
        return _CONSONANTS[letters[1]][1]
    return _CONSONANTS[letters[0]][1]


def _splits(cluster: _Cluster) -> bool:
    letters = cluster.letters
    return len(letters) > 1 and (letters[0] in _NASALS or letters[1] not in _JOINING)


def _closed(syllable: _Syllable) -> bool:
    return bool(syllable.coda) or "ំ" in syllable.vowel or "ះ" in syllable.vowel


def _single(cluster: _Cluster) -> bool:
    return len(cluster.letters) == 1 and not cluster.voiced and _ROBAT not in cluster.marks


def _onset_needed(later: list[_Cluster]) -> bool:
    """Whether a bare consonant after an open syllable carries a vowel itself.

    Bare consonants in a row pair up from the right as (consonant with vowel, final);
    an odd one out closes the open syllable before them. _A cluster that will give its
    first consonant to them counts as one more; so does a bare cluster ending the word.
    """
    run = 1
    for cluster in later:
        if _single(cluster):
            run += 1
            continue
        if _splits(cluster) or (not cluster.voiced and cluster is later[-1]):
            run += 1
        break
    return run % 2 == 0


def _syllables(clusters: list[_Cluster]) -> list[_Syllable]:
    """The word's syllables, by the rules in the module docstring."""
    out: list[_Syllable] = []
    for i, cluster in enumerate(clusters):
        later = [c for c in clusters[i + 1 :] if not c.quiet]
        letters = _give_final(out, cluster, later)
        if letters:
            out.append(_Syllable(letters, _series(cluster, letters), cluster.vowel, cluster.marks))
    return out


def _give_final(out: list[_Syllable], cluster: _Cluster, later: list[_Cluster]) -> list[str]:
    """Give the open syllable before `cluster` what of it closes that syllable; return
    the consonants that start a syllable of their own."""
    if not out or (_closed(out[-1]) and not cluster.quiet):
        return cluster.letters
    if cluster.quiet or (not cluster.voiced and not later):
        return _close(out[-1], cluster, cluster.letters)
    if _splits(cluster):
        out[-1].coda.append(cluster.letters[0])
        rest = cluster.letters[1:]
        if cluster.voiced or _rest_starts(later):
            return rest
        return _close(out[-1], cluster, rest)
    if _single(cluster) and not _onset_needed(later):
        return _close(out[-1], cluster, cluster.letters)
    return cluster.letters


def _rest_starts(later: list[_Cluster]) -> bool:
    """Whether the rest of a split cluster carries a vowel: before a vowel-bearing or a
    split cluster, or before the last cluster of the word (Môhaksâtr, not Môhakstr)."""
    return later[0].voiced or len(later) == 1 or _splits(later[0])


def _close(syllable: _Syllable, cluster: _Cluster, letters: list[str]) -> list[str]:
    """Give `letters` of `cluster` to `syllable` as its final consonants; nothing is left."""
    syllable.coda += ["r"] if _ROBAT in cluster.marks else letters
    syllable.marks += cluster.marks
    return []


def _onset(letters: list[str]) -> str:
    text = ""
    for index, letter in enumerate(letters):
        roman = _INDEPENDENT.get(letter) or _CONSONANTS[letter][0]
        text += "p" if letter == "ប" and index + 1 < len(letters) else roman
    return text


def _nucleus(syllable: _Syllable) -> str:
    if syllable.onset[0] in _INDEPENDENT:
        return ""
    vowel, marks, series = syllable.vowel, syllable.marks, syllable.series
    if vowel == "ាំ" and syllable.coda[:1] == ["ង"]:
        return _AMNG[series]
    if _BANTOC_SIGN in marks and vowel == "" and syllable.coda[:1] == ["ង"]:
        return _BANTOC_NG[series]
    if _BANTOC_SIGN in marks and vowel in _BANTOC:
        return _BANTOC[vowel][series]
    if vowel == "័" and syllable.coda[:1] == ["យ"]:
        return _AI_Y[series]
    key = vowel + ("ះ" if "\u17c8" in marks else "")
    return _VOWELS.get(key, _VOWELS.get(vowel, ("", "")))[series]


def _coda(syllable: _Syllable) -> str:
    coda = syllable.coda
    if (syllable.vowel, coda[:1]) in (("ាំ", ["ង"]), ("័", ["យ"])):
        coda = coda[1:]
    return "".join(_CONSONANTS[c][0] if c in _CONSONANTS else c for c in coda)


def _romanize_word(word: str) -> str:
    for key in _LEXICON:
        at = word.find(key)
        if at >= 0 and (word != key or len(SYLLABLES[key]) > 1):
            head, tail = word[:at], word[at + len(key) :]
            middle = "".join(_romanize_word(piece) for piece in SYLLABLES[key])
            return _romanize_word(head) + middle + _romanize_word(tail) if head or tail else middle
    if not word:
        return ""
    syllables = _syllables(_clusters(word))
    return "".join(_onset(s.onset) + _nucleus(s) + _coda(s) for s in syllables)


def romanize_khmer(text: str) -> str:
    """`text` with every Khmer word in UNGEGN romanization, lower case.

    Khmer is put in canonical order first. Words are divided where the text divides
    them: a space stays a space and U+200B becomes one. Khmer digits become 0-9, ។ a
    full stop; other characters are kept.
    """
    words: list[str] = []
    current: list[str] = []
    for char in normalize(text).replace("\u200b", " "):
        if char in _CONSONANTS or char in _INDEPENDENT or char in _MARKS:
            current.append(char)
            continue
        if current:
            words.append(_romanize_word("".join(current)))
            current = []
        words.append(char.translate(_DIGITS))
    if current:
        words.append(_romanize_word("".join(current)))
    return "".join(words)
