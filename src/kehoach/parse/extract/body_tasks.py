"""Tasks laid out in the body instead of a table: items whose sub-items or bullets spell out
the task's fields ('Nhiệm vụ: ...', '- Đơn vị chủ trì: ...', '- Thời gian hoàn thành: ...')."""

from __future__ import annotations

import re

from kehoach.parse.extract.agencies import split_agencies
from kehoach.parse.extract.tasks import column_of, due_of
from kehoach.parse.language.textutil import fold
from kehoach.parse.structure.markers import match_marker
from kehoach.parse.structure.tree import walk
from kehoach.schema import Section, Task

_FIELD_LABEL = re.compile(r"^(?P<label>[^:]{3,40}):\s*(?P<value>.*)$", re.S)


def _labelled(text: str) -> tuple[str, str] | None:
    m = _FIELD_LABEL.match(text.strip())
    if not m:
        return None
    return fold(m.group("label")), m.group("value").strip()


def _labelled_fields(section: Section) -> dict[str, str]:
    """Task fields its sub-items and bullets spell out ('Nhiệm vụ: ...', '- Đơn vị chủ trì: X')."""
    fields: dict[str, str] = {}
    pieces = [c.text or c.title or "" for c in section.children] + [p.text for p in section.content]
    for piece in pieces:
        for part in re.split(r"\s+-\s+(?=[^:]{3,40}:)", piece):
            marker = match_marker(part)
            labelled = _labelled(marker.rest if marker else part)
            if labelled is None:
                continue
            label, value = labelled
            field = column_of(label)
            if field in ("content", "lead", "partners", "time", "product") and value and field not in fields:
                fields[field] = value
    return fields


Fields = dict[int, dict[str, str]]
"""Each section's labelled fields, by the section's identity."""


def _trailing_fields(section: Section, task_kinds: frozenset[str], fields: Fields) -> dict[str, str]:
    """Field bullets after an item's last sub-item, when no other sub-item has any and items of
    that kind carry no fields elsewhere: they close the item's list ('2.1. Chuẩn bị ...' / '(1) ...'
    '(2) ...' '(3) ...' / '- Thời gian hoàn thành: ...'), so they are the item's fields."""
    if len(section.children) < 2:
        return {}
    *others, last = section.children
    if last.children or last.kind in task_kinds or any(fields[id(c)] for c in others):
        return {}
    return fields[id(last)]


def _body_task(section: Section, parent: Section | None, year: int | None, task_kinds: frozenset[str],
               fields: Fields) -> Task | None:
    """An item laid out as a task. Either its sub-items carry every field, the task itself
    included ('a) Nhiệm vụ: ...', 'b) Cơ quan thực hiện: - Đơn vị chủ trì: X', 'c) Thời gian ...'):
    the item's heading is the group. Or the item's own text is the task and its bullets give
    the rest ('1.1. Xây dựng ...' / '- Thời gian hoàn thành: ...' / '- Đơn vị chủ trì: ...'):
    the heading above it is the group."""
    own = fields[id(section)] or _trailing_fields(section, task_kinds, fields)
    if not ({"lead", "time"} & own.keys()):
        return None
    if "content" in own and "lead" in own:
        content, group = own["content"], section.title
    elif "lead" in own and (section.text or section.title):
        # A task names who does it: 'Đối tượng kiểm tra: ...', 'Thời gian kiểm tra: ...',
        # 'Địa điểm: ...' describe an event, not a task.
        content, group = (section.text or section.title or ""), (parent.title if parent else None)
    else:
        return None
    return Task(
        no=section.path,
        group=group,
        content=content,
        lead=split_agencies(own.get("lead")),
        partners=split_agencies(own.get("partners")),
        time=own.get("time"),
        due=due_of(own.get("time"), year),
        product=own.get("product"),
        page=section.page,
        line=section.line,
    )


def _task_kinds(sections: list[Section], fields: Fields) -> frozenset[str]:
    """Marker kinds that carry task fields in more than one item: the plan's task level."""
    counts: dict[str, int] = {}
    for section in walk(sections):
        if {"lead", "time"} & fields[id(section)].keys():
            counts[section.kind] = counts.get(section.kind, 0) + 1
    return frozenset(kind for kind, n in counts.items() if n > 1)


def body_tasks(sections: list[Section], year: int | None = None) -> list[Task]:
    """Body items whose children or bullets spell out a task's fields, in document order."""
    fields = {id(s): _labelled_fields(s) for s in walk(sections)}  # asked several times per item
    task_kinds = _task_kinds(sections, fields)

    def visit(items: list[Section], parent: Section | None) -> list[Task]:
        tasks: list[Task] = []
        for section in items:
            task = _body_task(section, parent, year, task_kinds, fields)
            if task is not None:
                tasks.append(task)
            children = section.children
            if task is not None and _trailing_fields(section, task_kinds, fields):
                children = children[:-1]  # the last sub-item's bullets were the item's own fields
            tasks.extend(visit(children, section))
        return tasks

    return visit(sections, None)
