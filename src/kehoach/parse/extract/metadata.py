"""Header metadata: type, title, number, place and date, issuer, province, period.

Follows the layout of NĐ 30/2020/NĐ-CP but does not rely on the order of the
parts: a plan attached to a decision puts its legal bases before its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.parse.blocks import Block
from kehoach.parse.language.textutil import UPPER, capitalise_words, fold, is_upper
from kehoach.parse.language.timephrases import Span, find_period
from kehoach.parse.language.vocab import (
    BODY_ABBREVIATIONS,
    BODY_NAMES,
    LEVELS,
    LOCAL_LEVELS,
    PREAMBLE_STARTERS,
    PROVINCES,
    TASK_COUNT_WORDS,
)
from kehoach.parse.readers.lines import NUMBER_LABEL, is_attachment_line, is_doc_type
from kehoach.parse.structure.markers import match_marker

_UP = UPPER
_NAME_WORD = rf"[{_UP}][^\s,;.:()/]*"
# A place name: capitalised words ('Hùng Thắng'), or a number ('Phường 3').
_NAME = rf"(?:\d{{1,3}}\b|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"
_BODY = "|".join(re.escape(b) for b in BODY_NAMES)
_LEVEL = "|".join(LEVELS)
# Body and level words in any case; the name must be capitalised, so no re.I here.
_ISSUER = re.compile(rf"((?i:{_BODY}))\s+((?i:{_LEVEL}))\s+({_NAME})")
# The number may be handwritten on a scan: OCR then reads a few odd characters before the '/'.
_SYMBOL = re.compile(
    rf"\b(?i:{NUMBER_LABEL})\s*:?\s*(\d*)[^\s/:]{{0,4}}\s*/\s*((?:\d{{4}}/)?[A-ZĐa-zđ&]+(?:-[A-ZĐa-zđ0-9&]+)+)"
)
# Blanks left for the day and month of a plan not yet signed: spaces, dots, underscores.
_BLANK = r"[\s.…_]*"
# 'năm' may be lost on a scan where the month is handwritten over it: the year alone will do.
_DATE_PARTS = (rf"ngày{_BLANK}(?P<day>\d{{1,2}})?{_BLANK}tháng{_BLANK}(?P<month>\d{{1,2}})?{_BLANK}"
               rf"(?:năm)?\s*(?P<year>(?:19|20)\d{{2}})\b")
_BARE_SYMBOL = re.compile(r"^/\s*[A-ZĐ]{2,}(?:-[A-ZĐ0-9&]+)+$")
_PLACE_DATE = re.compile(rf"^(?P<place>[^,;:.()]{{2,40}}),\s*{_DATE_PARTS}", re.I)
_DATE_WORDS = re.compile(_DATE_PARTS, re.I)
_PROVINCE = re.compile(rf"\b(?i:tỉnh|thành phố|TP\.?)\s+({_NAME})")
_TASK_COUNT = re.compile(rf"(?:{'|'.join(TASK_COUNT_WORDS)})\s*:?\s*(\d{{1,3}})\s*nhiệm vụ", re.I)
_FOLDED_PROVINCES = {fold(p): p for p in PROVINCES}


@dataclass(slots=True)
class Issuer:
    """The issuing body split into its parts."""

    issuer: str
    level: str
    locality: str


# Paragraphs a trích yếu may run over (a title typed as two paragraphs, a .doc's line breaks).
_TITLE_PARAGRAPHS = 3


def _goes_on_title(title: str, text: str) -> bool:
    """`text`, the paragraph after the title so far, carries on with it: a title does not end
    with a full stop, and what comes after it (the preamble, an item, an attachment line, the
    first sentence of the body) starts with its own words or ends as a sentence."""
    return (not title.endswith((".", ":", ";")) and text[:1].isalpha() and " " in text
            and not text.rstrip().endswith((".", ":", ";")) and not text.startswith(PREAMBLE_STARTERS)
            and not is_attachment_line(text) and match_marker(text) is None and not is_upper(text))


def doc_type_and_title(front: list[Block]) -> tuple[str | None, str | None]:
    """'KẾ HOẠCH' and the trích yếu on the paragraph after it (and on the next ones while
    the title goes on)."""
    for i, block in enumerate(front):
        if is_doc_type(block.text):
            title = None
            nxt = front[i + 1] if i + 1 < len(front) else None
            if nxt is not None and not is_attachment_line(nxt.text) and not nxt.text.startswith(PREAMBLE_STARTERS[:1]):
                title = nxt.text.strip()
                for more in front[i + 2 : i + 1 + _TITLE_PARAGRAPHS]:
                    if not _goes_on_title(title, more.text):
                        break
                    title = f"{title} {more.text.strip()}"
                title = re.sub(r"^V/v\s*", "", title).strip(" .")
            return block.text.strip(" .:"), title
    return None, None


def number_and_symbol(front: list[Block], attachment: bool = True) -> tuple[str | None, str | None]:
    """From 'Số: 12/KH-UBND' (also with the number on the next line), or, with `attachment`,
    from '(Kèm theo Quyết định số: .../QĐ-UBND ...)'."""
    candidates = [
        b.text + (" " + front[i + 1].text if "/" not in b.text and i + 1 < len(front) else "")
        for i, b in enumerate(front)
        if re.match(rf"(?i:{NUMBER_LABEL})\s*:", b.text)
    ]
    # A symbol line whose 'Số:' and number OCR could not read (handwriting over them): '/KH-UBND'.
    candidates += [f"Số: {b.text}" for b in front if _BARE_SYMBOL.match(b.text)]
    if attachment:
        candidates += [b.text for b in front if is_attachment_line(b.text)]
    for text in candidates:
        m = _SYMBOL.search(re.sub(r"\s*-\s*", "-", text))
        if m:
            return (m.group(1) or None), m.group(2)
    return None, None


def _date_string(year: str, month: str | None, day: str | None) -> str | None:
    """'YYYY-MM-DD', or 'YYYY-MM' when the day is blank, or 'YYYY' when the month is too."""
    y = int(year)
    if not month:
        return f"{y:04d}"
    mo = int(month)
    if not 1 <= mo <= 12:
        return None
    if day and 1 <= int(day) <= 31:
        return f"{y:04d}-{mo:02d}-{int(day):02d}"
    return f"{y:04d}-{mo:02d}"


def place_and_date(front: list[Block], attachment: bool = True) -> tuple[str | None, str | None]:
    """'Hùng Thắng, ngày 5 tháng 7 năm 2025' -> ('Hùng Thắng', '2025-07-05'); with `attachment`,
    the date of the decision the plan is attached to when the plan prints none of its own."""
    for block in front:
        m = _PLACE_DATE.match(block.text)
        if m:
            return m.group("place").strip(), _date_string(m.group("year"), m.group("month"), m.group("day"))
    for block in front if attachment else []:
        if is_attachment_line(block.text):
            m = _DATE_WORDS.search(block.text)
            if m:
                return None, _date_string(m.group("year"), m.group("month"), m.group("day"))
    return None, None


def _issuer_from_match(m: re.Match[str]) -> Issuer:
    body, level, name = m.group(1), m.group(2), m.group(3)
    body = BODY_ABBREVIATIONS.get(body.upper(), body)
    if is_upper(body):
        body = body.capitalize()
    if is_upper(name):
        name = capitalise_words(name)
    printed_level = level.lower() if is_upper(level) else level
    return Issuer(f"{body} {printed_level} {name}", level.lower(), name)


def find_issuer(front: list[Block], title: str | None) -> Issuer | None:
    """The issuing body: from the header, the preamble's 'X ban hành', or the title."""
    best: tuple[int, Issuer] | None = None
    for block in front:
        strength_base = 4 if is_upper(block.text) else 1
        if block.text.startswith(PREAMBLE_STARTERS[:1]) and "ban hành" not in block.text:
            continue
        for m in _ISSUER.finditer(block.text):
            issuer = _issuer_from_match(m)
            tail = block.text[m.end() : m.end() + 12]
            strength = strength_base + (3 if tail.strip().startswith("ban hành") else 0)
            strength += 2 if is_attachment_line(block.text) else 0
            strength += 1 if issuer.level in LOCAL_LEVELS else 0
            if best is None or strength > best[0]:
                best = (strength, issuer)
    if best is not None:
        return best[1]
    if title:
        found = re.search(rf"((?i:{'|'.join(LOCAL_LEVELS)}))\s+({_NAME})", title)
        if found:
            name = found.group(2)
            return Issuer(f"Ủy ban nhân dân {found.group(1)} {name}", found.group(1).lower(), name)
    return None


