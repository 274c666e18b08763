"""Scans, stamp-only pages and garbled text layers, end to end through Tesseract.

The tests build their own image-only PDFs from a sample plan (tests/pdf_builder.py), so
OCR runs for real wherever Tesseract and its Vietnamese data are installed (CI installs
them); elsewhere the tests that need it are skipped, and those about a missing
Tesseract run against a stand-in.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.batch import run_batch
from kehoach.cli import app
from kehoach.parse.pipeline import parse_bytes
from kehoach.parse.readers.options import ReadOptions
from kehoach.parse.readers.pdf.ocr import INSTALL_HINT, tesseract_problem

from .pdf_builder import GARBLED_WORDS, STAMP_WORDS, scan, turned_scan, with_hidden_text

runner = CliRunner()
# CI sets KEHOACH_REQUIRE_TOOLS: there a missing Tesseract fails the tests instead of skipping them.
needs_tesseract = pytest.mark.skipif(tesseract_problem("vie") is not None and not os.environ.get("KEHOACH_REQUIRE_TOOLS"),
                                     reason="Tesseract with Vietnamese data is not installed")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scans") / "scan.pdf"
    path.write_bytes(scan(pages=2))
    return path


@pytest.fixture(scope="module")
def stamped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scans") / "stamped.pdf"
    path.write_bytes(with_hidden_text(scan(pages=1), STAMP_WORDS))
    return path


@pytest.fixture(scope="module")
def garbled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scans") / "garbled.pdf"
    path.write_bytes(with_hidden_text(scan(pages=1), GARBLED_WORDS))
    return path


@needs_tesseract
def test_a_scan_is_read_by_ocr_as_the_text_pdf_is(scanned: Path) -> None:
    result = runner.invoke(app, ["parse", str(scanned), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["doc_type"] == "KẾ HOẠCH"
    assert plan["issuer"] == "Ủy ban nhân dân xã Hùng Thắng"
    assert plan["issued_place"] == "Hùng Thắng"
    assert [s["path"] for s in plan["sections"]][:2] == ["I", "II"]
    assert plan["sections"][0]["title"] == "MỤC ĐÍCH, YÊU CẦU"
    pages = plan["quality"]["ocr_pages"]
    assert [(p["page"], p["source"], p["reason"]) for p in pages] == [(1, "ocr", "no text layer"), (2, "ocr", "no text layer")]
    assert all(p["confidence"] > 80 for p in pages)
    assert any(f["code"] == "ocr-pages" and f["message"].startswith("page(s) 1-2 read by OCR (no text layer)")
               for f in plan["findings"])


@needs_tesseract
def test_a_page_with_only_a_signature_stamp_as_text_is_read_by_ocr(stamped: Path) -> None:
    result = runner.invoke(app, ["parse", str(stamped), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["quality"]["ocr_pages"][0]["reason"] == "only 11 words of text on a scanned page"
    assert plan["doc_type"] == "KẾ HOẠCH"


@needs_tesseract
def test_a_garbled_text_layer_is_replaced_by_ocr(garbled: Path) -> None:
    result = runner.invoke(app, ["parse", str(garbled), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["quality"]["ocr_pages"][0]["reason"].startswith("garbled text layer (0% of its words")
    assert plan["issuer"] == "Ủy ban nhân dân xã Hùng Thắng"
    assert "Wkxf" not in result.stdout


@pytest.mark.parametrize(("fixture", "why"), [
    ("scanned", "pages 1-2: no text layer"),
    ("stamped", "page 1: only 11 words of text on a scanned page"),
    ("garbled", "page 1: garbled text layer (0% of its words are Vietnamese syllables)"),
])
def test_with_ocr_off_a_pdf_that_needs_it_is_refused(fixture: str, why: str, request: pytest.FixtureRequest,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["parse", str(request.getfixturevalue(fixture)), "--ocr", "never", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"kehoach: error: this PDF needs OCR ({why}) but OCR is off (--ocr never)\n"
    assert not out.exists()


def test_without_tesseract_a_scan_says_what_to_install(scanned: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kehoach.parse.readers.pdf.ocr.tesseract_problem", lambda lang: "Tesseract is not installed")
    result = runner.invoke(app, ["validate", str(scanned)])
    assert result.exit_code == 2
    assert result.stderr == (f"kehoach: error: this PDF needs OCR (pages 1-2: no text layer) but Tesseract is "
                             f"not installed: {INSTALL_HINT}\n")


def test_ocr_always_without_tesseract_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kehoach.parse.readers.pdf.ocr.tesseract_problem", lambda lang: "Tesseract is not installed")
    result = runner.invoke(app, ["parse", str(Path(__file__).parent.parent / "samples" / "000_e3b5f0d1f2c6f809.pdf"),
                                 "--ocr", "always"])
    assert result.exit_code == 2
    assert result.stderr == f"kehoach: error: OCR was asked for but Tesseract is not installed: {INSTALL_HINT}\n"


@needs_tesseract
def test_missing_language_data_is_named(scanned: Path) -> None:
    result = runner.invoke(app, ["parse", str(scanned), "--ocr-lang", "xyz"])
    assert result.exit_code == 2
    assert result.stderr.startswith("kehoach: error: this PDF needs OCR (pages 1-2: no text layer) but "
                                    "Tesseract has no 'xyz' language data: install Tesseract")


@needs_tesseract
def test_progress_is_reported_page_by_page() -> None:
    seen: list[tuple[int, int]] = []
    parse_bytes(scan(pages=1), options=ReadOptions(progress=lambda done, total: seen.append((done, total))))
    assert seen == [(0, 1), (1, 1)]


@needs_tesseract
def test_a_batch_reads_scans_in_parallel_workers(stamped: Path, garbled: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in (stamped, garbled):
        (inbox / path.name).write_bytes(path.read_bytes())
    rows = run_batch(inbox, tmp_path / "out", jobs=2)
    assert [(r.file, r.status != "failed") for r in rows] == [("garbled.pdf", True), ("stamped.pdf", True)]
    assert all(r.issuer == "Ủy ban nhân dân xã Hùng Thắng" for r in rows)


@needs_tesseract
def test_a_page_scanned_on_its_side_is_turned_before_reading() -> None:
    plan = parse_bytes(turned_scan(90))
    assert plan.quality is not None
    assert plan.quality.ocr_pages[0].turned in (90, 270)
    assert plan.doc_type == "KẾ HOẠCH" and plan.issuer == "Ủy ban nhân dân xã Hùng Thắng"
