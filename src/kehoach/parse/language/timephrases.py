"""Vietnamese time phrases -> date ranges.

Used for a plan's period ('6 tháng cuối năm 2025', 'năm 2025', 'giai đoạn
2021-2025', 'đến năm 2035', 'Quý III/2025') and for a task's due window
('Trong tháng 7/2025', 'Trước ngày 30/9/2025', 'Từ tháng 12/2025 đến quý I/2026',
'Thường xuyên'). Dates of cited documents ('Quyết định số 12/QĐ-UBND ngày
3/5/2025') are never time frames; a phrase without its year ('Quý III', 'ngày 23
tháng 1') takes the year the caller knows from context (the plan's period, a
column header 'Thời gian (Năm 2026)').
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from kehoach.parse.language.textutil import fold
from kehoach.parse.language.vocab import LEGAL_KINDS, NUMBER_WORDS, RECURRING_WORDS
from kehoach.parse.structure.markers import roman_value


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
_YEAR = r"((?:19|20|21)\d{2})"
_OPT_YEAR = rf"(?:\s*(?:/|-|–|năm)\s*{_YEAR})?"
_QUARTER_WORD = r"qu[ýíyi]"  # 'Quý', and the old spelling 'Quí'
_MONTHS_PART = re.compile(rf"(\d{{1,2}}|{_NUM_WORD})\s+tháng\s+(đầu|cuối)\s+năm\s*{_YEAR}", re.I)
_QUARTER = re.compile(rf"\b{_QUARTER_WORD}\s+([IV]{{1,3}}|[1-4])\b{_OPT_YEAR}", re.I)
_RANGE_YEARS = re.compile(rf"(?:giai đoạn\s+|năm\s+)?{_YEAR}\s*[-–—]\s*{_YEAR}", re.I)
_STAGE = re.compile(rf"giai đoạn\s+{_YEAR}\s*[-–—]\s*{_YEAR}", re.I)
_UNTIL_YEAR = re.compile(rf"(?:đến|tới)\s+(?:hết\s+)?năm\s+{_YEAR}", re.I)
_FROM_YEAR = re.compile(rf"(?:từ|bắt đầu)\s+(?:từ\s+)?năm\s+{_YEAR}", re.I)
_MONTH = re.compile(rf"\btháng\s+(\d{{1,2}})\b(?!\s*/\s*\d{{1,2}}\s*/){_OPT_YEAR}", re.I)
_BEFORE_DATE = re.compile(
    rf"(?:trước|chậm nhất|hạn chót|đến|hoàn thành)\s+(?:là\s+)?(?:ngày\s+)?(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*{_YEAR}", re.I
)
_DATE = re.compile(rf"(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*{_YEAR}")
_DATE_WORDS = re.compile(rf"ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s+năm\s+{_YEAR})?", re.I)
_YEAR_ONLY = re.compile(rf"(?:năm|cả năm|hết năm)\s+{_YEAR}|^\s*{_YEAR}\s*$", re.I)
# A cited document and its date: 'Nghị định số 52/2015/NĐ-CP ngày 28/5/2015', 'Quyết định 1441/QĐ-UBND ngày ...'.
_KINDS = "|".join(sorted(LEGAL_KINDS, key=len, reverse=True))
_CITED = re.compile(
    rf"(?:(?i:{_KINDS}|Phương án|Văn bản)\s+)?(?:(?i:số)\s*:?\s*)?\d{{1,5}}(?:/\d{{4}})?[/-][A-ZĐ][\wĐđ&/.-]*"
    rf"(?:\s*,?\s*(?i:ngày)\s*\d{{1,2}}\s*(?:/\s*\d{{1,2}}\s*/\s*\d{{4}}|(?i:tháng)\s*\d{{1,2}}\s*(?i:năm)\s*\d{{4}}))?"
)
# A date written in words ('ngày 02 tháng 01 năm 2025') is a day, not a period.
_DAY_IN_WORDS = re.compile(r"ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}", re.I)


def _year_or(m: re.Match[str], group: int, default: int | None) -> int | None:
    text = m.group(group)
    return int(text) if text else default


def _months_part(m: re.Match[str], default: int | None) -> Span | None:
    count_text, side, year_text = m.group(1), m.group(2).lower(), m.group(3)
    count = int(count_text) if count_text.isdigit() else NUMBER_WORDS.get(count_text.lower(), 0)
    year = int(year_text)
    if not 1 <= count <= 12:
        return None
    if side == "đầu":
        return Span(m.group(0), dt.date(year, 1, 1), _month_end(year, count))
    return Span(m.group(0), dt.date(year, 13 - count, 1), dt.date(year, 12, 31))


def _quarter(m: re.Match[str], default: int | None) -> Span | None:
    q_text, year = m.group(1), _year_or(m, 2, default)
    q = int(q_text) if q_text.isdigit() else roman_value(q_text)
    if q is None or not 1 <= q <= 4 or year is None:
        return None
    return Span(m.group(0), dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q))


def _years(m: re.Match[str], default: int | None) -> Span | None:
    first, last = int(m.group(1)), int(m.group(2))
    if not first <= last:
        return None
    return Span(m.group(0), dt.date(first, 1, 1), dt.date(last, 12, 31))


def _until_year(m: re.Match[str], default: int | None) -> Span | None:
    last = int(m.group(1))
    if default is not None and default > last:
        return None
    return Span(m.group(0), dt.date(default, 1, 1) if default else None, dt.date(last, 12, 31))


def _from_year(m: re.Match[str], default: int | None) -> Span | None:
    return Span(m.group(0), dt.date(int(m.group(1)), 1, 1), None)


def _month(m: re.Match[str], default: int | None) -> Span | None:
    month, year = int(m.group(1)), _year_or(m, 2, default)
    if not 1 <= month <= 12 or year is None:
        return None
    return Span(m.group(0), dt.date(year, month, 1), _month_end(year, month))


def _before(m: re.Match[str], default: int | None) -> Span | None:
    end = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return Span(m.group(0), None, end) if end else None


def _day(m: re.Match[str], default: int | None) -> Span | None:
    year = _year_or(m, 3, default)
    day = _safe_date(year, int(m.group(2)), int(m.group(1))) if year else None
    return Span(m.group(0), day, day) if day else None


def _year(m: re.Match[str], default: int | None) -> Span | None:
    year = int(m.group(1) or m.group(2))
    return Span(m.group(0), dt.date(year, 1, 1), dt.date(year, 12, 31))


Reader = Callable[[re.Match[str], int | None], Span | None]

# Tried in order; a phrase found by an earlier reader hides what later ones would find inside it.
_PERIOD_READERS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (_MONTHS_PART, _months_part),
    (_QUARTER, _quarter),
    (_STAGE, _years),
    (_UNTIL_YEAR, _until_year),
    (_YEAR_ONLY, _year),
)
_DUE_READERS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (_BEFORE_DATE, _before),
    (_MONTHS_PART, _months_part),
    (_QUARTER, _quarter),
    (_DATE_WORDS, _day),
    (_MONTH, _month),
    (_RANGE_YEARS, _years),
    (_UNTIL_YEAR, _until_year),
    (_FROM_YEAR, _from_year),
    (_YEAR_ONLY, _year),
    (_DATE, _day),
)


def _without_cited_documents(text: str) -> str:
    """The text with cited documents and their dates blanked out (same length, so positions hold)."""
    return _CITED.sub(lambda m: " " * len(m.group(0)), text)


def _find_all(text: str, readers: tuple[tuple[re.Pattern[str], Reader], ...], default: int | None) -> list[Span]:
    """Every phrase the readers find, left to right, none inside another."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Span]] = []
    for pattern, reader in readers:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            span = reader(m, default)
            if span is not None:
                taken.append(m.span())
                found.append((m.start(), span))
    return [span for _, span in sorted(found, key=lambda pair: pair[0])]


