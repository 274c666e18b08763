"""A Plan flattened into rows: the one table layout shared by the CSV files, the workbook and
the SQLite store.

Each table is a tuple of Columns: a stable ASCII key (the CSV header and the database column:
an interface, never renamed), a label (the workbook's heading, in the user's language) and a kind that says
how a spreadsheet should hold the value (text, a whole number, a number, a date, yes/no).
Values are plain Python (str, int, float, datetime.date, bool or None); no writer needs the Plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from kehoach.i18n import N_, _, pgettext
from kehoach.parse.extract.classify import AREA_NAMES, INDICATOR_NAMES
from kehoach.parse.language.textutil import fold
from kehoach.parse.structure.tree import walk
from kehoach.schema import Finding, Plan, Target

Kind = Literal["text", "int", "number", "date", "bool"]
Value = str | int | float | dt.date | bool | None


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    """CSV header and database column (ASCII, stable)."""
    label: str
    """Heading in the workbook: an English message id, shown translated (`heading`)."""
    kind: Kind = "text"
    width: int = 14
    """Column width in the workbook, in characters."""


    @property
    def heading(self) -> str:
        """The label in the current language."""
        return _(self.label)


def status_label(status: str) -> str:
    """A plan's status (ok, review, failed: the values of summary.csv) said to a person."""
    return {"ok": pgettext("status", "ok"), "review": pgettext("status", "review"),
            "failed": pgettext("status", "failed")}.get(status, status)


def severity_label(severity: str) -> str:
    """A finding's severity (error, warning, review, info) said to a person."""
    return {"error": pgettext("severity", "error"), "warning": pgettext("severity", "warning"),
            "review": pgettext("severity", "review"), "info": pgettext("severity", "info")}.get(severity, severity)


def _cols(*specs: tuple[Any, ...]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


_WHO = (("file", N_("File"), "text", 28), ("commune", N_("Unit"), "text", 22))

PLAN_COLUMNS = _cols(
    *_WHO, ("issuer", N_("Issuing body"), "text", 30), ("level", N_("Level"), "text", 8),
    ("province", N_("Province or city"), "text", 14), ("number_symbol", N_("Number and symbol"), "text", 14),
    ("issued_date", N_("Issue date"), "date", 12), ("period", N_("Plan period"), "text", 20),
    ("period_start", N_("From"), "date", 11), ("period_end", N_("To"), "date", 11),
    ("status", N_("Status"), "text", 10), ("reason", N_("Reason"), "text", 40),
    ("sections", N_("Number of sections"), "int", 8), ("targets", N_("Number of targets"), "int", 9), ("tasks", N_("Number of tasks"), "int", 9),
    ("errors", N_("Errors"), "int", 6), ("warnings", N_("Warnings"), "int", 8),
    ("parent_findings", N_("Findings against the parent plan"), "int", 10),
    ("areas_missing", N_("Reform areas missing"), "text", 40), ("sha256", "SHA-256", "text", 12),
)
TARGET_COLUMNS = _cols(
    *_WHO, ("indicator", N_("Indicator code"), "text", 16), ("indicator_name", N_("Indicator"), "text", 30),
    ("cmp", N_("Comparison"), "text", 7), ("value", N_("Value"), "number", 8), ("upper", N_("Upper bound"), "number", 8),
    ("unit", N_("Unit of measure"), "text", 8), ("area", N_("Area"), "text", 14), ("location", N_("Location"), "text", 10),
    ("sentence", N_("Sentence in the plan"), "text", 60),
)
# indicators.csv: the targets in long form (one row each, numbers as numbers), kept without an indicator too.
INDICATOR_COLUMNS = tuple(c for c in TARGET_COLUMNS if c.key not in ("area", "sentence"))
TASK_COLUMNS = _cols(
    *_WHO, ("no", N_("No."), "text", 6), ("group_name", N_("Group"), "text", 24), ("area", N_("Area"), "text", 14),
    ("content", N_("Content"), "text", 60), ("lead", N_("Lead"), "text", 26), ("partners", N_("Partners"), "text", 26),
    ("time", N_("Time"), "text", 18), ("due_start", N_("From"), "date", 11), ("due_end", N_("To"), "date", 11),
    ("recurring", N_("Recurring"), "bool", 9), ("product", N_("Product"), "text", 30),
)
FINDING_COLUMNS = _cols(
    *_WHO, ("severity", N_("Severity"), "text", 9), ("code", N_("Code"), "text", 24), ("location", N_("Location"), "text", 12),
    ("message", N_("Message"), "text", 80),
)
SECTION_COLUMNS = _cols(
    ("path", N_("Section"), "text"), ("label", N_("Number"), "text"), ("kind", N_("Kind"), "text"), ("level", N_("Level"), "int"),
    ("title", N_("Title"), "text"), ("text", N_("Text"), "text"), ("area", N_("Area"), "text"),
    ("page", N_("Page"), "int"), ("line", N_("Line"), "int"),
)

# sections.csv: the outline of every plan, with the file it belongs to.
SECTION_ROW_COLUMNS = (*_cols(*_WHO), *SECTION_COLUMNS)

CMP_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "range": "–"}
_CCHC = fold("cải cách hành chính")


