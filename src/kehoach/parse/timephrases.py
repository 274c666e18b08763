"""Vietnamese time phrases -> date ranges.

Used for a plan's period ('6 tháng cuối năm 2025', 'năm 2025', 'giai đoạn
2021-2025', 'Quý III/2025') and for a task's due window ('Trong tháng 7/2025',
'Trước ngày 30/9/2025', 'Thường xuyên').
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from kehoach.parse.markers import roman_value
from kehoach.parse.textutil import fold
from kehoach.parse.vocab import NUMBER_WORDS, RECURRING_WORDS


@dataclass(frozen=True, slots=True)
class Span:
    """A date range read from a phrase, with the phrase as printed."""

    label: str
    start: dt.date | None
    end: dt.date | None
    recurring: bool = False


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_NUM_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_YEAR = r"(\d{4})"
_MONTHS_PART = re.compile(rf"(\d{{1,2}}|{_NUM_WORD})\s+tháng\s+(đầu|cuối)\s+năm\s*{_YEAR}", re.I)
_QUARTER = re.compile(rf"quý\s+([IV]{{1,3}}|[1-4])\s*(?:/|năm|-)\s*{_YEAR}", re.I)
_RANGE_YEARS = re.compile(rf"(?:giai đoạn\s+)?{_YEAR}\s*[-–—]\s*{_YEAR}", re.I)
_STAGE = re.compile(rf"giai đoạn\s+{_YEAR}\s*[-–—]\s*{_YEAR}", re.I)
_MONTH = re.compile(rf"tháng\s+(\d{{1,2}})\s*(?:/|năm)\s*{_YEAR}", re.I)
_BEFORE_DATE = re.compile(rf"(?:trước|chậm nhất|hạn chót|đến)\s+(?:ngày\s+)?(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*{_YEAR}", re.I)
_DATE = re.compile(rf"(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*{_YEAR}")
_YEAR_ONLY = re.compile(rf"(?:năm|cả năm|hết năm)\s+{_YEAR}|^\s*{_YEAR}\s*$", re.I)


def _months_part(m: re.Match[str]) -> Span | None:
    count_text, side, year_text = m.group(1), m.group(2).lower(), m.group(3)
    count = int(count_text) if count_text.isdigit() else NUMBER_WORDS.get(count_text.lower(), 0)
    year = int(year_text)
    if not 1 <= count <= 12:
        return None
    if side == "đầu":
        return Span(m.group(0), dt.date(year, 1, 1), _month_end(year, count))
    return Span(m.group(0), dt.date(year, 13 - count, 1), dt.date(year, 12, 31))


def _quarter(m: re.Match[str]) -> Span | None:
    q_text, year = m.group(1), int(m.group(2))
    q = int(q_text) if q_text.isdigit() else roman_value(q_text)
    if q is None or not 1 <= q <= 4:
        return None
    return Span(m.group(0), dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q))


def _years(m: re.Match[str]) -> Span | None:
    first, last = int(m.group(1)), int(m.group(2))
    if not 1900 < first <= last < 2200:
        return None
    return Span(m.group(0), dt.date(first, 1, 1), dt.date(last, 12, 31))


def _month(m: re.Match[str]) -> Span | None:
    month, year = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return None
    return Span(m.group(0), dt.date(year, month, 1), _month_end(year, month))


def _year(m: re.Match[str]) -> Span | None:
    year = int(m.group(1) or m.group(2))
    return Span(m.group(0), dt.date(year, 1, 1), dt.date(year, 12, 31))


def find_period(text: str) -> Span | None:
    """The first period phrase in a text (a title, a preamble sentence)."""
    for pattern, reader in (
        (_MONTHS_PART, _months_part),
        (_QUARTER, _quarter),
        (_STAGE, _years),
        (_YEAR_ONLY, _year),
    ):
        m = pattern.search(text)
        if m:
            span = reader(m)
            if span is not None:
                return span
    return None


_RECURRING = tuple(fold(w) for w in RECURRING_WORDS)


def _is_recurring(text: str) -> bool:
    return fold(text).startswith(_RECURRING)


def parse_due(text: str) -> Span | None:
    """A task's time cell -> window; recurring phrases have no dates; None if unreadable."""
    if not text or not text.strip():
        return None
    if _is_recurring(text):
        return Span(text, None, None, recurring=True)
    m = _BEFORE_DATE.search(text)
    if m:
        end = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return Span(m.group(0), None, end) if end else None
    for pattern, reader in (
        (_MONTHS_PART, _months_part),
        (_QUARTER, _quarter),
        (_MONTH, _month),
        (_RANGE_YEARS, _years),
        (_YEAR_ONLY, _year),
    ):
        m = pattern.search(text)
        if m:
            span = reader(m)
            if span is not None:
                return span
    m = _DATE.search(text)
    if m:
        day = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return Span(m.group(0), day, day) if day else None
    return None
