"""A province's plans in one workbook, CSV companions and one database (`kehoach batch --db`),
and tasks across plans (`kehoach tasks`).

The batch runs once per module over the samples plus the real plans of ../shared/corpus-real
when that folder is there (its scan refused with --ocr never, to stay quick).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.export.records import FINDING_COLUMNS, PLAN_COLUMNS, TARGET_COLUMNS, TASK_COLUMNS
from kehoach.export.workbook import FOLLOW_UP, FOLLOW_UP_CHOICES, SHEETS
from kehoach.i18n import _, set_language
from kehoach.parse.extract.agencies import names_agency
from kehoach.planio import load_plan_file
from kehoach.query import parse_window

from .conftest import SAMPLES, copy_corpora

runner = CliRunner()


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(input folder, output folder, database) of one batch over the corpora."""
    base = tmp_path_factory.mktemp("province")
    folder, out, db = base / "in", base / "out", base / "province.sqlite"
    copy_corpora(folder)
    # In Vietnamese, as the users run it: the workbook's sheets and headings are checked in it.
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--db", str(db), "--ocr", "never", "-j", "2"],
                           env={"KEHOACH_LANG": "vi"})
    assert result.exit_code in (0, 1), result.stderr
    return folder, out, db


def _vi(messages: list[str]) -> list[str]:
    """The Vietnamese of these message ids."""
    set_language("vi")
    try:
        return [_(m) for m in messages]
    finally:
        set_language("en")


