"""Suggesting glossary candidates: terms in a text that no entry covers yet.

Three kinds, ranked in this order and then by count:

- names: the part of a run of capitalised words that no glossary link covers, so
  "President Yoon Suk Yeol" with "President" in the glossary suggests "Yoon Suk Yeol".
  Runs in title-case lines (headlines) are skipped: capitals there mark no names.
  A run may hold "of", "for", "the", "de", "du"; "and" joins only inside an
  organisation's name that already has "of" or "for" ("Ministry of Foreign Affairs and
  International Cooperation"), else it separates two names ("Brunei and Malaysia").
  Leading function and time words ("Yesterday Hun Manet", "But Seoul") and titles
  (Mr, Dr) are dropped. A single capitalised word is a name when it is never written
  in lower case in the text and occurs at least once inside a sentence, or right after
  a linked title ("President Yoon");
- acronyms: two or more capitals (KOICA, CDC);
- frequent content words: lower-case words of five or more letters seen at least
  twice, other than common function words.

Lines that are web boilerplate (bylines, copyright lines, menus; see `boilerplate`) are
skipped, and mentions that the glossary already links are not counted.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from glossary.boilerplate import boilerplate_spans
from glossary.linker import Link
from glossary.names import CALENDAR, JOINERS, LEADING, RUN, TITLES, headline_spans
from glossary.script import detect_language
from glossary.suggest_scripts import khmer_candidates, korean_candidates

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]+(?:-[A-Z0-9]+)*\b")
_WORD = re.compile(r"\b[A-Za-z][a-z-]{4,}\b")
_SENTENCE = re.compile(r"[^.!?។\n]*[.!?។]?")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_TOKEN = re.compile(r"\S+")

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
    inside: bool = False  # a single-word name seen inside a sentence or after a title


class _Spans:
    """Sorted, non-overlapping (start, end) spans with an overlap test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.ends = [e for _, e in ordered]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def gaps(self, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
        """The parts of [start, end) outside every span, each with whether a span
        touches it (the part follows or precedes a link)."""
        position = start
        i = max(bisect_left(self.starts, start) - 1, 0)
        while i < len(self.starts) and self.starts[i] < end:
            if self.ends[i] > position:
                if self.starts[i] > position:
                    yield position, self.starts[i], True
                position = self.ends[i]
            i += 1
        if position < end:
            yield position, end, position > start


def _context(text: str, start: int, width: int = 90) -> str:
    """The sentence holding offset `start`, shortened around it to about `width` chars."""
    left = max(text.rfind(". ", 0, start), text.rfind("។", 0, start), text.rfind("\n", 0, start))
    left += 1
    match = _SENTENCE.match(text, left)
    sentence = " ".join((match.group() if match else text[left:]).split())
    if len(sentence) > width:
        sentence = sentence[: width - 1].rstrip() + "…"
    return sentence


def _sentence_start(text: str, start: int) -> bool:
    """Whether `start` begins a sentence, a line or a clause after a colon."""
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n;—–"


def _tokens(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, word) of each word of text[start:end], possessives and stray dots dropped."""
    words = []
    for match in _TOKEN.finditer(text, start, end):
        word = re.sub(r"[’']s$", "", match.group()).strip(".,;:'’-")
        if word:
            words.append((match.start(), word))
    return words


def _split_and(words: list[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    """Split a run at "and" unless it is inside an organisation's name (one with "of" or
    "for" before the "and")."""
    piece: list[tuple[int, str]] = []
    for offset, word in words:
        if word == "and" and not any(w in ("of", "for") for _, w in piece):
            yield piece
            piece = []
        else:
            piece.append((offset, word))
    yield piece


def _split_title(
    words: list[tuple[int, str]], after_title: bool = False
) -> Iterator[tuple[list[tuple[int, str]], bool]]:
    """Split after a title word followed by a capitalised word, so that "Deputy Prime
    Minister Sun Chanthol" gives the title and the name, each a candidate; each piece
    comes with whether it follows a title."""
    for i, (_, word) in enumerate(words[:-1]):
        if word in TITLES and words[i + 1][1][:1].isupper():
            yield words[: i + 1], after_title
            yield from _split_title(words[i + 1 :], True)
            return
    yield words, after_title


def _trim(words: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop leading function, time and title words and joiners at either end."""
    while words and (words[0][1].lower() in LEADING or words[0][1] in JOINERS):
        words = words[1:]
    while words and words[-1][1] in JOINERS:
        words = words[:-1]
    return words


