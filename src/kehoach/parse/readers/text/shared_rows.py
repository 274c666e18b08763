"""Task tables in text copied from a PDF, where a row's cells share lines.

Copying a table out of a PDF reads it line by line across the columns: the first
line of a row holds the start of every cell ('1 Ban hành Kế hoạch ... Phòng Văn
hóa - Trong tháng Kế hoạch của UBND xã'), the next lines the rest of each cell that
wrapped ('năm 2025 Xã hội 7/2025'). The row structure is gone but what each column
holds is recognisable, so every line is cut into pieces, left to right, and each
piece given to a column in the header's order, scoring how well it fits there:
agencies start with 'Phòng', 'Trung tâm', 'Các cơ quan' ..., times with 'Quý',
'Trong tháng', '6 tháng cuối' ..., and a cell that stopped mid-phrase goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kehoach.parse.extract.agencies import starts_agency
from kehoach.parse.language.textutil import fold, squash
from kehoach.parse.language.vocab import AGENCY_HEADS, TABLE_HEADER_WORDS, TIME_STARTERS
from kehoach.parse.readers.text.flat_rows import HEADER_LABELS, columns_from_header
from kehoach.parse.structure.markers import is_roman_item

_HEADER_WORDS = tuple(fold(w) for w in TABLE_HEADER_WORDS)
_TIME_STARTERS = tuple(fold(w) for w in TIME_STARTERS)
_ROW_START = re.compile(r"^(\d{1,3})\.?\s+(\S.*)$")
# Words a time cell is made of ('Trong tháng 7/2025', '6 tháng cuối năm 2025', 'Quý IV/2025').
_TIME_WORDS = frozenset(
    fold(w) for w in ("trong", "tháng", "quý", "quí", "năm", "cuối", "đầu", "hằng", "hàng", "thường", "xuyên",
                      "định", "kỳ", "trước", "ngày", "từ", "đến", "hết", "và", "sáu", "chín", "giai", "đoạn", "cả")
)
_TIME_TOKEN = re.compile(r"^(?:\d{1,4}(?:[/.-]\d{1,4}){0,2}|[IVX]{1,4}(?:[/.-]\d{4})?)[.,;)]?$")
# A piece of a cell that stops mid-phrase: the cell goes on in the next line.
_OPEN_END = re.compile(r"(?:[-–,(/&]|\b(?:và|của|các|thuộc|trên|với|cho|tại|theo|về|trong|số|phục|chủ|cấp))$", re.I)


def is_shared_header(text: str) -> bool:
    """'TT Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời gian Sản phẩm' on one line."""
    if not text[:3].upper().startswith(("TT", "STT", "SỐ")) or len(text) < 20:
        return False  # cheap test first: asked of every line of a text file
    key = fold(text)
    if not re.match(r"^(?:s?tt|số tt)\b", key):
        return False
    return sum(word in key for word in _HEADER_WORDS) >= 3


@lru_cache(maxsize=4096)
def _agency_at(rest: str) -> bool:
    return rest[:1].isupper() and starts_agency(rest)


def _time_at(rest: str) -> bool:
    key = fold(rest)
    return key.startswith(_TIME_STARTERS) and not key.startswith(("tháng ", "năm ")) or bool(
        re.match(r"^(?:quý|qúy|quí)\s", key)
    )


def _is_time_token(token: str) -> bool:
    return fold(token).strip(".,;()") in _TIME_WORDS or bool(_TIME_TOKEN.match(token))


@dataclass(slots=True)
class _Row:
    number: str = ""
    cells: dict[str, list[str]] = field(default_factory=dict)
    line: int | None = None

    def open(self, column: str) -> bool:
        """The column's cell has text that stops mid-phrase."""
        pieces = self.cells.get(column)
        return pieces is not None and bool(pieces) and bool(_OPEN_END.search(pieces[-1]))

    def has(self, column: str) -> bool:
        return bool(self.cells.get(column))

    def goes_on(self, column: str, widths: dict[str, int]) -> bool:
        """The cell probably continues on this line: it stopped mid-phrase, or its last piece
        filled the column's width (which is why it wrapped)."""
        pieces = self.cells.get(column)
        if not pieces:
            return False
        width = widths.get(column)
        return self.open(column) or (width is not None and len(pieces[-1]) >= 0.6 * width)


# Heads that need a name after them ('Văn phòng', 'Phòng'), not whole bodies such as 'UBND'.
_HEADS = frozenset(fold(head) for head, _ in AGENCY_HEADS if not head.isupper())
# A line of a table row holds a few words per column; a longer one is not cut into cells.
_MAX_TOKENS = 48
# Each piece costs this much, so a line is cut only where the pieces fit their columns better.
_PIECE_COST = 1.0