def _summary(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader((out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()))


def _plans(out: Path) -> dict[str, object]:
    """Each parsed file's Plan, read back from the batch's output."""
    return {row["file"]: load_plan_file(out / f"{row['file']}.yaml") for row in _summary(out) if row["status"] != "failed"}


def test_the_workbook_has_its_sheets_headings_and_frozen_filtered_headers(province: tuple[Path, Path, Path]) -> None:
    book = openpyxl.load_workbook(province[1] / "kehoach.xlsx")
    assert book.sheetnames == ["Tổng hợp", "Chỉ tiêu", "Ma trận", "Nhiệm vụ", "Phát hiện"] == _vi(list(SHEETS))
    headings = {name: [c.value for c in book[name][1]] for name in book.sheetnames}
    assert headings["Tổng hợp"] == _vi([c.label for c in PLAN_COLUMNS if c.key != "sha256"])
    assert headings["Tổng hợp"][:4] == ["Tệp", "Đơn vị", "Cơ quan ban hành", "Cấp"]
    assert headings["Chỉ tiêu"] == _vi([c.label for c in TARGET_COLUMNS])
    assert headings["Nhiệm vụ"] == _vi([c.label for c in TASK_COLUMNS] + [FOLLOW_UP])
    assert headings["Nhiệm vụ"][-1] == "Tình trạng"
    assert headings["Phát hiện"] == _vi([c.label for c in FINDING_COLUMNS])
    assert headings["Ma trận"][:2] == ["Tệp", "Đơn vị"] and "Thanh toán trực tuyến" in headings["Ma trận"]
    for sheet in book:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
        assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"
    assert book["Tổng hợp"].max_row - 1 == len(_summary(province[1]))


def test_the_matrix_holds_numbers_with_the_comparator_in_the_format(province: tuple[Path, Path, Path]) -> None:
    sheet = openpyxl.load_workbook(province[1] / "kehoach.xlsx")["Ma trận"]
    column = [c.value for c in sheet[1]].index("Thanh toán trực tuyến") + 1
    cells = {sheet.cell(r, 1).value: sheet.cell(r, column) for r in range(2, sheet.max_row + 1)}
    hung_thang = cells["samples/000_e3b5f0d1f2c6f809.txt"]
    assert hung_thang.value == 30 and isinstance(hung_thang.value, int)
    assert hung_thang.number_format == '"≥"General"%"'
    assert sheet.conditional_formatting  # a colour scale per indicator column


def test_every_task_of_every_parsed_plan_is_in_the_workbook_once(province: tuple[Path, Path, Path]) -> None:
    sheet = openpyxl.load_workbook(province[1] / "kehoach.xlsx")["Nhiệm vụ"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    expected = Counter((file, task.content) for file, plan in _plans(province[1]).items() for task in plan.tasks)
    assert Counter((row[0], row[5]) for row in rows) == expected
    assert sum(expected.values()) >= 45  # 15 tasks of sample 000 in three formats, and the real plans
    # Dates as dates: the due columns sort and filter as dates in a spreadsheet.
    due = [row[10] for row in rows if row[10] is not None]
    assert due and all(isinstance(d, dt.datetime) for d in due)
    # The follow-up column: empty, with a drop-down of the three states over every task row.
    validation = sheet.data_validations.dataValidation[0]
    assert validation.type == "list" and validation.formula1 == '"Chưa thực hiện,Đang thực hiện,Hoàn thành"'
    assert validation.formula1.strip('"').split(",") == _vi(list(FOLLOW_UP_CHOICES))
    assert str(validation.sqref) == f"N2:N{len(rows) + 1}"
    assert all(row[13] is None for row in rows)


def test_targets_without_an_indicator_are_kept_as_numbers(province: tuple[Path, Path, Path]) -> None:
    out = province[1]
    plans = _plans(out)
    rows = list(csv.DictReader((out / "indicators.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == sum(len(p.targets) for p in plans.values())
    assert any(not r["indicator"] for r in rows)
    assert all(float(r["value"]) >= 0 for r in rows)
    sheet = openpyxl.load_workbook(out / "kehoach.xlsx")["Chỉ tiêu"]
    values = [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(values) == len(rows) and all(isinstance(v, int | float) for v in values)


def test_companion_csvs_have_stable_ascii_headers(province: tuple[Path, Path, Path]) -> None:
    out = province[1]
    for name, columns in (("targets.csv", TARGET_COLUMNS), ("tasks.csv", TASK_COLUMNS), ("findings.csv", FINDING_COLUMNS)):
        text = (out / name).read_bytes()
        assert text.startswith(b"\xef\xbb\xbf")
        assert text.decode("utf-8-sig").splitlines()[0] == ",".join(c.key for c in columns)


def _db_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("plans", "sections", "targets", "tasks", "findings")}


def _whole_plans_only(db: Path) -> int:
    """Every plan in the database has exactly its own rows; returns how many plans there are."""
    with sqlite3.connect(db) as con:
        plans = con.execute("SELECT sha256, sections, targets, tasks, plan_json FROM plans").fetchall()
        for sha, sections, targets, tasks, plan_json in plans:
            for table, count in (("sections", sections), ("targets", targets), ("tasks", tasks)):
                assert con.execute(f"SELECT count(*) FROM {table} WHERE sha256 = ?", (sha,)).fetchone()[0] == count
            assert len(json.loads(plan_json)["tasks"]) == tasks
        orphans = con.execute("SELECT count(*) FROM tasks WHERE sha256 NOT IN (SELECT sha256 FROM plans)").fetchone()[0]
        assert orphans == 0
    return len(plans)


def test_the_database_holds_every_parsed_plan_and_a_rerun_changes_no_count(province: tuple[Path, Path, Path]) -> None:
    folder, out, db = province
    before = _db_counts(db)
    distinct = {p.source.sha256 for p in _plans(out).values()}  # type: ignore[attr-defined]
    assert before["plans"] == len(distinct) and _whole_plans_only(db) == len(distinct)
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--db", str(db), "--ocr", "never", "-j", "1"])
    assert result.exit_code in (0, 1)
    assert _db_counts(db) == before


def test_a_changed_file_replaces_its_rows_and_another_period_lives_beside(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "p.sqlite"
    folder.mkdir()
    plan = folder / "xa.txt"
    text = (SAMPLES / "000_e3b5f0d1f2c6f809.txt").read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "o"), "--db", str(db)]).exit_code == 0
    plan.write_text(text.replace("Quý IV/2025", "Quý III/2025"), encoding="utf-8")  # corrected, same period
    assert runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "o"), "--db", str(db)]).exit_code == 0
    assert _db_counts(db)["plans"] == 1
    plan.write_text(text.replace("6 tháng cuối năm 2025", "6 tháng đầu năm 2026"), encoding="utf-8")  # next period
    assert runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "o"), "--db", str(db)]).exit_code == 0
    with sqlite3.connect(db) as con:
        periods = sorted(r[0] for r in con.execute("SELECT period FROM plans"))
    assert periods == ["6 tháng cuối năm 2025", "6 tháng đầu năm 2026"]
    assert _whole_plans_only(db) == 2