def _name_pieces(text: str, links: _Spans, skip: _Spans) -> Iterator[tuple[int, str, bool]]:
    """(offset, name, after or before a link) for every uncovered piece of every run."""
    for run in RUN.finditer(text):
        if skip.overlaps(*run.span()):
            continue
        for start, end, touches in links.gaps(*run.span()):
            for part in _split_and(_tokens(text, start, end)):
                for piece, after_title in _split_title(part):
                    words = _trim(piece)
                    if words:
                        yield words[0][0], " ".join(w for _, w in words), touches or after_title


def _add(found: dict[str, Suggestion], key: str, kind: str, offset: int) -> Suggestion:
    suggestion = found.setdefault(key, Suggestion(key, kind))
    suggestion.count += 1
    suggestion.offsets.append(offset)
    return suggestion


def _collect_names(text: str, links: _Spans, skip: _Spans, found: dict[str, Suggestion]) -> None:
    headlines = _Spans(headline_spans(text))
    for offset, name, touches in _name_pieces(text, links, skip):
        if headlines.overlaps(offset, offset + 1):
            continue  # title case marks no names: "Stronger Relations, Greater Interests"
        if " " not in name:
            lower = name.lower()
            if name.isupper() or lower in _COMMON or lower in CALENDAR or len(name) < 3:
                continue  # an acronym (counted below) or not a name
        suggestion = _add(found, name, "name", offset)
        suggestion.inside |= touches or not _sentence_start(text, offset)


def _collect_other(text: str, links: _Spans, skip: _Spans, found: dict[str, Suggestion]) -> None:
    for kind, pattern in (("acronym", _ACRONYM), ("word", _WORD)):
        for match in pattern.finditer(text):
            term = re.sub(r"[’']s$", "", match.group()).strip(" .-")
            span = match.span()
            if not term or term.lower() in _COMMON or links.overlaps(*span) or skip.overlaps(*span):
                continue
            if kind == "acronym" and text.startswith("$", span[1]):
                continue  # the currency of a figure: US$300,000
            key = term.lower() if kind == "word" else term
            _add(found, key, kind, match.start()).lower_seen |= term.islower()


def _collect_script(text: str, lang: str, links: _Spans, found: dict[str, Suggestion]) -> None:
    """A Khmer or Korean text's words as the segmenter or the analyser finds them."""
    candidates = khmer_candidates if lang == "km" else korean_candidates
    for term, kind, start, end in candidates(text):
        if term and not links.overlaps(start, end):
            suggestion = _add(found, term, kind, start)
            suggestion.lower_seen = suggestion.inside = True  # no capitals to tell by


def _keep(suggestion: Suggestion, lowered: set[str]) -> bool:
    if suggestion.kind == "word":
        return suggestion.count >= 2 and suggestion.lower_seen
    if suggestion.kind == "name" and " " not in suggestion.text:
        return suggestion.inside and suggestion.text.lower() not in lowered
    return True


def suggest(
    text: str, links: Iterable[Link], limit: int = 40, lang: str | None = None
) -> list[Suggestion]:
    """Ranked candidates in `text` that none of `links` covers; `lang` (en, km, ko) is
    the text's language, detected from its script when not given."""
    covered = _Spans((link.start, link.end) for link in links)
    skip = _Spans(boilerplate_spans(text))
    found: dict[str, Suggestion] = {}
    lowered = {m.group() for m in re.finditer(r"\b[a-z][a-z-]+\b", text)}
    _collect_names(text, covered, skip, found)
    _collect_other(text, covered, skip, found)
    language = detect_language(text, lang)
    if language in ("km", "ko"):
        _collect_script(text, language, covered, found)
    ranked = [s for s in found.values() if _keep(s, lowered)]
    ranked.sort(key=lambda s: (KIND_RANK[s.kind], " " not in s.text, -s.count, s.text.lower()))
    for suggestion in ranked[:limit]:
        suggestion.context = _context(text, suggestion.offsets[0])
    return ranked[:limit]
