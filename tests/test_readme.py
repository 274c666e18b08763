"""What the README promises: its commands point at real files and its excerpts are real output."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README, flags=re.S)


def test_quickstart_sample_exists_and_parses() -> None:
    sample = re.search(r"kehoach parse (samples/\S+)", README)
    assert sample is not None
    result = CliRunner().invoke(app, ["parse", str(ROOT / sample.group(1))])
    assert result.exit_code == 0


def test_excerpts_are_real_output() -> None:
    result = CliRunner().invoke(app, ["parse", str(ROOT / "samples/000_e3b5f0d1f2c6f809.txt")])
    blocks = _yaml_blocks()
    assert len(blocks) >= 2
    for block in blocks:
        assert block in result.stdout, f"README excerpt no longer matches the output:\n{block}"


def test_ci_runs_the_readme_test_command() -> None:
    assert "bash .ci/run" in README
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "pytest" in ci


def test_the_setup_the_readme_promises_installs_the_system_programs() -> None:
    assert "bash scripts/setup.sh && .venv/bin/kehoach parse samples/" in README
    setup = (ROOT / "scripts/setup.sh").read_text(encoding="utf-8")
    for package in ("tesseract-ocr", "tesseract-ocr-vie", "libreoffice-writer-nogui"):
        assert package in setup and package in README
    assert "apt-get install" in setup
    assert "bash scripts/setup.sh --dev" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_diff_excerpt_is_real_output() -> None:
    result = CliRunner().invoke(app, ["diff", str(ROOT / "samples/000_e3b5f0d1f2c6f809.pdf"),
                                      str(ROOT / "samples/003_ea6bd15cef034038.docx"), "--format", "markdown"])
    for line in README.splitlines():
        if line.startswith(("| Thanh toán trực tuyến", "| Mức độ hài lòng")):
            assert line in result.stdout


@pytest.mark.parametrize(("lang", "starts"), [
    ("vi", ("┃ mức độ", "│ cảnh báo", "│ cần xem lại", "│ lỗi", "1 tệp:")),
    ("en", ("┃ severity", "│ warning", "│ review", "│ error", "1 file:")),
])
def test_validate_excerpts_are_real_output(lang: str, starts: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, ["validate", str(ROOT / "samples/002_c70c40b1976cb095.txt"), "--lang", lang],
                                env={"COLUMNS": "80"})
    excerpts = README[README.index("`kehoach validate samples/002_c70c40b1976cb095.txt`"):].split("```")
    block = excerpts[1] if lang == "vi" else excerpts[3]
    lines = [line for line in block.splitlines() if line.startswith(starts)]
    assert len(lines) == len(starts)
    for line in lines:
        assert line in result.stdout, line


def test_error_excerpts_are_real_output() -> None:
    runner = CliRunner()
    excerpt = README[README.index("$ kehoach parse missing.txt"):]
    for command, expected in zip(re.findall(r"^\$ kehoach (.*)$", excerpt, re.M)[:3],
                                 re.findall(r"^(kehoach: .*)$", excerpt, re.M)[:3], strict=True):
        result = runner.invoke(app, command.split(), env={"KEHOACH_LANG": "vi"})
        assert result.stderr.strip() == expected, command


def test_batch_csv_and_tasks_excerpts_are_real_output(tmp_path: Path) -> None:
    """The README's demo folder, rebuilt: its CSV lines come out of batch and tasks as shown."""
    demo, out = tmp_path / "demo", tmp_path / "demo-out"
    for folder, sample in (("xa-hung-thang", "000_e3b5f0d1f2c6f809.pdf"), ("phuong-tran-lieu", "003_ea6bd15cef034038.docx"),
                           ("xa-ngoc-lien", "002_c70c40b1976cb095.txt")):
        (demo / folder).mkdir(parents=True)
        shutil.copyfile(ROOT / "samples" / sample, demo / folder / sample)
    (demo / "phuong-tran-lieu" / "empty.txt").write_bytes(b"")
    runner = CliRunner()
    assert runner.invoke(app, ["batch", str(demo), "--out", str(out), "--db", str(tmp_path / "p.sqlite")]).exit_code == 1
    tasks = runner.invoke(app, ["tasks", str(out), "--due", "2025-Q4", "--format", "csv"]).stdout
    indicators = (out / "indicators.csv").read_text(encoding="utf-8-sig")
    lines = [line for line in README.splitlines()
             if line.startswith(("xa-hung-thang/", "phuong-tran-lieu/003")) and (",Xã Hùng Thắng," in line or ",cong_khai" in line)]
    assert len(lines) >= 3
    for line in lines:
        assert line in (tasks if ",Xã Hùng Thắng," in line else indicators), line


def test_the_report_picture_is_in_the_repository_with_the_command_that_made_it() -> None:
    assert "![The province report over the samples and the real corpus](docs/report.png)" in README
    picture = ROOT / "docs" / "report.png"
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 50_000
    assert "scripts/report_screenshot.py docs/report.png" in README
    assert (ROOT / "scripts" / "report_screenshot.py").is_file()


def test_the_against_excerpt_is_real_output() -> None:
    result = CliRunner().invoke(app, ["validate", str(ROOT / "samples/000_e3b5f0d1f2c6f809.txt"), "--against",
                                      str(ROOT / "tests/fixtures/against/kh-thanhpho-cchc-2025.txt")],
                                env={"COLUMNS": "100", "KEHOACH_LANG": "vi"})
    excerpt = README[README.index("--against tests/fixtures/against/kh-thanhpho-cchc-2025.txt"):]
    lines = [line for line in excerpt.split("```")[1].splitlines() if line.startswith(("│", "1 tệp"))]
    assert len(lines) == 8
    for line in lines:
        assert line in result.stdout, line
