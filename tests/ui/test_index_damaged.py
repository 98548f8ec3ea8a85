"""A file of the index damaged while the window is open: the next search says so in one line, the index is
rebuilt from the articles, and the search runs again."""

from tests.conftest import SAMPLE_000, SAMPLE_002
from tests.ui.helpers import search, visible_ids

SEEN_MS = 10_000


def test_a_search_that_meets_a_damaged_file_says_so_rebuilds_and_runs_again(open_window, articles_dir, qtbot, capfd):
    window = open_window(articles_dir)
    search(qtbot, window, "Lausanne")
    assert visible_ids(window) == [SAMPLE_002]
    search(qtbot, window, "")
    [stored] = window.session.library.index_dir.glob("*._stored.col")
    stored.write_bytes(stored.read_bytes()[: stored.stat().st_size // 2])  # cut in half under the searcher

    with qtbot.waitSignal(window.browsing.search_finished, timeout=SEEN_MS) as failed:
        window.search_bar.set_text("olympi*")
    assert failed.args == [None]
    assert window.search_bar.status.text().startswith("Can't search: the search index is damaged (")
    assert window.search_bar.status.text().endswith("); rebuilding it")
    with qtbot.waitSignal(
        window.browsing.search_finished, timeout=SEEN_MS, check_params_cb=lambda result: result is not None
    ) as found:
        pass  # the update rebuilds the index, then the search runs again
    assert found.args[0].total == 2
    assert sorted(visible_ids(window)) == [SAMPLE_000, SAMPLE_002]
    assert window.status.state.text().startswith("The search index is damaged (")
    assert "Traceback" not in capfd.readouterr().err
