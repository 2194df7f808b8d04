"""Loading glossaries: every kind of problem is reported as file:line:col, all at once."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from glossary.loader import load, load_or_raise
from glossary.model import Status
from glossary.problems import GlossaryError
from tests.conftest import FIXTURES

GOOD_ENTRY = """
  - id: hun-sen
    category: person
    en: Hun Sen
    km: {text: ហ៊ុន សែន, status: verified, sources: [{ref: km.wikipedia.org, shows: title}]}
"""


def entries(body: str) -> str:
    return "entries:\n" + textwrap.dedent(body).strip("\n").replace("\n", "\n") + "\n"


def problems_of(write_yaml, text: str) -> list[str]:
    result = load([write_yaml(text)])
    return [str(p) for p in result.problems]


# (case name, YAML text, expected "line:col: fragment" of an error)
ERROR_CASES = [
    (
        "unknown key",
        "entries:\n  - id: a\n    category: term\n    en: a\n    colour: red\n",
        "5:5: unknown key 'colour'",
    ),
    (
        "missing field",
        "entries:\n  - id: a\n    category: term\n",
        "2:5: entry is missing the required key 'en'",
    ),
    (
        "wrong type",
        "entries:\n  - id: a\n    category: term\n    en: [x, y]\n",
        "4:9: en must be text, not a list",
    ),
    (
        "number for text",
        "entries:\n  - id: a\n    category: term\n    en: 42\n",
        "4:9: en must be text, not a number",
    ),
    (
        "bad category",
        "entries:\n  - id: a\n    category: thing\n    en: a\n",
        "3:15: unknown category 'thing'",
    ),
    (
        "bad id",
        "entries:\n  - id: Hun Sen\n    category: person\n    en: a\n",
        "2:9: id 'Hun Sen' must be lowercase",
    ),
    (
        "duplicate id",
        "entries:\n  - {id: a, category: term, en: one}\n  - {id: a, category: term, en: two}\n",
        "3:5: duplicate id 'a'; first defined (",
    ),
    (
        "alias claimed twice",
        "entries:\n  - {id: a, category: term, en: grant}\n  - {id: b, category: term, en: aid, aliases: [Grant]}\n",
        "3:5: alias 'Grant' of 'b' is also claimed by 'a'",
    ),
    (
        "not NFC",
        "entries:\n  - id: a\n    category: term\n    en: cafe\u0301\n",
        "4:9: en is not in Unicode NFC",
    ),
    (
        "latin in khmer",
        "entries:\n  - id: a\n    category: term\n    en: a\n    km: {text: Hun ហ៊ុន, status: unverified}\n",
        "5:16: km text 'Hun ហ៊ុន' contains Latin letters",
    ),
    (
        "latin in korean",
        "entries:\n  - id: a\n    category: term\n    en: a\n    ko: {text: 훈 Sen, status: unverified}\n",
        "5:16: ko text '훈 Sen' contains Latin letters",
    ),
    (
        "khmer order",
        'entries:\n  - id: a\n    category: term\n    en: a\n    km: {text: "\u17a0\u17bb\u17ca\u1793", status: unverified}\n',
        "not in canonical character order; canonical form is 'ហ៊ុន' (U+17A0 U+17CA U+17BB U+1793)",
    ),
    ("empty file", "", "1:1: the file is empty"),
    ("not yaml", "entries: [a, b\n  - c: }\n", "a '[' or '{' opened on line 1 is never closed"),
    (
        "python object",
        "entries: !!python/object:os.system {}\n",
        "1:10: tag tag:yaml.org,2002:python/object:os.system is not allowed",
    ),
    ("not a list", "entries: {a: 1}\n", "1:10: entries must be a list, not a mapping"),
    (
        "verified without source",
        "entries:\n  - id: a\n    category: term\n    en: a\n    ko: {text: 훈, status: verified}\n",
        "5:27: the ko form is marked verified but names no source",
    ),
    (
        "bad status",
        "entries:\n  - id: a\n    category: term\n    en: a\n    ko: {text: 훈, status: maybe}\n",
        "status must be 'verified' or 'unverified'",
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_each_kind_of_error_is_reported_with_its_place(write_yaml, name, text, expected):
    messages = problems_of(write_yaml, text)
    assert any(expected in m for m in messages), messages
    assert all(m.startswith(str(write_yaml(text))) for m in messages)


def test_not_utf8_gives_the_byte_offset(tmp_path: Path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"entries:\n  - id: a\n    en: caf" + b"\xe9\n")
    result = load([path])
    assert [str(p) for p in result.errors] == [
        f"{path}:3:12: not UTF-8: invalid byte 0xe9 at byte offset 30"
    ]


def test_missing_file_and_directory(tmp_path: Path):
    result = load([tmp_path / "nope.yaml", tmp_path])
    messages = [str(p) for p in result.errors]
    assert messages == [
        f"{tmp_path / 'nope.yaml'}:1:1: no such file",
        f"{tmp_path}:1:1: is a directory, not a file",
    ]


def test_all_problems_are_reported_at_once(write_yaml):
    text = "entries:\n  - {id: a, category: bad, en: x}\n  - {id: B, category: term, en: y}\n  - {id: c, en: z}\n"
    assert len(load([write_yaml(text)]).errors) == 3


def test_a_python_tag_never_constructs_anything(write_yaml, tmp_path: Path):
    marker = tmp_path / "pwned"
    text = f"entries:\n  - !!python/object/apply:os.system ['touch {marker}']\n"
    result = load([write_yaml(text)])
    assert not result.ok
    assert not marker.exists()


def test_form_without_source_is_a_warning_not_an_error(write_yaml):
    text = "entries:\n  - id: a\n    category: term\n    en: a\n    ko: {text: 훈, status: unverified}\n"
    result = load([write_yaml(text)])
    assert result.ok
    assert [str(p).split(": ", 1)[1] for p in result.warnings] == [
        "warning: the ko form '훈' has no source"
    ]


def test_entry_without_forms_is_valid(write_yaml):
    result = load([write_yaml("entries:\n  - {id: a, category: term, en: aid}\n")])
    assert result.ok and result.glossary.get("a").km is None


def test_fixture_loads_fully():
    result = load_or_raise([FIXTURES / "mini.yaml"])
    hun_sen = result.glossary.get("hun-sen")
    assert hun_sen.km.text == "ហ៊ុន សែន" and hun_sen.km.status is Status.VERIFIED
    assert [a.text for a in hun_sen.aliases][-1] == "the Premier" and hun_sen.aliases[-1].match_case
    assert result.glossary.get("lee-myung-bak").ko.hanja == "李明博"


def test_two_files_with_the_same_id_conflict(write_yaml):
    one = write_yaml("entries:\n  - {id: a, category: term, en: aid}\n", "one.yaml")
    two = write_yaml("entries:\n  - {id: a, category: term, en: loan}\n", "two.yaml")
    with pytest.raises(GlossaryError) as caught:
        load_or_raise([one, two])
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{two}:2:5: duplicate id 'a'; first defined ({one}:2:5)")


def test_two_files_load_together(write_yaml):
    user = write_yaml("entries:\n  - {id: seoul, category: place, en: Seoul}\n", "user.yaml")
    result = load_or_raise([FIXTURES / "mini.yaml", user])
    assert result.glossary.get("seoul") and result.glossary.get("hun-sen")


def test_cache_is_used_and_refreshed(write_yaml, tmp_path: Path):
    cache_dir = tmp_path / "cache"
    path = write_yaml("entries:\n  - {id: a, category: term, en: aid}\n")
    first = load([path], cache_dir=cache_dir)
    assert list(cache_dir.iterdir())
    assert load([path], cache_dir=cache_dir).glossary.entries == first.glossary.entries
    time.sleep(0.01)
    path.write_text("entries:\n  - {id: a, category: term, en: loan}\n", encoding="utf-8")
    assert load([path], cache_dir=cache_dir).glossary.get("a").en == "loan"


def test_corrupt_cache_is_ignored(write_yaml, tmp_path: Path):
    cache_dir = tmp_path / "cache"
    path = write_yaml("entries:\n  - {id: a, category: term, en: aid}\n")
    load([path], cache_dir=cache_dir)
    for cached in cache_dir.iterdir():
        cached.write_text('{"key": 1, "entries": [[', encoding="utf-8")
    assert load([path], cache_dir=cache_dir).glossary.get("a").en == "aid"


def test_tampered_cache_with_right_key_but_bad_shape_is_rebuilt(write_yaml, tmp_path: Path):
    import json

    cache_dir = tmp_path / "cache"
    path = write_yaml("entries:\n  - {id: a, category: term, en: aid}\n")
    load([path], cache_dir=cache_dir)
    (cached,) = cache_dir.iterdir()
    data = json.loads(cached.read_text(encoding="utf-8"))
    data["entries"] = [["only", "three", "fields"]]
    cached.write_text(json.dumps(data), encoding="utf-8")
    assert load([path], cache_dir=cache_dir).glossary.get("a").en == "aid"
