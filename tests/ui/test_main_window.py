"""The window as a user meets it: first launch, search, highlights, errors, navigation and persistence."""

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QTextDocument

from tests.conftest import SAMPLE_000, SAMPLE_002
from tests.ui.helpers import search, visible_ids

WAIT_MS = 10_000


def highlighted_words(pane):
    """The text of every run the reading pane paints with the hit background."""
    return [text for _, text in pane.hit_fragments()]


def test_first_launch_lists_both_samples_and_shows_the_first(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    assert window.windowTitle() == "Press Reader"
    assert sorted(visible_ids(window)) == [SAMPLE_000, SAMPLE_002]
    assert window.status.counts.text() == "2 articles"
    assert "Index up to date" in window.status.state.text()
    assert not window.status.progress.isVisible()
    qtbot.waitUntil(lambda: window.pane.view is not None, timeout=WAIT_MS)
    text = window.pane.toPlainText()
    assert window.pane.view.article.title in text
    assert "©" in text  # the caption is shown, styled apart from the paragraphs
    assert "©" not in window.pane.view.article.body


def test_search_narrows_the_list_and_highlights_surface_forms(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    search(qtbot, window, "Lausanne")
    assert visible_ids(window) == [SAMPLE_002]
    assert "1 article matches" in window.search_bar.status.text()
    qtbot.waitUntil(lambda: window.pane.view is not None and window.pane.view.article.id == SAMPLE_002, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Lausanne" in highlighted_words(window.pane), timeout=WAIT_MS)

    search(qtbot, window, "sponsor")
    assert set(visible_ids(window)) == {SAMPLE_000, SAMPLE_002}
    window.browsing.select_row(visible_ids(window).index(SAMPLE_002))
    qtbot.waitUntil(lambda: "sponsorship" in highlighted_words(window.pane), timeout=WAIT_MS)
    window.browsing.select_row(visible_ids(window).index(SAMPLE_000))
    qtbot.waitUntil(lambda: window.pane.view.article.id == SAMPLE_000, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "sponsor" in highlighted_words(window.pane), timeout=WAIT_MS)
    assert "partnership" not in highlighted_words(window.pane)


def test_a_hit_far_down_the_article_is_scrolled_into_view(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    window.resize(900, 500)
    search(qtbot, window, "efficiently")  # only in the last paragraph of sample 000
    assert visible_ids(window) == [SAMPLE_000]
    qtbot.waitUntil(lambda: window.pane.view is not None and window.pane.view.article.id == SAMPLE_000, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.pane.verticalScrollBar().value() > 0, timeout=WAIT_MS)
    position, text = window.pane.hit_fragments()[0]
    cursor = window.pane.textCursor()
    cursor.setPosition(position)
    assert text == "efficiently"
    assert 0 <= window.pane.cursorRect(cursor).top() < window.pane.viewport().height()


def test_malformed_query_shows_one_line_and_the_app_keeps_working(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    search(qtbot, window, '"Olympic Games')
    status = window.search_bar.status
    assert status.isVisible() and "unclosed quote" in status.text()
    assert "\n" not in status.text() and "Traceback" not in status.text()
    assert window.model.rowCount() == 2  # the list is left as it was

    search(qtbot, window, "date:[bad TO worse]")
    assert "not a date" in status.text()

    search(qtbot, window, '"Olympic Games"')
    assert "unclosed" not in status.text()
    assert window.model.rowCount() == 2


def test_zero_results_say_so_and_escape_restores_the_list(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    search(qtbot, window, "curling")
    assert window.model.rowCount() == 0
    assert window.search_bar.status.text() == "No articles match."
    with qtbot.waitSignal(window.browsing.search_finished, timeout=WAIT_MS):
        qtbot.keyClick(window.search_bar.edit, Qt.Key_Escape)
    assert window.search_bar.edit.text() == ""
    assert window.model.rowCount() == 2
    assert not window.search_bar.status.isVisible()


def test_keyboard_moves_between_articles(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    window.browsing.select_row(0)
    qtbot.waitUntil(lambda: window.pane.view is not None, timeout=WAIT_MS)
    first = window.pane.view.article.id
    window.list.setFocus()
    with qtbot.waitSignal(window.reading.article_shown, timeout=WAIT_MS) as shown:
        qtbot.keyClick(window.list, Qt.Key_J)
    assert shown.args[0] != first
    with qtbot.waitSignal(window.reading.article_shown, timeout=WAIT_MS) as shown:
        qtbot.keyClick(window.list, Qt.Key_K)
    assert shown.args[0] == first
    with qtbot.waitSignal(window.reading.article_shown, timeout=WAIT_MS) as shown:
        qtbot.keyClick(window.list, Qt.Key_Down)
    assert shown.args[0] != first
    qtbot.keyClick(window.list, Qt.Key_Slash)
    assert window.search_bar.edit.hasFocus() or window.focusWidget() is window.search_bar.edit


def test_sorting_by_column(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    window.list.sortByColumn(1, Qt.DescendingOrder)  # Date: the dated article first
    assert visible_ids(window)[0] == SAMPLE_002
    window.list.sortByColumn(3, Qt.AscendingOrder)  # Words: 378 before 395
    assert visible_ids(window) == [SAMPLE_002, SAMPLE_000]
    window.list.sortByColumn(3, Qt.DescendingOrder)
    assert visible_ids(window) == [SAMPLE_000, SAMPLE_002]


def test_state_persists_and_the_index_is_reused(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    window.menus.zoom_in.trigger()
    window.menus.zoom_in.trigger()
    window.list.sortByColumn(3, Qt.DescendingOrder)
    window.splitter.setSizes([300, 700])
    sizes = window.splitter.sizes()
    window.close()
    assert QSettings().value("library/lastFolder") == str(articles_dir.resolve())

    reports = []
    again = open_window(None, wait=False)
    again.session.synced.connect(reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=WAIT_MS)
    assert again.session.library.root == articles_dir.resolve()  # the last folder, not the bundled one
    assert reports[0].updated == 0 and reports[0].indexed == 2  # nothing re-read
    assert again.pane.zoom == 2
    assert visible_ids(again) == [SAMPLE_000, SAMPLE_002]
    assert again.splitter.sizes() == sizes


@pytest.mark.slow  # a generated library
def test_the_list_fills_while_a_large_first_index_builds(open_window, tmp_path, qtbot):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        words = " ".join(f"word{(n * 7 + k) % 900}" for k in range(300))
        (folder / f"{n:04}.txt").write_text(f"Headline number {n}\n\nThe sponsor said {words}.\n")
    progress, rows_while_indexing, beats = [], [], []
    heartbeat = QTimer(interval=20)
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start()
    window = open_window(folder, wait=False)
    window.session.progress.connect(lambda p: progress.append((p.done, p.total)))
    window.model.rowsInserted.connect(lambda *a: rows_while_indexing.append(window.session.indexing))
    with qtbot.waitSignal(window.session.synced, timeout=60_000) as finished:
        pass
    heartbeat.stop()
    assert finished.args[0].indexed == 400
    assert progress and progress[-1] == (400, 400)
    assert all(total == 400 for _, total in progress)
    assert True in rows_while_indexing  # rows appeared before the index was done
    assert window.model.rowCount() == 400
    assert len(beats) > 3  # the UI thread kept running while the worker indexed
    search(qtbot, window, "word5")
    assert window.model.rowCount() > 0


def test_a_corrupt_index_is_rebuilt_with_a_message(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    index_dir = window.session.library.index_dir
    window.close()
    for f in index_dir.iterdir():
        if f.suffix in (".seg", ".toc") or f.name.endswith((".trm", ".pst", ".seg")):
            f.write_bytes(b"\x00garbage" * 10)
    again = open_window(articles_dir)
    assert "rebuilding" in again.status.state.text()
    assert again.model.rowCount() == 2
    search(qtbot, again, "Lausanne")
    assert visible_ids(again) == [SAMPLE_002]


def test_article_markup_is_shown_as_text(open_window, tmp_path, qtbot):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "x.txt").write_text(
        'Hostile\n\n<script>alert(1)</script> <img src="file:///etc/passwd"> <a href="javascript:alert(2)">click</a>\n'
    )
    window = open_window(folder)
    qtbot.waitUntil(lambda: window.pane.view is not None, timeout=WAIT_MS)
    text = window.pane.toPlainText()
    assert "<script>alert(1)</script>" in text
    assert '<img src="file:///etc/passwd">' in text
    assert not window.pane.document().find("click", 0, QTextDocument.FindFlag(0)).charFormat().isAnchor()


def test_an_empty_folder_says_what_to_do(open_window, tmp_path, qtbot):
    empty = tmp_path / "empty"
    empty.mkdir()
    window = open_window(empty)
    assert window.model.rowCount() == 0
    assert "There are no articles in" in window.pane.toPlainText()
    assert "Drop web pages, feeds, PDFs, e-mails or text files here" in window.pane.toPlainText()
    assert window.status.counts.text() == "0 articles"


def test_opening_a_missing_folder_says_so(open_window, articles_dir, tmp_path, qtbot):
    window = open_window(articles_dir)
    window.session.open(tmp_path / "nowhere")
    assert "not found" in window.status.state.text()
    assert window.model.rowCount() == 2  # the open library stays


def test_deleted_article_shows_a_message_not_a_crash(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    (articles_dir / SAMPLE_002).unlink()
    window.browsing.select_row(visible_ids(window).index(SAMPLE_002))
    qtbot.waitUntil(lambda: "could not be opened" in window.pane.toPlainText(), timeout=WAIT_MS)
    window.browsing.select_row(visible_ids(window).index(SAMPLE_000))
    qtbot.waitUntil(lambda: window.pane.view is not None and window.pane.view.article.id == SAMPLE_000, timeout=WAIT_MS)


def test_zoom_keys(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key_Equal, Qt.ControlModifier)
    qtbot.keyClick(window.list, Qt.Key_Plus, Qt.ControlModifier)
    assert window.pane.zoom == 2
    qtbot.keyClick(window.list, Qt.Key_0, Qt.ControlModifier)
    assert window.pane.zoom == 0
