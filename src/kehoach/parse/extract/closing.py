"""The closing part: recipients and signature."""

from __future__ import annotations

import re

from kehoach.parse.blocks import Block
from kehoach.parse.language.textutil import fold, is_person_name, is_upper
from kehoach.parse.language.vocab import (
    CLOSING_STARTERS,
    COLLECTIVE_BODIES,
    MILITARY_RANKS,
    SIGNATURE_ON_BEHALF,
)
from kehoach.parse.readers.lines import is_signature_line
from kehoach.parse.structure.markers import BULLET, Marker, match_marker
from kehoach.schema import Signer


def _signature_column(text: str) -> bool:
    """A line of the signature block: 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', the name."""
    return is_signature_line(text) or is_upper(text) or _name(text) is not None


# Marks a scan leaves after an item's end (a rule, the edge of a stamp): 'thực hiện); _'.
_SCAN_MARKS = " _|¬`~"


def _clean_recipient(text: str) -> str | None:
    text = text.strip().rstrip(_SCAN_MARKS).rstrip(";,").strip()
    if not text or not (text[0].isalnum() or text[0] in "“\"("):
        return None  # '} Để báo cáo' and similar layout leftovers
    return text


def _undashed_first_item(closing: list[Block], i: int) -> bool:
    """closing[i] is the list's first item with its '-' lost (OCR, a pasted text): it ends as an
    item does and the line after it is a dashed item."""
    following = match_marker(closing[i + 1].text) if i + 1 < len(closing) else None
    return (following is not None and following.kind == BULLET
            and closing[i].text.rstrip().endswith((";", ",", ")")) and not _signature_column(closing[i].text))


def recipients(closing: list[Block]) -> list[str] | None:
    """The 'Nơi nhận' items, without '-' and trailing ';'."""
    start = next((i for i, b in enumerate(closing) if b.text.startswith(CLOSING_STARTERS)), None)
    if start is None:
        return None
    items: list[str] = []
    fragments: list[str] = []  # ends of long items the layout pushed elsewhere: 'quan;'
    inline = closing[start].text.split(":", 1)[1] if ":" in closing[start].text else ""
    for piece in re.split(r"(?:^|\s)-\s+", inline):
        cleaned = _clean_recipient(piece)
        if cleaned and cleaned[:1].islower():
            fragments.append(cleaned)
        elif cleaned:
            items.append(cleaned)
    cut: list[int] = []  # items that stop mid-phrase (no ';' or '.')
    end = start + 1
    for i, block in enumerate(closing[start + 1 :], start=start + 1):
        marker = match_marker(block.text)
        if marker is None and not items and _undashed_first_item(closing, i):
            marker = Marker(BULLET, "-", block.text)
        if marker is None or marker.kind != BULLET:
            if cut and cut[-1] == len(items) - 1 and not _signature_column(block.text):
                # The item above stopped mid-phrase ('..., Ban xây dựng Đảng,'): this line goes on with it.
                items[-1] = f"{items[-1]} {block.text.strip().rstrip(';,').strip()}"
                if block.text.rstrip().endswith((";", ".")):
                    cut.pop()
                end += 1
                continue
            if _signature_column(block.text):
                end += 1  # the signature beside the list, read row by row between its items
                continue
            break
        end += 1
        cleaned = _clean_recipient(marker.rest)
        if cleaned:
            if not marker.rest.rstrip().endswith((";", ".", ")")):
                cut.append(len(items))
            items.append(cleaned)
    # Two-column layouts push the end of a long item into the other column: 'quan;'.
    # Only a long item wraps, so the fragment goes to the longest item cut mid-phrase.
    fragments += [b.text for b in closing[end:] if b.text[:1].islower() and b.text.rstrip().endswith((";", "."))]
    for fragment in fragments:
        if cut:
            index = max(cut, key=lambda i: len(items[i]))
            cut.remove(index)
            items[index] = f"{items[index]} {fragment.rstrip(' ;')}"
    return items


_RANK = re.compile(rf"^(?:{'|'.join(MILITARY_RANKS)})\s+", re.I)
_COLLECTIVES = tuple(fold(body) for body in COLLECTIVE_BODIES)


def _name(text: str) -> str | None:
    """'Vũ Trọng Thủy', also after a rank ('Đại tá Bùi Duy Hưng')."""
    text = _RANK.sub("", text.strip())
    return text if is_person_name(text) else None


def _wraps(on_behalf: str, text: str) -> bool:
    """'TM. ỦY BAN' / 'NHÂN DÂN': the collective's name went on to the next line."""
    body = fold(on_behalf.split(".", 1)[-1])
    joined = fold(f"{body} {text}")
    return any(full.startswith(joined) and body != full for full in _COLLECTIVES)


def signer(closing: list[Block]) -> Signer | None:
    """The TM./KT. block: collective, authority, position and name. The position is the last
    line in capitals above the name ('KT. CHỦ TỊCH' / 'PHÓ CHỦ TỊCH'); lines below the name (a
    second title, the body) are not the position."""
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
        if not seen_signature or name is not None:
            continue
        if on_behalf and position is None and authority is None and _wraps(on_behalf, text):
            on_behalf = f"{on_behalf} {text}"
        elif is_upper(text):
            position = text
        elif _name(text):
            name = _name(text)
    if not seen_signature and name is None:
        return None
    return Signer(name=name, position=position, authority=authority, on_behalf=on_behalf)
