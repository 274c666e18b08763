"""Find tables that text extraction flattened into lines, and cut them out of the prose.

A flattened table starts with a header: a line 'TT' or 'STT' followed within a
few lines by other header cells ('Nội dung ...', 'Cơ quan chủ trì', ...). It runs
until a line that closes the list ('Danh mục gồm 15 nhiệm vụ') or the end.
The rows are rebuilt later (`kehoach.parse.extract.tasks`), from what each column holds.
"""

from __future__ import annotations

import re

from kehoach.parse.blocks import Block
from kehoach.parse.extract.agencies import starts_agency
from kehoach.parse.language.textutil import fold, is_person_name, squash
from kehoach.parse.language.timephrases import parse_due
from kehoach.parse.language.vocab import TABLE_HEADER_WORDS
from kehoach.parse.readers.lines import Line
from kehoach.parse.readers.text.flat_rows import FlatTableBuilder, columns_from_header
from kehoach.parse.readers.text.shared_rows import SharedRowsBuilder, is_shared_header
from kehoach.parse.structure.markers import is_roman_item

_HEADER_WORDS = tuple(fold(w) for w in TABLE_HEADER_WORDS)
_NUMBER_HEADER = frozenset({"tt", "stt", "số tt"})
_ROW_NUMBER = re.compile(r"^\d{1,3}\.?(?:\s|$)")
_GROUP_NUMBER = re.compile(r"^(?:[IVXL]{1,6}|[A-ZĐ])\.?$")
# 'Danh mục gồm 15 nhiệm vụ' ends a table. The count is anchored at its first digit: a free
# '.*\d+' before it made a line of digits cost time in its square.
_TABLE_END = re.compile(r"^(?:danh mục|tổng cộng|tổng số)\b.*?(?<!\d)\d{1,4}\s*nhiệm vụ", re.I)


def _is_header_cell(text: str) -> bool:
    key = fold(text)
    return any(word in key for word in _HEADER_WORDS) and len(key) < 60


def _table_starts_at(lines: list[Line], i: int) -> bool:
    if is_shared_header(lines[i].text):
        return True
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
        piped = any(ln.text == "|" for ln in lines[i : i + 3])
        j = _piped_region_end(lines, i) if piped else i
        while j < len(lines) and not _TABLE_END.match(lines[j].text):
            j += 1
        region = lines[i:j]
        if piped:
            pieces.append(("table", cell_table(region)))
        elif is_shared_header(lines[i].text):
            pieces.append(("table", shared_rows_table(region)))
        elif (positional := positional_table(region)) is not None:
            block, used = positional
            pieces.append(("table", block))
            j = i + used  # the lines after the table's last row are prose again
        else:
            pieces.append(("table", rebuild_table(region)))
        i = j
    if prose:
        pieces.append(("prose", prose))
    return pieces


def _starts_data(text: str) -> bool:
    """The first line after the header: a group row ('I. ...', or 'I' alone) or a row number."""
    return is_roman_item(text) or bool(_ROW_NUMBER.match(text)) or bool(_GROUP_NUMBER.match(text.strip()))


_COLUMN_NUMBER = re.compile(r"^\(\d{1,2}\)$")
# Share of rows that must keep the header's rhythm for the positions to be trusted.
_POSITIONAL_AGREEMENT = 0.8


def _opens_row(text: str, last_no: int) -> bool:
    """The next row's first cell: the next number, 1 after a group, or a group's roman number."""
    text = text.strip(" .")
    return text in (str(last_no + 1), "1") or bool(_GROUP_NUMBER.match(text))


def _is_name(text: str) -> bool:
    """A body or a person, or a cell of them one per line."""
    last = text.split("\n")[-1]
    return bool(last) and (starts_agency(last) or is_person_name(last))


def _fold_extra_lines(cells: list[str], width: int) -> list[str]:
    """A row with more lines than the header has cells holds a cell of several paragraphs: two
    names in a row are one cell's paragraphs ('Đỗ Mạnh Cường' / 'Vũ Việt Linh'); failing
    that, the line after the content goes on with the content."""
    cells = list(cells)
    while len(cells) > width:
        pair = next((k for k in range(1, len(cells) - 1) if _is_name(cells[k]) and _is_name(cells[k + 1])), None)
        if pair is not None:
            cells[pair : pair + 2] = [cells[pair] + "\n" + cells[pair + 1]]
        elif len(cells) > 2:
            cells[1:3] = [f"{cells[1]} {cells[2]}".strip()]
        else:
            break
    return cells


