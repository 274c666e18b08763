"""PDFium's C functions as the PDF reader calls them in its loops.

pypdfium2 declares every function's argument types, so ctypes checks and converts each
argument on every call, and its page-object iterator makes a Python object for every object
of the page, text included. Both are most of the cost where a page has hundreds of words or
objects. `bare` gives the same C function without declared argument types (the calling
convention and result type kept): ctypes then passes ctypes objects and small ints as they
are, two to three times faster. Callers must pass exactly those.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c


def bare(function: Any) -> Any:
    """`function` without declared argument types."""
    unchecked = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    unchecked.restype = function.restype
    return unchecked


CHAR_ORIGIN = bare(pdfium_c.FPDFText_GetCharOrigin)
LOOSE_CHAR_BOX = bare(pdfium_c.FPDFText_GetLooseCharBox)
FONT_SIZE = bare(pdfium_c.FPDFText_GetFontSize)
_COUNT_OBJECTS = bare(pdfium_c.FPDFPage_CountObjects)
_GET_OBJECT = bare(pdfium_c.FPDFPage_GetObject)
_COUNT_FORM_OBJECTS = bare(pdfium_c.FPDFFormObj_CountObjects)
_GET_FORM_OBJECT = bare(pdfium_c.FPDFFormObj_GetObject)
_OBJECT_TYPE = bare(pdfium_c.FPDFPageObj_GetType)
_BOUNDS = bare(pdfium_c.FPDFPageObj_GetBounds)
_MATRIX = bare(pdfium_c.FPDFPageObj_GetMatrix)
COUNT_SEGMENTS = bare(pdfium_c.FPDFPath_CountSegments)
_GET_SEGMENT = bare(pdfium_c.FPDFPath_GetPathSegment)
_SEGMENT_POINT = bare(pdfium_c.FPDFPathSegment_GetPoint)
_SEGMENT_TYPE = bare(pdfium_c.FPDFPathSegment_GetType)
_DRAW_MODE = bare(pdfium_c.FPDFPath_GetDrawMode)
_FILL_COLOR = bare(pdfium_c.FPDFPageObj_GetFillColor)
# A fill at least this light in every channel is the paper's colour.
_PAPER = 250


def objects_of_type(page: Any, kind: int, max_depth: int) -> list[Any]:
    """Handles of the page's objects of one type (FPDF_PAGEOBJ_*), looking into form
    objects down to `max_depth` levels, in page order (as PdfPage.get_objects gives them)."""
    found: list[Any] = []

    def walk(parent: Any, count: Any, get: Any, level: int) -> None:
        for i in range(count(parent)):
            handle = get(parent, i)
            if not handle:
                continue
            kind_here = _OBJECT_TYPE(handle)
            if kind_here == kind:
                found.append(handle)
            if kind_here == pdfium_c.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
                walk(handle, _COUNT_FORM_OBJECTS, _GET_FORM_OBJECT, level + 1)

    walk(page, _COUNT_OBJECTS, _GET_OBJECT, 0)
    return found


def bounds(handle: Any) -> tuple[float, float, float, float]:
    """left, bottom, right, top of an object, in PDF points from the page's bottom left."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    _BOUNDS(handle, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    return left.value, bottom.value, right.value, top.value


def draws_nothing(handle: Any) -> bool:
    """A path that is not stroked and is filled with white, transparently or not at all: it
    leaves no mark on the page (a word processor's box behind each paragraph). A thin rectangle
    filled black is a rule, and a shaded cell is kept too."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not _DRAW_MODE(handle, ctypes.byref(fill), ctypes.byref(stroke)) or stroke.value:
        return False
    if fill.value == pdfium_c.FPDF_FILLMODE_NONE:
        return True
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not _FILL_COLOR(handle, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return False
    return a.value == 0 or min(r.value, g.value, b.value) >= _PAPER


def path_points(handle: Any) -> list[tuple[float, float, bool]]:
    """A path's points on the page (the object's matrix applied), each with whether a
    straight line is drawn to it."""
    matrix = pdfium_c.FS_MATRIX()
    _MATRIX(handle, ctypes.byref(matrix))
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    points: list[tuple[float, float, bool]] = []
    for i in range(COUNT_SEGMENTS(handle)):
        segment = _GET_SEGMENT(handle, i)
        _SEGMENT_POINT(segment, x_ref, y_ref)
        px, py = x.value, y.value
        points.append((a * px + c * py + e, b * px + d * py + f, _SEGMENT_TYPE(segment) == pdfium_c.FPDF_SEGMENT_LINETO))
    return points
