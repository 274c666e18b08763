"""Commands on one document or Plan: parse, validate, diff, schema.

What only one command uses (the comparison of plans, the rich tables) is imported in that
command, so that `kehoach parse` starts without it."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kehoach.checks import validate as run_checks
from kehoach.commands.common import (
    DEFAULT_MAX_MB,
    AgainstOption,
    MaxMbOption,
    OutputFormat,
    command,
    error_line,
    fail,
    load_parent,
)
from kehoach.errors import KehoachError
from kehoach.files import write_output, write_stdout
from kehoach.i18n import N_, _, ngettext
from kehoach.parse.pipeline import parse_file
from kehoach.planio import load_plan
from kehoach.reading import OcrChoice, OcrDpiOption, OcrLangOption, OcrOption, reading
from kehoach.schema import Finding, Plan
from kehoach.writers import render, to_json


@command(help=N_(
    "Parse one plan into a Plan (YAML by default, or JSON).\n\n"
    "The Plan holds the metadata (issuer, number, date, title, period, signer, legal bases, recipients), "
    "the numbered sections as a tree, every quantified target, the appendix tasks and findings about "
    "odd numbering.\n\n"
    "Text typed in the legacy TCVN3 (.VnTime) or VNI fonts, or saved as Windows-1258, is converted to "
    "Unicode and reported as a finding.\n\n"
    "Scanned PDFs, pages carrying only a signature stamp and garbled text layers are read by OCR "
    "(Tesseract, Vietnamese); the Plan's quality record lists those pages with OCR's confidence. "
    "Example: kehoach parse scan.pdf --ocr auto\n\n"
    "Exit codes: 0 parsed; 2 the input cannot be read (one line on stderr says why: empty, damaged, "
    "encrypted, needs OCR that is off or not installed, too large, ...)."))
def parse(
    file: Annotated[Path, typer.Argument(metavar=N_("FILE"), help=N_(
        "Plan document: .txt, .docx, .pdf, or .doc when LibreOffice is installed (detected from content)."))],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=N_("Write here instead of standard output."))
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help=N_("Output format."))] = OutputFormat.yaml,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    ocr: OcrOption = OcrChoice.auto,
    ocr_lang: OcrLangOption = "vie",
    ocr_dpi: OcrDpiOption = 300,
    db: Annotated[Path | None, typer.Option(
        "--db", help=N_("Keep the Plan in this SQLite database (see 'kehoach batch --db'); without --output, "
                        "nothing is printed but one line saying so."))] = None,
) -> None:
    """Parse one plan into a Plan (the help is in the decorator, translated)."""
    try:
        with reading(ocr, ocr_lang, ocr_dpi) as options:
            plan = parse_file(file, max_bytes=max_mb * 1024 * 1024, options=options)
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)
    text = render(plan, fmt.value)
    try:
        if db is not None:
            _store(file, plan, db)
        if output is not None and str(output) != "-":
            write_output(output, text, inputs=[file])
        elif output is not None or db is None:
            write_stdout(text)
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)


def _store(file: Path, plan: Plan, db: Path) -> None:
    from kehoach.export.records import plan_records, status_of
    from kehoach.export.store import Store

    records = plan_records(str(file), plan, *status_of(plan), run_checks(plan), for_store=True)
    with Store(db) as store:
        store.put(records)
    counts = ngettext("{n} task", "{n} tasks", len(plan.tasks)).format(n=len(plan.tasks)) + ", " + ngettext(
        "{n} target", "{n} targets", len(plan.targets)).format(n=len(plan.targets))
    typer.echo(_("stored: {file} in {db} ({counts})").format(file=file, db=db, counts=counts), err=True)


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


@command(help=N_(
    "Check plans and list what is wrong or missing.\n\n"
    "Each finding has a code, a severity, a message and where it is (section path, task, line or page). "
    "Codes: numbering-duplicate, numbering-gap, numbering-order, numbering-latin-letter, missing-issuer, "
    "missing-date, missing-title, missing-signer, missing-recipients, task-count-mismatch, appendix-missing, "
    "target-over-100, target-range-inverted, task-no-lead, task-no-time, task-outside-period, "
    "targets-section-empty; as information, numbering-restored (an item whose number OCR misread, taken "
    "from its place).\n\n"
    "Severity 'review' means the parser is unsure of its own reading, not that the document is wrong: "
    "open the document and check that part. Codes: unread-front, unread-issuer, unread-numbering, "
    "unread-closing, unread-task-table, guessed-task-cells, low-coverage, task-columns-suspect, "
    "unread-pages, low-ocr-confidence.\n\n"
    "With --against PARENT, also: target-weaker-than-parent, target-missing-from-parent, area-missing, "
    "parent-task-not-taken-up, deadline-later-than-parent, parent-targets-later (the parent's targets for a year "
    "after the plan's period, not checked), parent-not-cited (the plan's bases do not cite the parent). Example: kehoach validate xa-*.docx --against kh-tinh.docx\n\n"
    "Exit codes: 0 no errors (plans to review included); 1 some plan has errors; 2 a file cannot be read."))
def validate(
    files: Annotated[list[Path], typer.Argument(metavar=N_("FILE..."), help=N_(
        "Documents (.txt/.docx/.pdf/.doc) or Plan files (.yaml/.json)."))],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help=N_("table for people, json for tools."))] = (
        ReportFormat.table
    ),
    ocr: OcrOption = OcrChoice.auto,
    ocr_lang: OcrLangOption = "vie",
    ocr_dpi: OcrDpiOption = 300,
    against: AgainstOption = None,
) -> None:
    """Check plans (the help is in the decorator, translated)."""
    from kehoach.compare.against import check_against
    from kehoach.reports import print_findings

    results: dict[str, list[Finding]] = {}
    unreadable = False
    with reading(ocr, ocr_lang, ocr_dpi) as options:
        parent = load_parent(against, options)
        for path in files:
            try:
                plan = load_plan(path, options=options)
                results[str(path)] = run_checks(plan) + (check_against(plan, parent) if parent else [])
            except KehoachError as exc:
                typer.echo(error_line(str(exc)), err=True)
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


@command(help=N_(
    "Compare two plans: two communes' plans, or two versions of one plan.\n\n"
    "Shows metadata side by side, sections aligned by reform area, targets aligned by indicator (value A "
    "against value B, and which is stricter), and tasks matched by content (added, removed, changed lead, "
    "time or product). The headings name each side by its unit, or, for two versions of one issuer's plan, "
    "by its date or file name.\n\n"
    "Exit codes: 0 compared (whether or not they differ); 2 a file cannot be read."))
def diff(
    a: Annotated[Path, typer.Argument(metavar="A", help=N_("First plan: a document or a Plan file."))],
    b: Annotated[Path, typer.Argument(metavar="B", help=N_("Second plan: a document or a Plan file."))],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help=N_("table, json, yaml or markdown."))] = (
        DiffFormat.table),
    only_changes: Annotated[bool, typer.Option(
        "--changes-only", help=N_("Leave out what both plans share (same metadata, targets, tasks)."))] = False,
) -> None:
    """Compare two plans (the help is in the decorator, translated)."""
    from kehoach.compare.diff import changes_only, diff_plans
    from kehoach.reports import diff_markdown, print_diff

    try:
        plan_a, plan_b = load_plan(a), load_plan(b)
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)
    result = diff_plans(plan_a, plan_b)
    if only_changes:
        result = changes_only(result)
    if fmt is DiffFormat.table:
        print_diff(result)
    elif fmt is DiffFormat.markdown:
        write_stdout(diff_markdown(result))
    else:
        write_stdout(render(result, fmt.value))


@command(help=N_("Print the JSON Schema of the Plan model."))
def schema() -> None:
    """Print the JSON Schema of the Plan model."""
    from kehoach.schema.docs import json_schema

    write_stdout(json.dumps(json_schema(Plan), ensure_ascii=False, indent=2) + "\n")
