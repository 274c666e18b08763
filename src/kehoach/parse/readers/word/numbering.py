"""Word automatic numbering -> the label Word prints ('I.', '1.', 'a)', '-').

A paragraph carries `w:numPr`, not its printed label. This follows numbering.xml:
the num's abstractNum, its level's numFmt, lvlText and start, lvlOverride /
startOverride, and numbering linked through a paragraph style. Counters are kept
per list (numId) and deeper levels restart when a higher level advances.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kehoach.parse.readers.word.styles import COUNTERS, LEVELS, StyleMap, W
from kehoach.parse.readers.word.styles import int_attr as _int_attr


@dataclass(slots=True)
class Level:
    fmt: str
    text: str
    start: int


def _to_roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += digits
            n -= value
    return out


def _to_letter(n: int) -> str:
    # Word's letter lists are Latin a..z, then aa, bb, ...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter in Word's number format."""
    if fmt == "upperRoman":
        return _to_roman(n)
    if fmt == "lowerRoman":
        return _to_roman(n).lower()
    if fmt == "upperLetter":
        return _to_letter(n).upper()
    if fmt == "lowerLetter":
        return _to_letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """Resolves numPr (numId, ilvl) to printed labels, in document order."""

    def __init__(self, numbering_element: Any | None, styles: StyleMap) -> None:
        self._abstract: dict[int, dict[int, Level]] = {}
        self._nums: dict[int, tuple[int, dict[int, int]]] = {}
        self._styles = styles
        self._counters: dict[int, dict[int, int]] = {}
        self.odd: list[str] = []
        """Numbers out of range that were ignored, for a finding."""
        if numbering_element is not None:
            self._load_numbering(numbering_element)

    def _load_numbering(self, root: Any) -> None:
        for abstract in root.iter(f"{W}abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                level = _int_attr(lvl, "ilvl", -1, LEVELS, self.odd)
                if level < 0:
                    continue
                levels[level] = Level(
                    fmt=fmt.get(f"{W}val") if fmt is not None else "decimal",
                    text=text.get(f"{W}val") if text is not None else "",
                    start=_int_attr(lvl.find(f"{W}start"), "val", 1, COUNTERS, self.odd),
                )
            self._abstract[_int_attr(abstract, "abstractNumId")] = levels
        for num in root.iter(f"{W}num"):
            abstract_id = _int_attr(num.find(f"{W}abstractNumId"), "val")
            overrides = {
                _int_attr(o, "ilvl", 0, LEVELS, self.odd): _int_attr(o.find(f"{W}startOverride"), "val", 1, COUNTERS, self.odd)
                for o in num.iter(f"{W}lvlOverride")
                if o.find(f"{W}startOverride") is not None
            }
            self._nums[_int_attr(num, "numId")] = (abstract_id, overrides)

    def numpr_of(self, numpr: Any | None, style_id: str | None) -> tuple[int, int] | None:
        """(numId, ilvl) of a paragraph, from its own w:numPr or through its style."""
        from_style = self._styles.numpr(style_id)
        if numpr is None:
            return from_style
        num_id = _int_attr(numpr.find(f"{W}numId"), "val", from_style[0] if from_style else -1)
        ilvl = _int_attr(numpr.find(f"{W}ilvl"), "val", from_style[1] if from_style else 0, LEVELS, self.odd)
        return (num_id, ilvl) if num_id > 0 else None

    def label(self, numpr: Any | None, style_id: str | None) -> str | None:
        """The label Word prints before a paragraph with this w:numPr and style, advancing the
        counters; None if unnumbered."""
        if numpr is None and style_id is None:
            return None
        found = self.numpr_of(numpr, style_id)
        if found is None or found[0] not in self._nums:
            return None
        num_id, ilvl = found
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return None
        if level.fmt == "bullet":
            return "-" if not level.text or not level.text.isprintable() or ord(level.text[0]) > 0xF000 else level.text
        if level.fmt == "none":
            return None
        counters = self._counters.setdefault(num_id, {})
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        for k in range(ilvl, -1, -1):
            lvl_k = levels.get(k)
            value = counters.get(k, overrides.get(k, lvl_k.start if lvl_k else 1))
            text = text.replace(f"%{k + 1}", format_number(value, lvl_k.fmt if lvl_k else "decimal"))
        return text.strip() or None

