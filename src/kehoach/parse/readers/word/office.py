"""Old-style Office files (OLE compound documents): legacy Word .doc, and password-protected
.docx, which Word also stores in that container.

A .doc is converted to .docx with LibreOffice when `soffice` is on PATH; the
converted file then goes through the DOCX reader like any other.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kehoach.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names (UTF-16 in the container's directory) of an encrypted OOXML package.
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
CONVERT_TIMEOUT_SECONDS = 120


def is_encrypted_package(data: bytes) -> bool:
    """A password-protected .docx/.xlsx: an OLE container holding the encrypted package."""
    return data.startswith(OLE_MAGIC) and any(name in data for name in _ENCRYPTED_STREAMS)


def find_soffice() -> str | None:
    """LibreOffice's command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def doc_to_docx(data: bytes) -> bytes:
    """Convert a legacy .doc with LibreOffice, or say clearly why it cannot be read."""
    if is_encrypted_package(data):
        raise InputError("the Word document is password-protected; remove the password in Word and try again")
    soffice = find_soffice()
    if soffice is None:
        raise InputError(
            "this is a legacy Word .doc file; install LibreOffice (the 'soffice' command) to convert it, "
            "or save it as .docx in Word"
        )
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "input.doc"
        source.write_bytes(data)
        command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--convert-to", "docx", "--outdir", str(folder), str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired as exc:
            raise InputError(f"LibreOffice took over {CONVERT_TIMEOUT_SECONDS} s to convert the .doc file") from exc
        except OSError as exc:
            raise InputError(f"LibreOffice could not be started ({exc.strerror})") from exc
        converted = folder / "input.docx"
        if not converted.is_file():
            raise InputError("LibreOffice could not convert the .doc file (damaged?)")
        return converted.read_bytes()
