"""A search's results written out as the list shows them: CSV or an Excel workbook (XLSX), one row a hit."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ReaderError
from .export import _inert
from .paths import temporary_beside, write_whole

FORMATS = ("csv", "xlsx")
COLUMNS = ("title", "source", "date", "file", "score", "snippet")
SNIPPET_BATCH = 200  # hits whose snippets are made at a time, for those the list had not shown yet


class ResultsExportError(ReaderError):
    """The results could not be written; the message says where and why, in one line."""


@dataclass(frozen=True)
class ResultRow:
    """One hit as the list shows it; `snippet` None until made (`write_results` makes it)."""

    article_id: str  # also its file, relative to the articles folder
    title: str
    source: str
    date: str | None
    score: float
    snippet: str | None = None

    def cells(self) -> tuple[str, str, str, str, float, str]:
        return self.title, self.source, self.date or "", self.article_id, round(self.score, 4), self.snippet or ""


def format_of(path: Path) -> str | None:
    """ "csv" or "xlsx" by the file's extension; None for any other."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def write_results(
    path: Path,
    rows: Sequence[ResultRow],
    snippets_of: Callable[[list[str]], Mapping[str, tuple[str, object]]] | None = None,
) -> int:
    """Write `rows`, in their order, to `path` as CSV or XLSX (by its extension), whole or not at all.

    The snippets not made yet are asked of `snippets_of(article ids)` (a `Library.snippets` for the query),
    a batch at a time. Returns the number of rows written; ResultsExportError if it cannot be written.
    """
    path = Path(path)
    fmt = format_of(path)
    if fmt is None:
        raise ResultsExportError(f"cannot export to {path.name}: name it .csv or .xlsx")
    if path.is_dir():
        raise ResultsExportError(f"cannot write {path}: it is a folder; give a file name")
    complete = list(_with_snippets(rows, snippets_of))
    try:
        if fmt == "csv":
            write_whole(path, _csv(complete))
        else:
            _save_xlsx(path, complete)
    except OSError as exc:
        raise ResultsExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return len(complete)


def _with_snippets(rows: Sequence[ResultRow], snippets_of) -> Iterable[ResultRow]:
    for start in range(0, len(rows), SNIPPET_BATCH):
        batch = rows[start : start + SNIPPET_BATCH]
        wanted = [r.article_id for r in batch if r.snippet is None]
        made = snippets_of(wanted) if wanted and snippets_of is not None else {}
        for r in batch:
            found = made.get(r.article_id)
            yield r if r.snippet is not None or found is None else replace(r, snippet=found[0])


def _csv(rows: Iterable[ResultRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([cell if isinstance(cell, float) else _inert(cell) for cell in row.cells()])
    return out.getvalue()


def _save_xlsx(path: Path, rows: Iterable[ResultRow]) -> None:
    """A workbook of one sheet, "Results": a bold header row kept in view, then one row a hit."""
    from openpyxl import Workbook  # only exports need it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Results")
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEF", (50, 18, 12, 40, 8, 90)):
        sheet.column_dimensions[letter].width = width
    header = []
    for name in COLUMNS:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        # a cell's text is stored as text, never as a formula; XML cannot hold most control characters
        sheet.append(
            [c if isinstance(c, float) else _text_cell(sheet, ILLEGAL_CHARACTERS_RE.sub("", c)) for c in row.cells()]
        )
    tmp = temporary_beside(path)
    try:
        book.save(tmp)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _text_cell(sheet, text: str):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # "=SUM(…)" in a title stays text
    return cell
