"""The parts of a .docx the reader needs (document body, numbering, styles), read straight
from the zip and parsed with lxml, entities never resolved. Opening the whole package
(as python-docx does) parses every part, themes and settings included, which costs
more than reading the text itself.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from lxml import etree

from kehoach.errors import InputError
from kehoach.parse.legacy_tables import FONT_PREFIXES
from kehoach.parse.readers.docx_guard import check_package, refuse_declarations
from kehoach.parse.readers.docx_numbering import W

# A font attribute naming a legacy font ('.VnTime', 'VNI-Times'), from the same table as `legacy`.
_FONT_HINTS = tuple(prefix.encode() for prefix in FONT_PREFIXES)
_LEGACY_FONT = re.compile(
    rb'w:(?:ascii|hAnsi)="(?:[A-Z]{6}\+)?(?:' + b"|".join(re.escape(h) for h in _FONT_HINTS) + rb")", re.IGNORECASE
)
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@dataclass(slots=True)
class Parts:
    body: Any
    """The w:body element: paragraphs and tables in document order."""
    numbering: Any | None
    """The w:numbering element, if the document has lists."""
    styles: Any | None
    """The w:styles element."""
    legacy_fonts: bool = False
    """The document or its styles name a TCVN3 or VNI font, so runs need their fonts resolved."""


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _read(package: zipfile.ZipFile, name: str | None) -> bytes | None:
    if not name or name not in package.namelist():
        return None
    xml = package.read(name)
    refuse_declarations(name, xml)
    return xml


def _names_legacy_font(xml: bytes | None) -> bool:
    if not xml:
        return False
    lowered = xml.lower()  # plain byte searches first: much faster than the expression below
    return any(hint in lowered for hint in _FONT_HINTS) and _LEGACY_FONT.search(xml) is not None


def _parse(package: zipfile.ZipFile, name: str | None) -> Any | None:
    xml = _read(package, name)
    return etree.fromstring(xml, _PARSER) if xml is not None else None


def _targets(package: zipfile.ZipFile, rels_path: str, base: str) -> dict[str, str]:
    """Relationship type (its last path piece, e.g. 'styles') -> part name in the zip."""
    rels = _parse(package, rels_path)
    if rels is None:
        return {}
    found: dict[str, str] = {}
    for rel in rels.iter(_RELS):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        found.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], name)
    return found


def read_parts(data: bytes) -> Parts:
    """The parts of a checked package, or an InputError naming what is wrong."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        check_package(package)
        main = _targets(package, "_rels/.rels", "").get("officeDocument", "word/document.xml")
        folder = posixpath.dirname(main)
        related = _targets(package, posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"), folder)
        document_xml, styles_xml = _read(package, main), _read(package, related.get("styles"))
        body = etree.fromstring(document_xml, _PARSER).find(f"{W}body") if document_xml is not None else None
        if body is None:
            raise InputError("not a readable .docx file (no document body)")
        legacy = _names_legacy_font(document_xml) or _names_legacy_font(styles_xml)
        # Word's styles part is often larger than the text (hundreds of KB of built-in styles);
        # it matters only for style-linked lists (a paragraph naming a style) or legacy fonts.
        needs_styles = legacy or (document_xml is not None and b"<w:pStyle" in document_xml)
        styles = etree.fromstring(styles_xml, _PARSER) if styles_xml is not None and needs_styles else None
        return Parts(body, _parse(package, related.get("numbering")), styles, legacy)
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, OSError) as exc:
        raise InputError(f"not a readable .docx file ({exc})") from exc
    except Exception as exc:  # lxml errors, broken parts
        raise InputError(f"not a readable .docx file ({type(exc).__name__})") from exc
