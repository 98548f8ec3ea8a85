"""Coverage reports read back: the XLSX with openpyxl, the CSVs with csv, the PDF's text with pypdfium2; the charts'
clickable bars lead to the right Counts, and each chart saves as PNG or SVG."""

from __future__ import annotations

import csv
import itertools
import os
import sys
from dataclasses import replace

import openpyxl
import pypdfium2 as pdfium
import pytest

from reader.core.coverage import charts
from reader.core.coverage.reports import ReportError, new_figure, save_chart, write_report
from reader.core.coverage.values import Count
from tests.core.coverage_samples import empty_coverage, sample_coverage

NAMES_ROWS = [
    ("name", "kind", "articles", "mentions", "share of voice", "headline", "lede", "caption", "quote", "body",
     "named without sponsor"),
    ("Northbank", "sponsor", 4, 7, 4 / 6, 2, 1, 1, 0, 0, None),
    ("Heineken", "sponsor", 2, 2, 2 / 6, 1, 0, 0, 1, 0, None),
    ("Northbank Arena", "property", 2, 3, None, 1, 0, 0, 0, 1, 1),
]  # fmt: skip
PERIODS_ROWS = [
    ("name", "period", "articles"),
    ("Northbank", "2026-01", 2), ("Northbank", "2026-02", 2),
    ("Heineken", "2026-01", 0), ("Heineken", "2026-02", 2),
    ("Northbank Arena", "2026-01", 2), ("Northbank Arena", "2026-02", 0),
]  # fmt: skip
SPOKESPEOPLE_ROWS = [
    ("name", "speaker", "quotes"),
    ("Northbank", "Jane Smith", 2), ("Northbank", "Tom Brown", 1), ("Heineken", "Tom Brown", 1),
]  # fmt: skip
OUTLETS_ROWS = [
    ("name", "source", "articles"),
    ("Northbank", "The Courier", 1), ("Northbank", "Daily Post", 2), ("Northbank", "Evening Star", 1),
    ("Heineken", "Daily Post", 1), ("Heineken", "Evening Star", 1), ("Northbank Arena", "The Courier", 2),
]  # fmt: skip
WITHOUT_ROWS = [
    ("property", "title", "source", "date", "file"),
    ("Northbank Arena", "Fans queue at City Stadium", "The Courier", "2026-01-20", "jan/a3.txt"),
]
A1 = ("Northbank signs arena deal", "The Courier", "2026-01-05", "jan/a1.txt")
A2 = ("Derby day preview", "Daily Post", "2026-01-12", "jan/a2.txt")
A3 = ("Fans queue at City Stadium", "The Courier", "2026-01-20", "jan/a3.txt")
A4 = ("Heineken and Northbank renew", "Daily Post", "2026-02-02", "feb/a4.txt")
A5 = ("Cup final: a night to remember", "Evening Star", "2026-02-14", "feb/a5.txt")
ARTICLES_ROWS = [
    ("name", "figure", "title", "source", "date", "file", "placement"),
    ("Northbank", "articles", *A1, "headline"), ("Northbank", "articles", *A2, "lede"),
    ("Northbank", "articles", *A4, "headline"), ("Northbank", "articles", *A5, "caption"),
    ("Northbank", "period: 2026-01", *A1, "headline"), ("Northbank", "period: 2026-01", *A2, "lede"),
    ("Northbank", "period: 2026-02", *A4, "headline"), ("Northbank", "period: 2026-02", *A5, "caption"),
    ("Northbank", "speaker: Jane Smith", *A1, "headline"), ("Northbank", "speaker: Tom Brown", *A4, "headline"),
    ("Northbank", "outlet: The Courier", *A1, "headline"), ("Northbank", "outlet: Daily Post", *A2, "lede"),
    ("Northbank", "outlet: Daily Post", *A4, "headline"), ("Northbank", "outlet: Evening Star", *A5, "caption"),
    ("Heineken", "articles", *A4, "headline"), ("Heineken", "articles", *A5, "quote"),
    ("Heineken", "period: 2026-02", *A4, "headline"), ("Heineken", "period: 2026-02", *A5, "quote"),
    ("Heineken", "speaker: Tom Brown", *A4, "headline"),
    ("Heineken", "outlet: Daily Post", *A4, "headline"), ("Heineken", "outlet: Evening Star", *A5, "quote"),
    ("Northbank Arena", "articles", *A1, "body"), ("Northbank Arena", "articles", *A3, "headline"),
    ("Northbank Arena", "period: 2026-01", *A1, "body"), ("Northbank Arena", "period: 2026-01", *A3, "headline"),
    ("Northbank Arena", "outlet: The Courier", *A1, "body"), ("Northbank Arena", "outlet: The Courier", *A3, "headline"),
    ("Northbank Arena", "named without sponsor", *A3, "headline"),
]  # fmt: skip
SHEETS = {
    "Names": NAMES_ROWS,
    "Periods": PERIODS_ROWS,
    "Spokespeople": SPOKESPEOPLE_ROWS,
    "Outlets": OUTLETS_ROWS,
    "Named without sponsor": WITHOUT_ROWS,
    "Articles": ARTICLES_ROWS,
}
CSV_FILES = dict(zip(("names", "periods", "spokespeople", "outlets", "named_without_sponsor", "articles"), SHEETS))


