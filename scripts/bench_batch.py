"""Benchmark: speed-up of `kehoach batch --jobs 2` over `--jobs 1` on a 200-plan folder.

    .venv/bin/python scripts/bench_batch.py [--plans 200]

Both runs happen in this process, on the same folder, with --force, so the
ratio compares like with like. It is a benchmark, not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from province import build_province  # noqa: E402

from kehoach.batch import run_batch  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "province", Path(tmp) / "out"
        good, broken = build_province(folder, args.plans)
        run_batch(folder, out, jobs=1, force=True)  # warm-up: imports, disk cache
        times = {}
        for jobs in (1, 2):
            started = time.perf_counter()
            rows = run_batch(folder, out, jobs=jobs, force=True)
            times[jobs] = time.perf_counter() - started
            failed = sum(r.status == "failed" for r in rows)
            print(f"--jobs {jobs}: {times[jobs]:.2f} s for {len(rows)} files ({good} plans, {failed} failed)")
    print(f"cores: {os.cpu_count()}  speed-up --jobs 2 over --jobs 1: {times[1] / times[2]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
