"""Compare two Plans: two communes' plans, or two versions of one plan.

Metadata side by side; sections aligned by reform area; targets aligned by
indicator with the stricter side named; tasks matched by content similarity
(added, removed, changed lead, time or product).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kehoach.compare.matching import TASK_MATCH, similarity
from kehoach.export.records import commitment_text, commune_of
from kehoach.parse.extract.classify import AREA_NAMES, INDICATOR_NAMES
from kehoach.parse.language.textutil import fold
from kehoach.schema import Plan, Section, Target, Task

META_FIELDS = ("doc_type", "issuer", "level", "locality", "province", "symbol", "number", "issued_place",
               "issued_date", "title", "period", "signer", "declared_task_count")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MetaRow(_Model):
    field: str
    a: Any = None
    b: Any = None
    same: bool


class AreaRow(_Model):
    area: str
    name: str
    a: list[str] = Field(default_factory=list)
    b: list[str] = Field(default_factory=list)


class TargetRow(_Model):
    indicator: str
    name: str
    a: list[str] = Field(default_factory=list)
    b: list[str] = Field(default_factory=list)
    stricter: str | None = None


class TaskChange(_Model):
    status: str
    a: str | None = None
    b: str | None = None
    changes: dict[str, list[Any]] = Field(default_factory=dict)
    similarity: float | None = None


class PlanDiff(_Model):
    a: str
    b: str
    a_tag: str = "A"
    """What tells side A apart at a glance: its unit, or, when both sides have the same issuer,
    its date or file name."""
    b_tag: str = "B"
    meta: list[MetaRow]
    areas: list[AreaRow]
    targets: list[TargetRow]
    tasks: list[TaskChange]
    tasks_unchanged: int = 0
    """Tasks found on both sides with nothing changed."""


def _label(plan: Plan, fallback: str) -> str:
    return plan.issuer or (plan.source.path if plan.source else fallback)


def _file(plan: Plan, fallback: str) -> str:
    return plan.source.path.replace("\\", "/").rsplit("/", 1)[-1] if plan.source else fallback


def _tags(a: Plan, b: Plan) -> tuple[str, str]:
    """Short names of the two sides for table headings: the units when the issuers differ; else
    the dates when those differ (two versions of one plan); else the file names."""
    if fold(a.issuer or "") != fold(b.issuer or ""):
        tag_a, tag_b = commune_of(a) or _file(a, "A"), commune_of(b) or _file(b, "B")
        if tag_a != tag_b:
            return tag_a, tag_b
    if a.issued_date and b.issued_date and a.issued_date != b.issued_date:
        return a.issued_date, b.issued_date
    return _file(a, "A"), _file(b, "B")


def changes_only(diff: PlanDiff) -> PlanDiff:
    """The diff without what both sides share."""
    return diff.model_copy(update={
        "meta": [m for m in diff.meta if not m.same],
        "areas": [r for r in diff.areas if r.a != r.b],
        "targets": [r for r in diff.targets if r.a != r.b],
        "tasks": [t for t in diff.tasks if t.status != "same"],
    })


def _meta_value(plan: Plan, field: str) -> Any:
    value = getattr(plan, field)
    if field == "period" and value is not None:
        return value.label
    if field == "signer" and value is not None:
        return " / ".join(x for x in (value.position, value.name) if x)
    return value


def commitment(target: Target) -> str:
    """'≥30%', '95-100%', '≤15 phút'."""
    return commitment_text(target.cmp, target.value, target.upper, target.unit)


def describe(target: Target) -> str:
    """'≥30% (task:15)'."""
    return f"{commitment(target)} ({target.where})"


def _bound(target: Target) -> float:
    # '> 90' is a little stricter than '>= 90'.
    return float(target.value) + (0.001 if target.cmp == ">" else 0.0) - (0.001 if target.cmp == "<" else 0.0)


def stricter(a: list[Target], b: list[Target]) -> str | None:
    """'a', 'b', 'same' or None, comparing each side's most demanding target."""
    if not a or not b:
        return None
    upper_limits = all(t.cmp in ("<=", "<") for t in a + b)
    pick = min if upper_limits else max
    best_a, best_b = pick(_bound(t) for t in a), pick(_bound(t) for t in b)
    if best_a == best_b:
        return "same"
    return ("a" if best_a < best_b else "b") if upper_limits else ("a" if best_a > best_b else "b")


