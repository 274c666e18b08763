"""Reform areas and indicators: the codes that make plans of different communes comparable.

Matching is on folded keys, so tone placement (hoá/hóa) and case do not matter;
the printed text is never changed.
"""

from __future__ import annotations

import re

from kehoach.parse.extract.tasks import task_ref
from kehoach.parse.language.textutil import fold
from kehoach.parse.language.vocab import INDICATORS, REFORM_AREAS
from kehoach.parse.structure.tree import walk
from kehoach.schema import Section, Target, Task

_AREAS = tuple((code, tuple(fold(p) for p in phrases)) for code, _, phrases in REFORM_AREAS)
_INDICATORS = tuple((code, tuple(fold(p) for p in phrases)) for code, _, phrases in INDICATORS)
AREA_NAMES = {code: name for code, name, _ in REFORM_AREAS}
INDICATOR_NAMES = {code: name for code, name, _ in INDICATORS}


def area_of(text: str | None) -> str | None:
    """The reform area a heading or group names, or None."""
    key = fold(text or "")
    for code, phrases in _AREAS:
        if any(p in key for p in phrases):
            return code
    return None


_NUMBERS = re.compile(r"(?<![\d/.,])\d{1,3}(?:[.,]\d{1,2})?\s*%?")
_BREAKS = re.compile(r";|[.!?](?=\s)")


def _clause_around(text: str, value: float | int, occurrence: int = 0) -> str:
    """The words that belong to this number: between the clause breaks (';', sentence ends)
    and the neighbouring numbers around it. 'X: tối thiểu 80% Y: tối thiểu 60%' gives Y for 60."""
    wanted = f"{value}".replace(".", ",")
    numbers = [m for m in _NUMBERS.finditer(text) if m.group(0).rstrip(" %") in (wanted, f"{value}")]
    if not numbers:
        return text
    hit = numbers[min(occurrence, len(numbers) - 1)]
    start, end = 0, len(text)
    for m in _BREAKS.finditer(text):
        if m.end() <= hit.start():
            start = m.end()
        elif m.start() >= hit.end():
            end = m.start()
            break
    for m in _NUMBERS.finditer(text):
        if "%" not in m.group(0) or m.start() == hit.start():
            continue
        if start <= m.end() <= hit.start():
            start = m.end()
        elif hit.end() <= m.start() < end:
            end = m.start()
    return text[start:end]


def indicator_of(text: str, value: float | int, upper: float | int | None = None, occurrence: int = 0) -> str | None:
    """The indicator a target measures, from the words around its number; None if none fits.

    `occurrence` picks the n-th time the same number appears in the text ('100% ...; 100% ...').
    """
    around = _clause_around(text, value, occurrence)
    if upper is not None:
        around += " " + _clause_around(text, upper)
    key = fold(around)
    for code, phrases in _INDICATORS:
        if any(p in key for p in phrases):
            return code
    return None


def mentions_indicator(code: str, text: str) -> bool:
    """Do the words of `text` name the indicator `code` (with or without a number)?"""
    key = fold(text)
    return any(p in key for c, phrases in _INDICATORS if c == code for p in phrases)


def assign_areas(sections: list[Section], inherited: str | None = None) -> None:
    """A section's area: named by its own heading, else its parent's."""
    for section in sections:
        own = area_of(section.title) if section.title else None
        section.area = own or inherited
        assign_areas(section.children, section.area)


def classify(sections: list[Section], targets: list[Target], tasks: list[Task]) -> None:
    """Fill `area` on sections, targets and tasks, and `indicator` on targets."""
    assign_areas(sections)
    by_path = {s.path: s.area for s in walk(sections)}
    for task in tasks:
        task.area = area_of(task.group) or (by_path.get(task.no) if isinstance(task.no, str) else None)
    by_task = {task_ref(t, i): t.area for i, t in enumerate(tasks, start=1)}
    seen: dict[tuple[str, float], int] = {}
    for target in targets:
        target.area = by_task.get(target.where) if target.where.startswith("task:") else by_path.get(target.where)
        occurrence = seen.get((target.text, target.value), 0)
        seen[(target.text, target.value)] = occurrence + 1
        target.indicator = indicator_of(target.text, target.value, target.upper, occurrence)
