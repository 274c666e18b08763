"""Print Word plans to PDF with LibreOffice, to measure the PDF reader on layouts nobody here
wrote: each DOCX's gold then scores its PDF too, and what the PDF path loses shows.

    python scripts/print_pdfs.py ../shared/corpus-real/*.docx --out /tmp/printed
    python ../shared/eval/score.py --gold ../shared/eval/gold-real --inputs /tmp/printed \\
        --formats pdf --cmd "kehoach parse {input} --format json" -v

Needs LibreOffice (`soffice`); each file is converted in its own run with its own profile
folder, as kehoach does for a .doc.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from kehoach.parse.readers.word.office import find_soffice  # noqa: E402


def print_pdf(source: Path, out: Path, soffice: str) -> Path:
    """`source` printed to `out`/<its name>.pdf."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=300)
    return out / f"{source.stem}.pdf"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path, help="DOCX (or DOC) plans")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PDFs")
    args = parser.parse_args()
    soffice = find_soffice()
    if soffice is None:
        print("print_pdfs: LibreOffice (soffice) is not installed", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for source in args.files:
        print(print_pdf(source, args.out, soffice))
    return 0


if __name__ == "__main__":
    sys.exit(main())
