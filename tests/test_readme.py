"""What the README promises: its commands point at real files and its excerpts are real output."""

from __future__ import annotations

import re

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


def test_validate_excerpt_is_real_output() -> None:
    result = CliRunner().invoke(app, ["validate", str(ROOT / "samples/002_c70c40b1976cb095.txt")], env={"COLUMNS": "80"})
    for line in README.splitlines():
        if line.startswith(("│ error", "│ review", "1 file(s)")):
            assert line in result.stdout, line
