"""`kehoach validate`: one test per finding code, and the command's exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kehoach.checks import validate
from kehoach.cli import app
from kehoach.parse.pipeline import parse_bytes
from kehoach.schema import Due, Period, Plan, Section, Signer, Target, Task

from .conftest import SAMPLES

runner = CliRunner()


def _complete(**changes: object) -> Plan:
    """A plan with every required part, so only the change under test produces findings."""
    base = Plan(issuer="Ủy ban nhân dân xã A", issued_date="2025-07", title="Cải cách hành chính",
                signer=Signer(name="Nguyễn Văn A", position="CHỦ TỊCH"), recipients=["Sở Nội vụ"],
                period=Period(label="6 tháng cuối năm 2025", start="2025-07-01", end="2025-12-31"))  # type: ignore[arg-type]
    return base.model_copy(update=changes)


def _codes(plan: Plan) -> list[str]:
    return [f.code for f in validate(plan)]


def _task(**fields: object) -> Task:
    values: dict[str, object] = {"no": 1, "content": "Việc", "lead": ["Phòng Văn hóa - Xã hội"], "time": "Quý IV/2025",
                                 "due": Due(start="2025-10-01", end="2025-12-31")}  # type: ignore[arg-type]
    values.update(fields)
    return Task(**values)  # type: ignore[arg-type]


def test_complete_plan_has_no_findings() -> None:
    assert _codes(_complete()) == []


@pytest.mark.parametrize(("field", "code"), [("issuer", "missing-issuer"), ("issued_date", "missing-date"),
                                             ("title", "missing-title"), ("signer", "missing-signer"),
                                             ("recipients", "missing-recipients")])
def test_missing_required_parts(field: str, code: str) -> None:
    assert _codes(_complete(**{field: None})) == [code]


def test_task_count_mismatch() -> None:
    assert _codes(_complete(declared_task_count=3, tasks=[_task()])) == ["task-count-mismatch"]


def test_appendix_missing() -> None:
    section = Section(path="III", label="III", kind="roman", level=1, text="Chi tiết tại Phụ lục số 01 kèm theo.", raw="")
    assert _codes(_complete(sections=[section])) == ["appendix-missing"]


def test_target_over_100_and_inverted_range() -> None:
    over = Target(value=120, cmp="=", unit="%", text="120%", where="II/1")
    inverted = Target(value=90, upper=80, cmp="range", unit="%", text="90% - 80%", where="II/1")
    assert _codes(_complete(targets=[over, inverted])) == ["target-over-100", "target-range-inverted"]


def test_task_without_lead_or_time() -> None:
    assert _codes(_complete(tasks=[_task(lead=[], time=None, due=None)])) == ["task-no-lead", "task-no-time"]


def test_task_outside_period() -> None:
    late = _task(time="Quý I/2026", due=Due(start="2026-01-01", end="2026-03-31"))  # type: ignore[arg-type]
    assert _codes(_complete(tasks=[late])) == ["task-outside-period"]


def test_targets_section_without_target() -> None:
    section = Section(path="II/2/a", label="a", kind="letter", level=3, title="Chỉ tiêu", raw="a) Chỉ tiêu")
    assert _codes(_complete(sections=[section])) == ["targets-section-empty"]


def test_numbering_findings_come_from_the_parser() -> None:
    plan = parse_bytes("I. NHIỆM VỤ\n1. Một\n1. Một nữa\n3. Ba\na) x\nc) y\n".encode())
    codes = [f.code for f in validate(plan)]
    assert {"numbering-duplicate", "numbering-gap"} <= set(codes)


def test_cli_exit_0_without_errors() -> None:
    result = runner.invoke(app, ["validate", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt")])
    assert result.exit_code == 0, result.stdout
    assert "no findings" in result.stdout


def test_cli_exit_1_with_errors_and_json() -> None:
    sample = str(SAMPLES / "002_c70c40b1976cb095.txt")
    result = runner.invoke(app, ["validate", sample, "--format", "json"])
    assert result.exit_code == 1
    found = {f["code"]: f for f in json.loads(result.stdout)[sample]}
    assert {"appendix-missing", "numbering-duplicate", "unread-closing"} <= found.keys()
    # The file ends without a closing part: the parser cannot tell a missing signer from one it
    # could not read, so it asks for a review instead of blaming the document.
    assert found["unread-closing"]["severity"] == "review" and found["unread-closing"]["about"] == "reading"
    assert not {"missing-signer", "missing-recipients"} & found.keys()


def test_cli_exit_2_for_unreadable(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 2
    assert result.stderr == f"kehoach: error: {tmp_path / 'nope.pdf'}: no such file\n"


def test_hand_edited_plan_with_wrong_type_names_the_field(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    assert runner.invoke(app, ["parse", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"), "-o", str(out)]).exit_code == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    data["sections"][0]["level"] = "một"
    out.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"kehoach: error: {out}: sections.0.level: Input should be a valid integer, unable to parse string as an integer\n"
    )


def test_plan_file_roundtrip_validates(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    runner.invoke(app, ["parse", str(SAMPLES / "000_e3b5f0d1f2c6f809.pdf"), "-f", "json", "-o", str(out)])
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0


def test_cli_never_says_no_findings_for_a_plan_to_review(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("KẾ HOẠCH\nTuyên truyền năm 2026\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(plan)], env={"COLUMNS": "200"})
    assert result.exit_code == 1, result.stdout
    assert "no findings" not in result.stdout
    assert "unread-closing" in result.stdout and "1 to review" in result.stdout
    # Nothing stands above "KẾ HOẠCH": the document lacks its header, which is an error of its own.
    assert "missing-issuer" in result.stdout and "unread-issuer" not in result.stdout
