"""Item labels OCR misread, set right from their place among the items around them.

Each rule takes a label only where the open items call for exactly what a known misreading
gives ('C.' where 'c.' comes next, 'S.' where '5.' does, 'I.' where 'III.' does), so printed
numbering errors in text that was not OCR'd are never touched (the tree asks only for OCR'd
blocks), and each repair is reported as a `numbering-restored` finding.
"""

from __future__ import annotations

import re

from kehoach.parse.language.textutil import UPPER
from kehoach.parse.structure.markers import Marker, next_label, next_letter, roman_value
from kehoach.schema import Section


def _strokes_lost(printed: str, read: str) -> bool:
    """`read` is `printed` with some of its thin strokes 'I' missing ('I' for 'III', 'V' for 'VI')."""
    matched = 0
    for letter in printed:
        if matched < len(read) and read[matched] == letter:
            matched += 1
        elif letter != "I":
            return False
    return matched == len(read) < len(printed)


def misread_part(marker: Marker, siblings: list[Section]) -> Marker:
    """An OCR'd part number that does not follow the one before, where the next one is the same
    with strokes 'I' OCR lost ('I.' or 'II.' after 'II.' for 'III.'): OCR loses a thin stroke
    far more often than a plan goes back in its parts. Repeated arabic numbers are left alone:
    plans do print '2.' twice."""
    last = siblings[-1] if siblings else None
    if last is None or marker.kind != "roman" or last.kind != "roman":
        return marker
    before, now = roman_value(last.label), roman_value(marker.label)
    following = next_label(marker.kind, last.label)
    if before is None or now is None or now > before or following is None:
        return marker
    return Marker(marker.kind, following, marker.rest) if _strokes_lost(following, marker.label) else marker


# Letters whose capital differs from the small letter only in size: OCR reads an item 'c.' as 'C.'.
_SAME_SHAPE_CAPITALS = frozenset("cosvx")


def _misread_capital(marker: Marker, kinds: list[str], open_sections: list[Section]) -> Marker:
    """An OCR'd 'C.' where the open lettered items call for 'c.' (after 'b.'): the capital
    would otherwise open a level of its own under 'b.'."""
    low = marker.label.lower()
    if marker.kind != "upper_letter" or low not in _SAME_SHAPE_CAPITALS or "letter" not in kinds:
        return marker
    depth = kinds.index("letter")
    if depth >= len(open_sections) or next_letter(open_sections[depth].label) != low:
        return marker
    return Marker("letter", low, marker.rest)


# A speck OCR read where an item's number was printed: '` Tiếp tục ...' for '5. Tiếp tục ...'.
_SPECK_START = re.compile(rf"^[`'‘’|¬~^°]\s+(?=[{UPPER}])")


def lost_number(text: str, following: Marker | None, kinds: list[str], open_sections: list[Section]) -> Marker | None:
    """An OCR'd item whose number was read as a speck: it starts with one, and the number it
    lost is the one missing between the open item and the item right after it ('4.', '6.')."""
    speck = _SPECK_START.match(text)
    if speck is None or following is None or following.kind not in kinds:
        return None
    depth = kinds.index(following.kind)
    missing = next_label(following.kind, open_sections[depth].label) if depth < len(open_sections) else None
    if missing is None or next_label(following.kind, missing) != following.label:
        return None
    return Marker(following.kind, missing, text[speck.end() :])


# Capitals OCR reads for a digit of an item number: 'S.' for '5.', 'B.' for '8.'.
_DIGIT_LOOK_ALIKES = {"S": "5", "B": "8", "Z": "2", "G": "6"}


def _misread_digit(marker: Marker, kinds: list[str], open_sections: list[Section]) -> Marker:
    """An OCR'd 'S.' where the open numbered items call for '5.' (after '4.'): the letter
    would otherwise open a level of its own under '4.'."""
    digit = _DIGIT_LOOK_ALIKES.get(marker.label) if marker.kind == "upper_letter" else None
    if digit is None or "arabic" not in kinds:
        return marker
    depth = kinds.index("arabic")
    if depth >= len(open_sections) or next_label("arabic", open_sections[depth].label) != digit:
        return marker
    return Marker("arabic", digit, marker.rest)


def misread_item(marker: Marker, kinds: list[str], open_sections: list[Section]) -> Marker:
    """An OCR'd item label read as a capital: the small letter or the number its place calls for."""
    return _misread_digit(_misread_capital(marker, kinds, open_sections), kinds, open_sections)
