"""The whole parse: bytes -> blocks -> zones -> tree -> metadata, targets, tasks -> Plan."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kehoach.errors import InputError
from kehoach.files import DEFAULT_MAX_BYTES, read_input
from kehoach.i18n import N_, _, language
from kehoach.parse.blocks import Block
from kehoach.parse.extract import closing
from kehoach.parse.extract.body_tasks import body_tasks
from kehoach.parse.extract.classify import classify
from kehoach.parse.extract.front import FrontMatter, read_front
from kehoach.parse.extract.quality import assess
from kehoach.parse.extract.targets import find_targets
from kehoach.parse.extract.tasks import task_ref, tasks_from_table, under_form_heading
from kehoach.parse.readers import read_document, sniff_format
from kehoach.parse.readers.options import ReadOptions
from kehoach.parse.structure.numbering import check_numbering
from kehoach.parse.structure.tree import build_tree, walk
from kehoach.parse.structure.zones import split_zones
from kehoach.schema import Finding, Period, Plan, Section, Source, Target, Task


def _block_texts(blocks: list[Block]) -> list[str]:
    texts: list[str] = []
    for block in blocks:
        if block.kind == "para":
            texts.append(block.text)
        else:
            texts.extend(" ".join(row) for row in block.rows)
    return texts


def _targets_in(text: str, whole_unit: bool, where: str, page: int | None, line: int | None) -> list[Target]:
    return [
        Target(
            value=found.value,
            upper=found.upper,
            cmp=found.cmp,  # type: ignore[arg-type]
            unit=found.unit,
            text=found.sentence,
            where=where,
            page=page,
            line=line,
        )
        for found in find_targets(text, whole_unit=whole_unit)
    ]


def _section_targets(sections: list[Section]) -> list[Target]:
    """Targets of each item's opening (per sentence) and of its paragraphs and bullets."""
    targets: list[Target] = []
    for section in walk(sections):
        targets += _targets_in(section.text or section.title or "", False, section.path, section.page, section.line)
        for p in section.content:
            targets += _targets_in(p.text, p.kind == "bullet", section.path, p.page, p.line)
    return targets


def _task_targets(tasks: list[Task]) -> list[Target]:
    """Targets inside task contents and products ('100% hồ sơ được số hóa' as the expected
    product); where is 'task:N' with the printed TT, else the position."""
    targets: list[Target] = []
    for position, task in enumerate(tasks, start=1):
        for text in (task.content, task.product):
            if text:
                targets += _targets_in(text, False, task_ref(task, position), task.page, task.line)
    return targets


def _context_year(front: FrontMatter) -> int | None:
    """The year of dates that print none ('Trong tháng 7', 'Quý III'): the plan's period when it
    lies within one year, else the year it was issued."""
    span = front.period
    if span and span.start and span.end and span.start.year == span.end.year:
        return span.start.year
    return int(front.issued_date[:4]) if front.issued_date else None


def parse_bytes(data: bytes, source_path: str = "<bytes>", options: ReadOptions | None = None) -> Plan:
    """Parse a document's bytes into a Plan. Odd text gives findings, never exceptions;
    `options` say how PDF pages without usable text are read (OCR)."""
    document = read_document(data, options)
    zones = split_zones(document.blocks)
    sections = build_tree(zones.body)
    front = read_front(zones.front, _block_texts(document.blocks))
    span = front.period
    year = _context_year(front)
    findings = [Finding(code=code, severity="info", message=message) for code, message in document.notes]
    findings += check_numbering(sections)
    tables = [b for i, b in enumerate(document.blocks) if b.kind == "table" and not under_form_heading(document.blocks, i)]
    tasks = [t for b in tables for t in tasks_from_table(b, year)]
    tasks += body_tasks(sections, year)
    targets = _section_targets(sections) + _task_targets(tasks)
    classify(sections, targets, tasks)
    signer, recipients = closing.signer(zones.closing), closing.recipients(zones.closing)
    quality, review = assess(zones=zones, sections=sections, tables=tables, tasks=tasks, doc_type=front.doc_type,
                             title=front.title,
                             issuer=front.issuer, header_found=front.header_found,
                             header_seen=front.header_seen, signer=signer,
                             recipients=recipients, issued_with_decision=front.issued_with_decision,
                             pages=document.pages)
    findings += review
    return Plan(
        language=language(),
        # A file name in bytes that are not UTF-8 (made on an old system) keeps '�' in their place:
        # the Plan must be writable as UTF-8 text.
        source=Source(path=source_path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"),
                      format=document.format, sha256=hashlib.sha256(data).hexdigest()),
        doc_type=front.doc_type,
        issuer=front.issuer,
        parent=front.parent,
        level=front.level,
        locality=front.locality,
        province=front.province,
        symbol=front.symbol,
        number=front.number,
        issued_place=front.issued_place,
        issued_date=front.issued_date,
        title=front.title,
        period=Period(label=span.label, start=span.start, end=span.end) if span else None,
        signer=signer,
        legal_refs=front.legal_refs,
        recipients=recipients,
        declared_task_count=front.declared_task_count,
        sections=sections,
        targets=targets,
        tasks=tasks,
        quality=quality,
        findings=findings,
    )


# What a file's extension promises; the content decides, but a mismatch is worth saying.
_NAMED_FORMATS = {".pdf": ("pdf", "PDF"), ".docx": ("docx", N_("Word document")), ".doc": ("doc", N_("Word document"))}


def _named_format_finding(path: Path, data: bytes) -> Finding | None:
    """None if the content is what the extension says; an InputError if a document's name
    hides plain bytes (an HTML error page saved as .docx); else a finding."""
    named = _NAMED_FORMATS.get(path.suffix.lower())
    actual = sniff_format(data)
    if named is None or actual == named[0] or (named[0] == "docx" and actual == "doc"):
        return None
    if actual == "txt" and data.strip():
        html = data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
        what = _("it is a web page, HTML") if html else _("unknown content")
        raise InputError(_("{name} is named {suffix} but is not a {kind} ({what})").format(
            name=path.name, suffix=path.suffix, kind=_(named[1]), what=what))
    if actual == "txt":
        return None  # empty: the reader says so
    return Finding(code="format-mismatch", severity="info",
                   message=_("named {suffix} but the content is {kind}; read as {kind}").format(
                       suffix=path.suffix, kind=actual.upper()))


def parse_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, options: ReadOptions | None = None) -> Plan:
    """Parse a document on disk."""
    return parse_named(read_input(path, max_bytes), path, options)


def parse_named(data: bytes, path: Path, options: ReadOptions | None = None) -> Plan:
    """Parse a file's bytes already read, checking the content against the file's name."""
    mismatch = _named_format_finding(path, data)
    plan = parse_bytes(data, str(path), options)
    if mismatch:
        plan.findings.insert(0, mismatch)
    return plan
