"""Tasks from task tables (any format); body items laid out as tasks are in body_tasks.py.

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
from kehoach.parse.structure.markers import group_heading
from kehoach.parse.table_cells import is_column_number_row, same_row
from kehoach.schema import Due, Task

_SYNONYMS = tuple((name, tuple(fold(w) for w in words)) for name, words in COLUMN_SYNONYMS)
_PUNCTUATION = re.compile(r"[^\w\s]")


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


def due_of(time: str | None, year: int | None = None) -> Due | None:
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
                due=due_of(time, year),
                product=_text(row, mapping, "product"),
                page=table.row_pages[index] if index < len(table.row_pages) else table.page,
                line=table.row_lines[index] if index < len(table.row_lines) else table.line,
            )
        )
    if table.ocr:
        _misread_numbers(tasks)
    return tasks
