"""Build the section tree from body blocks (the tree pass).

Levels come from the order in which marker kinds first appear: a plan that goes
I / 1 / a gets roman=1, arabic=2, letter=3; one that goes 1 / 1.1 / a gets
arabic=1, decimal2=2, letter=3. A kind seen again closes every deeper level.
Printed labels are kept as they are; anomalies become findings (`numbering.py`). In text
read by OCR a few misread labels are set right from their place (`ocr_labels.py`).
"""

from __future__ import annotations

import re

from kehoach.parse.blocks import Block
from kehoach.parse.language.textutil import is_upper
from kehoach.parse.structure.markers import BULLET, Marker, match_marker
from kehoach.parse.structure.ocr_labels import lost_number, misread_item, misread_part
from kehoach.schema import Paragraph, Section

_TERMINAL = re.compile(r"[.;!?…]\s*$")
# A heading is short; an item whose opening runs longer is a sentence item.
_HEADING_MAX = 130
_SHORT_HEADING = 60


def _paragraph(block: Block, marker: Marker | None) -> Paragraph:
    if marker is not None and marker.kind == BULLET:
        return Paragraph(kind="bullet", marker=marker.label, text=marker.rest, page=block.page, line=block.line)
    return Paragraph(kind="text", text=block.text, page=block.page, line=block.line)


def split_caps_heading(text: str) -> tuple[str, str]:
    """'KINH PHÍ Kinh phí thực hiện ...' -> ('KINH PHÍ', 'Kinh phí thực hiện ...').

    A heading in capitals typed on the same line as the paragraph under it.
    """
    words = text.split()
    n = 0
    while n < len(words) and (is_upper(words[n]) or not any(ch.isalpha() for ch in words[n])):
        n += 1
    if n < 2 or n == len(words) or not words[n][:1].isupper() or not is_upper(" ".join(words[:n])):
        return text, ""
    return " ".join(words[:n]), " ".join(words[n:])


def _new_section(block: Block, marker: Marker, level: int, parent_path: str) -> Section:
    path = f"{parent_path}/{marker.label}" if parent_path else marker.label
    opening, remainder = split_caps_heading(marker.rest)
    section = Section(
        path=path,
        label=marker.label,
        kind=marker.kind,
        level=level,
        text=opening,
        raw=block.raw or block.text,
        page=block.page,
        line=block.line,
    )
    if remainder:
        section.content.append(Paragraph(kind="text", text=remainder, page=block.page, line=block.line))
    return section


def _settle_heading(section: Section) -> None:
    """Decide whether the item's opening is a heading (title) or a sentence (text)."""
    opening = (section.text or "").strip()
    has_body = bool(section.content or section.children)
    is_heading = (
        opening.endswith(":")
        or is_upper(opening)
        or (has_body and not _TERMINAL.search(opening) and len(opening) <= _HEADING_MAX)
        or (has_body and len(opening) <= _SHORT_HEADING and opening.count(". ") == 0)
    )
    if is_heading:
        section.title = opening.rstrip(" :.")
        section.text = None
    for child in section.children:
        _settle_heading(child)


def build_tree(body: list[Block]) -> list[Section]:
    """Sections of the body; text before the first item (there is none when the body comes
    from `zones`, which starts it at an item) is dropped."""
    roots: list[Section] = []
    kinds: list[str] = []
    open_sections: list[Section] = []
    paragraphs = [block for block in body if block.kind == "para"]
    for i, block in enumerate(paragraphs):
        marker = match_marker(block.text)
        if marker is None and block.ocr and i + 1 < len(paragraphs):
            marker = lost_number(block.text, match_marker(paragraphs[i + 1].text), kinds, open_sections)
        if marker is None or marker.kind == BULLET:
            if open_sections:
                open_sections[-1].content.append(_paragraph(block, marker))
            continue
        if block.ocr:
            marker = misread_item(marker, kinds, open_sections)
        if marker.kind in kinds:
            depth = kinds.index(marker.kind)
            del kinds[depth + 1 :]
        else:
            kinds.append(marker.kind)
            depth = len(kinds) - 1
        del open_sections[depth:]
        parent = open_sections[-1] if open_sections else None
        if block.ocr:
            marker = misread_part(marker, parent.children if parent else roots)
        section = _new_section(block, marker, len(open_sections) + 1, parent.path if parent else "")
        (parent.children if parent else roots).append(section)
        open_sections.append(section)
    for root in roots:
        _settle_heading(root)
    return roots


def walk(sections: list[Section]) -> list[Section]:
    """All sections in document order (pre-order)."""
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out.extend(walk(section.children))
    return out
