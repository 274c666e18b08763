"""The command line's reading options (OCR of PDF pages), shared by parse, validate and batch,
with a progress bar of the pages OCR reads when standard error is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated

import typer

from kehoach.i18n import N_, _
from kehoach.parse.readers.options import ReadOptions


class OcrChoice(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


OcrOption = Annotated[OcrChoice, typer.Option(
    "--ocr", help=N_("PDF pages read by OCR (Tesseract): auto = only pages with no text layer, a stamp only or "
                     "garbled text; always = every page; never = none (a PDF that needs OCR is refused)."))]
OcrLangOption = Annotated[str, typer.Option(
    "--ocr-lang", help=N_("Tesseract language data for OCR, e.g. vie or vie+eng."))]
OcrDpiOption = Annotated[int, typer.Option(
    "--ocr-dpi", min=100, max=600, help=N_("Resolution pages are rendered at for OCR (300 reads small print best)."))]


@contextmanager
def reading(ocr: OcrChoice, lang: str, dpi: int = 300) -> Iterator[ReadOptions]:
    """Read options, with a progress bar of the pages OCR reads when stderr is a terminal."""
    if not sys.stderr.isatty():  # no bar to draw: the terminal library is not even loaded
        yield ReadOptions(ocr=ocr.value, ocr_lang=lang, dpi=dpi)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        tasks: list[TaskID] = []

        def advance(done: int, total: int) -> None:
            if done == 0 or not tasks:  # a new document's OCR starts
                tasks.append(progress.add_task(_("OCR: reading pages"), total=total))
            progress.update(tasks[-1], completed=done)

        yield ReadOptions(ocr=ocr.value, ocr_lang=lang, dpi=dpi, progress=advance)


