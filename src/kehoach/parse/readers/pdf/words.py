"""Words and ruling lines of a PDF page from PDFium (pypdfium2), without layout analysis.

PDFium's text layer is read in C and already gives text in content order with
spaces and line ends; this module only cuts it into words and asks for the
position of each word's first and last character. That is many times faster
than building every character object in Python, so pdfplumber is kept for
the pages that hold ruled tables.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import pypdfium2.raw as pdfium_c

# PDFium marks a hyphen that splits a word over two lines with U+FFFE.
_LINE_HYPHEN = "\ufffe"
_WORD = re.compile(r"[^\s\ufffe]+\ufffe?")
# Fraction of the font size below the baseline that a word box reaches.
_DESCENT = 0.25


def _text(textpage: Any, count: int) -> str:
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    return buffer.raw[: count * 2].decode("utf-16-le", errors="replace")


class _Chars:
    """Position queries on one text page (each is one call into PDFium)."""

    def __init__(self, textpage: Any, page_height: float) -> None:
        self.textpage = textpage
        self.height = page_height
        self._box = pdfium_c.FS_RECTF()
        self._x = ctypes.c_double()
        self._y = ctypes.c_double()

    def baseline(self, i: int) -> float:
        """Distance of the character's baseline from the top of the page."""
        pdfium_c.FPDFText_GetCharOrigin(self.textpage, i, self._x, self._y)
        return self.height - self._y.value

    def left_right(self, i: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetLooseCharBox(self.textpage, i, self._box)
        return self._box.left, self._box.right

    def size(self, i: int) -> float:
        return float(pdfium_c.FPDFText_GetFontSize(self.textpage, i)) or 10.0


def _word(chars: _Chars, text: str, start: int, end: int, baseline: float) -> dict[str, Any]:
    size = chars.size(start)
    return {
        "text": text.replace(_LINE_HYPHEN, "-"),
        "x0": chars.left_right(start)[0],
        "x1": chars.left_right(end - 1)[1],
        "top": baseline - size,
        "bottom": baseline + _DESCENT * size,
    }


def _split_by_line(chars: _Chars, text: str, start: int) -> list[dict[str, Any]]:
    """A 'word' whose characters sit on different baselines, cut where the baseline moves."""
    baselines = [chars.baseline(i) for i in range(start, start + len(text))]
    words: list[dict[str, Any]] = []
    first = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or abs(baselines[k] - baselines[k - 1]) > 2:
            words.append(_word(chars, text[first:k], start + first, start + k, baselines[first]))
            first = k
    return words


def page_words(textpage: Any, page_height: float) -> list[dict[str, Any]]:
    """Words as pdfplumber gives them: text, x0, x1, top, bottom (top measured from the page top).

    A word drawn twice at almost the same place ('fake bold') is kept once.
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    chars = _Chars(textpage, page_height)
    text = _text(textpage, count)
    words: list[dict[str, Any]] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        baseline = chars.baseline(start)
        if abs(baseline - chars.baseline(end - 1)) > 2:
            found = _split_by_line(chars, match.group(), start)
        else:
            found = [_word(chars, match.group(), start, end, baseline)]
        for word in found:
            if words and _same_place(words[-1], word):
                continue
            words.append(word)
    return words


def _same_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["text"] == b["text"] and abs(a["x0"] - b["x0"]) < 1.5 and abs(a["top"] - b["top"]) < 1.5
