"""Turning a composed YAML node tree into entries, with a problem for every deviation.

Working on nodes rather than constructed Python objects gives every value its line and
column, and means no YAML tag can ever construct anything: an unknown tag is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from glossary.model import CATEGORIES, Alias, Entry, Form, Source, Status
from glossary.normalize import LATIN_LETTER, is_nfc, normalize, show_codepoints
from glossary.problems import Problem, Severity

T = TypeVar("T")
_YAML = "tag:yaml.org,2002:"
_PLAIN_TAGS = {f"{_YAML}{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_TRUE = {"true", "yes", "on", "y"}
_FALSE = {"false", "no", "off", "n"}

TOP_KEYS = ("title", "entries")
ENTRY_KEYS = ("id", "category", "en", "aliases", "match_case", "note", "km", "ko")
FORM_KEYS = ("text", "romanization", "hanja", "status", "sources", "variants")
SOURCE_KEYS = ("ref", "shows")
ALIAS_KEYS = ("text", "match_case")


@dataclass
class Reader:
    """Reads nodes of one file, collecting problems instead of raising."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def problem(self, node: Node, message: str, severity: Severity = Severity.ERROR) -> None:
        mark = node.start_mark
        line, column = mark.line + 1, mark.column + 1
        self.problems.append(Problem(self.path, line, column, message, severity))

    def where(self, node: Node) -> str:
        """`file:line:column` of a node, kept with an entry for later messages."""
        return f"{self.path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"

    def plain(self, node: Node) -> bool:
        """False (with a problem) for a tag that could construct an object."""
        if node.tag in _PLAIN_TAGS:
            return True
        self.problem(node, f"tag {node.tag} is not allowed: a glossary holds only plain data")
        return False

    def mapping(self, node: Node, keys: tuple[str, ...], what: str) -> dict[str, Node] | None:
        """The mapping's values by key; unknown and repeated keys are problems."""
        if not self.plain(node):
            return None
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} must be a mapping of keys to values")
            return None
        fields: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if key not in keys:
                allowed = ", ".join(keys)
                self.problem(key_node, f"unknown key {key!r} in {what} (allowed: {allowed})")
            elif key in fields:
                self.problem(key_node, f"key {key!r} appears twice in {what}")
            elif not _is_null(value_node):
                fields[key] = value_node
        return fields

    def text(self, node: Node, what: str) -> str | None:
        if not self.plain(node):
            return None
        if not isinstance(node, ScalarNode) or node.tag != f"{_YAML}str":
            self.problem(node, f"{what} must be text, not {_describe(node)}")
            return None
        value = str(node.value).strip()
        if not value:
            self.problem(node, f"{what} is empty")
            return None
        if not is_nfc(value):
            self.problem(node, f"{what} is not in Unicode NFC (NFC form: {normalize(value)!r})")
        return value

    def flag(self, node: Node, what: str) -> bool:
        value = str(node.value).lower() if isinstance(node, ScalarNode) else ""
        if value in _TRUE | _FALSE and self.plain(node):
            return value in _TRUE
        self.problem(node, f"{what} must be true or false, not {_describe(node)}")
        return False

    def items(self, node: Node, what: str, read: Callable[[Node], T | None]) -> tuple[T, ...]:
        if not self.plain(node):
            return ()
        if not isinstance(node, SequenceNode):
            self.problem(node, f"{what} must be a list, not {_describe(node)}")
            return ()
        values = (read(item) for item in node.value)
        return tuple(v for v in values if v is not None)

    def required(self, fields: dict[str, Node], key: str, node: Node, what: str) -> Node | None:
        if key not in fields:
            self.problem(node, f"{what} is missing the required key {key!r}")
        return fields.get(key)


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == f"{_YAML}null"


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kind = {"int": "a number", "float": "a number", "bool": "true/false"}
    return kind.get(node.tag.removeprefix(_YAML), repr(node.value))


def read_entries(reader: Reader, root: Node) -> tuple[str, list[Entry]]:
    """The file's title and entries; every problem goes to `reader.problems`."""
    entries_node: Node | None = root
    title = ""
    if isinstance(root, MappingNode):
        top = reader.mapping(root, TOP_KEYS, "the glossary") or {}
        title = reader.text(top["title"], "title") or "" if "title" in top else ""
        entries_node = reader.required(top, "entries", root, "the glossary")
    if entries_node is None:
        return title, []
    entries = reader.items(entries_node, "entries", lambda n: read_entry(reader, n))
    return title, list(entries)


def read_entry(reader: Reader, node: Node) -> Entry | None:
    fields = reader.mapping(node, ENTRY_KEYS, "an entry")
    if fields is None:
        return None
    values = {}
    for key in ("id", "category", "en"):
        value_node = reader.required(fields, key, node, "entry")
        values[key] = reader.text(value_node, key) if value_node else None
    entry_id, category, en = values["id"], values["category"], values["en"]
    if entry_id is not None and not _ID.match(entry_id):
        reader.problem(fields["id"], f"id {entry_id!r} must be lowercase a-z, 0-9 and '-'")
    if category is not None and category not in CATEGORIES:
        reader.problem(
            fields["category"],
            f"unknown category {category!r} (one of: {', '.join(CATEGORIES)})",
        )
    if entry_id is None or category is None or en is None:
        return None
    return Entry(
        id=entry_id,
        category=category,
        en=en,
        aliases=_optional(fields, "aliases", lambda n: reader.items(n, "aliases", _alias(reader)))
        or (),
        note=(reader.text(fields["note"], "note") if "note" in fields else None) or "",
        match_case="match_case" in fields and reader.flag(fields["match_case"], "match_case"),
        km=_optional(fields, "km", lambda n: read_form(reader, n, "km")),
        ko=_optional(fields, "ko", lambda n: read_form(reader, n, "ko")),
        origin=reader.where(node),
    )


