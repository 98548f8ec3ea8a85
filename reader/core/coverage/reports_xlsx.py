"""The coverage report as an XLSX workbook (openpyxl): one sheet per table, the last naming every article counted.

Dates are ISO text (2026-01-05), as the library holds them; share of voice is a fraction shown as a percentage.
"""

from __future__ import annotations

from pathlib import Path

from .tables import INTEGER, PERCENT, Table, tables
from .values import Coverage

MIN_WIDTH, MAX_WIDTH = 8, 60  # characters


def write_xlsx(coverage: Coverage, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table in tables(coverage):
        _sheet(book.create_sheet(table.title), table)
    book.save(path)


def _sheet(sheet, table: Table) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append(table.columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(table.rows, start=2):
        for c, (value, kind) in enumerate(zip(row, table.kinds), start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with "=": never a formula
            elif kind == PERCENT:
                cell.number_format = "0.0%"
            elif kind == INTEGER:
                cell.number_format = "0"
    sheet.freeze_panes = "A2"
    for c, column in enumerate(table.columns, start=1):
        longest = max([len(column), *(len(str(row[c - 1])) for row in table.rows if row[c - 1] is not None)])
        sheet.column_dimensions[get_column_letter(c)].width = min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))
