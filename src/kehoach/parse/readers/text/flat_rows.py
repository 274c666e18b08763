"""Rebuild the rows of a task table that text extraction flattened into lines.

PDF-to-text tools emit a table cell by cell, each cell broken over several short
lines. The row structure is gone, but what each column holds is recognisable:
the TT is the next number, agencies start with 'Phòng', 'Trung tâm', 'Các cơ
quan' ..., time cells with 'Quý', 'Trong tháng', '6 tháng' ..., and the product
is whatever follows the time. A line continues the cell above when it starts in
lower case, or when the line above stops mid-phrase ('Phòng Văn hóa -', '..., ').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.parse.extract.agencies import starts_agency
from kehoach.parse.language.textutil import fold, squash
from kehoach.parse.language.timephrases import parse_due
from kehoach.parse.language.vocab import AGENCY_HEADS, COLUMN_SYNONYMS, TIME_STARTERS
from kehoach.parse.structure.markers import is_roman_item

HEADER_LABELS = {
    "no": "TT", "content": "Nội dung", "lead": "Cơ quan chủ trì", "partners": "Cơ quan phối hợp",
    "time": "Thời gian thực hiện", "product": "Sản phẩm",
}
_NUMBER = re.compile(r"^(\d{1,4})\.?(?:\s+(.*))?$")
_OPEN_END = re.compile(r"(?:[-–,(/&]|\b(?:và|của|các|thuộc|trên|với|cho|tại|theo|về|trong|số|đối với))$", re.I)
_AGENCY_INSIDE = re.compile(r"\s(" + "|".join(re.escape(h) for h, _ in AGENCY_HEADS) + r")\b")
_PREPOSITION_END = re.compile(r"\b(?:của|với|theo|tại|cho|và|thuộc|về)$", re.I)
_BARE_HEADS = frozenset(h for h, _ in AGENCY_HEADS)
# Vocabulary compared with folded text must be folded too ('quý' folds to 'qúy').
_TIME_STARTERS = tuple(fold(w) for w in TIME_STARTERS)
_SYNONYMS = tuple((name, tuple(fold(w) for w in words)) for name, words in COLUMN_SYNONYMS)


def columns_from_header(header_lines: list[str]) -> list[str]:
    """Fields in the order their header words appear."""
    text = fold(" ".join(header_lines))
    positions: dict[str, int] = {"no": -1}
    for name, synonyms in _SYNONYMS:
        if name == "no":
            continue
        hits = [text.find(word) for word in synonyms if word in text]
        if hits:
            positions[name] = min(hits)
    return sorted(positions, key=lambda name: positions[name])


@dataclass(slots=True)
class _Row:
    cells: dict[str, list[str]] = field(default_factory=dict)
    line: int | None = None

    def add(self, name: str, text: str) -> None:
        self.cells.setdefault(name, []).append(text)


def _continues(prev: str | None, line: str) -> bool:
    if prev is None:
        return False
    first = line[:1]
    return (
        bool(_OPEN_END.search(prev.rstrip()))
        or prev.strip() in _BARE_HEADS
        or first.islower()
        or first in "(“\"%"
    )


def _is_time(line: str) -> bool:
    return fold(line).startswith(_TIME_STARTERS)


def _split_agency_tail(line: str) -> tuple[str, str] | None:
    """'Kiểm tra cải cách hành chính Phòng Văn hóa -' -> (content, lead start)."""
    for m in _AGENCY_INSIDE.finditer(line):
        before, tail = line[: m.start()].strip(), line[m.start() :].strip()
        if len(before) >= 10 and len(tail) <= 30 and starts_agency(tail) and not _PREPOSITION_END.search(before):
            return before, tail
    return None


def _split_time_tail(line: str) -> tuple[str, str] | None:
    """'Quý IV/2025 Quyết định của Chủ tịch' -> ('Quý IV/2025', 'Quyết định của Chủ tịch')."""
    span = parse_due(line)
    if span is None or span.recurring or not line.startswith(span.label):
        return None
    rest = line[len(span.label) :].strip()
    return (span.label, rest) if rest[:1].isupper() else None


class FlatTableBuilder:
    """Feed lines in order; read back rows as cell grids."""

    def __init__(self, columns: list[str]) -> None:
        self.columns = columns
        self.rows: list[list[str]] = [[HEADER_LABELS[c] for c in columns]]
        self.row_lines: list[int | None] = [None]
        self.row: _Row | None = None
        self.current = "content"
        self.prev: str | None = None
        self.last_no = 0
        self.small_width = 0
        self.content_width = 0
        self.line_no = 0

    def _emit(self) -> None:
        if self.row is not None and self.row.cells:
            self.rows.append([squash(" ".join(self.row.cells.get(c, []))) for c in self.columns])
            self.row_lines.append(self.row.line)
        self.row = None

    def _start_row(self, number: int | None, line_no: int) -> None:
        self._emit()
        self.row = _Row(line=line_no)
        if number is not None:
            self.row.add("no", str(number))
            self.last_no = number
        self.current, self.prev = "content", None

    def _put(self, name: str, text: str) -> None:
        assert self.row is not None
        if name == "content":
            self.content_width = max(self.content_width, len(text))
        else:
            self.small_width = max(self.small_width, len(text))
        self.row.add(name, text)
        self.current, self.prev = name, text

    def _next_field(self, name: str) -> bool:
        """`name` is a column to the right of the current one (a header may lack 'content')."""
        here = self.columns.index(self.current) if self.current in self.columns else -1
        return name in self.columns and self.columns.index(name) > here

    def feed(self, text: str, line_no: int) -> None:
        """Place one line."""
        self.line_no = line_no
        if is_roman_item(text):
            self._emit()
            self.rows.append([text] * len(self.columns))
            self.row_lines.append(line_no)
            return
        number = _NUMBER.match(text)
        # '6 tháng cuối năm' starts with a number too; a TT is followed by a capitalised task.
        if number and number.group(2) and not number.group(2)[:1].isupper():
            number = None
        if number and self.last_no < int(number.group(1)) <= self.last_no + 4:
            self._start_row(int(number.group(1)), line_no)
            if number.group(2):
                self._place(number.group(2), first=True)
            return
        if number and not number.group(2) and len(number.group(1)) <= 2:
            return  # a page number left between the cells
        if self.row is None:
            self._start_row(None, line_no)
        self._place(text, first=False)

    def _place(self, text: str, first: bool) -> None:
        if first or (self.current == "content" and self.prev is None):
            split = _split_agency_tail(text)
            if split and self._next_field("lead"):
                self._put("content", split[0])
                self._put("lead", split[1])
            else:
                self._put("content", text)
            return
        cont = _continues(self.prev, text)
        cur = self.current
        if cur == "content":
            if not cont and starts_agency(text) and self._next_field("lead"):
                self._put("lead", text)
            elif not cont and _is_time(text) and self._next_field("time"):
                self._put_time(text)
            else:
                self._put("content", text)
        elif cur in ("lead", "partners"):
            if cont:
                self._put(cur, text)
            elif _is_time(text) and self._next_field("time"):
                self._put_time(text)
            elif starts_agency(text) and cur == "lead" and self._next_field("partners"):
                self._put("partners", text)
            else:
                self._put(cur, text)
        elif cur == "time":
            if cont or text[:1].isdigit() or fold(text).startswith("năm"):
                self._put("time", text)
            else:
                self._put("product", text)
        elif cur == "product":
            if not cont and self.content_width and len(text) > (self.small_width + self.content_width) / 2:
                self._start_row(None, self.line_no)
                self._put("content", text)
            else:
                self._put("product", text)

    def _put_time(self, text: str) -> None:
        split = _split_time_tail(text)
        if split and "product" in self.columns:
            self._put("time", split[0])
            self._put("product", split[1])
        else:
            self._put("time", text)

    def finish(self) -> list[list[str]]:
        self._emit()
        return self.rows