def _boundary(tokens: list[str], start: int) -> float:
    """How likely a cell boundary falls before tokens[start]: a cell's line can end on any word
    (it wrapped), but a new piece more often starts with a capital or a number."""
    if start == 0:
        return 0.0
    first = tokens[start][:1]
    return 0.3 if first.isupper() or first.isdigit() or first in "(“\"" else -0.3


@dataclass(slots=True)
class _Line:
    """What the scoring asks of a line's words, worked out once per line."""

    tokens: list[str]
    agency: list[bool]
    """An agency's name starts at this word (not right after a head word: 'Văn phòng HĐND')."""
    time: list[bool]
    """A time phrase starts at this word."""
    boundary: list[float]
    """How likely a cell boundary falls before this word."""
    ends: list[int]
    """Character offset after each word, for piece lengths."""
    digits: list[int]
    """Prefix counts of words holding digits."""
    times: list[int]
    """Prefix counts of time words."""

    @classmethod
    def of(cls, tokens: list[str]) -> _Line:
        n = len(tokens)
        rests = [" ".join(tokens[i : i + 5]) for i in range(n)]
        after_head = [i > 0 and any(fold(" ".join(tokens[k:i])) in _HEADS for k in (i - 1, max(i - 2, 0)))
                      for i in range(n)]
        ends, digits, times = [0], [0], [0]
        for t in tokens:
            ends.append(ends[-1] + len(t) + 1)
            digits.append(digits[-1] + any(ch.isdigit() for ch in t))
            times.append(times[-1] + _is_time_token(t))
        return cls(tokens, [_agency_at(r) and not h for r, h in zip(rests, after_head, strict=True)],
                   [_time_at(r) for r in rests], [_boundary(tokens, i) for i in range(n)], ends, digits, times)

    def length(self, start: int, end: int) -> int:
        return self.ends[end] - self.ends[start] - 1


def _width_fit(column: str, length: int, widths: dict[str, int]) -> float:
    """Each column wraps at its width: a piece much longer than the widest piece seen in that
    column on reliable lines does not fit."""
    width = widths.get(column)
    if not width or length <= width * 1.15 + 2:
        return 0.0
    return -4.0 - (length - width) / 5


def _column_state(column: str, row: _Row, widths: dict[str, int]) -> tuple[bool, float]:
    """(the column's cell has started in this row, the bonus for going on with it)."""
    goes_on = (2.0 if row.open(column) else 1.2) if row.goes_on(column, widths) or not widths else -2.0
    return row.has(column), goes_on


def _piece_score(column: str, line: _Line, start: int, end: int, state: tuple[bool, float], first_line: bool,
                 widths: dict[str, int]) -> float:
    """How well words start..end of the line fit as a piece of `column` (higher is better)."""
    size = end - start
    started, goes_on = state
    agency, time = line.agency[start], line.time[start]
    score = line.boundary[start] - _PIECE_COST + _width_fit(column, line.length(start, end), widths)
    if column == "content":
        # The leftmost column: its pieces open a line. On a row's first line the next cell (the
        # lead) starts at the first agency name.
        if start != 0:
            return -10.0
        inside = sum(line.agency[start + 1 : end]) if first_line else 0
        return score + 0.3 * size + (0.0 if first_line else goes_on) - 1.0 * inside
    if column in ("lead", "partners"):
        digits = line.digits[end] - line.digits[start]
        score += (3.5 if agency else -6.0) if not started else goes_on
        return score + 0.1 * size - 1.5 * digits - 0.3 * max(0, size - 6) - (2.0 if time else 0.0)
    if column == "time":
        times = line.times[end] - line.times[start]
        score += (3.5 if time else -6.0) if not started else goes_on
        return score + 0.8 * times - 1.5 * (size - times)
    # product, and any other column after the time
    if not started:
        first = line.tokens[start][:1]
        score += (1.5 if first.isupper() or first.isdigit() else -3.0) - (3.0 if agency else 0.0)
    else:
        score += goes_on
    return score + 0.1 * size


