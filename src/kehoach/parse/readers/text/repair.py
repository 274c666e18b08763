"""Physical lines of a text file, repaired before paragraphs are rebuilt.

Text copied from a legal-document website keeps markdown emphasis ('**I. MỤC**')
and the page's line wrapping, so a bold heading can be cut in two ('**II. MỤC' /
'TIÊU**'), a marker can stand alone on its line ('**1.**' / 'Giai đoạn ...'),
and a place and date can wrap after the comma. Emphasis spans are units: the
lines of one span are joined before the markers are stripped. Such files also
separate paragraphs by blank lines, which then say more than any guess from
line lengths; `Line.gap` carries that.
"""

from __future__ import annotations

import re

from kehoach.parse.language.textutil import UPPER, is_upper, strip_emphasis
from kehoach.parse.readers.lines import Line, ends_sentence, is_standalone
from kehoach.parse.structure.markers import BULLET, match_marker

_STARS = re.compile(r"\*+")
# A span left open after this many lines is a stray '*', not emphasis.
_MAX_SPAN_LINES = 6


def _emphasis_state(text: str, bold: bool, italic: bool) -> tuple[bool, bool]:
    """Bold/italic state after a line, reading runs of '*' the way web conversions write them.

    An open span is closed by the next run long enough to close it, whatever surrounds that run
    ('**III.' / 'CHỦ YẾU ***(chi tiết)*' closes the bold and opens an italic); what is left of a
    run opens a span when a word follows it.
    """
    if "*" not in text:  # most lines: nothing to scan
        return bold, italic
    for m in _STARS.finditer(text):
        n = len(m.group(0))
        if bold and n >= 2:
            bold, n = False, n - 2
        if italic and n >= 1:
            italic, n = False, n - 1
        opens = m.end() < len(text) and not text[m.end()].isspace()
        if n and opens:
            if n >= 2:
                bold, n = True, n - 2
            if n >= 1:
                italic = True
    return bold, italic


def _alone(raw: str) -> bool:
    return is_standalone(strip_emphasis(raw).strip())


def join_emphasis_spans(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join the lines of an emphasis span that the page wrapped; (line number, raw text) pairs."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        number, text = lines[i]
        bold, italic = _emphasis_state(text, False, False)
        j = i + 1
        joined = text
        # Lines that stand alone (signature, 'Nơi nhận') are not joined: a span set in bold over
        # the whole signature block is several lines, not one. A standalone line that was
        # wrapped ('Thành phố Hồ' / 'Chí Minh, ngày ...') is joined back.
        while (bold or italic) and j < len(lines) and j - i < _MAX_SPAN_LINES and not _alone(text):
            nxt = lines[j][1]
            if not nxt.strip() or nxt.strip() == "|" or (_alone(nxt) and not _alone(f"{joined} {nxt}")):
                break
            joined = f"{joined.rstrip()} {nxt.strip()}"
            bold, italic = _emphasis_state(nxt, bold, italic)
            j += 1
        if bold or italic:  # never closed: keep the lines as they were
            out.append((number, text))
            i += 1
            continue
        out.append((number, joined))
        i = j
    return out


def is_marker_only(text: str) -> bool:
    """'1.', 'III.', 'a)' alone on a line: the item's text is on the next line."""
    stripped = text.strip()
    if not stripped or len(stripped) > 8:
        return False
    marker = match_marker(stripped + " X")
    return marker is not None and marker.kind != BULLET and marker.rest == "X"


def uses_blank_lines(lines: list[Line]) -> bool:
    """True when blank lines separate paragraphs of several wrapped lines (web text): not when
    a blank line follows every line (text saved from Word or PDF), nor when every paragraph is
    one line and blank lines only space the page (text saved by a word processor)."""
    if len(lines) < 20:
        return False
    followed = [prev for prev, cur in zip(lines, lines[1:], strict=False) if not cur.gap]
    gaps = sum(bool(ln.gap) for ln in lines[1:])
    wrapped = sum(not ends_sentence(ln.text) and not is_standalone(ln.text) for ln in followed)
    return gaps >= 5 and len(followed) >= 0.3 * len(lines) and wrapped >= 0.5 * len(followed)


# Text copied from a PDF reads the two-column header and closing row by row: an issuer line
# with the motto after it ('ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA'), a recipient with a
# signature line after it ('- Sở Nội vụ; KT. CHỦ TỊCH'). Each such line is cut in two.
_MOTTO_INSIDE = re.compile(r"\s(?=(?:CỘNG HÒA|CỘNG HOÀ|Độc lập\s*-\s*Tự do)\b)")
_SIGNATURE_INSIDE = re.compile(rf"(?<=[;,.:)\w])\s+(?=(?:TM|T/M|KT|Q|TL|TUQ)\s*\.\s*[{UPPER}]{{2}})")
_POSITION_AFTER_ITEM = re.compile(rf"(?<=[;,.])\s+(?=[{UPPER}]{{2,}}(?:\s+[{UPPER}]{{2,}})+\s*$)")
_PLACE_DATE_INSIDE = re.compile(rf"(?<=\S)\s+(?=[{UPPER}][\w ]{{1,40}},\s*ngày\b)")


def _cuts(text: str) -> list[str]:
    """The pieces of one physical line that belong to different columns."""
    recipient = text.startswith(("-", "+", "Nơi nhận"))
    if not (recipient or "CỘNG" in text or "Độc lập" in text or text.startswith("Số")):
        return [text]  # cheap test first: most lines are running text
    if text.startswith(("Số", "Số:")) and "/" in text:
        pieces = _PLACE_DATE_INSIDE.split(text, maxsplit=1)
        if len(pieces) == 2:
            return pieces
    pieces = _MOTTO_INSIDE.split(text, maxsplit=1)
    if len(pieces) == 2 and is_upper(pieces[0]):  # the issuer's line in capitals, then the motto
        return [pieces[0].strip(), *_cuts(pieces[1].strip())]
    pieces = _SIGNATURE_INSIDE.split(text, maxsplit=1)
    if len(pieces) == 2 and recipient:
        return [pieces[0].strip(), *_cuts(pieces[1].strip())]
    if recipient:
        pieces = _POSITION_AFTER_ITEM.split(text, maxsplit=1)
        if len(pieces) == 2:
            return pieces
    return [text]


def split_columns(lines: list[Line]) -> list[Line]:
    """Lines of a two-column header or closing read across both columns, cut into one line per column."""
    out: list[Line] = []
    for ln in lines:
        pieces = _cuts(ln.text) if ln.text != "|" else [ln.text]
        out.extend(ln if len(pieces) == 1 else Line(piece, ln.line, ln.page, gap=ln.gap) for piece in pieces)
    return out
