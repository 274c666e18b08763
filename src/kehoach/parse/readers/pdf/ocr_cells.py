"""Table cells read one by one rather than as part of the page.

Reading a whole page, Tesseract finds lines across a table row: a date set midway
between the two lines of the cell beside it is read into one of them and misread, a
lone short mark in a wide cell (the '1' of a TT column) is passed over as noise or
read as '|'. So every cell with ink in it is cut out, the cut-outs are stacked one
under another on a blank image and read in one more run as a block of text; each
line read goes back to the cell it was cut from, and the page's own reading of the
table is dropped.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from kehoach.parse.readers.pdf.rules import Box, cell_boxes, words_outside

# Pixels kept clear of a cell's rules when it is cut out, and between cut-outs.
_INSET = 6
_GAP = 30
# Fewer dark pixels than this in a cell is specks, not writing.
_MIN_INK = 40
_INK = 140
# A cell whose whole reading is one of these strokes holds the digit 1: the Vietnamese model
# reads a lone serif '1' as a bar, and no cell of a plan's table holds a bar or a lone 'l'.
_LONE_ONE = frozenset({"|", "l", "!", "]", "["})


def _inked(pixels: np.ndarray, scale: float, cells: list[Box]) -> list[tuple[Box, np.ndarray]]:
    """Cells holding some ink, with their cut-out pixels."""
    found = []
    for cell in cells:
        x0, y0 = int(cell[0] * scale) + _INSET, int(cell[1] * scale) + _INSET
        x1, y1 = int(cell[2] * scale) - _INSET, int(cell[3] * scale) - _INSET
        if x1 - x0 < 4 or y1 - y0 < 4:
            continue
        cut = pixels[y0:y1, x0:x1]
        if int((cut < _INK).sum()) >= _MIN_INK:
            found.append((cell, cut))
    return found


def read_cells(image: Any, scale: float, edges: list[dict[str, Any]], words: list[dict[str, Any]],
               lang: str) -> list[dict[str, Any]]:
    """The page's words, those in table cells replaced by the cells' own reading."""
    from PIL import Image

    from kehoach.parse.readers.pdf.ocr import read_words

    pixels = np.asarray(image.convert("L"))
    cells = cell_boxes(edges)
    if not cells:
        return words
    words = words_outside(words, cells)
    cuts = _inked(pixels, scale, cells)
    if not cuts:
        return words
    width = max(cut.shape[1] for _, cut in cuts) + 2 * _GAP
    height = sum(cut.shape[0] + _GAP for _, cut in cuts) + _GAP
    canvas = np.full((height, width), 255, dtype=np.uint8)
    slots: list[tuple[Box, int, int]] = []  # cell, top and bottom of its cut-out on the canvas
    top = _GAP
    for cell, cut in cuts:
        canvas[top : top + cut.shape[0], _GAP : _GAP + cut.shape[1]] = cut
        slots.append((cell, top, top + cut.shape[0]))
        top += cut.shape[0] + _GAP
    found, _ = read_words(Image.fromarray(canvas), lang, scale, psm=6)
    placed: list[dict[str, Any]] = []
    lines: dict[float, int] = {}
    for word in found:
        lines[word["top"]] = lines.get(word["top"], 0) + 1
    for word in found:
        if word["text"] in _LONE_ONE and lines[word["top"]] == 1:
            word = {**word, "text": "1"}
        middle = (word["top"] + word["bottom"]) / 2 * scale
        for cell, slot_top, slot_bottom in slots:
            if slot_top - _GAP / 2 <= middle < slot_bottom + _GAP / 2:
                dx = cell[0] + (_INSET - _GAP) / scale
                dy = cell[1] + (_INSET - slot_top) / scale
                placed.append({**word, "x0": word["x0"] + dx, "x1": word["x1"] + dx,
                               "top": word["top"] + dy, "bottom": word["bottom"] + dy})
                break
    return words + placed
