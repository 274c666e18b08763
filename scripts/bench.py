"""Benchmark: kehoach's parse of the samples against a pdfplumber baseline, in one process.

    .venv/bin/python scripts/bench.py             # all samples, 5 rounds
    .venv/bin/python scripts/bench.py --rounds 2  # quicker

Prints, per format, milliseconds per document and pages per second; for DOCX
the ratio to python-docx opening the same files and reading every paragraph's and
cell's text (the floor for any DOCX reader built on it); for PDFs the ratio of the baseline (pdfplumber `extract_text` + `extract_tables` on every
page, what a script would do) to kehoach's full parse of the same files. Peak
memory is measured in a fresh process on a 100-page PDF built by repeating a
sample's pages, for kehoach and for the baseline. OCR: the first sample PDF's
first pages rendered to an image-only PDF (scripts/make_scans.py), parsed with one
OCR thread; seconds per page and the share of that time spent in Tesseract itself.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
import docx.table
import pdfplumber
import pypdfium2 as pdfium

from kehoach.parse.language.textutil import fold
from kehoach.parse.pipeline import parse_bytes
from kehoach.parse.readers.lines import is_standalone
from kehoach.parse.readers.options import ReadOptions
from kehoach.parse.structure.markers import match_marker

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
BIG_PAGES = 100
OCR_PAGES = 3
sys.path.insert(0, str(ROOT / "scripts"))
from bench_floor import (  # noqa: E402
    batch_cost,
    best_of,
    load,
    many_pages,
    pdfium_text_and_paths,
    start_up,
    yaml_writing,
)
from make_scans import image_only_pdf  # noqa: E402

_CHILD = """
import resource, sys, time
data = open(sys.argv[2], "rb").read()
start = time.perf_counter()
if sys.argv[1] == "kehoach":
    from kehoach.parse.pipeline import parse_bytes
    parse_bytes(data)
else:
    import io, pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text(); page.extract_tables(); page.close()
elapsed = time.perf_counter() - start
try:  # Linux: this process's own high-water mark (ru_maxrss would include the parent's, kept across exec)
    peak_kib = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except OSError:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1)
print(elapsed, peak_kib)
"""


def kehoach(data: bytes) -> None:
    """kehoach's whole parse, cold: the matching-key, marker and line caches would otherwise
    remember the last round."""
    fold.cache_clear()
    match_marker.cache_clear()
    is_standalone.cache_clear()
    parse_bytes(data)


def baseline(data: bytes) -> None:
    """What a script using pdfplumber alone does: every page's text and tables."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.close()


def baseline_docx(data: bytes) -> None:
    """What a script using python-docx alone does: open, every paragraph's and cell's text."""
    document = docx.Document(io.BytesIO(data))
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            for row in item.rows:
                for cell in row.cells:
                    cell.text  # noqa: B018 (reading is the work measured)
        else:
            item.text  # noqa: B018


def page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def best_times(jobs: dict[str, tuple[Callable[[bytes], object], list[bytes]]], rounds: int) -> dict[str, float]:
    """Best of `rounds` passes of each job over its files (best: least disturbed by the machine),
    the jobs taking turns within each round."""
    return best_of(rounds, {name: (lambda run=run, files=files: [run(d) for d in files])
                            for name, (run, files) in jobs.items()})


