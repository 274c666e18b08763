"""The province's plans in one Excel workbook (XlsxWriter): a summary, targets, a commune ×
indicator matrix, tasks with a follow-up column, and findings.

Numbers are written as numbers and dates as dates, so the sheets sort, filter and sum; every
sheet has a frozen header row, an autofilter and widths that fit. Text from documents is always
written as text (a sentence starting with '=' never becomes a formula).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

import xlsxwriter

from kehoach.export.records import (
    CMP_SIGNS,
    FINDING_COLUMNS,
    PLAN_COLUMNS,
    TARGET_COLUMNS,
    TASK_COLUMNS,
    Column,
    PlanRecords,
    Value,
)
from kehoach.parse.extract.classify import INDICATOR_NAMES

SHEETS = ("Tổng hợp", "Chỉ tiêu", "Ma trận", "Nhiệm vụ", "Phát hiện")
FOLLOW_UP = "Tình trạng"
FOLLOW_UP_CHOICES = ("Chưa thực hiện", "Đang thực hiện", "Hoàn thành")
_STATUS_COLOURS = {"ok": "#C6EFCE", "review": "#FFEB9C", "failed": "#FFC7CE", "error": "#FFC7CE",
                   "warning": "#FFEB9C"}
# Excel cannot hold more in one cell.
_MAX_CELL = 32_767


class _Sheets:
    """The workbook and the few cell formats it needs."""

    def __init__(self, buffer: io.BytesIO) -> None:
        self.book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                                 "strings_to_urls": False, "strings_to_numbers": False})
        self.header = self.book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7",
                                            "border": 1})
        self.date = self.book.add_format({"num_format": "dd/mm/yyyy"})
        self.wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.top = self.book.add_format({"valign": "top"})
        self._numbers: dict[str, Any] = {}

    def number_format(self, pattern: str) -> Any:
        if pattern not in self._numbers:
            self._numbers[pattern] = self.book.add_format({"num_format": pattern, "valign": "top"})
        return self._numbers[pattern]

    def table(self, name: str, columns: Sequence[Column], rows: Sequence[Sequence[Value]]) -> Any:
        """A sheet of `rows` under `columns`' Vietnamese headings."""
        sheet = self.book.add_worksheet(name)
        for index, column in enumerate(columns):
            sheet.write_string(0, index, column.label, self.header)
            sheet.set_column(index, index, column.width, self.wrap if column.width >= 40 else self.top)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                self.cell(sheet, r, c, value, columns[c].key)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
        return sheet

    def cell(self, sheet: Any, row: int, col: int, value: Value, key: str = "") -> None:
        if value is None:
            return
        if isinstance(value, bool):
            if value:
                sheet.write_string(row, col, "Có")
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value)
        elif isinstance(value, dt.date):
            sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), self.date)
        else:
            text = CMP_SIGNS.get(value, value) if key == "cmp" else value
            sheet.write_string(row, col, text[:_MAX_CELL])


def _colour_by(sheets: _Sheets, sheet: Any, col: int, last_row: int, values: dict[str, str]) -> None:
    for value, colour in values.items():
        sheets_format = sheets.book.add_format({"bg_color": colour})
        sheet.conditional_format(1, col, max(last_row, 1), col, {"type": "cell", "criteria": "==",
                                                                 "value": f'"{value}"', "format": sheets_format})


def _strictest(cells: list[tuple[Value, ...]]) -> tuple[Value, ...]:
    """Of one plan's targets for one indicator, the most demanding: the highest floor, or the
    lowest ceiling when every target is a ceiling."""
    ceilings = all(c[0] in ("<=", "<") for c in cells)  # cells are (cmp, value, upper, unit)

    def value(cell: tuple[Value, ...]) -> float:
        return float(cell[1]) if isinstance(cell[1], int | float) else 0.0

    return min(cells, key=value) if ceilings else max(cells, key=value)


