"""The neutral type passed from readers to the structure pass.

Every reader (txt, docx, pdf) turns its input into a list of `Block`s: one per
paragraph (lines already joined) or one per table (a grid of cell texts).
No later stage looks at the input format again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(slots=True)
class Block:
    """A paragraph or a table, with where it came from."""

    kind: Literal["para", "table"]
    text: str = ""
    """Cleaned paragraph text (empty for tables)."""
    raw: str = ""
    """Text as read, before cleaning."""
    rows: list[list[str]] = field(default_factory=list)
    """Cell texts of a table, row by row; merged cells repeat their text. A line break inside a
    cell separates paragraphs the document itself keeps apart (Word cell paragraphs)."""
    line: int | None = None
    """First line (txt) or paragraph index (docx), 1-based."""
    line_end: int | None = None
    """Last line the block covers."""
    page: int | None = None
    """Page the block starts on (PDF)."""
    row_lines: list[int | None] = field(default_factory=list)
    """Provenance line or page-row of each table row, when known."""
    row_pages: list[int | None] = field(default_factory=list)
    """Page of each table row, when known."""
    continued_rows: list[bool] = field(default_factory=list)
    """Rows with one cell of their own, every other place covered by a cell merged down from
    the rows above: they add to the row above (a second gói thầu beside one TT)."""
    guessed_cells: bool = False
    """Table rows rebuilt from text whose cells share lines (copied from a PDF): where one cell
    ends and the next begins was guessed, so the reading is to be checked."""
    ocr: bool = False
    """Read by OCR from a page image: letters and numbers may be misread."""
    auto_numbered: bool = False
    """The marker came from Word's automatic numbering, so the paragraph surely starts an item."""


@dataclass(slots=True)
class PageRead:
    """How one PDF page was read: from its text layer, by OCR, or not at all."""

    page: int
    """Page number, 1-based."""
    source: Literal["text", "ocr", "unread"]
    """text layer, OCR of the page image, or unread (it needed OCR that could not run)."""
    reason: str = ""
    """Why the page was not read from its text layer ('no text layer', 'garbled text layer ...')."""
    confidence: float | None = None
    """Mean OCR word confidence, 0-100."""
    turned: int = 0
    """Degrees the page image was turned before OCR (a landscape page scanned upright)."""


@dataclass(slots=True)
class Document:
    """What a reader returns: the blocks plus notes for the findings list."""

    blocks: list[Block]
    format: Literal["txt", "docx", "pdf"]
    notes: list[tuple[str, str]] = field(default_factory=list)
    """(code, message) pairs the reader wants reported, e.g. an encoding fix."""
    pages: list[PageRead] = field(default_factory=list)
    """How each page was read (PDF only)."""


def page_ranges(pages: list[int]) -> str:
    """'1-4, 7' from [1, 2, 3, 4, 7]."""
    out: list[str] = []
    for page in sorted(pages):
        if out and out[-1].split("-")[-1] == str(page - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{page}"
        else:
            out.append(str(page))
    return ", ".join(out)
