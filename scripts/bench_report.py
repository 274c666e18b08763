"""How long `kehoach report` takes on a province (the 200-plan folder of scripts/province.py),
against the start-up of the same program (`kehoach --version`) in the same run, and how large
the page is.

    .venv/bin/python scripts/bench_report.py [--rounds 5]

Rounds alternate the two commands; the medians and their ratio are printed with the machine's
load, so a busy machine shows in the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_floor import KEHOACH, timed  # noqa: E402
from province import build_province  # noqa: E402


def _timed(args: list[str]) -> float:
    return timed([*KEHOACH, *args], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--plans", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out, page = Path(tmp) / "in", Path(tmp) / "out", Path(tmp) / "report.html"
        good, broken = build_province(folder, args.plans)
        subprocess.run([*KEHOACH, "batch", str(folder), "-o", str(out)], capture_output=True)
        start_up, report = [], []
        for _ in range(args.rounds):
            start_up.append(_timed(["--version"]))
            report.append(_timed(["report", str(out), "-o", str(page)]))
        load = os.getloadavg()[0]
        size = page.stat().st_size
    base, median = statistics.median(start_up), statistics.median(report)
    print(f"{good} plans + {broken} broken files, {args.rounds} rounds, load {load:.2f}")
    print(f"kehoach --version          median {base:.2f} s")
    print(f"kehoach report             median {median:.2f} s  ({median / base:.1f}x start-up; "
          f"runs {', '.join(f'{t:.2f}' for t in report)})")
    print(f"report.html                {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