def _number_pattern(cmp: Value, upper: Value, unit: Value) -> str:
    """'≥30%' shown while the cell holds 30: the comparator and unit live in the number format."""
    sign = "" if cmp in ("=", "range") else CMP_SIGNS.get(str(cmp), "")
    tail = f"–{upper:g}" if cmp == "range" and isinstance(upper, int | float) else ""
    unit_text = str(unit or "")
    unit_text = unit_text if unit_text == "%" else f" {unit_text}" if unit_text else ""
    literal = "".join(f"\\{ch}" if ch in '"\\' else ch for ch in f"{tail}{unit_text}")
    return (f'"{sign}"' if sign else "") + "General" + (f'"{literal}"' if literal else "")


def _matrix(sheets: _Sheets, plans: Sequence[PlanRecords]) -> None:
    """One row per plan, one column per indicator any plan commits to: the strictest value."""
    values: list[dict[str, tuple[Value, ...]]] = []
    for records in plans:
        by_code: dict[str, list[tuple[Value, ...]]] = {}
        for row in records.targets:
            if row[2]:
                by_code.setdefault(str(row[2]), []).append(row[4:8])
        values.append({code: _strictest(cells) for code, cells in by_code.items()})
    codes = [code for code in INDICATOR_NAMES if any(code in v for v in values)]
    columns = [Column("file", "Tệp", "text", 28), Column("commune", "Đơn vị", "text", 22),
               *(Column(code, INDICATOR_NAMES[code], "number", 14) for code in codes)]
    sheet = sheets.table("Ma trận", columns, [(r.plan["file"], r.plan["commune"]) for r in plans])
    sheet.set_row(0, 60)
    for r, found in enumerate(values, start=1):
        for c, code in enumerate(codes, start=2):
            if code in found:
                cmp, value, upper, unit = found[code]
                if isinstance(value, int | float):
                    sheet.write_number(r, c, value, sheets.number_format(_number_pattern(cmp, upper, unit)))
    for c, code in enumerate(codes, start=2):
        ceilings = all(found[code][0] in ("<=", "<") for found in values if code in found)
        low, high = ("#63BE7B", "#FFFFFF") if ceilings else ("#FFFFFF", "#63BE7B")
        sheet.conditional_format(1, c, max(len(plans), 1), c, {"type": "2_color_scale", "min_color": low,
                                                               "max_color": high})


def build_workbook(records: Sequence[PlanRecords]) -> bytes:
    """The workbook of a batch, as bytes (written atomically by the caller)."""
    buffer = io.BytesIO()
    sheets = _Sheets(buffer)
    summary = sheets.table("Tổng hợp", PLAN_COLUMNS, [[r.plan[c.key] for c in PLAN_COLUMNS] for r in records])
    _colour_by(sheets, summary, [c.key for c in PLAN_COLUMNS].index("status"), len(records), _STATUS_COLOURS)
    parsed = [r for r in records if r.plan["status"] != "failed"]
    sheets.table("Chỉ tiêu", TARGET_COLUMNS, [row for r in parsed for row in r.targets])
    _matrix(sheets, parsed)
    tasks = [row for r in parsed for row in r.tasks]
    task_sheet = sheets.table("Nhiệm vụ", (*TASK_COLUMNS, Column("follow_up", FOLLOW_UP, "text", 16)), tasks)
    # The official's follow-up: an empty column with a drop-down of the three states.
    task_sheet.data_validation(1, len(TASK_COLUMNS), max(len(tasks), 1), len(TASK_COLUMNS),
                               {"validate": "list", "source": list(FOLLOW_UP_CHOICES)})
    findings = [row for r in parsed for row in r.findings]
    finding_sheet = sheets.table("Phát hiện", FINDING_COLUMNS, findings)
    _colour_by(sheets, finding_sheet, 2, len(findings), _STATUS_COLOURS)
    sheets.book.close()
    return buffer.getvalue()
