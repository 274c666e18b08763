"""Rebuild paragraphs from physical lines (text files and PDF text layers).

Text extraction breaks sentences at the page width, puts blank lines between
lines, and interleaves the two-column header. This module decides, for each
line, whether it continues the paragraph above or starts a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.parse.blocks import Block
from kehoach.parse.markers import BULLET, match_marker
from kehoach.parse.textutil import fold, is_upper, squash
from kehoach.parse.vocab import (
    APPENDIX_STARTERS,
    CLOSING_STARTERS,
    DOC_TYPES,
    NATIONAL_HEADER,
    PREAMBLE_STARTERS,
    SIGNATURE_AUTHORITY,
    SIGNATURE_ON_BEHALF,
)


@dataclass(slots=True)
class Line:
    """One physical line with its provenance."""

    text: str
    line: int
    page: int | None = None
    indent: bool | None = None
    """PDF only: the line starts further right than the margin (a first-line indent)."""


_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.I)
_RULE_LINE = re.compile(r"^[-_=*~.·…\s]{3,}$")
_PIPES_ONLY = re.compile(r"^[|\s]+$")
_PLACE_DATE = re.compile(r"^[^,;:.]{2,40},\s*ngày\b.{0,30}\bnăm\s*\d{4}\b", re.I)
_NUMBER_LINE = re.compile(r"^Số\s*:|^Số\s+\d*\s*/", re.I)
_TERMINAL = re.compile(r"(?:[.;:!?]|\./\.|\.\)|:\)|;\))[\s\"”’*]*$")
_SIGNATURE_PREFIXES = tuple(p.rstrip(".") for p in SIGNATURE_ON_BEHALF + SIGNATURE_AUTHORITY)
_SIGNATURE = re.compile(rf"^(?:{'|'.join(_SIGNATURE_PREFIXES)})\s*\.\s*\S")
_FOLDED_HEADER = tuple(fold(h) for h in NATIONAL_HEADER)
_FOLDED_DOC_TYPES = frozenset(fold(d) for d in DOC_TYPES)
_ATTACHMENT = re.compile(r"^\((?:Ban hành )?[Kk]èm theo\b")


def is_page_number(text: str) -> bool:
    """A line holding only a page number ('3', '- 3 -', 'Trang 3', '3/12')."""
    return bool(_PAGE_NUMBER.match(text))


def is_noise(text: str) -> bool:
    """Lines that carry nothing: rules under the header, lone pipes, empty lines."""
    return not text or bool(_RULE_LINE.match(text)) or bool(_PIPES_ONLY.match(text))


def is_signature_line(text: str) -> bool:
    """'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'KT.CHỦ TỊCH'."""
    return bool(_SIGNATURE.match(text))


def is_doc_type(text: str) -> bool:
    """'KẾ HOẠCH' alone on its line."""
    return fold(text).strip(" .:") in _FOLDED_DOC_TYPES


def is_standalone(text: str) -> bool:
    """Lines that are a paragraph of their own: header, date, type, signature, closing."""
    key = fold(text)
    return (
        key.startswith(_FOLDED_HEADER)
        or bool(_NUMBER_LINE.match(text))
        or bool(_PLACE_DATE.match(text))
        or is_doc_type(text)
        or is_signature_line(text)
        or text.startswith(CLOSING_STARTERS)
        or bool(_ATTACHMENT.match(text))
        or (text.startswith(APPENDIX_STARTERS) and is_upper(text.split(".")[0]))
    )


def ends_sentence(text: str) -> bool:
    """True when the line ends a sentence or a clause (., ;, :, !, ?)."""
    return bool(_TERMINAL.search(text))


def _starts_upper(text: str) -> bool:
    first = next((ch for ch in text if ch.isalnum() or ch in "“\"("), "")
    return first.isupper() or first.isdigit() or first in "“\"("


def starts_block(prev: str, cur: str, short_width: float) -> bool:
    """Decide whether `cur` opens a new paragraph after the line `prev`."""
    if is_standalone(prev) or is_standalone(cur):
        return True
    marker = match_marker(cur)
    if marker is not None:
        # '- xã hội' after 'kinh tế' is a broken hyphenated phrase, not a bullet.
        broken_dash = marker.kind == BULLET and marker.rest[:1].islower() and not ends_sentence(prev)
        if not broken_dash:
            return True
    if ends_sentence(prev):
        return True
    if is_upper(prev) != is_upper(cur):
        return True
    if is_upper(prev):
        return False  # a heading in capitals wrapped over lines: 'ỦY BAN NHÂN DÂN' / 'XÃ HÙNG THẮNG'
    if cur.startswith(PREAMBLE_STARTERS) or cur.startswith("Trên đây"):
        return True
    return len(prev) < short_width and _starts_upper(cur)


def _join(a: str, b: str) -> str:
    # '18-' + 'NQ/TW' keeps a broken document number whole.
    if re.search(r"[\w]-$", a) and re.match(r"[A-ZĐ\d]", b):
        return a + b
    return a + " " + b


def short_width(lines: list[Line]) -> float:
    """Below this length a line is 'short': it probably ends its paragraph."""
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) > 20)
    if not lengths:
        return 0.0
    p80 = lengths[int(len(lengths) * 0.8) - 1 if len(lengths) > 1 else 0]
    return min(p80 * 0.6, 70.0)


def join_lines(lines: list[Line], width: float | None = None) -> list[Block]:
    """Group cleaned lines into paragraph blocks; `width` overrides the measured short-line width."""
    width = short_width(lines) if width is None else width
    blocks: list[Block] = []
    current: list[Line] = []

    def flush() -> None:
        if not current:
            return
        text = current[0].text
        for ln in current[1:]:
            text = _join(text, ln.text)
        blocks.append(
            Block(
                kind="para",
                text=squash(text),
                raw="\n".join(ln.text for ln in current),
                line=current[0].line,
                line_end=current[-1].line,
                page=current[0].page,
            )
        )
        current.clear()

    for ln in lines:
        if current and (ln.indent or starts_block(current[-1].text, ln.text, width)):
            flush()
        current.append(ln)
    flush()
    return blocks


def is_continuation(prev: str, cur: str) -> bool:
    """A paragraph broken by hand: it starts in lower case (or '- ' + lower case) mid-sentence."""
    if not prev or ends_sentence(prev) or is_standalone(prev):
        return False
    marker = match_marker(cur)
    rest = marker.rest if marker is not None and marker.kind == BULLET else cur
    if marker is not None and marker.kind != BULLET:
        return False
    return rest[:1].islower()


def merge_continuations(blocks: list[Block]) -> list[Block]:
    """Glue paragraphs that continue the one before (Word documents typed with hard breaks)."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == block.kind == "para" and is_continuation(prev.text, block.text):
            prev.text = _join(prev.text, block.text)
            prev.raw = prev.raw + "\n" + block.raw
            prev.line_end = block.line_end
            continue
        out.append(block)
    return out