def _split_line(tokens: list[str], columns: list[str], row: _Row, first_line: bool,
                widths: dict[str, int]) -> list[tuple[str, str]]:
    """The best cut of one line into (column, piece) pairs, columns in the header's order
    (dynamic programming over where each piece starts and ends)."""
    n, k = len(tokens), len(columns)
    if n > _MAX_TOKENS or "content" not in columns:
        # Far wider than any table's line (or no content column): not cut; the work would
        # grow with the square of the length.
        return [(columns[0], " ".join(tokens))] if tokens else []
    line = _Line.of(tokens)
    neg = float("-inf")
    # piece[c][i][j - i - 1]: the score of words i..j as a piece of column c, worked out once
    states = [_column_state(column, row, widths) for column in columns]
    piece = [[[_piece_score(column, line, i, j, state, first_line, widths) for j in range(i + 1, n + 1)]
              for i in range(n)] for column, state in zip(columns, states, strict=True)]
    # best[i][c]: best score of tokens[:i] with the last piece in column c-1 (c = 0: nothing yet)
    best = [[neg] * (k + 1) for _ in range(n + 1)]
    back: dict[tuple[int, int], tuple[int, int]] = {}
    best[0][0] = 0.0
    for i in range(n):
        for c in range(k + 1):
            here = best[i][c]
            if here == neg:
                continue
            for nc in range(c + 1, k + 1):
                row_scores = piece[nc - 1][i]
                for offset, value in enumerate(row_scores):
                    j, score = i + offset + 1, here + value
                    if score > best[j][nc]:
                        best[j][nc] = score
                        back[(j, nc)] = (i, c)
    end_c = max(range(1, k + 1), key=lambda c: best[n][c])
    pieces: list[tuple[str, str]] = []
    j, c = n, end_c
    while j > 0:
        i, pc = back[(j, c)]
        pieces.append((columns[c - 1], " ".join(tokens[i:j])))
        j, c = i, pc
    return pieces[::-1]


class SharedRowsBuilder:
    """Feed the lines after the header; read back rows as cell grids.

    Two passes: the first reads every line without knowing the columns' widths and keeps, for
    each column, the longest piece found on the rows' first lines (where every cell starts and
    the vocabulary anchors the cuts); the second reads again with those widths, since a piece
    far longer than its column's width cannot be one of its lines.
    """

    def __init__(self, header_lines: list[str]) -> None:
        self.columns = columns_from_header(header_lines)
        self.lines: list[tuple[str, int]] = []

    def feed(self, text: str, line_no: int) -> None:
        self.lines.append((text, line_no))

    def finish(self) -> list[list[str]]:
        widths = self._read({})[2]
        rows, row_lines, _ = self._read(widths)
        self.row_lines = row_lines
        return rows

    def _read(self, widths: dict[str, int]) -> tuple[list[list[str]], list[int | None], dict[str, int]]:
        reader = _Reader(self.columns, widths)
        for text, line_no in self.lines:
            reader.feed(text, line_no)
        reader.emit()
        return reader.rows, reader.row_lines, reader.first_widths


class _Reader:
    """One pass over the lines of a table."""

    def __init__(self, columns: list[str], widths: dict[str, int]) -> None:
        self.columns = columns
        self.widths = widths
        self.rows: list[list[str]] = [[HEADER_LABELS[c] for c in columns]]
        self.row_lines: list[int | None] = [None]
        self.row: _Row | None = None
        self.last_no = 0
        self.first_widths: dict[str, int] = {}

    def emit(self) -> None:
        row = self.row
        if row is not None and row.cells:
            self.rows.append([row.number if c == "no" else squash(" ".join(row.cells.get(c, []))) for c in self.columns])
            self.row_lines.append(row.line)
        self.row = None

    def _starts_row(self, text: str) -> tuple[str, str] | None:
        m = _ROW_START.match(text)
        # Rows without a number may come between ('10', '', '', '13'): allow a few missing.
        if m and m.group(2)[:1].isupper() and (int(m.group(1)) == 1 or 0 < int(m.group(1)) - self.last_no <= 5):
            return m.group(1), m.group(2)
        return None

    def _full_line(self, tokens: list[str]) -> bool:
        """A line that opens every short column (an agency and a time after some content): the
        first line of a row whose number is missing."""
        agency = next((i for i in range(1, len(tokens)) if _agency_at(" ".join(tokens[i : i + 5]))), None)
        return agency is not None and any(_time_at(" ".join(tokens[i : i + 4])) for i in range(agency + 1, len(tokens)))

    def feed(self, text: str, line_no: int) -> None:
        if is_roman_item(text):
            self.emit()
            self.rows.append([text] * len(self.columns))
            self.row_lines.append(line_no)
            return
        start = self._starts_row(text)
        tokens = (start[1] if start else text).split()
        first_line = start is not None
        if start is None and self.row is not None and self.row.has("time") and self._full_line(tokens):
            first_line = True  # a row without a number
            self.emit()
            self.row = _Row(line=line_no)
        if start is not None:
            self.emit()
            self.last_no = int(start[0])
            self.row = _Row(number=start[0], line=line_no)
        if self.row is None:
            self.row = _Row(line=line_no)
        columns = [c for c in self.columns if c != "no"]
        for column, piece in _split_line(tokens, columns, self.row, first_line, self.widths):
            self.row.cells.setdefault(column, []).append(piece)
            if first_line:
                self.first_widths[column] = max(self.first_widths.get(column, 0), len(piece))
