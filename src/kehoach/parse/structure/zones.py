"""Cut a document's blocks into its parts: front matter, body, closing, appendix.

Front matter is everything before the first numbered item that follows the
document type ('KẾ HOẠCH'): header, title, preamble. The body runs until
'Nơi nhận', the signature block or an appendix heading. The closing holds the
recipients and the signature; the appendix is whatever follows the signer's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.parse.blocks import Block
from kehoach.parse.language.textutil import is_person_name, is_upper
from kehoach.parse.language.vocab import APPENDIX_STARTERS, CLOSING_STARTERS
from kehoach.parse.readers.lines import is_doc_type, is_signature_line
from kehoach.parse.structure.markers import BULLET, match_marker

_STRUCTURAL_START = ("roman", "arabic", "decimal2", "upper_letter", "part")


@dataclass(slots=True)
class Zones:
    """Blocks of each part of a plan, in document order."""

    front: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)
    appendix: list[Block] = field(default_factory=list)


def _is_appendix_heading(block: Block) -> bool:
    head = block.text.split(".")[0]
    return block.kind == "para" and block.text.startswith(APPENDIX_STARTERS) and is_upper(head)


def _body_start(blocks: list[Block]) -> int:
    doc_type_at = next((i for i, b in enumerate(blocks) if b.kind == "para" and is_doc_type(b.text)), -1)
    for i in range(doc_type_at + 1, len(blocks)):
        block = blocks[i]
        if block.kind != "para":
            continue
        marker = match_marker(block.text)
        if marker is not None and marker.kind in _STRUCTURAL_START:
            return i
    return len(blocks)


def _is_closing(block: Block) -> bool:
    if block.kind == "table":
        return False
    return block.text.startswith(CLOSING_STARTERS) or is_signature_line(block.text)


def _closing_end(blocks: list[Block], start: int) -> int:
    """Index just after the signer's name (or where a data table or appendix heading starts)."""
    for i in range(start, len(blocks)):
        block = blocks[i]
        if block.kind == "table":
            return i
        if block.kind == "para" and _is_appendix_heading(block):
            return i
        if block.kind == "para" and is_person_name(block.text) and match_marker(block.text) is None:
            # Recipients read row by row beside the signature can go on after the name.
            end = i + 1
            while end < len(blocks) and blocks[end].kind == "para" and is_bullet(blocks[end]):
                end += 1
            return end
    return len(blocks)


def split_zones(blocks: list[Block]) -> Zones:
    """Assign every block to exactly one part."""
    start = _body_start(blocks)
    zones = Zones(front=[b for b in blocks[:start] if b.kind == "para"])
    # A data table before the body (rare) still belongs to the plan's tables.
    zones.appendix.extend(b for b in blocks[:start] if b.kind == "table")
    end = start
    while end < len(blocks):
        block = blocks[end]
        if _is_closing(block) or _is_appendix_heading(block):
            break
        end += 1
    zones.body = blocks[start:end]
    if end < len(blocks) and _is_appendix_heading(blocks[end]):
        zones.appendix.extend(blocks[end:])
        return zones
    closing_end = _closing_end(blocks, end)
    zones.closing = blocks[end:closing_end]
    zones.appendix.extend(blocks[closing_end:])
    return zones


def is_bullet(block: Block) -> bool:
    """True for a '-', '+' or '•' paragraph."""
    marker = match_marker(block.text)
    return marker is not None and marker.kind == BULLET
