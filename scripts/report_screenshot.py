"""The README's picture of the province report: a batch over the samples (and the real corpus
beside this repository when it is there), its report, and a screenshot of the page in headless
Chromium.

    .venv/bin/python scripts/report_screenshot.py docs/report.png

Needs Chromium (apt-get install chromium) and the dev dependencies (Playwright).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus-real"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def screenshot(page_path: Path, png: Path, width: int = 1280, height: int = 1700) -> None:
    """The top of the page (overview and the start of the plans table) as a PNG."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(page_path.resolve().as_uri())
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("png", type=Path, help="where the picture goes, e.g. docs/report.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        shutil.copytree(ROOT / "samples", corpus / "samples")
        if REAL.is_dir():
            shutil.copytree(REAL, corpus / "real")
        command = [sys.executable, "-c", "from kehoach.cli import main; main()", "batch", "corpus", "-o", "out",
                   "--report", "--ocr", "never"]
        subprocess.run(command, check=False, cwd=tmp, env={**os.environ, "COLUMNS": "120"})
        screenshot(out / "report.html", args.png)
    print(f"screenshot: {args.png}")


if __name__ == "__main__":
    main()
