"""Agency names: recognising the start of one, and splitting a cell into distinct bodies."""

from __future__ import annotations

import re

from kehoach.parse.language.textutil import fold, is_person_name, unmarked
from kehoach.parse.language.vocab import (
    AGENCY_ABBREVIATIONS,
    AGENCY_HEADS,
    AGENCY_JOINERS,
    AGENCY_PLURAL_NOUNS,
)

_PLURAL = re.compile(r"^(?:các|những)\s+(" + "|".join(re.escape(fold(n)) for n in AGENCY_PLURAL_NOUNS) + r")\b")


_ABBREVIATION = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(AGENCY_ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE)
_EXPANSIONS = {a.casefold(): name for a, name in AGENCY_ABBREVIATIONS.items()}
_JOINERS = frozenset(fold(j) for j in AGENCY_JOINERS)
_PUNCTUATION = re.compile(r"[^\w]+")


def expand_abbreviations(text: str) -> str:
    """'UBND xã', 'TTHC' written out ('Ủy ban nhân dân xã', 'thủ tục hành chính')."""
    return _ABBREVIATION.sub(lambda m: _EXPANSIONS[m.group(1).casefold()], text)


def agency_key(text: str, plain: bool = False) -> str:
    """A key for comparing agency names: abbreviations written out, folded, punctuation and
    joining words dropped: 'Phòng VH-XH' and 'Phòng Văn hoá và Xã hội' give the same key.
    `plain` also drops the diacritics (for a search typed without them)."""
    text = expand_abbreviations(text)
    words = [w for w in _PUNCTUATION.split(fold(text)) if w and w not in _JOINERS]
    key = " ".join(words)
    if plain:
        key = unmarked(key).lower()
    return key


def names_agency(query: str, text: str) -> bool:
    """Does `text` (a lead or partner cell) name the agency the user typed? Whole words in order;
    a query typed without diacritics matches with or without them."""
    plain = query.isascii()
    wanted = agency_key(query, plain)
    return bool(wanted) and f" {wanted} " in f" {agency_key(text, plain)} "


def starts_agency(text: str) -> bool:
    """'Phòng Văn hóa - Xã hội', 'Trung tâm phục vụ ...', 'Các cơ quan, đơn vị ...'; not 'Ban hành'."""
    text = text.strip()
    for head, needs_capital in AGENCY_HEADS:
        if text == head or text.startswith(head + ","):
            return True
        if text.startswith(head + " "):
            following = text[len(head) + 1 :].lstrip()[:1]
            return following.isupper() or following.isdigit() if needs_capital else True
    return bool(_PLURAL.match(fold(text)))


def _opens_body(piece: str) -> bool:
    """A piece after a comma that names a body of its own, not the next word of a list of kinds
    ('Sở Văn hóa, Thể thao và Du lịch', 'Các sở, ban, ngành')."""
    return starts_agency(piece) and piece.strip() not in {head for head, _ in AGENCY_HEADS}


def _split_commas(unit: str) -> list[str]:
    pieces = [p.strip(" .-–") for p in unit.split(",")]
    out = [pieces[0]]
    for piece in pieces[1:]:
        if piece and _opens_body(piece):
            out.append(piece)
        elif piece:
            out[-1] = f"{out[-1]}, {piece}" if out[-1] else piece
    return out


def _lines_are_bodies(lines: list[str]) -> bool:
    """The paragraphs of a table cell name one body or person each (a line per name); 'Lãnh đạo'
    alone on a line starts the name on the next one."""
    return len(lines) > 1 and all(_opens_body(ln) or is_person_name(ln) for ln in lines)


def split_agencies(cell: str | None) -> list[str]:
    """Split on ';' always; on a cell's paragraph breaks when each paragraph names a body or a
    person; on ',' before a piece that names a body of its own.

    'Các cơ quan, đơn vị thuộc UBND cấp xã' stays whole; 'Phòng Kinh tế, Văn phòng HĐND' gives two
    agencies, 'Sở Nông nghiệp và Môi trường, các Sở, ban, ngành' two, 'Sở Văn hóa, Thể thao và
    Du lịch' one.
    """
    if not cell or not cell.strip():
        return []
    out: list[str] = []
    for part in re.split(r"\s*;\s*", cell):
        lines = [ln.strip() for ln in part.split("\n") if ln.strip()]
        units = lines if _lines_are_bodies(lines) else [" ".join(lines)]
        for unit in units:
            out.extend(_split_commas(unit))
    return [" ".join(a.split()).strip(" .;,") for a in out if a.strip(" .;,")]
