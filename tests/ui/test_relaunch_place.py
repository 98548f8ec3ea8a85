"""A relaunch returns to where the reader was: the search, the selected article and its scroll (issue 21, item 9)."""

from PySide6.QtCore import QPoint

from tests.ui.helpers import WAIT_MS, search, visible_ids


def _top_position(pane) -> int:
    """The text at the top of the reading pane: what the reader sees first."""
    return pane.cursorForPosition(QPoint(0, 0)).position()


def test_a_relaunch_brings_back_the_search_the_article_and_its_scroll(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    window.resize(1000, 650)
    search(qtbot, window, "olympic")
    ids = visible_ids(window)
    assert len(ids) == 2
    second = ids[1]  # not the one a fresh window would show anyway
    window.browsing.select_row(1)
    qtbot.waitUntil(lambda: window.pane.view is not None and window.pane.view.article.id == second, timeout=WAIT_MS)
    bar = window.pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200, timeout=WAIT_MS)
    bar.setValue(bar.maximum() // 2)
    top = _top_position(window.pane)
    assert top > 0
    window.close()

    again = open_window(articles_dir, wait=False)
    pane = again.pane
    qtbot.waitUntil(
        lambda: pane.view is not None and pane.view.article.id == second and _top_position(pane) == top,
        timeout=WAIT_MS,
    )
    assert again.search_bar.edit.text() == "olympic"
    assert visible_ids(again) == ids  # the search's results are listed
    assert again.list.currentIndex().row() == 1
    assert again.list.selectionModel().isRowSelected(1)
    assert pane.verticalScrollBar().value() > 0  # scrolled down to it, the same text at the top
