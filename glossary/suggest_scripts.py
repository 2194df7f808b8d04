"""Glossary candidates in Khmer and Korean text, for `glossary.suggest`.

Khmer: the words of each Khmer run as the segmenter (`khmer_words`) cuts them; a word
of three or more letter clusters is a candidate "word" (short ones are mostly function
words), kept like English vocabulary when it occurs at least twice. Korean: the nouns
that Kiwi (`korean_words`) finds, nouns written together joined into one (공적개발원조),
proper nouns as "name", other nouns of two or more syllables as "word".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from glossary import khmer_words, korean_words

_KHMER_RUN = re.compile(r"[\u1780-\u17D3\u17DD]+")
_HANGUL_LINE = re.compile(r"[^\n]*[\uAC00-\uD7A3][^\n]*")
_CLUSTER = regex.compile(r"\X")
MIN_KHMER_CLUSTERS = 3


def khmer_candidates(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(term, kind, start, end) of every Khmer word long enough to be a candidate."""
    for run in _KHMER_RUN.finditer(text):
        position = run.start()
        for word in khmer_words.words(run.group()):
            if len(_CLUSTER.findall(word)) >= MIN_KHMER_CLUSTERS:
                yield word, "word", position, position + len(word)
            position += len(word)


def korean_candidates(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(term, kind, start, end) of every run of nouns Kiwi finds in the Korean lines."""
    for line in _HANGUL_LINE.finditer(text):
        nouns = [n for n in korean_words.nouns(line.group()) if n[2] != "SL"]
        for start, end, proper in _joined(nouns, line.group()):
            term = line.group()[start:end]
            if proper or len(term) >= 2:
                yield term, "name" if proper else "word", line.start() + start, line.start() + end


def _joined(nouns: list[tuple[int, int, str]], line: str) -> Iterator[tuple[int, int, bool]]:
    """Nouns that touch (no space between) as one (start, end, has a proper noun); proper
    nouns one space apart too (a name in two words: 크메르 루주)."""
    current: list[int] | None = None
    proper = False
    for start, end, tag in nouns:
        name_goes_on = proper and tag == "NNP" and current and line[current[1] : start] == " "
        if current is not None and (start == current[1] or name_goes_on):
            current[1] = end
            proper |= tag == "NNP"
            continue
        if current is not None:
            yield current[0], current[1], proper
        current, proper = [start, end], tag == "NNP"
    if current is not None:
        yield current[0], current[1], proper
