"""Checks a .docx package before and while its XML parts are parsed.

A DOCX is a zip of XML parts, so a hostile one can be a zip bomb (a few kilobytes
that expand to gigabytes) or carry XML entity declarations that expand ('billion
laughs') or reach outside the file. Word never writes a DTD into a package part,
so any declaration is refused (the parser would not expand it either), and so is
a package that would unpack too large.
"""

from __future__ import annotations

import re
import zipfile

from kehoach.errors import InputError

# A real plan unpacks to a few megabytes; images can make it tens.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_PARTS = 5000
# Deflate cannot shrink real content much past this; a bomb is thousands to one.
MAX_RATIO = 200
_SMALL_PART = 1024 * 1024  # small parts compress well (repeated XML tags) and cannot hurt


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def check_package(package: zipfile.ZipFile) -> None:
    """Raise InputError if the package would unpack too large (sizes from the zip directory,
    which also bound what reading a part can return)."""
    parts = package.infolist()
    if len(parts) > MAX_PARTS:
        raise InputError(f"the .docx holds {len(parts)} parts (more than {MAX_PARTS}); refusing to unpack it")
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            f"the .docx would unpack to {_mb(total)} (limit {_mb(MAX_UNPACKED_BYTES)}); a zip bomb? refusing to open it"
        )
    for part in parts:
        if part.file_size > _SMALL_PART and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise InputError(
                f"the .docx part {part.filename} expands {part.file_size // max(part.compress_size, 1)} times; "
                "a zip bomb? refusing to open it"
            )


_ROOT_START = re.compile(rb"<\x00?[A-Za-z_]")  # the first element tag (UTF-8 or UTF-16)
_DECLARATION = re.compile(rb"<\x00?!\x00?(?:D\x00?O\x00?C\x00?T|E\x00?N\x00?T)", re.IGNORECASE)


def refuse_declarations(name: str, xml: bytes) -> None:
    """Raise InputError if a part declares entities. A DTD can only stand in the prolog, before
    the root element, so only that is searched."""
    root = _ROOT_START.search(xml)
    prolog = xml[: root.start()] if root else xml
    if _DECLARATION.search(prolog):
        raise InputError(
            f"the .docx part {name} declares XML entities (a DTD), which Word never writes; refusing to read it"
        )
