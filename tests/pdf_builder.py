"""PDFs for the OCR tests: scans of the sample plans, with or without a text layer laid over.

A scan is a sample PDF's pages rendered to images (scripts/make_scans.py). A stamp-only
scan carries the few words of a digital-signature stamp as text; a garbled one carries a
page of words that are not Vietnamese, as a PDF whose fonts lost their ToUnicode map
gives. Both texts are invisible, so the page image still shows the plan for OCR to read.
"""

from __future__ import annotations

import ctypes
import io
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from make_scans import image_only_pdf  # noqa: E402

SAMPLE_PDF = ROOT / "samples" / "000_e3b5f0d1f2c6f809.pdf"
STAMP_WORDS = "Signed by: So Noi vu Email: snv@example.vn Time: 10.07.2025 08:15:00 +07:00"
# Letters of Vietnamese print mapped to the wrong glyph codes: words no syllable has the shape of.
GARBLED_WORDS = " ".join(["Wkxf", "klhq", "Qjkk", "Zpxr", "dqjv", "Bcxw", "Hgrf", "vwkp"] * 8)


def scan(pages: int = 1, dpi: int = 200, source: Path = SAMPLE_PDF) -> bytes:
    """The first `pages` pages of a sample as an image-only PDF."""
    return image_only_pdf(source.read_bytes(), dpi=dpi, pages=pages)


def turned_scan(degrees: int = 90, dpi: int = 200, source: Path = SAMPLE_PDF) -> bytes:
    """The first page scanned lying on its side (a landscape page fed upright)."""
    document = pdfium.PdfDocument(source.read_bytes())
    page = document[0]
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().rotate(degrees, expand=True)
    page.close()
    document.close()
    out = io.BytesIO()
    image.save(out, "PDF", resolution=float(dpi))
    return out.getvalue()


def _add_text(document: pdfium.PdfDocument, page: pdfium.PdfPage, text: str, x: float, y: float, size: float,
              invisible: bool = False) -> None:
    """One run of Helvetica text at (x, y) from the page's bottom left."""
    run = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", size)
    units = [ord(ch) for ch in text] + [0]
    pdfium_c.FPDFText_SetText(run, (ctypes.c_ushort * len(units))(*units))
    if invisible:
        pdfium_c.FPDFTextObj_SetTextRenderMode(run, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
    pdfium_c.FPDFPageObj_Transform(run, 1, 0, 0, 1, x, y)
    pdfium_c.FPDFPage_InsertObject(page.raw, run)


def _saved(document: pdfium.PdfDocument, page: pdfium.PdfPage) -> bytes:
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    document.save(out)
    page.close()
    document.close()
    return out.getvalue()


def with_hidden_text(pdf: bytes, text: str) -> bytes:
    """`pdf` with `text` laid invisibly over its first page, as a text layer."""
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    _add_text(document, page, text, 40, 40, 10.0, invisible=True)
    return _saved(document, page)


Box = tuple[float, float, float, float, str]
"""x, y (bottom left, from the page's bottom left), width, height, and how it is drawn:
'stroke' (black lines), 'black' (filled black), 'white' (filled white, no stroke)."""


def _add_box(page: pdfium.PdfPage, box: Box) -> None:
    x, y, width, height, drawn = box
    rect = pdfium_c.FPDFPageObj_CreateNewRect(x, y, width, height)
    colour = 255 if drawn == "white" else 0
    pdfium_c.FPDFPageObj_SetFillColor(rect, colour, colour, colour, 255)
    pdfium_c.FPDFPageObj_SetStrokeColor(rect, 0, 0, 0, 255)
    fill = pdfium_c.FPDF_FILLMODE_NONE if drawn == "stroke" else pdfium_c.FPDF_FILLMODE_ALTERNATE
    pdfium_c.FPDFPath_SetDrawMode(rect, fill, drawn == "stroke")
    pdfium_c.FPDFPage_InsertObject(page.raw, rect)


def text_pdf(runs: list[tuple[str, float, float, float]], boxes: list[Box] | None = None) -> bytes:
    """A one-page A4 PDF of text runs (text, x, y from the bottom, font size) in Helvetica,
    in the order given (the content order PDFium reads them in), over `boxes`."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(595, 842)
    for box in boxes or []:
        _add_box(page, box)
    for text, x, y, size in runs:
        _add_text(document, page, text, x, y, size)
    return _saved(document, page)
