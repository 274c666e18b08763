"""The province report: built from a batch folder or the database, one self-contained page,
checked in a real headless browser (Debian's Chromium driven by Playwright).

A screenshot of the page over the corpora is saved in test-artifacts/ (CI keeps it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.export.sources import load_tables

from .conftest import ROOT, SAMPLES, copy_corpora

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = "<script>alert('x')</script> \"quoted\" & <b>bold</b>"
# A file name can carry markup too (no '/' in a name): it shows in the plans table.
HOSTILE_NAME = "<img src=x onerror=alert(1)> 'a' \"b\""
runner = CliRunner()

# CI sets KEHOACH_REQUIRE_TOOLS: there a missing Chromium fails the browser tests instead of skipping them.
needs_browser = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("KEHOACH_REQUIRE_TOOLS"),
                                   reason="Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(output folder, database, report) of one batch over the corpora and a hostile plan, in Vietnamese."""
    base = tmp_path_factory.mktemp("report")
    folder, out, db = base / "in", base / "out", base / "province.sqlite"
    copy_corpora(folder)
    text = (SAMPLES / "000_e3b5f0d1f2c6f809.txt").read_text(encoding="utf-8")
    # The first item of the plan's body (I/1) starts with the hostile words: the outline shows them.
    first_item = "Công tác cải cách hành chính tiếp tục"
    assert first_item in text
    (folder / f"{HOSTILE_NAME}.txt").write_text(text.replace(first_item, f"{HOSTILE} {first_item}", 1),
                                                encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--db", str(db), "--ocr", "never", "-j", "2",
                                 "--report"], env={"KEHOACH_LANG": "vi"})
    assert result.exit_code == 1, result.stderr  # the empty file
    assert (out / "report.html").is_file()
    return out, db, out / "report.html"


def test_the_folder_and_the_database_give_the_same_tables(province: tuple[Path, Path, Path]) -> None:
    folder, db = load_tables(province[0]), load_tables(province[1])
    assert len(db.plans) == len([p for p in folder.plans if p["status"] != "failed"])
    for name in ("sections", "targets", "tasks", "findings"):
        assert len(getattr(folder, name)) == len(getattr(db, name)) > 0, name
    assert {t["content"] for t in folder.tasks} == {t["content"] for t in db.tasks}
    assert all(isinstance(t["value"], int | float) for t in folder.targets)


def test_the_page_is_self_contained_and_escapes_document_text(province: tuple[Path, Path, Path]) -> None:
    html = province[2].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing fetched from the network
    assert "<link" not in html and "@import" not in html
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt; &#39;a&#39; &#34;b&#34;.txt" in html
    assert "\\u003cscript\\u003ealert" in html  # inside the page's data, '<' cannot close the element
    assert html.count("<script") == 2  # the data and the page's own script, nothing else
    assert 'lang="vi"' in html and "Tổng quan" in html and "Nhiệm vụ theo thời gian" in html


def test_report_from_the_database_and_in_english(province: tuple[Path, Path, Path], tmp_path: Path) -> None:
    page = tmp_path / "db.html"
    result = runner.invoke(app, ["report", str(province[1]), "-o", str(page), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert 'lang="en"' in html and "Overview" in html and "Tasks over time" in html
    # One row per stored plan: the database keeps parsed plans only.
    assert len(re.findall(r'<tr data-i="\d+" data-status=', html)) == len(load_tables(province[1]).plans)


@pytest.mark.parametrize(("args", "message"), [
    (["report", "missing-folder"], "kehoach: error: missing-folder: no such file or folder\n"),
])
def test_a_source_that_is_not_a_batch_is_one_line(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_a_folder_without_a_batch_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(tmp_path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and result.stderr.startswith(f"kehoach: error: {tmp_path}: no plans.csv here")
    assert not (tmp_path / "r.html").exists()


# --- in a real browser ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # As root, in a sandbox with no network: no sandbox, no GPU, no background connections.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield launched
        launched.close()


@needs_browser
def test_the_report_works_in_a_browser(province: tuple[Path, Path, Path], browser: Any) -> None:
    out, _db, report = province
    plans = load_tables(out).plans
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: problems.append(request.url) if not request.url.startswith("file:") else None)
    page.goto(report.as_uri())

    rows = page.locator("#plans-table tbody tr")
    assert rows.count() == len(plans)  # one row per plan, failed ones included
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)

    # The filter narrows the table, in any tone placement, with or without diacritics.
    page.fill("#plan-filter", "hung thang")
    visible = page.locator("#plans-table tbody tr:visible")
    assert 0 < visible.count() < len(plans)
    assert all("Hùng Thắng" in text for text in visible.all_inner_texts())
    page.fill("#plan-filter", "")
    page.select_option("#status-filter", "failed")
    assert page.locator("#plans-table tbody tr:visible").count() == sum(p["status"] == "failed" for p in plans)
    page.select_option("#status-filter", "")

    # A click opens the plan's details.
    row = page.locator("#plans-table tbody tr", has_text="000_e3b5f0d1f2c6f809.txt")
    row.click()
    dialog = page.locator("dialog#detail")
    assert dialog.is_visible()
    assert "000_e3b5f0d1f2c6f809.txt" in dialog.inner_text() and "Bố cục" in dialog.inner_text()
    assert dialog.locator("table").count() >= 2  # targets, tasks (and findings when there are)
    page.screenshot(path=str(ARTIFACTS / "report-detail.png"))
    page.keyboard.press("Escape")
    assert not dialog.is_visible()

    # The charts are drawn: SVG with bars in them.
    for chart in ("#findings-chart svg", "#tasks-chart svg"):
        assert page.locator(chart).count() == 1
        assert page.locator(f"{chart} path").count() > 3
        assert page.locator(chart).bounding_box()["width"] > 100

    # Tasks due in the chosen period are listed.
    options = page.locator("#bucket option").all_inner_texts()
    assert options
    assert page.locator("#bucket-tasks tbody tr").count() == int(options[0].rsplit("(", 1)[1].rstrip(")"))

    # The hostile plan's text stays text: no script ran, the words show as written.
    hostile = page.locator("#plans-table tbody tr", has_text="onerror")
    assert f"{HOSTILE_NAME}.txt" in hostile.inner_text()
    hostile.click()
    assert HOSTILE in page.locator("dialog#detail").inner_text()  # the outline holds the document's words
    page.keyboard.press("Escape")
    assert page.evaluate("document.querySelectorAll('script').length") == 2
    assert page.evaluate("document.querySelectorAll('#plans-table b').length") == len(plans)  # only our own <b>
    assert not problems, problems
    page.close()


def test_the_report_command_is_one_process_and_quick_enough_to_call(province: tuple[Path, Path, Path],
                                                                    tmp_path: Path) -> None:
    """Through the real entry point, as a user runs it."""
    page = tmp_path / "r.html"
    result = subprocess.run([sys.executable, "-c", "from kehoach.cli import main; main()", "report",
                             str(province[0]), "-o", str(page)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"report: {page}\n"
    assert page.stat().st_size < 5 * 1024 * 1024
