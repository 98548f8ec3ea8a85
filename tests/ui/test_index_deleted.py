"""The index folder deleted while the window is open: the next search or update says so in one line, the
index is rebuilt under the list as it is, searches work again, the bookmarks are untouched."""

import shutil

import pytest

from reader.core.index import INDEX_DELETED
from tests.conftest import SAMPLE_000, SAMPLE_002
from tests.ui.helpers import search, visible_ids

SEEN_MS = 10_000  # the watcher settles for 400 ms, then a quiet update reads only what changed
ANALYSIS_MS = 60_000  # the first analysis pass loads spaCy's model
SAID = INDEX_DELETED[0].upper() + INDEX_DELETED[1:]  # as the status bar begins it


def idle_window(open_window, qtbot, folder):
    """The window on `folder`, indexed and analyzed, with one bookmark; and the bookmarks as stored."""
    window = open_window(folder, wait=False)
    with qtbot.waitSignal(window.session.analysed, timeout=ANALYSIS_MS):
        pass
    library = window.session.library
    article = library.load(SAMPLE_000)
    start = article.body.index("President Bach had a vision")
    library.bookmarks.add(
        article, start, start + len("President Bach had a vision"), folder=library.root, note="keep me"
    )
    return window


def marks(window):
    return [(b.id, b.article_id, b.exact, b.note) for b in window.session.library.bookmarks.all()]


def watch_resets(window) -> list:
    """Every time the list is emptied or replaced whole, from now on."""
    resets = []
    window.model.modelReset.connect(lambda: resets.append(window.model.rowCount()))
    window.model.rowsRemoved.connect(lambda *_: resets.append(window.model.rowCount()))
    return resets


def test_a_search_after_the_index_was_deleted_says_so_rebuilds_it_and_runs_again(
    open_window, articles_dir, data_dir, qtbot, capfd
):
    window = idle_window(open_window, qtbot, articles_dir)
    before = marks(window)
    search(qtbot, window, "Lausanne")  # its searcher is open
    assert visible_ids(window) == [SAMPLE_002]
    search(qtbot, window, "")
    shutil.rmtree(data_dir / "index")
    resets = watch_resets(window)

    with qtbot.waitSignal(window.browsing.search_finished, timeout=SEEN_MS) as failed:
        window.search_bar.set_text("olympi*")
    assert failed.args == [None]
    assert window.search_bar.status.text() == f"Can't search: {INDEX_DELETED}"
    assert window.session.indexing  # the rebuild has started

    with qtbot.waitSignal(
        window.browsing.search_finished, timeout=SEEN_MS, check_params_cb=lambda result: result is not None
    ) as found:
        pass  # the update rebuilds the index, then the search runs again
    assert found.args[0].total == 2
    assert sorted(visible_ids(window)) == [SAMPLE_000, SAMPLE_002]
    assert window.status.state.text().startswith(f"{SAID} · Index up to date · 2 articles")
    assert window.search_bar.status.text() == "2 articles match"
    search(qtbot, window, "Lausanne")
    assert visible_ids(window) == [SAMPLE_002]

    search(qtbot, window, "")
    assert sorted(visible_ids(window)) == [SAMPLE_000, SAMPLE_002]
    with qtbot.waitSignal(window.reading.article_shown, timeout=SEEN_MS):
        window.browsing.show_article(SAMPLE_000)
    assert "President Bach had a vision" in window.pane.toPlainText()
    assert marks(window) == before
    assert 0 not in resets  # the list was never emptied
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.slow  # waits out the watcher's settling time
def test_the_folder_watchers_update_after_the_index_was_deleted_rebuilds_it(
    open_window, articles_dir, data_dir, qtbot, capfd
):
    window = idle_window(open_window, qtbot, articles_dir)
    before = marks(window)
    shutil.rmtree(window.session.library.index_dir)
    resets = watch_resets(window)

    with qtbot.waitSignal(window.session.synced, timeout=SEEN_MS) as synced:
        (articles_dir / "late.txt").write_text(
            "Wombat news\n\nThe wombat signed a sponsorship deal.\n", encoding="utf-8"
        )
    assert (synced.args[0].rebuilt, synced.args[0].indexed) == (INDEX_DELETED, 3)
    assert window.status.state.text().startswith(f"{SAID} · Index up to date · 3 articles")
    assert sorted(visible_ids(window)) == [SAMPLE_000, SAMPLE_002, "late.txt"]
    assert resets == []
    search(qtbot, window, "wombat")
    assert visible_ids(window) == ["late.txt"]
    search(qtbot, window, "Lausanne")
    assert visible_ids(window) == [SAMPLE_002]
    assert marks(window) == before
    assert "Traceback" not in capfd.readouterr().err


def test_reindex_after_the_index_was_deleted_rebuilds_it_under_the_list(
    open_window, articles_dir, data_dir, qtbot, capfd
):
    window = idle_window(open_window, qtbot, articles_dir)
    before = marks(window)
    shutil.rmtree(data_dir / "index")
    resets = watch_resets(window)

    with qtbot.waitSignal(window.session.synced, timeout=SEEN_MS) as synced:
        window.menus.reindex.trigger()
    assert (synced.args[0].rebuilt, synced.args[0].indexed) == (INDEX_DELETED, 2)
    assert window.status.state.text().startswith(f"{SAID} · Index up to date · 2 articles")
    assert sorted(visible_ids(window)) == [SAMPLE_000, SAMPLE_002]
    assert 0 not in resets
    search(qtbot, window, "Lausanne")
    assert visible_ids(window) == [SAMPLE_002]
    assert marks(window) == before
    assert "Traceback" not in capfd.readouterr().err
