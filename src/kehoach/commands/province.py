"""Commands on a province's folder of plans: batch, and tasks across its plans."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach.commands.common import (
    DEFAULT_MAX_MB,
    AgainstOption,
    MaxMbOption,
    OutputFormat,
    command,
    fail,
    load_parent,
)
from kehoach.commands.language import HELP_FIELDS
from kehoach.errors import KehoachError
from kehoach.files import DEFAULT_GLOBS, write_stdout
from kehoach.i18n import N_, _, ngettext
from kehoach.parse.extract.classify import AREA_NAMES
from kehoach.reading import OcrChoice, OcrDpiOption, OcrLangOption, OcrOption

HELP_FIELDS["areas"] = ", ".join(AREA_NAMES)

if TYPE_CHECKING:
    from kehoach.export.store import Store
    from kehoach.schema import Plan

# The batch machinery, the workbook and the database are imported by the commands that use
# them, so that 'kehoach parse' does not pay for loading them.


@command(help=N_(
    "Parse every plan under a folder, for a whole province at once.\n\n"
    "Writes one Plan per file under --out (mirroring the folders, written atomically), then, ready for "
    "a spreadsheet:\n\n"
    "kehoach.xlsx, a workbook with sheets of the summary (one row per file: status, counts, errors, reform "
    "areas missing), every target, the commune × indicator matrix (numbers), every task (with a column to "
    "follow it up) and every finding;\n\n"
    "summary.csv / summary.json (one row per file), targets.csv, tasks.csv, findings.csv and indicators.csv "
    "(one row per target, numbers as numbers).\n\n"
    "A re-run skips files whose Plan is up to date (same content hash). Each file is ok, review (parsed, "
    "but the parser is unsure of a part: open it) or failed. One bad file never stops the batch; it is "
    "listed as failed. Links to files outside the folder are not read (they are listed as skipped).\n\n"
    "Example: kehoach batch plans/ -o out/ --db province.sqlite\n\n"
    "Exit codes: 0 every file parsed; 1 some failed; 2 the folder or the database cannot be used."))
def batch(
    folder: Annotated[Path, typer.Argument(metavar=N_("FOLDER"), help=N_("Folder to walk recursively."))],
    out: Annotated[Path, typer.Option("--out", "-o", help=N_("Where Plans and reports go."))] = Path("kehoach-out"),
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help=N_("Format of the per-file Plans."))] = (
        OutputFormat.yaml),
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help=N_(
        "Worker processes (default: number of cores)."))] = os.cpu_count() or 1,
    glob: Annotated[
        str, typer.Option("--glob", help=N_("Comma-separated file patterns to pick up."))
    ] = ",".join(DEFAULT_GLOBS),
    force: Annotated[bool, typer.Option("--force", help=N_("Redo files whose Plan is already up to date."))] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    ocr: OcrOption = OcrChoice.auto,
    ocr_lang: OcrLangOption = "vie",
    ocr_dpi: OcrDpiOption = 300,
    xlsx: Annotated[Path | None, typer.Option(
        "--xlsx", help=N_("Write the workbook here instead of OUT/kehoach.xlsx."))] = None,
    db: Annotated[Path | None, typer.Option(
        "--db", help=N_("Also keep every Plan in this SQLite database (created if new; several periods "
                        "side by side; a re-run replaces, never duplicates)."))] = None,
    report: Annotated[bool, typer.Option(
        "--report", help=N_("Also write OUT/report.html, the province report (see 'kehoach report')."))] = False,
    against: AgainstOption = None,
) -> None:
    """Parse every plan under a folder (the help is in the decorator, translated)."""
    from kehoach.batch import scan_inputs
    from kehoach.export.store import open_store

    if not folder.is_dir():
        fail(_("{path}: no such folder").format(path=folder))
    globs = tuple(g.strip() for g in glob.split(",") if g.strip())
    found = scan_inputs(folder, globs)
    if not found[0] and not found[1]:  # a wrong folder, most likely: nothing is written
        fail(_("{path}: no file matching {patterns} in this folder or under it").format(
            path=folder, patterns=", ".join(globs)))
    parent = load_parent(against)
    with open_store(db) as store:
        _batch(folder, out, fmt, jobs, globs, found, force, max_mb, ocr, ocr_lang, ocr_dpi, xlsx, store, report,
               parent)


def _batch(folder: Path, out: Path, fmt: OutputFormat, jobs: int, globs: tuple[str, ...],
           found: tuple[list[Path], list[Path]], force: bool, max_mb: int,
           ocr: OcrChoice, ocr_lang: str, ocr_dpi: int, xlsx: Path | None, store: Store | None,
           report: bool = False, parent: Plan | None = None) -> None:
    from kehoach.batch import STATUSES, Row, records_of, run_batch, shown_name, write_reports
    from kehoach.export.records import status_label
    from kehoach.export.workbook import WorkbookBuilder

    builder = WorkbookBuilder()  # filled as the plans come in, written at the end
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    # A bar only on a terminal: redirected, standard error gets the summary lines alone.
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as progress:
        inputs, links_out = found
        task = progress.add_task(_("parsing"), total=len(inputs))

        def advance(row: Row) -> None:
            progress.update(task, advance=1, description=f"{status_label(row.status):>12} {row.file[-50:]}")

        rows = run_batch(folder, out, fmt=fmt.value, jobs=jobs, force=force, globs=globs,
                         max_bytes=max_mb * 1024 * 1024, progress=advance, inputs=inputs,
                         ocr=ocr.value, ocr_lang=ocr_lang, ocr_dpi=ocr_dpi, store=store,
                         in_order=lambda row: builder.add(records_of(row)), parent=parent)
    for link in links_out:
        console.print("  " + _("skipped: {file}: a link to a file outside the folder").format(file=shown_name(str(link))),
                      soft_wrap=True, markup=False)
    try:
        paths = write_reports(rows, out, workbook=xlsx, builder=builder)
        if report:
            from kehoach.files import write_output
            from kehoach.report import build_html

            paths["report.html"] = out / "report.html"
            write_output(paths["report.html"], build_html(out, shown_as=str(folder), parent=parent))
    except KehoachError as exc:
        fail(_("cannot write the reports: {reason}").format(reason=exc))
    failed = [r for r in rows if r.status == "failed"]
    counts = ", ".join(f"{sum(r.status == s for r in rows)} {status_label(s)}" for s in STATUSES)
    up_to_date = sum(r.up_to_date for r in rows)
    line = ngettext("{n} file: {counts}", "{n} files: {counts}", len(rows)).format(n=len(rows), counts=counts)
    if up_to_date:
        line += " " + _("({n} up to date, not parsed again)").format(n=up_to_date)
    console.print(line, markup=False)
    for row in rows:
        if row.status == "review":
            console.print(f"  {status_label('review')}: {row.file}: {row.review}", soft_wrap=True, markup=False)
    for row in failed:
        console.print(f"  {status_label('failed')}: {row.file}: {row.error}", soft_wrap=True, markup=False)
    where = _("workbook: {workbook}  summary: {summary}").format(workbook=paths["kehoach.xlsx"],
                                                                 summary=paths["summary.csv"])
    if store:
        where += "  " + _("database: {path}").format(path=store.path)
    if "report.html" in paths:
        where += "  " + _("report: {path}").format(path=paths["report.html"])
    console.print(where, soft_wrap=True, markup=False)
    if failed:
        raise typer.Exit(1)


class TaskFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@command(help=N_(
    "List tasks across a province's plans: what falls due when, who leads it.\n\n"
    "Examples: kehoach tasks out/ --due 2025-Q4; "
    "kehoach tasks --db province.sqlite --lead \"Phòng VH-XH\" --format csv > tasks.csv\n\n"
    "Exit codes: 0 listed (even none); 2 the source or a filter cannot be read."))
def tasks(
    source: Annotated[Path | None, typer.Argument(metavar=N_("SOURCE"), help=N_(
        "The --out folder of a kehoach batch (its tasks.csv), or a kehoach database."))] = None,
    db: Annotated[Path | None, typer.Option("--db", help=N_("Read the tasks from this kehoach database."))] = None,
    due: Annotated[str | None, typer.Option(
        "--due", help=N_("Tasks due in this period: 2026-Q1, 2026-H2, 2026-03, 2026 or 2026-01-01..2026-03-31 "
                         "(a task's span from start to deadline overlaps it)."))] = None,
    lead: Annotated[str | None, typer.Option(
        "--lead", help=N_("Lead agency, matched as words in any tone placement, abbreviations written out: "
                          "'Phòng VH-XH' finds 'Phòng Văn hóa - Xã hội'; typed without diacritics it matches "
                          "either way."))] = None,
    commune: Annotated[str | None, typer.Option("--commune", help=N_("Commune or unit, e.g. 'Hùng Thắng'."))] = None,
    area: Annotated[str | None, typer.Option(
        "--area", help=N_("Reform area: a code ({areas}) or words of its name."))] = None,
    period: Annotated[str | None, typer.Option(
        "--period", help=N_("Only plans of this period, words of it as printed, e.g. 'cuối năm 2025'."))] = None,
    recurring: Annotated[bool, typer.Option(
        "--recurring", help=N_("List recurring tasks ('Thường xuyên', 'Hằng năm'): with --due, besides the "
                               "dated ones."))] = False,
    fmt: Annotated[TaskFormat, typer.Option("--format", "-f", help=N_("table for people; csv or json for tools."))] = (
        TaskFormat.table),
) -> None:
    """List tasks across a province's plans (the help is in the decorator, translated)."""
    from kehoach.export.records import TASK_COLUMNS
    from kehoach.export.tables import csv_text
    from kehoach.query import area_code, load_tasks, parse_window, select
    from kehoach.reports import print_tasks
    from kehoach.writers import to_json

    if (source is None) == (db is None):
        fail(_("give a batch output folder or --db FILE (one of them)"))
    try:
        window = parse_window(due) if due else None
    except ValueError as exc:
        fail(f"--due: {exc}")
    code = area_code(area) if area else None
    if area and code is None:
        fail(_("--area: '{area}' is not a reform area; use one of {codes}").format(area=area, codes=", ".join(AREA_NAMES)))
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
