"""Find tables that text extraction flattened into lines, and cut them out of the prose.

A flattened table starts with a header: a line 'TT' or 'STT' followed within a
few lines by other header cells ('Nội dung ...', 'Cơ quan chủ trì', ...). It runs
until a line that closes the list ('Danh mục gồm 15 nhiệm vụ') or the end.
The rows are rebuilt later (`kehoach.parse.tasks`), from what each column holds.
"""

from __future__ import annotations

import re

from kehoach.parse.blocks import Block
from kehoach.parse.readers.flat_rows import FlatTableBuilder, columns_from_header
from kehoach.parse.readers.lines import Line
from kehoach.parse.textutil import fold
from kehoach.parse.vocab import TABLE_HEADER_WORDS

_HEADER_WORDS = tuple(fold(w) for w in TABLE_HEADER_WORDS)
_NUMBER_HEADER = frozenset({"tt", "stt", "số tt"})
_DATA_START = re.compile(r"^(?:[IVX]{1,5}\s*[.)]\s+\S|\d{1,3}(?:\s|$))")
_TABLE_END = re.compile(r"^(?:danh mục|tổng cộng|tổng số)\b.*\d+\s*nhiệm vụ", re.I)


def _is_header_cell(text: str) -> bool:
    key = fold(text)
    return any(word in key for word in _HEADER_WORDS) and len(key) < 60


def _table_starts_at(lines: list[Line], i: int) -> bool:
    if fold(lines[i].text).strip(" .|") not in _NUMBER_HEADER:
        return False
    window = lines[i + 1 : i + 12]
    return sum(_is_header_cell(ln.text) for ln in window) >= 2


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
        while j < len(lines) and not _TABLE_END.match(lines[j].text):
            j += 1
        pieces.append(("table", rebuild_table(lines[i:j])))
        i = j
    if prose:
        pieces.append(("prose", prose))
    return pieces


def rebuild_table(region: list[Line]) -> Block:
    """Header lines give the columns; the rest is placed cell by cell."""
    start = 1
    while start < len(region) and not _DATA_START.match(region[start].text):
        start += 1
    builder = FlatTableBuilder(columns_from_header([ln.text for ln in region[:start]]))
    for ln in region[start:]:
        builder.feed(ln.text, ln.line)
    rows = builder.finish()
    return Block(
        kind="table",
        rows=rows,
        row_lines=builder.row_lines,
        row_pages=[region[0].page] * len(rows),
        line=region[0].line,
        line_end=region[-1].line,
        page=region[0].page,
    )
