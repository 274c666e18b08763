"""`kehoach diff`: two communes' plans, and two versions of one plan."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.compare.diff import diff_plans
from kehoach.parse.pipeline import parse_file
from kehoach.schema import Plan
from kehoach.writers import to_data

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
    assert "## Targets by indicator" in markdown and "| indicator | A: Xã Thái Tân | B: Phường Trần Liễu | stricter |" in markdown


def test_unreadable_input_exits_2(tmp_path: object) -> None:
    result = runner.invoke(app, ["diff", str(HUNG_THANG), "nope.docx"])
    assert result.exit_code == 2
    assert result.stderr == "kehoach: error: nope.docx: no such file\n"


def test_two_versions_of_one_issuer_s_plan_are_told_apart_by_file_name_or_date() -> None:
    args = ["diff", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"), str(SAMPLES / "000_e3b5f0d1f2c6f809.docx"), "-f", "json"]
    data = json.loads(runner.invoke(app, args).stdout)
    assert (data["a_tag"], data["b_tag"]) == ("000_e3b5f0d1f2c6f809.txt", "000_e3b5f0d1f2c6f809.docx")
    a = to_data(parse_file(SAMPLES / "000_e3b5f0d1f2c6f809.txt"))
    b = dict(a, issued_date="2026-01-05")
    a["issued_date"] = "2025-07-10"
    diff = diff_plans(Plan.model_validate(a), Plan.model_validate(b))
    assert (diff.a_tag, diff.b_tag) == ("2025-07-10", "2026-01-05")


def test_changes_only_leaves_out_what_both_share() -> None:
    same = ["diff", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"), str(SAMPLES / "000_e3b5f0d1f2c6f809.docx"), "--changes-only"]
    result = runner.invoke(app, same)
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == "no differences"
    other = ["diff", str(SAMPLES / "001_73faa145e55eee6a.txt"), str(SAMPLES / "003_ea6bd15cef034038.txt"), "--changes-only",
             "-f", "json"]
    data = json.loads(runner.invoke(app, other).stdout)
    assert data["meta"] and all(not m["same"] for m in data["meta"])
    assert all(r["a"] != r["b"] for r in data["targets"]) and all(t["status"] != "same" for t in data["tasks"])
