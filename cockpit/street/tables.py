"""Ledgers (台账) and exports as tables: CSV in UTF-8, UTF-8 with BOM or GB18030, or XLSX.

Real files are made for people, not programs (DESIGN.md 1.5): a notes sheet before the data, a title
row above the header, header cells merged across two rows, Chinese column names with line breaks in
them, ids that Excel turned into numbers. :func:`read_table` finds the header row as the first row
holding every wanted column (after merged cells are filled in), keeps the file's row numbers for
messages, and hands back plain Python values.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Iterable

from cockpit.street.problems import stop

HEADER_SEARCH_ROWS = 30
"""The header row must be among the first rows of the file or sheet."""
_SPACE = re.compile(r"\s+")


def normalise_header(name: object) -> str:
    """A column name without any whitespace (Excel headers carry line breaks and padding)."""
    return _SPACE.sub("", str(name)) if name is not None else ""


def detect_encoding(data: bytes) -> str:
    """``utf-8-sig`` (BOM), ``utf-8`` or ``gb18030``, whichever decodes ``data`` strictly.

    GB18030 is a superset of GBK and GB2312; UTF-8 is tried first because a Chinese GB18030 text is
    almost never valid UTF-8, while the reverse decodes to nonsense without an error.

    Raises
    ------
    UnicodeDecodeError
        Not text in any of them.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data.decode("utf-8-sig")
        return "utf-8-sig"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        data.decode("gb18030")
        return "gb18030"


@dataclass(frozen=True)
class Table:
    """Rows of a ledger under its header; ``row_numbers`` are the file's own (1-based) for messages."""

    name: str
    header: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    row_numbers: list[int]
    encoding: str | None = None

    def index(self, column: str) -> int:
        """Position of ``column`` (compared without whitespace)."""
        return [normalise_header(h) for h in self.header].index(normalise_header(column))


def read_table(path: Path, wanted: Iterable[str], sheet: str | None = None, encoding: str | None = None,
               name: str | None = None) -> Table:
    """The rows of a CSV or XLSX file under the first row that holds every ``wanted`` column.

    Parameters
    ----------
    path
        ``.csv`` / ``.txt`` or ``.xlsx`` / ``.xlsm``.
    wanted
        Column names that must all be in the header row.
    sheet
        XLSX only: the sheet; None takes the first sheet that has the header (skipping notes sheets).
    encoding
        CSV only: None detects UTF-8, UTF-8 with BOM and GB18030.
    name
        How messages name the file (default its file name).

    Raises
    ------
    ImportStopped
        Missing file, unknown format, undecodable text, no header row with every wanted column.
    """
    name = name or path.name
    wanted = [normalise_header(w) for w in wanted]
    if not path.is_file():
        raise stop(name, f"no such file: {path}")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        grid, used = _csv_rows(path, name, encoding)
    elif suffix in (".xlsx", ".xlsm"):
        return _xlsx_table(path, name, wanted, sheet)
    else:
        raise stop(name, f"unknown table format {path.suffix!r}; use .csv or .xlsx")
    return _under_header(grid, wanted, name, used)


def _csv_rows(path: Path, name: str, encoding: str | None) -> tuple[list[tuple[int, list[Any]]], str]:
    data = path.read_bytes()
    try:
        used = encoding or detect_encoding(data)
        text = data.decode(used)
    except UnicodeDecodeError as exc:
        raise stop(name, f"not text in UTF-8 or GB18030 (byte {exc.start}); save it as CSV UTF-8") from None
    except LookupError:
        raise stop(name, f"unknown encoding {encoding!r}") from None
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    rows: list[tuple[int, list[Any]]] = []
    try:
        for row in reader:
            rows.append((reader.line_num, [_cell(v) for v in row]))
    except csv.Error as exc:
        raise stop(name, f"malformed CSV ({exc})", where=f"row {reader.line_num}") from None
    return rows, used


def _xlsx_table(path: Path, name: str, wanted: list[str], sheet: str | None) -> Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException
    from zipfile import BadZipFile

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError) as exc:
        raise stop(name, f"not a readable XLSX workbook ({exc})") from None
    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                raise stop(name, f"no sheet {sheet!r}; sheets: {', '.join(book.sheetnames)}")
            return _under_header(_sheet_rows(book[sheet]), wanted, f"{name}:{sheet}", None)
        for candidate in book.sheetnames:
            grid = _sheet_rows(book[candidate])
            if _header_row(grid, wanted) is not None:
                return _under_header(grid, wanted, f"{name}:{candidate}", None)
        raise stop(name, f"no sheet has the columns {', '.join(wanted)} (sheets: {', '.join(book.sheetnames)})")
    finally:
        book.close()


def _sheet_rows(ws) -> list[tuple[int, list[Any]]]:
    """Every row of a worksheet as values, merged ranges filled with their top-left value."""
    grid = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row - 1 < len(grid) else None
        for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
            row = grid[r]
            row.extend([None] * (merged.max_col - len(row)))
            for c in range(merged.min_col - 1, merged.max_col):
                row[c] = value
    return [(number, row) for number, row in enumerate(grid, start=1)]


def _header_row(grid: list[tuple[int, list[Any]]], wanted: list[str]) -> int | None:
    for position, (_, row) in enumerate(grid[:HEADER_SEARCH_ROWS]):
        present = {normalise_header(v) for v in row if v is not None}
        if all(w in present for w in wanted):
            return position
    return None


def _under_header(grid: list[tuple[int, list[Any]]], wanted: list[str], name: str, encoding: str | None) -> Table:
    position = _header_row(grid, wanted)
    if position is None:
        found = next((row for _, row in grid if any(v is not None for v in row)), [])
        missing = [w for w in wanted if w not in {normalise_header(v) for v in found}]
        raise stop(name, f"no header row with the column(s) {', '.join(missing or wanted)} in the first "
                         f"{HEADER_SEARCH_ROWS} rows (first row: {', '.join(str(v) for v in found if v is not None)})")
    header = tuple("" if v is None else str(v).strip() for v in grid[position][1])
    rows, numbers = [], []
    for number, row in grid[position + 1:]:
        if all(v is None for v in row):
            continue
        padded = tuple(row[: len(header)]) + (None,) * max(0, len(header) - len(row))
        rows.append(padded)
        numbers.append(number)
    return Table(name, header, rows, numbers, encoding)


def _cell(value: Any) -> Any:
    """A cell as None, text (stripped), int, float, datetime or time."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, (int, float, datetime, time)):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return str(value)


def as_text(value: Any) -> str | None:
    """A cell as text: ids Excel stored as numbers come back without a trailing ``.0``."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None


def whole_number(value: Any) -> int | None:
    """A cell as an int ≥ 0 (``12``, ``12.0``, ``"12"``); None if it is not one."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number >= 0 and number.is_integer() else None
