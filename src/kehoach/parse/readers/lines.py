"""Rebuild paragraphs from physical lines (text files and PDF text layers).

Text extraction breaks sentences at the page width, puts blank lines between
lines, and interleaves the two-column header. This module decides, for each
line, whether it continues the paragraph above or starts a new one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kehoach.parse.blocks import Block
from kehoach.parse.language.textutil import fold, is_upper, squash
from kehoach.parse.language.vocab import (
    APPENDIX_STARTERS,
    CLOSING_STARTERS,
    CMP_BEFORE,
    CMP_FILLERS,
    DOC_TYPES,
    NATIONAL_HEADER,
    PREAMBLE_STARTERS,
    SIGNATURE_AUTHORITY,
    SIGNATURE_ON_BEHALF,
)
from kehoach.parse.structure.markers import BULLET, match_marker


@dataclass(slots=True)
class Line:
    """One physical line with its provenance."""

    text: str
    line: int
    page: int | None = None
    indent: bool | None = None
    """PDF only: the line starts further right than the margin (a first-line indent)."""
    gap: bool | None = None
    """Text files that separate paragraphs by blank lines: a blank line comes before this one.
    None where blank lines say nothing (none, or one after every line)."""


_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.I)
_RULE_LINE = re.compile(r"^[-_=*~.·…\s]{3,}$")
_PIPES_ONLY = re.compile(r"^[|\s]+$")
_PLACE_DATE = re.compile(r"^[^,;:.]{2,40},\s*ngày\b.{0,30}\bnăm\s*\d{4}\b", re.I)
# 'Số' with any mark on its vowel: OCR often reads 'Só:', 'Sô:' or 'S0:'.
NUMBER_LABEL = "S[ốoóòỏõọôồổỗộơớờởỡợ0]"
_NUMBER_LINE = re.compile(rf"^{NUMBER_LABEL}\s*:|^{NUMBER_LABEL}\s+\d*\s*/", re.I)
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
    """Lines that carry nothing: rules under the header, empty lines."""
    return not text or bool(_RULE_LINE.match(text))


def is_pipe_line(text: str) -> bool:
    """A line holding only '|': a cell boundary left by web or markdown conversions."""
    return bool(_PIPES_ONLY.match(text))


def is_signature_line(text: str) -> bool:
    """'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'KT.CHỦ TỊCH'."""
    return bool(_SIGNATURE.match(text))


def is_attachment_line(text: str) -> bool:
    """'(Kèm theo Quyết định số ... )' / '(Ban hành kèm theo ...)' under a plan attached to a decision."""
    return bool(_ATTACHMENT.match(text))


def is_doc_type(text: str) -> bool:
    """'KẾ HOẠCH' alone on its line."""
    return fold(text).strip(" .:") in _FOLDED_DOC_TYPES


@functools.lru_cache(maxsize=4096)
def is_standalone(text: str) -> bool:
    """Lines that are a paragraph of their own: header, date, type, signature, closing.
    Cached: joining lines asks it of each line as the line below and as the line above."""
    key = fold(text)
    return (
        key.startswith(_FOLDED_HEADER)
        or bool(_NUMBER_LINE.match(text))
        or bool(_PLACE_DATE.match(text))
        or is_doc_type(text)
        or is_signature_line(text)
        or text.startswith(CLOSING_STARTERS)
        or is_attachment_line(text)
        or (text.startswith(APPENDIX_STARTERS) and is_upper(text.split(".")[0]))
    )


def ends_sentence(text: str) -> bool:
    """True when the line ends a sentence or a clause (., ;, :, !, ?)."""
    return bool(_TERMINAL.search(text))


def _starts_upper(text: str) -> bool:
    first = next((ch for ch in text if ch.isalnum() or ch in "“\"("), "")
    return first.isupper() or first.isdigit() or first in "“\"("


def _caps_line(text: str) -> bool:
    """An upper-case line of at least two words ('XÃ HÙNG THẮNG'), not '(DDCI).'."""
    return is_upper(text) and len(text.split()) >= 2


def strong_break(prev: str, cur: str) -> bool:
    """Breaks that hold whatever the layout: header lines, numbering markers."""
    if is_standalone(prev) or is_standalone(cur):
        return True
    marker = match_marker(cur)
    if marker is None:
        return False
    if prev.count("(") > prev.count(")") and not prev.rstrip().endswith((".", ":", ";")):
        return False  # '(theo quy định tại Mục 5,' / 'Phần VI Hướng dẫn 13/HD)': no item opens inside brackets
    # '- xã hội' after 'kinh tế' is a broken hyphenated phrase, not a bullet.
    return not (marker.kind == BULLET and marker.rest[:1].islower() and not ends_sentence(prev))


def starts_block(prev: str, cur: str, short_width: float) -> bool:
    """Decide whether `cur` opens a new paragraph after the line `prev`."""
    if strong_break(prev, cur):
        return True
    if ends_sentence(prev):
        # '...thành phố giao;' / 'theo dõi đôn đốc ...': a clause goes on in lower case.
        return not (prev.rstrip()[-1:] in ";:," and cur[:1].islower())
    if _caps_line(prev) != _caps_line(cur):
        return True
    if _caps_line(prev):
        return False  # a heading in capitals wrapped over lines: 'ỦY BAN NHÂN DÂN' / 'XÃ HÙNG THẮNG'
    if cur.startswith(PREAMBLE_STARTERS) or cur.startswith("Trên đây"):
        return True
    if ends_open(prev):
        return False  # 'Tỷ lệ hồ sơ đạt ≥' / '30% ...': the sentence goes on
    return len(prev) < short_width and _starts_upper(cur)


