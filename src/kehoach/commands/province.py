"""Commands on a province's folder of plans: batch, and tasks across its plans."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kehoach.commands.common import DEFAULT_MAX_MB, MaxMbOption, OutputFormat, app, fail
from kehoach.errors import KehoachError
from kehoach.files import DEFAULT_GLOBS, write_stdout
from kehoach.parse.extract.classify import AREA_NAMES
from kehoach.reading import OcrChoice, OcrDpiOption, OcrLangOption, OcrOption

if TYPE_CHECKING:
    from kehoach.export.store import Store

# The batch machinery, the workbook and the database are imported by the commands that use
# them, so that 'kehoach parse' does not pay for loading them.


@app.command()
def batch(
    folder: Annotated[Path, typer.Argument(help="Folder to walk recursively.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where Plans and reports go.")] = Path("kehoach-out"),
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Format of the per-file Plans.")] = OutputFormat.yaml,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: number of cores).")] = (
        os.cpu_count() or 1
    ),
    glob: Annotated[
        str, typer.Option("--glob", help="Comma-separated file patterns to pick up.")
    ] = ",".join(DEFAULT_GLOBS),
    force: Annotated[bool, typer.Option("--force", help="Redo files whose Plan is already up to date.")] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    ocr: OcrOption = OcrChoice.auto,
    ocr_lang: OcrLangOption = "vie",
    ocr_dpi: OcrDpiOption = 300,
    xlsx: Annotated[Path | None, typer.Option(
        "--xlsx", help="Write the workbook here instead of OUT/kehoach.xlsx.")] = None,
    db: Annotated[Path | None, typer.Option(
        "--db", help="Also keep every Plan in this SQLite database (created if new; several periods "
                     "side by side; a re-run replaces, never duplicates).")] = None,
) -> None:
    """Parse every plan under a folder, for a whole province at once.

    Writes one Plan per file under --out (mirroring the folders, written
    atomically), then, ready for a spreadsheet:

    kehoach.xlsx, a workbook with sheets Tổng hợp (one row per file: status,
    counts, errors, reform areas missing), Chỉ tiêu (every target), Ma trận
    (commune × indicator, numbers), Nhiệm vụ (every task, with a Tình trạng
    column to follow it up) and Phát hiện (every finding);

    summary.csv / summary.json (one row per file), targets.csv, tasks.csv,
    findings.csv and indicators.csv (one row per target, numbers as numbers).

    A re-run skips files whose Plan is up to date (same content hash). Each
    file is ok, review (parsed, but the parser is unsure of a part: open it)
    or failed. One bad file never stops the batch; it is listed as failed.
    Links to files outside the folder are not read (they are listed as skipped).

    Example: kehoach batch plans/ -o out/ --db province.sqlite

    Exit codes: 0 every file parsed; 1 some failed; 2 the folder or the
    database cannot be used.
    """
    from kehoach.export.store import open_store

    if not folder.is_dir():
        fail(f"{folder}: no such folder")
    with open_store(db) as store:
        _batch(folder, out, fmt, jobs, glob, force, max_mb, ocr, ocr_lang, ocr_dpi, xlsx, store)


def _batch(folder: Path, out: Path, fmt: OutputFormat, jobs: int, glob: str, force: bool, max_mb: int,
           ocr: OcrChoice, ocr_lang: str, ocr_dpi: int, xlsx: Path | None, store: Store | None) -> None:
    from kehoach.batch import STATUSES, Row, records_of, run_batch, scan_inputs, shown_name, write_reports
    from kehoach.export.workbook import WorkbookBuilder

    globs = tuple(g.strip() for g in glob.split(",") if g.strip())
    builder = WorkbookBuilder()  # filled as the plans come in, written at the end
    console = Console(stderr=True)
    # A bar only on a terminal: redirected, standard error gets the summary lines alone.
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as progress:
        inputs, links_out = scan_inputs(folder, globs)
        task = progress.add_task("parsing", total=len(inputs))

        def advance(row: Row) -> None:
            progress.update(task, advance=1, description=f"{row.status:>7} {row.file[-50:]}")

        rows = run_batch(folder, out, fmt=fmt.value, jobs=jobs, force=force, globs=globs,
                         max_bytes=max_mb * 1024 * 1024, progress=advance, inputs=inputs,
                         ocr=ocr.value, ocr_lang=ocr_lang, ocr_dpi=ocr_dpi, store=store,
                         in_order=lambda row: builder.add(records_of(row)))
    for link in links_out:
        console.print(f"  skipped: {shown_name(str(link))}: a link to a file outside the folder",
                      soft_wrap=True, markup=False)
    try:
        paths = write_reports(rows, out, workbook=xlsx, builder=builder)
    except KehoachError as exc:
        fail(f"cannot write the reports: {exc}")
    failed = [r for r in rows if r.status == "failed"]
    counts = ", ".join(f"{sum(r.status == s for r in rows)} {s}" for s in STATUSES)
    up_to_date = sum(r.up_to_date for r in rows)
    console.print(f"{len(rows)} file(s): {counts}" + (f" ({up_to_date} up to date, not parsed again)" if up_to_date else ""))
    for row in rows:
        if row.status == "review":
            console.print(f"  review: {row.file}: {row.review}", soft_wrap=True, markup=False)
    for row in failed:
        console.print(f"  failed: {row.file}: {row.error}", soft_wrap=True, markup=False)
    console.print(f"workbook: {paths['kehoach.xlsx']}  summary: {paths['summary.csv']}"
                  + (f"  database: {store.path}" if store else ""), soft_wrap=True, markup=False)
    if failed:
        raise typer.Exit(1)


class TaskFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def tasks(
    source: Annotated[Path | None, typer.Argument(
        help="The --out folder of a kehoach batch (its tasks.csv), or a kehoach database.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Read the tasks from this kehoach database.")] = None,
    due: Annotated[str | None, typer.Option(
        "--due", help="Tasks due in this period: 2026-Q1, 2026-H2, 2026-03, 2026 or 2026-01-01..2026-03-31 "
                      "(a task's span from start to deadline overlaps it).")] = None,
    lead: Annotated[str | None, typer.Option(
        "--lead", help="Lead agency, matched as words in any tone placement, abbreviations written out: "
                       "'Phòng VH-XH' finds 'Phòng Văn hóa - Xã hội'; typed without diacritics it matches either way.")] = None,
    commune: Annotated[str | None, typer.Option("--commune", help="Commune or unit, e.g. 'Hùng Thắng'.")] = None,
    area: Annotated[str | None, typer.Option(
        "--area", help="Reform area: a code (" + ", ".join(AREA_NAMES) + ") or words of its name.")] = None,
    period: Annotated[str | None, typer.Option(
        "--period", help="Only plans of this period, words of it as printed, e.g. 'cuối năm 2025'.")] = None,
    recurring: Annotated[bool, typer.Option(
        "--recurring", help="List recurring tasks ('Thường xuyên', 'Hằng năm'): with --due, besides the dated ones.")] = False,
    fmt: Annotated[TaskFormat, typer.Option("--format", "-f", help="table for people; csv or json for tools.")] = (
        TaskFormat.table),
) -> None:
    """List tasks across a province's plans: what falls due when, who leads it.

    Examples: kehoach tasks out/ --due 2025-Q4;
    kehoach tasks --db province.sqlite --lead "Phòng VH-XH" --format csv > tasks.csv

    Exit codes: 0 listed (even none); 2 the source or a filter cannot be read.
    """
    from kehoach.export.records import TASK_COLUMNS
    from kehoach.export.tables import csv_text
    from kehoach.query import area_code, load_tasks, parse_window, select
    from kehoach.reports import print_tasks
    from kehoach.writers import to_json

    if (source is None) == (db is None):
        fail("give a batch output folder or --db FILE (one of them)")
    try:
        window = parse_window(due) if due else None
    except ValueError as exc:
        fail(f"--due: {exc}")
    code = area_code(area) if area else None
    if area and code is None:
        fail(f"--area: '{area}' is not a reform area; use one of {', '.join(AREA_NAMES)}")
    try:
        found = select(load_tasks(source or db), due=window, lead=lead, commune=commune,  # type: ignore[arg-type]
                       area=code, recurring=recurring, period=period)
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)
    if fmt is TaskFormat.csv:
        write_stdout(csv_text(TASK_COLUMNS, ([t[c.key] for c in TASK_COLUMNS] for t in found), bom=False))
    elif fmt is TaskFormat.json:
        write_stdout(to_json(found))
    else:
        print_tasks(found)
