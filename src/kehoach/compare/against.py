"""A commune's plan checked against the plan it implements (`validate --against`, `batch
--against`): did it take up the parent's targets at least as strictly, cover its reform areas,
pick up the tasks the parent gives to communes, and promise no later deadlines?

| code                        | severity | what |
|-----------------------------|----------|------|
| target-weaker-than-parent   | error    | same indicator, a lower floor, a higher ceiling or a range below |
| target-missing-from-parent  | warning  | an indicator of the parent's the plan does not mention at all |
| area-missing                | warning  | a reform area the parent covers and the plan has no section, target or task for |
| parent-task-not-taken-up    | warning  | a parent task given to the communes that no task or section takes up |
| deadline-later-than-parent  | error    | a task taken up with a deadline after the parent's |
| parent-targets-later        | info     | the parent's targets for a year after this plan's period (not checked) |
| parent-not-cited            | info     | the plan's bases cite neither the parent's number nor its title: is it the plan it implements? |

Only the parent's targets that hold during the plan's period are compared, and each finding
says why it holds: a yearly target, a target of a year in the period, one to be reached by a
year the period reaches, or one with no year (it holds throughout the parent's period). The
matching is `kehoach.compare.matching`'s, as in `diff`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from kehoach.checks import finding
from kehoach.compare.diff import commitment
from kehoach.compare.matching import coverage, similarity, word_pairs
from kehoach.export.records import Value, areas_present, day_text, strictest, target_cells
from kehoach.i18n import _
from kehoach.parse.extract.classify import AREA_NAMES, INDICATOR_NAMES, mentions_indicator
from kehoach.parse.extract.tasks import task_ref
from kehoach.parse.language.parent_vocab import BY_YEAR, COMMUNE_LEVEL_AGENCIES, IN_YEAR, YEARLY
from kehoach.parse.language.textutil import fold, shorten
from kehoach.parse.structure.tree import walk
from kehoach.schema import Finding, Plan, Target, Task

# A parent task is taken up when at least this share of its word pairs is in one task or item.
TAKEN_UP = 0.5
# A basis cites the parent when it holds at least this share of the word pairs of its title.
CITES_TITLE = 0.6


def _years_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True))
                      + r")\s+(\d{4})\b")


_BY_YEAR, _IN_YEAR = _years_pattern(BY_YEAR), _years_pattern(IN_YEAR)
_YEARLY = tuple(fold(p) for p in YEARLY)
_COMMUNE = tuple(fold(a) for a in COMMUNE_LEVEL_AGENCIES)


@dataclass(slots=True)
class Holds:
    """Whether a parent's target holds during the plan's period, and why, in words."""

    holds: bool
    why: str
    year: int | None = None


def _years(plan: Plan) -> tuple[int, int] | None:
    period = plan.period
    if period is None or period.start is None or period.end is None:
        return None
    return period.start.year, period.end.year


def holds(target: Target, headings: str, plan: Plan, parent: Plan) -> Holds:
    """Does `target` of the parent hold during `plan`'s period? `headings`: the titles of the
    sections the target stands under ('Mục tiêu tổng quát đến năm 2030')."""
    text = fold(f"{target.text} {headings}")
    years = _years(plan)
    if any(p in text for p in _YEARLY):
        return Holds(True, _("a yearly target"))
    if found := _BY_YEAR.search(text):
        year = int(found[1])
        if years is None or years[1] >= year:
            return Holds(True, _("a target to reach by {year}").format(year=year), year)
        return Holds(False, _("a target for {year}").format(year=year), year)
    if found := _IN_YEAR.search(text):
        year = int(found[1])
        if years is None or years[0] <= year <= years[1]:
            return Holds(True, _("a target of {year}").format(year=year), year)
        return Holds(False, _("a target of {year}").format(year=year), year)
    label = parent.period.label if parent.period else _("the parent's period")
    return Holds(True, _("no year given: it holds throughout {period}").format(period=label))


def _headings(parent: Plan) -> dict[str, str]:
    """Section path -> the titles of it and its ancestors."""
    titles = {s.path: s.title or "" for s in walk(parent.sections)}
    return {path: " ".join(titles.get("/".join(path.split("/")[: i + 1]), "") for i in range(path.count("/") + 1))
            for path in titles}


def _cell(target: Target) -> tuple[Value, ...]:
    """(cmp, value, upper, unit): what `strictest` and `_weaker` compare."""
    return target_cells(target)[2:]


def _weaker(mine: tuple[Value, ...], theirs: tuple[Value, ...]) -> bool:
    """Is the commitment `mine` less demanding than `theirs` (cmp, value, upper, unit)? A dropped
    comparator is not weaker ('phấn đấu 80%' against 'tối thiểu 80%')."""
    if mine[3] != theirs[3]:
        return False  # other units: not comparable
    value, their_value = float(mine[1]), float(theirs[1])  # type: ignore[arg-type]
    if theirs[0] in ("<=", "<"):
        return value > their_value
    return mine[0] not in ("<=", "<") and value < their_value


def _plan_text(plan: Plan) -> str:
    parts = [f"{s.title or ''} {s.text or ''} " + " ".join(p.text for p in s.content) for s in walk(plan.sections)]
    return " ".join(parts + [t.content for t in plan.tasks])


def check_targets(plan: Plan, parent: Plan) -> list[Finding]:
    """Weaker and missing targets, and the parent's targets for later years."""
    headings = _headings(parent)
    applying: dict[str, list[tuple[Target, Holds]]] = defaultdict(list)
    later: list[str] = []
    for target in parent.targets:
        if not target.indicator:
            continue
        verdict = holds(target, headings.get(target.where, ""), plan, parent)
        if verdict.holds:
            applying[target.indicator].append((target, verdict))
        else:
            later.append(f"{INDICATOR_NAMES[target.indicator]} {commitment(target)} ({verdict.why})")
    mine: dict[str, list[Target]] = defaultdict(list)
    for target in plan.targets:
        if target.indicator:
            mine[target.indicator].append(target)
    out: list[Finding] = []
    text = None
    for code, found in applying.items():
        name = INDICATOR_NAMES[code]
        for own in mine[code]:
            # One indicator code covers kindred measures ('100% of services online' and 'at least
            # 90% of files online'): each of the plan's targets is held to the parent's target
            # whose sentence it is closest to.
            target, verdict = max(found, key=lambda pair: (pair[0].unit == own.unit, similarity(pair[0].text, own.text)))
            if _weaker(_cell(own), _cell(target)):
                out.append(finding("target-weaker-than-parent", "error", _(
                    "{indicator}: this plan commits to {mine} ({where}), less than the parent's {theirs} "
                    "({parent_where}; {why})").format(
                        indicator=name, mine=commitment(own), where=own.where,
                        theirs=commitment(target), parent_where=target.where, why=verdict.why),
                    own.where, own.page, own.line))
        if mine[code]:
            continue
        text = _plan_text(plan) if text is None else text
        if not mentions_indicator(code, text):
            target, verdict = next((t, h) for t, h in found if _cell(t) == strictest([_cell(t) for t, _h in found]))
            out.append(finding("target-missing-from-parent", "warning", _(
                "{indicator}: the parent commits to {theirs} ({parent_where}; {why}); this plan does not "
                "mention it").format(indicator=name, theirs=commitment(target),
                                     parent_where=target.where, why=verdict.why)))
    if later:
        out.append(finding("parent-targets-later", "info", _(
            "not checked, for a year after this plan's period: {targets}").format(targets="; ".join(later))))
    return out


