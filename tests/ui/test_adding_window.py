"""Bringing articles in through the window: drag and drop, Add articles, Paste article, details, copies."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from reader.ui.article_model import SOURCE, TITLE

TIMEOUT_MS = 60_000
WIRE = (
    "Alibaba has signed a sponsorship deal with the International Olympic Committee, running until 2028.\n\n"
    '"We are proud to be a partner," said Daniel Zhang.'
)


def listed(window) -> list[str]:
    return [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]


def cell(window, title: str, column: int) -> str:
    return window.model.index(listed(window).index(title), column).data()


def library_with(tmp_path, files: dict[str, str]):
    root = tmp_path / "library"
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def drag_files(window, paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def send_drag_enter(window, mime) -> QDragEnterEvent:
    event = QDragEnterEvent(QPoint(300, 300), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, event)
    return event


def send_drop(window, mime) -> QDropEvent:
    event = QDropEvent(QPointF(300, 300), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, event)
    return event


def test_files_and_a_folder_dropped_on_the_window_are_copied_in_indexed_and_the_first_is_shown(
    open_window, qtbot, tmp_path
):
    root = library_with(tmp_path, {"old.txt": "Title: Old story\n\nVisa renews."})
    window = open_window(root)
    outside = tmp_path / "downloads"
    (outside / "Clippings").mkdir(parents=True)
    (outside / "adidas.md").write_text(
        "---\ntitle: Adidas signs the Bundesliga\nsource: Kicker\n---\n\nAdidas has signed a ten-year deal.",
        encoding="utf-8",
    )
    (outside / "Clippings" / "nike.txt").write_text("Title: Nike and the NFL\n\nNike extends.", encoding="utf-8")

    mime = drag_files(window, [outside / "adidas.md", outside / "Clippings"])
    enter = send_drag_enter(window, mime)
    assert enter.isAccepted()
    assert window.drops.overlay.isVisible()
    assert window.drops.overlay.text().startswith(f"Drop to add these 2 files and folders to the library\n{root}")
    with qtbot.waitSignal(window.session.synced, timeout=TIMEOUT_MS):
        assert send_drop(window, mime).isAccepted()
        assert not window.drops.overlay.isVisible()
    assert sorted(listed(window)) == ["Adidas signs the Bundesliga", "Nike and the NFL", "Old story"]
    assert (root / "adidas.md").is_file() and (root / "Clippings" / "nike.txt").is_file()
    assert (outside / "adidas.md").is_file()  # copied, not moved
    assert window.status.counts.text() == "3 articles"
    assert window.status.state.text().startswith("Added to the library: 2 imported · Index up to date · 3 articles")
    qtbot.waitUntil(
        lambda: window.reading.article is not None and window.reading.article.title == "Adidas signs the Bundesliga",
        timeout=TIMEOUT_MS,
    )
    qtbot.waitUntil(lambda: "Adidas has signed a ten-year deal." in window.pane.toPlainText(), timeout=TIMEOUT_MS)


def test_dragging_text_or_web_links_is_refused_and_leaving_hides_the_overlay(open_window, tmp_path):
    window = open_window(library_with(tmp_path, {"a.txt": "Visa renews."}))
    mime = QMimeData()
    mime.setText("just some text")
    assert not send_drag_enter(window, mime).isAccepted()
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/story.html")])
    assert not send_drag_enter(window, web).isAccepted()
    assert send_drag_enter(window, drag_files(window, [tmp_path])).isAccepted()
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert not window.drops.overlay.isVisible()


def test_skipped_files_and_duplicates_are_reported_without_stopping_the_rest(open_window, qtbot, tmp_path):
    root = library_with(tmp_path, {"reuters.txt": f"Title: Alibaba joins\nSource: Reuters\n\n{WIRE}"})
    window = open_window(root)
    outside = tmp_path / "in"
    outside.mkdir()
    (outside / "ap.txt").write_text(f"Title: IOC signs Alibaba\nSource: AP\n\n{WIRE}", encoding="utf-8")
    (outside / "notes.docx").write_bytes(b"PK\x03\x04")
    with qtbot.waitSignal(window.session.imported, timeout=TIMEOUT_MS):
        window.adding.add_paths([outside / "ap.txt", outside / "notes.docx"])
    adding = window.adding
    qtbot.waitUntil(lambda: adding.import_box is not None and adding.import_box.isVisible(), timeout=TIMEOUT_MS)
    box = adding.import_box
    assert box.text() == "Added to the library: 0 imported, 1 duplicate, 1 skipped."
    assert f"{outside / 'notes.docx'}: skipped (not a supported format (.docx))" in box.informativeText()
    assert "ap.txt: duplicate of reuters.txt; kept as ap.txt, listed with it" in box.informativeText()
    box.accept()
    qtbot.waitUntil(lambda: window.model.library_row("ap.txt") is not None, timeout=TIMEOUT_MS)
    # the two outlets' copies are one line, one article; undated, the first by file name is listed
    assert listed(window) == ["IOC signs Alibaba"]
    assert cell(window, "IOC signs Alibaba", SOURCE) == "AP · also in: Reuters"
    assert window.status.counts.text() == "1 article"


def test_copies_count_once_in_the_list_and_in_search(open_window, qtbot, tmp_path):
    window = open_window(
        library_with(
            tmp_path,
            {
                "reuters.txt": f"Title: Alibaba joins\nSource: Reuters\nDate: 2024-01-02\n\n{WIRE}",
                "ap.txt": f"Title: IOC signs Alibaba\nSource: AP\nDate: 2024-01-03\n\n{WIRE.upper()}",
                "saved-again.txt": f"Title: Alibaba joins (saved twice)\nSource: Reuters\nDate: 2024-01-04\n\n{WIRE}",
                "other.txt": "Title: Coca-Cola renews\n\nCoca-Cola renews with FIFA, a partner since 1974.",
            },
        )
    )
    assert sorted(listed(window)) == ["Alibaba joins", "Coca-Cola renews"]
    assert cell(window, "Alibaba joins", SOURCE) == "Reuters · also in: AP, saved-again.txt"
    tip = window.model.index(listed(window).index("Alibaba joins"), SOURCE).data(Qt.ToolTipRole)
    assert "AP · ap.txt" in tip and "Reuters · saved-again.txt" in tip
    assert window.status.counts.text() == "2 articles"
    assert "Index up to date · 2 articles (and 2 copies of them)" in window.status.state.text()
    window.browsing.show_article("reuters.txt")
    qtbot.waitUntil(
        lambda: "Also in: AP (ap.txt), Reuters (saved-again.txt)" in window.pane.toPlainText(), timeout=TIMEOUT_MS
    )
    with qtbot.waitSignal(window.browsing.search_finished, timeout=TIMEOUT_MS):
        window.search_bar.edit.setText("partner")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=TIMEOUT_MS)
    assert window.status.counts.text() == "2 of 2 articles"
    assert window.search_bar.status.text().startswith("2 articles match")
    # the copy listed goes: the next copy takes its place
    window.search_bar.edit.clear()
    qtbot.waitUntil(lambda: not window.model.searching, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(window.session.synced, timeout=TIMEOUT_MS):
        (window.session.library.root / "reuters.txt").unlink()
        window.session.sync(quiet=True)
    assert sorted(listed(window)) == ["Coca-Cola renews", "IOC signs Alibaba"]
    assert cell(window, "IOC signs Alibaba", SOURCE) == "AP · also in: Reuters"


def test_paste_article_makes_a_new_article_with_the_title_the_user_gives(open_window, qtbot, tmp_path):
    root = library_with(tmp_path, {"a.txt": "Title: First\n\nVisa renews."})
    window = open_window(root)
    QGuiApplication.clipboard().setText(
        "Heineken extends F1 deal\n\nHeineken has extended its Formula 1 partnership until 2030."
    )
    window.menus.paste.trigger()
    dialog = window.adding.paste_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.title_edit.text() == "Heineken extends F1 deal"
    assert "Heineken has extended" in dialog.text_edit.toPlainText()
    dialog.title_edit.setText("Heineken stays in Formula 1 until 2030")
    dialog.source_edit.setText("SportsPro")
    dialog.date_edit.setText("14 May")
    dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert dialog.isVisible() and "is not a date" in dialog.error.text()  # the user can fix it
    dialog.date_edit.setText("2024-05-14")
    with qtbot.waitSignal(window.session.synced, timeout=TIMEOUT_MS):
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert "Heineken stays in Formula 1 until 2030" in listed(window)
    row = window.model.library_row("heineken-stays-in-formula-1-until-2030.txt")
    assert (row.source, row.date) == ("SportsPro", "2024-05-14")
    qtbot.waitUntil(
        lambda: (
            window.reading.article is not None
            and window.reading.article.id == "heineken-stays-in-formula-1-until-2030.txt"
        ),
        timeout=TIMEOUT_MS,
    )


def test_paste_with_an_empty_clipboard_cannot_add_nothing(open_window, qtbot, tmp_path):
    window = open_window(library_with(tmp_path, {"a.txt": "Visa renews."}))
    QGuiApplication.clipboard().clear()
    dialog = window.adding.paste_article()
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    dialog.text_edit.setPlainText("Typed in by hand.")
    assert dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    dialog.reject()


def test_details_corrected_in_the_app_are_saved_beside_the_file_and_survive_a_reindex(open_window, qtbot, tmp_path):
    root = library_with(tmp_path, {"a.txt": "Title: Mastercard renews\n\nMastercard renews with UEFA."})
    window = open_window(root)
    qtbot.waitUntil(lambda: window.reading.article is not None, timeout=TIMEOUT_MS)
    assert window.menus.details.isEnabled()
    window.menus.details.trigger()
    dialog = window.adding.details_dialog
    assert (dialog.title_edit.text(), dialog.date_edit.text()) == ("Mastercard renews", "")
    dialog.title_edit.setText("Mastercard renews with the Champions League")
    dialog.date_edit.setText("2024-02-01")
    dialog.source_edit.setText("The Drum")
    with qtbot.waitSignal(window.session.synced, timeout=TIMEOUT_MS):
        dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert listed(window) == ["Mastercard renews with the Champions League"]
    assert cell(window, "Mastercard renews with the Champions League", SOURCE) == "The Drum"
    assert (root / "a.txt").read_text(encoding="utf-8").startswith("Title: Mastercard renews\n")
    assert json.loads((root / "a.txt.meta.json").read_text(encoding="utf-8")) == {
        "title": "Mastercard renews with the Champions League",
        "date": "2024-02-01",
        "source": "The Drum",
    }
    qtbot.waitUntil(lambda: "details corrected" in window.pane.toPlainText(), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(window.session.synced, timeout=TIMEOUT_MS):
        window.menus.reindex.trigger()
    assert listed(window) == ["Mastercard renews with the Champions League"]

    window.menus.details.trigger()
    reset = window.adding.details_dialog.findChild(QDialogButtonBox).findChild(
        type(dialog.buttons.button(QDialogButtonBox.Ok)), "resetDetails"
    )
    with qtbot.waitSignal(window.session.synced, timeout=TIMEOUT_MS):
        reset.click()
    assert listed(window) == ["Mastercard renews"]
    assert not (root / "a.txt.meta.json").exists()


def test_file_add_articles_offers_every_format_and_copies_the_chosen_files(open_window, qtbot, tmp_path, monkeypatch):
    window = open_window(library_with(tmp_path, {"a.txt": "Title: First\n\nVisa renews."}))
    data = Path(__file__).resolve().parents[1] / "data"
    asked = {}

    def choose(parent, caption, folder, filters):  # the platform's file dialog, answered as a user would
        asked.update(caption=caption, filters=filters)
        return [str(data / "sponsorship.rss"), str(data / "clipping.pdf")], filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    with qtbot.waitSignal(window.session.synced, timeout=TIMEOUT_MS):
        window.menus.add.trigger()
    assert asked["caption"] == "Add articles"
    first = asked["filters"].split(";;")[0]
    assert all(f"*{s}" in first for s in (".html", ".rss", ".atom", ".pdf", ".eml", ".txt", ".md"))
    assert window.status.counts.text() == "5 articles"  # a feed of 3, a PDF and the one there was
    assert "Northwind Energy signs eight-year partnership with World Rowing" in listed(window)
    root = window.session.library.root
    assert (root / "sponsorship.rss").is_file() and (root / "clipping.pdf").is_file()
    qtbot.waitUntil(
        lambda: window.reading.article is not None and window.reading.article.file_id == "sponsorship.rss",
        timeout=TIMEOUT_MS,
    )


def test_the_add_dialog_offers_every_format_read():
    import re

    from reader.core.scanning import ARTICLE_SUFFIXES
    from reader.ui.adding import FORMATS_FILTER

    patterns = [set(re.findall(r"\*(\.\w+)", f)) for f in FORMATS_FILTER]
    assert patterns[0] == set(ARTICLE_SUFFIXES)  # "Articles": all of them, .mhtml, .mht and .msg too
    kinds = set().union(*patterns[1:-1])  # each in the filter of its kind
    assert kinds == set(ARTICLE_SUFFIXES)
    assert {".mhtml", ".mht"} <= patterns[1] and ".msg" in patterns[4]
