"""Retakes the README's screenshots of the window on a library, and renders the first page of a coverage report.

    DISPLAY=:99 QT_QPA_PLATFORM=xcb python docs/screenshots.py ARTICLES DATA [OUT]

ARTICLES is the library (the README's were taken on 1,500 articles from `python -m bench.corpus`, given a title,
an outlet and a 2026 date each, with the development part of bench/quality/ as plain articles, the two samples
and a saved web page from tests/data); DATA a data dir (bookmarks are added to it); OUT defaults to docs/.
Each shot waits for the window to settle, then grabs the window alone at 1280×800.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from reader.core.coverage import watchlist as watchlists
from reader.core.coverage.reports import write_report
from reader.core.coverage.values import Scope
from reader.core.library import Library
from reader.core.model import Filters
from reader.ui.app import make_app
from reader.ui.main_window import MainWindow

SIZE = (1280, 800)
QUERY = "sponsor* OR partner*"
FOLLOWED = ("Heineken", "Visa", "Coca-Cola", "Alibaba Group", "Samsung", "Toyota", "Allianz", "Omega")


def pause(ms: int) -> None:
    """Run the event loop for `ms`. Not QTest.qWait, which keeps the GIL while it sleeps: the session's
    worker threads crawl beside it (a 0.04 s read took 4 s)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(window: MainWindow, ms: int = 2500) -> None:
    pause(ms)
    while window.session.indexing:
        pause(250)
    pause(300)


def wait_for(window: MainWindow, done, ms: int = 60_000) -> None:
    waited = 0
    while not done() and waited < ms:
        pause(200)
        waited += 200
    settle(window, 1000)


def shoot(window: MainWindow, out: Path, name: str) -> None:
    window.grab().save(str(out / name))
    print("wrote", out / name)


def prepare(articles: Path, data: Path) -> None:
    """Index and analyse once, follow a few sponsors, and bookmark two quotes, through the core."""
    library = Library(articles, data)
    try:
        library.sync()
        library.analyze_all()
        followed = watchlists.Watchlist([w for w in watchlists.Watchlist.built_in() if w.name in FOLLOWED])
        watchlists.save(data, followed)
        if not library.all_bookmarks():
            for article_id, text in BOOKMARKS:
                library.add_bookmark_text(article_id, text, note="for the Q3 report", tags=("quotes",))
    finally:
        library.close()


BOOKMARKS = (
    ("002_30a533c32181acfe.txt", "transform the Olympic Games for the digital era"),
    ("000_1fa15833894f33b8.txt", "more people, more fans and better sports"),
)


def report_page(articles: Path, data: Path, out: Path) -> None:
    """The first page of the PDF coverage report of 2026, as a PNG."""
    import pypdfium2 as pdfium

    library = Library(articles, data)
    try:
        coverage = library.coverage(watchlists.load(data), Scope(date_from="2026-01-01", date_to="2026-12-31"))
    finally:
        library.close()
    pdf = out / "coverage-report.pdf"
    write_report(coverage, "pdf", pdf)
    page = pdfium.PdfDocument(pdf)[0]
    page.render(scale=1.4).to_pil().save(out / "coverage-report-page.png")
    pdf.unlink()
    print("wrote", out / "coverage-report-page.png")


def main(articles: Path, data: Path, out: Path) -> None:
    prepare(articles, data)
    app = make_app()
    window = MainWindow(data, articles)
    window.resize(*SIZE)
    window.show()
    settle(window, 4000)
    window.browsing.show_article("press/wn-croatia-england-semifinal.txt")
    settle(window)
    shoot(window, out, "screenshot-quotes.png")
    window.search_bar.set_search(QUERY, Filters(source="The Sponsorship Times"))
    wait_for(window, lambda: "match" in window.search_bar.status.text())
    window.browsing.step(1)
    settle(window)
    shoot(window, out, "screenshot-search.png")
    window.search_bar.set_search("", Filters())
    window.bookmarking.panel.show()
    window.browsing.show_article(BOOKMARKS[0][0])
    settle(window)
    shoot(window, out, "screenshot-bookmarks.png")
    window.bookmarking.panel.hide()
    window.browsing.show_article("pages/olympic-partner.html")
    settle(window)
    shoot(window, out, "screenshot-formats.png")
    window.tabs.setCurrentIndex(1)
    bar = window.coverage.scope_bar
    bar.set_dates("2026-01-01", "2026-11-30")
    bar.scope.setCurrentIndex(2)  # a date range: this season
    settle(window, 6000)
    shoot(window, out, "screenshot-coverage.png")
    window.close()
    app.processEvents()
    report_page(articles, data, out)


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    main(args[0], args[1], args[2] if len(args) > 2 else Path(__file__).parent)
