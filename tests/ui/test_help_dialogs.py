"""Help › Search syntax lists the query language by example; Help › Keyboard shortcuts lists every shortcut of
the window, read from its actions and shortcuts (issue 21, item 5)."""

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu

from reader.core.index.query import EXAMPLES
from reader.ui.help_dialogs import SearchSyntaxDialog, ShortcutsDialog

NATIVE = QKeySequence.SequenceFormat.NativeText


def help_action(window, text):
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    assert isinstance(menu, QMenu)
    (action,) = [a for a in menu.actions() if a.text() == text]
    return action


def test_search_syntax_shows_every_example_beside_the_window(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    help_action(window, "&Search syntax…").trigger()
    dialog = window.findChild(SearchSyntaxDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.rows() == list(EXAMPLES)
    typed = [row[0] for row in dialog.rows()]
    for field in ("title:", "source:", "date:[", "speaker:", "entity:", "words:", "id:", "body:", "captions:"):
        assert any(t.startswith(field) for t in typed), field
    help_action(window, "&Search syntax…").trigger()  # again: the same window, brought to the front
    assert len(window.findChildren(SearchSyntaxDialog)) == 1


def test_keyboard_shortcuts_lists_every_shortcut_of_the_window(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    help_action(window, "&Keyboard shortcuts…").trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    keyed = [a for a in window.findChildren(QAction) if any(not k.isEmpty() for k in a.shortcuts())]
    assert len(keyed) >= 15  # the menus' and the bookmarks panel's
    for action in keyed:
        keys = ", ".join(k.toString(NATIVE) for k in action.shortcuts() if not k.isEmpty())
        text = action.text().replace("&", "")
        assert any(k == keys and does.endswith(text) for k, does in rows), (keys, text)
    for shortcut in window.findChildren(QShortcut):
        assert (shortcut.key().toString(NATIVE), shortcut.whatsThis()) in rows
    assert (QKeySequence("Ctrl+E").toString(NATIVE), "File › Export bookmarks…") in rows
    assert (QKeySequence("J").toString(NATIVE), "Next article in the list") in rows
    assert ("Del, Backspace", "Bookmarks › Delete bookmark") in rows


def test_a_shortcut_added_to_the_window_is_listed_without_touching_the_dialog(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    added = QAction("Something new", window)
    added.setShortcut(QKeySequence("Ctrl+Alt+N"))
    window.addAction(added)
    help_action(window, "&Keyboard shortcuts…").trigger()
    assert (QKeySequence("Ctrl+Alt+N").toString(NATIVE), "Something new") in window.findChild(ShortcutsDialog).rows()
