"""The Plan data model: what `kehoach parse` emits and `kehoach validate` reads back.

Every model forbids unknown fields so that a hand-edited Plan file with a typo
fails loudly with the field's path. Serialisation lives in `kehoach.writers`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Comparator = Literal[">=", ">", "=", "<=", "<", "range"]
Severity = Literal["error", "warning", "review", "info"]
About = Literal["document", "reading"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    """Where the Plan was read from."""

    path: str
    """Path of the input file as given on the command line."""
    format: Literal["txt", "docx", "pdf", "plan"]
    """Input format, detected from the file's content."""
    sha256: str
    """SHA-256 of the input file's bytes."""


class Period(_Model):
    """The time span the plan covers."""

    label: str
    """The period as printed, e.g. '6 tháng cuối năm 2025'."""
    start: dt.date | None = None
    """First day of the period."""
    end: dt.date | None = None
    """Last day of the period."""


class Signer(_Model):
    """The signature block."""

    name: str | None = None
    """Name of the person who signs."""
    position: str | None = None
    """Their position as printed, e.g. 'PHÓ CHỦ TỊCH'."""
    authority: str | None = None
    """Signing authority line (KT./Q./TL./TUQ.), e.g. 'KT. CHỦ TỊCH'."""
    on_behalf: str | None = None
    """Collective line (TM.), e.g. 'TM. ỦY BAN NHÂN DÂN'."""


class LegalRef(_Model):
    """A document cited as a basis in the preamble (Căn cứ / Thực hiện)."""

    kind: str
    """Document type, e.g. 'Quyết định', 'Luật'."""
    number: str | None = None
    """Number and symbol, e.g. '5085/QĐ-UBND'; null for laws cited by name."""
    date: dt.date | None = None
    """Date the cited document was issued."""
    text: str
    """The clause that cites it, as printed."""


class Paragraph(_Model):
    """A paragraph or bullet inside a section (content, not a numbered item)."""

    kind: Literal["text", "bullet"]
    """'bullet' for '-', '+' or '•' items, 'text' for running paragraphs."""
    marker: str | None = None
    """The bullet character as printed."""
    text: str
    """Cleaned text: lines joined, emphasis removed."""
    page: int | None = None
    """Page the paragraph starts on (PDF), else null."""
    line: int | None = None
    """Line (txt) or paragraph index (docx) the paragraph starts on, 1-based."""


class Section(_Model):
    """A numbered or lettered item of the body, with its children."""

    path: str
    """Printed labels of the item and its ancestors joined by '/', e.g. 'III/1/đ'."""
    label: str
    """The printed label, e.g. 'III', '2.1', 'đ'."""
    kind: str
    """Marker kind: roman, arabic, decimal, letter, upper_letter, ..."""
    level: int
    """Depth in the tree, 1 for top-level parts."""
    title: str | None = None
    """Heading text, for items that are headings."""
    text: str | None = None
    """Opening paragraph, for items that are sentences."""
    raw: str
    """The item's first paragraph exactly as read, marker included."""
    area: str | None = None
    """Reform-area code the section belongs to, when recognised."""
    content: list[Paragraph] = Field(default_factory=list)
    """Paragraphs and bullets that follow the item before its first child."""
    children: list[Section] = Field(default_factory=list)
    """Nested items."""
    page: int | None = None
    """Page the item starts on (PDF), else null."""
    line: int | None = None
    """Line or paragraph index the item starts on, 1-based."""


class Target(_Model):
    """A quantified commitment: a percentage or a time limit."""

    value: int | float
    """The number; for ranges the lower bound."""
    upper: int | float | None = None
    """Upper bound of a range, else null."""
    cmp: Comparator
    """Comparator: >=, >, =, <=, < or range."""
    unit: str
    """'%' or the unit as printed ('phút', 'ngày')."""
    text: str
    """The sentence, bullet or cell that carries the number."""
    where: str
    """Section path holding it, or 'task:N' inside appendix task N."""
    area: str | None = None
    """Reform-area code, when recognised."""
    indicator: str | None = None
    """Indicator code from the indicator table, when recognised."""
    page: int | None = None
    """Page (PDF), else null."""
    line: int | None = None
    """Line or paragraph index, 1-based."""


class Due(_Model):
    """A task's normalised time frame."""

    start: dt.date | None = None
    """First day of the window."""
    end: dt.date | None = None
    """Deadline, last day of the window."""
    recurring: bool = False
    """True for 'Thường xuyên', 'Hằng quý' and the like."""


class Task(_Model):
    """A row of an appendix task table, or a body item laid out as a task."""

    no: int | str | None = None
    """The TT as printed (a number), a section path for body tasks, or null."""
    group: str | None = None
    """Group heading the task sits under, without its roman number."""
    content: str
    """What is to be done."""
    lead: list[str] = Field(default_factory=list)
    """Lead agencies (cơ quan chủ trì)."""
    partners: list[str] = Field(default_factory=list)
    """Partner agencies (cơ quan phối hợp)."""
    time: str | None = None
    """Time as printed."""
    due: Due | None = None
    """Normalised reading of time; null when it cannot be read."""
    product: str | None = None
    """Expected product (sản phẩm) as printed."""
    area: str | None = None
    """Reform-area code, when recognised."""
    page: int | None = None
    """Page the row starts on (PDF), else null."""
    line: int | None = None
    """Line, paragraph or row index the task starts on, 1-based."""


