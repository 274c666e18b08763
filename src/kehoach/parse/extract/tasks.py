"""Tasks from appendix task tables (any format) and from body items laid out as tasks.

A table is a task table when one of its first rows names at least a content
column and one more (TT, chủ trì, phối hợp, thời gian, sản phẩm), by synonyms.
Rows then become Tasks; spanning rows with a roman number give the group; header
rows repeated on later pages and '(1) (2) (3)' rows are dropped.
"""

from __future__ import annotations

import re

from kehoach.parse.blocks import Block
from kehoach.parse.extract.agencies import split_agencies
from kehoach.parse.language.textutil import fold, squash
from kehoach.parse.language.timephrases import parse_due
from kehoach.parse.language.vocab import COLUMN_SYNONYMS, FORM_STARTERS
from kehoach.parse.structure.markers import group_heading, match_marker
from kehoach.parse.structure.tree import walk
from kehoach.parse.table_cells import is_column_number_row, same_row
from kehoach.schema import Due, Section, Task

_SYNONYMS = tuple((name, tuple(fold(w) for w in words)) for name, words in COLUMN_SYNONYMS)
_PUNCTUATION = re.compile(r"[^\w\s]")
_FIELD_LABEL = re.compile(r"^(?P<label>[^:]{3,40}):\s*(?P<value>.*)$", re.S)


def task_ref(task: Task, position: int) -> str:
    """'task:N' for targets and findings: the printed TT, else the task's 1-based position."""
    return f"task:{task.no if isinstance(task.no, int) else position}"


def column_of(header: str) -> str | None:
    """The field a header cell names, or None."""
    key = fold(header).strip(" .:")
    if not key:
        return None
    words = squash(_PUNCTUATION.sub(" ", key))  # 'kiểm , tra' as OCR may read it
    for field, synonyms in _SYNONYMS:
        if field == "no":
            if key in synonyms:
                return field
        elif any(word in key or word in words for word in synonyms):
            return field
    return None


def header_map(row: list[str]) -> dict[str, int]:
    """Field -> column index for a header row (first column wins for each field)."""
    mapping: dict[str, int] = {}
    for index, cell in enumerate(row):
        field = column_of(cell)
        if field is not None and field not in mapping:
            mapping[field] = index
    return mapping


def _is_task_header(mapping: dict[str, int]) -> bool:
    """A content column and a responsible body or a time (a product alone only beside a TT:
    'Nội dung | Kết quả' is as often a report of results as a list of tasks)."""
    fields = mapping.keys()
    return "content" in fields and bool({"lead", "time"} & fields or {"product", "no"} <= fields)


def _find_header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    for i, row in enumerate(rows[:4]):
        mapping = header_map(row)
        if _is_task_header(mapping):
            return i, mapping
    return None


_FORM_HEADING = re.compile(r"^(?:" + "|".join(re.escape(fold(w)) for w in FORM_STARTERS) + r")\b")
# How many paragraphs before a table may hold its heading, and how long a heading can be.
_HEADING_REACH = 3
_HEADING_MAX = 120


def under_form_heading(blocks: list[Block], index: int) -> bool:
    """The table at `index` follows the heading of a form, minutes or a list ('Mẫu số 01',
    'BIỂU MẪU', 'DANH SÁCH ...') attached after the plan, not a list of tasks."""
    for seen, block in enumerate(reversed(blocks[:index])):
        if block.kind == "table" or seen == _HEADING_REACH:
            return False
        key = fold(block.text).strip(" .:")
        if len(key) <= _HEADING_MAX and _FORM_HEADING.match(key) and "nhiệm vụ" not in key:
            return True
    return False


def is_task_table(rows: list[list[str]]) -> bool:
    """One of the first rows names a content column and a responsible body or a time."""
    return _find_header(rows) is not None


def looks_like_task_table(rows: list[list[str]]) -> bool:
    """One of the first rows names two task columns or more, mapped or not: a task table the
    parser may have failed to read ('Nhiệm vụ | Đơn vị | Ghi chú' without a time or a body)."""
    return any(len(header_map(row)) >= 2 for row in rows[:4])


_GROUP_NUMBER = re.compile(r"^(?:[IVXL]{1,6}|[A-ZĐ])\.?$")
_OTHER_FIELDS = ("lead", "partners", "time", "product")


