"""An article that names no outlet has no source; the folder its file is in has a list column of its own,
hidden until the user shows it."""

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings

from reader.ui.article_model import FOLDER, SOURCE, WORDS
from tests.ui.helpers import visible_ids

DATA = Path(__file__).resolve().parents[1] / "data"

WAIT_MS = 10_000


def cells(window, column) -> dict[str, str]:
    model = window.model
    return {model.id_at(r): model.index(r, column).data() for r in range(model.rowCount())}


def test_a_missing_source_is_empty_and_the_folder_is_a_column_of_its_own(open_window, tmp_path, qtbot):
    folder = tmp_path / "articles"
    (folder / "pdf").mkdir(parents=True)
    (folder / "clips" / "2024").mkdir(parents=True)
    shutil.copy(DATA / "kroger-press-release-2023.pdf", folder / "pdf")
    shutil.copy(DATA / "clipping.pdf", folder / "clips" / "2024")
    (folder / "note.txt").write_text("Rovers sign Acme as shirt sponsor.\n\nThe deal runs three years.\n", "utf-8")
    window = open_window(folder)
    kroger, clipping = "pdf/kroger-press-release-2023.pdf", "clips/2024/clipping.pdf"
    assert sorted(visible_ids(window)) == sorted([kroger, clipping, "note.txt"])

    # the folders "pdf" and "articles" are not outlets
    assert cells(window, SOURCE) == {clipping: "The Sponsorship Times", kroger: "", "note.txt": ""}
    assert window.list.isColumnHidden(FOLDER) and window.list.hidden_columns() == [WORDS, FOLDER]

    window.resize(1600, 800)
    window.list._set_shown(FOLDER, True)  # what ticking "Folder" in the header's menu does
    qtbot.waitUntil(lambda: not window.list.isColumnHidden(FOLDER), timeout=WAIT_MS)
    assert cells(window, FOLDER) == {clipping: "clips/2024", kroger: "pdf", "note.txt": ""}
    assert QSettings().value("list/hiddenColumns") == str(WORDS)  # the choice is kept for the next launch

    window.browsing.select_row(visible_ids(window).index(kroger))
    qtbot.waitUntil(lambda: window.pane.view is not None and window.pane.view.article.id == kroger, timeout=WAIT_MS)
    meta = window.pane.toPlainText().splitlines()[1]
    assert [part.strip() for part in meta.split("·")] == ["8 September 2023", kroger]  # no empty field between
