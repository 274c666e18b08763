"""What the province report shows, computed from a batch's tables (export/sources.py): the
overview, one row per plan with its details, the commune × indicator map and the tasks by the
month or quarter they fall due. Plain data: the template lays it out, the charts draw it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from kehoach.export.records import (
    commitment_text,
    day_text,
    severity_label,
    status_label,
    strictest_by_indicator,
    target_cells,
)
from kehoach.export.sources import Row, Tables
from kehoach.parse.extract.classify import INDICATOR_NAMES
from kehoach.parse.language.textutil import shorten
from kehoach.schema import Plan

SEVERITY_ORDER = ("error", "warning", "review", "info")
STATUS_ORDER = ("ok", "review", "failed")
# An outline line, a target's sentence or a task's content is cut here in the page: the full
# text is in the Plan and the workbook, and 200 plans must stay a page a browser opens at once.
_CUT = 240
# Above this many months between the first and the last deadline, tasks are counted by quarter.
_MONTHS_BY_MONTH = 18


@dataclass(slots=True)
class HeatCell:
    """One commune's strictest commitment to one indicator, and where it stands in its column (0-1)."""

    text: str
    value: float
    shade: float = 0.0


@dataclass(slots=True)
class Report:
    """Everything the page shows."""

    source: str
    plans: list[dict[str, Any]]
    status_counts: dict[str, int]
    finding_counts: list[tuple[str, str, int]]
    areas_missing: list[tuple[str, str]]
    indicators: list[tuple[str, str]]
    heat: list[tuple[dict[str, Any], dict[str, HeatCell]]]
    buckets: list[tuple[str, str, int]]
    recurring: int
    parent: dict[str, HeatCell] = field(default_factory=dict)
    parent_name: str = ""
    checked_against_parent: bool = False


def _cut(text: Any) -> str:
    return shorten(str(text or ""), _CUT)


def _by_file(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["file"]].append(row)
    return grouped


def bucket_of(due: str | None, by_quarter: bool) -> str | None:
    """'2025-11' or '2025-Q4' for a deadline '2025-11-30'; None without one."""
    if not due or len(due) < 7:
        return None
    year, month = due[:4], int(due[5:7])
    return f"{year}-Q{(month - 1) // 3 + 1}" if by_quarter else f"{year}-{month:02d}"


def _by_quarter(dues: list[str]) -> bool:
    if not dues:
        return False
    first, last = min(dues), max(dues)
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7])
    return months > _MONTHS_BY_MONTH


def _worst(findings: list[Row]) -> list[Row]:
    """The two findings a person should see first: errors, then warnings, then review."""
    order = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    ranked = sorted((f for f in findings if f["severity"] != "info"), key=lambda f: order.get(f["severity"], 9))
    return ranked[:2]


def _plan_entry(index: int, plan: Row, sections: list[Row], targets: list[Row], tasks: list[Row],
                findings: list[Row], by_quarter: bool) -> dict[str, Any]:
    """A plan's row and its details, as the page's script reads them (short keys: 200 of these)."""
    return {
        "i": index, "file": plan["file"], "commune": plan["commune"] or plan["file"], "status": plan["status"],
        "status_label": status_label(plan["status"]), "period": plan["period"], "issuer": plan["issuer"],
        "number": plan["number_symbol"], "date": day_text(plan["issued_date"]), "reason": _cut(plan["reason"]),
        "counts": [plan["sections"] or 0, plan["targets"] or 0, plan["tasks"] or 0, plan["errors"] or 0,
                   plan["warnings"] or 0],
        "areas_missing": plan["areas_missing"], "parent_findings": plan.get("parent_findings"),
        "worst": [[f["severity"], severity_label(f["severity"]), f["code"], _cut(f["message"])] for f in _worst(findings)],
        "outline": [[s["path"], s["level"] or 1, _cut(s["title"] or s["text"])] for s in sections],
        "targets": [[t["indicator_name"] or "", commitment_text(t["cmp"], t["value"], t["upper"], t["unit"]),
                     t["location"] or "", _cut(t["sentence"])] for t in targets],
        "tasks": [[t["no"] or "", _cut(t["content"]), t["lead"] or "", t["time"] or "", day_text(t["due_end"]),
                   bucket_of(t["due_end"], by_quarter) or ("*" if t["recurring"] else "")] for t in tasks],
        "findings": [[f["severity"], severity_label(f["severity"]), f["code"], f["location"] or "", _cut(f["message"])]
                     for f in findings],
    }


