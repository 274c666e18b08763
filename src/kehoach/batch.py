"""Run over a whole folder: one Plan per file, a summary and an indicators matrix.

Files are parsed in worker processes. Each output is written atomically under
the output folder, mirroring the input folders. A re-run skips files whose
content hash matches the Plan already written (the Plan records its source's
sha256); `force` redoes them. One bad file never stops the batch.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import hashlib
import io
import json
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from kehoach.checks import validate
from kehoach.compare.against import PARENT_CODES, check_against
from kehoach.errors import KehoachError, OutputError
from kehoach.export.records import PlanRecords, failed_records, plan_records, status_of
from kehoach.export.store import Store
from kehoach.export.tables import companion_csvs
from kehoach.export.workbook import WorkbookBuilder, build_workbook
from kehoach.files import DEFAULT_GLOBS, DEFAULT_MAX_BYTES, is_temporary, read_input, write_output
from kehoach.i18n import _, language, set_language
from kehoach.parse.pipeline import parse_named
from kehoach.parse.readers.options import OcrMode, ReadOptions
from kehoach.planio import load_plan_file
from kehoach.schema import Plan
from kehoach.writers import render

SUMMARY_FIELDS = ("file", "status", "issuer", "locality", "period", "sections", "targets", "tasks", "findings",
                  "errors", "seconds", "error", "review", "up_to_date", "parent_findings")
_PR_SET_PDEATHSIG = 1  # Linux prctl option: a signal for the child when its parent dies
# Temporary files older than this in the output folder are leftovers of a killed run.
_STALE_SECONDS = 60
# What a file's status says: parsed and trusted, parsed but to be checked by hand, not parsed.
STATUSES = ("ok", "review", "failed")


@dataclass(slots=True)
class Row:
    """One line of the summary."""

    file: str
    status: str
    """ok, review (the parser is unsure of its reading: open the document) or failed."""
    issuer: str | None = None
    locality: str | None = None
    period: str | None = None
    sections: int = 0
    targets: int = 0
    tasks: int = 0
    findings: int = 0
    errors: int = 0
    seconds: float = 0.0
    error: str | None = None
    """Why the file failed."""
    review: str | None = None
    """Why the file is to be reviewed, '; '-separated."""
    up_to_date: bool = False
    """The Plan already written for the same bytes was kept (not parsed again)."""
    parent_findings: int | None = None
    """Findings against the parent plan (`--against`); None when there is none."""
    records: PlanRecords | None = None
    """The plan's rows for the workbook, the CSV companions and the database."""


def scan_inputs(folder: Path, globs: tuple[str, ...] = DEFAULT_GLOBS) -> tuple[list[Path], list[Path]]:
    """Input files under `folder`, recursively, in a stable order; and the links among them
    that lead out of the folder, which are not read (a batch reads what is in its folder)."""
    root = folder.resolve()
    inside: list[Path] = []
    outside: list[Path] = []
    for path in sorted({p for pattern in globs for p in folder.rglob(pattern) if p.is_file()}):
        (inside if path.resolve().is_relative_to(root) else outside).append(path)
    return inside, outside


def find_inputs(folder: Path, globs: tuple[str, ...] = DEFAULT_GLOBS) -> list[Path]:
    """Input files under `folder` (links out of it left out), recursively, in a stable order."""
    return scan_inputs(folder, globs)[0]


