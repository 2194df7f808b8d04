"""The TBX export parsed back and checked against the TBX-Basic structure (TBX v3, DCA).

The checks follow the TBX-Basic dialect's core structure (tbxHeader/fileDesc, text/body,
conceptEntry → langSec → termSec, `term` first in a termSec, termNotes before the other
notes) and its data categories: which `type` may appear on which element, at which
level, with which picklist values.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.export_support import oped, text

NS = "urn:iso:std:iso:30042:ed-2"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")
# element → {type: levels where TBX-Basic allows it}
ALLOWED = {
    "descrip": {
        "subjectField": {"conceptEntry"},
        "definition": {"conceptEntry", "langSec"},
        "context": {"termSec"},
    },
    "admin": {"source": {"conceptEntry", "langSec", "termSec"}},
    "termNote": {"administrativeStatus": {"termSec"}},
}
STATUSES = {
    "admittedTerm-admn-sts",
    "preferredTerm-admn-sts",
    "deprecatedTerm-admn-sts",
    "supersededTerm-admn-sts",
}
AUX = {"descrip", "descripGrp", "admin", "adminGrp", "transacGrp", "note", "ref", "xref"}


def local(element: ET.Element) -> str:
    return element.tag.removeprefix(f"{{{NS}}}")


def tbx_root(**options: object) -> ET.Element:
    return ET.fromstring(text("tbx", document=oped(), **options))


def check_typed(element: ET.Element, level: str) -> None:
    name = local(element)
    if name in ALLOWED:
        kind = element.get("type", "")
        assert kind in ALLOWED[name], f"{name} type {kind!r} is not TBX-Basic"
        assert level in ALLOWED[name][kind], f"{name} {kind} not allowed in {level}"


def check_term_sec(term_sec: ET.Element) -> None:
    children = [local(c) for c in term_sec]
    assert children[0] == "term" and (term_sec[0].text or "").strip()
    rest = children[1:]
    notes = len(rest) - len([c for c in rest if c != "termNote"])
    assert rest[:notes] == ["termNote"] * notes, "termNotes come right after the term"
    assert set(rest[notes:]) <= AUX
    for child in term_sec[1:]:
        check_typed(child, "termSec")
        if local(child) == "termNote":
            assert child.text in STATUSES


def check_concept(entry: ET.Element) -> None:
    assert NCNAME.match(entry.get("id", ""))
    children = [local(c) for c in entry]
    first_lang = children.index("langSec")
    assert set(children[:first_lang]) <= AUX and set(children[first_lang:]) == {"langSec"}
    for child in entry[:first_lang]:
        check_typed(child, "conceptEntry")
    for lang_sec in entry[first_lang:]:
        assert lang_sec.get(LANG) in {"en", "km", "ko"}
        assert len(lang_sec) >= 1 and all(local(t) == "termSec" for t in lang_sec)
        for term_sec in lang_sec:
            check_term_sec(term_sec)


def test_root_and_header():
    root = tbx_root()
    assert root.tag == f"{{{NS}}}tbx"
    assert (root.get("type"), root.get("style"), root.get(LANG)) == ("TBX-Basic", "dca", "en")
    assert [local(c) for c in root] == ["tbxHeader", "text"]
    (file_desc,) = root[0]
    assert [local(c) for c in file_desc] == ["titleStmt", "sourceDesc"]
    assert file_desc[0][0].text == "Mini test glossary"
    assert "2025-01-31" in (file_desc[1][0].text or "")
    assert [local(c) for c in root[1]] == ["body"]


def test_every_concept_entry_follows_tbx_basic():
    body = tbx_root()[1][0]
    ids = [entry.get("id") for entry in body]
    assert len(ids) == len(set(ids)) == 6
    for entry in body:
        assert local(entry) == "conceptEntry"
        check_concept(entry)


def _find(entry_id: str, path: str, **options: object) -> list[ET.Element]:
    body = tbx_root(**options)[1][0]
    (entry,) = [e for e in body if e.get("id") == f"c-{entry_id}"]
    return entry.findall(path, {"t": NS})


def test_verified_and_unverified_forms():
    (ko_sec,) = [sec for sec in _find("lee-myung-bak", "t:langSec") if sec.get(LANG) == "ko"]
    (ko,) = ko_sec
    assert ko.find(f"{{{NS}}}termNote") is None  # unverified: not a preferred term
    notes = [n.text for n in ko.findall(f"{{{NS}}}note")]
    assert notes == ["status: unverified", "romanization: I Myeong-bak", "hanja: 李明博"]
    (head, *aliases) = _find("hun-sen", "t:langSec/t:termSec")[:5]
    assert head.find(f"{{{NS}}}termNote").text == "preferredTerm-admn-sts"  # type: ignore[union-attr]
    assert {a.find(f"{{{NS}}}termNote").text for a in aliases} == {"admittedTerm-admn-sts"}  # type: ignore[union-attr]


def test_category_definition_and_context():
    (field,) = _find("hun-sen", "t:descrip[@type='subjectField']")
    (definition,) = _find("hun-sen", "t:descrip[@type='definition']")
    (context,) = _find("hun-sen", "t:langSec/t:termSec/t:descrip[@type='context']")
    assert field.text == "person" and definition.text.startswith("Prime Minister")  # type: ignore[union-attr]
    assert "Prime Minister Hun Sen" in (context.text or "")


def test_languages_follow_langs_and_missing_forms_have_no_lang_sec():
    body = ET.fromstring(text("tbx", langs=("km", "ko")))[1][0]
    ids = {entry.get("id") for entry in body}
    assert ids == {"c-hun-sen", "c-korea", "c-lee-myung-bak", "c-grant", "c-kingdom-of-cambodia"}
    for entry in body:
        langs = [sec.get(LANG) for sec in entry.iter(f"{{{NS}}}langSec")]
        assert langs and set(langs) <= {"km", "ko"}
