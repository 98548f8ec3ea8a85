"""Coverage reports written to files: XLSX, PDF, a folder of CSVs, and the charts as PNG or SVG.

Every file is written whole or not at all (a temporary file beside it, then renamed), and every failure is a
ReportError with a one-line message naming the target.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import ReaderError
from ..export import _inert
from ..paths import temporary_beside, write_whole
from .tables import Table, tables
from .values import Coverage

FORMATS = ("xlsx", "pdf", "csv", "png", "svg")  # csv, png and svg write a folder of files
IMAGE_FORMATS = ("png", "svg")
CHART_SIZE = (8.0, 4.8)  # inches, for a chart saved on its own


class ReportError(ReaderError):
    """A coverage report cannot be written: an unknown format, a chart that does not exist, an unwritable target."""


def write_report(coverage: Coverage, fmt: str, output: Path) -> list[Path]:
    """Write the coverage as `fmt` to `output` (a file for xlsx and pdf; a folder, made if missing, for csv and for
    png/svg: one file per table or chart). Returns the files written."""
    output = Path(output)
    try:
        if fmt == "xlsx":
            from .reports_xlsx import write_xlsx

            return [_whole(output, lambda tmp: write_xlsx(coverage, tmp))]
        if fmt == "pdf":
            from .reports_pdf import write_pdf

            return [_whole(output, lambda tmp: write_pdf(coverage, tmp))]
        if fmt == "csv":
            return _write_csvs(tables(coverage), output)
        if fmt in IMAGE_FORMATS:
            from .charts import CHARTS

            _folder(output)
            return [save_chart(coverage, chart, output / f"{chart}.{fmt}") for chart in CHARTS]
    except OSError as exc:
        raise ReportError(f"cannot write the coverage report to {output}: {exc.strerror or exc}") from exc
    raise ReportError(f"unknown report format {fmt!r} (choose {', '.join(FORMATS)})")


def save_chart(coverage: Coverage, chart: str, path: Path, names: Sequence[str] | None = None, size=CHART_SIZE) -> Path:
    """Draw one chart (a key of charts.CHARTS) and save it as PNG or SVG, the format taken from `path`'s suffix."""
    from .charts import CHARTS

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        raise ReportError(f"a chart is saved as .png or .svg, not {path.name!r}")
    if chart not in CHARTS:
        raise ReportError(f"unknown chart {chart!r} (choose {', '.join(CHARTS)})")
    figure = new_figure(size)
    CHARTS[chart](figure, coverage, names)
    try:
        return _whole(path, lambda tmp: figure.savefig(tmp, format=fmt, dpi=150))
    except OSError as exc:
        raise ReportError(f"cannot save the chart to {path}: {exc.strerror or exc}") from exc


def new_figure(size=CHART_SIZE):
    """A Figure that needs no GUI backend (never pyplot's), white, ready for a chart function."""
    from matplotlib.figure import Figure

    return Figure(figsize=size, facecolor="white")


def csv_text(table: Table) -> str:
    """The table as CSV; a cell a spreadsheet would take for a formula is written as text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(["" if cell is None else _inert(str(cell)) for cell in row])
    return out.getvalue()


def _write_csvs(all_tables: Sequence[Table], folder: Path) -> list[Path]:
    _folder(folder)
    written = []
    for table in all_tables:
        path = folder / f"{table.stem}.csv"
        write_whole(path, csv_text(table))
        written.append(path)
    return written


def _folder(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise ReportError(f"cannot write the coverage report into {path}: it is a file, not a folder")
    path.mkdir(parents=True, exist_ok=True)


def _whole(path: Path, write: Callable[[Path], object]) -> Path:
    """Have `write` make a temporary file beside `path`, then put it in `path`'s place."""
    if path.is_dir():
        raise ReportError(f"cannot write the coverage report to {path}: it is a folder")
    tmp = temporary_beside(path)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