def shown_name(rel: str) -> str:
    """A file name as it can be printed and written to the summary: bytes that are not UTF-8
    (a name made on an old system) become '�' instead of breaking the summary."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# The plan the batch's plans implement (--against), set in each worker when it starts.
_PARENT: list[Plan] = []


def _row(rel: str, plan: Plan, seconds: float, up_to_date: bool = False, for_store: bool = False) -> Row:
    findings = validate(plan)
    checked = None
    if _PARENT:
        findings += check_against(plan, _PARENT[0])
        checked = PARENT_CODES
    status, review = status_of(plan)
    records = plan_records(shown_name(rel), plan, status, review, findings, for_store=for_store, parent_codes=checked)
    head = records.plan
    return Row(file=rel, status=status, review=review, up_to_date=up_to_date, issuer=plan.issuer,
               locality=plan.locality, period=plan.period.label if plan.period else None,
               sections=_count(head["sections"]), targets=len(plan.targets), tasks=len(plan.tasks),
               findings=len(findings), errors=_count(head["errors"]), seconds=round(seconds, 3),
               parent_findings=head["parent_findings"], records=records)  # type: ignore[arg-type]


def _set_parent(parent: Plan | None) -> None:
    _PARENT[:] = [parent] if parent is not None else []


def _count(value: object) -> int:
    return value if isinstance(value, int) else 0


def output_path(out: Path, rel: Path, fmt: str) -> Path:
    """Where the Plan of input `rel` goes: same folders, '.yaml' or '.json' appended."""
    return out / rel.parent / f"{rel.name}.{fmt}"


def _up_to_date(data: bytes, target: Path, fmt: str, ocr: str) -> Plan | None:
    """The Plan already written for these exact input bytes, if any, and whole: written again
    it gives the same text (a file cut short can still be a valid Plan, with fields missing).
    One with pages left unread for want of OCR is redone when OCR may now run."""
    if not target.exists():
        return None
    try:
        plan = load_plan_file(target)
        whole = render(plan, fmt) == target.read_text(encoding="utf-8")
    except (KehoachError, OSError, UnicodeDecodeError):
        return None
    if not whole or plan.language != language():  # its messages are in another language
        return None
    if ocr != "never" and plan.quality and any(p.source == "unread" for p in plan.quality.ocr_pages):
        return None
    return plan if plan.source and plan.source.sha256 == hashlib.sha256(data).hexdigest() else None


def process_one(source: str, rel: str, out: str, fmt: str, force: bool, max_bytes: int,
                options: ReadOptions | None = None, for_store: bool = False) -> Row:
    """Parse one file and write its Plan; never raises (runs in a worker process). `for_store`:
    the rows come back with the sections and the Plan's JSON, for the database."""
    started = time.perf_counter()
    target = output_path(Path(out), Path(rel), fmt)
    options = options or ReadOptions()
    try:
        data = read_input(Path(source), max_bytes)  # read once: hashed for the skip test, then parsed
        cached = None if force else _up_to_date(data, target, fmt, options.ocr)
        if cached is not None:
            return _row(rel, cached, time.perf_counter() - started, up_to_date=True, for_store=for_store)
        plan = parse_named(data, Path(source), options)
        write_output(target, render(plan, fmt))
        return _row(rel, plan, time.perf_counter() - started, for_store=for_store)
    except KehoachError as exc:
        return Row(file=rel, status="failed", error=shown_name(str(exc)), seconds=round(time.perf_counter() - started, 3))
    except Exception as exc:  # a parser bug must not stop the batch; it is reported as such
        return Row(file=rel, status="failed", error=shown_name(_("internal error: {kind}: {detail}").format(kind=type(exc).__name__, detail=exc)),
                   seconds=round(time.perf_counter() - started, 3))


