"""The preamble's legal bases: every document cited in clauses opened by 'Căn cứ', 'Thực hiện'.

A clause cites one document at its start ('Căn cứ Nghị định số 181/2024/NĐ-CP ngày
...') and sometimes more, joined to it ('... và Hướng dẫn số 13/HD-MTTQ-BTT ngày ...',
'... được sửa đổi, bổ sung tại Luật số 83/2025/QH15'). A document the clause merely
names as a subject ('về thực hiện Nghị quyết số 57-NQ/TW') is not a basis of its own.
"""

from __future__ import annotations

import datetime as dt
import re

from kehoach.parse.blocks import Block
from kehoach.parse.language.vocab import LEGAL_KINDS, PREAMBLE_STARTERS
from kehoach.schema import LegalRef

_KINDS = "|".join(LEGAL_KINDS)
_STARTER_SPLIT = re.compile(rf"(?=\b(?:{'|'.join(PREAMBLE_STARTERS)})\b)|;")
_KIND_AT_START = re.compile(rf"^\s*(?:(?:{'|'.join(PREAMBLE_STARTERS)})\s+)?(?:các\s+)?({_KINDS})\b")
_DOC_NUMBER = re.compile(
    r"(?:số\s*:?\s*)?\b(\d{1,5}(?:/\d{4})?/[A-ZĐ][A-ZĐa-zđ0-9&]*(?:-[A-ZĐa-zđ0-9&]+)*|\d{1,5}-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ]+)"
)
# A further document joined to the clause's first: 'và Hướng dẫn số 13/...', 'tại Luật số 83/...'.
_CO_CITED = re.compile(rf"(?:\bvà|\btại|,)\s+(?:các\s+)?({_KINDS})\b([^;]{{0,60}}?)\bsố\s*:?\s*(?=\d)")
_DATE_SLASH = re.compile(r"ngày\s*,?\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_DATE_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")
_BROKEN_NUMBER = re.compile(r"(\d)-\s+([A-ZĐ])")  # '10- CTr/TU' as the web page wrapped it


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _first_date(text: str) -> dt.date | None:
    found = [m for m in (_DATE_SLASH.search(text), _DATE_WORDS.search(text)) if m]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    return _date(m.group(1), m.group(2), m.group(3))


def _ref(kind: str, rest: str, text: str) -> LegalRef:
    # The number and date belong to this document only before 'của' (its issuer).
    head = rest.split(" của ")[0]
    number = _DOC_NUMBER.search(head)
    return LegalRef(kind=kind, number=number.group(1) if number else None, date=_first_date(head), text=text)


def legal_refs(front: list[Block]) -> list[LegalRef]:
    """Every document cited as a basis, in order."""
    refs: list[LegalRef] = []
    for block in front:
        if not block.text.startswith(PREAMBLE_STARTERS):
            continue
        for clause in _STARTER_SPLIT.split(_BROKEN_NUMBER.sub(r"\1-\2", block.text)):
            m = _KIND_AT_START.match(clause)
            if not m:
                continue
            rest = clause[m.end() :]
            joined = list(_CO_CITED.finditer(rest))
            first_end = joined[0].start() if joined else len(rest)
            refs.append(_ref(m.group(1), rest[:first_end], clause[: m.end() + first_end].strip(" ;.,")))
            for k, co in enumerate(joined):
                end = joined[k + 1].start() if k + 1 < len(joined) else len(rest)
                refs.append(_ref(co.group(1), rest[co.end(1) : end], rest[co.start(1) : end].strip(" ;.,")))
    return refs
