"""Command line: a thin layer over kehoach.parse and kehoach.writers."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kehoach import __version__
from kehoach.batch import DEFAULT_GLOBS, STATUSES, Row, run_batch, scan_inputs, shown_name, write_reports
from kehoach.checks import validate as run_checks
from kehoach.diff import diff_plans
from kehoach.errors import KehoachError
from kehoach.files import DEFAULT_MAX_BYTES, describe, write_output, write_stdout
from kehoach.parse.pipeline import parse_file
from kehoach.planio import load_plan
from kehoach.reading import OcrChoice, OcrDpiOption, OcrLangOption, OcrOption, reading
from kehoach.reports import diff_markdown, print_diff, print_findings
from kehoach.schema import Finding, Plan
from kehoach.writers import render, to_json

app = typer.Typer(
    name="kehoach",
    help=(
        "Turn Vietnamese plan documents (Kế hoạch, above all commune plans for administrative "
        "reform) into validated structured data.\n\n"
        "Example: kehoach parse samples/000_e3b5f0d1f2c6f809.txt --format yaml"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    yaml = "yaml"
    json = "json"


def fail(message: str, code: int = 2) -> NoReturn:
    """One clear line on stderr, then exit."""
    typer.echo(f"kehoach: error: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn Vietnamese plan documents into validated structured data."""


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(
        help="Plan document: .txt, .docx, .pdf, or .doc when LibreOffice is installed (detected from content).")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.yaml,
    max_mb: Annotated[int, typer.Option("--max-mb", help="Refuse inputs larger than this many MB.")] = (
        DEFAULT_MAX_BYTES // (1024 * 1024)
    ),
    ocr: OcrOption = OcrChoice.auto,
    ocr_lang: OcrLangOption = "vie",
    ocr_dpi: OcrDpiOption = 300,
) -> None:
    """Parse one plan into a Plan (YAML by default, or JSON).

    The Plan holds the metadata (issuer, number, date, title, period, signer,
    legal bases, recipients), the numbered sections as a tree, every quantified
    target, the appendix tasks and findings about odd numbering.

    Text typed in the legacy TCVN3 (.VnTime) or VNI fonts, or saved as
    Windows-1258, is converted to Unicode and reported as a finding.

    Scanned PDFs, pages carrying only a signature stamp and garbled text layers
    are read by OCR (Tesseract, Vietnamese); the Plan's quality record lists
    those pages with OCR's confidence. Example: kehoach parse scan.pdf --ocr auto

    Exit codes: 0 parsed; 2 the input cannot be read (one line on stderr says why:
    empty, damaged, encrypted, needs OCR that is off or not installed, too large, ...).
    """
    try:
        with reading(ocr, ocr_lang, ocr_dpi) as options:
            plan = parse_file(file, max_bytes=max_mb * 1024 * 1024, options=options)
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)
    text = render(plan, fmt.value)
    try:
        if output is None or str(output) == "-":
            write_stdout(text)
        else:
            write_output(output, text, inputs=[file])
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Documents (.txt/.docx/.pdf/.doc) or Plan files (.yaml/.json).")],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table for people, json for tools.")] = (
        ReportFormat.table
    ),
    ocr: OcrOption = OcrChoice.auto,
    ocr_lang: OcrLangOption = "vie",
    ocr_dpi: OcrDpiOption = 300,
) -> None:
    """Check plans and list what is wrong or missing.

    Each finding has a code, a severity, a message and where it is (section
    path, task, line or page). Codes: numbering-duplicate, numbering-gap,
    numbering-order, numbering-latin-letter, missing-issuer, missing-date,
    missing-title, missing-signer, missing-recipients, task-count-mismatch,
    appendix-missing, target-over-100, target-range-inverted, task-no-lead,
    task-no-time, task-outside-period, targets-section-empty.

    Severity 'review' means the parser is unsure of its own reading, not that
    the document is wrong: open the document and check that part. Codes:
    unread-front, unread-issuer, unread-numbering, unread-closing,
    unread-task-table, guessed-task-cells, low-coverage, task-columns-suspect,
    unread-pages, low-ocr-confidence.

    Exit codes: 0 no errors (plans to review included); 1 some plan has errors;
    2 a file cannot be read.
    """
    results: dict[str, list[Finding]] = {}
    unreadable = False
    with reading(ocr, ocr_lang, ocr_dpi) as options:
        for path in files:
            try:
                results[str(path)] = run_checks(load_plan(path, options=options))
            except KehoachError as exc:
                typer.echo(f"kehoach: error: {exc}", err=True)
                unreadable = True
    if fmt is ReportFormat.json:
        write_stdout(to_json({name: [f.model_dump(mode="json") for f in found] for name, found in results.items()}))
    else:
        print_findings(results)
    if unreadable:
        raise typer.Exit(2)
    if any(f.severity == "error" for found in results.values() for f in found):
        raise typer.Exit(1)


