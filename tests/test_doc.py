"""Legacy Word .doc through a real LibreOffice (CI installs it; skipped where it is missing).

The .doc files are made here from a sample .docx by LibreOffice itself, so the test needs
nothing from outside the repository.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kehoach.batch import run_batch
from kehoach.parse.pipeline import parse_file
from kehoach.parse.readers.word.office import find_soffice

from .conftest import SAMPLES

needs_soffice = pytest.mark.skipif(find_soffice() is None and not os.environ.get("KEHOACH_REQUIRE_TOOLS"),
                                   reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def legacy_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("doc")
    soffice = find_soffice()
    assert soffice is not None
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--convert-to", "doc", "--outdir", str(folder), str(SAMPLES / "001_73faa145e55eee6a.docx")],
                   capture_output=True, check=True, timeout=180)
    doc = folder / "001_73faa145e55eee6a.doc"
    assert doc.read_bytes().startswith(b"\xd0\xcf\x11\xe0")  # an OLE file: Word 97
    return doc


@needs_soffice
def test_a_doc_reads_as_its_docx(legacy_doc: Path) -> None:
    plan, original = parse_file(legacy_doc), parse_file(SAMPLES / "001_73faa145e55eee6a.docx")
    assert plan.source is not None and plan.source.format == "docx"
    assert plan.findings[0].code == "converted-from-doc"
    assert (plan.issuer, plan.title, len(plan.tasks)) == (original.issuer, original.title, len(original.tasks))
    assert [s.path for s in plan.sections] == [s.path for s in original.sections]


@needs_soffice
def test_two_conversions_at_once_do_not_collide(legacy_doc: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.doc", "b.doc", "c.doc"):
        (inbox / name).write_bytes(legacy_doc.read_bytes())
    rows = run_batch(inbox, tmp_path / "out", jobs=2)
    assert [(r.file, r.status, r.error) for r in rows] == [(n, "ok", None) for n in ("a.doc", "b.doc", "c.doc")]
