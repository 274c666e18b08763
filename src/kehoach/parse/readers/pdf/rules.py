"""Ruled tables of a PDF page, from PDFium's vector paths and the page's words.

The ruling lines come from PDFium's path objects; pdfplumber's table geometry
(snapping and joining edges, intersections, cells, tables) turns them into cell
boxes; each cell's text is the words whose centre falls in it. pdfplumber's
own table finder would first lay out every character of the page in Python,
which is most of the cost of reading a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kehoach.parse.readers.pdf.pdfium_calls import (
    COUNT_SEGMENTS,
    bounds,
    draws_nothing,
    objects_of_type,
    path_points,
)

if TYPE_CHECKING:
    from pdfplumber.table import TableFinder

Box = tuple[float, float, float, float]
"""x0, top, x1, bottom in points from the page's top left corner, as pdfplumber gives them."""
# Thinner than this (points), a path is a line; shorter than _MIN_RULE it is not a rule.
_THIN = 2.0
_MIN_RULE = 3.0
_SIMPLE_PATH = 5  # segments of a line or a rectangle
_ROW_TOLERANCE = 2.0
# A cell at least this share of the table's width spans the row.
_SPANNING_SHARE = 0.9


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict[str, Any]:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation}


def _box_edges(x0: float, top: float, x1: float, bottom: float) -> list[dict[str, Any]]:
    """A thin box is one rule through its middle; a larger one is four sides."""
    width, height = x1 - x0, bottom - top
    if height <= _THIN and width >= _MIN_RULE:
        middle = (top + bottom) / 2
        return [_edge(x0, middle, x1, middle, "h")]
    if width <= _THIN and height >= _MIN_RULE:
        middle = (x0 + x1) / 2
        return [_edge(middle, top, middle, bottom, "v")]
    if width < _MIN_RULE or height < _MIN_RULE:
        return []
    return [_edge(x0, top, x1, top, "h"), _edge(x0, bottom, x1, bottom, "h"),
            _edge(x0, top, x0, bottom, "v"), _edge(x1, top, x1, bottom, "v")]


def _segment_edges(handle: Any, page_height: float) -> list[dict[str, Any]]:
    """Axis-aligned straight pieces of a path with many segments (a whole grid in one path)."""
    points = [(x, page_height - y, line_to) for x, y, line_to in path_points(handle)]
    edges: list[dict[str, Any]] = []
    for (ax, ay, _), (bx, by, line_to) in zip(points, points[1:], strict=False):
        if not line_to:
            continue
        if abs(ay - by) < 0.5 and abs(ax - bx) >= _MIN_RULE:
            edges.append(_edge(min(ax, bx), ay, max(ax, bx), ay, "h"))
        elif abs(ax - bx) < 0.5 and abs(ay - by) >= _MIN_RULE:
            edges.append(_edge(ax, min(ay, by), ax, max(ay, by), "v"))
    return edges


def page_edges(page: pdfium.PdfPage) -> list[dict[str, Any]]:
    """Ruling edges of the page, in pdfplumber's form (top measured from the page top)."""
    height = page.get_height()
    edges: list[dict[str, Any]] = []
    for handle in objects_of_type(page.raw, pdfium_c.FPDF_PAGEOBJ_PATH, max_depth=3):
        if draws_nothing(handle):
            continue
        if COUNT_SEGMENTS(handle) > _SIMPLE_PATH:
            edges += _segment_edges(handle, height)
        else:
            left, bottom, right, top = bounds(handle)
            edges += _box_edges(left, height - top, right, height - bottom)
    return edges


def words_in(words: list[dict[str, Any]], box: Box) -> list[dict[str, Any]]:
    """The words whose centre lies in the box (right and bottom edges excluded, as pdfplumber
    does); written as one comprehension, since it runs for every word of every table row."""
    left, top, right, bottom = box
    return [w for w in words
            if left <= (w["x0"] + w["x1"]) / 2 < right and top <= (w["top"] + w["bottom"]) / 2 < bottom]


def words_outside(words: list[dict[str, Any]], boxes: list[Box]) -> list[dict[str, Any]]:
    """The words whose centre lies in none of the boxes (the text around a page's tables)."""
    if not boxes:
        return words
    inside = {id(w) for box in boxes for w in words_in(words, box)}
    return [w for w in words if id(w) not in inside]


def _cell_text(words: list[dict[str, Any]]) -> str:
    """Words of one cell in reading order: lines top to bottom, words left to right."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= _ROW_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return "\n".join(" ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"])) for line in lines)


@dataclass(slots=True)
class RuledTable:
    """One ruled table of a page."""

    bbox: Box
    cells: list[list[str | None]]
    """Cell texts row by row, None where a merged cell covers the place (pdfplumber's `extract`)."""
    spanning: list[bool]
    """Rows made of one cell across the whole table (a group heading), as against rows whose
    other places are covered by cells merged down from the rows above."""


def _finder(edges: list[dict[str, Any]]) -> TableFinder | None:
    across = [e for e in edges if e["orientation"] == "h"]
    down = [e for e in edges if e["orientation"] == "v"]
    if len(across) < 2 or len(down) < 2:
        return None
    # pdfplumber (and what it imports) only for a page that has ruling lines.
    from pdfplumber.table import TableFinder

    return TableFinder(None, {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",  # type: ignore[arg-type]
                              "explicit_vertical_lines": down, "explicit_horizontal_lines": across})


def cell_boxes(edges: list[dict[str, Any]]) -> list[Box]:
    """Every cell of every table the edges draw."""
    finder = _finder(edges)
    return [cell for table in finder.tables for cell in table.cells] if finder else []


def ruled_tables(edges: list[dict[str, Any]], words: list[dict[str, Any]]) -> list[RuledTable]:
    """The tables the ruling edges draw, filled with the words whose centre falls in each cell."""
    finder = _finder(edges)
    if finder is None:
        return []
    found: list[RuledTable] = []
    for table in finder.tables:
        grid: list[list[str | None]] = []
        spanning: list[bool] = []
        width = table.bbox[2] - table.bbox[0]
        in_table = words_in(words, table.bbox)
        for row in table.rows:
            in_row = words_in(in_table, row.bbox)
            grid.append([None if cell is None else _cell_text(words_in(in_row, cell)) for cell in row.cells])
            present = [cell for cell in row.cells if cell is not None]
            spanning.append(len(present) == 1 and present[0][2] - present[0][0] >= _SPANNING_SHARE * width)
        found.append(RuledTable(table.bbox, grid, spanning))
    return found
