"""Numbering markers of Vietnamese plans, as an ordered list of small pure rules.

Each rule looks at the start of a paragraph and returns a `Marker` or None. The
first rule that matches wins, so the order matters: decimal before arabic
('2.1.' is not '2.'), roman before upper-case letters ('I.' is a part, 'A.' a group),
multi-letter lower-case roman before single letters.

Traps handled here, not later: a line that merely starts with a number is not a
marker ('100% hồ sơ', '2025 là năm', '1.000 tỷ đồng', '2,5%').
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from kehoach.parse.language.vocab import LETTER_ORDER, ROMAN_VALUES

# Kinds that make sections; bullets are content of their item.
BULLET = "bullet"


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker found at the start of a paragraph."""

    kind: str
    """roman, arabic, arabic_paren, enclosed, decimal<N>, upper_letter, letter, lower_roman, part, bullet."""
    label: str
    """The label as printed, without punctuation: 'III', '2.1', 'đ', '-'."""
    rest: str
    """The paragraph text after the marker."""


Rule = Callable[[str], Marker | None]



def _starts_upper(text: str, also: str = "") -> bool:
    """True when the text starts with an upper-case letter (any script), a digit or one of `also`."""
    first = text.lstrip()[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in also)

_ROMAN_RE = re.compile(r"^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def roman_value(label: str) -> int | None:
    """Value of a roman numeral, or None when the label is not one."""
    label = label.upper()
    if not label or not _ROMAN_RE.match(label):
        return None
    total = 0
    for ch, nxt in zip(label, label[1:] + " ", strict=True):
        value = ROMAN_VALUES.get(ch, 0) if ch in ROMAN_VALUES else {"D": 500, "M": 1000}[ch]
        following = ROMAN_VALUES.get(nxt, 0) if nxt != " " else 0
        total += -value if value < following else value
    return total


def _nonempty(rest: str) -> bool:
    return bool(rest.strip())


_PART = re.compile(r"^(?:PHẦN|Phần)\s+([IVXL]+|\d{1,2})\s*[.:\-–]?\s*(.*)$", re.S)


def part_rule(text: str) -> Marker | None:
    """'PHẦN I. ...' / 'Phần 2: ...'."""
    m = _PART.match(text)
    if not m or (m.group(1).isalpha() and roman_value(m.group(1)) is None):
        return None
    return Marker("part", m.group(1), m.group(2).strip())


# '2.1.', '2.1', '1.2.3.' : components of one or two digits; never '1.000'.
_DECIMAL = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})(?!\d)(\.?)\s*(.*)$", re.S)


def decimal_rule(text: str) -> Marker | None:
    """'2.1. Mục tiêu' or '2.1 Mục tiêu' (then the text must start upper-case)."""
    m = _DECIMAL.match(text)
    if not m:
        return None
    label, dot, rest = m.groups()
    if not _nonempty(rest) or rest[0] in "%,":
        return None
    if not dot and not (rest[:1].isupper()):
        return None  # '1.5 triệu đồng' is a number, not an item
    depth = label.count(".") + 1
    return Marker(f"decimal{depth}", label, rest.strip())


_ROMAN = re.compile(r"^([IVX]{1,6})\s*[.)]\s*(.*)$", re.S)


def roman_rule(text: str) -> Marker | None:
    """'I. MỤC ĐÍCH' / 'IV) ...'."""
    m = _ROMAN.match(text)
    if not m or roman_value(m.group(1)) is None or not _nonempty(m.group(2)):
        return None
    return Marker("roman", m.group(1), m.group(2).strip())


_UPPER_LETTER = re.compile(r"^([^\W\d_])\s*[.)]\s+(.*)$", re.S)


def upper_letter_rule(text: str) -> Marker | None:
    """'A. NHÓM GIẢI PHÁP ...' (an extra top group in some plans)."""
    m = _UPPER_LETTER.match(text)
    if not m or not m.group(1).isupper() or m.group(1).lower() not in LETTER_ORDER:
        return None
    if not _nonempty(m.group(2)):
        return None
    return Marker("upper_letter", m.group(1), m.group(2).strip())


_ARABIC = re.compile(r"^(\d{1,2})\s*([.)])(?![\d,])\s*(.*)$", re.S)


def arabic_rule(text: str) -> Marker | None:
    """'1. Mục đích' / '3) ...'; not '1.000', '2,5%' or '2025 là năm'."""
    m = _ARABIC.match(text)
    if not m:
        return None
    label, punct, rest = m.groups()
    if not _nonempty(rest) or rest[0] in "%/-":
        return None
    return Marker("arabic" if punct == "." else "arabic_paren", str(int(label)) if label != "0" else label, rest.strip())


