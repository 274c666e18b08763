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
# Gaps this short (pixels) in an upright run of ink are bridged: a coloured stamp dropped
# from the image, or a speck, breaks a column rule. Not across: letters on a line stand
# closer than that, and a line of text would become a rule.
_BRIDGE_PX = 8
# Points: the shortest upright rule looked for (the side of a one-line table row).
_SHORT_RULE = 10.0
# Points by which a rule may fall short of the table's edge and still close it.
_CLOSE_SLACK = 4.0


def _runs(line: np.ndarray, min_len: int, bridge: int = 0) -> list[tuple[int, int]]:
    """(start, end) of the runs of True at least `min_len` long, bridging gaps of up to
    `bridge` pixels."""
    padded = np.concatenate(([False], line, [False])).astype(np.int8)
    changes = np.flatnonzero(np.diff(padded))
    starts, ends = changes[0::2].tolist(), changes[1::2].tolist()
    runs: list[list[int]] = []
    for start, end in zip(starts, ends, strict=True):
        if runs and start - runs[-1][1] <= bridge:
            runs[-1][1] = end
        else:
            runs.append([start, end])
    return [(start, end) for start, end in runs if end - start >= min_len]


def _segments(ink: np.ndarray, min_len: int, bridge: int = 0) -> list[tuple[int, int, int]]:
    """(row, start, end) of every long run, row by row; rows without one are skipped cheaply."""
    out: list[tuple[int, int, int]] = []
    candidates = np.flatnonzero(ink.sum(axis=1) >= min_len - bridge * 4)
    for row in candidates.tolist():
        out.extend((row, a, b) for a, b in _runs(ink[row], min_len, bridge))
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


def _close_open_tables(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A table cut by a page break has no rule under its last row (or over its first): its
    column rules run on past the last row rule. A rule is drawn where they end, so the cut
    row still makes cells."""
    down = sorted((e for e in edges if e["orientation"] == "v"), key=lambda e: e["top"])
    across = [e for e in edges if e["orientation"] == "h"]
    clusters: list[list[dict[str, Any]]] = []
    for edge in down:  # column rules that overlap in height belong to one table
        if clusters and edge["top"] <= max(e["bottom"] for e in clusters[-1]):
            clusters[-1].append(edge)
        else:
            clusters.append([edge])
    added: list[dict[str, Any]] = []
    for cluster in clusters:
        if len(cluster) < 2:
            continue
        x0, x1 = min(e["x0"] for e in cluster), max(e["x0"] for e in cluster)
        top, bottom = min(e["top"] for e in cluster), max(e["bottom"] for e in cluster)
        rows = [e["top"] for e in across if e["x0"] <= x0 + _CLOSE_SLACK and e["x1"] >= x1 - _CLOSE_SLACK
                and top - _CLOSE_SLACK <= e["top"] <= bottom + _CLOSE_SLACK]
        if not rows:
            continue
        if max(rows) < bottom - _CLOSE_SLACK:
            added.append(_edge(x0, bottom, x1, bottom, "h"))
        if min(rows) > top + _CLOSE_SLACK:
            added.append(_edge(x0, top, x1, top, "h"))
    return edges + added


def _between_rules(x: float, y0: float, y1: float, across: list[dict[str, Any]]) -> bool:
    """A short upright run ends on a row rule at both ends: the side of a low table row."""
    def on_rule(y: float) -> bool:
        return any(abs(e["top"] - y) <= _CLOSE_SLACK and e["x0"] - _CLOSE_SLACK <= x <= e["x1"] + _CLOSE_SLACK
                   for e in across)
    return on_rule(y0) and on_rule(y1)


def find_rules(image: Any, scale: float) -> tuple[Any, list[dict[str, Any]]]:
    """The image with its rules turned to paper, and the rules as table edges in points
    (`scale` pixels a point). OCR reads a rule beside a word as '|' or '_' and a word that
    touches one badly; the cells are known from the edges, so the rules are not needed.
    Upright runs shorter than a long rule (a letter's stem is as tall as a low row) count
    only where they join two row rules."""
    from PIL import Image

    pixels = np.asarray(image.convert("L")).copy()
    ink = pixels < _INK
    height, width = ink.shape
    across = _segments(ink, max(int(width * _MIN_SHARE), 20))
    long_down = max(int(height * _MIN_SHARE), 20)
    down = _segments(ink.T, min(int(_SHORT_RULE * scale), long_down), _BRIDGE_PX)
    edges = [_edge(x0 / scale, y / scale, x1 / scale, y / scale, "h") for y, x0, x1 in _merge(across)]
    rows = list(edges)
    kept: list[tuple[int, int, int]] = []
    for x, y0, y1 in _merge(down):
        if y1 - y0 >= long_down or _between_rules(x / scale, y0 / scale, y1 / scale, rows):
            edges.append(_edge(x / scale, y0 / scale, x / scale, y1 / scale, "v"))
            kept.append((int(x), y0, y1))
    edges = _close_open_tables(edges)
    for row, start, end in across:
        pixels[max(row - 1, 0) : row + 2, start:end] = 255
    for column, start, end in down:
        if any(abs(column - x) <= _MERGE_PX and start >= y0 - 1 and end <= y1 + 1 for x, y0, y1 in kept):
            pixels[start:end, max(column - 1, 0) : column + 2] = 255
    return Image.fromarray(pixels), edges
