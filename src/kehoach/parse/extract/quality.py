"""How sure the parser is of its reading, so that an official knows which plans to open.

A part the parser could not find is not proof the document lacks it: the closing part
may be there in a layout the parser does not know. Each part found is recorded; a
missing one, a task table whose columns were not recognised or much text left
unplaced make the level 'review'.
"""

from __future__ import annotations

from kehoach.i18n import _
from kehoach.parse.blocks import Block, PageRead, page_ranges
from kehoach.parse.extract.tasks import is_task_table, looks_like_task_table
from kehoach.parse.language.textutil import is_upper
from kehoach.parse.readers.lines import is_attachment_line
from kehoach.parse.structure.zones import Zones
from kehoach.schema import Finding, PageReading, Quality, Section, Signer, Task

# Below this share of placed text, too much of the document was not read as part of the plan.
MIN_COVERAGE = 0.8
# Task tables where most rows have neither a lead nor a time were probably read in the wrong columns.
MIN_FILLED_TASKS = 0.5
# Below this mean word confidence (0-100), OCR's reading of a page is doubtful: Tesseract's
# Vietnamese model gives 85-95 on a clean scan, and below 70 names and figures are often wrong.
LOW_OCR_CONFIDENCE = 70.0


def _chars(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks if b.kind == "para")


def _placed_appendix(blocks: list[Block]) -> int:
    """Characters of the appendix that the parser understood: its headings in capitals, the
    '(Kèm theo ...)' lines; tables are counted apart."""
    return sum(len(b.text) for b in blocks if b.kind == "para" and (is_upper(b.text) or is_attachment_line(b.text)
                                                                     or b.text.startswith(("Phụ lục", "PHỤ LỤC"))))


def body_coverage(zones: Zones) -> float:
    """Share of the text after the front matter that landed in a section, the closing or an
    appendix heading (the body zone is all sections: it starts at the first numbered item)."""
    total = _chars(zones.body) + _chars(zones.closing) + _chars(zones.appendix)
    if not zones.body or not total:
        return 0.0
    placed = _chars(zones.body) + _chars(zones.closing) + _placed_appendix(zones.appendix)
    return round(placed / total, 3)


def page_readings(pages: list[PageRead]) -> tuple[list[PageReading], list[Finding], list[tuple[str, str]]]:
    """Pages not read from their text layer; an info finding per way they were read; and the
    review reasons (pages left unread, OCR of low confidence)."""
    readings = [PageReading(page=p.page, source=p.source, reason=p.reason, confidence=p.confidence, turned=p.turned)
                for p in pages if p.source != "text"]
    findings: list[Finding] = []
    ocr = [r for r in readings if r.source == "ocr"]
    if ocr:
        mean = sum(r.confidence or 0.0 for r in ocr) / len(ocr)
        reasons = sorted({r.reason for r in ocr})
        turned = [r.page for r in ocr if r.turned]
        message = _("page(s) {pages} read by OCR ({reasons}); mean confidence {mean:.0f}").format(
            pages=page_ranges([r.page for r in ocr]), reasons="; ".join(reasons), mean=mean)
        if turned:
            message += "; " + _("page(s) {pages} turned upright").format(pages=page_ranges(turned))
        findings.append(Finding(code="ocr-pages", severity="info", message=message))
    unread = [r.page for r in readings if r.source == "unread"]
    low = [r.page for r in ocr if (r.confidence or 0.0) < LOW_OCR_CONFIDENCE]
    review = [
        ("unread-pages", _("page(s) {pages} not read: they need OCR ({reasons})").format(
            pages=page_ranges(unread), reasons="; ".join(sorted({r.reason for r in readings if r.source == "unread"})))),
        ("low-ocr-confidence", _("OCR read page(s) {pages} with low confidence: check names and figures").format(
            pages=page_ranges(low))),
    ]
    return readings, findings, [item for item, found in zip(review, (unread, low), strict=True) if found]


def assess(
    *,
    zones: Zones,
    sections: list[Section],
    tables: list[Block],
    tasks: list[Task],
    doc_type: str | None,
    title: str | None,
    issuer: str | None,
    header_found: bool,
    header_seen: bool = False,
    signer: Signer | None,
    recipients: list[str] | None,
    issued_with_decision: bool = False,
    pages: list[PageRead] | None = None,
) -> tuple[Quality, list[Finding]]:
    """The quality record of one reading, and a 'review' finding about the reading for each
    reason to open the document. `issued_with_decision`: the plan is printed after the decision
    that issues it, whose signature stands for the plan's. `pages`: how a PDF's pages were read."""
    readings, page_findings, page_review = page_readings(pages or [])
    mapped = sum(is_task_table(t.rows) for t in tables)
    guessed = sum(t.guessed_cells and is_task_table(t.rows) for t in tables)
    unread = sum(looks_like_task_table(t.rows) and not is_task_table(t.rows) for t in tables)
    closing = issued_with_decision or signer is not None or recipients is not None
    coverage = body_coverage(zones)
    table_tasks = [t for t in tasks if not isinstance(t.no, str)]
    empty = sum(not t.lead and not t.time for t in table_tasks)
    checks = (
        ("unread-front", doc_type is None, _("the document type (KẾ HOẠCH) was not found: title, number and date unread")),
        ("unread-issuer", header_seen and issuer is None, _("the header's lines name no issuing body the parser knows")),
        ("unread-numbering", not sections, _("no numbered items (I., 1., a) ...) were found in the body")),
        ("unread-closing", not closing, _("the closing part ('Nơi nhận', the signature) was not found")),
        ("unread-task-table", bool(unread),
         _("{n} table(s) look like task tables but their columns were not recognised").format(n=unread)),
        ("guessed-task-cells", bool(guessed),
         _("{n} task table(s) rebuilt from text whose cells share lines: check each task's fields").format(n=guessed)),
        ("low-coverage", bool(sections) and coverage < MIN_COVERAGE,
         _("only {share:.0%} of the text after the front matter was placed in the plan").format(share=coverage)),
        ("task-columns-suspect", bool(table_tasks) and empty > (1 - MIN_FILLED_TASKS) * len(table_tasks),
         _("{empty} of {total} task rows have neither a lead nor a time: columns misread?").format(
             empty=empty, total=len(table_tasks))),
    )
    found = page_review + [(code, message) for code, failed, message in checks if failed]
    reasons = [message for _code, message in found]
    quality = Quality(
        level="review" if reasons else "ok",
        header=header_found,
        title=doc_type is not None and title is not None,
        body_numbering=bool(sections),
        closing=closing,
        signature=signer is not None and signer.name is not None,
        task_tables=mapped,
        unread_tables=unread,
        body_coverage=coverage,
        issued_with_decision=issued_with_decision,
        ocr_pages=readings,
        reasons=reasons,
    )
    findings = page_findings + [Finding(code=code, severity="review", about="reading", message=message)
                                for code, message in found]
    return quality, findings

