"""Where each PDF page's words come from: its text layer, or OCR of its image.

Every page's text layer is read and judged first (pagecheck.py). Pages whose layer is
missing, only a stamp, or garbage are OCR'd (all pages with `--ocr always`); with OCR
off or Tesseract missing they are left unread, and a PDF that is mostly such pages is
refused with a message saying OCR is needed, rather than parsed into an empty or
nonsense Plan. Rendering stays in this thread (PDFium is not thread-safe); Tesseract
runs as separate programs, several pages at once.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium

from kehoach.errors import InputError
from kehoach.i18n import N_, _, ngettext
from kehoach.parse.blocks import PageRead, page_ranges
from kehoach.parse.readers.options import ReadOptions
from kehoach.parse.readers.pdf.pagecheck import PageCheck, check_page
from kehoach.parse.readers.pdf.rules import page_edges
from kehoach.parse.readers.pdf.words import page_words


@dataclass(slots=True)
class PageContent:
    """What the layout pass needs of one page, whatever it was read from."""

    words: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    width: float
    read: PageRead


def _text_layer(document: pdfium.PdfDocument, index: int) -> tuple[PageContent, PageCheck]:
    page = document[index]
    textpage = page.get_textpage()
    try:
        words = page_words(textpage.raw, page.get_height())
        check = check_page(page, words)
        edges = page_edges(page) if not check.needs_ocr or check.verdict == "garbled" else []
        return PageContent(words, edges, page.get_width(), PageRead(index + 1, "text")), check
    finally:
        textpage.close()
        page.close()


def _why(pages: list[PageContent], checks: dict[int, PageCheck]) -> str:
    """'pages 1-4 of 4: no text layer' (the commonest reason when they differ)."""
    reasons = [checks[p.read.page].reason for p in pages]
    common = max(set(reasons), key=reasons.count)
    numbers = [p.read.page for p in pages]
    return ngettext("page {pages}: {reason}", "pages {pages}: {reason}", len(numbers)).format(
        pages=page_ranges(numbers), reason=common)


def _leave_unread(contents: list[PageContent], needing: list[PageContent], checks: dict[int, PageCheck],
                  refusal: str, **fields: str) -> None:
    """Without OCR: refuse a PDF that is mostly unreadable pages (`refusal`, a message id with
    {why} and `fields`); else drop their words."""
    if len(needing) * 2 > len(contents) or all(c in needing for c in contents if c.words):
        raise InputError(_(refusal).format(why=_why(needing, checks), **fields))
    for content in needing:
        content.words, content.edges = [], []
        content.read = PageRead(content.read.page, "unread", checks[content.read.page].reason)


def _ocr(document: pdfium.PdfDocument, needing: list[PageContent], checks: dict[int, PageCheck],
         options: ReadOptions) -> None:
    """OCR the pages in `needing`, `jobs` at a time. A page is rendered only when a worker is
    about to be free: a 300 dpi page image is ~9 MB, and a scan may have a hundred pages."""
    from kehoach.parse.readers.pdf import ocr

    jobs = options.ocr_jobs or os.cpu_count() or 1
    done = 0
    if options.progress:
        options.progress(0, len(needing))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pending: deque[tuple[PageContent, Future[ocr.OcrPage]]] = deque()
        for position, content in enumerate(needing):
            page = document[content.read.page - 1]
            try:  # render here (PDFium is not thread-safe), read in a worker thread
                image = ocr.render(page, options.dpi)
            finally:
                page.close()
            pending.append((content, pool.submit(ocr.read_image, image, options.dpi, options.ocr_lang)))
            last = position == len(needing) - 1
            while pending and (len(pending) >= jobs + 1 or last):
                _take(*pending.popleft(), checks)
                done += 1
                if options.progress:
                    options.progress(done, len(needing))


def _take(content: PageContent, future: Future[Any], checks: dict[int, PageCheck]) -> None:
    """Put what OCR read on a page in place of its text layer."""
    found = future.result()
    check = checks.get(content.read.page)
    keep_edges = content.edges and not found.turned  # vector rules are exact; image rules otherwise
    content.words, content.width = found.words, found.width
    content.edges = content.edges if keep_edges else found.edges
    reason = check.reason if check and check.needs_ocr else _("OCR asked for")
    content.read = PageRead(content.read.page, "ocr", reason, round(found.confidence, 1), found.turned)


def read_pages(document: pdfium.PdfDocument, options: ReadOptions) -> list[PageContent]:
    """Every page's words, ruling edges and width, read from the text layer or by OCR."""
    contents: list[PageContent] = []
    checks: dict[int, PageCheck] = {}
    for index in range(len(document)):
        content, check = _text_layer(document, index)
        contents.append(content)
        checks[index + 1] = check
    needing = [c for c in contents if checks[c.read.page].needs_ocr]
    if options.ocr == "always":
        needing = contents
    if not needing:
        return contents
    if options.ocr == "never":
        _leave_unread(contents, needing, checks, N_("this PDF needs OCR ({why}) but OCR is off (--ocr never)"))
        return contents
    from kehoach.parse.readers.pdf.ocr import INSTALL_HINT, tesseract_problem

    problem = tesseract_problem(options.ocr_lang)
    if problem and options.ocr == "always":
        raise InputError(_("OCR was asked for but {problem}: {hint}").format(problem=problem, hint=_(INSTALL_HINT)))
    if problem:
        _leave_unread(contents, needing, checks, N_("this PDF needs OCR ({why}) but {problem}: {hint}"),
                      problem=problem, hint=_(INSTALL_HINT))
        return contents
    _ocr(document, needing, checks, options)
    return contents
