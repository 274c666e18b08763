"""Reader for Word documents (.docx), opened with python-docx (see `package.py`).

Paragraphs and tables come out in document order. Word's automatic numbering is
resolved to the printed label (see `numbering.py`). Borderless layout tables
(the header's two columns, the 'Nơi nhận' / signature block) are read as lines,
like the text reader reads them, not as data tables.
"""

from __future__ import annotations

from typing import Any

from docx.text.paragraph import Paragraph

from kehoach.errors import InputError
from kehoach.i18n import _
from kehoach.parse.blocks import Block, Document
from kehoach.parse.language.legacy import note
from kehoach.parse.language.textutil import fold, nfc, squash
from kehoach.parse.language.vocab import CLOSING_STARTERS, TABLE_HEADER_WORDS
from kehoach.parse.readers.lines import (
    Line,
    is_signature_line,
    is_standalone,
    join_lines,
    merge_continuations,
)
from kehoach.parse.readers.word.fonts import RunFonts
from kehoach.parse.readers.word.numbering import Numbering
from kehoach.parse.readers.word.package import open_docx
from kehoach.parse.readers.word.styles import W, int_attr, paragraph_props

# A line before a soft break shorter than this ends its paragraph when the next starts upper-case.
_SOFT_BREAK_WIDTH = 70.0


def _paragraph_text(p: Any, numbering: Numbering, fonts: RunFonts) -> tuple[str, bool]:
    """Text with Word's automatic label in front, and whether there was one. `p` is python-docx's
    paragraph element."""
    style_id, numpr = paragraph_props(p)
    text = nfc(fonts.paragraph_text(p, style_id))
    label = numbering.label(numpr, style_id)
    return (f"{label} {text}", True) if label else (text, False)


# More columns than any page can show: the bound of a table's width when its grid is absent.
_MAX_COLUMNS = 64


def _cell_paragraphs(tc: Any, numbering: Numbering, fonts: RunFonts) -> list[str]:
    return [_paragraph_text(p, numbering, fonts)[0] for p in tc.iter(f"{W}p")]


def _read_cells(tbl: Any, numbering: Numbering, fonts: RunFonts) -> list[list[tuple[str, int, bool]]]:
    """Each row's cells once, in order: (text with its paragraphs on separate lines, grid span,
    continues a vertical merge). Read only once, because reading advances Word's list counters.
    A span is at most the table's grid width (a span of 10^9 would fill memory)."""
    grid = tbl.find(f"{W}tblGrid")
    columns = len(grid.findall(f"{W}gridCol")) if grid is not None else 0
    width = min(columns, _MAX_COLUMNS) if columns else _MAX_COLUMNS
    rows: list[list[tuple[str, int, bool]]] = []
    for tr in tbl.iter(f"{W}tr"):
        row: list[tuple[str, int, bool]] = []
        for tc in tr.iter(f"{W}tc"):
            if tc.getparent() is not tr:
                continue  # cells of a nested table belong to that table
            props = tc.find(f"{W}tcPr")
            span_el = props.find(f"{W}gridSpan") if props is not None else None
            span = int_attr(span_el, "val", 1, (1, width), numbering.odd)
            vmerge = props.find(f"{W}vMerge") if props is not None else None
            continues = vmerge is not None and vmerge.get(f"{W}val") in (None, "continue")
            row.append(("\n".join(_cell_paragraphs(tc, numbering, fonts)), span, continues))
        rows.append(row)
    return rows


def _grid(cells: list[list[tuple[str, int, bool]]]) -> list[list[str]]:
    """Cell texts row by row; a cell spanning columns repeats, a vertical merge repeats the cell above.
    A cell's paragraphs stay on lines of their own (a cell can list one agency per paragraph)."""
    rows: list[list[str]] = []
    for cell_row in cells:
        row: list[str] = []
        for text, span, continues in cell_row:
            col = len(row)
            value = "\n".join(squash(piece) for piece in text.split("\n") if piece.strip())
            if continues and rows and col < len(rows[-1]):
                value = rows[-1][col]
            row.extend([value] * span)
        rows.append(row)
    return rows


def _is_layout(cells: list[list[tuple[str, int, bool]]]) -> bool:
    """Header and signature tables: national motto, 'Nơi nhận', TM./KT. lines, no task header."""
    text_lines = [ln.strip() for row in cells for text, _, _ in row for ln in text.split("\n")]
    if any(is_standalone(ln) or ln.startswith(CLOSING_STARTERS) or is_signature_line(ln) for ln in text_lines if ln):
        first = " ".join(text for text, _, _ in cells[0]) if cells else ""
        return not sum(fold(word) in fold(first) for word in TABLE_HEADER_WORDS) >= 2
    return False


def _layout_lines(cells: list[list[tuple[str, int, bool]]], index: int) -> list[Line]:
    return [Line(squash(piece), index) for row in cells for text, _, _ in row for piece in text.split("\n") if piece.strip()]


def read_docx(data: bytes) -> Document:
    """Read a .docx plan into blocks."""
    parts = open_docx(data)
    numbering = Numbering(parts.numbering, parts.styles)
    fonts = RunFonts(parts.styles, parts.legacy_fonts)
    blocks: list[Block] = []
    for index, item in enumerate(parts.document.iter_inner_content(), start=1):
        if isinstance(item, Paragraph):
            text, numbered = _paragraph_text(item._p, numbering, fonts)
            if "\n" not in text:  # most paragraphs: one line, nothing to decide
                one = squash(text)
                if one:
                    blocks.append(Block(kind="para", text=one, raw=one, line=index, line_end=index,
                                        auto_numbered=numbered))
                continue
            pieces = [Line(squash(piece), index) for piece in text.split("\n")]
            # Soft line breaks inside a paragraph: decide like for text lines.
            joined = join_lines([ln for ln in pieces if ln.text], width=_SOFT_BREAK_WIDTH)
            if joined:
                joined[0].auto_numbered = numbered
            blocks.extend(joined)
        else:
            cells = _read_cells(item._tbl, numbering, fonts)
            rows = _grid(cells)
            if not any(any(cell for cell in row) for row in rows):
                continue
            if _is_layout(cells):
                blocks.extend(join_lines(_layout_lines(cells, index)))
            else:
                blocks.append(Block(kind="table", rows=rows, line=index, line_end=index,
                                    row_lines=[index] * len(rows), row_pages=[None] * len(rows)))
    if not blocks:
        raise InputError(_("the document has no text"))
    notes = [note(encoding, _("from the fonts of the runs")) for encoding in sorted(fonts.converted)]
    if numbering.odd:
        shown = ", ".join(sorted(set(numbering.odd))[:3])
        notes.append(("docx-numbers-ignored", _("{n} number(s) in the Word file were out of range or not numbers "
                                                "and were ignored ({shown})").format(n=len(numbering.odd), shown=shown)))
    return Document(blocks=merge_continuations(blocks), format="docx", notes=notes)

