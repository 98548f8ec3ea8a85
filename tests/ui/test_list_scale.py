"""The article list with 50,000 articles: header clicks sort every column, the selection follows its article."""

import random
from dataclasses import replace

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QHeaderView

from reader.core.model import ArticleRow, Hit
from reader.ui.article_list import ArticleListView
from reader.ui.article_model import (
    COLUMNS,
    DATE,
    FOLDER,
    ID_ROLE,
    NAMES,
    QUOTES,
    SOURCE,
    TITLE,
    WORDS,
    ArticleTableModel,
)
from tests.ui.helpers import click_header

pytestmark = pytest.mark.slow  # 50,000 rows per test

N = 50_000
WORDS_TITLE = ("sponsor", "Olympic", "deal", "Brand", "partner", "games", "World", "cup", "Renewal", "bid")
SOURCES = ("Reuters", "AP", "reuters sport", "BBC", "Le Monde")


def synthetic_rows(n: int = N) -> list[ArticleRow]:
    """Rows with many ties (5 sources, a few thousand dates, unanalyzed articles) and mixed-case titles."""
    rnd = random.Random(7)
    rows = []
    for i in range(n):
        title = " ".join(rnd.choice(WORDS_TITLE) for _ in range(4)) + f" {rnd.randrange(10_000)}"
        date = None if i % 11 == 0 else f"20{rnd.randint(10, 24)}-{rnd.randint(1, 12):02}-{rnd.randint(1, 28):02}"
        analyzed = i % 5 != 0
        rows.append(
            ArticleRow(
                f"{rnd.randrange(100):02}/{i:05}.txt",
                title,
                date,
                rnd.choice(SOURCES),
                rnd.randint(40, 4_000),
                1_000 + i,
                1,
                f"h{i}",
                rnd.randint(0, 60) if analyzed else None,
                rnd.randint(0, 90) if analyzed else None,
            )
        )
    rnd.shuffle(rows)
    return rows


def shown_value(text: str, column: int):
    """What a reader compares in a cell: numbers as numbers, blank counts first, titles regardless of case."""
    if column in (WORDS, QUOTES, NAMES):
        return int(text.replace(",", "")) if text else -1
    if column == DATE:
        return "" if text == "—" else text
    return text.casefold()


def column_as_shown(view, column):
    model = view.model()
    return [
        (shown_value(model.index(r, column).data(), column), model.index(r, 0).data(ID_ROLE))
        for r in range(model.rowCount())
    ]


def click_row(qtbot, view, row):
    view.scrollTo(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(view.model().index(row, TITLE)).center())


def current_id(view):
    return view.currentIndex().data(ID_ROLE)


def selected_ids(view):
    return [i.data(ID_ROLE) for i in view.selectionModel().selectedRows()]


@pytest.fixture(scope="module")
def rows():
    return synthetic_rows()


@pytest.fixture
def view(qtbot, rows):
    model = ArticleTableModel()
    view = ArticleListView()
    view.setModel(model)
    model.setParent(view)
    model.set_rows(rows)
    view.resize(900, 600)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_clicking_each_header_sorts_all_50000_rows_both_ways_ties_in_id_order(qtbot, view, rows):
    header = view.horizontalHeader()
    expected_ids = sorted(r.id for r in rows)
    assert [view.model().index(r, 0).data(ID_ROLE) for r in (0, N - 1)] == [expected_ids[0], expected_ids[-1]]
    for column in range(len(COLUMNS)):
        orders = []
        for _ in range(2):
            click_header(qtbot, view, column)
            assert header.sortIndicatorSection() == column
            order = header.sortIndicatorOrder()
            orders.append(order)
            shown = column_as_shown(view, column)
            descending = order == Qt.DescendingOrder
            # Every line in order, and lines that tie on the column in id order, whichever the direction.
            want = sorted(shown, key=lambda v: v[1])
            want.sort(key=lambda v: v[0], reverse=descending)
            assert shown == want, f"{COLUMNS[column]} {order}"
            values = [shown_value(cell, column) for cell in _column_values(rows, column)]
            first, last = (max(values), min(values)) if descending else (min(values), max(values))
            assert (shown[0][0], shown[-1][0]) == (first, last)
        assert set(orders) == {Qt.AscendingOrder, Qt.DescendingOrder}


def _column_values(rows, column):
    """The cell text each row shows in `column`, as the list formats it."""
    if column == TITLE:
        return [r.title for r in rows]
    if column == DATE:
        return [r.date or "—" for r in rows]
    if column == SOURCE:
        return [r.source for r in rows]
    if column == WORDS:
        return [f"{r.words:,}" for r in rows]
    if column == FOLDER:
        return [r.id.rsplit("/", 1)[0] for r in rows]  # the ids are "NN/iiiii.txt": folder NN
    attr = "quotes" if column == QUOTES else "entities"
    return ["" if getattr(r, attr) is None else f"{getattr(r, attr):,}" for r in rows]


