"""Run over a whole folder: one Plan per file, a summary and an indicators matrix.

Files are parsed in worker processes. Each output is written atomically under
the output folder, mirroring the input folders. A re-run skips files whose
content hash matches the Plan already written (the Plan records its source's
sha256); `force` redoes them. One bad file never stops the batch.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kehoach.checks import validate
from kehoach.diff import commitment
from kehoach.errors import KehoachError
from kehoach.files import DEFAULT_MAX_BYTES, read_input, write_output
from kehoach.parse.extract.classify import INDICATOR_NAMES
from kehoach.parse.pipeline import parse_named
from kehoach.parse.readers.options import OcrMode, ReadOptions
from kehoach.parse.structure.tree import walk
from kehoach.planio import load_plan_file
from kehoach.schema import Plan
from kehoach.writers import render

DEFAULT_GLOBS = ("*.txt", "*.docx", "*.pdf", "*.doc")
SUMMARY_FIELDS = ("file", "status", "issuer", "locality", "period", "sections", "targets", "tasks", "findings",
                  "errors", "seconds", "error", "review", "up_to_date")
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
    indicators: dict[str, str] = field(default_factory=dict)


def find_inputs(folder: Path, globs: tuple[str, ...] = DEFAULT_GLOBS) -> list[Path]:
    """Input files under `folder`, recursively, in a stable order."""
    found = {p for pattern in globs for p in folder.rglob(pattern) if p.is_file()}
    return sorted(found)


def _count_sections(plan: Plan) -> int:
    return len(walk(plan.sections))


def _row(rel: str, plan: Plan, seconds: float, up_to_date: bool = False) -> Row:
    findings = validate(plan)
    reasons = plan.quality.reasons if plan.quality else []
    indicators: dict[str, list[str]] = {}
    for t in plan.targets:
        if t.indicator:
            indicators.setdefault(t.indicator, []).append(commitment(t))
    return Row(file=rel, status="review" if reasons else "ok", review="; ".join(reasons) or None, up_to_date=up_to_date,
               issuer=plan.issuer, locality=plan.locality,
               period=plan.period.label if plan.period else None, sections=_count_sections(plan),
               targets=len(plan.targets), tasks=len(plan.tasks), findings=len(findings),
               errors=sum(f.severity == "error" for f in findings), seconds=round(seconds, 3),
               indicators={k: "; ".join(v) for k, v in indicators.items()})


def output_path(out: Path, rel: Path, fmt: str) -> Path:
    """Where the Plan of input `rel` goes: same folders, '.yaml' or '.json' appended."""
    return out / rel.parent / f"{rel.name}.{fmt}"


def _up_to_date(data: bytes, target: Path, ocr: str) -> Plan | None:
    """The Plan already written for these exact input bytes, if any (one with pages left
    unread for want of OCR is redone when OCR may now run)."""
    if not target.exists():
        return None
    try:
        plan = load_plan_file(target)
    except KehoachError:
        return None
    if ocr != "never" and plan.quality and any(p.source == "unread" for p in plan.quality.ocr_pages):
        return None
    return plan if plan.source and plan.source.sha256 == hashlib.sha256(data).hexdigest() else None


def process_one(source: str, rel: str, out: str, fmt: str, force: bool, max_bytes: int,
                options: ReadOptions | None = None) -> Row:
    """Parse one file and write its Plan; never raises (runs in a worker process)."""
    started = time.perf_counter()
    target = output_path(Path(out), Path(rel), fmt)
    options = options or ReadOptions()
    try:
        data = read_input(Path(source), max_bytes)  # read once: hashed for the skip test, then parsed
        cached = None if force else _up_to_date(data, target, options.ocr)
        if cached is not None:
            return _row(rel, cached, time.perf_counter() - started, up_to_date=True)
        plan = parse_named(data, Path(source), options)
        write_output(target, render(plan, fmt))
        return _row(rel, plan, time.perf_counter() - started)
    except KehoachError as exc:
        return Row(file=rel, status="failed", error=str(exc), seconds=round(time.perf_counter() - started, 3))
    except Exception as exc:  # a parser bug must not stop the batch; it is reported as such
        return Row(file=rel, status="failed", error=f"internal error: {type(exc).__name__}: {exc}",
                   seconds=round(time.perf_counter() - started, 3))


def run_batch(folder: Path, out: Path, *, fmt: str = "yaml", jobs: int = 1, force: bool = False,
              globs: tuple[str, ...] = DEFAULT_GLOBS, max_bytes: int = DEFAULT_MAX_BYTES,
              progress: Callable[[Row], None] | None = None, inputs: list[Path] | None = None,
              ocr: OcrMode = "auto", ocr_lang: str = "vie", ocr_dpi: int = 300) -> list[Row]:
    """Process every input under `folder` (or the given `inputs` in it); rows come back in input order.
    Files run in `jobs` processes; a file's OCR pages then run one at a time (the cores are busy)."""
    inputs = find_inputs(folder, globs) if inputs is None else inputs
    options = ReadOptions(ocr=ocr, ocr_lang=ocr_lang, dpi=ocr_dpi, ocr_jobs=1 if jobs > 1 else 0)
    jobs_args = [(str(p), str(p.relative_to(folder)), str(out), fmt, force, max_bytes, options) for p in inputs]
    rows: dict[str, Row] = {}
    if jobs <= 1:
        for args in jobs_args:
            row = process_one(*args)
            rows[row.file] = row
            if progress:
                progress(row)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(process_one, *args) for args in jobs_args]
            for future in as_completed(futures):
                row = future.result()
                rows[row.file] = row
                if progress:
                    progress(row)
    return [rows[str(p.relative_to(folder))] for p in inputs]


def _csv(header: list[str], lines: Iterator[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(lines)
    return buffer.getvalue()


def write_reports(rows: list[Row], out: Path) -> dict[str, Path]:
    """summary.csv, summary.json and indicators.csv in `out` (UTF-8 with BOM for spreadsheets)."""
    paths = {"summary_csv": out / "summary.csv", "summary_json": out / "summary.json", "matrix": out / "indicators.csv"}
    summary = _csv(list(SUMMARY_FIELDS), ([getattr(r, f) for f in SUMMARY_FIELDS] for r in rows))
    write_output(paths["summary_csv"], "\ufeff" + summary)
    records = [{k: v for k, v in asdict(r).items() if k != "indicators"} for r in rows]
    write_output(paths["summary_json"], json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    codes = list(INDICATOR_NAMES)
    header = ["file", "issuer", "locality", *[f"{code} ({INDICATOR_NAMES[code]})" for code in codes]]
    plans = [r for r in rows if r.status != "failed"]
    matrix = _csv(header, ([r.file, r.issuer, r.locality, *[r.indicators.get(c, "") for c in codes]] for r in plans))
    write_output(paths["matrix"], "\ufeff" + matrix)
    return paths