def positional_table(region: list[Line]) -> tuple[Block, int] | None:
    """A table copied from Word or LibreOffice as text: every cell on a line of its own, empty
    cells as blank lines, so a row takes as many lines as the header has cells, and the next row
    opens with the next number. Rows are cut where the next number stands: a row shorter than
    the header lost merged cells (filled with nothing), a longer one has a cell of several
    paragraphs. None when too few rows keep the rhythm (the cells are not one per line). Also
    returns how many of the region's lines the table used."""
    start = 1
    while start < len(region) and not _starts_data(region[start].text):
        start += 1
    first = region[0].line
    # The header's cells, up to the '(1) (2) (3)' row of column numbers when there is one.
    cells_end = next((k for k in range(start) if _COLUMN_NUMBER.match(region[k].text)), start)
    if start == len(region) or any(ln.line != first + k for k, ln in enumerate(region[:cells_end])):
        return None
    header: list[str] = []
    for ln in region[:cells_end]:  # a header cell wrapped over lines: 'Trách nhiệm' / 'thực hiện'
        if header and ln.text[:1].islower() or header and ln.text[:1] == "(":
            header[-1] = f"{header[-1]} {ln.text}"
        else:
            header.append(ln.text)
    width = len(header)
    if width < 3:
        return None
    text_at = {ln.line: ln.text for ln in region}
    rows: list[list[str]] = [header]
    row_lines: list[int | None] = [first]
    position, last = region[start].line, region[-1].line
    last_no, exact = 0, 0
    while position <= last:
        opener = text_at.get(position, "").strip(" .")
        merged = not opener and len(rows) > 1 and rows[-1][0].strip(" .").isdigit()
        if not (opener.isdigit() or _GROUP_NUMBER.match(opener) or merged):
            break
        last_no = int(opener) if opener.isdigit() else (last_no if merged else 0)
        size = next((k for k in range(1, width + 4) if _opens_row(text_at.get(position + k, ""), last_no)), 0)
        if not size or (size > width and position + size > last):
            size = width  # no next number in reach: the last row, or the table ends here
        cells = [text_at.get(position + k, "").strip() for k in range(size)]
        names = size > width and any(_is_name(a) and _is_name(b) for a, b in zip(cells, cells[1:], strict=False))
        row = (_fold_extra_lines(cells, width) + [""] * width)[:width]
        if merged:  # a row without its number: the leading cells merged with the row above
            lead = next((k for k, cell in enumerate(row) if cell), width)
            if sum(bool(cell) for cell in row) < 2 and lead <= 1:
                break  # one line of text after the last row: the prose goes on, not the table
            row[:lead] = rows[-1][:lead]
        exact += size == width or names  # the rhythm kept, or broken only by a cell of names
        rows.append(row)
        row_lines.append(position)
        position += size
    if len(rows) < 2 or exact < _POSITIONAL_AGREEMENT * (len(rows) - 1):
        return None
    used = sum(ln.line < position for ln in region)
    return _table_block(rows, row_lines, region[:used]), used


def rebuild_table(region: list[Line]) -> Block:
    """Header lines give the columns; the rest is placed cell by cell."""
    start = 1
    while start < len(region) and not _starts_data(region[start].text):
        start += 1
    builder = FlatTableBuilder(columns_from_header([ln.text for ln in region[:start]]))
    for ln in region[start:]:
        builder.feed(ln.text, ln.line)
    return _table_block(builder.finish(), builder.row_lines, region)


def shared_rows_table(region: list[Line]) -> Block:
    """A table whose rows' cells share lines (text copied from a PDF): see `shared_rows`."""
    start = 1
    while start < len(region) and not _starts_data(region[start].text):
        start += 1
    builder = SharedRowsBuilder([ln.text for ln in region[:start]])
    for ln in region[start:]:
        builder.feed(ln.text, ln.line)
    block = _table_block(builder.finish(), builder.row_lines, region)
    block.guessed_cells = True
    return block


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


# A cell of a web table is a few lines; this many lines without a '|' means the table has ended.
_MAX_CELL_LINES = 30


def _piped_region_end(lines: list[Line], start: int) -> int:
    """Index after the last '|' line of a table whose cells are separated by '|' lines."""
    last_pipe = start
    for j in range(start, len(lines)):
        if lines[j].text == "|":
            last_pipe = j
        elif j - last_pipe > _MAX_CELL_LINES:
            break
    return last_pipe + 1


def _cell_texts(region: list[Line]) -> list[tuple[str, int | None]]:
    """The texts between '|' lines, in order; two '|' lines in a row give an empty text."""
    cells: list[tuple[str, int | None]] = []
    current: list[Line] = []
    for ln in [*region, Line("|", region[-1].line)]:
        if ln.text != "|":
            current.append(ln)
            continue
        cells.append(("\n".join(x.text for x in current), current[0].line if current else None))
        current = []
    return cells


