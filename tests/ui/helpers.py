"""Helpers for the window tests: the list as shown, searching, opening an analyzed article, and finding text and
formats in the pane."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from reader.ui.article_model import ID_ROLE
from reader.ui.reading_pane import Theme
from tests.conftest import SAMPLE_000

WAIT_MS = 30_000  # the first article waits for spaCy's model to load
SEARCH_MS = 10_000


def visible_ids(window) -> list[str]:
    """The articles in the list, top to bottom."""
    return [window.model.index(r, 0).data(ID_ROLE) for r in range(window.model.rowCount())]


def click_header(qtbot, view, column):
    """Click the middle of a list's column header, as a user sorts by it."""
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))


def search(qtbot, window, text):
    """Type `text` in the search box, press Return and wait for the results."""
    with qtbot.waitSignal(window.browsing.search_finished, timeout=SEARCH_MS):
        window.search_bar.edit.clear()
        qtbot.keyClicks(window.search_bar.edit, text)
        qtbot.keyClick(window.search_bar.edit, Qt.Key_Return)


def colour(pane, layer: str) -> str:
    return Theme.from_palette(pane.palette()).colour(layer)


def cursor_on(pane, text: str) -> QTextCursor:
    """A cursor on the second character of the first occurrence of `text`, scrolled into view."""
    found = pane.document().find(text)
    assert not found.isNull(), f"{text!r} is not in the pane"
    cursor = QTextCursor(pane.document())
    cursor.setPosition(found.selectionStart() + 2)  # the format of the character before the cursor
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    return cursor


def point_on(pane, text: str):
    return pane.cursorRect(cursor_on(pane, text)).center()


def background(pane, text: str) -> str:
    fmt = cursor_on(pane, text).charFormat()
    return fmt.background().color().name() if fmt.background().style() != Qt.NoBrush else ""


def entity_texts(pane, layer: str) -> set[str]:
    """The text of every clickable run coloured as `layer`'s entities."""
    want = colour(pane, layer)
    return {text for _, text, fmt in pane.fragments() if fmt.isAnchor() and fmt.foreground().color().name() == want}


def open_analyzed(open_window, folder, qtbot, article_id=SAMPLE_000):
    """The window, once the library is analyzed, showing `article_id` with its quotes and entities."""
    window = open_window(folder, wait=False)
    with qtbot.waitSignal(window.session.analysed, timeout=WAIT_MS):
        pass
    window.browsing.select_row(visible_ids(window).index(article_id))
    qtbot.waitUntil(
        lambda: (
            window.pane.view is not None
            and window.pane.view.article.id == article_id
            and window.pane.view.analysis is not None
        ),
        timeout=WAIT_MS,
    )
    return window
