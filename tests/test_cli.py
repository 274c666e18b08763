"""The command line: exact messages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kehoach.cli import app

from .conftest import SAMPLES

runner = CliRunner()
SAMPLE = SAMPLES / "000_e3b5f0d1f2c6f809.txt"


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["parse", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"kehoach: error: {missing}: no such file\n"
    assert result.stdout == ""


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["parse", str(empty)])
    assert result.exit_code == 2
    assert result.stderr == "kehoach: error: the file is empty\n"


def test_folder_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"kehoach: error: {tmp_path}: is a folder, not a file\n"


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (2 * 1024 * 1024))
    result = runner.invoke(app, ["parse", str(big), "--max-mb", "1"])
    assert result.exit_code == 2
    assert result.stderr == f"kehoach: error: {big}: file is 2 MB, over the 1 MB limit\n"


def test_parse_json_has_the_contract_fields() -> None:
    result = runner.invoke(app, ["parse", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    for key in ("doc_type", "issuer", "level", "locality", "province", "symbol", "number", "issued_place",
                "issued_date", "title", "period", "signer", "legal_refs", "recipients", "declared_task_count",
                "sections", "targets", "tasks", "schema_version", "source"):
        assert key in data
    assert data["issuer"] == "Ủy ban nhân dân xã Hùng Thắng"
    assert data["source"]["format"] == "txt"
    assert len(data["source"]["sha256"]) == 64


def test_parse_yaml_is_readable_vietnamese() -> None:
    result = runner.invoke(app, ["parse", str(SAMPLE)])
    assert result.exit_code == 0
    assert "issuer: Ủy ban nhân dân xã Hùng Thắng" in result.stdout
    assert "\\u" not in result.stdout
    assert result.stdout.startswith("schema_version:")


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["parse", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("schema_version:")
    assert not list(tmp_path.glob(".*.tmp"))


def test_failed_parse_leaves_no_output(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["parse", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()


def test_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Plan"
    assert schema["additionalProperties"] is False
    assert "Section" in schema["$defs"]


def test_help_teaches() -> None:
    result = runner.invoke(app, ["parse", "--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout
    assert "LibreOffice" in result.stdout and "TCVN3" in result.stdout


# No cross-reference table either (tests/bad_inputs/scanned.pdf is the well-formed case).
MINIMAL_PDF_WITHOUT_TEXT = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def test_pdf_without_text_layer_and_ocr_off_says_ocr_is_needed(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(MINIMAL_PDF_WITHOUT_TEXT)
    result = runner.invoke(app, ["parse", str(scan), "--ocr", "never"])
    assert result.exit_code == 2
    assert result.stderr == "kehoach: error: this PDF needs OCR (page 1: no text layer) but OCR is off (--ocr never)\n"


def test_schema_describes_every_field_from_its_docstring() -> None:
    """The descriptions come from the docstrings under the fields (read when the schema is asked
    for, not at every start-up)."""
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    models = [("Plan", schema), *schema["$defs"].items()]
    assert len(models) > 10
    for name, definition in models:
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field}"
    assert schema["properties"]["issuer"]["description"].startswith("Issuing body")