def test_the_xlsx_holds_every_table_as_a_sheet_with_every_value_exact(tmp_path):
    target = tmp_path / "coverage.xlsx"
    assert write_report(sample_coverage(), "xlsx", target) == [target]
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == list(SHEETS)
    for title, rows in SHEETS.items():
        sheet = book[title]
        assert list(sheet.values) == rows, title
        assert sheet.freeze_panes == "A2" and all(cell.font.b for cell in sheet[1])
    assert book["Names"]["E2"].number_format == "0.0%"
    assert [p.name for p in tmp_path.iterdir()] == ["coverage.xlsx"]  # no temporary file left beside it


def test_a_title_that_looks_like_a_formula_stays_text_in_the_xlsx(tmp_path):
    coverage = sample_coverage()
    arena = coverage.names[2]
    odd = replace(arena.named_without_sponsor[0], title="=HYPERLINK(1)")
    coverage = replace(coverage, names=(*coverage.names[:2], replace(arena, named_without_sponsor=(odd,))))
    write_report(coverage, "xlsx", tmp_path / "c.xlsx")
    assert openpyxl.load_workbook(tmp_path / "c.xlsx")["Named without sponsor"]["B2"].value == "=HYPERLINK(1)"


def test_the_csv_report_is_a_folder_of_one_file_per_table(tmp_path):
    folder = tmp_path / "made" / "here"
    paths = write_report(sample_coverage(), "csv", folder)
    assert [p.name for p in paths] == [f"{stem}.csv" for stem in CSV_FILES]
    for stem, title in CSV_FILES.items():
        with open(folder / f"{stem}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        expected = [["" if v is None else str(v) for v in row] for row in SHEETS[title]]
        assert rows == expected, stem


def pdf_text(path) -> str:
    document = pdfium.PdfDocument(path)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def test_the_pdf_states_the_scope_the_figures_and_a_quote_with_its_citation(tmp_path):
    target = tmp_path / "coverage.pdf"
    assert write_report(sample_coverage(), "pdf", target) == [target]
    text = " ".join(pdf_text(target).split())
    assert "Coverage report" in text and "Scope: 2026-01-01 to 2026-02-28" in text
    assert "5 articles in scope, by month" in text
    assert "Northbank sponsor 4 7 66.7% 2 1 1 0 0" in text
    assert "Heineken sponsor 2 2 33.3% 1 0 0 1 0" in text
    assert "Northbank Arena property 2 3 1 0 0 0 1 1" in text
    assert "Northbank Arena Fans queue at City Stadium The Courier 2026-01-20 jan/a3.txt" in text
    assert (
        '"This deal puts Northbank at the heart of the city" — Jane Smith, Northbank signs arena deal '
        "(The Courier, 2026-01-05)" in text
    )


def test_a_pdf_over_an_empty_scope_says_so(tmp_path):
    write_report(empty_coverage(), "pdf", tmp_path / "empty.pdf")
    text = " ".join(pdf_text(tmp_path / "empty.pdf").split())
    assert "results of “nothing matches”" in text and charts.EMPTY in text


def test_a_long_table_continues_on_the_next_page_under_its_header(tmp_path):
    coverage = sample_coverage()
    nb = coverage.names[0]
    many = tuple(Count(f"Outlet number {i}", 1, ("jan/a1.txt",)) for i in range(120))
    coverage = replace(coverage, names=(replace(nb, sources=many), *coverage.names[1:]))
    write_report(coverage, "pdf", tmp_path / "long.pdf")
    document = pdfium.PdfDocument(tmp_path / "long.pdf")
    pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    document.close()
    holding = [p for p in pages if "Outlet number" in p]
    assert len(holding) >= 2 and all("name source articles" in " ".join(p.split()) for p in holding)
    rows = " ".join(" ".join(holding).split())
    assert all(f"Northbank Outlet number {i} 1 " in rows for i in range(120))


def picks_by_name_and_label(picks):
    return {(name, count.label): count for _, name, count in picks}


def test_each_chart_returns_its_bars_with_the_counts_behind_them():
    coverage = sample_coverage()
    nb, hk, arena = coverage.names
    figure = new_figure()
    picks = charts.mentions_over_time(figure, coverage, ["Heineken"])
    assert picks_by_name_and_label(picks) == {
        ("Heineken", c.label): c for c in hk.periods if c.value
    }  # empty: no point
    assert all(artist.get_picker() for artist, _, _ in picks)

    picks = charts.share_of_voice(figure, coverage)
    assert [(name, count.articles) for _, name, count in picks] == [
        ("Northbank", ("jan/a1.txt", "jan/a2.txt", "feb/a4.txt", "feb/a5.txt")),
        ("Heineken", ("feb/a4.txt", "feb/a5.txt")),
    ]
    assert [bar.get_width() for bar, _, _ in picks] == pytest.approx([100 * 4 / 6, 100 * 2 / 6])

    picks = charts.placement(figure, coverage)
    assert picks_by_name_and_label(picks) == {
        (n.name, c.label): c for n in (nb, hk, arena) for c in n.placement if c.value
    }
    picks = charts.top_outlets(figure, coverage, top=2)
    assert [(name, c.label, c.value) for _, name, c in picks] == [
        ("Northbank", "Daily Post", 2),
        ("Northbank Arena", "The Courier", 2),
    ]
    picks = charts.top_spokespeople(figure, coverage, ["Northbank"])
    assert [(c.label, c.articles) for _, _, c in picks] == [
        ("Jane Smith", ("jan/a1.txt",)),
        ("Tom Brown", ("feb/a4.txt",)),
    ]


def test_a_name_keeps_its_colour_in_every_chart():
    coverage = sample_coverage()
    figure = new_figure()
    line = charts.mentions_over_time(figure, coverage, ["Heineken"])[0][0].get_color()
    bar = next(a for a, name, _ in charts.share_of_voice(figure, coverage) if name == "Heineken").get_facecolor()
    from matplotlib.colors import to_hex

    assert to_hex(line) == to_hex(bar) == charts.colours(coverage)["Heineken"]


def test_an_empty_scope_draws_a_clear_message_and_nothing_to_click():
    figure = new_figure()
    for draw in charts.CHARTS.values():
        assert draw(figure, empty_coverage()) == []
        assert [t.get_text() for t in figure.texts] == [charts.EMPTY]


def test_many_names_and_periods_keep_their_labels_apart():
    coverage = sample_coverage()
    nb = coverage.names[0]
    periods = tuple(Count(f"20{20 + i // 12}-{i % 12 + 1:02}", i % 3, ()) for i in range(40))
    names = tuple(replace(nb, watched=replace(nb.watched, name=f"Sponsor {i}"), periods=periods) for i in range(20))
    coverage = replace(coverage, names=names)
    figure = new_figure()
    charts.mentions_over_time(figure, coverage)
    figure.canvas.draw()
    ticks = [t for t in figure.axes[0].get_xticklabels() if t.get_text()]
    assert len(ticks) <= charts.MAX_TICKS
    boxes = [t.get_window_extent() for t in ticks]
    assert not any(a.overlaps(b) for a, b in itertools.pairwise(boxes))


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_each_chart_saves_as_png_or_svg(tmp_path, suffix):
    paths = write_report(sample_coverage(), suffix, tmp_path / "charts")
    assert [p.name for p in paths] == [f"{chart}.{suffix}" for chart in charts.CHARTS]
    assert all(p.stat().st_size > 1000 for p in paths)
    one = save_chart(sample_coverage(), "placement", tmp_path / f"one.{suffix.upper()}")
    assert one.read_bytes()[:8] in (b"\x89PNG\r\n\x1a\n", b"<?xml ve")


def test_a_bad_format_chart_or_target_is_one_line(tmp_path):
    coverage = sample_coverage()
    cases = [
        lambda: write_report(coverage, "docx", tmp_path / "x.docx"),
        lambda: save_chart(coverage, "placement", tmp_path / "x.jpg"),
        lambda: save_chart(coverage, "pie", tmp_path / "x.png"),
        lambda: write_report(coverage, "xlsx", tmp_path / "missing" / "x.xlsx"),
        lambda: write_report(coverage, "pdf", tmp_path),
        lambda: write_report(coverage, "csv", tmp_path / "file.txt"),
    ]
    (tmp_path / "file.txt").write_text("not a folder")
    for case in cases:
        with pytest.raises(ReportError) as caught:
            case()
        assert len(str(caught.value).splitlines()) == 1 and str(caught.value)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="permissions do not bind here")
