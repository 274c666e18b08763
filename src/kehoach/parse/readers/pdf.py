"""Reader for PDF plans with pdfplumber.

Words are grouped into rows by their vertical position and rows into segments
where a wide gap separates them. A run of rows that has text on both sides of
the page centre (the two-column header, 'Nơi nhận' beside the signature) is
read column by column. Ruled tables are read with pdfplumber's table finder,
only on pages that have ruling lines, and stitched across pages.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from kehoach.errors import InputError
from kehoach.parse.blocks import Block, Document
from kehoach.parse.readers.lines import Line, is_page_number, join_lines
from kehoach.parse.readers.pdf_tables import stitch_tables, table_rows
from kehoach.parse.textutil import nfc, squash

# pdfminer logs every oddity of a damaged file to stderr; the reader reports one line instead.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

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


def _inside(word: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _page_items(page: Any, number: int) -> list[Line | Block]:
    """Lines in reading order, with the page's tables placed where they stand."""
    tables = page.find_tables() if (page.lines or page.rects) else []
    pending_tables: list[tuple[float, Block]] = []
    for table in tables:
        grid = table_rows(table.extract())
        if grid:
            block = Block(kind="table", rows=grid, page=number, row_pages=[number] * len(grid), row_lines=[None] * len(grid))
            pending_tables.append((table.bbox[1], block))
    pending_tables.sort(key=lambda item: item[0])
    words = [w for w in page.extract_words(x_tolerance=1.5, y_tolerance=2) if not any(_inside(w, t.bbox) for t in tables)]
    rows = _rows(words)
    items: list[Line | Block] = []
    margin = min((r.x0 for r in rows), default=0.0)
    centre = float(page.width) / 2
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


def _open(data: bytes) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # forces the page tree to be read
        return pdf
    except Exception as exc:  # PDFSyntaxError, PdfminerException, ...: the file is broken
        # pdfplumber wraps pdfminer's errors; the wrapped one tells a password from damage.
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise InputError(_ENCRYPTED) from exc
        raise InputError(_DAMAGED) from exc


def read_pdf(data: bytes) -> Document:
    """Read a PDF plan into blocks."""
    pdf = _open(data)
    blocks: list[Block] = []
    pending: list[Line] = []
    chars = 0
    try:
        for number, page in enumerate(pdf.pages, start=1):
            page = page.dedupe_chars()
            chars += len(page.chars)
            for item in _page_items(page, number):
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
        pdf.close()
    blocks.extend(join_lines(pending))
    if chars == 0:
        raise InputError("the PDF has no text layer (a scanned image?); run OCR first, e.g. ocrmypdf in.pdf out.pdf")
    return Document(blocks=stitch_tables(blocks), format="pdf")
