"""Excel workbooks (openpyxl, read-only mode): member lists and call trackers as record rows.

Each visible worksheet is a table whose first non-empty row is the header, like a CSV file
(docs/record-schema.md); a sheet named "Calls" or "Clusters" says what its rows are. Sheets whose
header names no schema field (notes, charts' data) are left out with a one-line problem.

Limits: the ZIP container passes :func:`corpus.files.ooxml.check_zip_bomb` before openpyxl opens
it, and at most :data:`MAX_CELLS` cells are read in all. openpyxl's read-only mode streams the
sheet XML, but it pads the rows it yields up to the sheet's widest row, so a sheet of a few bytes
with one cell in column XFD and row 1,048,576 would otherwise be billions of empty cells to walk:
the cell budget counts what openpyxl yields, not what the file declares.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import openpyxl
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from corpus.errors import EmptyDocument, InvalidInput
from corpus.files._fields import Scalar
from corpus.files._readers import KINDS, MAX_COLUMNS, ReaderItem, Row, field_key
from corpus.files.ooxml import check_zip_bomb

MAX_CELLS = 1_000_000
"""Cells read from one workbook (a 10,000-member list of 20 columns is 200,000)."""


def xlsx_rows(data: bytes, *, name: str, known_fields: frozenset[str]) -> Iterator[ReaderItem]:
    """Rows of every visible worksheet with a header, labelled ``<sheet> row N`` (Excel numbering).

    ``known_fields`` are the schema's field names: a sheet whose header has none of them is not a
    table of records and is reported (as a ``None`` row) instead of read.

    Raises:
        InvalidInput: zip bomb, corrupt or encrypted workbook, over :data:`MAX_CELLS` cells, a
            header over :data:`MAX_COLUMNS` columns or with a column twice.
        EmptyDocument: no worksheet holds any cell.
    """
    check_zip_bomb(data, name=name, kind="XLSX")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # KeyError, BadZipFile, XML errors, InvalidFileException on damaged files
        raise InvalidInput(
            f"corrupt XLSX '{name}': {_reason(exc)}; re-save it from Excel and try again"
        ) from exc
    budget = _CellBudget(name)
    any_cell = False
    try:
        for sheet in workbook.worksheets:
            if not isinstance(sheet, ReadOnlyWorksheet) or sheet.sheet_state != "visible":
                continue
            for item in _sheet_rows(sheet, name=name, budget=budget, known_fields=known_fields):
                any_cell = True
                yield item
    finally:
        workbook.close()
    if not any_cell:
        raise EmptyDocument(f"'{name}' has no filled cells; nothing to ingest")


class _CellBudget:
    def __init__(self, name: str) -> None:
        self.name = name
        self.used = 0

    def spend(self, cells: int) -> None:
        self.used += cells
        if self.used > MAX_CELLS:
            raise InvalidInput(
                f"'{self.name}' has more than {MAX_CELLS:,} cells (empty ones count up to the last used "
                "row and column); delete stray cells far below or right of the table, or split the workbook"
            )


def _sheet_rows(
    sheet: ReadOnlyWorksheet, *, name: str, budget: _CellBudget, known_fields: frozenset[str]
) -> Iterator[ReaderItem]:
    rows = sheet.iter_rows(values_only=True)
    header: list[str] | None = None
    number = 0
    for values in rows:
        number += 1
        budget.spend(max(len(values), 1))
        cells = [_scalar(value) for value in values]
        if not any(_filled(cell) for cell in cells):
            continue
        if header is None:
            header = _header(cells, sheet=sheet.title, name=name)
            if not known_fields.intersection(header):
                yield (
                    f"sheet '{sheet.title}': no record columns in its first row (e.g. 'name' for "
                    "clusters, 'identifier' and 'title' for calls); sheet skipped",
                    None,
                    None,
                )
                return
            continue
        label = f"sheet '{sheet.title}' row {number}"
        extra = [cell for cell in cells[len(header) :] if _filled(cell)]
        if extra:
            yield f"{label}: has values right of the last header column; give that column a name", None, None
            continue
        row: Row = {key: cell for key, cell in zip(header, cells, strict=False) if key and _filled(cell)}
        yield label, row, KINDS.get(field_key(sheet.title))


def _header(cells: list[Scalar], *, sheet: str, name: str) -> list[str]:
    while cells and not _filled(cells[-1]):
        cells = cells[:-1]
    if len(cells) > MAX_COLUMNS:
        raise InvalidInput(
            f"'{name}' sheet '{sheet}' has {len(cells)} columns (limit {MAX_COLUMNS}); "
            "keep only the schema's columns"
        )
    keys = [field_key(str(cell)) if cell is not None else "" for cell in cells]
    duplicates = sorted({key for key in keys if key and keys.count(key) > 1})
    if duplicates:
        raise InvalidInput(
            f"'{name}' sheet '{sheet}' has the column '{duplicates[0]}' twice; keep one of them"
        )
    return keys


def _scalar(value: Any) -> Scalar:
    """A cell value as the CSV/JSON readers give it: text, number, bool, ISO date, or None."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _filled(cell: Scalar) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
