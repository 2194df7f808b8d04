"""`tonle glossary add | personal | new`: what a user sees, and that a refused entry
changes no file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reader.cli.root import cli
from reader.state.paths import user_paths

KM_SOURCE = "https://km.wikipedia.org/wiki/បឹងទន្លេសាប"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def personal() -> Path:
    return user_paths().personal_glossary


def test_personal_prints_the_path_in_the_data_directory():
    code, out, _err = run("glossary", "personal")
    assert code == 0 and out.strip() == str(personal())
    assert out.strip().endswith("glossaries/personal.yaml")


def test_add_writes_the_personal_glossary_which_every_command_then_loads():
    code, out, _err = run(
        "glossary", "add", "--en", "Tonle Sap", "--category", "place",
        "--km", "ទន្លេសាប", "--km-source", KM_SOURCE, "--alias", "Tonle Sap Lake",
    )  # fmt: skip
    assert code == 0, _err
    assert out.strip() == f"Added tonle-sap to {personal()}"
    code, out, _err = run("glossary", "show", "Tonle Sap Lake")
    assert code == 0 and "ទន្លេសាប  [verified]" in out
    code, _out, err = run("glossary", "check", str(personal()))
    assert code == 0 and "OK: 1 entry, 0 errors" in err
    code, out, _err = run(
        "glossary", "show", "Tonle Sap", "--no-default-glossary", "-g", str(personal())
    )
    assert code == 0


def test_a_refused_entry_is_one_line_exit_2_and_no_file_changes():
    assert run("glossary", "add", "--en", "Mekong Delta")[0] == 0
    before = personal().read_bytes()
    for args, fragment in (
        (["--en", "Hun Sen"], "already an English form of 'hun-sen'"),
        (["--en", "Other", "--id", "hun-sen"], "the id 'hun-sen' is already taken"),
        (["--en", "Other", "--alias", "mekong delta"], "'mekong-delta'"),
        (["--en", ""], "the English headword is empty"),
        (["--en", "Other", "--ko", "Seoul"], "Latin letters; Korean only"),
    ):
        code, _out, err = run("glossary", "add", *args)
        assert code == 2 and fragment in err
        assert len(err.strip().splitlines()) == 1 and err.startswith(f"tonle: {personal()}")
    assert personal().read_bytes() == before


def test_new_writes_a_commented_starter_that_add_keeps_the_comments_of(tmp_path):
    path = tmp_path / "mine.yaml"
    assert run("glossary", "new", str(path)) == (0, f"{path}\n", "")
    assert run("glossary", "check", str(path))[0] == 0
    code, out, _err = run("glossary", "add", "--en", "Kampot pepper", "--to", str(path))
    assert code == 0 and out.strip() == f"Added kampot-pepper to {path}"
    text = path.read_text()
    assert "# A Tonle glossary" in text and "id: kampot-pepper" in text
    assert not personal().exists()
    code, _out, err = run("glossary", "new", str(path))
    assert code == 2 and "exists already" in err


def test_an_edited_shipped_entry_is_checked_over_the_shipped_glossary():
    personal().parent.mkdir(parents=True)
    personal().write_text("entries:\n  - id: hun-sen\n    override: true\n    note: Edited.\n")
    code, _out, err = run("glossary", "check", str(personal()))
    assert code == 0, err
    code, out, _err = run("glossary", "show", "hun-sen")
    assert "note: Edited." in out