class Finding(_Model):
    """Something odd or missing, found while parsing or validating."""

    code: str
    """Stable identifier, e.g. 'numbering-duplicate'."""
    severity: Severity
    """error or warning (the document is at fault), review (the parser is unsure of its reading:
    open the document), or info."""
    message: str
    """What is wrong, in one line."""
    about: About = "document"
    """'document' when the document itself is at fault; 'reading' when the parser could not read
    a part and cannot tell (a missing signer when the closing part was not found)."""
    path: str | None = None
    """Section path or 'task:N' it concerns, when there is one."""
    page: int | None = None
    """Page (PDF), else null."""
    line: int | None = None
    """Line or paragraph index, 1-based."""


class PageReading(_Model):
    """A PDF page that was not read from its text layer."""

    page: int
    """Page number, 1-based."""
    source: Literal["ocr", "unread"]
    """ocr: read from the page image by Tesseract; unread: it needed OCR that was off or missing."""
    reason: str
    """Why its text layer was not used: 'no text layer', 'only 12 words of text on a scanned page',
    'garbled text layer (22% of its words are Vietnamese syllables)', 'OCR asked for'."""
    confidence: float | None = None
    """Tesseract's mean word confidence on the page, 0-100 (OCR only)."""
    turned: int = 0
    """Degrees the page image was turned before OCR (a landscape page scanned upright)."""


class Quality(_Model):
    """How sure the parser is of its reading: which parts it found, and a level."""

    level: Literal["ok", "review"]
    """'ok', or 'review' when a part could not be read: open the document before trusting the Plan."""
    header: bool
    """The header named the issuing body (it was not guessed from the preamble or the title)."""
    title: bool
    """The document type ('KẾ HOẠCH') and the title under it were found."""
    body_numbering: bool
    """The body has numbered items (I., 1., a) ...)."""
    closing: bool
    """The closing part was found: a 'Nơi nhận' list or a signature block."""
    signature: bool
    """The signer's name was read."""
    task_tables: int
    """Tables read as task tables, their columns mapped to task fields."""
    unread_tables: int
    """Tables that look like task tables but whose columns could not be mapped."""
    body_coverage: float
    """Share of the running text after the front matter that the parser placed (in a numbered
    section, the closing part or an appendix heading), 0 to 1."""
    issued_with_decision: bool = False
    """The plan is printed after the decision that issues it: the decision's signature and
    recipients stand for the plan's."""
    ocr_pages: list[PageReading] = Field(default_factory=list)
    """PDF pages read by OCR or left unread, with OCR's confidence; empty when every page had text."""
    reasons: list[str] = Field(default_factory=list)
    """Why the level is 'review', one line each."""


class Plan(_Model):
    """One plan document as structured data."""

    schema_version: str = SCHEMA_VERSION
    """Version of this schema."""
    language: Literal["vi", "en"] | None = None
    """Language of the text kehoach wrote into this Plan (finding messages, quality reasons, page
    readings): 'vi' or 'en'; the document's own text is as printed. Null in older Plans."""
    source: Source | None = None
    """Input file this Plan was parsed from."""
    doc_type: str | None = None
    """Tên loại as printed, e.g. 'KẾ HOẠCH'."""
    issuer: str | None = None
    """Issuing body, UBND expanded, e.g. 'Ủy ban nhân dân xã Hùng Thắng', 'Sở Công Thương'."""
    parent: str | None = None
    """Body printed above the issuer in the header (cơ quan chủ quản), e.g. 'Ủy ban nhân dân
    tỉnh Lào Cai' above 'Sở Công Thương'; null when the header names one body."""
    level: str | None = None
    """Level of the place the issuer serves: xã, phường, đặc khu, thị trấn, huyện, tỉnh, thành phố,
    trung ương."""
    locality: str | None = None
    """Name of that place without the level word (the commune, the province); null for central bodies."""
    province: str | None = None
    """Province or centrally-run city, when stated."""
    symbol: str | None = None
    """Ký hiệu from 'Số: 12/KH-UBND', e.g. 'KH-UBND'."""
    number: str | None = None
    """Number from 'Số: 12/KH-UBND' when filled in."""
    issued_place: str | None = None
    """Địa danh before 'ngày ... tháng ... năm'."""
    issued_date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    """Issue date, YYYY-MM-DD; YYYY-MM when the day is blank, YYYY when the month is too."""
    title: str | None = None
    """Trích yếu: the title under the document type."""
    period: Period | None = None
    """Time span the plan covers."""
    signer: Signer | None = None
    """Signature block."""
    legal_refs: list[LegalRef] = Field(default_factory=list)
    """Documents cited as bases in the preamble."""
    recipients: list[str] | None = None
    """'Nơi nhận' items, without leading '-' and trailing ';'."""
    declared_task_count: int | None = None
    """Task count the document states, e.g. 'Danh mục gồm 15 nhiệm vụ'."""
    sections: list[Section] = Field(default_factory=list)
    """The numbered body as a tree."""
    targets: list[Target] = Field(default_factory=list)
    """Quantified commitments in document order."""
    tasks: list[Task] = Field(default_factory=list)
    """Appendix task rows and body items laid out as tasks."""
    quality: Quality | None = None
    """How sure the parser is of this reading."""
    findings: list[Finding] = Field(default_factory=list)
    """Anomalies found while parsing."""


Section.model_rebuild()
