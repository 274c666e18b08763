"""Everything the plan says about itself before its body: who, what, when, on what basis.

A plan can be printed after the decision that issues it ('QUYẾT ĐỊNH Ban hành Kế
hoạch ...', its articles and signature, then 'KẾ HOẠCH' and '(Kèm theo Quyết định
số ...)'). Then the decision's number, date and legal bases are the decision's, not
the plan's: the plan's own front matter starts at its 'KẾ HOẠCH' line, and only the
issuing body comes from the decision's header.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.parse.blocks import Block
from kehoach.parse.extract import metadata
from kehoach.parse.extract.header import HeaderBody, header_lines, read_header
from kehoach.parse.extract.legal_refs import legal_refs
from kehoach.parse.language.textutil import fold
from kehoach.parse.language.timephrases import Span
from kehoach.parse.language.vocab import CENTRAL_LEVELS, LOCAL_LEVELS, PROVINCES
from kehoach.parse.readers.lines import is_attachment_line, is_doc_type
from kehoach.schema import LegalRef

_PROVINCE_KEYS = {fold(p): p for p in PROVINCES}
# Levels whose place is itself a province or a centrally-run city.
_PROVINCIAL_LEVELS = ("tỉnh", "thành phố")


@dataclass(slots=True)
class FrontMatter:
    """The plan's metadata, read from its front matter (and its whole text for the province)."""

    doc_type: str | None = None
    title: str | None = None
    number: str | None = None
    symbol: str | None = None
    issued_place: str | None = None
    issued_date: str | None = None
    issuer: str | None = None
    parent: str | None = None
    level: str | None = None
    locality: str | None = None
    province: str | None = None
    period: Span | None = None
    legal_refs: list[LegalRef] = field(default_factory=list)
    declared_task_count: int | None = None
    header_found: bool = False
    """The header named the issuing body (not guessed from the preamble or the title)."""
    header_seen: bool = False
    """Lines in capitals stand before the document type: a header the parser may not have read."""
    issued_with_decision: bool = False
    """The plan is printed after the decision that issues it."""


def split_decision(front: list[Block]) -> tuple[list[Block], list[Block] | None]:
    """(the plan's own front matter, the decision printed before it or None)."""
    types = [i for i, block in enumerate(front) if is_doc_type(block.text)]
    if len(types) < 2:
        return front, None
    last = types[-1]
    attached = any(is_attachment_line(block.text) for block in front[last + 1 : last + 4])
    if not attached or fold(front[types[0]].text) == fold(front[last].text):
        return front, None
    return front[last:], front[:last]


def _issuing_body(plan: list[Block], wrapper: list[Block] | None, title: str | None) -> tuple[HeaderBody | None, bool]:
    """The header's body, else the old reading from the preamble's 'X ban hành' or the title."""
    header = read_header(wrapper if wrapper is not None else plan)
    guess = metadata.find_issuer(plan, title)
    if header is not None and (header.level is not None or guess is None):
        return header, True
    if guess is not None:
        return HeaderBody(issuer=guess.issuer, parent=None, level=guess.level, locality=guess.locality), False
    return None, False


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def read_front(front: list[Block], all_texts: list[str]) -> FrontMatter:
    """The plan's metadata from its front matter."""
    plan, wrapper = split_decision(front)
    own = wrapper is None  # a plan printed alone may take its number from '(Kèm theo ...)'
    doc_type, title = metadata.doc_type_and_title(plan)
    number, symbol = metadata.number_and_symbol(plan, attachment=own)
    place, date = metadata.place_and_date(plan, attachment=own)
    body, from_header = _issuing_body(plan, wrapper, title)
    province = metadata.find_province(all_texts)
    level = body.level if body else None
    locality = body.locality if body else None
    if level in _PROVINCIAL_LEVELS and locality and fold(locality) in _PROVINCE_KEYS:
        province = _PROVINCE_KEYS[fold(locality)]  # a provincial body's place is its province
    if level in CENTRAL_LEVELS:
        province = None  # a ministry or a central body serves no province, wherever it sits
    if level == "tỉnh" and locality is None:
        locality = province  # a department names no place: it serves its province
    return FrontMatter(
        doc_type=doc_type,
        title=title,
        number=number,
        symbol=symbol,
        issued_place=place,
        issued_date=date,
        issuer=body.issuer if body else None,
        parent=body.parent if body else None,
        level=level,
        locality=locality,
        province=province,
        period=metadata.find_plan_period(title, plan, _year(date)),
        legal_refs=legal_refs(plan),
        declared_task_count=metadata.declared_task_count(all_texts),
        header_found=from_header,
        header_seen=bool(header_lines(wrapper if wrapper is not None else plan)),
        issued_with_decision=wrapper is not None,
    )


def is_local(level: str | None) -> bool:
    """A commune-level issuer (xã, phường, thị trấn, đặc khu)."""
    return level in LOCAL_LEVELS
