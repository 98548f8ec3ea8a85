"""The coverage report as a paginated A4 PDF (reportlab): the scope, the charts, the tables and the top quotes with
their citations. Long tables continue on the next page under their header row.

Text is set in DejaVu Sans (shipped with matplotlib), so names and quotes in any European script print; every
piece of article text is escaped, since reportlab's Paragraph reads markup.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from ..export import quote_citation
from .charts import CHARTS, EMPTY
from .reports import new_figure
from .tables import PERCENT, TEXT, Table, tables
from .values import Coverage

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
TOP_QUOTES = 5  # per name
PDF_TABLES = ("Names", "Periods", "Spokespeople", "Outlets", "Named without sponsor")  # Articles: XLSX and CSV
CHART_WIDTH = 7.0  # inches: A4 less its margins
MAX_COLUMN = 160.0  # points: a longer title wraps in its cell
CELL_SIZE, CELL_PADDING = 7.5, 3.0  # points


def write_pdf(coverage: Coverage, path: Path, made: date | None = None) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    _fonts()
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title="Coverage report", creator="Press Reader")  # fmt: skip
    story = _opening(coverage, made or date.today())
    if coverage.names and any(n.articles for n in coverage.names):
        story += _charts(coverage, doc.width) + _tables(coverage, doc.width) + _quotes(coverage)
    else:
        story.append(_para(EMPTY + ".", "body"))
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)


def _opening(coverage: Coverage, made: date) -> list:
    copies = "once per outlet" if coverage.per_outlet else "once (syndicated copies merged)"
    lines = [
        f"Scope: {coverage.scope.describe()}",
        f"{coverage.articles} articles in scope, by {coverage.by}; each article counted {copies}.",
        f"Made on {made.isoformat()} by Press Reader.",
    ]
    if coverage.unanalysed:
        lines.append(f"{coverage.unanalysed} articles in scope are not analysed yet and are not counted.")
    return [_para("Coverage report", "title"), *(_para(line, "body") for line in lines)]


def _charts(coverage: Coverage, width: float) -> list:
    from reportlab.platypus import Image

    out = [_para("Charts", "heading")]
    for draw in CHARTS.values():
        figure = new_figure((CHART_WIDTH, _chart_height(coverage)))
        if not draw(figure, coverage):
            continue  # nothing to draw for this chart (no speaker quoted, say)
        image = io.BytesIO()
        figure.savefig(image, format="png", dpi=200)
        image.seek(0)
        w, h = figure.get_size_inches()
        out.append(Image(image, width=width, height=width * h / w))
    return out


def _chart_height(coverage: Coverage) -> float:
    return min(8.0, max(3.0, 1.2 + 0.32 * len(coverage.names)))


def _tables(coverage: Coverage, width: float) -> list:
    out: list = []
    for table in tables(coverage):
        if table.title in PDF_TABLES and table.rows:
            out += [_para(table.title, "heading"), _table(table, width)]
    return out


def _table(table: Table, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import Table as Grid
    from reportlab.platypus import TableStyle

    header = [_para(c, "cell_bold") for c in table.columns]
    rows = [[_para(_cell(v, k), "cell" if k == TEXT else "number") for v, k in zip(row, table.kinds)]
            for row in table.rows]  # fmt: skip
    grid = Grid([header, *rows], colWidths=_column_widths(table, width), repeatRows=1)
    grid.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f2f2")]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))  # fmt: skip
    return grid


def _column_widths(table: Table, width: float) -> list[float]:
    """Each column as wide as its longest header word or cell (a long title wraps), the rest of the width shared by
    the text columns."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    needed = []
    for i, column in enumerate(table.columns):
        words = [stringWidth(w, BOLD, CELL_SIZE) for w in column.split()]
        cells = [stringWidth(_cell(row[i], table.kinds[i]), FONT, CELL_SIZE) for row in table.rows]
        needed.append(min(MAX_COLUMN, max(*words, *cells, 0.0)) + 2 * CELL_PADDING + 1)
    text = [i for i, kind in enumerate(table.kinds) if kind == TEXT] or list(range(len(needed)))
    spare = width - sum(needed)
    if spare < 0:
        return [w * width / sum(needed) for w in needed]
    return [w + (spare * w / sum(needed[j] for j in text) if i in text else 0) for i, w in enumerate(needed)]


def _cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == PERCENT:
        return f"{100 * value:.1f}%"
    return str(value)


def _quotes(coverage: Coverage) -> list:
    out: list = []
    for n in coverage.names:
        if n.quotes:
            out.append(_para(f"Top quotes: {n.name}", "subheading"))
            for q in n.quotes[:TOP_QUOTES]:
                out.append(_para(quote_citation(q.text, q.speaker, q.title, q.source, q.date), "quote"))
    return [_para("Quotes", "heading"), *out] if out else []


def _para(text: str, style: str):
    """A paragraph of plain text: escaped, so a title with "<" or "&" prints as it is."""
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), _styles()[style])


_STYLES: dict = {}


def _styles() -> dict:
    if not _STYLES:
        from reportlab.lib.styles import ParagraphStyle

        base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=3)
        _STYLES.update(
            body=base,
            title=ParagraphStyle("title", base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=8),
            heading=ParagraphStyle(
                "heading", base, fontName=BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=5, keepWithNext=1
            ),
            subheading=ParagraphStyle("subheading", base, fontName=BOLD, fontSize=10.5, spaceBefore=6, keepWithNext=1),
            quote=ParagraphStyle("quote", base, leftIndent=10, spaceAfter=5),
            cell=ParagraphStyle("cell", base, fontSize=CELL_SIZE, leading=9, spaceAfter=0),
            number=ParagraphStyle("number", base, fontSize=CELL_SIZE, leading=9, spaceAfter=0, alignment=2),
            cell_bold=ParagraphStyle("cell_bold", base, fontName=BOLD, fontSize=CELL_SIZE, leading=9, spaceAfter=0),
        )
    return _STYLES


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 7.5)
    canvas.drawRightString(
        doc.pagesize[0] - doc.rightMargin, doc.bottomMargin / 2, f"Coverage report · page {doc.page}"
    )
    canvas.restoreState()
