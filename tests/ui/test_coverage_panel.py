"""The Coverage view alone, on a Coverage built by hand (tests/core/coverage_samples.py): the table's figures, the
charts, and which articles a clicked cell, bar or point stands for."""

from dataclasses import replace

import pytest
from matplotlib.colors import to_hex
from PySide6.QtCore import QPoint, Qt

from reader.core.coverage.charts import PALETTE
from reader.core.coverage.values import NameCoverage
from reader.core.coverage.watchlist import Watched
from reader.ui.coverage_panel import CoveragePanel
from reader.ui.coverage_table import HEADERS
from reader.ui.session import LibrarySession
from tests.core.coverage_samples import sample_coverage


@pytest.fixture
def panel(qtbot, data_dir):
    session = LibrarySession(data_dir)
    panel = CoveragePanel(session)
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    session.coverage_ready.emit(sample_coverage())
    yield panel
    session.close()


def table_text(panel) -> list[list[str]]:
    model = panel.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_table_shows_each_names_figures(panel):
    assert HEADERS == ("Name", "Kind", "Articles", "Mentions", "Share of voice", "Headline", "Lede", "Caption",
                       "Quote", "Body", "Without sponsor")  # fmt: skip
    assert table_text(panel) == [
        ["Northbank", "sponsor", "4", "7", "66.7%", "2", "1", "1", "0", "0", "—"],
        ["Heineken", "sponsor", "2", "2", "33.3%", "1", "0", "0", "1", "0", "—"],
        ["Northbank Arena", "property", "2", "3", "—", "1", "0", "0", "0", "1", "1"],
    ]
    assert panel.summary.text() == "5 articles in 2026-01-01 to 2026-02-28"
    assert panel.selected_name() == "Northbank"  # the charts of one name show the first


def click_cell(qtbot, panel, row, column):
    rect = panel.table.visualRect(panel.table.model().index(row, column))
    qtbot.mouseClick(panel.table.viewport(), Qt.LeftButton, pos=rect.center())


def test_clicking_a_figure_in_the_table_names_its_articles(qtbot, panel):
    with qtbot.waitSignal(panel.articles_chosen) as chosen:
        click_cell(qtbot, panel, 0, 5)  # Northbank · headline
    assert chosen.args == ["Northbank · headline", ("jan/a1.txt", "feb/a4.txt")]
    with qtbot.waitSignal(panel.articles_chosen) as chosen:
        click_cell(qtbot, panel, 2, 10)  # the arena, named without its sponsor
    assert chosen.args == ["Northbank Arena · without its sponsor", ("jan/a3.txt",)]
    assert panel.selected_name() == "Northbank Arena"
    with qtbot.assertNotEmitted(panel.articles_chosen):
        click_cell(qtbot, panel, 1, 6)  # a zero: nothing to list
        click_cell(qtbot, panel, 1, 0)  # a name
        click_cell(qtbot, panel, 2, 4)  # "—": a property has no share of voice
        click_cell(qtbot, panel, 0, 10)  # "—": a sponsor is never named without itself


def click_artist(qtbot, canvas, artist):
    """A real mouse click in the middle of a bar or point, as matplotlib's Qt canvas receives it."""
    canvas.draw()
    box = artist.get_window_extent()
    ratio = canvas.device_pixel_ratio
    x, y = (box.x0 + box.x1) / 2 / ratio, (canvas.figure.bbox.height - (box.y0 + box.y1) / 2) / ratio
    qtbot.mouseClick(canvas, Qt.LeftButton, pos=QPoint(round(x), round(y)))


def test_clicking_a_bar_or_a_point_names_its_articles(qtbot, panel):
    charts = panel.charts
    charts.setCurrentIndex(2)  # placement
    canvas = charts.canvases["placement"]
    bar = next(a for a, (name, count) in canvas.picks.items() if name == "Heineken" and count.label == "quote")
    with qtbot.waitSignal(panel.articles_chosen) as chosen:
        click_artist(qtbot, canvas, bar)
    assert chosen.args == ["Heineken · quote", ("feb/a5.txt",)]

    charts.setCurrentIndex(0)  # over time
    canvas = charts.canvases["mentions"]
    point = next(a for a, (name, count) in canvas.picks.items() if name == "Northbank" and count.label == "2026-02")
    with qtbot.waitSignal(panel.articles_chosen) as chosen:
        click_artist(qtbot, canvas, point)
    assert chosen.args == ["Northbank · 2026-02", ("feb/a4.txt", "feb/a5.txt")]

    charts.setCurrentIndex(3)  # spokespeople of the selected name
    canvas = charts.canvases["spokespeople"]
    assert sorted(count.label for _, count in canvas.picks.values()) == ["Jane Smith", "Tom Brown"]
    click_cell(qtbot, panel, 1, 0)  # Heineken chosen in the table: its spokespeople
    assert [(name, count.label) for name, count in canvas.picks.values()] == [("Heineken", "Tom Brown")]
    assert canvas.figure.axes[0].get_title() == "Top spokespeople: Heineken"


def test_the_charts_colour_the_names_drawn_apart_however_many_are_watched(qtbot, panel):
    quiet = [NameCoverage(Watched(f"Quiet {i}"), (), 0, 0.0, (), (), (), (), ()) for i in range(5)]
    coverage = sample_coverage()
    panel.session.coverage_ready.emit(replace(coverage, names=(*quiet, *coverage.names)))  # 5 names never named
    panel.charts.setCurrentIndex(1)  # share of voice
    canvas = panel.charts.canvases["share_of_voice"]
    colours = {name: to_hex(artist.get_facecolor()) for artist, (name, _count) in canvas.picks.items()}
    assert colours == {"Northbank": PALETTE[0], "Heineken": PALETTE[1]}  # not those of the 6th and 7th names watched
