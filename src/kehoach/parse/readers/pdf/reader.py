"""Reader for PDF plans: words and ruling lines from PDFium (pypdfium2), in C, or from
OCR of the page image where the text layer is missing or garbage (pages.py).

Words are grouped into rows by their vertical position and rows into segments
where a wide gap separates them. A run of rows that has text on both sides of
the page centre (the two-column header, 'Nơi nhận' beside the signature) is
read column by column. Ruled tables (rules.py: PDFium's lines, pdfplumber's
cell geometry) are filled with the words inside them and stitched across pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import pypdfium2 as pdfium

from kehoach.errors import InputError
from kehoach.i18n import N_, _
from kehoach.parse.blocks import Block, Document
from kehoach.parse.language.textutil import nfc, squash
from kehoach.parse.readers.lines import Line, is_page_number, join_lines
from kehoach.parse.readers.options import ReadOptions
from kehoach.parse.readers.pdf.pages import PageContent, read_pages
from kehoach.parse.readers.pdf.rules import Box, ruled_tables, words_outside
from kehoach.parse.readers.pdf.tables import merged_rows, stitch_tables

_DAMAGED = N_("not a readable PDF (damaged or truncated)")
_ENCRYPTED = N_("the PDF is encrypted; remove the password and try again")
# Gap between words (points) that separates two segments of one row.
_SEGMENT_GAP = 24.0
# Rows whose tops differ by less than this are one row.
_ROW_TOLERANCE = 3.0
# Share of the page width where the gap between two columns may lie.
_CUT_ZONE = (0.3, 0.7)
_X0 = itemgetter("x0")


@dataclass(slots=True)
class Segment:
    text: str
    x0: float
    x1: float


@dataclass(slots=True)
class Row:
    top: float
    segments: list[Segment]

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1


def _rows(words: list[dict[str, Any]]) -> list[Row]:
    """Words grouped into rows (top to bottom, by their rounded top; a word within
    _ROW_TOLERANCE of a row's first word joins it), each row cut into segments at wide gaps."""
    # Sorted on (rounded top, x0, position) tuples built in C: a key function per word costs more.
    order = sorted(zip([round(w["top"]) for w in words], [w["x0"] for w in words], range(len(words)), strict=True))
    grouped: list[tuple[float, list[dict[str, Any]]]] = []
    row_top, in_row = float("-inf"), list[dict[str, Any]]()
    for *_key, i in order:
        word = words[i]
        if abs(row_top - word["top"]) > _ROW_TOLERANCE:
            row_top, in_row = word["top"], []
            grouped.append((row_top, in_row))
        in_row.append(word)
    rows: list[Row] = []
    for top, in_row in grouped:
        in_row.sort(key=_X0)
        segments: list[Segment] = []
        texts = [in_row[0]["text"]]
        x0, x1 = in_row[0]["x0"], in_row[0]["x1"]
        for word in in_row[1:]:
            if word["x0"] - x1 < _SEGMENT_GAP:
                texts.append(word["text"])
            else:
                segments.append(Segment(" ".join(texts), x0, x1))
                texts, x0 = [word["text"]], word["x0"]
            x1 = word["x1"]
        segments.append(Segment(" ".join(texts), x0, x1))
        rows.append(Row(top, segments))
    return rows


def _gap_in_middle(row: Row, width: float) -> tuple[float, float] | None:
    """The widest gap between two of the row's segments that lies in the middle part of the
    page (the header's two columns, 'Nơi nhận' beside the signature); None for one column."""
    gaps = [(a.x1, b.x0) for a, b in zip(row.segments, row.segments[1:], strict=False)
            if _CUT_ZONE[0] * width <= (a.x1 + b.x0) / 2 <= _CUT_ZONE[1] * width]
    return max(gaps, key=lambda g: g[1] - g[0]) if gaps else None


def _narrow(free: tuple[float, float], row: Row) -> tuple[float, float] | None:
    """What is left of the free band between the columns once the row's segments are laid
    over it (the widest part), or None when they close it."""
    parts = [free]
    for seg in row.segments:
        parts = [piece for lo, hi in parts
                 for piece in ((lo, min(hi, seg.x0)), (max(lo, seg.x1), hi)) if piece[1] > piece[0]]
    return max(parts, key=lambda p: p[1] - p[0]) if parts else None


def _reading_order(rows: list[Row], width: float) -> list[tuple[Row, str, float]]:
    """(row, text, x0) in reading order; two-column bands are read left column first. A band
    goes on while some upright strip between the columns stays free of text."""
    out: list[tuple[Row, str, float]] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        free = _gap_in_middle(row, width)
        if free is None:
            out.append((row, " ".join(s.text for s in row.segments), row.x0))
            i += 1
            continue
        band: list[Row] = [row]
        i += 1
        while i < len(rows):
            narrowed = _narrow(free, rows[i])
            if narrowed is None:
                break
            free = narrowed
            band.append(rows[i])
            i += 1
        cut = (free[0] + free[1]) / 2
        for left in (True, False):
            for band_row in band:
                segs = [s for s in band_row.segments if (s.x1 <= cut) == left]
                if segs:
                    out.append((band_row, " ".join(s.text for s in segs), segs[0].x0))
    return out


def _page_items(words: list[dict[str, Any]], tables: list[tuple[Box, Block]], number: int,
                width: float) -> list[Line | Block]:
    """Lines in reading order, with the page's tables placed where they stand."""
    pending_tables = sorted(((bbox[1], block) for bbox, block in tables), key=lambda item: item[0])
    rows = _rows(words_outside(words, [bbox for bbox, _ in tables]))
    items: list[Line | Block] = []
    margin = min((r.x0 for r in rows), default=0.0)
    centre = width / 2
    for line_no, (row, text, x0) in enumerate(_reading_order(rows, width), start=1):
        while pending_tables and pending_tables[0][0] < row.top:
            items.append(pending_tables.pop(0)[1])
        text = squash(nfc(text))
        if not text or (is_page_number(text) and len(row.segments) == 1):
            continue
        centred = abs((x0 + row.x1) / 2 - centre) < 12 and x0 > margin + 20
        indent = x0 > margin + 10 and not centred
        items.append(Line(text, line_no, number, indent=indent))
    items.extend(block for _, block in pending_tables)
    return items


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = _ENCRYPTED if "password" in str(exc).lower() else _DAMAGED
        raise InputError(_(message)) from exc


def _tables(content: PageContent) -> list[tuple[Box, Block]]:
    """The page's ruled tables as table blocks, placed by their box."""
    page = content.read.page
    tables: list[tuple[Box, Block]] = []
    for table in ruled_tables(content.edges, content.words):
        grid, continued = merged_rows(table.cells, table.spanning)
        if grid:
            tables.append((table.bbox, Block(kind="table", rows=grid, page=page, row_pages=[page] * len(grid),
                                             row_lines=[None] * len(grid), continued_rows=continued)))
    return tables


def read_pdf(data: bytes, options: ReadOptions | None = None) -> Document:
    """Read a PDF plan into blocks; pages without usable text are OCR'd as `options` say."""
    document = _open(data)
    try:
        contents = read_pages(document, options or ReadOptions())
    except InputError:
        raise
    except Exception as exc:
        raise InputError(_(_DAMAGED)) from exc
    finally:
        document.close()
    blocks: list[Block] = []
    pending: list[Line] = []
    for content in contents:
        for item in _page_items(content.words, _tables(content), content.read.page, content.width):
            if isinstance(item, Line):
                pending.append(item)
                continue
            blocks.extend(join_lines(pending))
            pending = []
            blocks.append(item)
    blocks.extend(join_lines(pending))
    if not any(content.words for content in contents):
        raise InputError(_("the PDF has no text, not even by OCR (blank pages?)"))
    ocr_pages = {c.read.page for c in contents if c.read.source == "ocr"}
    for block in blocks:
        block.ocr = block.page in ocr_pages
    return Document(blocks=stitch_tables(blocks), format="pdf", pages=[c.read for c in contents])
