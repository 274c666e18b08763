"""Old-style Office files (OLE compound documents): legacy Word .doc, and password-protected
.docx, which Word also stores in that container.

A .doc is converted to .docx with LibreOffice when `soffice` is on PATH; the
converted file then goes through the DOCX reader like any other. Each conversion runs
headless in its own temporary folder with its own LibreOffice profile, so conversions
running at once (batch --jobs) do not wait on or break each other, and within a time
limit after which LibreOffice and the helpers it started are stopped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from kehoach.errors import InputError
from kehoach.i18n import _

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


def _run(command: list[str]) -> None:
    """Run LibreOffice in a process group of its own, so that on time-out the helper processes
    it starts are stopped with it."""
    try:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
    except OSError as exc:
        raise InputError(_("LibreOffice could not be started ({reason})").format(reason=exc.strerror)) from exc
    try:
        process.wait(timeout=CONVERT_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as exc:
        with contextlib.suppress(ProcessLookupError):
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:  # Windows: no process groups to stop
                process.kill()
        process.wait()
        raise InputError(_("LibreOffice took over {n} s to convert the .doc file").format(n=CONVERT_TIMEOUT_SECONDS)) from exc


def doc_to_docx(data: bytes) -> bytes:
    """Convert a legacy .doc with LibreOffice, or say clearly why it cannot be read."""
    if is_encrypted_package(data):
        raise InputError(_("the Word document is password-protected; remove the password in Word and try again"))
    soffice = find_soffice()
    if soffice is None:
        raise InputError(
            _("this is a legacy Word .doc file; install LibreOffice's Writer to convert it (Debian/Ubuntu: "
              "apt-get install libreoffice-writer-nogui), or save it as .docx in Word"))
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "input.doc"
        source.write_bytes(data)
        command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--convert-to", "docx", "--outdir", str(folder), str(source)]
        _run(command)
        converted = folder / "input.docx"
        if not converted.is_file():
            raise InputError(_("LibreOffice could not convert the .doc file (damaged?)"))
        return converted.read_bytes()
