"""The window over a messy folder: every readable article listed, the rest in "Skipped files" with reasons."""

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.odd_files import INDEXED, SKIPPED, make_odd_folder


@pytest.mark.slow  # a 20 MB article analyzed by spaCy's workers: closing waits for it
def test_the_window_lists_every_readable_file_and_shows_the_others_with_reasons(open_window, tmp_path, qtbot):
    window = open_window(make_odd_folder(tmp_path / "odd"))
    assert sorted(r.id for r in window.model.library_rows()) == sorted(INDEXED)
    assert window.skipped.button.isVisible()
    assert window.skipped.button.text() == f"⚠ {len(SKIPPED)} files skipped"
    assert window.menus.skipped.isEnabled()

    window.skipped.button.click()
    dialog = window.skipped.open_list()
    assert dialog.isVisible() and not dialog.isModal()
    table = dialog.table.model()
    shown = {table.index(r, 0).data(): table.index(r, 1).data() for r in range(table.rowCount())}
    assert shown == SKIPPED
    assert f"{len(SKIPPED)} files in" in dialog.summary.text()
    dialog.copy_button.click()
    assert "loop_a.txt\tsymbolic link loop" in QGuiApplication.clipboard().text().splitlines()


@pytest.mark.slow  # a 20 MB article analyzed by spaCy's workers
def test_fixing_a_skipped_file_takes_it_off_the_list(open_window, tmp_path, qtbot):
    folder = make_odd_folder(tmp_path / "odd")
    window = open_window(folder)
    dialog = window.skipped.open_list()
    (folder / "empty.txt").write_text("Now an article about the IOC.")
    (folder / "binary.txt").unlink()
    with qtbot.waitSignal(window.session.synced, timeout=30_000):
        window.session.sync(quiet=True)
    assert "empty.txt" in {r.id for r in window.model.library_rows()}
    assert dialog.model.rowCount() == len(SKIPPED) - 2
    assert window.skipped.button.text() == f"⚠ {len(SKIPPED) - 2} files skipped"


def test_a_clean_folder_shows_no_skipped_files(open_window, articles_dir):
    window = open_window(articles_dir)
    assert not window.skipped.button.isVisible()
    assert not window.menus.skipped.isEnabled()
    assert QApplication.activeModalWidget() is None