def _group_text(row: list[str], mapping: dict[str, int]) -> str | None:
    """A group row -> its text without the number: 'I. Cải cách thể chế' spanning the table, or a
    roman number in the TT column with a title in the content column and nothing else."""
    number, content = _cell(row, mapping, "no"), _cell(row, mapping, "content")
    if number and content and _GROUP_NUMBER.match(number) and not any(_cell(row, mapping, f) for f in _OTHER_FIELDS):
        return squash(content)
    cells = [c for c in row if c]
    if not cells or len(set(cells)) != 1:
        first = row[0] if row else ""
        if not (first and all(not c for c in row[1:]) and group_heading(first)):
            return None
        cells = [first]
    return (group_heading(cells[0]) or cells[0]).strip()


def _cell(row: list[str], mapping: dict[str, int], field: str) -> str | None:
    """A cell's text; paragraphs of a cell stay on their own lines (see `Block.rows`)."""
    index = mapping.get(field)
    if index is None or index >= len(row):
        return None
    text = row[index].strip()
    return text or None


def _text(row: list[str], mapping: dict[str, int], field: str) -> str | None:
    """A cell's text on one line."""
    text = _cell(row, mapping, field)
    return squash(text) if text else None


def _number(text: str | None) -> int | str | None:
    """The TT as printed: a number, or the printed text when it is not one or has a leading zero."""
    if not text:
        return None
    text = text.strip(" .")
    return int(text) if text.isdigit() and not (len(text) > 1 and text.startswith("0")) else text


def _misread_numbers(tasks: list[Task]) -> None:
    """In a table read by OCR, a TT that is not a number between two that are one apart by two
    ('8', 'h)', '10') is the number between them, misread."""
    for before, task, after in zip(tasks, tasks[1:], tasks[2:], strict=False):
        if (isinstance(before.no, int) and isinstance(after.no, int) and after.no == before.no + 2
                and isinstance(task.no, str) and len(task.no) <= 3):  # an empty TT stays empty
            task.no = before.no + 1


_HEADER_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def _column_year(header: list[str], mapping: dict[str, int]) -> int | None:
    """A year printed in the time column's header ('Thời gian (Năm 2026)'): the year of every
    date in the column that prints none."""
    found = _HEADER_YEAR.search(_cell(header, mapping, "time") or "")
    return int(found.group(1)) if found else None


def _due(time: str | None, year: int | None = None) -> Due | None:
    span = parse_due(time or "", year)
    if span is None:
        return None
    return Due(start=span.start, end=span.end, recurring=span.recurring)


def tasks_from_table(table: Block, year: int | None = None) -> list[Task]:
    """Tasks of one table; [] when it is not a task table. `year` dates the time cells that
    print no year, unless the time column's header names one."""
    found = _find_header(table.rows)
    if found is None:
        return []
    header_at, mapping = found
    header = table.rows[header_at]
    year = _column_year(header, mapping) or year
    tasks: list[Task] = []
    group: str | None = None
    for index in range(header_at + 1, len(table.rows)):
        row = table.rows[index]
        if same_row(row, header) or is_column_number_row(row):
            continue
        group_text = _group_text(row, mapping)
        if group_text is not None:
            group = group_text
            continue
        content = _text(row, mapping, "content")
        if not content:
            continue
        time = _text(row, mapping, "time")
        if (tasks and index < len(table.continued_rows) and table.continued_rows[index]
                and content != _text(table.rows[index - 1], mapping, "content")):
            # Only its content cell is its own: the rest is merged down from the task above.
            tasks[-1].content = squash(f"{tasks[-1].content} {content}")
            continue
        number = _number(_text(row, mapping, "no"))
        tasks.append(
            Task(
                no=number,
                group=group,
                content=content,
                lead=split_agencies(_cell(row, mapping, "lead")),
                partners=split_agencies(_cell(row, mapping, "partners")),
                time=time,
                due=_due(time, year),
                product=_text(row, mapping, "product"),
                page=table.row_pages[index] if index < len(table.row_pages) else table.page,
                line=table.row_lines[index] if index < len(table.row_lines) else table.line,
            )
        )
    if table.ocr:
        _misread_numbers(tasks)
    return tasks


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
        due=_due(own.get("time"), year),
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