def run_batch(folder: Path, out: Path, *, fmt: str = "yaml", jobs: int = 1, force: bool = False,
              globs: tuple[str, ...] = DEFAULT_GLOBS, max_bytes: int = DEFAULT_MAX_BYTES,
              progress: Callable[[Row], None] | None = None, inputs: list[Path] | None = None,
              ocr: OcrMode = "auto", ocr_lang: str = "vie", ocr_dpi: int = 300, store: Store | None = None,
              in_order: Callable[[Row], None] | None = None, parent: Plan | None = None) -> list[Row]:
    """Process every input under `folder` (or the given `inputs` in it); rows come back in input order.
    With `parent`, each plan is also checked against it (`kehoach.compare.against`).
    Files run in `jobs` processes; a file's OCR pages then run one at a time (the cores are busy).
    With a `store`, each parsed plan goes into the database as it comes in, in its own transaction;
    `in_order` gets each row in input order as soon as the rows before it are in (the workbook)."""
    inputs = find_inputs(folder, globs) if inputs is None else inputs
    options = ReadOptions(ocr=ocr, ocr_lang=ocr_lang, dpi=ocr_dpi, ocr_jobs=1 if jobs > 1 else 0)
    jobs_args = [(str(p), str(p.relative_to(folder)), str(out), fmt, force, max_bytes, options, store is not None)
                 for p in inputs]
    rows: dict[int, Row] = {}
    next_in_order = 0

    def done(index: int, row: Row) -> None:
        nonlocal next_in_order
        row.file = shown_name(row.file)
        if store is not None and row.records is not None:
            store.put(row.records)
            row.records.plan_json = None  # stored; not needed again (the sections go to sections.csv)
        rows[index] = row
        if progress:
            progress(row)
        while in_order is not None and next_in_order in rows:
            in_order(rows[next_in_order])
            next_in_order += 1

    _clean_temporary(out)
    if jobs <= 1:
        _set_parent(parent)
        try:
            for index, args in enumerate(jobs_args):
                done(index, process_one(*args))
        finally:
            _set_parent(None)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start,
                                   initargs=(os.getpid(), language(), parent))
        try:
            futures = {pool.submit(process_one, *args): index for index, args in enumerate(jobs_args)}
            for future in as_completed(futures):
                done(futures[future], future.result())
        finally:  # on Ctrl-C the queued files are dropped; the workers got the signal too
            pool.shutdown(wait=True, cancel_futures=True)
    return [rows[index] for index in range(len(jobs_args))]


def _worker_start(parent: int, lang: str, against: Plan | None = None) -> None:
    """A worker speaks the batch's language (a worker started afresh, not forked, would take
    the environment's); and it ends with the batch that started it, even one killed outright
    (kill -9), so it never writes Plans for a batch nobody runs any more. `against`: the plan
    the batch's plans implement."""
    set_language(lang)
    _set_parent(against)
    with contextlib.suppress(OSError, AttributeError):  # Linux: the kernel kills us with the parent
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)

    def watch() -> None:  # elsewhere: look once a second
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def _clean_temporary(out: Path) -> None:
    """Temporary files left in the output folder by a run that was killed while writing."""
    if not out.is_dir():
        return
    limit = time.time() - _STALE_SECONDS
    for path in out.rglob(".kehoach-*.tmp"):
        with contextlib.suppress(OSError):
            if is_temporary(path.name) and path.stat().st_mtime < limit:
                path.unlink()


def records_of(row: Row) -> PlanRecords:
    """A row's records, or the summary line of a file that failed."""
    return row.records or failed_records(row.file, row.error or "")


def write_reports(rows: list[Row], out: Path, workbook: Path | None = None, with_workbook: bool = True,
                  builder: WorkbookBuilder | None = None) -> dict[str, Path]:
    """summary.csv, summary.json, the CSV companions (targets, tasks, findings, indicators) and
    the workbook (`out`/kehoach.xlsx unless `workbook` says where; from `builder` when the batch
    fed one as it went). Each is written on its own: one that cannot be written spares the
    others, then all the faults are said at once."""
    records = [records_of(r) for r in rows]
    texts: dict[str, str | bytes] = {
        "summary.csv": "\ufeff" + _summary_csv(rows),
        "summary.json": json.dumps([{f: getattr(r, f) for f in SUMMARY_FIELDS} for r in rows],
                                   ensure_ascii=False, indent=2) + "\n",
        **companion_csvs(records),
    }
    paths = {name: out / name for name in texts}
    if with_workbook:
        paths["kehoach.xlsx"] = workbook or out / "kehoach.xlsx"
    problems: list[str] = []
    for name, path in paths.items():
        try:
            write_output(path, texts[name] if name in texts else builder.finish() if builder else build_workbook(records))
        except OutputError as exc:
            problems.append(str(exc))
    if problems:
        raise OutputError("; ".join(problems) + " " + _("(the Plans themselves were written)"))
    return paths


def _summary_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SUMMARY_FIELDS)
    writer.writerows([getattr(r, f) for f in SUMMARY_FIELDS] for r in rows)
    return buffer.getvalue()
