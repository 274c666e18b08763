"""`kehoach diff`: two communes' plans, and two versions of one plan."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.diff import diff_plans
from kehoach.parse.pipeline import parse_file

from .conftest import SAMPLES

runner = CliRunner()
HUNG_THANG = SAMPLES / "000_e3b5f0d1f2c6f809.pdf"
TRAN_LIEU = SAMPLES / "003_ea6bd15cef034038.docx"


def test_online_payment_targets_on_one_row() -> None:
    result = diff_plans(parse_file(HUNG_THANG), parse_file(TRAN_LIEU))
    row = next(r for r in result.targets if r.indicator == "thanh_toan_truc_tuyen")
    assert any(x.startswith("≥30%") for x in row.a)
    assert any(x.startswith("≥60%") for x in row.b)


def test_cli_table_shows_both_values() -> None:
    result = runner.invoke(app, ["diff", str(HUNG_THANG), str(TRAN_LIEU)], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    payment = [line for line in result.stdout.splitlines() if "Thanh toán trực tuyến" in line]
    assert payment and "≥30%" in payment[0] and "100%" in payment[0]


def test_same_plan_twice_has_no_differences() -> None:
    plan = parse_file(SAMPLES / "000_e3b5f0d1f2c6f809.txt")
    result = diff_plans(plan, plan)
    assert all(m.same for m in result.meta)
    assert {t.status for t in result.tasks} == {"same"}
    assert all(r.stricter == "same" for r in result.targets)


def test_two_versions_changed_added_removed() -> None:
    old = parse_file(SAMPLES / "000_e3b5f0d1f2c6f809.txt")
    new = old.model_copy(deep=True)
    new.tasks[0].lead = ["Văn phòng HĐND và UBND xã"]
    new.tasks[1].time = "Quý III/2025"
    removed = new.tasks.pop(3)
    new.tasks.append(new.tasks[-1].model_copy(update={"content": "Tổ chức hội nghị tập huấn về chuyển đổi số cho toàn bộ cán bộ"}))
    result = diff_plans(old, new)
    by_status: dict[str, list[str | None]] = {}
    for change in result.tasks:
        by_status.setdefault(change.status, []).append(change.a or change.b)
    assert by_status["removed"] == [removed.content]
    assert by_status["added"] == ["Tổ chức hội nghị tập huấn về chuyển đổi số cho toàn bộ cán bộ"]
    changed = [c for c in result.tasks if c.status == "changed"]
    assert [sorted(c.changes) for c in changed] == [["lead"], ["time"]]


def test_json_yaml_markdown_formats() -> None:
    args = ["diff", str(SAMPLES / "001_73faa145e55eee6a.txt"), str(SAMPLES / "003_ea6bd15cef034038.txt")]
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert {"meta", "areas", "targets", "tasks"} <= data.keys()
    assert runner.invoke(app, [*args, "--format", "yaml"]).stdout.startswith("a: Ủy ban nhân dân xã Thái Tân")
    markdown = runner.invoke(app, [*args, "--format", "markdown"]).stdout
    assert "## Targets by indicator" in markdown and "| indicator | A | B | stricter |" in markdown


def test_unreadable_input_exits_2(tmp_path: object) -> None:
    result = runner.invoke(app, ["diff", str(HUNG_THANG), "nope.docx"])
    assert result.exit_code == 2
    assert result.stderr == "kehoach: error: nope.docx: no such file\n"
