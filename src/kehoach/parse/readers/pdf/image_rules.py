"""Ruling lines of a table in a page image: long runs of dark pixels.

A scanned table has no vector paths, but its rules are still there as pixels: a row
(or column) of the image holding a run of dark pixels far longer than any letter is a
horizontal (vertical) rule. Neighbouring pixel rows of one thick rule are merged. The
rules come out in the same form as the vector edges of a text PDF (points, top measured
from the page's top), so the same table geometry turns them into cells.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from kehoach.parse.readers.pdf.rules import _edge

# Darker than this (0-255 grey) is ink.
_INK = 140
# A rule is at least this share of the page's width (or height); letters are far shorter.
_MIN_SHARE = 0.04
# Pixel rows (columns) this close hold one rule drawn a few pixels thick.
_MERGE_PX = 4


def _runs(line: np.ndarray, min_len: int) -> list[tuple[int, int]]:
    """(start, end) of the runs of True at least `min_len` long."""
    padded = np.concatenate(([False], line, [False])).astype(np.int8)
    changes = np.flatnonzero(np.diff(padded))
    starts, ends = changes[0::2], changes[1::2]
    keep = (ends - starts) >= min_len
    return list(zip(starts[keep].tolist(), ends[keep].tolist(), strict=True))


def _segments(ink: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every long run, row by row; rows without one are skipped cheaply."""
    out: list[tuple[int, int, int]] = []
    candidates = np.flatnonzero(ink.sum(axis=1) >= min_len)
    for row in candidates.tolist():
        out.extend((row, a, b) for a, b in _runs(ink[row], min_len))
    return out


def _merge(segments: list[tuple[int, int, int]]) -> list[tuple[float, int, int]]:
    """Runs on neighbouring rows that overlap are one rule: (middle row, start, end)."""
    rules: list[list[int]] = []  # first row, last row, start, end
    for row, start, end in sorted(segments):
        for rule in rules:
            if row - rule[1] <= _MERGE_PX and start < rule[3] and end > rule[2]:
                rule[1], rule[2], rule[3] = row, min(rule[2], start), max(rule[3], end)
                break
        else:
            rules.append([row, row, start, end])
    return [((first + last) / 2, start, end) for first, last, start, end in rules]


def image_edges(image: Any, scale: float) -> list[dict[str, Any]]:
    """Horizontal and vertical rules of a greyscale page image, in points (`scale` pixels a point)."""
    pixels = np.asarray(image.convert("L"))
    ink = pixels < _INK
    height, width = ink.shape
    edges: list[dict[str, Any]] = []
    for y, x0, x1 in _merge(_segments(ink, max(int(width * _MIN_SHARE), 20))):
        edges.append(_edge(x0 / scale, y / scale, x1 / scale, y / scale, "h"))
    for x, y0, y1 in _merge(_segments(ink.T, max(int(height * _MIN_SHARE), 20))):
        edges.append(_edge(x / scale, y0 / scale, x / scale, y1 / scale, "v"))
    return edges
