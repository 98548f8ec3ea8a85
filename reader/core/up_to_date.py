"""The step a command takes before it answers from the index: the folder's changes indexed and, if it needs
them, the articles not yet analysed analysed, each said on stderr; an index the app is updating is used as is.
Bookmarks are left to be re-attached to edited articles where they are shown (`bookmarks list`, the window)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .index import IndexBusy

if TYPE_CHECKING:
    from .library import Library
    from .model import ArticleRow
    from .sync import SyncReport


@dataclass(frozen=True)
class UpToDate:
    report: SyncReport | None  # None: the app was updating the index, which is used as last committed
    rows: list[ArticleRow] | None = None  # the index's rows, when the analysis step read them


def bring_up_to_date(
    library: Library,
    answering: str,
    analysing: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> UpToDate:
    """Index what changed in the folder; then, with `analysing` (what the note says is done, "analysing {}
    for names first", {} being "3 articles"), analyse what is not analysed yet, `progress` reporting, and
    make the facts an older cache lacks. `answering` says what the command does with a busy index as it is
    ("searching")."""
    try:
        report = library.sync(reanchor=False)  # search and coverage show no bookmark
    except IndexBusy as exc:  # the app is updating it (and analysing after): answer from what is committed
        print(f"note: {exc}; {answering} the index as it is", file=sys.stderr)
        return UpToDate(None)
    if analysing is None:
        return UpToDate(report)
    rows = library.rows()
    pending = len(library.unanalyzed(rows))
    if pending:
        print(f"note: {analysing.format(f'{pending} article' + ('s' if pending != 1 else ''))}", file=sys.stderr)
    analysis = library.analyze_all(progress=progress if pending else None, rows=rows)
    if pending and analysis.notice:
        print(f"note: {analysis.notice}", file=sys.stderr)
    return UpToDate(report, rows)  # their analysis counts may be out of date now; the analysis cache is not
