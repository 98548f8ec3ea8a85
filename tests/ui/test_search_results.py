"""Search results in the window (issue 21): a phrase lights only the phrase in the pane, and a query with no
word to rank lists newest first, still sorted by a click on a column header."""

from PySide6.QtCore import Qt

from reader.ui.article_model import DATE, TITLE
from tests.conftest import SAMPLE_000
from tests.ui.helpers import click_header, search, visible_ids

WAIT_MS = 10_000


def hit_runs(pane) -> list[str]:
    """The text of each run painted as a hit, runs that touch joined (a mark inside a hit splits its run)."""
    runs: list[tuple[int, str]] = []
    for pos, text in pane.hit_fragments():
        if runs and runs[-1][0] + len(runs[-1][1]) == pos:
            runs[-1] = (runs[-1][0], runs[-1][1] + text)
        else:
            runs.append((pos, text))
    return [text for _, text in runs]


def test_a_phrase_lights_the_phrase_and_not_its_words_alone(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    search(qtbot, window, '"Olympic Games"')
    window.browsing.select_row(visible_ids(window).index(SAMPLE_000))
    qtbot.waitUntil(lambda: window.pane.view is not None and window.pane.view.article.id == SAMPLE_000, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Olympic Games" in hit_runs(window.pane), timeout=WAIT_MS)
    # not the Olympic of "International Olympic Committee" nor "Gangneung Olympic Park", nor "Olympics"
    assert set(hit_runs(window.pane)) == {"Olympic Games"}
    assert len(hit_runs(window.pane)) == window.pane.toPlainText().count("Olympic Games")


DATED = {
    "a.txt": ("Alpha deal", "2005-01-10"),
    "b.txt": ("Bravo deal", "2005-01-30"),
    "c.txt": ("Charlie deal", "2005-01-20"),
    "d.txt": ("Delta deal", "2004-12-31"),
}


def test_a_date_range_lists_newest_first_and_a_header_click_still_sorts(open_window, tmp_path, qtbot):
    folder = tmp_path / "dated"
    folder.mkdir()
    for name, (title, day) in DATED.items():
        (folder / name).write_text(f"---\ntitle: {title}\ndate: {day}\n---\nThe {title} was signed.\n", "utf-8")
    window = open_window(folder)
    search(qtbot, window, "date:[2005-01-01 TO 2005-01-31]")
    assert visible_ids(window) == ["b.txt", "c.txt", "a.txt"]  # newest first, not in the index's order
    click_header(qtbot, window.list, DATE)
    assert window.list.horizontalHeader().sortIndicatorSection() == DATE
    by_date = ["a.txt", "c.txt", "b.txt"]
    assert visible_ids(window) in (by_date, by_date[::-1])
    click_header(qtbot, window.list, TITLE)
    order = window.list.horizontalHeader().sortIndicatorOrder()
    by_title = ["a.txt", "b.txt", "c.txt"]
    assert visible_ids(window) == (by_title if order == Qt.SortOrder.AscendingOrder else by_title[::-1])
