"""`--against`: a commune's plan checked against the plan it implements.

1. The four corpus plans (Hải Phòng communes, 2025) against a city plan written for this test
   (tests/fixtures/against/) from the targets they cite: the findings a person lists by hand.
2. The real provincial plan of Lâm Đồng 2026-2030 (../shared/corpus-real, when it is there) as
   the parent of commune plans built for the test from it: a faithful one gets no finding; one
   with four defects planted gets exactly those four.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.compare.against import PARENT_CODES, check_against, for_communes, holds
from kehoach.planio import load_plan
from kehoach.schema import Plan

from .conftest import FIXTURES, REAL, SAMPLES
from .docx_builder import build_docx, para, table

CITY = FIXTURES / "against" / "kh-thanhpho-cchc-2025.txt"
PROVINCE = REAL / "tinh-lamdong-kh-cchc-2026-2030.docx"
PROVINCE_DRAFT = REAL / "tinh-lamdong-kh-cchc-2026-2030-duthao.docx"
CODES = (*PARENT_CODES, "parent-targets-later", "parent-not-cited")
runner = CliRunner()

# Written by reading each plan beside the city's: (code, where in the commune plan, the values).
BY_HAND: dict[str, set[tuple[str, str | None, str]]] = {
    "000_e3b5f0d1f2c6f809.txt": {
        # 'tỷ lệ thanh toán trực tuyến ... đạt tối thiểu 30%' against the city's 50%
        ("target-weaker-than-parent", "task:15", "≥30% (task:15), less than the parent's ≥50% (I/2"),
        # 'tỷ lệ hồ sơ giải quyết đúng hạn trên 90%' against the city's 95%
        ("target-weaker-than-parent", "task:13", ">90% (task:13), less than the parent's ≥95% (I/3"),
        # no word on the waiting time at the one-stop desk
        ("target-missing-from-parent", None, "≤15 phút (I/4"),
        # the city's 2030 target is not this half-year's
        ("parent-targets-later", None, "100% (a target for 2030)"),
        # no section on 'Đánh giá tác động của cải cách hành chính'
        ("area-missing", None, "Đánh giá tác động của cải cách hành chính (III/8)"),
        # the plan itself is issued by 31/7, the city asked for 15/7
        ("deadline-later-than-parent", "task:1", "due 31/07/2025, after the parent's deadline 15/07/2025"),
        # the communication plan by the end of the year, the city asked for Q3
        ("deadline-later-than-parent", "task:5", "due 31/12/2025, after the parent's deadline 30/09/2025"),
    },
    "001_73faa145e55eee6a.txt": {
        # satisfaction with land, building and investment procedures 'tối thiểu 85%'
        ("target-weaker-than-parent", "II/3/a", "≥85% (II/3/a), less than the parent's ≥90% (I/1"),
        ("target-missing-from-parent", None, "≤15 phút (I/4"),
        ("parent-targets-later", None, "100% (a target for 2030)"),
    },
    "002_c70c40b1976cb095.txt": {
        ("target-missing-from-parent", None, "≤15 phút (I/4"),
        ("parent-targets-later", None, "100% (a target for 2030)"),
        ("area-missing", None, "Đánh giá tác động của cải cách hành chính (III/8)"),
    },
    "003_ea6bd15cef034038.txt": {
        ("target-weaker-than-parent", "II/3/a", "≥85% (II/3/a), less than the parent's ≥90% (I/1"),
        ("parent-targets-later", None, "100% (a target for 2030)"),
    },
}


def _parent_findings(plan: Plan, parent: Plan) -> list[tuple[str, str | None, str]]:
    return [(f.code, f.path, f.message) for f in check_against(plan, parent) if f.code in CODES]


@pytest.mark.parametrize("name", sorted(BY_HAND))
def test_the_corpus_plans_against_the_city_plan_give_the_findings_listed_by_hand(name: str) -> None:
    found = _parent_findings(load_plan(SAMPLES / name), load_plan(CITY))
    assert len(found) == len(BY_HAND[name]), found
    for code, where, words in BY_HAND[name]:
        assert any(c == code and w == where and words in message for c, w, message in found), (code, words, found)


def test_validate_against_through_the_command_line() -> None:
    result = runner.invoke(app, ["validate", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"), "--against", str(CITY),
                                 "--format", "json"])
    assert result.exit_code == 1  # weaker targets and later deadlines are errors
    findings = json.loads(result.stdout)[str(SAMPLES / "000_e3b5f0d1f2c6f809.txt")]
    severities = {f["code"]: f["severity"] for f in findings if f["code"] in CODES}
    assert severities == {"target-weaker-than-parent": "error", "target-missing-from-parent": "warning",
                          "parent-targets-later": "info", "area-missing": "warning",
                          "deadline-later-than-parent": "error"}


def test_a_parent_that_cannot_be_read_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"), "--against", "missing.docx"])
    assert (result.exit_code, result.stderr) == (2, "kehoach: error: --against: missing.docx: no such file\n")


def test_which_parent_targets_hold_and_why() -> None:
    city, commune = load_plan(CITY), load_plan(SAMPLES / "000_e3b5f0d1f2c6f809.txt")
    by_where = {t.where: t for t in city.targets}
    yearly = holds(by_where["I/1"], "MỤC TIÊU, CHỈ TIÊU NĂM 2025", commune, city)
    later = holds(by_where["II"], "MỤC TIÊU ĐẾN NĂM 2030", commune, city)
    assert (yearly.holds, yearly.year) == (True, 2025)
    assert (later.holds, later.year, later.why) == (False, 2030, "a target for 2030")


def test_a_plan_that_does_not_cite_the_parent_is_told_so(tmp_path: Path) -> None:
    """The corpus plans cite the city's plan through the decision that issues it; a plan with
    other bases gets a note that the comparison may be of unrelated plans."""
    city = load_plan(CITY)
    for name in BY_HAND:
        assert "parent-not-cited" not in {f.code for f in check_against(load_plan(SAMPLES / name), city)}
    text = (SAMPLES / "000_e3b5f0d1f2c6f809.txt").read_text(encoding="utf-8")
    other = tmp_path / "other.txt"
    cited = re.compile(r"Thực hiện Quyết định số 5085/QĐ-UBND.*?năm 2025;", re.S)
    assert cited.search(text)
    other.write_text(cited.sub("Căn cứ Luật Tổ chức chính quyền địa phương;", text), encoding="utf-8")
    notes = [f for f in check_against(load_plan(other), city) if f.code == "parent-not-cited"]
    assert len(notes) == 1 and notes[0].severity == "info"
    assert "Cải cách hành chính năm 2025 của thành phố Hải Phòng" in notes[0].message


def test_tasks_given_to_the_communes() -> None:
    lead = {t.no: t for t in load_plan(CITY).tasks}
    assert [n for n, t in lead.items() if for_communes(t)] == [1, 2, 3, 5]  # task 4 is the Sở Nội vụ's


def test_batch_against_counts_the_parent_findings_per_commune(tmp_path: Path) -> None:
    folder, out, db = tmp_path / "in", tmp_path / "out", tmp_path / "p.sqlite"
    folder.mkdir()
    for name in BY_HAND:
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--db", str(db), "--against", str(CITY),
                                 "-j", "1", "--report"])
    assert result.exit_code == 0, result.stderr
    rows = csv.DictReader((out / "summary.csv").read_text(encoding="utf-8-sig").splitlines())
    counts = {row["file"]: row["parent_findings"] for row in rows}
    # parent-targets-later is information, not a finding against the plan
    assert counts == {name: str(len([f for f in BY_HAND[name] if f[0] != "parent-targets-later"])) for name in BY_HAND}
    with sqlite3.connect(db) as con:
        stored = dict(con.execute("SELECT file, parent_findings FROM plans"))
    assert stored == {name: int(n) for name, n in counts.items()}
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Parent plan" in html and "Findings against the parent plan" in html
    assert re.search(r'<tr class="parent">.*?≥90%.*?</tr>', html, re.S)  # the city's value on the map


def test_a_database_of_the_previous_version_is_upgraded_in_place(tmp_path: Path) -> None:
    from kehoach.export.store import Store

    db = tmp_path / "old.sqlite"
    with Store(db):
        pass
    with sqlite3.connect(db) as con:  # make it what version 1 wrote: no parent_findings column
        con.execute("ALTER TABLE plans DROP COLUMN parent_findings")
        con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    result = runner.invoke(app, ["parse", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT value FROM meta").fetchone() == ("2",)
        assert con.execute("SELECT count(*), max(parent_findings) FROM plans").fetchone() == (1, None)


# --- the real provincial plan as the parent -----------------------------------------------------

needs_province = pytest.mark.skipif(not PROVINCE.is_file(), reason="../shared/corpus-real is not here")


def _commune_docx(parent: Plan, drop_area: str | None = None, drop_task: int | None = None,
                  weaker: tuple[str, str] | None = None, later: tuple[int, str] | None = None) -> bytes:
    """A commune's 2026 plan that copies what its province asks of it: every target of the
    parent that holds in 2026, one item per reform area, every task given to the communes (with
    the parent's time). The arguments plant one defect each."""
    body = [para("ỦY BAN NHÂN DÂN"), para("XÃ THỬ NGHIỆM"), para("Số: 05/KH-UBND"),
            para("Thử Nghiệm, ngày 20 tháng 01 năm 2026"), para("KẾ HOẠCH"),
            para("Cải cách hành chính năm 2026 của xã Thử Nghiệm"),
            para("Thực hiện Kế hoạch số 1234/KH-UBND ngày 10/3/2026 của Ủy ban nhân dân tỉnh Lâm Đồng về cải cách "
                 "hành chính nhà nước giai đoạn 2026 - 2030 của tỉnh Lâm Đồng;"),
            para("I. MỤC TIÊU, CHỈ TIÊU")]
    sentences: list[str] = []
    for target in parent.targets:
        if target.indicator and not target.where.startswith("I/") and target.text not in sentences:
            sentences.append(target.text)  # I/2 holds the 2030 goals; a sentence is copied once
    for n, text in enumerate(sentences, start=1):
        body.append(para(f"{n}. {text.replace(*weaker) if weaker else text}"))
    body.append(para("II. NHIỆM VỤ"))
    headings = [(s.area, s.title) for s in parent.sections[1].children if s.area]
    for k, (_area, title) in enumerate(h for h in headings if h[0] != drop_area):
        body.append(para(f"{k + 1}. {title}"))
        body.append(para("- Triển khai các nhiệm vụ theo kế hoạch của tỉnh và phụ lục kèm theo."))
    body += [para("III. TỔ CHỨC THỰC HIỆN"), para("Các bộ phận triển khai thực hiện Kế hoạch này."),
             para("Nơi nhận:"), para("- UBND tỉnh;"), para("- Lưu: VT."), para("TM. ỦY BAN NHÂN DÂN"),
             para("CHỦ TỊCH"), para("Trần Văn Bình"), para("PHỤ LỤC"),
             para("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026")]
    rows = [["TT", "Nội dung", "Chủ trì", "Thời gian"]]
    for position, task in enumerate(parent.tasks, start=1):
        if for_communes(task) and position != drop_task:
            time = later[1] if later and later[0] == position else task.time or ""
            rows.append([str(len(rows)), task.content, "UBND xã", time])
    return build_docx("".join(body) + table(rows))


@pytest.fixture(scope="module")
def province() -> Plan:
    return load_plan(PROVINCE)


@needs_province
@pytest.mark.parametrize("parent_file", [PROVINCE, PROVINCE_DRAFT], ids=["plan", "draft"])
def test_a_faithful_commune_plan_has_no_finding(parent_file: Path, province: Plan, tmp_path: Path) -> None:
    plan_file = tmp_path / "xa-trung-thanh.docx"
    plan_file.write_bytes(_commune_docx(province))
    plan = load_plan(plan_file)
    assert len(plan.tasks) > 30 and plan.period is not None and plan.period.label == "năm 2026"
    found = [f for f in _parent_findings(plan, load_plan(parent_file)) if f[0] != "parent-targets-later"]
    assert found == []


@needs_province
def test_a_commune_plan_with_four_defects_gets_exactly_those_four(province: Plan, tmp_path: Path) -> None:
    first_plan = next(i for i, t in enumerate(province.tasks, start=1)
                      if t.due and t.due.end and t.content.startswith("Xây dựng và tổ chức thực hiện Kế hoạch cải cách"))
    dropped = next(i for i, t in enumerate(province.tasks, start=1) if t.content.startswith("Có giải pháp giảm tỷ lệ trễ hẹn"))
    plan_file = tmp_path / "xa-sai-sot.docx"
    plan_file.write_bytes(_commune_docx(
        province, drop_area="tai_chinh", drop_task=dropped,
        weaker=("Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 90%", "Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 70%"),
        later=(first_plan, "Ban hành kế hoạch chậm nhất là ngày 30/6/2026 và tổ chức thực hiện")))
    found = [f for f in _parent_findings(load_plan(plan_file), province) if f[0] != "parent-targets-later"]
    assert sorted(f[0] for f in found) == ["area-missing", "deadline-later-than-parent", "parent-task-not-taken-up",
                                            "target-weaker-than-parent"], found
    messages = {code: message for code, _where, message in found}
    assert "this plan commits to ≥70%" in messages["target-weaker-than-parent"]
    assert "less than the parent's ≥90% (II/6/a" in messages["target-weaker-than-parent"]
    assert "Cải cách tài chính công (II/5)" in messages["area-missing"]
    assert "'Có giải pháp giảm tỷ lệ trễ hẹn" in messages["parent-task-not-taken-up"]
    assert "similarity 0." in messages["parent-task-not-taken-up"]  # the closest item, and how close
    assert "due 30/06/2026, after the parent's deadline 15/04/2026" in messages["deadline-later-than-parent"]
