"""The reader on a Khmer or a Korean text: its language said, glosses in the other two."""

from __future__ import annotations

import pytest

from reader.state.settings import Settings
from reader.ui.render import shown_langs
from tests.app_support import loaded, make_app, screen_text
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"


@pytest.mark.parametrize(
    ("name", "language", "gloss"),
    [
        ("cambodia-north-korea-voa-km.txt", "Khmer", "ហ៊ុន សែន ⟨Hun Sen · 훈 센⟩"),
        ("korea-cambodia-relations-ko.txt", "Korean", "캄보디아 ⟨Cambodia · កម្ពុជា⟩"),
    ],
)
async def test_language_in_the_position_line_and_glosses_in_the_others(name, language, gloss):
    app = make_app(SEEDS / name, settings=Settings(glosses="both"))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("j")  # the first body paragraph (the caption, the lead)
        await pilot.pause()
        shown = screen_text(app)
        assert "paragraph 1 of " in shown and f" · {language} · " in shown
        assert gloss in shown.replace("\n", "")


def test_an_english_text_is_glossed_as_before():
    assert shown_langs("both", "en") == ("km", "ko")
    assert shown_langs("km", "km") == ("en",)  # a Khmer text is never glossed in Khmer
    assert shown_langs("ko", "km") == ("ko",) and shown_langs("off", "ko") == ()
