"""The articles behind a coverage figure, in the article list: a banner above it says which figure
("Heineken · headline: 3 articles") and Back returns to the list as it was (the library, or the search's results)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from .browsing import Browsing


class ChosenArticles(QObject):
    """Shows a figure's articles in the list until Back, or until a search replaces them."""

    def __init__(self, browsing: Browsing, parent: QObject | None = None):
        super().__init__(parent)
        self.browsing = browsing
        self.banner = QFrame()
        self.banner.setObjectName("chosenBanner")
        self.label = QLabel()
        self.label.setObjectName("chosenLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # names come from the watchlist and the articles
        self.back_button = QPushButton("Back")
        self.back_button.setToolTip("Back to the list as it was")
        self.back_button.clicked.connect(self.back)
        layout = QHBoxLayout(self.banner)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.back_button)
        self.banner.hide()
        browsing.search_finished.connect(lambda _result: self.banner.hide())  # a search lists other articles

    def show(self, what: str, ids: Sequence[str]) -> None:
        """List exactly `ids` (a figure's articles, in its order) under a banner saying `what` they are."""
        shown = self.browsing.show_articles(ids)
        self.label.setText(f"{what}: {shown:,} {'article' if shown == 1 else 'articles'}")
        self.banner.show()

    @property
    def showing(self) -> bool:
        return not self.banner.isHidden()

    def back(self) -> None:
        """The list as it was before: the library, or the search's results."""
        if self.showing:
            self.banner.hide()
            self.browsing.show_again()
