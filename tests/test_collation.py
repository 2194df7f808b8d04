"""One order for everything that sorts: the glossary browser shows the entries in the
order the export writes them, for every sort, on the shipped glossary and the op-ed."""

from __future__ import annotations

import pytest

from glossary.collation import ORDERS, first_appearance
from glossary.document import parse_document
from glossary.export import ExportRequest
from glossary.export.select import build_sheet
from reader.screens.browser import SORTS, BrowserScreen
from tests.app_support import loaded, make_app


def test_the_browser_offers_every_order_the_export_has():
    assert sorted(SORTS) == sorted(ORDERS)


@pytest.mark.parametrize("order", ORDERS)
async def test_the_browser_and_the_export_sort_alike(order):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("b")
        browser = app.screen
        assert isinstance(browser, BrowserScreen)
        while browser.sort != order:
            await pilot.press("s")
        shown = [entry.id for entry in browser.visible()]
        session = browser.session
        assert session.glossary is not None
        document = session.document if order == "appearance" else None
        sheet = build_sheet(ExportRequest(session.glossary, order=order, document=document))
    exported = [row.entry.id for row in sheet.rows]
    assert len(exported) > 50
    assert [entry_id for entry_id in shown if entry_id in set(exported)] == exported


def test_first_appearance_is_in_the_body_before_the_title():
    document = parse_document("Hun Sen in Seoul\n\nSeoul first, then Hun Sen.\n", "t.txt")
    title, body = document.paragraphs
    mentions = [("hun-sen", 0), ("seoul", 10), ("seoul", body.start), ("hun-sen", body.start + 18)]
    assert first_appearance(document, mentions) == {
        "seoul": body.start,
        "hun-sen": body.start + 18,
    }
    only_title = first_appearance(document, [("hun-sen", 0)])
    assert only_title == {"hun-sen": 0} and title.start == 0
