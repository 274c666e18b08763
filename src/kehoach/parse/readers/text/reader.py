"""Reader for plain-text plans (.txt): decoding, cleaning, paragraphs, flattened tables."""

from __future__ import annotations

import codecs

from kehoach.errors import InputError
from kehoach.i18n import _
from kehoach.parse.blocks import Block, Document
from kehoach.parse.language.legacy import convert, detect, note
from kehoach.parse.language.textutil import nfc, strip_emphasis
from kehoach.parse.readers.lines import Line, is_noise, is_page_number, is_pipe_line, join_lines
from kehoach.parse.readers.text.repair import (
    is_marker_only,
    join_emphasis_spans,
    split_columns,
    uses_blank_lines,
)
from kehoach.parse.readers.text.tables import split_table_regions

# Legacy 8-bit text comes from Windows: bytes 0x80-0x9F are its quotes and dashes, not C1 controls.
_WINDOWS_PUNCTUATION = {
    code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0) if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _unicode_text(data: bytes) -> tuple[str, str | None]:
    """The text if the bytes are Unicode, else (Windows Latin-1 reading, Windows-1258 reading)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), None
    if b"\x00" in data[:4096]:
        return _bomless_utf16(data), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_WINDOWS_PUNCTUATION), nfc(data.decode("cp1258", errors="replace"))


def _bomless_utf16(data: bytes) -> str:
    """UTF-16 saved without a byte-order mark (zero bytes in every other place), else an error."""
    head = data[:4096]
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if len(data) % 2 == 0 and zeros.count(0) >= 0.3 * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and all(ch.isprintable() or ch.isspace() for ch in text[:2000]):
                return text
    raise InputError(_("this looks like a binary file, not text"))


def decode(data: bytes) -> tuple[str, list[tuple[str, str]]]:
    """Bytes to Unicode text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1258,
    and TCVN3 or VNI text, whether stored as 8-bit bytes or already as Latin-1 characters.

    Returns the text in NFC and notes about any conversion.
    """
    text, cp1258 = _unicode_text(data)
    text = nfc(text)
    legacy = detect(text, plain=cp1258)
    if legacy:
        return convert(text, legacy), [note(legacy, _("recognised from the letters"))]
    if cp1258 is not None:
        return cp1258, [("encoding-converted", _("text was not UTF-8; read as Windows-1258 (cp1258)"))]
    return text, []


def clean_lines(text: str) -> list[Line]:
    """Split decoded (NFC) text into lines with 1-based numbers; emphasis spans joined, then
    emphasis and trailing spaces removed; a marker alone on its line joined to the next line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    raw_lines = join_emphasis_spans(list(enumerate(text.split("\n"), start=1)))
    out: list[Line] = []
    gap = False
    bold_marker = False  # the last line is a marker set in emphasis ('**1.****'): its text follows
    for number, raw in raw_lines:
        line = strip_emphasis(raw).strip()
        if is_pipe_line(line):
            out.append(Line("|", number))  # kept: it may separate the cells of a table
            gap, bold_marker = True, False
        elif is_noise(line):
            gap = True
        elif out and bold_marker:  # '**1.**' / 'Giai đoạn 2025 - 2030'
            out[-1].text = f"{out[-1].text} {line}"
            gap = bold_marker = False
        else:
            out.append(Line(line, number, gap=gap))
            # A bare '1.' alone is kept: copied out of a table, it is the TT cell of a row.
            bold_marker = "*" in raw and is_marker_only(line)
            gap = False
    if not uses_blank_lines([ln for ln in out if ln.text != "|"]):
        for ln in out:
            ln.gap = None
    return split_columns(out)


def blocks_from_lines(lines: list[Line]) -> list[Block]:
    """Paragraph blocks for prose, table blocks for flattened tables, in order."""
    blocks: list[Block] = []
    for _kind, chunk in split_table_regions(lines):
        if isinstance(chunk, Block):
            blocks.append(chunk)
        else:
            prose = [ln for ln in chunk if not is_page_number(ln.text) and ln.text != "|"]
            blocks.extend(join_lines(prose))
    return blocks


def read_text(data: bytes) -> Document:
    """Read a plain-text plan into blocks."""
    text, notes = decode(data)
    if not text.strip():
        raise InputError(_("the file is empty"))
    return Document(blocks=blocks_from_lines(clean_lines(text)), format="txt", notes=notes)
