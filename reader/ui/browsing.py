"""Browsing the library: the search bar and the article list follow the session; choosing an article asks for it."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QItemSelectionModel, QObject, QSettings, Qt, Signal

from ..core.model import Filters, Hit, SearchResult
from .article_list import ArticleListView
from .article_model import FOLDER, ID_ROLE, WORDS, ArticleTableModel
from .search_bar import SearchBar
from .session import LibrarySession
from .session_values import ArticleRequest, Failed, LibraryChange, SearchFailed


class Browsing(QObject):
    search_finished = Signal(object)  # the SearchResult now listed; None: the library again, or the search failed

    def __init__(
        self,
        session: LibrarySession,
        search_bar: SearchBar,
        view: ArticleListView,
        model: ArticleTableModel,
        settings: QSettings,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.session, self.search_bar, self.view, self.model, self.settings = (
            session,
            search_bar,
            view,
            model,
            settings,
        )
        search_bar.query_changed.connect(self.search)
        search_bar.filters_changed.connect(lambda _filters: self._run(search_bar.text()))
        self._ranking = False  # a new query's results come in rank order; new filters keep the sort
        search_bar.step.connect(self.step)
        view.selectionModel().currentRowChanged.connect(self._on_current_row)
        view.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_changed)
        view.columns_changed.connect(lambda hidden: settings.setValue("list/hiddenColumns", ",".join(map(str, hidden))))
        session.library_changed.connect(self._on_changed)
        session.results.connect(self._show_results)
        model.snippets_wanted.connect(session.make_snippets)
        session.snippets_made.connect(model.set_snippets)
        session.failed.connect(self._on_failed)
        session.reveal.connect(self.show_article)
        self._result: SearchResult | None = None  # the search listed last, to list again after a figure's articles

    def restore(self) -> None:
        """The columns shown and the sort order, as the user left them."""
        self._restore_sort()
        hidden = cast(str, self.settings.value("list/hiddenColumns", f"{WORDS},{FOLDER}", str))  # typed as `object`
        self.view.set_hidden_columns({int(c) for c in hidden.split(",") if c.isdigit()})

    def _restore_sort(self) -> None:
        self.view.sortByColumn(
            cast(int, self.settings.value("list/sortColumn", -1, int)),
            Qt.SortOrder(cast(int, self.settings.value("list/sortOrder", 0, int))),
        )

    def _on_sort_changed(self, column: int, order) -> None:
        if not self.model.searching or not self.search_bar.text():  # results: rank order until the user sorts
            self.settings.setValue("list/sortColumn", column)
            self.settings.setValue("list/sortOrder", order.value)

    # ------------------------------------------------------------------ the library's rows

    def _on_changed(self, change: LibraryChange) -> None:
        if change.opened:
            self.model.set_rows([])
            self.search_bar.edit.clear()
            self.search_bar.filter_row.set_filters(Filters())  # the session forgot them with the library
        if change.listed is not None:
            self.model.set_rows(change.listed)
        if change.rows:
            self.model.upsert_rows(change.rows)
        if change.removed:
            self.model.remove_ids(change.removed)
        if change.listed is not None or change.rows or change.removed:
            self.search_bar.filter_row.set_sources(self.model.library_rows())
        if (change.listed or change.rows) and self.session.reading_id is None and self.model.rowCount():
            self.select_row(0)

    # ------------------------------------------------------------------ searching

    def search(self, text: str) -> None:
        self._ranking = True
        self._run(text)

    def _run(self, text: str) -> None:
        filters = self.search_bar.filters()
        self.session.search(text, filters)
        if not text and not filters:
            self._show_library()

    def search_entity(self, name: str) -> None:
        """List every article that mentions the entity `name`."""
        self.search_bar.set_text(f'entity:"{name}"')

    def _show_library(self) -> None:
        self.search_bar.hide_status()
        self.model.show_library()
        self.view.set_search_mode(False)
        self._restore_sort()
        self._reselect()
        self.search_finished.emit(None)

    def _show_results(self, result: SearchResult) -> None:
        self._result = result
        self.model.show_hits(result.hits, result.query)
        self.view.set_search_mode(True)
        if not result.query:  # the library, filtered: in the library's order
            self._restore_sort()
        elif self._ranking:
            self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # rank order
        self._ranking = False
        if result.total == 0:
            message = "No articles match."
        else:
            message = f"{result.total:,} {'article matches' if result.total == 1 else 'articles match'}"
        if result.notice:
            message += f" ({result.notice})"
        self.search_bar.show_info(message)
        self._reselect(first_if_missing=True)
        self.search_finished.emit(result)

    def show_articles(self, ids) -> int:
        """List only these articles, in this order (a coverage figure's), until a search or `show_again`; returns
        how many are listed."""
        rows = [r for r in map(self.model.library_row, ids) if r is not None]
        self.model.show_hits([Hit(r.id, r.title, r.date, 0.0, "") for r in rows])
        self.view.set_search_mode(False)  # one line each: they have no snippet
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the figure's order
        self._reselect(first_if_missing=True)
        return len(rows)

    def show_again(self) -> None:
        """The list as the search bar says: the last search's results, or the library."""
        if self.session.query and self._result is not None:
            self._show_results(self._result)
        else:
            self._show_library()

    def _on_failed(self, failure: Failed) -> None:
        if isinstance(failure, SearchFailed):
            self.search_bar.show_error(str(failure))
            self.search_finished.emit(None)

    # ------------------------------------------------------------------ choosing an article

    def _on_current_row(self, current, _previous) -> None:
        if current.isValid():
            self.session.load(ArticleRequest(current.data(ID_ROLE)))

    def show_article(self, article_id: str) -> None:
        """Select the article in the list if it is there (else the list keeps its search) and show it."""
        row = self.model.row_of(article_id)
        if row >= 0:
            self.select_row(row)
        else:
            self.session.load(ArticleRequest(article_id))

    def step(self, delta: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.view.currentIndex()
        self.select_row(0 if not current.isValid() else max(0, min(rows - 1, current.row() + delta)))

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)

    def _reselect(self, first_if_missing: bool = False) -> None:
        """Keep the article being read selected after the list changed (the session shows it again with its
        new hits); else pick the first."""
        reading = self.session.reading_id
        row = self.model.row_of(reading) if reading else -1
        if row >= 0:
            index = self.model.index(row, 0)
            selection = self.view.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.blockSignals(False)
            self.view.scrollTo(index)
        elif first_if_missing and self.model.rowCount():
            self.select_row(0)