@dataclass(slots=True)
class PlanRecords:
    """One file's rows for every table (sections without the file's columns, which the store
    keeps in plans); `plan_json` only for the SQLite store."""

    plan: dict[str, Value]
    targets: list[tuple[Value, ...]] = field(default_factory=list)
    tasks: list[tuple[Value, ...]] = field(default_factory=list)
    findings: list[tuple[Value, ...]] = field(default_factory=list)
    sections: list[tuple[Value, ...]] = field(default_factory=list)
    plan_json: str | None = None


def commune_of(plan: Plan) -> str | None:
    """'Xã Hùng Thắng', 'Tỉnh Lâm Đồng'; the issuer when the place is not known."""
    if plan.locality and plan.level:
        return f"{plan.level[:1].upper()}{plan.level[1:]} {plan.locality}"
    return plan.locality or plan.issuer


def as_date(value: object) -> dt.date | None:
    """A date, or a full YYYY-MM-DD string read as one; a year or a month alone is not a date a
    spreadsheet can hold."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def status_of(plan: Plan) -> tuple[str, str | None]:
    """'ok' or 'review' (the parser is unsure of a part), and why, '; '-separated."""
    reasons = plan.quality.reasons if plan.quality else []
    return ("review" if reasons else "ok"), "; ".join(reasons) or None


def day_text(value: object) -> str:
    """'31/12/2025' (as Vietnamese dates are written), from a date or an ISO string."""
    text = str(value or "")
    return f"{text[8:10]}/{text[5:7]}/{text[:4]}" if len(text) == 10 else text


def location(finding: Finding) -> str | None:
    """Where a finding stands, for a person: '2/1, page 3, line 40' (the parts it has)."""
    parts = [finding.path or "", _("page {n}").format(n=finding.page) if finding.page is not None else "",
             _("line {n}").format(n=finding.line) if finding.line is not None else ""]
    return ", ".join(p for p in parts if p) or None


def areas_present(plan: Plan) -> set[str]:
    """Reform areas the plan has a section, a target or a task for."""
    found = {s.area for s in walk(plan.sections) if s.area}
    found.update(t.area for t in plan.targets if t.area)
    found.update(t.area for t in plan.tasks if t.area)
    return found


def areas_missing(plan: Plan) -> list[str] | None:
    """Reform areas an administrative-reform plan leaves out; None for plans on other subjects."""
    if not plan.title or _CCHC not in fold(plan.title):
        return None
    present = areas_present(plan)
    return [code for code in AREA_NAMES if code not in present]


def _number(value: Value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def commitment_text(cmp: Value, value: Value, upper: Value, unit: Value) -> str:
    """'≥30%', '95-100%', '≤15 phút': a target's commitment as a person writes it."""
    symbol = "" if cmp in ("=", "range") else CMP_SIGNS.get(str(cmp), "")
    number = f"{_number(value)}-{_number(upper)}" if cmp == "range" and upper is not None else _number(value)
    unit_text = str(unit or "")
    return f"{symbol}{number}{'' if unit_text in ('%', '') else ' '}{unit_text}"


