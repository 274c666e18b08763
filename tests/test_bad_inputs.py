"""Hostile files: one clear line on stderr, exit code 2, no output file; a batch lists each as failed."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kehoach.batch import run_batch
from kehoach.cli import app

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "scripts"))
import bad_inputs  # noqa: E402

BAD = Path(__file__).resolve().parent / "bad_inputs"
EXPECTED: dict[str, str] = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
runner = CliRunner()


@pytest.fixture
def bare_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages in expected.yaml are those of a machine without LibreOffice and Tesseract
    (with them, the legacy .doc is converted or said to be damaged, the scan is OCR'd): hide
    them whatever this machine has. test_ocr.py runs the scan through Tesseract."""
    monkeypatch.setattr("kehoach.parse.readers.word.office.find_soffice", lambda: None)
    monkeypatch.setattr("kehoach.parse.readers.pdf.ocr.tesseract_problem", lambda lang: "Tesseract is not installed")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed files plus the large ones, built by the script."""
    folder = tmp_path_factory.mktemp("hostile")
    for path in BAD.iterdir():
        if path.name in EXPECTED:
            shutil.copyfile(path, folder / path.name)
    for name, make in bad_inputs.LARGE.items():
        (folder / name).write_bytes(make())
    return folder


def _message(path: Path) -> str:
    return EXPECTED[path.name].format(path=path, name=path.name)


def test_the_set_is_complete_and_rebuildable() -> None:
    assert len(EXPECTED) >= 12
    assert set(EXPECTED) == set(bad_inputs.SMALL) | set(bad_inputs.LARGE)
    for name, make in bad_inputs.SMALL.items():
        assert (BAD / name).read_bytes() == make(), f"{name} differs from what scripts/bad_inputs.py builds"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_parse_refuses_with_one_line(hostile: Path, tmp_path: Path, name: str, bare_machine: None) -> None:
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["parse", str(hostile / name), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"kehoach: error: {_message(hostile / name)}\n"
    assert result.stdout == ""
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind either


@pytest.mark.parametrize("name", ["entities.docx", "scanned.pdf", "legacy.doc"])
def test_validate_refuses_the_same_way(hostile: Path, name: str, bare_machine: None) -> None:
    result = runner.invoke(app, ["validate", str(hostile / name)])
    assert result.exit_code == 2
    assert result.stderr == f"kehoach: error: {_message(hostile / name)}\n"


def test_batch_lists_every_hostile_file_as_failed(hostile: Path, tmp_path: Path, bare_machine: None) -> None:
    folder, out = tmp_path / "inbox", tmp_path / "out"
    shutil.copytree(hostile, folder)
    shutil.copyfile(SAMPLES / "001_73faa145e55eee6a.txt", folder / "good.txt")
    rows = run_batch(folder, out, jobs=1)
    assert {row.file: row.status for row in rows} == {**{name: "failed" for name in EXPECTED}, "good.txt": "ok"}
    for row in rows:
        if row.status == "failed":
            assert row.error == _message(folder / row.file)
    assert sorted(p.name for p in out.iterdir()) == ["good.txt.yaml"]


def _fake_soffice(bin_dir: Path, docx: Path) -> None:
    """A stand-in for LibreOffice: writes `docx` where 'soffice --convert-to docx' would."""
    script = bin_dir / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'while [ "$#" -gt 1 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done\n'
        f'cp "{docx}" "$out/$(basename "$1" .doc).docx"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


@pytest.mark.skipif(os.name != "posix", reason="the stand-in converter is a shell script")
def test_doc_is_converted_when_soffice_is_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path, SAMPLES / "000_e3b5f0d1f2c6f809.docx")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    result = runner.invoke(app, ["parse", str(BAD / "legacy.doc"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    plan = yaml.safe_load(result.stdout)
    assert plan["source"]["format"] == "docx"
    assert plan["findings"][0]["code"] == "converted-from-doc"
    assert len(plan["tasks"]) > 0


def test_doc_conversion_failure_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "soffice").write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    (tmp_path / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    result = runner.invoke(app, ["parse", str(BAD / "legacy.doc")])
    assert result.exit_code == 2
    assert result.stderr == "kehoach: error: LibreOffice could not convert the .doc file (damaged?)\n"


def test_misnamed_document_is_read_by_content_and_said(tmp_path: Path) -> None:
    disguised = tmp_path / "plan.pdf"
    disguised.write_bytes((SAMPLES / "000_e3b5f0d1f2c6f809.docx").read_bytes())
    result = runner.invoke(app, ["parse", str(disguised), "--format", "json"])
    assert result.exit_code == 0
    plan = yaml.safe_load(result.stdout)
    assert plan["source"]["format"] == "docx"
    finding = plan["findings"][0]
    assert finding == {"code": "format-mismatch", "severity": "info",
                       "message": "named .pdf but the content is DOCX; read as DOCX",
                       "path": None, "page": None, "line": None, "about": "document"}


def test_utf16_without_byte_order_mark_is_text() -> None:
    text = (SAMPLES / "001_73faa145e55eee6a.txt").read_text(encoding="utf-8")
    from kehoach.parse.pipeline import parse_bytes

    plain = parse_bytes(text.encode("utf-8")).model_dump(exclude={"source"})
    assert parse_bytes(text.encode("utf-16-le")).model_dump(exclude={"source"}) == plain
    assert parse_bytes(text.encode("utf-16-be")).model_dump(exclude={"source"}) == plain
