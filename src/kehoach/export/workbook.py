"""The province's plans in one Excel workbook (XlsxWriter): a summary, targets, a commune ×
indicator matrix, tasks with a follow-up column, and findings.

Numbers are written as numbers and dates as dates, so the sheets sort, filter and sum; every
sheet has a frozen header row, an autofilter and widths that fit. Text from documents is always
written as text (a sentence starting with '=' never becomes a formula).

A batch adds each plan's rows as soon as the plans before it are in (`WorkbookBuilder.add`),
while the workers still parse, so that little is left to do when the last file is done.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
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
    severity_label,
    status_label,
    strictest_by_indicator,
)
from kehoach.i18n import N_, _
from kehoach.parse.extract.classify import INDICATOR_NAMES

# Sheet names, the follow-up column and its choices: message ids, shown in the user's language.
SHEETS = (N_("Summary"), N_("Targets"), N_("Matrix"), N_("Tasks"), N_("Findings"))
FOLLOW_UP = N_("Progress")
FOLLOW_UP_CHOICES = (N_("Not started"), N_("Under way"), N_("Done"))
_STATUS_COLOURS = {"ok": "#C6EFCE", "review": "#FFEB9C", "failed": "#FFC7CE", "error": "#FFC7CE",
                   "warning": "#FFEB9C"}
# Excel cannot hold more in one cell.
_MAX_CELL = 32_767


# Values a person reads in their own words: statuses, severities, comparators.
_SHOWN: dict[str, Callable[[str], str]] = {"status": status_label, "severity": severity_label,
                                           "cmp": lambda value: CMP_SIGNS.get(value, value)}
_TASK_SHEET_COLUMNS = (*TASK_COLUMNS, Column("follow_up", FOLLOW_UP, "text", 16))
# The input's SHA-256 keys the database; a person reading the summary has no use for it.
SUMMARY_COLUMNS = tuple(c for c in PLAN_COLUMNS if c.key != "sha256")


class _Sheet:
    """One table sheet: Vietnamese headings, rows appended, filter and frozen header at the end."""

    def __init__(self, builder: WorkbookBuilder, name: str, columns: Sequence[Column]) -> None:
        self.builder, self.columns, self.rows = builder, columns, 0
        self.keys = [c.key for c in columns]
        self.sheet = builder.book.add_worksheet(name)
        for index, column in enumerate(columns):
            self.sheet.write_string(0, index, column.heading, builder.header)
            self.sheet.set_column(index, index, column.width, builder.wrap if column.width >= 40 else builder.top)

    def append(self, rows: Iterable[Sequence[Value]]) -> None:
        cell, sheet, keys = self.builder.cell, self.sheet, self.keys
        for row in rows:
            self.rows += 1
            for c, value in enumerate(row):
                if value is not None:
                    cell(sheet, self.rows, c, value, keys[c])

    def close(self) -> None:
        self.sheet.freeze_panes(1, 0)
        self.sheet.autofilter(0, 0, max(self.rows, 1), len(self.columns) - 1)
        _for_printing(self.sheet)


def _for_printing(sheet: Any) -> None:
    """Printed on A4 landscape, as wide as the page, the heading row on every page."""
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)


class WorkbookBuilder:
    """The workbook of a batch, built plan by plan in input order; `finish` gives its bytes."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(self.buffer, {"in_memory": True, "strings_to_formulas": False,
                                                      "strings_to_urls": False, "strings_to_numbers": False})
        self.header = self.book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7",
                                            "border": 1})
        self.date = self.book.add_format({"num_format": "dd/mm/yyyy"})
        self.wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.top = self.book.add_format({"valign": "top"})
        self._numbers: dict[str, Any] = {}
        names = [_(name) for name in SHEETS]
        self.summary = _Sheet(self, names[0], SUMMARY_COLUMNS)
        self.targets = _Sheet(self, names[1], TARGET_COLUMNS)
        self.matrix = self.book.add_worksheet(names[2])  # its columns are known at the end only
        self.tasks = _Sheet(self, names[3], _TASK_SHEET_COLUMNS)
        self.findings = _Sheet(self, names[4], FINDING_COLUMNS)
        self._matrix_rows: list[tuple[Value, Value, dict[str, tuple[Value, ...]]]] = []

    def number_format(self, pattern: str) -> Any:
        if pattern not in self._numbers:
            self._numbers[pattern] = self.book.add_format({"num_format": pattern, "valign": "top"})
        return self._numbers[pattern]

    def cell(self, sheet: Any, row: int, col: int, value: Value, key: str = "") -> None:
        if isinstance(value, str):
            shown = _SHOWN[key](value) if key in _SHOWN else value
            sheet.write_string(row, col, shown[:_MAX_CELL])
        elif isinstance(value, bool):
            if value:
                sheet.write_string(row, col, _("Yes"))
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value)
        elif isinstance(value, dt.date):
            sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), self.date)

    def add(self, records: PlanRecords) -> None:
        """One file: its summary row, and when it was parsed its targets, tasks and findings."""
        self.summary.append([[records.plan[key] for key in self.summary.keys]])
        if records.plan["status"] == "failed":
            return
        self.targets.append(records.targets)
        self.tasks.append(records.tasks)
        self.findings.append(records.findings)
        self._matrix_rows.append((records.plan["file"], records.plan["commune"],
                                  strictest_by_indicator((row[2], row[4:8]) for row in records.targets)))

    def finish(self) -> bytes:
        """The matrix, filters, colours and the follow-up drop-down; then the file's bytes."""
        for sheet in (self.summary, self.targets, self.tasks, self.findings):
            sheet.close()
        _colour_by(self, self.summary.sheet, self.summary.keys.index("status"), self.summary.rows, _STATUS_COLOURS,
                   status_label)
        _colour_by(self, self.findings.sheet, self.findings.keys.index("severity"), self.findings.rows,
                   _STATUS_COLOURS, severity_label)
        # The official's follow-up: an empty column with a drop-down of the three states.
        last = len(TASK_COLUMNS)
        self.tasks.sheet.data_validation(1, last, max(self.tasks.rows, 1), last,
                                         {"validate": "list", "source": [_(choice) for choice in FOLLOW_UP_CHOICES]})
        self._write_matrix()
        self.book.close()
        return self.buffer.getvalue()

    def _write_matrix(self) -> None:
        """One row per plan, one column per indicator any plan commits to: the strictest value,
        the comparator and unit in the number format, a colour scale per column."""
        rows, sheet = self._matrix_rows, self.matrix
        codes = [code for code in INDICATOR_NAMES if any(code in found for _, _, found in rows)]
        headings = [_("File"), _("Unit"), *(INDICATOR_NAMES[code] for code in codes)]
        for c, heading in enumerate(headings):
            sheet.write_string(0, c, heading, self.header)
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, 1, 22)
        sheet.set_column(2, max(len(headings) - 1, 2), 14)
        sheet.set_row(0, 60)
        for r, (file, commune, found) in enumerate(rows, start=1):
            for c, value in enumerate((file, commune)):
                if value is not None:
                    self.cell(sheet, r, c, value)
            for c, code in enumerate(codes, start=2):
                if code in found:
                    cmp, number, upper, unit = found[code]
                    if isinstance(number, int | float):
                        sheet.write_number(r, c, number, self.number_format(_number_pattern(cmp, upper, unit)))
        for c, code in enumerate(codes, start=2):
            ceilings = all(found[code][0] in ("<=", "<") for _, _, found in rows if code in found)
            low, high = ("#63BE7B", "#FFFFFF") if ceilings else ("#FFFFFF", "#63BE7B")
            sheet.conditional_format(1, c, max(len(rows), 1), c, {"type": "2_color_scale", "min_color": low,
                                                                   "max_color": high})
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(headings) - 1)
        _for_printing(sheet)


