"""Bookmarking quotes in the window: making one, finding it in the panel after a restart, jumping back to it,
editing, deleting with undo, citing and exporting. The store is a real SQLite file in the test's data dir."""

import json

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMessageBox

from reader.ui.bookmarks_panel import ADDED, NOTE, QUOTE, SPEAKER, TAGS
from tests.conftest import SAMPLE_000, SAMPLE_002
from tests.ui.helpers import WAIT_MS, cursor_on, open_analyzed, point_on

VISION = '"President Bach had a vision,"'


def panel_of(window):
    return window.bookmarking.panel


def wait_rows(qtbot, window, n: int):
    qtbot.waitUntil(lambda: panel_of(window).model.rowCount() == n, timeout=WAIT_MS)
    return panel_of(window).model.items


def cell(window, row: int, column: int) -> str:
    proxy = panel_of(window).proxy
    return proxy.index(row, column).data()


def bookmark_vision(window, qtbot):
    cursor_on(window.pane, "President Bach had a vision")  # the text cursor in the quote, nothing selected
    window.menus.bookmark.trigger()  # Ctrl+D
    [b] = wait_rows(qtbot, window, 1)
    return b


@pytest.mark.slow  # two windows, and waits out the flash
def test_bookmark_a_quote_reopen_and_jump_back_to_it(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    b = bookmark_vision(window, qtbot)
    assert (b.exact, b.speaker, b.article_id) == (VISION, "Jack Ma", SAMPLE_000)
    assert cell(window, 0, QUOTE) == VISION and cell(window, 0, SPEAKER) == "Jack Ma"
    # the pane marks it: a flag before the quote, the quote underlined
    qtbot.waitUntil(lambda: "\u2605 " + VISION in window.pane.toPlainText(), timeout=WAIT_MS)
    assert cursor_on(window.pane, "President Bach had").charFormat().fontUnderline()
    window.close()

    again = open_analyzed(open_window, articles_dir, qtbot, SAMPLE_002)  # reading the other article
    [kept] = wait_rows(qtbot, again, 1)
    assert kept == b
    again.menus.bookmarks.trigger()  # View › Bookmarks
    assert panel_of(again).isVisible()
    table = panel_of(again).table
    at = table.visualRect(table.model().index(0, QUOTE)).center()
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=at)  # a double click's first press and release
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=at)
    pane = again.pane
    qtbot.waitUntil(lambda: pane.view.article.id == SAMPLE_000 and bool(pane.extraSelections()), timeout=WAIT_MS)
    [flash] = pane.extraSelections()
    assert flash.cursor.selectedText() == VISION
    top = pane.cursorRect(flash.cursor).top()
    assert 0 <= top < pane.viewport().height()  # scrolled to it
    qtbot.waitUntil(lambda: not pane.extraSelections(), timeout=5000)  # the flash fades


