"""Choices a user makes about how inputs are read (today: OCR of PDF pages)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "always", "never")


@dataclass(slots=True)
class ReadOptions:
    """How to read an input; the defaults suit a user who just wants the plan."""

    ocr: OcrMode = "auto"
    """auto: OCR only the pages whose text layer is missing, a stamp or garbage; always: every
    page; never: no OCR (a PDF that needs it is refused with a message saying so)."""
    ocr_lang: str = "vie"
    """Tesseract language(s), e.g. 'vie' or 'vie+eng'."""
    dpi: int = 300
    """Resolution pages are rendered at for OCR."""
    ocr_jobs: int = 0
    """Pages OCR'd at once (0: one per core). Batch workers use 1: they already run in parallel."""
    progress: Callable[[int, int], None] | None = None
    """Called with (pages done, pages to OCR) as OCR goes, for a progress bar."""