def find_period(text: str, default_year: int | None = None) -> Span | None:
    """The period a title or a preamble sentence names; None when it names none, or several
    that disagree ('Tổng kết Chiến lược đến năm 2020 và định hướng đến năm 2030': whose?).

    `default_year` starts an open period ('đến năm 2035' in a plan issued in 2025).
    """
    text = _DAY_IN_WORDS.sub(lambda m: " " * len(m.group(0)), _without_cited_documents(text))
    spans = _find_all(text, _PERIOD_READERS, default_year)
    distinct = {(s.start, s.end) for s in spans}
    return spans[0] if len(distinct) == 1 else None


_RECURRING = tuple(fold(w) for w in RECURRING_WORDS)
_ANY_YEAR = re.compile(r"(?:19|20|21)\d{2}")


def _is_recurring(text: str) -> bool:
    """'Thường xuyên', or a recurring word anywhere when no year is printed ('trong tháng 01 hằng năm')."""
    key = fold(text)
    return key.startswith(_RECURRING) or (any(w in key for w in _RECURRING) and not _ANY_YEAR.search(key))


def parse_due(text: str, default_year: int | None = None) -> Span | None:
    """A task's time cell -> window; recurring phrases have no dates; None if unreadable.

    Several phrases ('Quý IV/2025 và Quý I/2026', 'Từ tháng 11/2025 đến tháng 4/2026') give
    the window that covers them all.
    """
    if not text or not text.strip():
        return None
    if _is_recurring(text):
        return Span(text, None, None, recurring=True)
    spans = _find_all(_without_cited_documents(text), _DUE_READERS, default_year)
    if not spans:
        return None
    if len(spans) == 1:
        return spans[0]
    starts = [s.start for s in spans if s.start]
    ends = [s.end for s in spans if s.end]
    return Span(text.strip(), min(starts) if starts else None, max(ends) if ends else None)