_ENCLOSED = re.compile(r"^\((\d{1,2})\)\s+(.*)$", re.S)


def enclosed_rule(text: str) -> Marker | None:
    """'(1) Tổ chức hiệp thương lần thứ nhất: ...': a number in brackets before a sentence
    (not '(1) (2) (3)', the column numbers under a table header)."""
    m = _ENCLOSED.match(text)
    if not m or not _starts_upper(m.group(2)):
        return None
    return Marker("enclosed", str(int(m.group(1))), m.group(2).strip())


_LOWER_ROMAN = re.compile(r"^((?:i{2,3}|iv|vi{1,3}|ix))\s*[.)]\s*(.*)$", re.S)


def lower_roman_rule(text: str) -> Marker | None:
    """'ii) ...', 'iv. ...' (single 'i', 'v', 'x' are letters)."""
    m = _LOWER_ROMAN.match(text)
    if not m or not _nonempty(m.group(2)):
        return None
    return Marker("lower_roman", m.group(1), m.group(2).strip())


_LETTER = re.compile(r"^([a-zđ])\s*([.)])\s*(.*)$", re.S)


def letter_rule(text: str) -> Marker | None:
    """'a)', 'a.', 'b .Thường xuyên', 'đ)'; the letter must be a Vietnamese one or f/j/w/z from Word."""
    m = _LETTER.match(text)
    if not m:
        return None
    letter, punct, rest = m.groups()
    if not _nonempty(rest):
        return None
    if punct == "." and not _starts_upper(rest, "“\"("):
        return None  # 'v.v. các' or an abbreviation, not an item
    return Marker("letter", letter, rest.strip())


_BULLET = re.compile(r"^([-–—+•●▪◦∙·])\s*(.*)$", re.S)


def bullet_rule(text: str) -> Marker | None:
    """'- ...', '+ ...', '• ...': content of the item above, not a section."""
    m = _BULLET.match(text)
    if not m or not _nonempty(m.group(2)) or m.group(2)[0] in "-–—_":
        return None
    return Marker(BULLET, m.group(1), m.group(2).strip())


RULES: tuple[Rule, ...] = (
    part_rule,
    decimal_rule,
    roman_rule,
    upper_letter_rule,
    arabic_rule,
    enclosed_rule,
    lower_roman_rule,
    letter_rule,
    bullet_rule,
)


@functools.lru_cache(maxsize=8192)
def match_marker(text: str) -> Marker | None:
    """The marker at the start of `text`, trying each rule in order.

    Cached (markers are immutable): joining lines, cutting zones and building the tree
    each ask about the same paragraph.
    """
    text = text.lstrip()
    for rule in RULES:
        marker = rule(text)
        if marker is not None:
            return marker
    return None


def is_roman_item(text: str) -> bool:
    """'III. Cải cách thủ tục hành chính': a roman-numbered part or group row."""
    marker = match_marker(text)
    return marker is not None and marker.kind == "roman"


def group_heading(text: str) -> str | None:
    """'I. Cải cách thể chế' or 'A. NHÓM ...' (a group row of a task table) -> text without its number."""
    marker = match_marker(text)
    if marker is not None and marker.kind in ("roman", "upper_letter"):
        return marker.rest
    return None


def sort_key(kind: str, label: str) -> int | None:
    """Position of a label in its sequence (1-based), for order and gap checks."""
    if kind in ("roman", "part") and label.isalpha():
        return roman_value(label)
    if kind == "lower_roman":
        return roman_value(label)
    if kind in ("letter", "upper_letter"):
        low = label.lower()
        return LETTER_ORDER.index(low) + 1 if low in LETTER_ORDER else None
    last = label.rsplit(".", 1)[-1]
    return int(last) if last.isdigit() else None


def to_roman(value: int) -> str:
    """1 -> 'I', 14 -> 'XIV' (values up to 399, more than any plan numbers)."""
    out = ""
    for number, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                            (4, "IV"), (1, "I")):
        while value >= number:
            out, value = out + letters, value - number
    return out


def next_letter(label: str) -> str | None:
    """The letter after `label` in the order of lettered items ('b' -> 'c', 'd' -> 'đ')."""
    position = LETTER_ORDER.index(label) if label in LETTER_ORDER else None
    return LETTER_ORDER[position + 1] if position is not None and position + 1 < len(LETTER_ORDER) else None


def next_label(kind: str, label: str) -> str | None:
    """The label after `label` in a roman or arabic sequence ('II' -> 'III', '4' -> '5')."""
    value = roman_value(label) if kind == "roman" and label.isalpha() else None
    if value is not None:
        return to_roman(value + 1)
    if kind == "arabic" and label.isdigit():
        return str(int(label) + 1)
    return None
