"""A batch's tables read back, from its output folder (the CSV companions) or from the SQLite
store: the one source `kehoach tasks` and `kehoach report` read.

Both give the same rows: a dict per row keyed by the stable column keys, values typed by the
column's kind (whole numbers, numbers, yes/no; dates as ISO text), the CSV files' guard against
spreadsheet formulas taken off again. Every row knows its file (and, from the store, its plan's
period).
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.errors import InputError
from kehoach.export.records import (
    FINDING_COLUMNS,
    PLAN_COLUMNS,
    SECTION_ROW_COLUMNS,
    TARGET_COLUMNS,
    TASK_COLUMNS,
    Column,
)
from kehoach.export.store import is_database
from kehoach.export.tables import FORMULA_STARTS
from kehoach.i18n import _

Row = dict[str, Any]
TABLES: dict[str, tuple[Column, ...]] = {
    "plans": PLAN_COLUMNS, "sections": SECTION_ROW_COLUMNS, "targets": TARGET_COLUMNS,
    "tasks": TASK_COLUMNS, "findings": FINDING_COLUMNS,
}


@dataclass(slots=True)
class Tables:
    """Rows of each table of a batch (plans first: one per file, failed ones included)."""

    plans: list[Row] = field(default_factory=list)
    sections: list[Row] = field(default_factory=list)
    targets: list[Row] = field(default_factory=list)
    tasks: list[Row] = field(default_factory=list)
    findings: list[Row] = field(default_factory=list)


def load_tables(source: Path, wanted: Sequence[str] = tuple(TABLES)) -> Tables:
    """The `wanted` tables of a batch output folder or a kehoach database; InputError when the
    source is neither, or cannot be read."""
    if source.is_dir():
        return _from_folder(source, wanted)
    if not source.exists():
        raise InputError(_("{path}: no such file or folder").format(path=source))
    if not is_database(source):
        raise InputError(_("{path}: neither a batch output folder nor a kehoach database").format(path=source))
    return _from_database(source, wanted)


def _typed(value: Any, column: Column) -> Any:
    """A CSV cell as the value it stands for."""
    if value in ("", None):
        return False if column.kind == "bool" else None
    if column.kind == "bool":
        return value in ("yes", 1, True, "1")
    if column.kind in ("int", "number") and isinstance(value, str):
        # As the CSV wrote it: '30' was a whole number, '30.0' and '2.5' were not.
        try:
            return int(value) if value.lstrip("-").isdigit() else float(value)
        except ValueError:
            return None
    if isinstance(value, str) and value.startswith("'") and value[1:2] in FORMULA_STARTS:
        return value[1:]  # the guard against spreadsheet formulas, taken off again
    return value


def _read_csv(path: Path, columns: tuple[Column, ...]) -> list[Row]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(_("{path}: cannot read ({reason})").format(path=path, reason=exc)) from exc
    try:
        return [{c.key: _typed(row.get(c.key), c) for c in columns} for row in csv.DictReader(io.StringIO(text))]
    except csv.Error as exc:
        raise InputError(_("{path}: cannot read ({reason})").format(path=path, reason=exc)) from exc


def _from_folder(folder: Path, wanted: Sequence[str]) -> Tables:
    tables = Tables()
    for name in wanted:
        path = folder / f"{name}.csv"
        if not path.is_file():
            if name in ("tasks", "plans"):
                raise InputError(_("{path}: no {name} here; give the --out folder of a kehoach batch (run it "
                                   "again if an older kehoach wrote it), or a --db file").format(
                                       path=folder, name=path.name))
            continue
        setattr(tables, name, _read_csv(path, TABLES[name]))
    periods = {row["file"]: row["period"] for row in tables.plans}
    for row in tables.tasks:
        row["period"] = periods.get(row["file"])
    return tables


def _from_database(path: Path, wanted: Sequence[str]) -> Tables:
    tables = Tables()
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            db.row_factory = sqlite3.Row
            for name in wanted:
                columns = TABLES[name]
                if name == "plans":
                    query = "SELECT * FROM plans ORDER BY file, period"
                else:  # the child tables know their plan by its key: the file and period come from it
                    query = (f"SELECT p.file AS file, p.commune AS commune, p.period AS period, c.* FROM {name} c "
                             "JOIN plans p USING (sha256) ORDER BY p.file, p.period, c.seq")
                rows = db.execute(query).fetchall()
                setattr(tables, name, [{**{c.key: _typed(row[c.key], c) for c in columns},
                                        "period": row["period"]} for row in rows])
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise InputError(_("{path}: cannot read the database ({reason})").format(path=path, reason=exc)) from exc
    return tables
