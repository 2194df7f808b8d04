"""`tonle read --width-model`: how the terminal measures text, or `auto` to ask it."""

from __future__ import annotations

from click.testing import CliRunner

from reader.cli import root as cli_module
from reader.terminal import probe as terminal_probe


def test_the_option_is_offered_and_checked():
    result = CliRunner().invoke(cli_module.cli, ["read", "--help"])
    assert "--width-model [auto|codepoint|grapheme]" in result.output
    result = CliRunner().invoke(cli_module.cli, ["read", "--width-model", "wide", "x.txt"])
    assert result.exit_code == 2


def test_read_asks_the_terminal_before_the_app_starts(monkeypatch, tmp_path):
    """The probe runs with the chosen model before TonleApp exists; the app is not run."""
    calls = []
    monkeypatch.setattr(terminal_probe, "detect", lambda setting: calls.append(setting))

    class Stop(Exception):
        pass

    def no_app(*args, **kwargs):
        calls.append("app")
        raise Stop

    monkeypatch.setattr("reader.app.TonleApp", no_app)
    text = tmp_path / "t.txt"
    text.write_text("Hun Sen visited Seoul.\n", encoding="utf-8")
    for option, expected in (([], "auto"), (["--width-model", "grapheme"], "grapheme")):
        calls.clear()
        result = CliRunner().invoke(cli_module.cli, ["read", *option, str(text)])
        assert isinstance(result.exception, Stop)
        assert calls == [expected, "app"]
