"""The analysis pass reports progress every few articles and lists its first results early (issue 21, item 12)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from bench.corpus import generate
from reader.core.analysis import NO_MODEL, Analyzer
from reader.core.library import Library

ARTICLES = 200


@pytest.mark.slow  # a child process, or real spaCy worker processes
@pytest.mark.parametrize("n_process", [1, 2], ids=["in-process", "workers"])
def test_progress_moves_in_small_steps_and_the_first_rows_come_early(tmp_path, n_process):
    folder = tmp_path / "articles"
    generate(ARTICLES, folder)
    library = Library(folder, tmp_path / "data", analyzer=Analyzer(model=NO_MODEL))
    try:
        library.sync()
        events: list[tuple[str, int]] = []
        library.analyze_all(
            progress=lambda done, total: events.append(("progress", done)),
            on_rows=lambda rows: events.append(("rows", len(rows))),
            n_process=n_process,
        )
    finally:
        library.close()
    done = [n for kind, n in events if kind == "progress"]
    assert done[0] == 0 and done[-1] == ARTICLES
    moving = [n for n in done if n > 0]
    assert moving[0] <= 16  # not "0 of 200" until a big batch is through
    steps = [b - a for a, b in pairwise(done)]
    assert all(0 <= s <= 16 for s in steps), steps  # never a jump by a whole batch
    assert len(moving) >= ARTICLES // 16
    rows = [n for kind, n in events if kind == "rows"]
    assert sum(rows) == ARTICLES and rows[0] <= 16  # the list's first counts fill in after a few articles
    first_rows = next(i for i, (kind, _) in enumerate(events) if kind == "rows")
    assert sum(1 for kind, _ in events[:first_rows] if kind == "progress") <= 5
