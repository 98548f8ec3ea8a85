"""Writes the PDF samples in tests/data: a two-page clipping, a scanned page and a password-protected copy.

Re-run from the repo root after changing the text: `.venv/bin/python tests/data/make_pdf.py`.
The PDFs are committed, so the tests never need this script, Qt's PDF writer or pypdf.

The clipping is drawn the way a newspaper's print-to-PDF draws it: one drawText call per line, in a
fixed column, paragraphs marked only by a first-line indent, words broken with a hyphen at line ends
(a `|` in the text below is where a word is broken; `co-|founder` breaks after its own hyphen), a masthead at the top and "Page N of 2"
at the bottom of every page. The locked copy needs pypdf (`pip install pypdf`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMarginsF, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

HERE = Path(__file__).resolve().parent
MASTHEAD = "The Sponsorship Times · 12 March 2024"
HEADLINE = ["Northwind Energy signs eight-year", "partnership with World Rowing"]
BYLINE = "By Marta Lindqvist"
PARAGRAPHS = [
    "Northwind Energy has become the first global energy partner of World Rowing in an eight-year "
    "agreement that runs through the Los Angeles 2028 and Brisbane 2032 Olympic regattas, the "
    "federation announced on Tuesday in Lausanne.",
    "The deal, understood to be worth more than 40 million euros, is the largest commercial partner|ship "
    "in the sport's history and includes naming rights to the World Rowing Cup series from next season.",
    "Northwind co-|founder Ingrid Halvorsen said the company wanted its brand to be seen on the water "
    'rather than on billboards. "Rowing is a sport of patience, rhythm and trust," she said. "Those are '
    'the values we want people to think of when they think of clean power."',
    "Under the agreement, Northwind will fund battery-powered coaching launches at every World Rowing "
    "event and a develop|ment programme for coaches in twelve countries where the sport is still small. "
    "The federation said the launches would cut the fuel used at a regatta by about a third.",
    "World Rowing's chief executive said the federation had spoken to several potential sponsors over "
    'eighteen months before choosing Northwind. "We were looking for a partner who would still be '
    'with us when the cameras leave," he said, adding that the contract has clear environmental '
    "targets that both sides will report on every year.",
    "The announcement follows a difficult period for the federation's finances after two broad|casters "
    "ended their contracts early. Analysts said the agreement would give the sport a stable income at "
    "a time when many smaller Olympic federations are struggling to replace lost television revenue.",
    "Northwind, which is based in Bergen and employs about 3,000 people, already sponsors a sailing team "
    "and a cross-country skiing series in Norway. The company said more than half of its marketing "
    "budget would go to sport by 2026.",
]
MM = 1200 / 25.4  # QPdfWriter works in device units; 1200 dpi
PAGE_HEIGHT = 210 * MM  # A5: the text runs over onto page 2 in mid-paragraph
LEFT, TOP, COLUMN = 20 * MM, 15 * MM, 105 * MM  # a narrow fixed column, as a clipping has
INDENT = 6 * MM


def _lines(paragraph: str, metrics: QFontMetricsF, first_indent: float) -> list[tuple[float, str]]:
    """Greedy wrapping at the column width; a word with a `|` is always broken there, the line ending in a hyphen."""
    lines: list[tuple[float, str]] = []
    current, indent = "", first_indent
    for word in paragraph.split(" "):
        trial = f"{current} {word}".strip()
        if "|" in word:
            head, tail = word.split("|")
            lines.append((indent, f"{current} {head.rstrip('-')}-".strip()))
            current, indent = tail, 0.0
        elif metrics.horizontalAdvance(trial) <= COLUMN - indent:
            current = trial
        else:
            lines.append((indent, current))
            current, indent = word, 0.0
    lines.append((indent, current))
    return lines


def _writer(path: Path, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(1200)
    writer.setTitle(title)
    writer.setCreator("Press Reader test data")
    return writer


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Serif")
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def make_clipping(path: Path) -> None:
    # A title as word processors leave it: a file name, which the reader must not take as the headline.
    writer = _writer(path, "clipping_final.docx")
    painter = QPainter(writer)
    body, small = _font(10), _font(8)
    body_metrics = QFontMetricsF(body, writer)
    line_height = body_metrics.lineSpacing()
    page_bottom = PAGE_HEIGHT - 40 * MM  # so that a paragraph runs on over the page break
    page = 1

    def furniture() -> float:
        painter.setFont(small)
        painter.drawText(QPointF(LEFT, TOP), MASTHEAD)
        painter.drawText(QPointF(LEFT, PAGE_HEIGHT - 12 * MM), f"Page {page} of 2")
        return TOP + 12 * MM

    y = furniture()
    painter.setFont(_font(16, bold=True))
    for line in HEADLINE:
        painter.drawText(QPointF(LEFT, y), line)
        y += QFontMetricsF(painter.font(), writer).lineSpacing()
    y += 3 * MM
    painter.setFont(_font(9))
    painter.drawText(QPointF(LEFT, y), BYLINE)
    y += 9 * MM
    painter.setFont(body)
    for number, paragraph in enumerate(PARAGRAPHS):
        for indent, text in _lines(paragraph, body_metrics, INDENT if number else 0.0):
            if y > page_bottom:
                writer.newPage()
                page += 1
                y = furniture()
                painter.setFont(body)
            painter.drawText(QPointF(LEFT + indent, y), text)
            if "--show" in sys.argv:
                print(f"p{page} {indent / MM:4.1f}mm  {text}")
            y += line_height
    painter.end()


def make_scanned(path: Path) -> None:
    """A page that is only a picture of text, as a scanner makes: no text layer at all."""
    writer = _writer(path, "Scan 0042")
    image = QImage(800, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    picture = QPainter(image)
    picture.setFont(_font(20))
    picture.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "Sponsor news, scanned")
    picture.end()
    painter = QPainter(writer)
    painter.drawImage(QPointF(LEFT, TOP), image)
    painter.end()


def make_locked(source: Path, path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="press", owner_password="reader", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # fonts need a GUI application, even offscreen
    make_clipping(HERE / "clipping.pdf")
    make_scanned(HERE / "scanned.pdf")
    make_locked(HERE / "clipping.pdf", HERE / "locked.pdf")
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
