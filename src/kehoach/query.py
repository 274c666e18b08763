"""Tasks across plans: read from a batch's output folder or from the SQLite store
(`export/sources.py`), then picked by due window, lead agency, commune and reform area
(`kehoach tasks`)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach.export.records import TASK_COLUMNS, as_date
from kehoach.export.sources import load_tables
from kehoach.i18n import _
from kehoach.parse.extract.agencies import names_agency
from kehoach.parse.extract.classify import AREA_NAMES
from kehoach.parse.language.textutil import fold

Task = dict[str, Any]
TASK_KEYS = tuple(c.key for c in TASK_COLUMNS)


@dataclass(frozen=True, slots=True)
class Window:
    """A span of days, both ends included."""

    start: dt.date
    end: dt.date


_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_HALF = re.compile(r"^(\d{4})-?H([12])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_window(text: str) -> Window:
    """'2026-Q1', '2026-H2', '2026-03', '2026', or '2026-01-01..2026-03-31'; ValueError otherwise."""
    text = text.strip()
    try:
        if ".." in text:
            start, end = (dt.date.fromisoformat(part.strip()) for part in text.split("..", 1))
            if end < start:
                raise ValueError
            return Window(start, end)
        if m := _QUARTER.match(text):
            year, quarter = int(m[1]), int(m[2])
            return Window(dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter))
        if m := _HALF.match(text):
            year, half = int(m[1]), int(m[2])
            return Window(dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half))
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            return Window(dt.date(year, month, 1), _month_end(year, month))
        if m := _YEAR.match(text):
            return Window(dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31))
    except ValueError:
        pass
    raise ValueError(_("'{text}' is not a period: write 2026-Q1, 2026-H2, 2026-03, 2026 or 2026-01-01..2026-03-31")
                     .format(text=text))


def load_tasks(source: Path) -> list[Task]:
    """Every task of a batch output folder or of a kehoach database, with its plan's period."""
    return load_tables(source, ("tasks", "plans")).tasks


def due_window(task: Task) -> Window | None:
    """The task's due span: from its start (or its deadline alone) to its deadline (or its start)."""
    start, end = as_date(task.get("due_start")), as_date(task.get("due_end"))
    if start is None and end is None:
        return None
    return Window(start or end or dt.date.min, end or start or dt.date.max)


def area_code(text: str) -> str | None:
    """A reform area's code from its code or a piece of its Vietnamese name."""
    if text in AREA_NAMES:
        return text
    key = fold(text)
    found = [code for code, name in AREA_NAMES.items() if key in fold(name)]
    return found[0] if len(found) == 1 else None


def select(tasks: list[Task], due: Window | None = None, lead: str | None = None, commune: str | None = None,
           area: str | None = None, recurring: bool = False, period: str | None = None) -> list[Task]:
    """The tasks that pass every filter given. With `due`, a task is kept when its due span
    overlaps the window; recurring tasks ('Thường xuyên') only with `recurring`."""
    picked = []
    for task in tasks:
        if due is not None:
            span = due_window(task)
            overlaps = span is not None and span.start <= due.end and span.end >= due.start
            if not (overlaps or (recurring and task["recurring"])):
                continue
        elif recurring and not task["recurring"]:
            continue
        if lead and not names_agency(lead, task.get("lead") or ""):
            continue
        if commune and not any(names_agency(commune, task.get(k) or "") for k in ("commune", "file")):
            continue
        if area and task.get("area") != area:
            continue
        if period and fold(period) not in fold(task.get("period") or ""):
            continue
        picked.append(task)
    return picked