def check_areas(plan: Plan, parent: Plan) -> list[Finding]:
    """Reform areas the parent covers and the plan leaves out."""
    have = areas_present(plan)
    first: dict[str, str] = {}
    for section in walk(parent.sections):
        if section.area:
            first.setdefault(section.area, section.path)
    return [finding("area-missing", "warning", _(
        "the parent plan has {area} ({parent_where}); this plan has no section, target or task for it").format(
            area=AREA_NAMES[code], parent_where=first.get(code, "")))
        for code in AREA_NAMES if code in areas_present(parent) and code not in have]


def for_communes(task: Task) -> bool:
    """Does a parent task's lead or partners name the commune level?"""
    return any(word in f" {fold(agency)} " for agency in (*task.lead, *task.partners) for word in _COMMUNE)


def _due_in_period(task: Task, plan: Plan) -> bool:
    """A parent task applies unless its dates fall wholly outside the plan's period."""
    period, due = plan.period, task.due
    if period is None or period.start is None or period.end is None or due is None or due.recurring:
        return True
    return not ((due.end is not None and due.end < period.start) or (due.start is not None and due.start > period.end))


def check_tasks(plan: Plan, parent: Plan) -> list[Finding]:
    """Parent tasks for the communes not taken up; taken-up tasks due after the parent's deadline."""
    candidates: list[tuple[str, set[tuple[str, str]], Task | None, str]] = [
        (task_ref(t, i), word_pairs(t.content), t, t.content) for i, t in enumerate(plan.tasks, start=1)]
    for s in walk(plan.sections):
        words = " ".join([s.title or "", s.text or "", *(p.text for p in s.content)])
        candidates.append((s.path, word_pairs(words), None, words))
    out: list[Finding] = []
    for position, task in enumerate(parent.tasks, start=1):
        if not for_communes(task) or not _due_in_period(task, plan):
            continue
        wanted = word_pairs(task.content)
        scored = [(coverage(wanted, pairs), where, own, text) for where, pairs, own, text in candidates]
        score, where, own, text = max(scored, key=lambda c: c[0], default=(0.0, "", None, ""))
        ref = task_ref(task, position)
        if score < TAKEN_UP:
            closest = _("closest: '{text}' ({where}), similarity {score:.2f}").format(
                text=_short(text), where=where, score=score) if where else _("this plan has no task")
            out.append(finding("parent-task-not-taken-up", "warning", _(
                "the parent's {ref} ({lead}) gives the communes '{content}'; no task or item of this plan takes it "
                "up ({closest})").format(ref=ref, lead="; ".join(task.lead), content=_short(task.content),
                                         closest=closest)))
        elif own is not None and own.due and own.due.end and task.due and task.due.end and own.due.end > task.due.end:
            out.append(finding("deadline-later-than-parent", "error", _(
                "'{content}' is due {mine}, after the parent's deadline {theirs} ({ref}: '{time}')").format(
                    content=_short(own.content), mine=day_text(own.due.end),
                    theirs=day_text(task.due.end), ref=ref, time=task.time or ""),
                where, own.page, own.line))
    return out


