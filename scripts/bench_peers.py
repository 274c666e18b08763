"""kehoach's PDF parse beside other PDF readers, in one process, taking turns (best of N).

    .venv/bin/python scripts/bench_peers.py
    .venv/bin/pip install --target /tmp/peers pymupdf            # optional peers, kept out
    .venv/bin/python scripts/bench_peers.py --peers /tmp/peers   # of kehoach's environment

Always measured: PDFium's own text and paths (the floor, scripts/bench_floor.py), kehoach's
whole parse, and pdfplumber's extract_text + extract_tables. When importable: PyMuPDF's
text and words of every page, and unstructured's 'fast' PDF partitioning. Neither is a
kehoach dependency; `--peers` adds a folder they were installed into (appended to the path,
so kehoach's own packages come first). Prints ms per page and each one's time as a multiple
of kehoach's, with the machine's load.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from bench import baseline, kehoach  # noqa: E402 (the same cold parse and pdfplumber script)
from bench_floor import best_of, load, pdfium_text_and_paths  # noqa: E402


def _optional_peers() -> dict[str, Callable[[list[bytes]], None]]:
    peers: dict[str, Callable[[list[bytes]], None]] = {}
    try:
        import pymupdf  # type: ignore[import-not-found]

        def mupdf(pdfs: list[bytes]) -> None:
            for data in pdfs:
                document = pymupdf.open(stream=data, filetype="pdf")
                for page in document:
                    page.get_text("text")
                    page.get_text("words")
                document.close()

        peers[f"PyMuPDF {pymupdf.VersionBind} text+words"] = mupdf
    except ImportError:
        print("PyMuPDF: not installed (see --peers)")
    try:
        from unstructured.partition.pdf import partition_pdf  # type: ignore[import-not-found]

        def unstructured_fast(pdfs: list[bytes]) -> None:
            for data in pdfs:
                partition_pdf(file=io.BytesIO(data), strategy="fast")

        peers["unstructured fast"] = unstructured_fast
    except ImportError:
        print("unstructured: not installed (see --peers)")
    return peers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="rounds, the readers taking turns; the best is kept")
    parser.add_argument("--peers", type=Path, help="a folder the optional peers were installed into (pip --target)")
    args = parser.parse_args()
    if args.peers:
        sys.path.append(str(args.peers))
    pdfs = [p.read_bytes() for p in sorted((ROOT / "samples").glob("*.pdf"))]
    pages = sum(len(pdfium.PdfDocument(data)) for data in pdfs)
    readers: dict[str, Callable[[list[bytes]], object]] = {
        "PDFium text+paths (floor)": lambda docs: [pdfium_text_and_paths(d) for d in docs],
        "kehoach parse": lambda docs: [kehoach(d) for d in docs],
        "pdfplumber text+tables": lambda docs: [baseline(d) for d in docs], **_optional_peers()}
    print(f"load before: {load()}")
    times = best_of(args.rounds, {name: (lambda run=run: run(pdfs)) for name, run in readers.items()})
    ours = times["kehoach parse"]
    for name, seconds in times.items():
        print(f"{name:32s} {1000 * seconds / pages:7.2f} ms/page  {seconds / ours:6.2f}x kehoach's time")
    print(f"{pages} pages of the sample PDFs; load after: {load()}")


if __name__ == "__main__":
    main()