def _area_headings(sections: list[Section], parent_area: str | None, out: dict[str, list[str]]) -> None:
    """Sections that name an area (their area differs from their parent's), grouped by area."""
    for section in sections:
        if section.area and section.title and section.area != parent_area:
            out.setdefault(section.area, []).append(f"{section.path} {section.title}")
        _area_headings(section.children, section.area, out)


def _areas(a: Plan, b: Plan) -> list[AreaRow]:
    ha: dict[str, list[str]] = {}
    hb: dict[str, list[str]] = {}
    _area_headings(a.sections, None, ha)
    _area_headings(b.sections, None, hb)
    return [AreaRow(area=code, name=name, a=ha.get(code, []), b=hb.get(code, []))
            for code, name in AREA_NAMES.items() if code in ha or code in hb]


def _targets(a: Plan, b: Plan) -> list[TargetRow]:
    rows: list[TargetRow] = []
    for code, name in INDICATOR_NAMES.items():
        ta = [t for t in a.targets if t.indicator == code]
        tb = [t for t in b.targets if t.indicator == code]
        if ta or tb:
            rows.append(TargetRow(indicator=code, name=name, a=[describe(t) for t in ta], b=[describe(t) for t in tb],
                                  stricter=stricter(ta, tb)))
    return rows


def _similarity(x: Task, y: Task) -> float:
    return similarity(x.content, y.content)


def _task_changes(x: Task, y: Task) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    if sorted(map(fold, x.lead)) != sorted(map(fold, y.lead)):
        changes["lead"] = [x.lead, y.lead]
    if fold(x.time or "") != fold(y.time or ""):
        changes["time"] = [x.time, y.time]
    if fold(x.product or "") != fold(y.product or ""):
        changes["product"] = [x.product, y.product]
    return changes


def _tasks(a: Plan, b: Plan) -> list[TaskChange]:
    pairs = sorted(((_similarity(x, y), i, j) for i, x in enumerate(a.tasks) for j, y in enumerate(b.tasks)), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched: dict[int, tuple[int, float]] = {}
    for score, i, j in pairs:
        if score < TASK_MATCH:
            break
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            matched[i] = (j, score)
    out: list[TaskChange] = []
    for i, task in enumerate(a.tasks):
        if i in matched:
            j, score = matched[i]
            changes = _task_changes(task, b.tasks[j])
            out.append(TaskChange(status="changed" if changes else "same", a=task.content, b=b.tasks[j].content,
                                  changes=changes, similarity=round(score, 2)))
        else:
            out.append(TaskChange(status="removed", a=task.content))
    out += [TaskChange(status="added", b=task.content) for j, task in enumerate(b.tasks) if j not in used_b]
    return out


def diff_plans(a: Plan, b: Plan) -> PlanDiff:
    """The comparison of plan `a` with plan `b`."""
    meta = [MetaRow(field=f, a=_meta_value(a, f), b=_meta_value(b, f), same=_meta_value(a, f) == _meta_value(b, f))
            for f in META_FIELDS]
    tag_a, tag_b = _tags(a, b)
    tasks = _tasks(a, b)
    return PlanDiff(a=_label(a, "A"), b=_label(b, "B"), a_tag=tag_a, b_tag=tag_b, meta=meta, areas=_areas(a, b),
                    targets=_targets(a, b), tasks=tasks, tasks_unchanged=sum(t.status == "same" for t in tasks))
