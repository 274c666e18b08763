"""The parts of a .docx the reader needs (document body, numbering, styles), read straight
from the zip. Opening the whole package with python-docx parses every part, themes and
settings included, which costs more than reading the text itself; python-docx's XML
parser (entities never resolved) is still the one used.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from lxml import etree

from kehoach.errors import InputError
from kehoach.parse.readers.docx_guard import check_package, refuse_declarations
from kehoach.parse.readers.docx_numbering import W

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@dataclass(slots=True)
class Parts:
    body: Any
    """The w:body element: paragraphs and tables in document order."""
    numbering: Any | None
    """The w:numbering element, if the document has lists."""
    styles: Any | None
    """The w:styles element."""


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _parse(package: zipfile.ZipFile, name: str | None) -> Any | None:
    if not name or name not in package.namelist():
        return None
    xml = package.read(name)
    refuse_declarations(name, xml)
    return etree.fromstring(xml, _PARSER)


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
    check_package(data)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        main = _targets(package, "_rels/.rels", "").get("officeDocument", "word/document.xml")
        folder = posixpath.dirname(main)
        related = _targets(package, posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"), folder)
        document = _parse(package, main)
        body = document.find(f"{W}body") if document is not None else None
        if body is None:
            raise InputError("not a readable .docx file (no document body)")
        return Parts(body, _parse(package, related.get("numbering")), _parse(package, related.get("styles")))
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, OSError) as exc:
        raise InputError(f"not a readable .docx file ({exc})") from exc
    except Exception as exc:  # lxml errors, broken parts
        raise InputError(f"not a readable .docx file ({type(exc).__name__})") from exc
