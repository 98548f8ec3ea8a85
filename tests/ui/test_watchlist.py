"""Edit › Watchlist… and the pane's "Watch X": the names the coverage figures follow, saved in the data dir."""

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from reader.core.coverage import watchlist as watchlists
from reader.core.coverage.watchlist import Watched, Watchlist
from reader.ui.session import LibrarySession
from reader.ui.watching import Watching, guess
from reader.ui.watchlist_dialog import ALIASES, KIND, NAME, SPONSOR_COLUMN, WatchlistDialog, edit_watchlist
from tests.conftest import SAMPLE_000
from tests.ui.test_reading_pane import point_in_name, right_click

SAVE_MS = 5_000


@pytest.fixture
def session(qtbot, data_dir):
    session = LibrarySession(data_dir)
    yield session
    session.close()


@pytest.fixture
def dialog(qtbot, session):
    session.watchlist = Watchlist([Watched("Heineken", aliases=("Heineken NV",)), Watched("Visa")])
    dialog = WatchlistDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def shown(dialog) -> list[tuple[str, str, str, str]]:
    """The table as the user sees it: name, kind, aliases, sponsor."""
    t = dialog.table
    return [
        (t.item(r, NAME).text(), t.cellWidget(r, KIND).currentText(), t.item(r, ALIASES).text(),
         t.item(r, SPONSOR_COLUMN).text())
        for r in range(t.rowCount())
    ]  # fmt: skip


def test_the_dialog_adds_edits_and_removes_names_and_saves_them_in_the_data_dir(qtbot, session, dialog, data_dir):
    assert shown(dialog) == [("Heineken", "sponsor", "Heineken NV", ""), ("Visa", "sponsor", "", "")]
    qtbot.keyClicks(dialog.name_filter, "nv")  # found by an alias too
    assert [dialog.table.isRowHidden(r) for r in range(2)] == [False, True]
    row = dialog.add_row()
    assert dialog.name_filter.text() == "" and not dialog.table.isRowHidden(1)
    assert dialog.table.state() == dialog.table.State.EditingState  # the new name is typed at once
    qtbot.keyClicks(dialog.table.focusWidget(), "Northbank Arena")
    dialog.table.setCurrentCell(0, NAME)  # the edit ends
    combo = dialog.table.cellWidget(row, KIND)
    assert isinstance(combo, QComboBox)
    combo.setCurrentText("property")
    dialog.table.item(row, ALIASES).setText("City Stadium | Northbank Stadium")
    dialog.table.item(row, SPONSOR_COLUMN).setText("Northbank")
    dialog.table.item(0, ALIASES).setText("Heineken NV|Heineken 0.0")  # edited in place
    dialog.table.setCurrentCell(1, NAME)
    dialog.remove_selected()  # Visa
    with qtbot.waitSignal(session.watchlist_changed, timeout=SAVE_MS):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted

    saved = watchlists.load(data_dir)  # the file in the data dir, read back
    assert list(saved) == [
        Watched("Heineken", "sponsor", ("Heineken NV", "Heineken 0.0")),
        Watched("Northbank Arena", "property", ("City Stadium", "Northbank Stadium"), "Northbank"),
    ]
    assert list(session.watchlist) == list(saved)


def test_a_name_listed_twice_is_not_saved_and_the_dialog_says_which(qtbot, session, dialog, data_dir):
    row = dialog.add_row()
    dialog.table.item(row, NAME).setText("heineken")
    dialog.save()
    assert dialog.message.text() == "heineken is listed twice (rows 1 and 3): remove one"
    assert dialog.isVisible() and not (data_dir / watchlists.WATCHLIST_FILE).exists()


