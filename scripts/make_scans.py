"""Turn text PDFs into image-only PDFs, as a scanner would give them, to measure OCR.

Each page is rendered by PDFium (pypdfium2) at the given resolution and the images are
saved as a PDF with no text layer (Pillow). The plans then go through `kehoach parse`
only by OCR, and the scores can be set against those of the text PDFs.

    python scripts/make_scans.py ../shared/corpus/*.pdf --out /tmp/scans --dpi 200
    python ../shared/eval/score.py --gold ../shared/eval/gold --inputs /tmp/scans \\
        --formats pdf --cmd "kehoach parse {input} --format json"
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pypdfium2 as pdfium


def image_only_pdf(data: bytes, dpi: int = 200, pages: int | None = None, grey: bool = True) -> bytes:
    """The PDF `data` with every page (or the first `pages`) replaced by its picture."""
    document = pdfium.PdfDocument(data)
    try:
        count = len(document) if pages is None else min(pages, len(document))
        images = []
        for index in range(count):
            page = document[index]
            try:
                image = page.render(scale=dpi / 72, grayscale=grey).to_pil()
            finally:
                page.close()
            images.append(image.convert("L" if grey else "RGB"))
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render PDFs into image-only PDFs (scans without a text layer).")
    parser.add_argument("inputs", nargs="+", type=Path, help="text PDFs")
    parser.add_argument("--out", type=Path, required=True, help="folder for the image-only PDFs (same names)")
    parser.add_argument("--dpi", type=int, default=200, help="resolution of the page images (default 200)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.inputs:
        target = args.out / path.name
        target.write_bytes(image_only_pdf(path.read_bytes(), args.dpi))
        print(f"{path} -> {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
