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
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from province import build_province  # noqa: E402

from kehoach.batch import run_batch, write_reports  # noqa: E402
from kehoach.export.store import Store  # noqa: E402


def _batch(folder: Path, out: Path, jobs: int, db: Path | None) -> tuple[float, int]:
    """Seconds for one whole batch (parse, Plans, reports; workbook and database when `db`)."""
    started = time.perf_counter()
    if db is None:
        rows = run_batch(folder, out, jobs=jobs, force=True)
        write_reports(rows, out, with_workbook=False)
    else:
        with Store(db) as store:
            rows = run_batch(folder, out, jobs=jobs, force=True, store=store)
        write_reports(rows, out)
    return time.perf_counter() - started, sum(r.status == "failed" for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out, db = Path(tmp) / "province", Path(tmp) / "out", Path(tmp) / "province.sqlite"
        good, broken = build_province(folder, args.plans)
        _batch(folder, out, 1, db)  # warm-up: imports, disk cache, the database's tables
        times: dict[str, list[float]] = {"jobs 1": [], "jobs 2": [], "jobs 2 + workbook + database": []}
        for _ in range(args.rounds):
            for name, jobs, store in (("jobs 1", 1, None), ("jobs 2", 2, None), ("jobs 2 + workbook + database", 2, db)):
                seconds, failed = _batch(folder, out, jobs, store)
                times[name].append(seconds)
        for name, values in times.items():
            print(f"--{name}: median {statistics.median(values):.2f} s of {args.rounds} "
                  f"({', '.join(f'{v:.2f}' for v in values)}) for {good + broken} files ({failed} failed)")
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.2f}")
    print(f"speed-up --jobs 2 over --jobs 1: {median['jobs 1'] / median['jobs 2']:.2f}x")
    extra = median["jobs 2 + workbook + database"] / median["jobs 2"] - 1
    print(f"workbook + database add {100 * extra:+.1f}% to a --jobs 2 batch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
