"""The Coverage tab in the window: a figure's articles in the list and back, the tab's figures over a constructed
library, following what is added and analysed, and File › Export coverage…."""

from openpyxl import load_workbook

from reader.core.coverage import watchlist as watchlists
from reader.core.coverage.watchlist import PERSON, Watched
from reader.core.model import Filters
from reader.ui.coverage_panel import CoveragePanel
from reader.ui.coverage_scope import RESULTS
from tests.conftest import SAMPLE_000, SAMPLE_002
from tests.core.coverage_library import WATCHLIST, write_articles
from tests.ui.helpers import search, visible_ids
from tests.ui.test_coverage_panel import click_artist


def test_a_figures_articles_are_listed_under_a_banner_and_back_restores_the_list(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    assert window.tabs.tabText(0) == "Article" and window.tabs.tabText(1) == "Coverage"
    assert isinstance(window.coverage, CoveragePanel) and window.tabs.widget(1).widget() is window.coverage
    everything = visible_ids(window)
    assert set(everything) == {SAMPLE_000, SAMPLE_002}

    window.chosen.show("Alibaba Group · headline", (SAMPLE_002, "gone.txt"))  # an id the list no longer has
    assert visible_ids(window) == [SAMPLE_002]
    assert window.chosen.banner.isVisible()
    assert window.chosen.label.text() == "Alibaba Group · headline: 1 article"
    window.chosen.back_button.click()
    assert not window.chosen.banner.isVisible()
    assert visible_ids(window) == everything

    search(qtbot, window, "Ma")  # back to a search's results, not to the library
    results = visible_ids(window)
    assert results and window.model.searching
    window.chosen.show("Alibaba Group · 2018-02", (SAMPLE_000, SAMPLE_002))
    assert visible_ids(window) == [SAMPLE_000, SAMPLE_002]
    assert window.chosen.label.text() == "Alibaba Group · 2018-02: 2 articles"
    window.chosen.back()
    assert visible_ids(window) == results
    assert window.search_bar.text() == "Ma"

    window.chosen.show("Alibaba Group · body", (SAMPLE_000,))
    search(qtbot, window, "Bach")  # a new search replaces the figure's articles, and its banner
    assert not window.chosen.banner.isVisible()


WAIT_MS = 60_000


def coverage_window(open_window, qtbot, tmp_path, data_dir):
    """The window on the constructed library (tests/core/coverage_library.py) with its watchlist, analysed, the
    Coverage tab shown with its figures."""
    watchlists.save(data_dir, WATCHLIST)
    window = open_window(write_articles(tmp_path / "coverage"), wait=False)
    with qtbot.waitSignal(window.session.analysed, timeout=WAIT_MS):
        pass
    with qtbot.waitSignal(window.session.coverage_ready, timeout=WAIT_MS):
        window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not window.coverage.busy.isVisible())
    return window


def rows(panel) -> dict[str, list[str]]:
    model = panel.table.model()
    return {
        model.index(r, 0).data(): [model.index(r, c).data() for c in range(1, model.columnCount())]
        for r in range(model.rowCount())
    }


def test_the_coverage_tab_counts_the_constructed_library_and_a_bar_lists_its_articles(
    open_window, qtbot, tmp_path, data_dir
):
    window = coverage_window(open_window, qtbot, tmp_path, data_dir)
    panel = window.coverage
    assert rows(panel) == {
        "Heineken": ["sponsor", "5", "6", "83.3%", "1", "1", "1", "1", "1", "—"],
        "Visa": ["sponsor", "1", "2", "16.7%", "1", "0", "0", "0", "0", "—"],
        "Northbank Arena": ["property", "2", "2", "—", "0", "1", "0", "0", "1", "1"],
    }
    assert panel.summary.text() == "7 articles in the whole library"
    everything = visible_ids(window)

    panel.charts.setCurrentIndex(2)  # placement
    canvas = panel.charts.canvases["placement"]
    bar = next(a for a, (name, count) in canvas.picks.items() if name == "Heineken" and count.label == "headline")
    click_artist(qtbot, canvas, bar)
    assert visible_ids(window) == ["headline.txt"]
    assert window.chosen.label.text() == "Heineken · headline: 1 article"
    window.chosen.back()
    assert visible_ids(window) == everything

    panel.scope_bar.per_outlet.setChecked(True)  # the syndicated copy counts for its outlet too
    qtbot.waitUntil(lambda: rows(panel)["Heineken"][1] == "6", timeout=WAIT_MS)
    assert panel.summary.text() == "8 articles in the whole library"

    window.session.watch(Watched("Jane Miller", PERSON))  # as Watch in a name's menu does
    qtbot.waitUntil(lambda: "Jane Miller" in rows(panel), timeout=WAIT_MS)
    assert rows(panel)["Jane Miller"][:3] == ["person", "1", "1"]