def _is_row_number(text: str) -> bool:
    text = text.strip(" .")
    return (text.isdigit() and len(text) <= 3) or bool(_GROUP_NUMBER.match(text))


def _starts_row(text: str, last_no: int) -> bool:
    """A row number cell: the next TT (or 1 again under a new group), or a group's roman number."""
    text = text.strip(" .")
    if text.isdigit():
        return int(text) in (1, last_no + 1, last_no + 2)
    return bool(_GROUP_NUMBER.match(text))


def _header_width(cells: list[tuple[str, int | None]]) -> int:
    """Header cells: up to the first empty text (the end of the header row), or while they
    name columns when the file puts no empty text there."""
    first_empty = next((k for k, (text, _) in enumerate(cells) if not text), None)
    if first_empty is not None and 2 <= first_empty <= 12:
        return first_empty
    width = 0
    while width < len(cells) and (width == 0 or _is_header_cell(cells[width][0])):
        width += 1
    return width


def _is_page_furniture(row: list[str]) -> bool:
    """A row without a number whose cells are all a few words naming no body and no time
    ('Tải về', 'In', 'Lưu trữ'): the web page's buttons and footer copied with the table."""
    cells = [c for c in row if c.strip()]
    return bool(cells) and not _is_row_number(cells[0]) and all(
        len(c.split()) < 4 and not starts_agency(c) and parse_due(c) is None for c in cells
    )


def _merged_row(row: list[str], above: list[str] | None, width: int, complete: bool) -> list[str]:
    """Fill a short row from the row above through merged cells (rowspan), which web
    conversions leave out: a row without a number continues the numbered row above (the
    number and the cells it leaves out at the end come from there); a numbered row that ends
    early, with no empty cells written, shares its last cells with the row above."""
    if above is None or len(row) >= width or not _is_row_number(above[0]):
        return row + [""] * (width - len(row))
    if not _is_row_number(row[0]):
        return [above[0], *row, *above[len(row) + 1 :]]
    if not complete and row[0].strip(" .").isdigit() and above[0].strip(" .").isdigit():
        return [*row, *above[len(row) :]]
    return row + [""] * (width - len(row))


def _cells_before_next_row(cells: list[tuple[str, int | None]], start: int, last_no: int) -> int:
    """How many texts (empty ones too) come before the next row number."""
    count = 0
    for text, _ in cells[start:]:
        if text and _starts_row(text, last_no):
            break
        count += 1
    return count


def cell_table(region: list[Line]) -> Block:
    """Cells between lines holding only '|' (a web page's table copied as text).

    The header's cells fix the column count. Web conversions end a row and start the next
    with two '|' lines, but also write an empty cell that way, and leave out cells that are
    empty or merged with the row above at the end of a row. A run of empty texts ends the row
    when a row number follows it or when the row would otherwise grow wider than the header
    (its other empty texts are the row's empty cells); else the empty texts are empty cells.
    """
    cells = _cell_texts(region)
    width = _header_width(cells)
    rows: list[list[str]] = [[squash(c) for c, _ in cells[:width]]]
    lines: list[int | None] = [cells[0][1] if cells else None]
    row: list[str] = []
    row_line: int | None = None
    last_no = 0

    def flush(complete: bool) -> None:
        nonlocal row, row_line
        if row and not _is_page_furniture(row):
            rows.append(_merged_row(row, rows[-1] if len(rows) > 1 else None, width, complete))
            lines.append(row_line)
        row, row_line = [], None

    k = width
    while k < len(cells):
        text, line = cells[k]
        if row and row[0].strip(" .").isdigit():
            last_no = int(row[0].strip(" ."))
        if text:
            if len(row) >= width:
                flush(True)
            if not row and is_roman_item(text):  # 'I. Cải cách thể chế': a group row in one cell
                rows.append([text] * width)
                lines.append(line)
            else:
                row_line = line if not row else row_line
                row.append(text)
            k += 1
            continue
        run_end = k
        while run_end < len(cells) and not cells[run_end][0]:
            run_end += 1
        empties = run_end - k
        following = cells[run_end][0] if run_end < len(cells) else None
        if row:
            ends_row = (
                following is None
                or _starts_row(following, last_no)
                or len(row) + empties + _cells_before_next_row(cells, run_end, last_no) > width
            )
            if ends_row:
                row.extend([""] * min(empties - 1, max(width - len(row), 0)))
                flush(empties > 1)
            else:
                row.extend([""] * empties)
        k = run_end
    flush(True)
    return _table_block(rows, lines, region)