_ANY_PROVINCE = re.compile(
    r"(?<!\w)(" + "|".join(sorted((re.escape(p) for p in PROVINCES), key=len, reverse=True)) + r")(?!\w)"
)


def find_province(texts: list[str]) -> str | None:
    """The first province or centrally-run city named anywhere in the plan as 'tỉnh X' /
    'thành phố X'; else the first one named at all ('Ủy ban MTTQ ... Quảng Ninh')."""
    for text in texts:
        for m in _PROVINCE.finditer(text):
            words = m.group(1).split()
            # Longest known name that starts the capture ('Hải Phòng năm' -> 'Hải Phòng').
            for n in range(min(len(words), 5), 0, -1):
                candidate = " ".join(words[:n])
                if fold(candidate) in _FOLDED_PROVINCES:
                    return candidate
    for text in texts:
        found = _ANY_PROVINCE.search(text)
        if found:
            return found.group(1)
    return None


def find_plan_period(title: str | None, front: list[Block], year: int | None = None) -> Span | None:
    """The period from the title, else from the preamble sentence that announces the plan.
    `year` (the issue year) starts an open period such as 'đến năm 2035'."""
    texts = [title or ""] + [b.text for b in front if "ban hành" in b.text or "Kế hoạch" in b.text]
    for text in texts:
        span = find_period(text, year)
        if span is not None:
            return span
    return None


def declared_task_count(texts: list[str]) -> int | None:
    """'Danh mục gồm 15 nhiệm vụ' -> 15."""
    for text in texts:
        if "nhiệm vụ" not in text.lower():  # cheap test first: the pattern is slow to search
            continue
        m = _TASK_COUNT.search(text)
        if m:
            return int(m.group(1))
    return None