def test_the_coverage_tab_follows_a_new_article_and_exports_what_it_shows(open_window, qtbot, tmp_path, data_dir):
    window = coverage_window(open_window, qtbot, tmp_path, data_dir)
    panel = window.coverage
    assert rows(panel)["Heineken"][1:3] == ["5", "6"]
    folder = window.session.library.root
    (folder / "new.txt").write_text(
        "Title: Heineken scores again\nDate: 2026-03-02\nSource: Metro\n\nA new deal was signed.\n", "utf-8"
    )
    window.session.check_folder()  # as when the window comes to the front; the watcher may see it first
    qtbot.waitUntil(lambda: rows(panel)["Heineken"][1:3] == ["6", "7"], timeout=WAIT_MS)
    assert rows(panel)["Heineken"][4] == "2"  # two headlines now
    assert panel.summary.text() == "8 articles in the whole library"

    target = tmp_path / "report.xlsx"
    with qtbot.waitSignal(window.session.coverage_exported, timeout=WAIT_MS):
        window.coverage_export.export("xlsx", target)
    names = load_workbook(target)["Names"]
    heineken = next(r for r in names.iter_rows(values_only=True) if r[0] == "Heineken")
    assert heineken[2] == 6
    assert window.status.state.text() == f"Exported the coverage: {target}"

    chart = tmp_path / "chart"  # the chart shown alone, its format from the choice
    with qtbot.waitSignal(window.session.coverage_exported, timeout=WAIT_MS):
        window.coverage_export.export("svg", chart, chart=panel.chart_shown())
    assert (tmp_path / "chart.svg").read_text("utf-8").lstrip().startswith("<?xml")


def test_the_current_results_scope_follows_the_search_and_its_source_filter(open_window, qtbot, tmp_path, data_dir):
    window = coverage_window(open_window, qtbot, tmp_path, data_dir)
    panel = window.coverage
    panel.scope_bar.scope.setCurrentIndex(RESULTS)
    search(qtbot, window, "zone")  # the fan zone article and its syndicated copy
    qtbot.waitUntil(lambda: panel.summary.text().startswith("1 article in results of “zone”"), timeout=WAIT_MS)
    assert panel.summary.text() == "1 article in results of “zone” · 2 watched names have no articles"
    assert {name: figures[1] for name, figures in rows(panel).items()} == {"Heineken": "1"}

    search(qtbot, window, "")
    filter_row = window.search_bar.filter_row
    daily_post = filter_row.source.findData("Daily Post")
    with qtbot.waitSignal(window.browsing.search_finished, timeout=WAIT_MS):
        filter_row.source.setCurrentIndex(daily_post)
        filter_row.source.activated.emit(daily_post)
    qtbot.waitUntil(lambda: panel.summary.text().startswith("3 articles"), timeout=WAIT_MS)
    assert panel.summary.text() == "3 articles in Daily Post · 1 watched name has no articles"
    assert {name: figures[1] for name, figures in rows(panel).items()} == {"Heineken": "2", "Northbank Arena": "1"}


def test_export_coverage_counts_first_when_the_tab_was_never_shown(open_window, qtbot, tmp_path, data_dir):
    watchlists.save(data_dir, WATCHLIST)
    window = open_window(write_articles(tmp_path / "coverage"), wait=False)
    with qtbot.waitSignal(window.session.analysed, timeout=WAIT_MS):
        pass
    assert window.coverage.coverage is None and window.tabs.currentIndex() == 0
    with qtbot.waitSignal(window.session.coverage_exported, timeout=WAIT_MS) as written:
        window.coverage_export.export("pdf", tmp_path / "report")  # the format's suffix is added
    assert written.args[0] == [tmp_path / "report.pdf"]
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_the_coverage_scope_is_remembered_across_a_relaunch(open_window, articles_dir, qtbot):
    window = open_window(articles_dir)
    bar = window.coverage.scope_bar
    assert bar.scope.currentText() == "Whole library" and not bar.dates.isVisibleTo(bar)
    bar.scope.setCurrentText("Date range")
    bar.set_dates("2018-01-01", "2018-06-30")
    bar.by.setCurrentText("week")
    bar.per_outlet.setChecked(True)
    window.close()

    again = open_window(articles_dir).coverage.scope_bar
    assert again.scope.currentText() == "Date range" and again.dates.isVisibleTo(again)
    assert (again.by.currentText(), again.per_outlet.isChecked()) == ("week", True)
    counted = again.request("", Filters())
    assert (counted.scope.date_from, counted.scope.date_to, counted.by, counted.per_outlet) == (
        "2018-01-01",
        "2018-06-30",
        "week",
        True,
    )
