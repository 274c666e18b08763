"""Agency names: recognising the start of one, and splitting a cell into distinct bodies."""

from __future__ import annotations

import re

from kehoach.parse.vocab import AGENCY_HEADS


def starts_agency(text: str) -> bool:
    """'Phòng Văn hóa - Xã hội', 'Trung tâm phục vụ ...', 'Các cơ quan, đơn vị ...'; not 'Ban hành'."""
    text = text.strip()
    for head, needs_capital in AGENCY_HEADS:
        if text == head or text.startswith(head + ","):
            return True
        if text.startswith(head + " "):
            following = text[len(head) + 1 :].lstrip()[:1]
            return following.isupper() or following.isdigit() if needs_capital else True
    return False


def split_agencies(cell: str | None) -> list[str]:
    """Split on ';' always, on ',' only where every piece is a body of its own.

    'Các cơ quan, đơn vị thuộc UBND cấp xã' stays whole; 'Phòng Kinh tế, Văn phòng HĐND'
    gives two agencies.
    """
    if not cell or not cell.strip():
        return []
    out: list[str] = []
    for part in re.split(r"\s*;\s*", cell):
        pieces = [p.strip(" .-–") for p in part.split(",")]
        if len(pieces) > 1 and all(p and (p[:1].isupper()) for p in pieces):
            out.extend(pieces)
        elif part.strip(" .;,"):
            out.append(part.strip(" .;,"))
    return [" ".join(a.split()) for a in out if a]