def _colour_by(builder: WorkbookBuilder, sheet: Any, col: int, last_row: int, values: dict[str, str],
               shown: Callable[[str], str]) -> None:
    """Colour a column's cells by the value they show (a status or severity, as said to a person)."""
    for code, colour in values.items():
        value = shown(code)
        fmt = builder.book.add_format({"bg_color": colour})
        sheet.conditional_format(1, col, max(last_row, 1), col, {"type": "cell", "criteria": "==",
                                                                 "value": f'"{value}"', "format": fmt})


def _number_pattern(cmp: Value, upper: Value, unit: Value) -> str:
    """'≥30%' shown while the cell holds 30: the comparator and unit live in the number format."""
    sign = "" if cmp in ("=", "range") else CMP_SIGNS.get(str(cmp), "")
    tail = f"–{upper:g}" if cmp == "range" and isinstance(upper, int | float) else ""
    unit_text = str(unit or "")
    unit_text = unit_text if unit_text == "%" else f" {unit_text}" if unit_text else ""
    literal = "".join(f"\\{ch}" if ch in '"\\' else ch for ch in f"{tail}{unit_text}")
    return (f'"{sign}"' if sign else "") + "General" + (f'"{literal}"' if literal else "")


def build_workbook(records: Sequence[PlanRecords]) -> bytes:
    """The workbook of a batch's files at once, as bytes (written atomically by the caller)."""
    builder = WorkbookBuilder()
    for plan in records:
        builder.add(plan)
    return builder.finish()
