"""The header's issuing body: the issuer, the body printed above it, their level and place.

NĐ 30/2020 prints the issuer top left, in capitals, under the body it belongs to
(cơ quan chủ quản): 'UBND TỈNH LÀO CAI' / 'SỞ CÔNG THƯƠNG'; a body that belongs to
none prints its name alone, wrapped over lines ('ỦY BAN NHÂN DÂN' / 'XÃ HÙNG THẮNG').
Extraction interleaves that column with the national motto, so the lines before the
document type are read one by one, the motto, number and date lines dropped, and
the rest grouped into names: a line naming only a place ('XÃ LƯƠNG MINH') or the
rest of a wrapped name completes the name above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.parse.blocks import Block
from kehoach.parse.language.textutil import UPPER, capitalise_words, fold, is_upper
from kehoach.parse.language.vocab import (
    BODY_ABBREVIATIONS,
    BODY_HEADS,
    BODY_LEVELS,
    BODY_PHRASES,
    CENTRAL_WORDS,
    LEGAL_KINDS,
    LEVELS,
    NAME_LINKS,
    NATIONAL_HEADER,
)
from kehoach.parse.readers.lines import is_attachment_line, is_doc_type, is_noise, is_standalone

_MOTTO_WORDS = tuple(fold(h) for h in NATIONAL_HEADER) + ("cộng hòa xã hội", "độc lập - tự do")
_LEVEL_AT_START = re.compile(rf"^(?:{'|'.join(LEVELS)})\s+\S", re.I)
_LEVEL_NAME = re.compile(rf"\b((?i:{'|'.join(LEVELS)}))\s+((?:[{UPPER}\d][^\s,;.:()/]*)(?:\s+[{UPPER}\d][^\s,;.:()/]*){{0,4}})")
_ABBREVIATION = re.compile(r"\b(" + "|".join(sorted(map(re.escape, BODY_ABBREVIATIONS), key=len, reverse=True)) + r")\b")
# Each phrase found as spelt, or with the other tone placement ('hoà'/'hòa'): the text
# matched is not folded, so both spellings are looked for.
_PHRASES = tuple(("|".join(re.escape(k) for k in sorted({p.lower(), fold(p)})), p)
                 for p in sorted(BODY_PHRASES + LEGAL_KINDS, key=len, reverse=True))
# A name that ends citing a document ('... THEO QUYẾT ĐỊNH') goes on with its number.
_CITES_DOCUMENT = re.compile(rf"(?:{'|'.join(fold(k) for k in LEGAL_KINDS)})$")
_HEADS = tuple(sorted((fold(h) for h in BODY_HEADS), key=len, reverse=True))
# Heads whose name is often wrapped after them ('ỦY BAN NHÂN' / 'DÂN').
_WRAPPED_NAMES = tuple(fold(p) for p in BODY_PHRASES[:2])


@dataclass(slots=True)
class HeaderBody:
    """What the header says about who issues the plan."""

    issuer: str
    parent: str | None
    level: str | None
    locality: str | None


def _cut_motto(line: str) -> str:
    """'TỈNH ĐỒNG THÁP CỘNG HÒA XÃ' -> 'TỈNH ĐỒNG THÁP': the motto glued on by the extraction."""
    key = fold(line)
    cuts = [key.find(word) for word in _MOTTO_WORDS if word in key]
    cuts += [key.find("cộng hòa")] if key.rstrip().endswith(("cộng hòa", "cộng hòa xã")) else []
    return line[: min(cuts)].strip(" -") if cuts else line


_NUMBER_ONLY = re.compile(r"^\d*\s*/\s*[A-ZĐ]")
_MOTTO = fold(NATIONAL_HEADER[0])


def header_lines(front: list[Block]) -> list[str]:
    """The issuer column's lines: capitals before the document type; the motto (also wrapped:
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA' / 'VIỆT NAM'), number and date dropped."""
    lines: list[str] = []
    motto = ""
    for block in front:
        if is_doc_type(block.text):
            break
        for raw in (block.raw or block.text).split("\n"):
            text = " ".join(raw.split())
            rest_of_motto = bool(motto) and _MOTTO.startswith(fold(f"{motto} {text}"))
            motto = f"{motto} {text}" if rest_of_motto else (text if _MOTTO.startswith(fold(text)) and text else "")
            line = _cut_motto(text)
            if lines and _CITES_DOCUMENT.search(fold(lines[-1])) and fold(line).startswith("số "):
                lines.append(line)  # 'THEO QUYẾT ĐỊNH' / 'SỐ 1050/QĐ-SCT': the decision's number, not the plan's
                continue
            if (rest_of_motto or not line or is_noise(line) or is_attachment_line(line) or is_standalone(line)
                    or not is_upper(line) or _NUMBER_ONLY.match(line)):
                continue
            lines.append(line)
    return lines


