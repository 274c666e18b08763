"""Checks a .docx package before python-docx is given its bytes.

A DOCX is a zip of XML parts, so a hostile one can be a zip bomb (a few kilobytes
that expand to gigabytes) or carry XML entity declarations that expand ('billion
laughs') or reach outside the file. Word never writes a DTD into a package part,
so any declaration is refused (python-docx would not expand it either), and so is
a package that would unpack too large. These checks read the zip's directory and
the first bytes of each XML part only: python-docx then reads the package itself.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from kehoach.errors import InputError
from kehoach.i18n import _

# A real plan unpacks to a few megabytes; images can make it tens.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_PARTS = 5000
# Deflate cannot shrink real content much past this; a bomb is thousands to one.
MAX_RATIO = 200
_SMALL_PART = 1024 * 1024  # small parts compress well (repeated XML tags) and cannot hurt
# A prolog (XML declaration, comments, DTD) longer than this is refused rather than searched further.
_MAX_PROLOG = 64 * 1024
_XML_PART = (".xml", ".rels")

_ROOT_START = re.compile(rb"<\x00?[A-Za-z_]")  # the first element tag (UTF-8 or UTF-16)
_DECLARATION = re.compile(rb"<\x00?!\x00?(?:D\x00?O\x00?C\x00?T|E\x00?N\x00?T)", re.IGNORECASE)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def _check_sizes(package: zipfile.ZipFile) -> None:
    """Refuse a package that would unpack too large (sizes from the zip directory, which
    also bound what reading a part can return)."""
    parts = package.infolist()
    if len(parts) > MAX_PARTS:
        raise InputError(_("the .docx holds {n} parts (more than {limit}); refusing to unpack it").format(
            n=len(parts), limit=MAX_PARTS))
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            _("the .docx would unpack to {size} (limit {limit}); a zip bomb? refusing to open it").format(
                size=_mb(total), limit=_mb(MAX_UNPACKED_BYTES)))
    for part in parts:
        if part.file_size > _SMALL_PART and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise InputError(
                _("the .docx part {name} expands {n} times; a zip bomb? refusing to open it").format(
                    name=part.filename, n=part.file_size // max(part.compress_size, 1)))


def _prolog(package: zipfile.ZipFile, name: str) -> bytes:
    """The bytes before a part's root element (a DTD can stand only there), read in chunks."""
    head = b""
    with package.open(name) as stream:
        while len(head) < _MAX_PROLOG:
            chunk = stream.read(4096)
            if not chunk:
                break
            head += chunk
            root = _ROOT_START.search(head)
            if root:
                return head[: root.start()]
    return head


def refuse_declarations(name: str, prolog: bytes) -> None:
    """Raise InputError if a part's prolog declares entities or a document type."""
    if _DECLARATION.search(prolog):
        raise InputError(
            _("the .docx part {name} declares XML entities (a DTD), which Word never writes; refusing to read it")
            .format(name=name))


def check_package(data: bytes) -> None:
    """Raise InputError naming what is wrong with a .docx package, before it is parsed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            _check_sizes(package)
            for name in package.namelist():
                if name.lower().endswith(_XML_PART):
                    refuse_declarations(name, _prolog(package, name))
    except InputError:
        raise
    except RuntimeError as exc:  # zipfile's word for a member flagged as encrypted
        raise InputError(_("the .docx package is encrypted or damaged (a member needs a password)")) from exc
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise InputError(_("not a readable .docx file ({reason})").format(reason=exc)) from exc
