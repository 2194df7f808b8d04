"""Every rating is on disk once it returns: SIGKILL mid-review loses none."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from reader.progress import ProgressStore
from tests.test_progress_crash import rows, start

# Rates cards of one glossary entry per number as fast as it can (each rating one
# transaction: log row, card and term status); prints a number only after its rating
# returned, i.e. committed.
RATER = """
import sys
from pathlib import Path
from fsrs import Rating
from reader.progress import ProgressStore
from reader.review.scheduler import make_scheduler, rate
from reader.progress.times import now_utc

store = ProgressStore(Path(sys.argv[1]))
scheduler = make_scheduler(fuzz=False)
print("ready", flush=True)
number = 0
while True:
    after = rate(scheduler, f"term-{number}", "en-km", None, Rating.Good, now_utc(), number + 1)
    if store.reviews.rate(None, after, int(Rating.Good), 900) is not None:
        print(number, flush=True)
    number += 1
"""


@pytest.mark.parametrize("lines_before_kill", [1, 60])
def test_sigkill_mid_review_loses_no_rating(tmp_path: Path, lines_before_kill: int):
    data = tmp_path / "data"
    rater = start(RATER, str(data))
    assert rater.stdout is not None and rater.stdout.readline() == "ready\n"
    printed = [int(rater.stdout.readline()) for _ in range(lines_before_kill)]
    os.kill(rater.pid, signal.SIGKILL)
    printed += [int(line) for line in rater.stdout.read().split()]
    assert rater.wait() == -signal.SIGKILL
    db = data / "progress.sqlite3"
    assert rows(db, "PRAGMA quick_check") == [("ok",)]
    cards = {entry for (entry,) in rows(db, "SELECT entry_id FROM cards")}
    logged = {entry for (entry,) in rows(db, "SELECT entry_id FROM reviews")}
    statuses = {entry for (entry,) in rows(db, "SELECT entry_id FROM terms WHERE status > 0")}
    assert {f"term-{n}" for n in printed} <= cards
    # The card, its log row and its term's status were committed together, or not at all.
    assert cards == logged == statuses
    assert len(cards) - len(printed) in (0, 1)
    with ProgressStore(data) as store:
        assert store.can_save and store.reviews.stats().reviews == len(cards)
