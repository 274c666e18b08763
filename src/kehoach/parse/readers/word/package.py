"""Opening a .docx: the guard first, then python-docx; the parts the reader builds on.

python-docx reads the package (relationships, content types, parts) and gives the
body, the styles and the numbering part. What it does not resolve (Word's list
labels, merged-cell geometry, legacy fonts) is read from the lxml elements it
exposes, never from a second parse of the package.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError

from kehoach.errors import InputError
from kehoach.i18n import _
from kehoach.parse.language.legacy import encoding_of_font
from kehoach.parse.readers.word.guard import check_package
from kehoach.parse.readers.word.styles import StyleMap

# Where a Latin font can be named: any run of the body; in the styles part only the run
# properties of a style and the document defaults (searching the whole part costs 2 ms a plan).
_BODY_FONTS = ".//w:rFonts/@w:ascii | .//w:rFonts/@w:hAnsi"
_STYLE_FONTS = " | ".join(
    f"{where}/w:rFonts/@w:{slot}" for where in ("w:style/w:rPr", "w:docDefaults/w:rPrDefault/w:rPr") for slot in ("ascii", "hAnsi")
)


@dataclass(slots=True)
class Parts:
    document: WordDocument
    """The python-docx document: body content in order, sections."""
    numbering: Any | None
    """The w:numbering element of the numbering part, if the document has lists."""
    styles: StyleMap
    """Each style's font, base style and list link, resolved once."""
    legacy_fonts: bool
    """The document or its styles name a TCVN3 or VNI font, so runs need their fonts resolved."""


def _related(document: WordDocument, reltype: str, needs: str = "element") -> Any | None:
    """A part the main document relates to, or None (python-docx would invent a default one).
    A part whose content type the package does not declare comes as raw bytes, without
    `needs`; it is treated as absent, as Word would not read it either."""
    try:
        part = document.part.part_related_by(reltype)
    except KeyError:
        return None
    return part if hasattr(part, needs) else None


def _names_legacy_font(element: Any | None, query: str) -> bool:
    if element is None:
        return False
    return any(encoding_of_font(str(name)) for name in element.xpath(query))


def _load(data: bytes) -> WordDocument:
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zlib.error, KeyError, ValueError, OSError) as exc:
        raise InputError(_("not a readable .docx file ({reason})").format(reason=exc)) from exc
    except Exception as exc:  # lxml syntax errors and other damage inside a part
        raise InputError(_("not a readable .docx file ({reason})").format(reason=type(exc).__name__)) from exc


def open_docx(data: bytes) -> Parts:
    """The checked, opened document, or an InputError naming what is wrong."""
    check_package(data)
    document = _load(data)
    if document.element.body is None:
        raise InputError(_("not a readable .docx file ({reason})").format(reason=_("no document body")))
    numbering_part = _related(document, RT.NUMBERING)
    styles_part = _related(document, RT.STYLES, needs="styles")
    styles_element = styles_part.element if styles_part is not None else None
    legacy = _names_legacy_font(document.element.body, _BODY_FONTS) or _names_legacy_font(styles_element, _STYLE_FONTS)
    try:
        styles = StyleMap(styles_part.styles if styles_part is not None else None, with_fonts=legacy)
    except Exception as exc:  # a styles part python-docx cannot model
        raise InputError(_("not a readable .docx file ({reason})").format(reason=_("styles: {kind}").format(kind=type(exc).__name__))) from exc
    return Parts(document, numbering_part.element if numbering_part is not None else None, styles, legacy)
