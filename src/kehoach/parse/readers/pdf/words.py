"""Words of a PDF page from PDFium (pypdfium2), without layout analysis.

PDFium's text layer is read in C and already gives text in content order with
spaces and line ends; this module only cuts it into words and asks for the
position of each word's first and last character. That is many times faster
than building every character object in Python, so pdfplumber is kept for
the pages that hold ruled tables.

Those position calls are most of the time this reader takes, so they go through
pdfium_calls' unchecked function pointers, two to three times cheaper per call.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import pypdfium2.raw as pdfium_c

from kehoach.parse.readers.pdf.pdfium_calls import CHAR_ORIGIN, FONT_SIZE, LOOSE_CHAR_BOX

# PDFium marks a hyphen that splits a word over two lines with U+FFFE.
_LINE_HYPHEN = "\ufffe"
_WORD = re.compile(r"[^\s\ufffe]+\ufffe?")
# Fraction of the font size below the baseline that a word box reaches.
_DESCENT = 0.25
# Characters whose baselines differ by more than this (points) are on different lines.
_OTHER_LINE = 2


def _text(textpage: Any, count: int) -> str:
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    return buffer.raw[: count * 2].decode("utf-16-le", errors="replace")


class _Chars:
    """Position queries on one text page (each is one call into PDFium)."""

    def __init__(self, textpage: Any, page_height: float) -> None:
        self.page = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
        self.height = page_height
        self.box = pdfium_c.FS_RECTF()
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.box_ref, self.x_ref, self.y_ref = ctypes.byref(self.box), ctypes.byref(self.x), ctypes.byref(self.y)

    def origin(self, i: int) -> tuple[float, float]:
        """The character's origin: its left edge (in horizontal text) and the distance of its
        baseline from the top of the page."""
        CHAR_ORIGIN(self.page, i, self.x_ref, self.y_ref)
        return self.x.value, self.height - self.y.value

    def right(self, i: int) -> float:
        LOOSE_CHAR_BOX(self.page, i, self.box_ref)
        return float(self.box.right)

    def size(self, i: int) -> float:
        return float(FONT_SIZE(self.page, i)) or 10.0


def _word(text: str, x0: float, x1: float, baseline: float, size: float) -> dict[str, Any]:
    if _LINE_HYPHEN in text:
        text = text.replace(_LINE_HYPHEN, "-")
    return {"text": text, "x0": x0, "x1": x1,
            "top": baseline - size, "bottom": baseline + _DESCENT * size}


def _split_by_line(chars: _Chars, text: str, start: int) -> list[dict[str, Any]]:
    """A 'word' whose characters sit on different baselines, cut where the baseline moves."""
    origins = [chars.origin(i) for i in range(start, start + len(text))]
    words: list[dict[str, Any]] = []
    first = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or abs(origins[k][1] - origins[k - 1][1]) > _OTHER_LINE:
            x0, baseline = origins[first]
            words.append(_word(text[first:k], x0, chars.right(start + k - 1), baseline, chars.size(start + first)))
            first = k
    return words


def page_words(textpage: Any, page_height: float) -> list[dict[str, Any]]:
    """Words as pdfplumber gives them: text, x0, x1, top, bottom (top measured from the page top).

    Three calls per word: the first and last characters' origins (the left edge and the
    baseline; a word whose ends lie on different baselines runs over two lines PDFium did
    not break, and is cut where its characters' baselines jump) and the last character's box
    (the right edge). The font size is asked again only when the baseline moves. A word
    drawn twice at almost the same place ('fake bold') is kept once.
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    chars = _Chars(textpage, page_height)
    text = _text(textpage, count)
    words: list[dict[str, Any]] = []
    # Written out, the calls and fields as locals: this loop runs for every word of every page.
    page, height, box, x, y = chars.page, page_height, chars.box, chars.x, chars.y
    box_ref, x_ref, y_ref = chars.box_ref, chars.x_ref, chars.y_ref
    origin, loose_box, font_size = CHAR_ORIGIN, LOOSE_CHAR_BOX, FONT_SIZE
    last_y, size = None, 10.0
    previous: dict[str, Any] | None = None
    for match in _WORD.finditer(text):
        start, end = match.span()
        origin(page, start, x_ref, y_ref)
        x0, y0 = x.value, y.value
        if end - start > 1:
            origin(page, end - 1, x_ref, y_ref)
        if abs(y.value - y0) > _OTHER_LINE:
            found = _split_by_line(chars, match.group(), start)
            last_y = None
        else:
            if y0 != last_y:
                size = font_size(page, start) or 10.0
                last_y = y0
            loose_box(page, end - 1, box_ref)
            found = [_word(match.group(), x0, box.right, height - y0, size)]
        for word in found:
            if previous is None or not _same_place(previous, word):
                words.append(word)
                previous = word
    return words


def _same_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same word drawn again at almost the same place ('fake bold')."""
    return a["text"] == b["text"] and abs(a["x0"] - b["x0"]) < 1.5 and abs(a["top"] - b["top"]) < 1.5