def test_rows_have_one_fixed_height_so_scrolling_to_the_end_measures_nothing(qtbot, view):
    assert view.verticalHeader().sectionResizeMode(0) == QHeaderView.Fixed
    header = view.horizontalHeader()
    assert QHeaderView.ResizeToContents not in {header.sectionResizeMode(c) for c in range(len(COLUMNS))}
    view.scrollToBottom()
    last = view.model().index(N - 1, TITLE)
    assert view.viewport().rect().contains(view.visualRect(last))
    assert view.indexAt(view.visualRect(last).center()) == last


def test_the_selected_article_stays_selected_when_a_header_is_clicked(qtbot, view):
    click_row(qtbot, view, 7)
    chosen = current_id(view)
    for column in (WORDS, TITLE, DATE, QUOTES):
        click_header(qtbot, view, column)
        assert current_id(view) == chosen
        assert selected_ids(view) == [chosen]
    view.sortByColumn(-1, Qt.AscendingOrder)
    assert current_id(view) == chosen


def test_rows_that_arrive_while_indexing_land_in_sorted_place(qtbot, view, rows):
    model = view.model()
    view.sortByColumn(WORDS, Qt.DescendingOrder)
    click_row(qtbot, view, 3)
    chosen = current_id(view)
    most = max(r.words for r in rows)
    longest = ArticleRow("zz/longest.txt", "Longest", None, "AP", most + 1, 1, 1, "x")
    middling = ArticleRow("zz/middling.txt", "Middling", None, "AP", 2_000, 1, 1, "y")
    model.upsert_rows([middling, longest])
    assert model.rowCount() == N + 2
    assert model.index(0, 0).data(ID_ROLE) == "zz/longest.txt"
    row = model.row_of("zz/middling.txt")
    words = [shown_value(model.index(r, WORDS).data(), WORDS) for r in (row - 1, row, row + 1)]
    assert words[0] >= 2_000 == words[1] >= words[2]
    assert current_id(view) == chosen and selected_ids(view) == [chosen]


def test_counts_found_by_analysis_move_an_article_to_its_place(qtbot, view, rows):
    model = view.model()
    click_header(qtbot, view, QUOTES)
    if view.horizontalHeader().sortIndicatorOrder() != Qt.DescendingOrder:
        click_header(qtbot, view, QUOTES)
    unanalyzed = next(r for r in rows if r.quotes is None)
    select = model.index(model.row_of(unanalyzed.id), 0)
    view.selectionModel().setCurrentIndex(select, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    assert model.row_of(unanalyzed.id) > N - N // 4  # blank counts sort last when descending
    top = max(r.quotes for r in rows if r.quotes is not None)
    model.upsert_rows([replace(unanalyzed, quotes=top + 5, entities=3)])
    assert model.index(0, 0).data(ID_ROLE) == unanalyzed.id
    assert model.index(0, QUOTES).data() == f"{top + 5}"
    assert current_id(view) == unanalyzed.id and model.rowCount() == N


def test_new_counts_in_unsorted_columns_update_just_those_lines(qtbot, view, rows):
    """A batch of analysed articles updates their lines in place: only those lines are repainted."""
    model = view.model()
    changed = [model.id_at(r) for r in (3, 4, 5, 900, 40_000)]
    ranges = []
    model.dataChanged.connect(lambda first, last, *_: ranges.append((first.row(), last.row(), last.column())))
    model.upsert_rows([replace(model.library_row(aid), quotes=7, entities=9) for aid in changed])
    assert sorted(ranges) == [(3, 5, FOLDER), (900, 900, FOLDER), (40_000, 40_000, FOLDER)]  # whole lines
    assert [model.index(model.row_of(aid), QUOTES).data() for aid in changed] == ["7"] * 5
    assert [model.id_at(r) for r in (3, 4, 5, 900, 40_000)] == changed  # sorted by id: nothing moved


def test_removed_articles_leave_and_the_selection_of_another_stays(qtbot, view, rows):
    model = view.model()
    view.sortByColumn(TITLE, Qt.AscendingOrder)
    click_row(qtbot, view, 10)
    chosen = current_id(view)
    gone = [model.index(r, 0).data(ID_ROLE) for r in (0, 1, 2, 9, 11, 500, N - 1)]
    model.remove_ids(gone)
    assert model.rowCount() == N - len(gone)
    assert not {model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())} & set(gone)
    assert current_id(view) == chosen and selected_ids(view) == [chosen]
    assert model.row_of(chosen) == 10 - 4


def test_search_results_sort_by_a_column_and_back_to_rank(qtbot, view, rows):
    model = view.model()
    ranked = rows[:30]
    model.show_hits([Hit(r.id, r.title, r.date, 1.0 / (n + 1), f"… {r.title} …") for n, r in enumerate(ranked)])
    view.sortByColumn(-1, Qt.AscendingOrder)
    assert [model.index(r, 0).data(ID_ROLE) for r in range(30)] == [r.id for r in ranked]
    click_header(qtbot, view, SOURCE)
    by_source = [model.index(r, SOURCE).data() for r in range(30)]
    assert by_source in (sorted(by_source, key=str.casefold), sorted(by_source, key=str.casefold, reverse=True))
    assert by_source != [r.source for r in ranked]
    view.sortByColumn(-1, Qt.AscendingOrder)
    assert [model.index(r, 0).data(ID_ROLE) for r in range(30)] == [r.id for r in ranked]