def strictest(cells: list[tuple[Value, ...]]) -> tuple[Value, ...]:
    """Of one plan's targets for one indicator, given as (cmp, value, upper, unit), the most
    demanding: the highest floor, or the lowest ceiling when every target is a ceiling."""
    ceilings = all(c[0] in ("<=", "<") for c in cells)

    def value(cell: tuple[Value, ...]) -> float:
        return float(cell[1]) if isinstance(cell[1], int | float) else 0.0

    return min(cells, key=value) if ceilings else max(cells, key=value)


def strictest_by_indicator(targets: Iterable[tuple[Value, tuple[Value, ...]]]) -> dict[str, tuple[Value, ...]]:
    """Of (indicator, (cmp, value, upper, unit)) pairs, the most demanding commitment to each
    indicator (targets without an indicator or a number left out): a plan's row of the
    commune × indicator matrix, in the workbook and the report."""
    by_code: dict[str, list[tuple[Value, ...]]] = {}
    for code, cell in targets:
        if code and isinstance(cell[1], int | float):
            by_code.setdefault(str(code), []).append(cell)
    return {code: strictest(cells) for code, cells in by_code.items()}


def target_cells(target: Target) -> tuple[Value, ...]:
    """indicator, indicator_name, cmp, value, upper, unit."""
    name = INDICATOR_NAMES.get(target.indicator) if target.indicator else None
    return (target.indicator, name, target.cmp, target.value, target.upper, target.unit)


def plan_records(file: str, plan: Plan, status: str, reason: str | None, findings: list[Finding],
                 for_store: bool = False, parent_codes: tuple[str, ...] | None = None) -> PlanRecords:
    """Every table's rows for one parsed plan. `parent_codes`: when the plan was checked against
    its parent plan, the codes of those findings (they are counted apart)."""
    who = (file, commune_of(plan))
    missing = areas_missing(plan)
    number = "/".join(x for x in (plan.number, plan.symbol) if x) or None
    head: dict[str, Value] = {
        "file": file, "commune": who[1], "issuer": plan.issuer, "level": plan.level, "province": plan.province,
        "number_symbol": number, "issued_date": as_date(plan.issued_date),
        "period": plan.period.label if plan.period else None,
        "period_start": plan.period.start if plan.period else None,
        "period_end": plan.period.end if plan.period else None,
        "status": status, "reason": reason, "sections": len(walk(plan.sections)), "targets": len(plan.targets),
        "tasks": len(plan.tasks), "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "parent_findings": None if parent_codes is None else sum(f.code in parent_codes for f in findings),
        "areas_missing": "; ".join(AREA_NAMES[c] for c in missing) if missing else None,
        "sha256": plan.source.sha256 if plan.source else None,
    }
    records = PlanRecords(plan=head)
    records.targets = [(*who, *target_cells(t), t.area, t.where, t.text) for t in plan.targets]
    records.tasks = [
        (*who, None if t.no is None else str(t.no), t.group, t.area, t.content, "; ".join(t.lead) or None,
         "; ".join(t.partners) or None, t.time, t.due.start if t.due else None, t.due.end if t.due else None,
         bool(t.due and t.due.recurring), t.product)
        for t in plan.tasks
    ]
    records.findings = [(*who, f.severity, f.code, location(f), f.message) for f in findings]
    records.sections = [(s.path, s.label, s.kind, s.level, s.title, s.text, s.area, s.page, s.line)
                        for s in walk(plan.sections)]
    if for_store:
        records.plan_json = plan.model_dump_json()
    return records


def failed_records(file: str, error: str) -> PlanRecords:
    """The summary row of a file that could not be read."""
    head: dict[str, Value] = {c.key: None for c in PLAN_COLUMNS}
    head.update(file=file, status="failed", reason=error, sections=0, targets=0, tasks=0, errors=0, warnings=0)
    return PlanRecords(plan=head)
