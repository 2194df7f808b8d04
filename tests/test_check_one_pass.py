"""`glossary check` reports every problem of a file in one pass, and says what to fix."""

from __future__ import annotations

import pytest

from glossary.loader import load

# Seven problems a first run would find, and the six that used to show only once those
# were fixed: a `txt:` typo, Latin in a Korean form, `status: unverfied`, verified
# without a source, and a duplicate id of an entry that also had an error.
ROUNDS = """\
entries:
  - id: a
    categroy: term
    en: alpha
    km: {txt: អា, status: unverified}
    ko: {text: 알Pha, status: unverfied}
  - id: b
    category: term
    en: beta
    note: [not, text]
    ko: {text: 베타, status: verified}
  - id: a
    category: persn
    en: alpha again
    km: {text: អា, status: verified}
"""


def messages(write_yaml, text: str) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in load([write_yaml(text)]).problems]


def test_every_problem_in_one_pass(write_yaml):
    found = messages(write_yaml, ROUNDS)
    expected = [
        "3:5: unknown key 'categroy' in an entry: did you mean category?",
        "2:5: entry is missing the required key 'category'",
        "5:10: unknown key 'txt' in the km form: did you mean text?",
        "the km form is missing the required key 'text'",
        "6:16: ko text '알Pha' contains Latin letters; Korean only",
        "status must be 'verified' or 'unverified', not 'unverfied': did you mean unverified?",
        "10:11: note must be text, not a list",
        "the ko form is marked verified but names no source",
        "13:15: unknown category 'persn': did you mean person?",
        "the km form is marked verified but names no source",
        "duplicate id 'a'",
    ]
    for fragment in expected:
        assert any(fragment in m for m in found), (fragment, found)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("entries:\n\t- id: a\n", 2, "a tab in the indentation: YAML indents with spaces only"),
        (
            "entries:\n  - id: a\n    en: b\n     category: term\n",
            4,
            "indented more than the key above it",
        ),
        (
            "entries:\n  - id: a\n    en: b\n   category: term\n",
            4,
            "the indentation of this line does not match the lines above",
        ),
        ("entries:\n  - id: a\n    en: Seoul: capital\n", 3, "put the value in quotes"),
        ("entries:\n  - id: 'a\n    en: b\n", 2, "a quote opened on line 2 is never closed"),
    ],
)
def test_yaml_syntax_errors_say_what_to_fix(write_yaml, text, line, fragment):
    found = load([write_yaml(text)]).problems
    assert any(p.line == line and fragment in p.message for p in found), found


def test_every_tab_is_reported_at_once(write_yaml):
    text = "entries:\n  - id: a\n\ten: b\n  - id: c\n\t category: term\n"
    lines = [p.line for p in load([write_yaml(text)]).problems]
    assert lines == [3, 5]