def _completes(name: str, line: str) -> bool:
    """`line` belongs to the name above it: a place ('XÃ LƯƠNG MINH' under 'ỦY BAN MTTQ VIỆT NAM'),
    the rest of a wrapped name ('DÂN' under 'ỦY BAN NHÂN'), or a line that a linking word ties
    to it ('THEO QUYẾT ĐỊNH' under 'ĐOÀN KIỂM TRA', 'SỐ 1050/QĐ-SCT' under that)."""
    key, joined = fold(name), fold(f"{name} {line}")
    first = fold(line).split(" ", 1)[0]
    if first in NAME_LINKS or (first == "số" and _CITES_DOCUMENT.search(key)):
        return True
    if any(full.startswith(key) and len(key) < len(full) and joined.startswith(full[: len(joined)])
           for full in _WRAPPED_NAMES):
        return True
    return bool(_LEVEL_AT_START.match(line)) and _LEVEL_NAME.search(expand(name)) is None


def organisation_names(lines: list[str]) -> list[str]:
    """Lines grouped into names, top to bottom."""
    names: list[str] = []
    for line in lines:
        if names and _completes(names[-1], line):
            names[-1] = f"{names[-1]} {line}"
        else:
            names.append(line)
    return names


def _word_case(word: str) -> str:
    return word if any(ch.isdigit() or ch == "/" for ch in word) else word.lower()


def expand(name: str) -> str:
    """A name as written in running text: abbreviations expanded, a header's capitals undone
    ('UBND TỈNH LÀO CAI' -> 'Ủy ban nhân dân tỉnh Lào Cai')."""
    text = _ABBREVIATION.sub(lambda m: BODY_ABBREVIATIONS[m.group(1)], " ".join(name.split()))
    if not is_upper(name):
        return text
    text = " ".join(_word_case(w) for w in text.split())
    head = next((h for h in _HEADS if fold(text).startswith(h + " ")), None)
    if head is not None:  # 'sở tư pháp' -> 'sở Tư pháp'; known phrases below may do better
        rest = text[len(head) + 1 :]
        text = text[: len(head) + 1] + rest[:1].upper() + rest[1:]
    for spellings, phrase in _PHRASES:
        text = re.sub(rf"(?<!\w)(?:{spellings})(?!\w)", phrase, text, flags=re.I)
    level = re.search(rf"\b({'|'.join(LEVELS)})\s+(.+)$", text)
    if level:  # the place after the level word is a proper name
        text = text[: level.start(2)] + capitalise_words(level.group(2))
    return text[:1].upper() + text[1:]


def _level_of(names: list[str]) -> tuple[str | None, str | None]:
    """Level and place from the first name that names one, else from the kind of body."""
    for name in names:
        m = _LEVEL_NAME.search(name)
        if m:
            return m.group(1).lower(), m.group(2)
    for name in names:
        key = fold(name)
        if any(word in key for word in CENTRAL_WORDS):
            return "trung ương", None
        for head, level in BODY_LEVELS:
            if key.startswith(head + " "):
                return level, None
    return None, None


def read_header(front: list[Block]) -> HeaderBody | None:
    """The issuing body from the header lines; None when the header names none."""
    names = [expand(name) for name in organisation_names(header_lines(front))]
    if not names:
        return None
    level, locality = _level_of(names)
    return HeaderBody(issuer=names[-1], parent=names[-2] if len(names) > 1 else None, level=level, locality=locality)
