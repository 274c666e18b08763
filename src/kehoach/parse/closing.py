"""The preamble's legal bases, and the closing part: recipients and signature."""

from __future__ import annotations

import datetime as dt
import re

from kehoach.parse.blocks import Block
from kehoach.parse.markers import BULLET, match_marker
from kehoach.parse.readers.lines import is_signature_line
from kehoach.parse.textutil import is_person_name, is_upper
from kehoach.parse.vocab import CLOSING_STARTERS, LEGAL_KINDS, PREAMBLE_STARTERS, SIGNATURE_ON_BEHALF
from kehoach.schema import LegalRef, Signer

_STARTER_SPLIT = re.compile(rf"(?=\b(?:{'|'.join(PREAMBLE_STARTERS)})\b)|;")
_KIND_AT_START = re.compile(
    rf"^\s*(?:(?:{'|'.join(PREAMBLE_STARTERS)})\s+)?(?:các\s+)?({'|'.join(LEGAL_KINDS)})\b"
)
_DOC_NUMBER = re.compile(
    r"(?:số\s*:?\s*)?\b(\d{1,5}(?:/\d{4})?/[A-ZĐ][A-ZĐa-zđ0-9&]*(?:-[A-ZĐa-zđ0-9&]+)*|\d{1,5}-[A-ZĐ]+/[A-ZĐ]+)"
)
_DATE_SLASH = re.compile(r"ngày\s*,?\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_DATE_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")


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


def legal_refs(front: list[Block]) -> list[LegalRef]:
    """Every document cited as a basis in clauses opened by 'Căn cứ', 'Thực hiện', ..."""
    refs: list[LegalRef] = []
    for block in front:
        if not block.text.startswith(PREAMBLE_STARTERS):
            continue
        for clause in _STARTER_SPLIT.split(block.text):
            m = _KIND_AT_START.match(clause)
            if not m:
                continue
            rest = clause[m.end() :]
            # The number belongs to this document only if it comes before 'của' (its issuer).
            head = rest.split(" của ")[0]
            number = _DOC_NUMBER.search(head)
            refs.append(
                LegalRef(
                    kind=m.group(1),
                    number=number.group(1) if number else None,
                    date=_first_date(head),
                    text=clause.strip(" ;."),
                )
            )
    return refs


def _clean_recipient(text: str) -> str | None:
    text = text.strip().rstrip(";,").strip()
    if not text or not (text[0].isalnum() or text[0] in "“\"("):
        return None  # '} Để báo cáo' and similar layout leftovers
    return text


def recipients(closing: list[Block]) -> list[str] | None:
    """The 'Nơi nhận' items, without '-' and trailing ';'."""
    start = next((i for i, b in enumerate(closing) if b.text.startswith(CLOSING_STARTERS)), None)
    if start is None:
        return None
    items: list[str] = []
    inline = closing[start].text.split(":", 1)[1] if ":" in closing[start].text else ""
    for piece in re.split(r"(?:^|\s)-\s+", inline):
        cleaned = _clean_recipient(piece)
        if cleaned:
            items.append(cleaned)
    cut: list[int] = []  # items that stop mid-phrase (no ';' or '.')
    end = start + 1
    for block in closing[start + 1 :]:
        marker = match_marker(block.text)
        if marker is None or marker.kind != BULLET:
            break
        end += 1
        cleaned = _clean_recipient(marker.rest)
        if cleaned:
            if not marker.rest.rstrip().endswith((";", ".", ")")):
                cut.append(len(items))
            items.append(cleaned)
    # Two-column layouts push the end of a long item into the other column: 'quan;'.
    # Only a long item wraps, so the fragment goes to the longest item cut mid-phrase.
    for block in closing[end:]:
        if cut and block.text[:1].islower() and block.text.rstrip().endswith((";", ".")):
            index = max(cut, key=lambda i: len(items[i]))
            cut.remove(index)
            items[index] = f"{items[index]} {block.text.rstrip(' ;')}"
    return items


def signer(closing: list[Block]) -> Signer | None:
    """The TM./KT. block: collective, authority, position and name."""
    on_behalf = authority = position = name = None
    seen_signature = False
    for block in closing:
        text = block.text.strip()
        if is_signature_line(text):
            seen_signature = True
            if text.startswith(SIGNATURE_ON_BEHALF):
                on_behalf = text
            else:
                authority = text
            continue
        if not seen_signature:
            continue
        if position is None and is_upper(text):
            position = text
        elif is_person_name(text) and name is None:
            name = text
    if not seen_signature and name is None:
        return None
    return Signer(name=name, position=position, authority=authority, on_behalf=on_behalf)