# Words a sentence cannot end on: comparators and their fillers ('tối thiểu', '≥', 'đạt'),
# prepositions and conjunctions. A line ending on one is cut mid-sentence.
_OPEN_TAIL_WORDS = frozenset(
    {fold(phrase).split()[-1] for phrase, _ in CMP_BEFORE} | {fold(w) for w in CMP_FILLERS}
    | {"và", "của", "các", "cho", "với", "tại", "theo", "về", "là", "có", "được", "từ", "đến", "những", "trong", "số"}
)


def ends_open(text: str) -> bool:
    """The line ends on a word that cannot end a sentence ('≥', 'tối thiểu', 'của')."""
    words = fold(text).split()
    return bool(words) and words[-1] in _OPEN_TAIL_WORDS


def uses_indent(lines: list[Line]) -> bool:
    """True when paragraphs visibly start with a first-line indent (PDF text layers)."""
    after_stop = [cur.indent for prev, cur in zip(lines, lines[1:], strict=False)
                  if cur.indent is not None and ends_sentence(prev.text)]
    return len(after_stop) >= 5 and sum(bool(x) for x in after_stop) / len(after_stop) > 0.6


_BROKEN_NUMBER_END = re.compile(r"\w-$")
_NUMBER_GOES_ON = re.compile(r"[A-ZĐ\d]")


def number_goes_on(a: str, b: str) -> bool:
    """Line `a` ends in a document number broken after its hyphen that `b` goes on with
    ('18-' + 'NQ/TW')."""
    return a.endswith("-") and bool(_BROKEN_NUMBER_END.search(a)) and bool(_NUMBER_GOES_ON.match(b))


def join_line(a: str, b: str) -> str:
    """Two lines of one paragraph as one text: with a space, except inside a broken document number."""
    return a + b if number_goes_on(a, b) else a + " " + b


def short_width(lines: list[Line]) -> float:
    """Below this length a line is 'short': it probably ends its paragraph."""
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) > 20)
    if not lengths:
        return 0.0
    p80 = lengths[int(len(lengths) * 0.8) - 1 if len(lengths) > 1 else 0]
    return min(p80 * 0.6, 70.0)


def _lower_continuation(prev: str, cur: str) -> bool:
    """A line in lower case after a clause break (';', ':', ',') or mid-sentence continues it."""
    return cur[:1].islower() and not prev.rstrip().endswith((".", "!", "?")) and not is_standalone(prev)


def _breaks(prev: Line, cur: Line, width: float, indented: bool) -> bool:
    if _lower_continuation(prev.text, cur.text) and match_marker(cur.text) is None:
        return False
    if cur.gap is not None:
        # Blank lines separate the paragraphs: inside one, only header lines, markers and a
        # change between capitals and running text break it.
        return cur.gap or strong_break(prev.text, cur.text) or _caps_line(prev.text) != _caps_line(cur.text)
    if cur.indent:
        return True
    if indented and cur.indent is False:
        # Layout says 'same paragraph'; only header lines and markers override it.
        return (
            strong_break(prev.text, cur.text)
            or _caps_line(prev.text) != _caps_line(cur.text)
            # Justified text leaves a line short only at the end of its paragraph.
            or (len(prev.text) < width and _starts_upper(cur.text))
        )
    return starts_block(prev.text, cur.text, width)


def join_lines(lines: list[Line], width: float | None = None) -> list[Block]:
    """Group cleaned lines into paragraph blocks; `width` overrides the measured short-line width."""
    width = short_width(lines) if width is None else width
    indented = uses_indent(lines)
    blocks: list[Block] = []
    current: list[Line] = []

    def flush() -> None:
        if not current:
            return
        text = current[0].text
        for ln in current[1:]:
            text = join_line(text, ln.text)
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
        if current and _breaks(current[-1], ln, width, indented):
            flush()
        current.append(ln)
    flush()
    return blocks


def is_continuation(prev: str, cur: str) -> bool:
    """A paragraph broken by hand: it starts in lower case (or '- ' + lower case) mid-sentence."""
    if not prev or cur[:1].isupper():  # cheap test first: most paragraphs start with a capital
        return False
    marker = match_marker(cur)
    if marker is not None and marker.kind != BULLET:
        return False
    rest = marker.rest if marker is not None else cur
    # 'năm' / '2025.' : a year or number cut from the end of the sentence above.
    cut_number = marker is None and rest[:1].isdigit() and not ends_sentence(prev) and not is_standalone(prev)
    return cut_number or _lower_continuation(prev, rest)


def merge_continuations(blocks: list[Block]) -> list[Block]:
    """Glue paragraphs that continue the one before (Word documents typed with hard breaks)."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == block.kind == "para"
            and not block.auto_numbered
            and is_continuation(prev.text, block.text)
        ):
            prev.text = join_line(prev.text, block.text)
            prev.raw = prev.raw + "\n" + block.raw
            prev.line_end = block.line_end
            continue
        out.append(block)
    return out