def _short(text: str) -> str:
    return shorten(text, 90)


def cites(plan: Plan, parent: Plan) -> bool:
    """Does one of the plan's bases (Căn cứ / Thực hiện) cite the parent: its number and symbol,
    or most of the words of its title ('... ban hành Kế hoạch cải cách hành chính ... năm 2025')?"""
    number = "/".join(x for x in (parent.number, parent.symbol) if x) if parent.number else None
    title = word_pairs(parent.title or "")
    for ref in plan.legal_refs:
        if number and ref.number and fold(ref.number) == fold(number):
            return True
        if title and coverage(title, ref.text) >= CITES_TITLE:
            return True
    return False


def check_citation(plan: Plan, parent: Plan) -> list[Finding]:
    """A note when the plan does not cite the parent: the findings may compare unrelated plans."""
    if cites(plan, parent):
        return []
    return [finding("parent-not-cited", "info", _(
        "this plan's bases do not cite the parent plan ('{title}'): check that it is the plan this one implements").format(
            title=_short(parent.title or parent.issuer or "")))]


def check_against(plan: Plan, parent: Plan) -> list[Finding]:
    """Every finding of `plan` checked against the plan it implements."""
    return check_citation(plan, parent) + check_targets(plan, parent) + check_areas(plan, parent) + check_tasks(
        plan, parent)


PARENT_CODES = ("target-weaker-than-parent", "target-missing-from-parent", "area-missing",
                "parent-task-not-taken-up", "deadline-later-than-parent")
