"""Readers turn input bytes into the neutral block list; the format is sniffed from content."""

from __future__ import annotations

from kehoach.errors import InputError
from kehoach.parse.blocks import Document
from kehoach.parse.readers.text import read_text


def sniff_format(data: bytes) -> str:
    """'pdf', 'docx', 'zip' (another zip), 'doc' (legacy Word) or 'txt', from the first bytes."""
    if data.startswith(b"%PDF") or data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536] else "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    return "txt"


def read_document(data: bytes) -> Document:
    """Read any supported input into blocks."""
    fmt = sniff_format(data)
    if fmt == "txt":
        return read_text(data)
    if fmt == "docx":
        from kehoach.parse.readers.docx import read_docx

        return read_docx(data)
    if fmt == "pdf":
        from kehoach.parse.readers.pdf import read_pdf

        return read_pdf(data)
    if fmt == "doc":
        raise InputError("legacy Word .doc is not supported; save it as .docx first")
    raise InputError("this is a zip archive but not a Word document (.docx)")