def test_importing_a_bad_csv_says_why_in_one_line_and_loses_nothing(qtbot, session, dialog, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,kind,aliases,sponsor\nAdidas,sponsor,,\nOlympics,event,,\n", "utf-8")
    before = shown(dialog)
    with qtbot.waitSignal(session.failed, timeout=SAVE_MS):
        dialog.import_csv(bad)
    assert dialog.message.text() == (
        "Could not import the watchlist: bad.csv line 3: kind 'event' is not one of sponsor, property, person, "
        "organisation"
    )
    assert "\n" not in dialog.message.text()
    assert dialog.message.property("kind") == "error"
    assert shown(dialog) == before

    good = tmp_path / "good.csv"
    good.write_text("name,kind,aliases,sponsor\nVisa,sponsor,VISA,\nAdidas,,adidas,\n", "utf-8")
    with qtbot.waitSignal(session.watchlist_read, timeout=SAVE_MS):
        dialog.import_csv(good)
    assert shown(dialog) == [  # merged: Visa takes the file's row, Adidas joins
        ("Heineken", "sponsor", "Heineken NV", ""),
        ("Visa", "sponsor", "VISA", ""),
        ("Adidas", "sponsor", "adidas", ""),
    ]
    assert dialog.message.text() == "Imported 2 names; Save keeps them"


def test_export_writes_the_table_as_csv_and_reset_asks_first(qtbot, session, dialog, tmp_path):
    target = tmp_path / "out.csv"
    with qtbot.waitSignal(session.watchlist_written, timeout=SAVE_MS):
        dialog.export_csv(target)
    assert target.read_text("utf-8") == "name,kind,aliases,sponsor\nHeineken,sponsor,Heineken NV,\nVisa,sponsor,,\n"
    assert dialog.message.text() == f"Exported 2 names to {target}"

    dialog.ask_reset()
    assert dialog.confirm is not None and dialog.confirm.isVisible()
    dialog.confirm.button(QMessageBox.StandardButton.Cancel).click()
    assert len(shown(dialog)) == 2
    dialog.ask_reset()
    dialog.confirm.button(QMessageBox.StandardButton.Reset).click()
    assert [w.name for w in Watchlist(dialog.table_rows())] == [w.name for w in Watchlist.built_in()]
    assert len(shown(dialog)) > 100


def test_a_damaged_watchlist_file_is_said_when_the_dialog_opens(qtbot, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / watchlists.WATCHLIST_FILE).write_text("name,kind\nAcme,brand\n", "utf-8")
    session = LibrarySession(data_dir)
    try:
        dialog = WatchlistDialog(session)
        qtbot.addWidget(dialog)
        assert "line 2: kind 'brand'" in dialog.message.text()
        assert len(shown(dialog)) > 100  # the built-in sponsors meanwhile; the file stays as it is until Save
    finally:
        session.close()


def watch_menu(qtbot, pane, name):
    pane.mouse.menu = None
    right_click(qtbot, pane, point_in_name(pane, name))
    qtbot.waitUntil(lambda: pane.mouse.menu is not None and pane.mouse.menu.isVisible())
    menu = pane.mouse.menu
    menu.close()
    return next(a for a in menu.actions() if a.text().startswith("Watch"))


def test_watch_in_a_names_menu_follows_it_with_a_guessed_kind_and_undo_takes_it_back(
    qtbot, pane, view_of, session, data_dir
):
    undo = QUndoStack()
    watching = Watching(session, pane, undo)
    said = []
    watching.status.connect(lambda text, error, hold: said.append(text))
    pane.show_article(view_of(SAMPLE_000))

    sponsor = watch_menu(qtbot, pane, "Alibaba")  # a built-in sponsor: watched from the start
    assert (sponsor.text(), sponsor.isChecked(), sponsor.isEnabled()) == ("Watching Alibaba Group", True, False)

    for shown_name, name, kind in (
        ("Gangneung Olympic Park", "Gangneung Olympic Park", "property"),
        ("International Olympic Committee", "International Olympic Committee", "organisation"),
    ):
        action = watch_menu(qtbot, pane, shown_name)
        assert (action.text(), action.isEnabled()) == (f"Watch {name}", True)
        with qtbot.waitSignal(session.watchlist_changed, timeout=SAVE_MS):
            action.trigger()
        assert session.watchlist.find(name).kind == kind
        assert watchlists.load(data_dir).find(name).kind == kind  # saved in the data dir
        assert watch_menu(qtbot, pane, shown_name).text() == f"Watching {name}"
    assert watchlists.load(data_dir).find("International Olympic Committee").aliases == ("IOC",)
    assert said[0] == (
        "Watching Gangneung Olympic Park as a property (Edit › Undo takes it back; Edit › Watchlist… edits it)"
    )

    with qtbot.waitSignal(session.watchlist_changed, timeout=SAVE_MS):
        undo.undo()
    assert watchlists.load(data_dir).find("International Olympic Committee") is None
    assert watch_menu(qtbot, pane, "International Olympic Committee").text() == "Watch International Olympic Committee"


def test_the_kind_of_a_name_watched_is_guessed_from_its_label_and_what_the_lists_say_of_it():
    assert guess("Thomas Bach", "PERSON", "") == Watched("Thomas Bach", "person")
    assert guess("Acme Tyres", "ORG", "Official tyre supplier of the league").kind == "sponsor"
    assert guess("Heineken", "ORG", "").kind == "sponsor"  # a built-in sponsor, whatever the note
    assert guess("Coca-Cola", "", "") == Watched("Coca-Cola", "sponsor", ("Coca Cola", "Coca-Cola Company", "Coke"))
    assert guess("Local Rowing Club", "ORG", "").kind == "organisation"
    assert guess("Olympic Games", "EVENT", "").kind == "property"


def test_edit_watchlist_opens_the_dialog_on_the_sessions_watchlist(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    assert window.menus.watchlist.text() == "&Watchlist…"
    window.menus.watchlist.trigger()
    dialog = window.findChild(WatchlistDialog)
    assert dialog is not None and dialog.isVisible()
    assert [w.name for w in dialog.table_rows()] == [w.name for w in window.session.watchlist]
    dialog.reject()


def test_a_closed_dialog_hears_nothing_more_from_the_session(qtbot, session, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    first = edit_watchlist(session, parent)
    first.reject()  # closed, and deleted
    qtbot.waitUntil(lambda: parent.findChild(WatchlistDialog) is None)
    second = edit_watchlist(session, parent)
    with qtbot.waitSignal(session.watchlist_written, timeout=SAVE_MS):
        second.export_csv(tmp_path / "out.csv")
    assert second.message.text().startswith("Exported")
    second.reject()