class DiffFormat(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"
    markdown = "markdown"


@app.command()
def diff(
    a: Annotated[Path, typer.Argument(help="First plan: a document or a Plan file.")],
    b: Annotated[Path, typer.Argument(help="Second plan: a document or a Plan file.")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="table, json, yaml or markdown.")] = DiffFormat.table,
) -> None:
    """Compare two plans: two communes' plans, or two versions of one plan.

    Shows metadata side by side, sections aligned by reform area, targets
    aligned by indicator (value A against value B, and which is stricter), and
    tasks matched by content (added, removed, changed lead, time or product).

    Exit codes: 0 compared (whether or not they differ); 2 a file cannot be read.
    """
    try:
        plan_a, plan_b = load_plan(a), load_plan(b)
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)
    result = diff_plans(plan_a, plan_b)
    if fmt is DiffFormat.table:
        print_diff(result)
    elif fmt is DiffFormat.markdown:
        write_stdout(diff_markdown(result))
    else:
        write_stdout(render(result, fmt.value))


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
    max_mb: Annotated[int, typer.Option("--max-mb", help="Refuse inputs larger than this many MB.")] = (
        DEFAULT_MAX_BYTES // (1024 * 1024)
    ),
    ocr: OcrOption = OcrChoice.auto,
    ocr_lang: OcrLangOption = "vie",
    ocr_dpi: OcrDpiOption = 300,
) -> None:
    """Parse every plan under a folder, for a whole province at once.

    Writes one Plan per file under --out (mirroring the folders, written
    atomically), then summary.csv / summary.json (file, status, issuer,
    locality, period, counts, seconds, error, review, up_to_date) and
    indicators.csv: one row per
    plan, one column per indicator, ready for a spreadsheet. A re-run skips
    files whose Plan is up to date (same content hash). Each file is ok,
    review (parsed, but the parser is unsure of a part: open it) or failed.
    One bad file never stops the batch; it is listed as failed. Links to files
    outside the folder are not read (they are listed as skipped).

    Exit codes: 0 every file parsed; 1 some failed; 2 the folder cannot be read.
    """
    if not folder.is_dir():
        fail(f"{folder}: no such folder")
    globs = tuple(g.strip() for g in glob.split(",") if g.strip())
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
                         ocr=ocr.value, ocr_lang=ocr_lang, ocr_dpi=ocr_dpi)
    for link in links_out:
        console.print(f"  skipped: {shown_name(str(link))}: a link to a file outside the folder",
                      soft_wrap=True, markup=False)
    try:
        paths = write_reports(rows, out)
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
    console.print(f"summary: {paths['summary_csv']}  matrix: {paths['matrix']}")
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Plan model."""
    write_stdout(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


def _utf8_streams() -> None:
    """Vietnamese goes out as UTF-8 whatever the locale says (LC_ALL=C, PYTHONIOENCODING=ascii):
    a wrong character set would otherwise end the run with an encoding error."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _silence_stdout() -> None:
    """After a write to standard output failed, the interpreter's final flush must not fail again."""
    with contextlib.suppress(OSError, ValueError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives until exit)


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which the command-line library would catch and print
    as a bare line; cleanup (temporary files) still runs as it goes up."""


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def main() -> None:
    """Entry point of the `kehoach` console script: no traceback ever reaches the user."""
    _utf8_streams()
    signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except KehoachError as exc:
        typer.echo(f"kehoach: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except (Interrupted, KeyboardInterrupt):
        typer.echo("kehoach: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # the reader went away ('kehoach parse x | head'): nothing to say
        _silence_stdout()
        sys.exit(0)
    except OSError as exc:  # writing the report to standard output or the terminal failed
        _silence_stdout()
        typer.echo(f"kehoach: error: {exc.filename or 'standard output'}: cannot write ({describe(exc)})", err=True)
        sys.exit(2)
    except Exception as exc:  # a bug: still one line, and a distinct exit code
        typer.echo(f"kehoach: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(3)
