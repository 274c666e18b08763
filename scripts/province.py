"""Build a province-sized folder for batch tests and benchmarks: copies of the samples plus broken files."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BROKEN = {
    "broken/empty.txt": b"",
    "broken/truncated.pdf": None,  # filled from a real sample, cut short
    "broken/not-a-docx.docx": b"PK\x03\x04 this is not really a zip",
}


def build_province(folder: Path, plans: int = 200) -> tuple[int, int]:
    """Write `plans` good files (the samples in all formats, copied round-robin into commune
    folders) and 3 broken ones. Returns (good, broken)."""
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
    for n, sample in zip(range(plans), itertools.cycle(samples), strict=False):
        target = folder / f"commune-{n // 10:02d}" / f"{n:03d}-{sample.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample, target)
    for name, data in BROKEN.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if data is not None else (SAMPLES / "000_e3b5f0d1f2c6f809.pdf").read_bytes()[:3000])
    return plans, len(BROKEN)
