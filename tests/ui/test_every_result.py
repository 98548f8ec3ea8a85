"""Every result can be had (issue 21): the list holds every hit of a search, snippets are made for the lines
painted (the last line's once scrolled to), and File › Export results… writes the list as shown."""

from __future__ import annotations

import openpyxl
from PySide6.QtWidgets import QFileDialog

from reader.core.model import ArticleRow, Hit
from reader.ui.article_list import ArticleListView
from reader.ui.article_model import SNIPPET_ROLE, TITLE, ArticleTableModel
from tests.many_articles import OLD_CAP, write_matching
from tests.ui.helpers import click_header, search, visible_ids

COUNT = OLD_CAP + 20
WAIT_MS = 10_000


def snippets_made(window) -> list[str | None]:
    """The snippet of each line, top to bottom, as made so far (None: not made), asking for none."""
    return [row.snippet for row in window.model.result_rows()]


def test_every_hit_is_listed_its_snippet_made_when_scrolled_to_and_exported(open_window, tmp_path, qtbot):
    window = open_window(write_matching(tmp_path / "many", COUNT))
    window.resize(1000, 650)
    assert not window.menus.export_results.isEnabled()  # no results yet
    search(qtbot, window, "england")
    assert window.model.rowCount() == COUNT
    assert window.search_bar.status.text() == f"{COUNT:,} articles match"
    qtbot.waitUntil(lambda: snippets_made(window)[0] is not None, timeout=WAIT_MS)  # the lines in view
    assert snippets_made(window)[-1] is None  # not painted yet: not made

    window.list.scrollToBottom()
    qtbot.waitUntil(lambda: snippets_made(window)[-1] is not None, timeout=WAIT_MS)
    last = window.model.result_rows()[-1]
    assert f"england side won game {int(last.article_id[7:10])} " in last.snippet
    assert snippets_made(window)[COUNT // 2] is None  # the lines never shown have none made

    click_header(qtbot, window.list, TITLE)  # the export follows the list's order
    shown = visible_ids(window)
    assert window.menus.export_results.isEnabled()
    window.menus.export_results.trigger()
    dialog = window.findChild(QFileDialog, "exportResults")
    assert dialog is not None and dialog.isVisible()
    dialog.selectNameFilter("Excel workbook (*.xlsx)")
    dialog.selectFile(str(tmp_path / "found"))  # no extension: the filter's
    dialog.accept()
    target = tmp_path / "found.xlsx"
    qtbot.waitUntil(lambda: window.status.state.text() == f"Exported {COUNT} results to {target}", timeout=WAIT_MS)
    book = openpyxl.load_workbook(target, read_only=True)
    table = list(book["Results"].iter_rows(values_only=True))
    book.close()
    assert table[0] == ("title", "source", "date", "file", "score", "snippet")
    assert [r[3] for r in table[1:]] == shown
    assert all("england side won" in r[5] for r in table[1:])  # made for the lines never shown too


def test_an_export_to_a_folder_that_is_not_there_says_so_in_one_line(open_window, tmp_path, qtbot):
    window = open_window(write_matching(tmp_path / "few", 3))
    search(qtbot, window, "england")
    window.exporting.export_to(tmp_path / "no such folder" / "results.csv")
    qtbot.waitUntil(lambda: "Could not export the results" in window.status.state.text(), timeout=WAIT_MS)
    assert "cannot write" in window.status.state.text() and "\n" not in window.status.state.text()


def test_the_list_asks_for_the_snippets_of_the_lines_painted_one_batch_at_a_time(qtbot):
    model = ArticleTableModel()
    view = ArticleListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    rows = [ArticleRow(f"{i:04}.txt", f"Report {i}", None, "Wire", 10, 1, 1, f"h{i}") for i in range(500)]
    model.set_rows(rows)
    model.show_hits([Hit(r.id, r.title, None, 1.0, "") for r in rows], "england")
    view.set_search_mode(True)
    asked: list[tuple[str, list[str]]] = []
    model.snippets_wanted.connect(lambda query, ids: asked.append((query, ids)))
    qtbot.waitUntil(lambda: len(asked) == 1)
    query, first = asked[0]
    assert query == "england" and "0000.txt" in first and "0100.txt" not in first  # the lines on screen
    view.scrollToBottom()
    qtbot.wait(50)
    assert len(asked) == 1  # one batch at a time
    model.set_snippets("sponsor", {aid: ("stale", ()) for aid in first})  # a search no longer listed
    assert model.result_rows()[0].snippet is None
    model.set_snippets("england", {aid: (f"made for {aid}", ()) for aid in first})
    assert model.result_rows()[0].snippet == "made for 0000.txt"
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert "0499.txt" in asked[1][1] and not set(asked[1][1]) & set(first)  # the bottom lines, painted last
    model.set_snippets("england", {})  # none made (articles gone since): nothing to show, not asked again
    assert model.index(499, TITLE).data(SNIPPET_ROLE) == ("", ())
    qtbot.wait(50)
    assert len(asked) == 2
