"""The window keeps up with the articles folder while it is open: files added, edited, removed, in new folders."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from reader.ui.article_model import NAMES, QUOTES, WORDS
from reader.ui.folder_watch import FolderWatcher
from tests.ui.helpers import search, visible_ids

SEEN_MS = 5_000  # the watcher settles for 400 ms, then a quiet update reads only what changed
ANALYSIS_MS = 60_000  # the first analysis pass loads spaCy's model


def write(path, title, body):
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def library(tmp_path):
    folder = tmp_path / "watched"
    folder.mkdir()
    write(folder / "b.txt", "Bank renews its sponsorship", "The bank said the deal runs to 2030.")
    write(folder / "c.txt", "Carmaker joins as partner", "The carmaker will supply the fleet for the games.")
    write(folder / "d.txt", "Drinks maker leaves", "The drinks maker did not renew its contract.")
    return folder


def reading(window):
    view = window.pane.view
    return view.article.id if view is not None else None


def open_on(open_window, qtbot, folder, article_id):
    """The window on `folder`, idle (indexed and analyzed), reading `article_id`."""
    window = open_window(folder, wait=False)
    with qtbot.waitSignal(window.session.analysed, timeout=ANALYSIS_MS):
        pass
    window.browsing.select_row(visible_ids(window).index(article_id))
    qtbot.waitUntil(lambda: reading(window) == article_id and window.pane.view.analysis is not None, timeout=SEEN_MS)
    return window


def test_a_new_file_appears_in_place_and_the_selection_stays(open_window, tmp_path, qtbot):
    folder = library(tmp_path)
    window = open_on(open_window, qtbot, folder, "c.txt")
    resets = []
    window.model.modelReset.connect(lambda: resets.append(1))
    write(folder / "a.txt", "Airline extends its deal", "The airline flies the teams until 2032.")
    qtbot.waitUntil(lambda: "a.txt" in visible_ids(window), timeout=SEEN_MS)
    assert visible_ids(window) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert [i.data() for i in window.list.selectionModel().selectedRows()] == ["Carmaker joins as partner"]
    assert window.list.currentIndex().row() == 2 and reading(window) == "c.txt"
    assert not resets
    qtbot.waitUntil(lambda: "1 updated, 0 removed" in window.status.state.text(), timeout=SEEN_MS)
    assert window.status.state.text().startswith("Index up to date · 4 articles")
    assert window.status.counts.text() == "4 articles"


@pytest.mark.slow  # waits out the watcher's settling time
def test_an_edit_in_place_is_found_by_search_and_shown_where_the_reader_is(open_window, tmp_path, qtbot):
    folder = library(tmp_path)
    window = open_on(open_window, qtbot, folder, "b.txt")
    words_before = window.model.index(visible_ids(window).index("b.txt"), WORDS).data()
    with qtbot.waitSignal(window.session.synced, timeout=SEEN_MS) as synced:
        with open(folder / "b.txt", "a", encoding="utf-8") as f:
            f.write("A zeppelin will carry the banner over the stadium.\n")
    assert (synced.args[0].changed, synced.args[0].added) == (1, 0)
    assert window.model.index(visible_ids(window).index("b.txt"), WORDS).data() != words_before
    qtbot.waitUntil(lambda: "zeppelin" in window.pane.toPlainText(), timeout=SEEN_MS)  # the pane re-read it
    assert reading(window) == "b.txt"
    search(qtbot, window, "zeppelin")
    assert visible_ids(window) == ["b.txt"]


@pytest.mark.slow  # waits out the watcher's settling time
def test_a_deleted_file_leaves_the_list(open_window, tmp_path, qtbot):
    folder = library(tmp_path)
    window = open_on(open_window, qtbot, folder, "b.txt")
    (folder / "d.txt").unlink()
    qtbot.waitUntil(lambda: "d.txt" not in visible_ids(window), timeout=SEEN_MS)
    assert visible_ids(window) == ["b.txt", "c.txt"] and reading(window) == "b.txt"
    qtbot.waitUntil(lambda: "0 updated, 1 removed" in window.status.state.text(), timeout=SEEN_MS)
    assert window.status.counts.text() == "2 articles"


@pytest.mark.slow  # waits out the watcher's settling time
def test_a_file_in_a_new_subfolder_appears(open_window, tmp_path, qtbot):
    folder = library(tmp_path)
    window = open_on(open_window, qtbot, folder, "b.txt")
    with qtbot.waitSignal(window.session.synced, timeout=SEEN_MS):
        (folder / "2024").mkdir()  # seen by the folder's watch; the update then watches the new folder
    with qtbot.waitSignal(window.session.synced, timeout=SEEN_MS):
        write(folder / "2024" / "e.txt", "Energy group signs on", "The energy group becomes a top partner.")
    assert "2024/e.txt" in visible_ids(window)
    with qtbot.waitSignal(window.session.synced, timeout=SEEN_MS):
        with open(folder / "2024" / "e.txt", "a", encoding="utf-8") as f:  # the file itself is watched too
            f.write("It also backs the youth games.\n")
    search(qtbot, window, "youth")
    assert visible_ids(window) == ["2024/e.txt"]


@pytest.mark.slow  # waits out the watcher's settling time
def test_a_new_file_that_matches_the_search_showing_joins_the_results(open_window, tmp_path, qtbot):
    folder = library(tmp_path)
    window = open_on(open_window, qtbot, folder, "c.txt")
    search(qtbot, window, "partner")
    assert visible_ids(window) == ["c.txt"]
    write(folder / "f.txt", "Fintech is the new partner", "A payments firm signs a partner deal.")
    write(folder / "g.txt", "Gym chain", "Nothing to see here.")
    qtbot.waitUntil(lambda: sorted(visible_ids(window)) == ["c.txt", "f.txt"], timeout=SEEN_MS)
    assert window.search_bar.text() == "partner"
    assert window.status.counts.text() == "2 of 5 articles"
    assert reading(window) == "c.txt" and window.list.currentIndex().data() == "Carmaker joins as partner"


@pytest.mark.slow  # waits out the watcher's settling time
def test_changes_made_while_analysis_runs_are_indexed_and_then_analyzed(open_window, tmp_path, qtbot):
    folder = library(tmp_path)
    window = open_window(folder)  # indexed; the analysis pass (loading spaCy's model) has just begun
    write(folder / "h.txt", "Hotel group joins", 'The hotel group said: "We are proud to host the athletes."')

    def quotes():
        return {aid: window.model.index(r, QUOTES).data() for r, aid in enumerate(visible_ids(window))}

    # Every article gets its counts, the new one too: the pass the update stopped went on after it.
    qtbot.waitUntil(lambda: "h.txt" in visible_ids(window) and "" not in quotes().values(), timeout=ANALYSIS_MS)
    assert quotes()["h.txt"] == "1"
    qtbot.waitUntil(lambda: not window.status.progress.isVisible(), timeout=ANALYSIS_MS)
    assert "stopped" not in window.status.state.text()


@pytest.mark.slow  # waits out the watcher's settling time
def test_an_update_asked_for_while_one_runs_follows_it_instead_of_cancelling_it(open_window, tmp_path, qtbot):
    folder = library(tmp_path)
    window = open_window(folder)
    window.session.watcher.changed.disconnect()  # here the updates are asked for directly
    reports = []
    window.session.synced.connect(reports.append)
    write(folder / "i.txt", "Insurer signs", "The insurer covers the event.")
    window.session.sync(quiet=True)
    write(folder / "j.txt", "Jeweller signs", "The jeweller makes the medals.")
    window.session.sync(quiet=True)
    window.session.sync(quiet=True)  # one more update at most, however often it is asked for
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=SEEN_MS)
    with qtbot.assertNotEmitted(window.session.synced, wait=1_000):
        pass
    assert {"i.txt", "j.txt"} <= set(visible_ids(window))
    assert sum(r.added for r in reports) == 2
    assert "Indexing stopped" not in window.status.state.text()


@pytest.mark.slow  # waits out the watcher's settling time
def test_opening_another_folder_watches_that_one_instead(open_window, tmp_path, qtbot):
    first = library(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    write(other / "k.txt", "Kitchen brand", "The kitchen brand feeds the volunteers.")
    window = open_window(first)
    with qtbot.waitSignal(window.session.synced, timeout=SEEN_MS):
        window.session.open(other)
    qtbot.waitUntil(window.session.watcher.settled)
    folders, files = window.session.watcher.watched()
    assert folders == [str(window.session.library.root)] and files == [str(window.session.library.root / "k.txt")]
    with qtbot.assertNotEmitted(window.session.synced, wait=1_500):
        write(first / "l.txt", "Left behind", "Written to the folder no longer open.")
    write(other / "m.txt", "Media group", "The media group broadcasts the games.")
    qtbot.waitUntil(lambda: visible_ids(window) == ["k.txt", "m.txt"], timeout=SEEN_MS)


@pytest.mark.slow  # waits out the watcher's settling time
def test_coming_back_to_the_app_catches_a_change_the_watcher_missed(open_window, tmp_path, qtbot):
    folder = library(tmp_path)
    window = open_on(open_window, qtbot, folder, "c.txt")
    window.session.watcher.clear()  # as beyond its file cap, or on a share that sends no events
    with open(folder / "d.txt", "a", encoding="utf-8") as f:
        f.write("It will now sponsor the marathon instead.\n")
    with qtbot.waitSignal(window.session.synced, timeout=SEEN_MS) as synced:
        QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationActive)
    assert synced.args[0].changed == 1
    search(qtbot, window, "marathon")
    assert visible_ids(window) == ["d.txt"]


@pytest.mark.slow  # waits out the watcher's settling time
def test_a_data_folder_inside_the_articles_folder_is_not_watched(open_window, tmp_path, data_dir, qtbot):
    write(tmp_path / "n.txt", "Nutrition brand", 'The brand said: "We fuel the runners."')
    window = open_window(tmp_path, wait=False)  # the index and the analysis cache are written in tmp_path/data
    with qtbot.waitSignal(window.session.analysed, timeout=ANALYSIS_MS):
        pass
    folders, _ = window.session.watcher.watched()
    assert str(tmp_path.resolve()) in folders
    assert not [f for f in folders if f.startswith(str(data_dir.resolve()))]
    with qtbot.assertNotEmitted(window.session.synced, wait=1_500):  # the window's own writes wake nothing
        pass


@pytest.mark.slow  # waits out the watcher's settling time
def test_the_watcher_settles_a_burst_of_changes_into_one_signal_and_caps_its_files(qtbot, tmp_path):
    files = [tmp_path / f"{n}.txt" for n in range(5)]
    for f in files:
        f.write_text("x")
    watcher = FolderWatcher(settle_ms=200, file_cap=3)
    watcher.watch([tmp_path], files)
    qtbot.waitUntil(watcher.settled)
    assert watcher.watched() == ([str(tmp_path)], [str(f) for f in files[:3]])
    with qtbot.waitSignal(watcher.changed, timeout=SEEN_MS):
        for n in range(20):
            (tmp_path / f"new{n}.txt").write_text("y")
        with open(files[0], "a") as f:
            f.write("more")
    with qtbot.assertNotEmitted(watcher.changed, wait=600):
        pass
    with qtbot.waitSignal(watcher.changed, timeout=SEEN_MS):  # written in place: seen by its own watch
        with open(files[1], "a") as f:
            f.write("more")
    if sys.platform.startswith("linux"):  # inotify: a folder's watch does not see a file written in place
        with qtbot.assertNotEmitted(watcher.changed, wait=600), open(files[4], "a") as f:
            f.write("more")
    watcher.watch([], files[3:])  # the first three dropped, then the other two added, in steps
    qtbot.waitUntil(watcher.settled)
    assert watcher.watched() == ([], [str(f) for f in files[3:]])


@pytest.mark.slow  # a child process, or real spaCy worker processes
def test_an_article_added_after_the_first_pass_gets_its_counts_once_analysed(open_window, tmp_path, qtbot):
    folder = library(tmp_path)
    window = open_on(open_window, qtbot, folder, "c.txt")  # the first analysis pass has ended

    def counts(article_id):
        row = visible_ids(window).index(article_id)
        return window.model.index(row, QUOTES).data(), window.model.index(row, NAMES).data()

    with qtbot.waitSignal(window.session.analysed, timeout=ANALYSIS_MS):
        write(folder / "h.txt", "Hotel group joins", 'The hotel group said: "We are proud to host the athletes."')
    assert counts("h.txt")[0] == "1" and counts("h.txt")[1] != ""
    assert counts("c.txt") != ("", "")  # and the others keep theirs


@pytest.mark.slow  # a second process loads the analyzer
def test_an_article_analysed_by_another_process_gets_its_counts(open_window, tmp_path, data_dir, qtbot):
    """The window lists a new file; `press-reader index` in another process analyses it before the window's
    own pass starts, so that pass finds nothing to do: the list still learns the counts."""
    folder = library(tmp_path)
    window = open_on(open_window, qtbot, folder, "c.txt")  # the first analysis pass has ended
    cli = [sys.executable, "-m", "reader", "index", "--articles", str(folder), "--data-dir", str(data_dir)]
    ran = []

    def other_process(report) -> None:  # between the window's update and its analysis pass
        if report.added and not ran:
            ran.append(subprocess.run(cli, capture_output=True, text=True, timeout=120))

    window.session.synced.connect(other_process)
    with qtbot.waitSignal(window.session.analysed, timeout=ANALYSIS_MS):
        write(folder / "h.txt", "Hotel group joins", 'The hotel group said: "We are proud to host the athletes."')
    assert ran and ran[0].returncode == 0, ran[0].stderr if ran else "no update"
    row = visible_ids(window).index("h.txt")
    assert window.model.index(row, QUOTES).data() == "1"  # without a restart
    assert window.model.index(row, NAMES).data() != ""


@pytest.mark.slow  # a child process, or real spaCy worker processes
def test_a_feeds_new_entry_gets_its_counts_once_analysed(open_window, tmp_path, qtbot):
    full = (Path(__file__).parents[1] / "data" / "sponsorship.rss").read_text(encoding="utf-8")
    first = full.index("<item>")
    older = full[:first] + full[full.index("</item>", first) + len("</item>") :]  # without the Kestrel entry
    folder = library(tmp_path)
    (folder / "wire.rss").write_text(older, encoding="utf-8")
    window = open_on(open_window, qtbot, folder, "c.txt")  # the first analysis pass has ended
    (folder / "wire.rss").write_text(full, encoding="utf-8")  # the feed gains an entry

    def kestrel():
        ids = visible_ids(window)
        found = [i for i, aid in enumerate(ids) if window.model.index(i, 0).data().startswith("Kestrel")]
        return window.model.index(found[0], QUOTES).data() if found else None

    qtbot.waitUntil(lambda: kestrel() is not None, timeout=SEEN_MS)
    qtbot.waitUntil(lambda: kestrel() == "1", timeout=ANALYSIS_MS)
