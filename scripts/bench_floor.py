"""The floors scripts/bench.py measures kehoach against, each in the same run as kehoach:

- PDFium's own text and paths of every page: what any PDF reader built on it must read; and
  the same with each word's box asked as kehoach's word reader asks it (what a reader that
  places words must also ask);
- writing the same Plans as YAML with PyYAML's pure-Python emitter, with libyaml's, with
  kehoach's own writer, and as JSON;
- the start-up of a Python process that imports pydantic and yaml, and of the least a typer
  program with pydantic models does, against a whole `kehoach parse` of a sample;
- a batch's cost per file over the 200-plan folder of scripts/province.py, one and two jobs.

Each pair of measures takes turns round by round (a busy spell on a shared machine slows
both), and the figures are medians or bests as said; the load is printed with them.
"""

from __future__ import annotations

import ctypes
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import yaml

ROOT = Path(__file__).resolve().parent.parent
KEHOACH = [sys.executable, "-c", "from kehoach.cli import main; main()"]


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes)."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def pdfium_text_and_paths(data: bytes, word_boxes: bool = False) -> int:
    """Every page's text (one call for the whole page) and the bounds of its path objects (the
    ruling lines a table reader needs): the least a PDF reader on PDFium does. With
    `word_boxes`, also each word's box as kehoach asks for it: the first and last characters'
    origins and the last one's loose box (bare calls, no Python word objects). Returns pages."""
    from kehoach.parse.readers.pdf.pdfium_calls import CHAR_ORIGIN, LOOSE_CHAR_BOX
    from kehoach.parse.readers.pdf.words import _WORD

    document = pdfium.PdfDocument(data)
    x, y, box = ctypes.c_double(), ctypes.c_double(), pdfium_c.FS_RECTF()
    x_ref, y_ref, box_ref = ctypes.byref(x), ctypes.byref(y), ctypes.byref(box)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            if word_boxes:
                handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
                for match in _WORD.finditer(text):
                    start, end = match.span()
                    CHAR_ORIGIN(handle, start, x_ref, y_ref)
                    CHAR_ORIGIN(handle, end - 1, x_ref, y_ref)
                    LOOSE_CHAR_BOX(handle, end - 1, box_ref)
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1):
                obj.get_bounds()
            textpage.close()
            page.close()
        return len(document)
    finally:
        document.close()


def many_pages(sample: Path, pages: int) -> bytes:
    """A PDF of `pages` pages made by repeating a sample's."""
    source = pdfium.PdfDocument(sample.read_bytes())
    big = pdfium.PdfDocument.new()
    while len(big) < pages:
        big.import_pages(source, list(range(min(len(source), pages - len(big)))))
    out = io.BytesIO()
    big.save(out)
    return out.getvalue()


def best_of(rounds: int, jobs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Best seconds of each job over `rounds`, the jobs taking turns within a round."""
    best = dict.fromkeys(jobs, float("inf"))
    for _ in range(rounds):
        for name, job in jobs.items():
            start = time.perf_counter()
            job()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def yaml_writing(plans: list[dict[str, object]], rounds: int) -> None:
    """The Plans written with PyYAML's pure-Python emitter, with libyaml's, with kehoach's own
    writer (what `parse` and `batch` use) and as JSON; the same bytes?"""
    from kehoach import writers

    python_dumper = writers._PyDumper  # noqa: SLF001 (the fallback, measured against)

    def pure() -> list[str]:
        return [yaml.dump(p, Dumper=python_dumper, allow_unicode=True, sort_keys=False, width=10_000) for p in plans]

    reference = pure()
    same = reference == [writers.to_yaml(p) for p in plans] == [writers.pyyaml_dump(p) for p in plans]
    times = best_of(rounds, {"python": pure, "libyaml": lambda: [writers.pyyaml_dump(p) for p in plans],
                             "kehoach": lambda: [writers.to_yaml(p) for p in plans],
                             "json": lambda: [writers.to_json(p) for p in plans]})
    n = len(plans)

    def ms(name: str) -> str:
        return f"{1000 * times[name] / n:.1f} ms/Plan"

    print(f"YAML writing, {n} Plans: pure-Python emitter {ms('python')}, libyaml {ms('libyaml')} "
          f"({times['python'] / times['libyaml']:.1f}x faster), kehoach {ms('kehoach')} "
          f"({times['python'] / times['kehoach']:.1f}x faster), JSON {ms('json')}; "
          f"byte-identical: {'yes' if same else 'NO'}")


# As on a user's machine, the processes keep their compiled bytecode (a sandbox may say not to,
# which makes every start compile kehoach's modules again).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], check: bool = False) -> float:
    """Seconds one command takes, as a whole process (`check`: it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check, env=_ENV)
    return time.perf_counter() - start


def start_up(rounds: int) -> None:
    """A whole `kehoach parse` of a txt sample against a process importing pydantic and yaml,
    and against the least a typer program with pydantic models does (scripts/minimal_cli.py)."""
    sample = str(ROOT / "samples" / "000_e3b5f0d1f2c6f809.txt")
    commands = {
        "base": [sys.executable, "-c", "import pydantic, yaml"],
        "minimal": [sys.executable, str(ROOT / "scripts" / "minimal_cli.py"), "parse", sample, "--format", "json"],
        "kehoach": [*KEHOACH, "parse", sample, "--format", "json"],
    }
    for command in commands.values():  # the bytecode written once, as after installing
        timed(command, check=True)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(timed(command))
    b, m, o = (statistics.median(times[name]) for name in commands)
    print(f"start-up (medians of {rounds}): python -c 'import pydantic, yaml' {1000 * b:.0f} ms, "
          f"kehoach parse <txt> --format json {1000 * o:.0f} ms: {o / b:.1f}x; a minimal typer + pydantic "
          f"program (scripts/minimal_cli.py) {1000 * m:.0f} ms: {m / b:.1f}x")


def batch_cost(rounds: int) -> None:
    """Per-file cost of a batch over the 200-plan folder, --jobs 1 and --jobs 2, --force."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from province import build_province

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        good, broken = build_province(folder)
        runs: dict[str, list[float]] = {"1": [], "2": []}
        for _ in range(rounds):
            for jobs in runs:
                runs[jobs].append(timed([*KEHOACH, "batch", str(folder), "-o", str(Path(tmp) / "out"), "--force",
                                          "--jobs", jobs]))
    one, two = statistics.median(runs["1"]), statistics.median(runs["2"])
    files = good + broken
    print(f"batch of {files} files (medians of {rounds}): --jobs 1 {one:.2f} s = {1000 * one / files:.0f} ms/file, "
          f"--jobs 2 {two:.2f} s: {one / two:.2f}x")
