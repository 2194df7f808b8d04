"""Figures in the reader: found per paragraph, marked, glossed, and shown on a click."""

from __future__ import annotations

from glossary.document import read_document
from glossary.figures import find_figures
from glossary.linker import Link
from glossary.model import Entry
from reader.state.session import ReadingSession
from reader.state.settings import Settings
from reader.ui.render import FIGURE_META, FIGURE_STYLE, GlossOptions, paragraph_content
from tests.app_support import current_region, current_text, loaded, make_app
from tests.conftest import OPED

TEXT = "Korea gave US$300,000 in 1953 to Hun Sen."


def _styles(content, text: str) -> dict[str, list[str]]:
    """The styles and metas over each figure surface in `content`."""
    found: dict[str, list[str]] = {}
    for span in content.spans:
        piece = content.plain[span.start : span.end]
        found.setdefault(piece, []).append(str(span.style))
    return found


def test_session_finds_figures_per_paragraph_without_a_glossary():
    session = ReadingSession(read_document(OPED))
    assert session.glossary is None
    body = session.document.body[0].index
    assert [f.surface for f in session.figures(body)] == ["US$300,000"]
    assert session.figures(body) is session.figures(body)  # cached


def test_figures_are_marked_and_plain_text_is_unchanged():
    figures = find_figures(TEXT)
    content = paragraph_content(TEXT, [], {}, GlossOptions(), figures=figures)
    assert content.plain == TEXT
    styles = _styles(content, TEXT)
    assert FIGURE_STYLE in styles["US$300,000"]
    assert FIGURE_STYLE in styles["1953"]
    metas = [s.style.meta for s in content.spans if not isinstance(s.style, str)]
    assert {m[FIGURE_META]["surface"] for m in metas if FIGURE_META in m} == {"US$300,000", "1953"}


def test_interlinear_gloss_after_a_figure():
    figures = find_figures(TEXT)
    both = paragraph_content(TEXT, [], {}, GlossOptions("both"), figures=figures).plain
    assert both == (
        "Korea gave US$300,000 ⟨៣០ម៉ឺនដុល្លារ · 30만 달러⟩ in 1953 ⟨ឆ្នាំ១៩៥៣ · 1953년⟩ to Hun Sen."
    )
    korean = paragraph_content(TEXT, [], {}, GlossOptions("ko"), figures=figures).plain
    assert "US$300,000 ⟨30만 달러⟩" in korean
    # Khmer digits need a Khmer font: with Khmer romanized, figures are glossed in Korean only.
    romanized = paragraph_content(TEXT, [], {}, GlossOptions("both", True), figures=figures).plain
    assert "US$300,000 ⟨30만 달러⟩" in romanized
    none = paragraph_content(TEXT, [], {}, GlossOptions("km", True), figures=figures).plain
    assert none == TEXT


def test_a_link_wins_over_a_figure_it_overlaps():
    text = "The 1953 Accords."
    link = Link(4, 16, "accords", "1953 Accords")
    entries = {"accords": Entry("accords", "document", "1953 Accords")}
    figures = find_figures(text)
    assert [f.surface for f in figures] == ["1953"]
    content = paragraph_content(text, [link], entries, GlossOptions("both"), figures=figures)
    assert content.plain == "The 1953 Accords ⟨…⟩."  # the term's gloss only
    assert not any(str(s.style) == FIGURE_STYLE for s in content.spans)


async def test_the_reader_glosses_figures_and_a_click_shows_them():
    app = make_app(settings=Settings(glosses="both"))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("3", "g")
        current = current_text(app)
        assert "23rd anniversary ⟨ខួបលើកទី២៣ · 23주년⟩" in current
        assert "1996/97 ⟨ឆ្នាំ១៩៩៦-១៩៩៧ · 1996~1997년⟩" in current
        assert "Hun Sen ⟨ហ៊ុន សែន · 훈 센⟩" in current
        region = current_region(app)
        spot = next(
            (x, y)
            for y in range(region.y, region.bottom)
            for x in range(region.x, region.right)
            if FIGURE_META in app.screen.get_style_at(x, y).meta
        )
        await pilot.click(offset=spot)
        await pilot.pause(0)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("23rd anniversary\nkm  ខួបលើកទី២៣") for m in messages)


def test_a_figure_takes_the_terms_inside_it():
    from glossary.linker import Linker
    from glossary.loader import load
    from reader.state.paths import shipped_glossary

    glossary = load([shipped_glossary()]).glossary
    session = ReadingSession(read_document(OPED))
    session.attach(glossary, Linker(glossary))
    index = next(p.index for p in session.paragraphs if "US$17 million" in p.text)
    surfaces = [link.surface for link in session.links(index)]
    assert "million" not in surfaces  # "US$17 million" is one figure
    assert "US$17 million" in [f.surface for f in session.figures(index)]
    # The occurrence index still counts the word where it is written.
    assert len(session.index_occurrences()["million"]) == 6


def test_annotate_with_figures():
    import json

    from click.testing import CliRunner

    from reader.cli.root import cli

    def run(*args: str):
        return CliRunner().invoke(cli, ["annotate", str(OPED), *args])

    plain = run()
    assert "[៣០ម៉ឺនដុល្លារ" not in plain.stdout  # without --figures, as before:
    assert "US$17 million [លាន · 백만]" in plain.stdout
    result = run("--figures")
    assert result.exit_code == 0
    assert "US$300,000 [៣០ម៉ឺនដុល្លារ · 30만 달러] worth" in result.stdout
    assert "US$17 million [១៧លានដុល្លារ · 1700만 달러]" in result.stdout  # not "million [លាន…]"
    assert "COVID-19 [" in result.stdout and "[ឆ្នាំ" not in result.stdout.split("COVID-19")[1][:5]
    assert "32 figures" in result.stderr
    data = json.loads(run("--figures", "--json").stdout)
    first = data["figures"][0]
    assert (first["surface"], first["kind"], first["ko"]["text"]) == (
        "US$300,000",
        "money",
        "30만 달러",
    )
    assert not any(link["surface"] == "million" for link in data["links"])
