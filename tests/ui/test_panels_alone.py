"""The panels without a window: each widget given what the window would give it, as Vorta tests its models.

The reading pane and the legend get views of the session's `sample_library` (analyzed by the built-in lists
alone, see `view_of`); the others get small values made here. No worker threads, no spaCy processes: each
test takes milliseconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from reader.core.bookmarks import OK, Bookmark
from reader.core.scanning import Skipped
from reader.ui.article_list import ArticleListView
from reader.ui.article_model import COLUMNS, FOLDER, ID_ROLE, TITLE, WORDS, ArticleTableModel
from reader.ui.bookmarks_panel import NOTE, QUOTE, TAGS, BookmarksPanel
from reader.ui.legend import Legend
from reader.ui.search_bar import SearchBar
from reader.ui.skipped_files import SkippedFilesDialog
from reader.ui.status import ElidedLabel
from tests.conftest import SAMPLE_000
from tests.ui.helpers import background, colour, point_on
from tests.ui.test_list_scale import click_header, column_as_shown, current_id, selected_ids, synthetic_rows

VISION = "President Bach had a vision"


def test_the_pane_alone_shows_a_sample_with_its_quotes_speakers_and_hits(pane, view_of):
    view = view_of(SAMPLE_000, {"sponsor"})
    pane.show_article(view)
    assert view.article.title in pane.toPlainText()
    assert background(pane, VISION) == colour(pane, "speech")
    assert pane.tip_at(point_on(pane, VISION)) == "Quote · Jack Ma"
    assert "sponsor" in [text for _, text in pane.hit_fragments()]

    pane.set_layers(frozenset())  # every layer hidden: search hits still show
    assert background(pane, VISION) == ""
    assert "sponsor" in [text for _, text in pane.hit_fragments()]


def test_the_legend_alone_counts_each_layer_and_says_which_are_shown(qtbot, view_of):
    legend = Legend()
    qtbot.addWidget(legend)
    counts = view_of(SAMPLE_000).layer_counts()
    legend.set_counts(counts)
    assert legend.boxes["speech"].text() == f"Quotes {counts['speech']}"
    with qtbot.waitSignal(legend.layers_changed) as changed:
        legend.boxes["speech"].setChecked(False)
    assert "speech" not in changed.args[0] and "people" in changed.args[0]
    legend.set_counts(None)  # not analyzed yet: every box can still be switched
    assert all(box.isEnabled() for box in legend.boxes.values())


def bookmark(n: int, exact: str, speaker: str | None, note: str = "", tags: tuple[str, ...] = ()) -> Bookmark:
    return Bookmark(
        n,
        "/press",
        f"{n}.txt",
        f"h{n}",
        exact,
        "",
        "",
        0,
        len(exact),
        speaker,
        note,
        tags,
        f"2026-12-0{n}T10:00:00Z",
        f"Article {n}",
        "Reuters",
        None,
        OK,
    )


def test_the_bookmarks_panel_alone_filters_edits_in_place_and_asks_to_delete(qtbot):
    panel = BookmarksPanel()
    qtbot.addWidget(panel)
    assert panel.stack.currentWidget() is panel.empty
    panel.model.set_items(
        [
            bookmark(1, "We want to enable athletes", "Jack Ma", tags=("cloud",)),
            bookmark(2, "A new era of digitalisation", "Thomas Bach"),
        ]
    )
    assert panel.stack.currentWidget() is panel.table
    assert panel.proxy.index(0, QUOTE).data() == "A new era of digitalisation"  # newest first

    panel.filter.setText("bach era")
    assert [panel.proxy.index(r, QUOTE).data() for r in range(panel.proxy.rowCount())] == [
        "A new era of digitalisation"
    ]
    panel.filter.setText("cloud")  # a tag
    assert panel.proxy.rowCount() == 1 and panel.proxy.index(0, QUOTE).data(ID_ROLE) == 1

    with qtbot.waitSignal(panel.model.edited) as edited:
        assert panel.proxy.setData(panel.proxy.index(0, TAGS), "cloud; ai ,")
    assert edited.args == [1, "", ["cloud", "ai"]]
    with qtbot.waitSignal(panel.model.edited) as edited:
        assert panel.proxy.setData(panel.proxy.index(0, NOTE), "  for the report ")
    assert edited.args == [1, "for the report", ["cloud", "ai"]]

    panel.select(1)
    with qtbot.waitSignal(panel.delete_requested) as deleted:
        panel.delete_action.trigger()
    assert deleted.args == [[1]]


def test_the_skipped_files_window_alone_lists_sorts_and_copies(qtbot):
    dialog = SkippedFilesDialog()
    qtbot.addWidget(dialog)
    dialog.set_skipped(Path("/press"), [Skipped("b.txt", "not text (binary data)"), Skipped("a.txt", "empty")])
    table = dialog.table.model()
    assert [table.index(r, 0).data() for r in range(table.rowCount())] == ["a.txt", "b.txt"]
    assert dialog.summary.text().startswith("2 files in /press could not be read")
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "b.txt\tnot text (binary data)\na.txt\tempty"
    dialog.set_skipped(Path("/press"), [])
    assert dialog.summary.text() == "Every article file in /press was read."
    assert not dialog.copy_button.isEnabled()


def test_the_search_bar_alone_asks_once_per_query_and_escape_clears(qtbot):
    bar = SearchBar()
    qtbot.addWidget(bar)
    asked = []
    bar.query_changed.connect(asked.append)
    qtbot.keyClicks(bar.edit, "Lausanne")
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    bar.rerun()
    qtbot.keyClick(bar.edit, Qt.Key_Escape)
    assert asked == ["Lausanne", "Lausanne", ""]
    with qtbot.waitSignal(bar.step) as step:
        qtbot.keyClick(bar.edit, Qt.Key_Down)
    assert step.args == [1]
    bar.show_error("unclosed quote")
    assert not bar.status.isHidden() and bar.status.text() == "unclosed quote"


N = 40  # the scale of tests/ui/test_list_scale.py is a slow test; the order is the same with a few rows


@pytest.fixture
def small_list(qtbot):
    view = ArticleListView()
    model = ArticleTableModel(view)
    view.setModel(model)
    model.set_rows(synthetic_rows(N))
    view.resize(900, 600)
    qtbot.addWidget(view)
    view.show()
    return view


def test_a_small_list_sorts_by_each_header_both_ways_ties_in_id_order(qtbot, small_list):
    for column in range(len(COLUMNS)):
        for _ in range(2):
            click_header(qtbot, small_list, column)
            shown = column_as_shown(small_list, column)
            descending = small_list.horizontalHeader().sortIndicatorOrder() == Qt.DescendingOrder
            want = sorted(shown, key=lambda v: v[1])
            want.sort(key=lambda v: v[0], reverse=descending)
            assert shown == want, COLUMNS[column]


def test_a_small_list_keeps_the_selected_article_through_sorting(qtbot, small_list):
    model = small_list.model()
    small_list.selectionModel().setCurrentIndex(
        model.index(7, TITLE), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
    )
    chosen = current_id(small_list)
    for column in (WORDS, TITLE):
        click_header(qtbot, small_list, column)
        assert current_id(small_list) == chosen and selected_ids(small_list) == [chosen]


def test_a_narrow_list_gives_its_columns_up_to_the_title_and_gets_them_back(qtbot, small_list):
    """At 1.5x scale on a laptop the list is narrow: the title stays readable, the user's choice stays."""
    view, header = small_list, small_list.horizontalHeader()
    view.set_hidden_columns({WORDS, FOLDER})
    shown = lambda: [c for c in range(1, len(COLUMNS)) if not view.isColumnHidden(c)]  # noqa: E731
    assert shown() == [c for c in range(1, len(COLUMNS)) if c not in (WORDS, FOLDER)]  # 900 px: all but the hidden

    view.resize(330, 600)
    qtbot.waitUntil(lambda: len(shown()) < 4)
    assert header.sectionSize(TITLE) >= view.fontMetrics().averageCharWidth() * 18
    assert view.hidden_columns() == [WORDS, FOLDER]  # what is saved is still the user's choice

    view.resize(900, 600)
    qtbot.waitUntil(lambda: len(shown()) == 4)
    assert WORDS not in shown()


def test_a_status_line_too_long_for_its_room_ends_in_an_ellipsis_and_tells_the_rest_in_its_tooltip(qtbot):
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText("Index up to date · 2,008 articles · finding quotes and names: 256 of 1,400 articles…")
    label.resize(120, 30)
    label.show()
    qtbot.waitExposed(label)
    label.grab()  # paints it
    assert label.toolTip() == label.text()
    label.resize(2000, 30)
    label.grab()
    assert label.toolTip() == ""
