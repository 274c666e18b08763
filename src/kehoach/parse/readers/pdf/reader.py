"""Reader for PDF plans: words and ruling lines from PDFium (pypdfium2), in C.

Words are grouped into rows by their vertical position and rows into segments
where a wide gap separates them. A run of rows that has text on both sides of
the page centre (the two-column header, 'Nơi nhận' beside the signature) is
read column by column. Ruled tables (rules.py: PDFium's lines, pdfplumber's
cell geometry) are filled with the words inside them and stitched across pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium

from kehoach.errors import InputError
from kehoach.parse.blocks import Block, Document
from kehoach.parse.language.textutil import nfc, squash
from kehoach.parse.readers.lines import Line, is_page_number, join_lines
from kehoach.parse.readers.pdf.rules import Box, centre_in, page_edges, ruled_tables
from kehoach.parse.readers.pdf.tables import stitch_tables, table_rows
from kehoach.parse.readers.pdf.words import page_words

_DAMAGED = "not a readable PDF (damaged or truncated)"
_ENCRYPTED = "the PDF is encrypted; remove the password and try again"
# Gap between words (points) that separates two segments of one row.
_SEGMENT_GAP = 24.0
# Rows whose tops differ by less than this are one row.
_ROW_TOLERANCE = 3.0


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
    rows: list[Row] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1].top - word["top"]) <= _ROW_TOLERANCE:
            row = rows[-1]
        else:
            row = Row(word["top"], [])
            rows.append(row)
        row.segments.append(Segment(word["text"], word["x0"], word["x1"]))
    for row in rows:
        row.segments.sort(key=lambda s: s.x0)
        merged: list[Segment] = []
        for seg in row.segments:
            if merged and seg.x0 - merged[-1].x1 < _SEGMENT_GAP:
                merged[-1] = Segment(merged[-1].text + " " + seg.text, merged[-1].x0, seg.x1)
            else:
                merged.append(seg)
        row.segments = merged
    return rows


def _reading_order(rows: list[Row], centre: float) -> list[tuple[Row, str, float]]:
    """(row, text, x0) in reading order; two-column bands are read left column first."""
    out: list[tuple[Row, str, float]] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        two_sided = any(s.x1 <= centre for s in row.segments) and any(s.x0 >= centre for s in row.segments)
        if not two_sided:
            out.append((row, " ".join(s.text for s in row.segments), row.x0))
            i += 1
            continue
        band: list[Row] = []
        while i < len(rows) and all(s.x1 <= centre or s.x0 >= centre for s in rows[i].segments):
            band.append(rows[i])
            i += 1
        if not band:  # text on both sides but also across the centre: one row, read as it stands
            out.append((row, " ".join(s.text for s in row.segments), row.x0))
            i += 1
            continue
        for side in (lambda s: s.x1 <= centre, lambda s: s.x0 >= centre):
            for band_row in band:
                segs = [s for s in band_row.segments if side(s)]
                if segs:
                    out.append((band_row, " ".join(s.text for s in segs), segs[0].x0))
    return out


def _page_items(words: list[dict[str, Any]], tables: list[tuple[Box, Block]], number: int,
                width: float) -> list[Line | Block]:
    """Lines in reading order, with the page's tables placed where they stand."""
    pending_tables = sorted(((bbox[1], block) for bbox, block in tables), key=lambda item: item[0])
    rows = _rows([w for w in words if not any(centre_in(w, bbox) for bbox, _ in tables)])
    items: list[Line | Block] = []
    margin = min((r.x0 for r in rows), default=0.0)
    centre = width / 2
    for line_no, (row, text, x0) in enumerate(_reading_order(rows, centre), start=1):
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
        raise InputError(_ENCRYPTED if "password" in str(exc).lower() else _DAMAGED) from exc


def _read_page(document: pdfium.PdfDocument, index: int) -> tuple[list[dict[str, Any]], list[tuple[Box, Block]], float]:
    """Words, ruled tables and width of one page; PDFium's page handles are freed at once."""
    page = document[index]
    textpage = page.get_textpage()
    try:
        words = page_words(textpage.raw, page.get_height())
        tables: list[tuple[Box, Block]] = []
        for bbox, cells in ruled_tables(page_edges(page), words):
            grid = table_rows(cells)
            if grid:
                tables.append((bbox, Block(kind="table", rows=grid, page=index + 1, row_pages=[index + 1] * len(grid),
                                           row_lines=[None] * len(grid))))
        return words, tables, page.get_width()
    finally:
        textpage.close()
        page.close()


def read_pdf(data: bytes) -> Document:
    """Read a PDF plan into blocks."""
    document = _open(data)
    blocks: list[Block] = []
    pending: list[Line] = []
    words_seen = 0
    try:
        for index in range(len(document)):
            words, tables, width = _read_page(document, index)
            words_seen += len(words)
            for item in _page_items(words, tables, index + 1, width):
                if isinstance(item, Line):
                    pending.append(item)
                    continue
                blocks.extend(join_lines(pending))
                pending = []
                blocks.append(item)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(_DAMAGED) from exc
    finally:
        document.close()
    blocks.extend(join_lines(pending))
    if words_seen == 0:
        raise InputError("the PDF has no text layer (a scanned image?); run OCR first, e.g. ocrmypdf in.pdf out.pdf")
    return Document(blocks=stitch_tables(blocks), format="pdf")
