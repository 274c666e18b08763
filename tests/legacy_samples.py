"""Build legacy-encoded versions of the samples, the way old offices produced them.

- text files: the bytes a Windows editor writes with a TCVN3 or VNI font (cp1252 code page),
  and Windows-1258 with its separate tone marks;
- DOCX files: every run re-typed in the legacy encoding and set in a legacy font. TCVN3
  has no toned capitals, so all-capital runs go in '.VnTimeH' (which draws capitals) and
  other toned capitals fall back to lower case, as they did for typists.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from typing import Any

from lxml import etree

from kehoach.parse.language.legacy import tcvn3_from_unicode, vni_from_unicode

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258: letter shapes precomposed, tone marks as separate combining characters."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tones)
    return "".join(out).encode("cp1258")


def legacy_text_bytes(text: str, encoding: str) -> bytes:
    """A text file as a Windows editor saves TCVN3 or VNI text."""
    encoded = tcvn3_from_unicode(text) if encoding == "tcvn3" else vni_from_unicode(text)
    return encoded.encode("cp1252")


def _set_font(run: Any, font: str) -> None:
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        rpr = etree.SubElement(run, f"{W}rPr")
        run.remove(rpr)
        run.insert(0, rpr)
    fonts = rpr.find(f"{W}rFonts")
    if fonts is None:
        fonts = etree.Element(f"{W}rFonts")
        rpr.insert(1 if rpr.find(f"{W}rStyle") is not None else 0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    fonts.set(f"{W}ascii", font)
    fonts.set(f"{W}hAnsi", font)


def _retype_run(run: Any, encoding: str) -> None:
    texts = run.findall(f"{W}t")
    whole = "".join(t.text or "" for t in texts)
    if encoding == "vni":
        font = "VNI-Times"
        convert = vni_from_unicode
    elif whole.upper() == whole and whole.lower() != whole:
        font = ".VnTimeH"

        def convert(s: str) -> str:
            return tcvn3_from_unicode(s.lower())
    else:
        font = ".VnTime"
        convert = tcvn3_from_unicode
    for t in texts:
        t.text = convert(t.text or "")
    _set_font(run, font)


def legacy_docx_bytes(data: bytes, encoding: str) -> bytes:
    """The DOCX with every text run re-typed in TCVN3 or VNI and set in a matching font."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                root = etree.fromstring(content)
                for run in root.iter(f"{W}r"):
                    if run.find(f"{W}t") is not None:
                        _retype_run(run, encoding)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, content)
    return out.getvalue()
