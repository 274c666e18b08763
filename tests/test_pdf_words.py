"""The PDF word reader (parse/readers/pdf/words.py): positions from two PDFium calls per word."""

from __future__ import annotations

import ctypes
import subprocess
import sys
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from kehoach.parse.readers.pdf import words as reader
from kehoach.parse.readers.pdf.reader import read_pdf
from kehoach.parse.readers.pdf.rules import page_edges

from .pdf_builder import SAMPLE_PDF, text_pdf

A4_HEIGHT = 842


def _words(data: bytes) -> list[dict[str, Any]]:
    document = pdfium.PdfDocument(data)
    page = document[0]
    textpage = page.get_textpage()
    try:
        return reader.page_words(textpage.raw, page.get_height())
    finally:
        textpage.close()
        page.close()
        document.close()


def test_word_box_from_origin_size_and_last_character() -> None:
    words = _words(text_pdf([("Ke hoach", 100, 700, 12), ("so 12/KH-UBND", 100, 680, 10)]))
    assert [w["text"] for w in words] == ["Ke", "hoach", "so", "12/KH-UBND"]
    first, number = words[0], words[3]
    assert first["x0"] == pytest.approx(100, abs=0.01)
    assert first["top"] == pytest.approx(A4_HEIGHT - 700 - 12, abs=0.01)
    assert first["bottom"] == pytest.approx(A4_HEIGHT - 700 + 0.25 * 12, abs=0.01)
    assert number["top"] == pytest.approx(A4_HEIGHT - 680 - 10, abs=0.01)
    assert words[1]["x0"] > first["x1"] > first["x0"]
    assert number["x1"] - number["x0"] > 40  # ten characters of 10-point Helvetica


def test_lines_are_told_apart_and_a_superscript_stays_on_its_line() -> None:
    words = _words(text_pdf([("abc", 100, 700, 12), ("def", 72, 686, 12), ("m", 300, 700, 12), ("2", 310.5, 704, 7)]))
    by_text = {w["text"]: w for w in words}
    assert by_text["def"]["top"] - by_text["abc"]["top"] == pytest.approx(14, abs=0.01)
    assert by_text["def"]["x0"] == pytest.approx(72, abs=0.01)
    assert abs(by_text["2"]["top"] - by_text["m"]["top"]) < 3  # one row for the layout pass


def test_a_word_over_two_baselines_is_cut_where_the_baseline_jumps() -> None:
    """PDFium writes no line break between two runs this close; the reader cuts the 'word'."""
    data = text_pdf([("Cong", 100, 700, 12), ("tac", 127, 692, 12)])
    document = pdfium.PdfDocument(data)
    assert document[0].get_textpage().get_text_range() == "Congtac"  # no break from PDFium
    words = _words(data)
    assert [(w["text"], round(w["top"])) for w in words] == [("Cong", A4_HEIGHT - 712), ("tac", A4_HEIGHT - 704)]
    assert words[1]["x0"] == pytest.approx(127, abs=0.01)


def test_fake_bold_is_read_once() -> None:
    words = _words(text_pdf([("UBND", 100, 700, 12), ("UBND", 100.4, 700, 12)]))
    assert [w["text"] for w in words] == ["UBND"]


def test_bare_calls_answer_as_the_declared_ones() -> None:
    """The reader calls PDFium without ctypes' argument checks; every character of a sample page
    must get the same origin, box and size as through pypdfium2's declared functions."""
    document = pdfium.PdfDocument(SAMPLE_PDF.read_bytes())
    page = document[0]
    textpage = page.get_textpage()
    chars = reader._Chars(textpage.raw, page.get_height())
    box, x, y = pdfium_c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    assert count > 500
    for i in range(count):
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, box)
        assert chars.origin(i) == (x.value, page.get_height() - y.value)
        assert chars.right(i) == box.right
        assert chars.size(i) == (pdfium_c.FPDFText_GetFontSize(textpage.raw, i) or 10.0)
    textpage.close()
    page.close()
    document.close()


def test_pdfplumber_is_loaded_only_for_a_page_with_ruling_lines(tmp_path: Path) -> None:
    """pdfplumber's table geometry (and its imports) costs start-up time; a PDF without ruled
    tables does without it."""
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(text_pdf([("KE HOACH", 100, 700, 14), ("Cai cach hanh chinh nam 2025", 100, 680, 12)]))
    code = ("import sys; from kehoach.parse.pipeline import parse_file; from pathlib import Path; "
            "parse_file(Path(sys.argv[1])); print('pdfplumber' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code, str(plain)], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
    run = subprocess.run([sys.executable, "-c", code, str(SAMPLE_PDF)], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "True"  # its last pages hold ruled tables


def _edges(pdf: bytes) -> list[tuple[str, int, int, int, int]]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [(e["orientation"], round(e["x0"]), round(e["top"]), round(e["x1"]), round(e["bottom"]))
                for e in page_edges(document[0])]
    finally:
        document.close()


def test_boxes_that_leave_no_mark_are_not_ruling_lines() -> None:
    """A word processor's PDF may put a white, unstroked box behind each paragraph: read as
    rules, they made a one-column 'table' of the page's text."""
    white = [(85, 700 - 30 * i, 450, 24, "white") for i in range(4)]
    assert _edges(text_pdf([], white)) == []
    # A stroked box and a thin rectangle filled black (how many PDFs draw a table's rules) are rules.
    drawn = _edges(text_pdf([], [(85, 600, 450, 40, "stroke"), (85, 500, 450, 1, "black")]))
    assert drawn == [("h", 84, 201, 536, 201), ("h", 84, 243, 536, 243), ("v", 84, 201, 84, 243),
                     ("v", 536, 201, 536, 243), ("h", 85, 342, 535, 342)]  # the stroke's width widens the box


def test_paragraphs_in_white_boxes_are_read_as_paragraphs() -> None:
    lines = ["I. MUC DICH", "1. Muc dich thu nhat.", "2. Muc dich thu hai.", "II. NOI DUNG"]
    runs = [(text, 90, 706 - 30 * i, 11) for i, text in enumerate(lines)]
    white = [(85, 700 - 30 * i, 450, 30, "white") for i in range(4)]  # stacked, one against the next
    document = read_pdf(text_pdf(runs, white))
    assert [b.kind for b in document.blocks] == ["para"] * 4
    assert [b.text for b in document.blocks] == lines