def test_parse_keeps_one_plan_in_the_database(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    result = runner.invoke(app, ["parse", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"), "--db", str(db)])
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.startswith("stored: ")
    assert _db_counts(db)["tasks"] == 15 and _whole_plans_only(db) == 1


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_text("not a database"), "is not an SQLite database; refusing to write into it"),
    (lambda p: p.mkdir(), "is not a file; cannot keep a database there"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE accounts (id INTEGER)").connection.commit(),
     "is an SQLite database of another program; refusing to write into it"),
])
def test_a_database_path_that_is_not_a_database_is_one_line(tmp_path: Path, make: object, message: str) -> None:
    db = tmp_path / "x.sqlite"
    make(db)  # type: ignore[operator]
    before = db.read_bytes() if db.is_file() else None
    result = runner.invoke(app, ["parse", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"), "--db", str(db)])
    assert (result.exit_code, result.stderr) == (2, f"kehoach: error: {db}: {message}\n")
    assert (db.read_bytes() if db.is_file() else None) == before


def _overlaps(task: object, start: dt.date, end: dt.date) -> bool:
    due = task.due  # type: ignore[attr-defined]
    if due is None or (due.start is None and due.end is None):
        return False
    return (due.start or due.end) <= end and (due.end or due.start) >= start


@pytest.mark.parametrize("source", ["out", "db"])
def test_tasks_due_in_a_quarter_are_exactly_those_overlapping_it(province: tuple[Path, Path, Path], source: str) -> None:
    _, out, db = province
    args = [str(out)] if source == "out" else ["--db", str(db)]
    result = runner.invoke(app, ["tasks", *args, "--due", "2025-Q4", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    listed = Counter((r["file"], r["content"]) for r in csv.DictReader(result.stdout.splitlines()))
    window = parse_window("2025-Q4")
    plans = _plans(out)
    if source == "db":  # the database keeps one plan per content: identical files are one plan
        seen: set[str] = set()
        plans = {f: p for f, p in plans.items() if not (p.source.sha256 in seen or seen.add(p.source.sha256))}  # type: ignore[attr-defined]
    expected = Counter((file, t.content) for file, plan in plans.items() for t in plan.tasks  # type: ignore[attr-defined]
                       if _overlaps(t, window.start, window.end))
    assert listed == expected and sum(expected.values()) > 10


def test_tasks_by_lead_abbreviation_commune_area_and_recurring(province: tuple[Path, Path, Path]) -> None:
    out = province[1]

    def listed(*args: str) -> list[dict[str, str]]:
        result = runner.invoke(app, ["tasks", str(out), *args, "--format", "json"])
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    by_abbreviation = listed("--lead", "Phòng VH-XH")
    assert by_abbreviation and all("Văn hóa - Xã hội" in t["lead"] for t in by_abbreviation)
    assert listed("--lead", "phong van hoa xa hoi") == by_abbreviation  # typed without diacritics
    assert {t["commune"] for t in listed("--commune", "Hùng Thắng")} == {"Xã Hùng Thắng"}
    assert {t["area"] for t in listed("--area", "tthc")} == {"tthc"}
    recurring = listed("--recurring")
    assert all(t["recurring"] for t in recurring)
    late_2025 = listed("--period", "6 tháng cuối năm 2025")
    assert late_2025 and {t["period"] for t in late_2025} == {"6 tháng cuối năm 2025"}


@pytest.mark.parametrize("args, message", [
    (["--due", "2025-Q5"], "--due: '2025-Q5' is not a period: write 2026-Q1, 2026-H2, 2026-03, 2026 or 2026-01-01..2026-03-31"),
    (["--area", "khong_co"], "--area: 'khong_co' is not a reform area; use one of "),
])
def test_tasks_with_a_bad_filter_is_one_line(province: tuple[Path, Path, Path], args: list[str], message: str) -> None:
    result = runner.invoke(app, ["tasks", str(province[1]), *args])
    assert result.exit_code == 2 and result.stderr.startswith(f"kehoach: error: {message}")


def test_tasks_from_a_folder_without_a_batch_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["tasks", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (
        2, f"kehoach: error: {tmp_path}: no tasks.csv here; give the --out folder of a kehoach batch (run it again if an older "
           "kehoach wrote it), or a --db file\n")


def test_document_text_never_becomes_a_formula(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (SAMPLES / "000_e3b5f0d1f2c6f809.txt").read_text(encoding="utf-8")
    (folder / "xa.txt").write_text(text.replace("Kế hoạch của UBND xã", "=HYPERLINK(\"http://x\")"), encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["batch", str(folder), "-o", str(out)]).exit_code == 0
    sheet = openpyxl.load_workbook(out / "kehoach.xlsx")["Tasks"]  # English: the tests' language
    products = [row[12] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x")' in products
    assert sheet.cell(2, 13).data_type == "s"
    assert "'=HYPERLINK" in (out / "tasks.csv").read_text(encoding="utf-8-sig")


def test_a_batch_killed_midway_leaves_only_whole_plans(tmp_path: Path) -> None:
    folder, out, db = tmp_path / "in", tmp_path / "out", tmp_path / "p.sqlite"
    folder.mkdir()
    text = (SAMPLES / "000_e3b5f0d1f2c6f809.txt").read_text(encoding="utf-8")
    for n in range(60):  # 60 different files (the blank lines at the end differ), each its own plan
        (folder / f"xa-{n:02d}.txt").write_text(text + "\n" * n, encoding="utf-8")
    batch = subprocess.Popen([sys.executable, "-c", "from kehoach.cli import main; main()", "batch", str(folder),
                              "-o", str(out), "--db", str(db), "-j", "1"], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _stored(db) < 5:
            time.sleep(0.05)
        batch.send_signal(signal.SIGKILL)
    finally:
        batch.wait(timeout=30)
    stored = _whole_plans_only(db)
    assert 5 <= stored < 60
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--db", str(db)])  # and it goes on
    assert result.exit_code == 0 and _whole_plans_only(db) == 60


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as con:
            return int(con.execute("SELECT count(*) FROM plans").fetchone()[0])
    except sqlite3.Error:
        return 0


# Stores one plan, then dies (SIGKILL) inside the second plan's transaction, after its plan row,
# sections and targets were written and before its tasks.
KILLED_INSIDE = """
import contextlib, os, signal, sys
from pathlib import Path
from kehoach.checks import validate
from kehoach.export.records import plan_records
from kehoach.export.store import Store
from kehoach.parse.pipeline import parse_file

def records(name, path):
    plan = parse_file(Path(path))
    return plan_records(name, plan, "ok", None, validate(plan), for_store=True)

with Store(Path(sys.argv[1])) as db:
    db.put(records("xa.txt", sys.argv[2]))
    transaction = db._transaction

    @contextlib.contextmanager
    def dying():
        with transaction() as con:
            class Connection:
                def execute(self, *args):
                    return con.execute(*args)
                def executemany(self, sql, rows):
                    if sql.startswith("INSERT INTO tasks"):
                        os.kill(os.getpid(), signal.SIGKILL)
                    return con.executemany(sql, rows)
            yield Connection()

    db._transaction = dying
    db.put(records("xb.txt", sys.argv[3]))
"""


def test_a_process_killed_inside_a_plan_s_transaction_leaves_no_part_of_it(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    killed = subprocess.run([sys.executable, "-c", KILLED_INSIDE, str(db), str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"),
                             str(SAMPLES / "003_ea6bd15cef034038.txt")], capture_output=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _whole_plans_only(db) == 1  # the second plan's rows, written before the kill, rolled back
    assert _db_counts(db)["tasks"] == 15


@pytest.mark.parametrize("text, start, end", [
    ("2025-Q4", "2025-10-01", "2025-12-31"), ("2026q1", "2026-01-01", "2026-03-31"),
    ("2026-H2", "2026-07-01", "2026-12-31"), ("2024-02", "2024-02-01", "2024-02-29"),
    ("2026", "2026-01-01", "2026-12-31"), ("2026-01-15..2026-02-10", "2026-01-15", "2026-02-10"),
])
def test_due_windows(text: str, start: str, end: str) -> None:
    window = parse_window(text)
    assert (window.start.isoformat(), window.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text", ["2026-13", "2026-Q0", "Q4", "2026-03-31..2026-01-01", "sớm"])
def test_bad_due_windows(text: str) -> None:
    with pytest.raises(ValueError, match="is not a period"):
        parse_window(text)


@pytest.mark.parametrize("query, lead, found", [
    ("Phòng VH-XH", "Phòng Văn hóa - Xã hội", True),
    ("phòng văn hoá và xã hội", "Phòng Văn hóa - Xã hội", True),
    ("van hoa", "Phòng Văn hóa - Xã hội", True),
    ("UBND xã", "Ủy ban nhân dân xã Hùng Thắng", True),
    ("Công an", "Công an xã", True),
    ("Công an", "Văn phòng HĐND-UBND", False),
    ("Phòng Văn hóa", "Phòng Kinh tế", False),
    ("xã hội", "Bảo hiểm xã hội", True),
])
def test_lead_matching(query: str, lead: str, found: bool) -> None:
    assert names_agency(query, lead) is found


def test_the_database_s_folder_is_made_like_any_output_s(tmp_path: Path) -> None:
    db = tmp_path / "new" / "folder" / "p.sqlite"
    result = runner.invoke(app, ["parse", str(SAMPLES / "000_e3b5f0d1f2c6f809.txt"), "--db", str(db)])
    assert result.exit_code == 0 and _whole_plans_only(db) == 1


def test_the_tasks_table_names_its_columns_in_vietnamese(province: tuple[Path, Path, Path]) -> None:
    result = runner.invoke(app, ["tasks", str(province[1]), "--due", "2025-Q4"], env={"COLUMNS": "120", "KEHOACH_LANG": "vi"})
    assert result.exit_code == 0
    assert "Đơn vị" in result.stdout and "Nội dung" in result.stdout and "31/12/2025" in result.stdout
    count = result.stdout.splitlines()[-1].removesuffix(" nhiệm vụ")
    assert count.isdigit() and int(count) > 10
    english = runner.invoke(app, ["tasks", str(province[1]), "--due", "2025-Q4", "--lang", "en"], env={"COLUMNS": "120"})
    assert "Unit" in english.stdout and "Content" in english.stdout
    assert english.stdout.splitlines()[-1] == f"{count} tasks"