def _heat_cells(strictest: dict[str, tuple[Any, ...]]) -> dict[str, HeatCell]:
    return {code: HeatCell(commitment_text(*cell), float(cell[1])) for code, cell in strictest.items()}


def parent_cells(parent: Plan) -> dict[str, HeatCell]:
    """The parent plan's most demanding commitment to each indicator (the map's marked row)."""
    return _heat_cells(strictest_by_indicator((t.indicator, target_cells(t)[2:]) for t in parent.targets))


def _heat(plans: list[dict[str, Any]], targets: dict[str, list[Row]], parent: dict[str, HeatCell]) -> tuple[
        list[tuple[str, str]], list[tuple[dict[str, Any], dict[str, HeatCell]]]]:
    """Indicators any plan commits to, and per parsed plan its strictest value of each, shaded
    within the column (the most demanding commune darkest)."""
    rows = []
    for plan in plans:
        if plan["status"] == "failed":
            continue
        rows.append((plan, _heat_cells(strictest_by_indicator(
            (t["indicator"], (t["cmp"], t["value"], t["upper"], t["unit"])) for t in targets.get(plan["file"], [])))))
    codes = [code for code in INDICATOR_NAMES if code in parent or any(code in cells for _, cells in rows)]
    for code in codes:
        column = [cells[code] for _, cells in rows if code in cells]
        if not column:
            continue
        low, high = min(c.value for c in column), max(c.value for c in column)
        for cell in column:
            cell.shade = 1.0 if high == low else (cell.value - low) / (high - low)
    return [(code, INDICATOR_NAMES[code]) for code in codes], rows


def build_report(tables: Tables, source: str, parent: Plan | None = None) -> Report:
    """The report of a batch's tables; with `parent`, its values are marked on the indicator map."""
    sections, targets = _by_file(tables.sections), _by_file(tables.targets)
    tasks, findings = _by_file(tables.tasks), _by_file(tables.findings)
    dues = [t["due_end"] for t in tables.tasks if t["due_end"]]
    by_quarter = _by_quarter(dues)
    plans = [_plan_entry(i, p, sections.get(p["file"], []), targets.get(p["file"], []), tasks.get(p["file"], []),
                         findings.get(p["file"], []), by_quarter) for i, p in enumerate(tables.plans)]
    statuses = Counter(p["status"] for p in plans)
    codes = Counter((f["severity"], f["code"]) for f in tables.findings if f["severity"] in ("error", "warning", "review"))
    marked = parent_cells(parent) if parent is not None else {}
    indicators, heat = _heat(plans, targets, marked)
    per_bucket = Counter(bucket_of(due, by_quarter) for due in dues)
    return Report(
        source=source,
        plans=plans,
        status_counts={s: statuses.get(s, 0) for s in STATUS_ORDER},
        finding_counts=[(severity, code, n) for (severity, code), n in
                        sorted(codes.items(), key=lambda item: (SEVERITY_ORDER.index(item[0][0]), -item[1], item[0][1]))],
        areas_missing=[(p["commune"], p["areas_missing"]) for p in plans if p["areas_missing"]],
        indicators=indicators,
        heat=heat,
        buckets=[(key, bucket_label(key), n) for key, n in sorted(per_bucket.items()) if key],
        recurring=sum(bool(t["recurring"]) and not t["due_end"] for t in tables.tasks),
        parent=marked,
        checked_against_parent=any(p["parent_findings"] is not None for p in plans),
        parent_name=(parent.title or parent.issuer or "") if parent is not None else "",
    )


def bucket_label(key: str) -> str:
    """'11/2025' or 'Q4/2025' (as Vietnamese documents write them) for '2025-11' or '2025-Q4'."""
    year, part = key.split("-")
    return f"{part}/{year}" if part.startswith("Q") else f"{int(part):02d}/{year}"


def generated_on() -> str:
    """Today, as the page's footer says it: '02/12/2026'."""
    return dt.date.today().strftime("%d/%m/%Y")
