"""Suggesting glossary candidates: terms in a text that no entry covers yet.

Three kinds, ranked in this order and then by count: names (runs of two or more
capitalised words, possibly joined by "of", "and", "the"), acronyms (two or more
capitals), and frequent content words (lower-case words of five or more letters seen
at least twice, other than common function words). Mentions that the glossary
already links are not counted.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from glossary.linker import Link

_CAP = r"[A-Z][\w.-]*\w"
_SPACE = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # one line break at most: a name never spans paragraphs
_JOIN = rf"(?:{_SPACE}(?:of|and|the|for|de|du){_SPACE}|{_SPACE})"
_NAME = re.compile(rf"\b{_CAP}(?:{_JOIN}{_CAP})+")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]+(?:-[A-Z0-9]+)*\b")
_WORD = re.compile(r"\b[A-Za-z][a-z-]{4,}\b")
_SENTENCE = re.compile(r"[^.!?\n]*[.!?]?")

KIND_RANK = {"name": 0, "acronym": 1, "word": 2}
_COMMON = frozenset(
    """about above after again against almost along already also although always among
    another around because become becomes been before being below between both cannot
    could does doing during each either every first from further great having hence
    however including into itself just later least less like made make makes making many
    might more most much must myself never often only other others ours over own perhaps
    rather really same several shall should since some still such than that their theirs
    them then there these they thing things think this those though three through thus
    today together under until upon very what when where whether which while whom whose
    will with within without would year years your""".split()  # noqa: SIM905
)


@dataclass
class Suggestion:
    """A candidate term with how often it occurs and where first."""

    text: str
    kind: str
    count: int = 0
    lower_seen: bool = False  # a "word" seen only capitalised is a name, not vocabulary
    context: str = ""
    offsets: list[int] = field(default_factory=list)


def _covered(start: int, end: int, starts: list[int], ends: list[int]) -> bool:
    """Whether [start, end) overlaps a link; links are sorted and do not overlap."""
    i = bisect_left(starts, end) - 1
    return i >= 0 and ends[i] > start


def _context(text: str, start: int, width: int = 90) -> str:
    """The sentence holding offset `start`, shortened around it to about `width` chars."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    match = _SENTENCE.match(text, left)
    sentence = " ".join((match.group() if match else text[left:]).split())
    if len(sentence) > width:
        sentence = sentence[: width - 1].rstrip() + "…"
    return sentence


def suggest(text: str, links: Iterable[Link], limit: int = 40) -> list[Suggestion]:
    """Ranked candidates in `text` that none of `links` covers."""
    spans = sorted((link.start, link.end) for link in links)
    starts, ends = [s for s, _ in spans], [e for _, e in spans]
    found: dict[str, Suggestion] = {}
    for kind, pattern in (("name", _NAME), ("acronym", _ACRONYM), ("word", _WORD)):
        for match in pattern.finditer(text):
            term = _clean(match.group(), kind)
            if not term or term.lower() in _COMMON or _covered(*match.span(), starts, ends):
                continue
            key = term.lower() if kind == "word" else term
            suggestion = found.setdefault(key, Suggestion(key, kind))
            suggestion.count += 1
            suggestion.offsets.append(match.start())
            suggestion.lower_seen |= term.islower()
    ranked = [s for s in found.values() if s.kind != "word" or (s.count >= 2 and s.lower_seen)]
    ranked.sort(key=lambda s: (KIND_RANK[s.kind], -s.count, s.text.lower()))
    for suggestion in ranked[:limit]:
        suggestion.context = _context(text, suggestion.offsets[0])
    return ranked[:limit]


def _clean(term: str, kind: str) -> str:
    """Drop a leading article and a trailing possessive from a candidate."""
    term = re.sub(r"[’']s$", "", term)
    if kind == "name":
        term = re.sub(r"^(?:The|A|An|In|On|At|As|For|When|While|Under|Now)\s+", "", term)
        if " " not in term:
            return ""
    return term.strip(" .-")
