"""Validation checks on a Plan: each returns findings with a stable code.

| code                    | severity | what |
|-------------------------|----------|------|
| numbering-duplicate/gap/order/latin-letter | warning | from the parser (parse/structure/numbering.py) |
| missing-issuer, missing-date, missing-title, missing-signer, missing-recipients | error | a required part of NĐ 30/2020 is absent from a part the parser found |
| unread-front, unread-issuer, unread-numbering, unread-closing, unread-task-table, guessed-task-cells, low-coverage, task-columns-suspect | review | from the parser (parse/extract/quality.py): a part it could not read; open the document |
| task-count-mismatch     | error    | 'Danh mục gồm N nhiệm vụ' but another number of tasks found |
| appendix-missing        | error    | the body refers to a 'Phụ lục' but no appendix task was found |
| target-over-100         | error    | a percentage above 100 |
| target-range-inverted   | error    | a range whose upper bound is below its lower bound |
| task-no-lead            | warning  | a task without a lead agency |
| task-no-time            | warning  | a task without a time |
| task-outside-period     | warning  | a task due before the plan starts or after it ends |
| targets-section-empty   | warning  | a 'Chỉ tiêu' section without any quantified target |
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kehoach.i18n import N_, _
from kehoach.parse.extract.tasks import task_ref
from kehoach.parse.language.textutil import fold
from kehoach.parse.structure.tree import walk
from kehoach.schema import Finding, Plan

Check = Callable[[Plan], list[Finding]]

_APPENDIX_REF = re.compile(r"\bphụ lục\b", re.I)


def finding(code: str, severity: str, message: str, path: str | None = None, page: int | None = None,
            line: int | None = None) -> Finding:
    """A finding of a check (also `compare/against.py`'s)."""
    return Finding(code=code, severity=severity, message=message, path=path, page=page, line=line)  # type: ignore[arg-type]


def check_required_parts(plan: Plan) -> list[Finding]:
    """Issuer, date, title, signer and recipients must be there.

    Only a part the parser found can be blamed on the document: when the front matter
    (the 'KẾ HOẠCH' line) or the closing part was not found, the Plan carries a 'review'
    finding about the reading instead (see `parse/extract/quality.py`). A plan printed after the
    decision that issues it has the decision's signature and recipients, not its own.
    """
    quality = plan.quality
    unread = {f.code for f in plan.findings if f.about == "reading"}
    front_read = (quality is None or plan.doc_type is not None) and "unread-front" not in unread
    closing_read = quality is None or (quality.closing and not quality.issued_with_decision)
    parts = (
        ("missing-issuer", plan.issuer, front_read and "unread-issuer" not in unread,
         N_("no issuing body (cơ quan ban hành) found")),
        ("missing-date", plan.issued_date, front_read and not (quality and quality.issued_with_decision),
         N_("no issue date ('..., ngày ... tháng ... năm ...') found")),
        ("missing-title", plan.title, front_read, N_("no title (trích yếu) found under the document type")),
        ("missing-signer", plan.signer and plan.signer.name, closing_read, N_("no signer found (TM./KT. block with a name)")),
        ("missing-recipients", plan.recipients, closing_read, N_("no 'Nơi nhận' list found")),
    )
    return [finding(code, "error", _(message)) for code, value, read, message in parts if read and not value]


def check_task_count(plan: Plan) -> list[Finding]:
    """The declared count of tasks matches the tasks found."""
    appendix_tasks = [t for t in plan.tasks if not isinstance(t.no, str)]
    declared = plan.declared_task_count
    if declared is None or declared == len(appendix_tasks):
        return []
    return [finding("task-count-mismatch", "error", _("the plan declares {declared} tasks but {found} were found").format(declared=declared, found=len(appendix_tasks)))]


def check_appendix_present(plan: Plan) -> list[Finding]:
    """A plan that refers to its appendix ('Phụ lục số 01') should have appendix tasks."""
    if any(not isinstance(t.no, str) for t in plan.tasks):
        return []
    for section in walk(plan.sections):
        for text, line in [(section.text or section.title or "", section.line)] + [(p.text, p.line) for p in section.content]:
            if _APPENDIX_REF.search(text):
                return [finding("appendix-missing", "error", _("the body refers to an appendix (Phụ lục) but no appendix task table was found"),
                           path=section.path, line=line)]
    return []


def check_targets(plan: Plan) -> list[Finding]:
    """Percentages above 100, ranges upside down."""
    out: list[Finding] = []
    for t in plan.targets:
        if t.unit == "%" and (t.value > 100 or (t.upper is not None and t.upper > 100)):
            out.append(finding("target-over-100", "error", _("{value}%: more than 100%").format(value=t.upper or t.value), t.where, t.page, t.line))
        if t.upper is not None and t.upper < t.value:
            out.append(finding("target-range-inverted", "error", _("range {low}-{high}: upper bound below lower bound").format(low=t.value, high=t.upper),
                          t.where, t.page, t.line))
    return out


def check_tasks(plan: Plan) -> list[Finding]:
    """Every task has a lead and a time, due inside the plan's period."""
    out: list[Finding] = []
    period = plan.period
    for position, task in enumerate(plan.tasks, start=1):
        where = task_ref(task, position)
        if not task.lead:
            out.append(finding("task-no-lead", "warning", _("task has no lead agency (cơ quan chủ trì)"), where, task.page, task.line))
        if not task.time:
            out.append(finding("task-no-time", "warning", _("task has no time (thời gian thực hiện)"), where, task.page, task.line))
        due = task.due
        if period and due and period.start and period.end:
            early = due.start is not None and due.start < period.start and (due.end is None or due.end < period.start)
            late = due.end is not None and due.end > period.end
            if early or late:
                out.append(finding("task-outside-period", "warning",
                              _("task due '{time}' falls outside the plan period '{period}'").format(time=task.time, period=period.label), where, task.page, task.line))
    return out


def check_target_sections(plan: Plan) -> list[Finding]:
    """A section headed 'Chỉ tiêu' should hold at least one quantified target."""
    paths_with_targets = {t.where for t in plan.targets}
    out: list[Finding] = []
    for section in walk(plan.sections):
        if section.title and fold(section.title).startswith("chỉ tiêu"):
            inside = any(p == section.path or p.startswith(section.path + "/") for p in paths_with_targets)
            if not inside:
                out.append(finding("targets-section-empty", "warning", _("a 'Chỉ tiêu' section without any quantified target"),
                              section.path, section.page, section.line))
    return out


CHECKS: tuple[Check, ...] = (
    check_required_parts,
    check_task_count,
    check_appendix_present,
    check_targets,
    check_tasks,
    check_target_sections,
)


def validate(plan: Plan) -> list[Finding]:
    """Parser findings plus every check's findings."""
    findings = list(plan.findings)
    for check in CHECKS:
        findings.extend(check(plan))
    return findings
