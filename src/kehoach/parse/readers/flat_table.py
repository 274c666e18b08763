"""Find tables that text extraction flattened into lines, and cut them out of the prose.

A flattened table starts with a header: a line 'TT' or 'STT' followed within a
few lines by other header cells ('Nội dung ...', 'Cơ quan chủ trì', ...). It runs
until a line that closes the list ('Danh mục gồm 15 nhiệm vụ') or the end.
The rows are rebuilt later (`kehoach.parse.tasks`), from what each column holds.
"""

from __future__ import annotations

import re

from kehoach.parse.blocks import Block
from kehoach.parse.markers import is_roman_item
from kehoach.parse.readers.flat_rows import FlatTableBuilder, columns_from_header
from kehoach.parse.readers.lines import Line
from kehoach.parse.textutil import fold
from kehoach.parse.vocab import TABLE_HEADER_WORDS

_HEADER_WORDS = tuple(fold(w) for w in TABLE_HEADER_WORDS)
_NUMBER_HEADER = frozenset({"tt", "stt", "số tt"})
_ROW_NUMBER = re.compile(r"^\d{1,3}(?:\s|$)")
_TABLE_END = re.compile(r"^(?:danh mục|tổng cộng|tổng số)\b.*\d+\s*nhiệm vụ", re.I)


def _is_header_cell(text: str) -> bool:
    key = fold(text)
    return any(word in key for word in _HEADER_WORDS) and len(key) < 60


def _table_starts_at(lines: list[Line], i: int) -> bool:
    if _is_markdown_row(lines[i].text):
        return sum(_is_header_cell(c) for c in _markdown_cells(lines[i].text)) >= 2
    if fold(lines[i].text).strip(" .|") not in _NUMBER_HEADER:
        return False
    window = [ln for ln in lines[i + 1 : i + 24] if ln.text != "|"][:11]
    return sum(_is_header_cell(ln.text) for ln in window) >= 2


def _is_markdown_row(text: str) -> bool:
    """'| 1 | Ban hành kế hoạch | Phòng Văn hóa |'."""
    return text.startswith("|") and text.count("|") >= 3


def _markdown_cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


def split_table_regions(lines: list[Line]) -> list[tuple[str, list[Line] | Block]]:
    """Split lines into ('prose', lines) and ('table', Block) pieces in document order."""
    pieces: list[tuple[str, list[Line] | Block]] = []
    prose: list[Line] = []
    i = 0
    while i < len(lines):
        if not _table_starts_at(lines, i):
            prose.append(lines[i])
            i += 1
            continue
        if prose:
            pieces.append(("prose", prose))
            prose = []
        j = i
        if _is_markdown_row(lines[i].text):
            while j < len(lines) and _is_markdown_row(lines[j].text):
                j += 1
            pieces.append(("table", markdown_table(lines[i:j])))
            i = j
            continue
        while j < len(lines) and not _TABLE_END.match(lines[j].text):
            j += 1
        region = lines[i:j]
        pieces.append(("table", cell_table(region) if any(ln.text == "|" for ln in region) else rebuild_table(region)))
        i = j
    if prose:
        pieces.append(("prose", prose))
    return pieces


def _starts_data(text: str) -> bool:
    """The first line after the header: a group row ('I. ...') or a row number."""
    return is_roman_item(text) or bool(_ROW_NUMBER.match(text))


def rebuild_table(region: list[Line]) -> Block:
    """Header lines give the columns; the rest is placed cell by cell."""
    start = 1
    while start < len(region) and not _starts_data(region[start].text):
        start += 1
    builder = FlatTableBuilder(columns_from_header([ln.text for ln in region[:start]]))
    for ln in region[start:]:
        builder.feed(ln.text, ln.line)
    return _table_block(builder.finish(), builder.row_lines, region)


def _table_block(rows: list[list[str]], row_lines: list[int | None], region: list[Line]) -> Block:
    return Block(
        kind="table",
        rows=rows,
        row_lines=row_lines,
        row_pages=[region[0].page] * len(rows),
        line=region[0].line,
        line_end=region[-1].line,
        page=region[0].page,
    )


def markdown_table(region: list[Line]) -> Block:
    """Markdown pipe rows; the '|---|---|' separator row is dropped."""
    rows: list[list[str]] = []
    lines: list[int | None] = []
    for ln in region:
        cells = _markdown_cells(ln.text)
        if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
            continue
        non_empty = [c for c in cells if c]
        rows.append([non_empty[0]] * len(cells) if len(non_empty) == 1 and not cells[0].isdigit() else cells)
        lines.append(ln.line)
    return _table_block(rows, lines, region)


def cell_table(region: list[Line]) -> Block:
    """Cells between lines holding only '|': the header's cells fix the column count."""
    cells: list[tuple[str, int]] = []
    current: list[Line] = []
    for ln in [*region, Line("|", region[-1].line)]:
        if ln.text == "|":
            if current:
                cells.append((" ".join(x.text for x in current), current[0].line))
            current = []
        else:
            current.append(ln)
    width = 0
    while width < len(cells) and (width == 0 or _is_header_cell(cells[width][0])):
        width += 1
    rows: list[list[str]] = [[c for c, _ in cells[:width]]]
    lines: list[int | None] = [cells[0][1] if cells else None]
    k = width
    while k < len(cells):
        text, line = cells[k]
        if is_roman_item(text):
            rows.append([text] * width)
            k += 1
        else:
            rows.append([c for c, _ in cells[k : k + width]] + [""] * max(0, k + width - len(cells)))
            k += width
        lines.append(line)
    return _table_block(rows, lines, region)
