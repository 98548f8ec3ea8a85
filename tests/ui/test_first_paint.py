"""A first launch (fresh data dir and settings) is right from the first paint, at a laptop's and a desktop's size:
the reading pane's text wraps to the pane, the title column has the list's spare width, and a long query error
wraps under the search box instead of widening the list."""

import pytest

from reader.ui.article_list import TITLE_MIN_CHARS
from reader.ui.article_model import SOURCE, TITLE
from tests.conftest import SAMPLE_000
from tests.ui.helpers import WAIT_MS, search, visible_ids

SIZES = [(1000, 650), (1600, 1000)]


@pytest.fixture
def first_launch(open_window):
    """first_launch(folder, size) -> the window as a first launch shows it at `size`, its folder indexed."""
    return lambda folder, size: open_window(folder, size=size)


def assert_wraps_to_the_pane(pane):
    assert not pane.horizontalScrollBar().isVisible()
    assert pane.document().textWidth() == pane.viewport().width()
    assert pane.document().size().width() <= pane.viewport().width()


@pytest.mark.parametrize("size", SIZES)
def test_the_placeholder_wraps_to_the_pane_from_the_first_paint(first_launch, tmp_path, qtbot, size):
    folder = tmp_path / ("a_folder_with_a_long_name_" * 4)  # the empty folder's message names it
    folder.mkdir()
    window = first_launch(folder, size)
    qtbot.wait(50)
    assert "There are no articles in" in window.pane.toPlainText()
    assert_wraps_to_the_pane(window.pane)


@pytest.mark.parametrize("size", SIZES)
def test_an_article_wraps_to_the_pane_from_the_first_paint(first_launch, articles_dir, qtbot, size):
    window = first_launch(articles_dir, size)
    window.browsing.select_row(visible_ids(window).index(SAMPLE_000))
    qtbot.waitUntil(lambda: window.pane.view is not None, timeout=WAIT_MS)
    assert_wraps_to_the_pane(window.pane)
    window.resize(size[0] + 300, size[1])  # a window manager's placement, or maximizing: one resize
    qtbot.wait(50)
    assert_wraps_to_the_pane(window.pane)


@pytest.mark.parametrize("size", SIZES)
def test_the_title_column_takes_the_spare_width(first_launch, articles_dir, qtbot, size):
    window = first_launch(articles_dir, size)
    view = window.list
    header = view.horizontalHeader()
    char = view.fontMetrics().averageCharWidth()
    for searching in (False, True):
        if searching:
            search(qtbot, window, "olympic")
        assert header.sectionSize(TITLE) >= TITLE_MIN_CHARS * char
        assert header.sectionSize(TITLE) > header.sectionSize(SOURCE) or view.isColumnHidden(SOURCE)
        shown = sum(header.sectionSize(c) for c in range(header.count()) if not view.isColumnHidden(c))
        assert shown == view.viewport().width()  # no room left over beside the title


@pytest.mark.parametrize("size", SIZES)
def test_a_long_query_error_wraps_under_the_box(first_launch, articles_dir, qtbot, size):
    window = first_launch(articles_dir, size)
    qtbot.wait(50)
    panel = window.search_bar.parentWidget()
    width, sizes = panel.width(), window.splitter.sizes()
    status = window.search_bar.status
    with qtbot.waitSignal(window.browsing.search_finished, timeout=WAIT_MS):
        window.search_bar.set_text("x" * 298 + ":y")  # an unknown field: the error quotes it
    assert status.isVisible() and "unknown field" in status.text()
    qtbot.wait(50)
    assert (panel.width(), window.splitter.sizes()) == (width, sizes)
    words = " ".join(["sponsorship"] * 27)  # a 300-character message of words wraps into lines
    window.search_bar.show_error(words)
    qtbot.wait(50)
    assert (panel.width(), window.splitter.sizes()) == (width, sizes)
    assert status.width() <= panel.width()
    assert status.height() >= 2 * status.fontMetrics().lineSpacing()
