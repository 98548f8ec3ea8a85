"""Help › About shows the versions `press-reader --version` prints."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from reader.core import versions


def test_about_shows_every_version(open_window, articles_dir):
    window = open_window(articles_dir)
    help_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Help")
    about = next(a for a in help_menu.actions() if a.text() == "&About Press Reader")
    shown = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    about.trigger()  # the box is modal: this returns once read_and_close has closed it
    assert shown and str(articles_dir) in shown[0]
    assert "<br>".join(versions.lines()) in shown[0]
