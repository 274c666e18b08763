"""Tables from PDF pages: merged cells filled, pieces split by page breaks stitched back."""

from __future__ import annotations

from kehoach.parse.blocks import Block
from kehoach.parse.language.textutil import squash
from kehoach.parse.readers.lines import number_goes_on
from kehoach.parse.table_cells import is_column_number_row, same_row


def _cell_lines(text: str) -> str:
    """A cell's lines as printed, each squashed: like a Word cell's paragraphs, they let the task
    extractor tell a list of names, one a line, from text that wraps. A document number broken
    after its hyphen ('52/2015/NĐ-' + 'CP') is joined back."""
    lines: list[str] = []
    for line in (squash(part) for part in text.split("\n")):
        if line and lines and number_goes_on(lines[-1], line):
            lines[-1] += line
        elif line:
            lines.append(line)
    return "\n".join(lines)


def table_rows(raw: list[list[str | None]], spanning: list[bool] | None = None) -> list[list[str]]:
    """pdfplumber cells -> texts. A spanning row (`spanning`; when not known, a row with one cell
    and the rest merged) repeats its text across; any other merged cell repeats the cell above."""
    return merged_rows(raw, spanning)[0]


def merged_rows(raw: list[list[str | None]], spanning: list[bool] | None = None) -> tuple[list[list[str]], list[bool]]:
    """`table_rows`, and for each row whether it is a continued row (one cell of its own, the
    others covered by cells merged down from above; see `Block.continued_rows`)."""
    rows: list[list[str]] = []
    continued: list[bool] = []
    for index, raw_row in enumerate(raw):
        cells = [_cell_lines(c) if c is not None else None for c in raw_row]
        present = [c for c in cells if c is not None]
        spans = spanning[index] if spanning is not None else len(present) == 1
        if spans and len(present) == 1 and present[0]:
            rows.append([present[0]] * len(cells))
            continued.append(False)
            continue
        row = []
        for col, cell in enumerate(cells):
            if cell is None:
                cell = rows[-1][col] if rows and col < len(rows[-1]) else ""
            row.append(cell)
        rows.append(row)
        continued.append(bool(rows[:-1]) and len(present) == 1 and len(cells) > 2)
    kept = [i for i, r in enumerate(rows) if any(r)]
    return [rows[i] for i in kept], [continued[i] for i in kept]


def _is_spanning(row: list[str]) -> bool:
    return len(set(row)) == 1 and bool(row[0])


def _append_continuation(table: Block, more: Block) -> None:
    rows = list(more.rows)
    pages = list(more.row_pages) or [more.page] * len(rows)
    header = table.rows[0] if table.rows else []
    while rows and (same_row(rows[0], header) or is_column_number_row(rows[0])):
        rows.pop(0)
        pages.pop(0)
    # A first row without its number continues the last row cut by the page break.
    if rows and table.rows and not rows[0][0] and not _is_spanning(rows[0]) and not _is_spanning(table.rows[-1]):
        last = table.rows[-1]
        table.rows[-1] = [squash(f"{a} {b}") if b and b != a else a for a, b in zip(last, rows[0], strict=False)]
        rows.pop(0)
        pages.pop(0)
    table.continued_rows = (table.continued_rows or [False] * len(table.rows)) + (
        more.continued_rows[len(more.rows) - len(rows):] if more.continued_rows else [False] * len(rows))
    table.rows.extend(rows)
    table.row_pages.extend(pages)
    table.row_lines.extend([None] * len(rows))


def _last_page(table: Block) -> int:
    pages = [p for p in table.row_pages if p is not None]
    return pages[-1] if pages else (table.page or 0)


def stitch_tables(blocks: list[Block]) -> list[Block]:
    """Join a table continued on the next page(s) (same column count, nothing between)."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == block.kind == "table"
            and prev.rows
            and block.rows
            and len(prev.rows[0]) == len(block.rows[0])
            and (block.page or 0) > _last_page(prev)
        ):
            _append_continuation(prev, block)
            continue
        out.append(block)
    return out
