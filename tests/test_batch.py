"""`kehoach batch`: a whole folder, failures listed, re-runs skip, reports for spreadsheets."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

from typer.testing import CliRunner

from kehoach.batch import run_batch, write_reports
from kehoach.cli import app

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "scripts"))
from province import build_province  # noqa: E402

runner = CliRunner()


def _small_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "xa-a").mkdir(parents=True)
    (folder / "xa-b").mkdir()
    shutil.copyfile(SAMPLES / "000_e3b5f0d1f2c6f809.txt", folder / "xa-a" / "plan.txt")
    shutil.copyfile(SAMPLES / "003_ea6bd15cef034038.docx", folder / "xa-b" / "plan.docx")
    (folder / "xa-b" / "empty.txt").write_bytes(b"")
    (folder / "notes.md").write_text("not picked up", encoding="utf-8")
    return folder


def _with_a_plan_to_review(folder: Path) -> Path:
    # 002 ends without a 'Nơi nhận' list or a signature: parsed, but to be checked by hand.
    (folder / "xa-c").mkdir()
    shutil.copyfile(SAMPLES / "002_c70c40b1976cb095.txt", folder / "xa-c" / "plan.txt")
    return folder


def test_cli_batch_mirrors_folders_and_reports(tmp_path: Path) -> None:
    folder, out = _with_a_plan_to_review(_small_folder(tmp_path)), tmp_path / "out"
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert "4 files: 2 ok, 1 review, 1 failed" in result.stderr
    assert "failed: xa-b/empty.txt: the file is empty" in result.stderr
    assert "review: xa-c/plan.txt: the closing part ('Nơi nhận', the signature) was not found" in result.stderr
    assert (out / "xa-a" / "plan.txt.yaml").exists() and (out / "xa-b" / "plan.docx.yaml").exists()
    assert (out / "xa-c" / "plan.txt.yaml").exists() and not (out / "xa-b" / "empty.txt.yaml").exists()
    rows = list(csv.DictReader((out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["file"], r["status"]) for r in rows] == [
        ("xa-a/plan.txt", "ok"), ("xa-b/empty.txt", "failed"), ("xa-b/plan.docx", "ok"), ("xa-c/plan.txt", "review")]
    assert rows[3]["review"] == "the closing part ('Nơi nhận', the signature) was not found"
    assert rows[0]["issuer"] == "Ủy ban nhân dân xã Hùng Thắng" and rows[0]["tasks"] == "15"
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))[1]["error"] == "the file is empty"
    # indicators.csv: one row per target, numbers as numbers, targets without an indicator kept.
    indicators = list(csv.DictReader((out / "indicators.csv").read_text(encoding="utf-8-sig").splitlines()))
    payment = [(r["file"], r["cmp"], r["value"], r["unit"]) for r in indicators if r["indicator"] == "thanh_toan_truc_tuyen"]
    assert payment == [("xa-a/plan.txt", ">=", "30", "%"), ("xa-b/plan.docx", "=", "100", "%"),
                       ("xa-b/plan.docx", ">=", "60", "%"), ("xa-c/plan.txt", ">=", "50", "%")]
    assert any(not r["indicator"] for r in indicators)
    assert len(indicators) == sum(int(r["targets"]) for r in rows)


def test_rerun_skips_up_to_date_and_force_redoes(tmp_path: Path) -> None:
    folder, out = _small_folder(tmp_path), tmp_path / "out"
    first = run_batch(folder, out, jobs=1)
    second = run_batch(folder, out, jobs=1)
    assert [(r.status, r.up_to_date) for r in first] == [("ok", False), ("failed", False), ("ok", False)]
    assert [(r.status, r.up_to_date) for r in second] == [("ok", True), ("failed", False), ("ok", True)]
    assert second[0].tasks == 15
    (folder / "xa-a" / "plan.txt").write_bytes((SAMPLES / "001_73faa145e55eee6a.txt").read_bytes())
    assert [r.up_to_date for r in run_batch(folder, out, jobs=1)] == [False, False, True]
    assert [r.up_to_date for r in run_batch(folder, out, jobs=1, force=True)] == [False, False, False]


def test_glob_and_missing_folder(tmp_path: Path) -> None:
    folder = _small_folder(tmp_path)
    rows = run_batch(folder, tmp_path / "out", jobs=1, globs=("*.docx",))
    assert [r.file for r in rows] == ["xa-b/plan.docx"]
    result = runner.invoke(app, ["batch", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.stderr == f"kehoach: error: {tmp_path / 'nope'}: no such folder\n"


def test_province_of_200_plans_with_3_broken_files(tmp_path: Path) -> None:
    folder, out = tmp_path / "province", tmp_path / "out"
    good, broken = build_province(folder, 200)
    rows = run_batch(folder, out, jobs=2)
    write_reports(rows, out)
    failed = sorted(r.file for r in rows if r.status == "failed")
    assert failed == ["broken/empty.txt", "broken/not-a-docx.docx", "broken/truncated.pdf"]
    assert len(rows) == good + broken
    indicators = list(csv.DictReader((out / "indicators.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(indicators) == sum(r.targets for r in rows)
    assert len({r["file"] for r in indicators}) == sum(r.targets > 0 for r in rows)


def test_a_folder_without_any_plan_file_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.odt").write_bytes(b"not a plan")
    result = runner.invoke(app, ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                 "--db", str(tmp_path / "p.sqlite")])
    assert (result.exit_code, result.stderr) == (
        2, f"kehoach: error: {tmp_path / 'in'}: no file matching *.txt, *.docx, *.pdf, *.doc in this folder or under it\n")
    assert not (tmp_path / "out").exists() and not (tmp_path / "p.sqlite").exists()