def test_the_status_line_shows_a_bookmarked_quote_in_one_pair_of_marks(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    bookmark_vision(window, qtbot)  # the passage holds its own straight marks: "President Bach had a vision,"
    assert window.status.state.text().startswith("Bookmarked \u201cPresident Bach had a vision,\u201d \u2014 Jack Ma")


def test_clicking_a_quote_offers_to_bookmark_it(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    pane = window.pane
    qtbot.mouseClick(pane.viewport(), Qt.LeftButton, pos=point_on(pane, "enable athletes to do better"))
    menu = pane.mouse.quote_menu
    assert [a.text() for a in menu.actions()] == ["Bookmark quote", "Copy with citation"]
    menu.actions()[0].trigger()
    [b] = wait_rows(qtbot, window, 1)
    assert b.exact.startswith('"He said that the Olympics') and b.exact.endswith('make it happen."')
    assert b.speaker == "Jack Ma"  # the whole multi-paragraph quote, not the paragraph clicked

    menu.close()
    qtbot.mouseClick(pane.viewport(), Qt.LeftButton, pos=point_on(pane, "enable athletes to do better"))
    assert pane.mouse.quote_menu.actions()[0].text() == "Bookmarked"
    assert not pane.mouse.quote_menu.actions()[0].isEnabled()
    pane.mouse.quote_menu.close()


def test_a_selection_is_bookmarked_and_deleting_can_be_undone(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    pane = window.pane
    pane.setTextCursor(pane.document().find("multimillion dollar partnership"))
    window.menus.bookmark.trigger()
    [b] = wait_rows(qtbot, window, 1)
    assert (b.exact, b.speaker) == ("multimillion dollar partnership", None)

    panel = panel_of(window)
    panel.show()
    panel.table.selectRow(0)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key_Delete)
    wait_rows(qtbot, window, 0)
    assert panel.empty.isVisible()
    qtbot.waitUntil(lambda: window.session.library.bookmarks.all() == [], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "\u2605" not in pane.toPlainText(), timeout=WAIT_MS)

    qtbot.keyClick(panel.table, Qt.Key_Z, Qt.ControlModifier)  # Edit › Undo
    [back] = wait_rows(qtbot, window, 1)
    assert back == b
    assert window.session.library.bookmarks.all() == [b]


def test_note_and_tags_are_edited_in_place_and_filter_the_list(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    b = bookmark_vision(window, qtbot)
    pane = window.pane
    pane.setTextCursor(pane.document().find("They are now the official"))
    window.menus.bookmark.trigger()
    wait_rows(qtbot, window, 2)
    panel = panel_of(window)
    row = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(b.id), 0)).row()
    panel.proxy.setData(panel.proxy.index(row, NOTE), "lead for the Q3 report")
    panel.proxy.setData(panel.proxy.index(row, TAGS), "vision, keynote")
    qtbot.waitUntil(lambda: window.session.library.bookmarks.get(b.id).tags == ("vision", "keynote"), timeout=WAIT_MS)
    assert window.session.library.bookmarks.get(b.id).note == "lead for the Q3 report"

    panel.filter.setText("keynote")  # a tag
    assert panel.proxy.rowCount() == 1 and cell(window, 0, QUOTE) == VISION
    panel.filter.setText("jack ma")  # a speaker
    assert panel.proxy.rowCount() == 1
    panel.filter.setText("")
    assert panel.proxy.rowCount() == 2
    panel.table.sortByColumn(SPEAKER, Qt.AscendingOrder)
    assert cell(window, 0, SPEAKER) == "Jack Ma"  # a speaker before none
    panel.table.sortByColumn(ADDED, Qt.DescendingOrder)
    assert cell(window, 0, QUOTE).startswith("They are now")


def test_copy_with_citation_and_export(open_window, articles_dir, qtbot, tmp_path):
    window = open_analyzed(open_window, articles_dir, qtbot)
    b = bookmark_vision(window, qtbot)
    window.pane.cite_requested.emit(b.start, b.end)
    text = QGuiApplication.clipboard().text()
    assert text.startswith('"President Bach had a vision," \u2014 Jack Ma, Alibaba have targeted')

    out = tmp_path / "clippings.json"
    window.bookmarking.export_to(out, "json", panel_of(window).model.items)
    qtbot.waitUntil(out.exists, timeout=WAIT_MS)
    [row] = json.loads(out.read_text())
    assert (row["quote"], row["speaker"]) == (VISION, "Jack Ma")
    assert "Exported 1 bookmark" in window.status.state.text()


def test_a_bookmark_whose_quote_was_edited_away_is_kept(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    b = bookmark_vision(window, qtbot)
    path = articles_dir / SAMPLE_000
    path.write_text(path.read_text(encoding="utf-8").replace(VISION, "Ma spoke warmly of Bach,"), encoding="utf-8")
    with qtbot.waitSignal(window.session.synced, timeout=WAIT_MS):
        window.session.sync()
    qtbot.waitUntil(lambda: panel_of(window).model.items[0].status == "text changed", timeout=WAIT_MS)
    assert cell(window, 0, QUOTE) == f"[text changed] {VISION}"
    assert panel_of(window).model.items[0].id == b.id


def test_export_asks_before_replacing_a_file_that_is_not_an_export_and_never_writes_in_the_data_dir(
    open_window, articles_dir, qtbot, tmp_path, data_dir
):
    window = open_analyzed(open_window, articles_dir, qtbot)
    bookmark_vision(window, qtbot)
    items = panel_of(window).model.items
    thesis = tmp_path / "thesis.csv"
    thesis.write_text("chapter,words\n1,5000\n")

    def asked():
        window.bookmarking.replace_box = None
        window.bookmarking.export_to(thesis, "csv", items)
        qtbot.waitUntil(
            lambda: window.bookmarking.replace_box is not None and window.bookmarking.replace_box.isVisible(),
            timeout=WAIT_MS,
        )
        box = window.bookmarking.replace_box
        assert "thesis.csv is not an earlier CSV export of bookmarks" in box.text()
        return box

    qtbot.mouseClick(asked().button(QMessageBox.No), Qt.LeftButton)
    assert "Not exported: thesis.csv was kept" in window.status.state.text()
    assert thesis.read_text() == "chapter,words\n1,5000\n"
    qtbot.mouseClick(asked().button(QMessageBox.Yes), Qt.LeftButton)
    qtbot.waitUntil(lambda: "Exported 1 bookmark" in window.status.state.text(), timeout=WAIT_MS)
    assert VISION.strip('"') in thesis.read_text()

    bookmarks_file = data_dir / "bookmarks.sqlite"
    before = bookmarks_file.read_bytes()
    window.bookmarking.export_to(bookmarks_file, "csv", items)  # as bookmarks.csv, beside it: refused too
    qtbot.waitUntil(lambda: "Could not export" in window.status.state.text(), timeout=WAIT_MS)
    assert "data folder" in window.status.state.text()
    assert bookmarks_file.read_bytes() == before and not (data_dir / "bookmarks.csv").exists()


@pytest.mark.slow  # waits out the message's hold
def test_the_bookmarked_message_stays_before_background_progress_replaces_it(
    open_window, articles_dir, qtbot, monkeypatch
):
    from reader.ui import status

    monkeypatch.setattr(status, "ACTION_MESSAGE_S", 0.5)
    window = open_analyzed(open_window, articles_dir, qtbot)
    bookmark_vision(window, qtbot)
    assert window.status.state.text().startswith("Bookmarked")
    window.status.say("Index up to date · 2 articles", background=True)  # as the analysis pass ends
    window.status.say("Index up to date · 2 articles · newest", background=True)
    assert window.status.state.text().startswith("Bookmarked")  # not replaced at once
    qtbot.waitUntil(lambda: window.status.state.text() == "Index up to date · 2 articles · newest", timeout=WAIT_MS)
    window.status.say("Could not open x.txt: gone", error=True)  # an error is never held back
    assert window.status.state.text() == "Could not open x.txt: gone"


class LineEditOnLinuxDesktop(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.keyCombination() == Qt.ControlModifier | Qt.Key_E:
            event.accept()  # as QWidgetLineControl.processShortcutOverrideEvent does for MoveToEndOfLine
        return False  # the box itself still sees it


def test_ctrl_e_exports_bookmarks_while_the_filter_box_has_focus(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    panel = panel_of(window)
    # On Linux desktops (the X11/GNOME/KDE key schemes) a QLineEdit claims Ctrl+E as "end of line" when asked,
    # before the window's shortcuts; the offscreen platform's scheme does not. Claim it as the box does there.
    desktop = LineEditOnLinuxDesktop(panel.filter)
    panel.filter.installEventFilter(desktop)
    window.menus.bookmarks.trigger()  # View › Bookmarks
    panel.filter.setFocus()
    qtbot.keyClicks(panel.filter, "zz")
    qtbot.keyClick(panel.filter, Qt.Key_E, Qt.ControlModifier)  # File › Export bookmarks…, none to export
    assert window.status.state.text() == "There are no bookmarks to export yet."
    assert panel.filter.text() == "zz"  # the box did not take the key


def test_ctrl_shift_c_in_the_bookmarks_panel_copies_the_selected_bookmark(open_window, articles_dir, qtbot):
    window = open_analyzed(open_window, articles_dir, qtbot)
    bookmark_vision(window, qtbot)
    pane = window.pane
    pane.setTextCursor(QTextCursor(pane.document()))  # the pane's cursor at the top, in no quote
    QGuiApplication.clipboard().clear()
    panel = panel_of(window)
    window.menus.bookmarks.trigger()
    panel.table.selectRow(0)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key_C, Qt.ControlModifier | Qt.ShiftModifier)  # Edit › Copy with citation
    qtbot.keyClick(panel.table, Qt.Key_Shift)  # QTest leaves Shift down in the offscreen platform's modifiers
    assert QGuiApplication.clipboard().text().startswith('"President Bach had a vision," \u2014 Jack Ma')
    assert window.status.state.text().startswith("Copied:")
