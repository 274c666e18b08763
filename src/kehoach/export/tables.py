"""The CSV companions of a batch: plans.csv, sections.csv, targets.csv, tasks.csv, findings.csv
and indicators.csv (the same tables as the SQLite store's, `export/sources.py` reads them back).

UTF-8 with a byte-order mark so that spreadsheets read the Vietnamese; headers are the stable
ASCII column keys; numbers and ISO dates as they are. A text cell that a spreadsheet would take
for a formula ('=...', '+...', '-...', '@...') gets a leading apostrophe, the usual guard.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

from kehoach.export.records import (
    FINDING_COLUMNS,
    INDICATOR_COLUMNS,
    PLAN_COLUMNS,
    SECTION_ROW_COLUMNS,
    TARGET_COLUMNS,
    TASK_COLUMNS,
    Column,
    PlanRecords,
    Value,
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_INDICATOR_CELLS = [i for i, c in enumerate(TARGET_COLUMNS) if c in INDICATOR_COLUMNS]


def _cell(value: Value) -> object:
    if isinstance(value, str):  # first: most cells are text
        return "'" + value if len(value) > 1 and value.startswith(FORMULA_STARTS) else value  # a lone "=" is a comparator
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def csv_text(columns: Sequence[Column], rows: Iterable[Sequence[Value]], bom: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([c.key for c in columns])
    writer.writerows([_cell(v) for v in row] for row in rows)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def companion_csvs(records: Sequence[PlanRecords]) -> dict[str, str]:
    """File name -> text of each CSV companion."""
    parsed = [r for r in records if r.plan["status"] != "failed"]
    targets = [row for r in parsed for row in r.targets]
    return {
        "plans.csv": csv_text(PLAN_COLUMNS, ([r.plan[c.key] for c in PLAN_COLUMNS] for r in records)),
        "sections.csv": csv_text(SECTION_ROW_COLUMNS, ((r.plan["file"], r.plan["commune"], *row)
                                                       for r in parsed for row in r.sections)),
        "targets.csv": csv_text(TARGET_COLUMNS, targets),
        "indicators.csv": csv_text(INDICATOR_COLUMNS, ([row[i] for i in _INDICATOR_CELLS] for row in targets)),
        "tasks.csv": csv_text(TASK_COLUMNS, (row for r in parsed for row in r.tasks)),
        "findings.csv": csv_text(FINDING_COLUMNS, (row for r in parsed for row in r.findings)),
    }
