"""Readers turn input bytes into the neutral block list; the format is sniffed from content."""

from __future__ import annotations

from kehoach.errors import InputError
from kehoach.i18n import _
from kehoach.parse.blocks import Document
from kehoach.parse.language.legacy import convert, detect, note
from kehoach.parse.readers.options import ReadOptions
from kehoach.parse.readers.text.reader import read_text
from kehoach.parse.readers.word.office import OLE_MAGIC, doc_to_docx


def sniff_format(data: bytes) -> str:
    """'pdf', 'docx', 'zip' (another zip), 'doc' (legacy Word) or 'txt', from the first bytes."""
    if data.startswith(b"%PDF") or data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536] else "zip"
    if data.startswith(OLE_MAGIC):
        return "doc"
    return "txt"


def _convert_legacy_text(document: Document) -> Document:
    """Legacy TCVN3/VNI text that no font announced (pasted into a Unicode-font DOCX, or a PDF
    printed from one) is recognised from its letters and converted block by block."""
    if any(code == "encoding-converted" for code, _ in document.notes):
        return document
    text = "\n".join(block.text or "\n".join(" ".join(row) for row in block.rows) for block in document.blocks)
    encoding = detect(text)
    if encoding is None:
        return document
    for block in document.blocks:
        block.text, block.raw = convert(block.text, encoding), convert(block.raw, encoding)
        block.rows = [[convert(cell, encoding) for cell in row] for row in block.rows]
    document.notes.append(note(encoding, _("recognised from the letters")))
    return document


def read_document(data: bytes, options: ReadOptions | None = None) -> Document:
    """Read any supported input into blocks (`options`: how PDF pages are OCR'd)."""
    fmt = sniff_format(data)
    if fmt == "txt":
        return read_text(data)  # converts legacy text itself, before lines are joined
    if fmt == "docx":
        from kehoach.parse.readers.word.reader import read_docx

        return _convert_legacy_text(read_docx(data))
    if fmt == "pdf":
        from kehoach.parse.readers.pdf.reader import read_pdf

        return _convert_legacy_text(read_pdf(data, options))
    if fmt == "doc":
        from kehoach.parse.readers.word.reader import read_docx

        document = _convert_legacy_text(read_docx(doc_to_docx(data)))
        document.notes.insert(0, ("converted-from-doc", "legacy Word .doc converted to .docx with LibreOffice"))
        return document
    raise InputError(_("this is a zip archive but not a Word document (.docx)"))