def in_fresh_process(which: str, path: Path) -> tuple[float, float]:
    """(seconds, peak resident memory in MB) of one run in a new Python process."""
    result = subprocess.run([sys.executable, "-c", _CHILD, which, str(path)], capture_output=True, text=True, check=True)
    elapsed, peak_kib = result.stdout.split()
    return float(elapsed), int(peak_kib) / 1024


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the samples; the best is kept")
    parser.add_argument("--no-ocr", action="store_true", help="skip the OCR measure (needs Tesseract)")
    parser.add_argument("--batch", action="store_true", help="also the batch's cost per file (200 files, a few minutes)")
    args = parser.parse_args()
    print(f"machine: {machine()}; load {load()}")
    by_format = {fmt: [p.read_bytes() for p in sorted(SAMPLES.glob(f"*.{fmt}"))] for fmt in ("txt", "docx", "pdf")}
    for files in by_format.values():  # warm up: imports, caches
        parse_bytes(files[0])
    baseline(by_format["pdf"][0])
    pages = sum(page_count(d) for d in by_format["pdf"])
    print(f"{'':8} {'docs':>5} {'ms/doc':>9} {'pages/s':>9}")
    jobs: dict[str, tuple[Callable[[bytes], object], list[bytes]]] = {
        fmt: (kehoach, files) for fmt, files in by_format.items()
    }
    jobs["baseline"] = (baseline, by_format["pdf"])
    jobs["baseline docx"] = (baseline_docx, by_format["docx"])
    results = best_times(jobs, args.rounds)
    for fmt, files in by_format.items():
        took = results[fmt]
        rate = f"{pages / took:9.1f}" if fmt == "pdf" else f"{'':9}"
        print(f"{'kehoach ' + fmt:<16} {len(files):>5} {1000 * took / len(files):9.1f} {rate}")
    docx_base = results["baseline docx"]
    print(f"{'python-docx docx':<16} {len(by_format['docx']):>5} {1000 * docx_base / len(by_format['docx']):9.1f}")
    print(f"DOCX: kehoach's whole parse takes {results['docx'] / docx_base:.1f}x python-docx's open-and-read-text")
    base = results["baseline"]
    print(f"{'baseline pdf':<16} {len(by_format['pdf']):>5} {1000 * base / len(by_format['pdf']):9.1f} {pages / base:9.1f}")
    print(f"PDF speed-up against the pdfplumber baseline: {base / results['pdf']:.1f}x ({pages} pages)")
    floors(by_format["pdf"], pages, args.rounds)
    yaml_writing([kehoach_plan(d) for files in by_format.values() for d in files], args.rounds)
    start_up(max(args.rounds, 5))
    if args.batch:
        batch_cost(3)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.pdf"
        big.write_bytes(many_pages(sorted(SAMPLES.glob("*.pdf"))[0], BIG_PAGES))
        for which in ("kehoach", "baseline"):
            elapsed, peak = in_fresh_process(which, big)
            print(f"{BIG_PAGES}-page PDF, {which:<8}: {elapsed:6.2f} s, {BIG_PAGES / elapsed:6.1f} pages/s, "
                  f"peak memory {peak:.1f} MB")
    if not args.no_ocr:
        ocr_bench(sorted(SAMPLES.glob("*.pdf"))[0], min(args.rounds, 2))


def kehoach_plan(data: bytes) -> dict[str, object]:
    return parse_bytes(data).model_dump(mode="json")


def floors(pdfs: list[bytes], pages: int, rounds: int) -> None:
    """kehoach's PDF parse against PDFium's text and paths, and against the same with every
    word's box asked as kehoach asks it, per page: the corpus PDFs and a 250-page one."""
    big = many_pages(sorted(SAMPLES.glob("*.pdf"))[0], 250)
    times = best_of(rounds, {
        "floor": lambda: [pdfium_text_and_paths(d) for d in pdfs],
        "boxes": lambda: [pdfium_text_and_paths(d, word_boxes=True) for d in pdfs],
        "kehoach": lambda: [kehoach(d) for d in pdfs],
        "floor big": lambda: pdfium_text_and_paths(big),
        "boxes big": lambda: pdfium_text_and_paths(big, word_boxes=True),
        "kehoach big": lambda: kehoach(big),
    })
    for label, n, key in (("corpus PDFs", pages, ""), ("250-page PDF", 250, " big")):
        ours, floor, boxes = times["kehoach" + key], times["floor" + key], times["boxes" + key]
        print(f"PDF, {label}: kehoach {1000 * ours / n:.2f} ms/page, PDFium text+paths {1000 * floor / n:.2f} ms/page: "
              f"{ours / floor:.1f}x the floor (with word boxes {1000 * boxes / n:.2f} ms/page: {ours / boxes:.1f}x)")


def ocr_bench(sample: Path, rounds: int) -> None:
    """Seconds per page of a scan, one OCR thread, and the share of it inside Tesseract."""
    import pytesseract

    scan = image_only_pdf(sample.read_bytes(), dpi=200, pages=OCR_PAGES)
    inside = [0.0]
    originals = {name: getattr(pytesseract, name) for name in ("image_to_data", "image_to_osd")}

    def timed(call: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                inside[0] += time.perf_counter() - start
        return run

    for name, call in originals.items():
        setattr(pytesseract, name, timed(call))
    try:
        best = float("inf")
        for _ in range(rounds):
            inside[0] = 0.0
            start = time.perf_counter()
            parse_bytes(scan, options=ReadOptions(ocr_jobs=1))
            took = time.perf_counter() - start
            if took < best:
                best, share = took, inside[0] / took
    finally:
        for name, call in originals.items():
            setattr(pytesseract, name, call)
    print(f"OCR ({OCR_PAGES}-page scan at 200 dpi, rendered at 300 dpi, 1 thread): {best / OCR_PAGES:.2f} s/page, "
          f"{share:.0%} of it in Tesseract")


if __name__ == "__main__":
    main()