def _optional(fields: dict[str, Node], key: str, read: Callable[[Node], T]) -> T | None:
    return read(fields[key]) if key in fields else None


def _alias(reader: Reader) -> Callable[[Node], Alias | None]:
    def read(node: Node) -> Alias | None:
        if not isinstance(node, MappingNode):
            text = reader.text(node, "an alias")
            return Alias(text) if text else None
        fields = reader.mapping(node, ALIAS_KEYS, "an alias") or {}
        text_node = reader.required(fields, "text", node, "alias")
        text = reader.text(text_node, "alias text") if text_node else None
        match_case = "match_case" in fields and reader.flag(fields["match_case"], "match_case")
        return Alias(text, match_case) if text else None

    return read


def read_form(reader: Reader, node: Node, lang: str) -> Form | None:
    fields = reader.mapping(node, FORM_KEYS, f"the {lang} form")
    if fields is None:
        return None
    if lang == "km" and "hanja" in fields:
        reader.problem(fields["hanja"], "hanja belongs to the ko form, not the km form")
    text_node = reader.required(fields, "text", node, f"the {lang} form")
    status_node = reader.required(fields, "status", node, f"the {lang} form")
    text = _script_text(reader, text_node, lang, f"{lang} text") if text_node else None
    status = _status(reader, status_node) if status_node else None
    if text is None or status is None:
        return None
    sources = _optional(fields, "sources", lambda n: _sources(reader, n)) or ()
    if status is Status.VERIFIED and not sources:
        assert status_node is not None
        reader.problem(status_node, f"the {lang} form is marked verified but names no source")
    elif not sources:
        reader.problem(node, f"the {lang} form {text!r} has no source", Severity.WARNING)

    def optional_text(key: str) -> str:
        return _optional(fields, key, lambda n: reader.text(n, f"{lang} {key}")) or ""

    return Form(
        text=text,
        status=status,
        romanization=optional_text("romanization"),
        hanja=_hanja(reader, fields) if lang == "ko" else "",
        sources=sources,
        variants=_optional(fields, "variants", lambda n: _variants(reader, n, lang)) or (),
    )


def _status(reader: Reader, node: Node) -> Status | None:
    value = reader.text(node, "status")
    if value is None:
        return None
    try:
        return Status(value)
    except ValueError:
        reader.problem(node, f"status must be 'verified' or 'unverified', not {value!r}")
        return None


def _sources(reader: Reader, node: Node) -> tuple[Source, ...]:
    def read(item: Node) -> Source | None:
        if isinstance(item, ScalarNode):
            ref = reader.text(item, "a source")
            return Source(ref) if ref else None
        fields = reader.mapping(item, SOURCE_KEYS, "a source") or {}
        ref_node = reader.required(fields, "ref", item, "source")
        ref = reader.text(ref_node, "source ref") if ref_node else None
        shows = _optional(fields, "shows", lambda n: reader.text(n, "shows")) or ""
        return Source(ref, shows) if ref else None

    return reader.items(node, "sources", read)


def _variants(reader: Reader, node: Node, lang: str) -> tuple[str, ...]:
    # A variant records a spelling as sources type it, so Khmer typed in another character
    # order (COENG DA for COENG TA, say) is allowed here; linking and search normalise it.
    read = lambda n: _script_text(reader, n, lang, "a variant", check_order=False)  # noqa: E731
    return reader.items(node, "variants", read)


_SCRIPT_NAME = {"km": "Khmer", "ko": "Korean"}
_HAN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\s]+\Z")


def _script_text(
    reader: Reader, node: Node, lang: str, what: str, *, check_order: bool = True
) -> str | None:
    """Read a Khmer or Korean string and check its script and character order."""
    value = reader.text(node, what)
    if value is None:
        return None
    if LATIN_LETTER.search(value):
        reader.problem(node, f"{what} {value!r} contains Latin letters; {_SCRIPT_NAME[lang]} only")
    if check_order and lang == "km" and is_nfc(value) and normalize(value) != value:
        canonical = normalize(value)
        reader.problem(
            node,
            f"Khmer {value!r} is not in canonical character order; canonical form is "
            f"{canonical!r} ({show_codepoints(canonical)})",
        )
    return value


def _hanja(reader: Reader, fields: dict[str, Node]) -> str:
    if "hanja" not in fields:
        return ""
    value = reader.text(fields["hanja"], "hanja") or ""
    if value and not _HAN.match(value):
        reader.problem(fields["hanja"], f"hanja {value!r} must be Han characters only")
    return value
