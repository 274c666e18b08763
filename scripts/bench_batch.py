"""Benchmark a province's batch: the speed-up of `--jobs 2` over `--jobs 1`, and what writing the
workbook and the SQLite database adds to a batch.

    .venv/bin/python scripts/bench_batch.py [--plans 200] [--rounds 3]

Every run happens in this process, on the same folder, with --force, so the ratios compare
like with like; the rounds with and without the workbook and database are taken in turns, so a
busy spell on the machine slows both. It is a benchmark, not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from province import build_province  # noqa: E402

from kehoach.batch import records_of, run_batch, write_reports  # noqa: E402
from kehoach.export.store import Store  # noqa: E402
from kehoach.export.workbook import WorkbookBuilder  # noqa: E402


def _cpu() -> float:
    """Processor seconds used so far by this process and its finished workers."""
    return sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for field in ("ru_utime", "ru_stime"))


def _batch(folder: Path, out: Path, jobs: int, db: Path | None) -> tuple[float, float, int]:
    """Seconds and processor seconds for one whole batch (parse, Plans, reports; workbook and
    database when `db`)."""
    started, cpu = time.perf_counter(), _cpu()
    if db is None:
        rows = run_batch(folder, out, jobs=jobs, force=True)
        write_reports(rows, out, with_workbook=False)
    else:
        db.unlink(missing_ok=True)  # a new database each time: every plan is written
        builder = WorkbookBuilder()  # as `kehoach batch` does: fed while the files are parsed
        with Store(db) as store:
            rows = run_batch(folder, out, jobs=jobs, force=True, store=store,
                             in_order=lambda row: builder.add(records_of(row)))
        write_reports(rows, out, builder=builder)
    return time.perf_counter() - started, _cpu() - cpu, sum(r.status == "failed" for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out, db = Path(tmp) / "province", Path(tmp) / "out", Path(tmp) / "province.sqlite"
        good, broken = build_province(folder, args.plans)
        _batch(folder, out, 1, db)  # warm-up: imports, disk cache, the database's tables
        names = ("jobs 1", "jobs 2", "jobs 2 + workbook + database")
        times: dict[str, list[float]] = {name: [] for name in names}
        cpus: dict[str, list[float]] = {name: [] for name in names}
        for _ in range(args.rounds):
            for name, jobs, store in zip(names, (1, 2, 2), (None, None, db), strict=True):
                seconds, cpu, failed = _batch(folder, out, jobs, store)
                times[name].append(seconds)
                cpus[name].append(cpu)
        for name, values in times.items():
            print(f"--{name}: median {statistics.median(values):.2f} s of {args.rounds} "
                  f"({', '.join(f'{v:.2f}' for v in values)}), processor {statistics.median(cpus[name]):.2f} s, "
                  f"for {good + broken} files ({failed} failed)")
    median = {name: statistics.median(values) for name, values in times.items()}
    best = {name: min(values) for name, values in times.items()}
    cpu = {name: statistics.median(values) for name, values in cpus.items()}
    print(f"cores: {os.cpu_count()}  load while it ran (1 min): {os.getloadavg()[0]:.2f}")
    print(f"speed-up --jobs 2 over --jobs 1: {median['jobs 1'] / median['jobs 2']:.2f}x")
    with_all = "jobs 2 + workbook + database"
    # Each round's two --jobs 2 runs follow each other: their ratio cancels the machine's slow drifts.
    paired = statistics.median(b / a for a, b in zip(times["jobs 2"], times[with_all], strict=True))
    print(f"workbook + database add to a --jobs 2 batch: {100 * (paired - 1):+.1f}% (median of the rounds' ratios), "
          f"{100 * (median[with_all] / median['jobs 2'] - 1):+.1f}% (medians), "
          f"{100 * (best[with_all] / best['jobs 2'] - 1):+.1f}% (best runs), "
          f"{100 * (cpu[with_all] / cpu['jobs 2'] - 1):+.1f}% processor time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
