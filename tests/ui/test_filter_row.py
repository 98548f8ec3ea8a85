"""The filter row (issue 21, item 5): a source and a range of days narrow the list, with a query or without,
keep the list's sort, are remembered across a relaunch, and fit the window at its small and large sizes."""

import pytest
from PySide6.QtCore import QDate, QRect, Qt

from reader.core.library import Library
from reader.ui.article_model import TITLE
from tests.core.test_filters import ARTICLES, write_articles
from tests.ui.helpers import SEARCH_MS, click_header, search, visible_ids
from tests.ui.test_session import Gate


@pytest.fixture
def window(open_window, tmp_path):
    write_articles(tmp_path / "dated")
    return open_window(tmp_path / "dated")


def pick_source(qtbot, window, name):
    combo = window.search_bar.filter_row.source
    with qtbot.waitSignal(window.browsing.search_finished, timeout=SEARCH_MS):
        combo.setCurrentIndex(combo.findData(name))
        combo.activated.emit(combo.currentIndex())  # as a user's pick does


def set_day(qtbot, window, edit_name, day):
    edit = getattr(window.search_bar.filter_row, edit_name)
    with qtbot.waitSignal(window.browsing.search_finished, timeout=SEARCH_MS):
        edit.setDate(QDate.fromString(day, Qt.DateFormat.ISODate))


def test_the_source_combo_lists_every_source_with_its_count_and_follows_the_library(window, qtbot, tmp_path):
    combo = window.search_bar.filter_row.source
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown == ["All sources", "Herald (1)", "Reuters (3)", "Reuters Sport (1)"]
    write_articles(tmp_path / "dated", {"f.txt": ("Foxtrot", "2006-01-01", "Herald", "Later.")})
    (tmp_path / "dated" / "b.txt").unlink()
    with qtbot.waitSignal(window.session.synced, timeout=SEARCH_MS):
        window.session.sync(quiet=True)
    qtbot.waitUntil(lambda: combo.itemText(1) == "Herald (2)", timeout=SEARCH_MS)
    assert [combo.itemText(i) for i in range(combo.count())] == ["All sources", "Herald (2)", "Reuters (3)"]


def test_a_source_narrows_the_whole_library_and_clear_brings_it_back(window, qtbot):
    pick_source(qtbot, window, "Reuters")
    assert visible_ids(window) == ["a.txt", "d.txt", "e.txt"]  # newest first, undated last; not Reuters Sport
    assert window.search_bar.status.text() == "3 articles match"
    with qtbot.waitSignal(window.browsing.search_finished, timeout=SEARCH_MS):
        qtbot.mouseClick(window.search_bar.filter_row.clear_button, Qt.LeftButton)
    assert sorted(visible_ids(window)) == sorted(ARTICLES)
    assert window.search_bar.filter_row.source.currentText() == "All sources"


def test_a_date_range_narrows_the_list_to_the_days_in_it(window, qtbot):
    set_day(qtbot, window, "date_from", "2005-01-10")
    assert visible_ids(window) == ["c.txt", "b.txt", "a.txt"]
    set_day(qtbot, window, "date_to", "2005-01-30")
    assert visible_ids(window) == ["b.txt", "a.txt"]


def test_filters_compose_with_a_typed_query_and_a_column_sort(window, qtbot):
    search(qtbot, window, "kit")
    assert sorted(visible_ids(window)) == ["a.txt", "c.txt", "e.txt"]
    click_header(qtbot, window.list, TITLE)
    order = window.list.horizontalHeader().sortIndicatorOrder()
    pick_source(qtbot, window, "Reuters")
    by_title = ["a.txt", "e.txt"]  # Alpha, Echo
    assert visible_ids(window) == (by_title if order == Qt.SortOrder.AscendingOrder else by_title[::-1])
    assert window.list.horizontalHeader().sortIndicatorSection() == TITLE  # the sort kept
    set_day(qtbot, window, "date_from", "2005-01-01")
    assert visible_ids(window) == ["a.txt"]  # the undated Echo left out
    search(qtbot, window, "deal")
    assert visible_ids(window) == ["a.txt"]  # a new query, within the same filters


def test_filters_are_remembered_across_a_relaunch(open_window, tmp_path, qtbot):
    write_articles(tmp_path / "dated")
    window = open_window(tmp_path / "dated")
    search(qtbot, window, "deal")
    pick_source(qtbot, window, "Reuters")
    set_day(qtbot, window, "date_to", "2005-12-31")
    assert visible_ids(window) == ["a.txt"]
    window.close()

    again = open_window(tmp_path / "dated", wait=False)
    qtbot.waitUntil(lambda: visible_ids(again) == ["a.txt"] and again.model.searching, timeout=SEARCH_MS * 3)
    row = again.search_bar.filter_row
    assert (row.source.currentData(), row.date_to.date().toString(Qt.DateFormat.ISODate)) == ("Reuters", "2005-12-31")
    assert again.search_bar.edit.text() == "deal"


@pytest.mark.parametrize("size", [(1000, 650), (1600, 1000)])
def test_the_filter_row_fits_the_window(window, qtbot, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0], timeout=SEARCH_MS)
    qtbot.wait(50)
    inside = QRect(0, 0, window.width(), window.height())
    row = window.search_bar.filter_row
    for widget in (row.source, row.date_from, row.date_to, row.clear_button):
        assert widget.isVisible()
        top_left = widget.mapTo(window, widget.rect().topLeft())
        box = QRect(top_left, widget.size())
        assert inside.contains(box), (widget.objectName(), box, inside)
        assert widget.width() >= widget.minimumSizeHint().width()  # not squeezed below what it needs
    assert row.source.width() >= 80
    assert row.date_from.text() == "From: any"
    assert window.list.viewport().width() >= 300  # the list keeps a usable width
    assert row.clear_button.geometry().right() <= window.list.width() + 10  # the row stays over the list


def test_the_answer_for_filters_no_longer_chosen_is_dropped(window, qtbot, monkeypatch):
    gate, search = Gate(), Library.search

    def slow_for_reuters(self, text, limit=50, filters=None, **more):
        if filters is not None and filters.source == "Reuters":
            gate.hold()
        return search(self, text, limit=limit, filters=filters, **more)

    monkeypatch.setattr(Library, "search", slow_for_reuters)
    combo = window.search_bar.filter_row.source
    combo.setCurrentIndex(combo.findData("Reuters"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(gate.entered.is_set, timeout=SEARCH_MS)
    combo.setCurrentIndex(combo.findData("Herald"))
    with qtbot.waitSignal(window.browsing.search_finished, timeout=SEARCH_MS):  # Herald's: Reuters' is dropped
        combo.activated.emit(combo.currentIndex())  # chosen while the first is still being answered
        gate.released.set()
    qtbot.waitUntil(gate.left.is_set, timeout=SEARCH_MS)
    with qtbot.assertNotEmitted(window.browsing.search_finished, wait=300):
        pass
    assert visible_ids(window) == ["c.txt"]