def test_an_unwritable_folder_is_a_report_error_naming_it(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ReportError, match="cannot write the coverage report to .*locked"):
            write_report(sample_coverage(), "xlsx", locked / "c.xlsx")
    finally:
        locked.chmod(0o700)


def test_a_stray_old_article_leaves_a_gap_not_a_squeezed_chart():
    coverage = sample_coverage()
    nb = coverage.names[0]
    months = [f"{year}-{month:02}" for year in range(1996, 2027) for month in range(1, 13)][2:-6]  # 1996-03 … 2026-06
    busy = {"1996-03": 1, "2026-01": 2, "2026-02": 0, "2026-03": 4, "2026-06": 1}
    periods = tuple(Count(m, busy.get(m, 0), ("a.txt",) * busy.get(m, 0)) for m in months)
    coverage = replace(coverage, names=(replace(nb, periods=periods),))
    figure = new_figure()
    picks = charts.mentions_over_time(figure, coverage)
    figure.canvas.draw()
    ax = figure.axes[0]
    assert ax.get_xlim() == (-0.5, 7.5)  # 1996-03, "…", then the six months of 2026: not 364 months
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[:2] == ["1996-03", charts.GAP_LABEL] and "2026-06" in labels
    assert sorted(c.label for _, _, c in picks) == ["1996-03", "2026-01", "2026-03", "2026-06"]  # each still clickable
    (line,) = [line for line in ax.get_lines() if len(line.get_xdata()) > 1]
    assert list(line.get_xdata())[:3] == [0, 1, 2] and str(line.get_ydata()[1]) == "nan"  # broken at the gap


def test_long_empty_runs_before_the_first_and_after_the_last_article_are_left_out():
    coverage = sample_coverage()
    nb = coverage.names[0]
    months = [f"{year}-{month:02}" for year in (2024, 2025, 2026) for month in range(1, 13)]
    busy = {"2025-03": 2, "2025-05": 1}  # fourteen empty months before, nineteen after
    periods = tuple(Count(m, busy.get(m, 0), ("a.txt",) * busy.get(m, 0)) for m in months)
    coverage = replace(coverage, names=(replace(nb, periods=periods),))
    figure = new_figure()
    picks = charts.mentions_over_time(figure, coverage)
    ax = figure.axes[0]
    assert ax.get_xlim() == (-0.5, 2.5)  # 2025-03, 2025-04, 2025-05: no "…" at either end
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025-03", "2025-04", "2025-05"]
    assert sorted(c.label for _, _, c in picks) == ["2025-03", "2025-05"]
