"""Repairs to what OCR reads, where the plan vocabulary says what was printed.

Tesseract's Vietnamese model reads body text well but often misplaces the marks of
capitals ('KÉ HOẠCH' for 'KẾ HOẠCH', 'TỎ CHỨC' for 'TỔ CHỨC'), and those are the words
the structure pass keys on; so are the comparators the targets key on ('tối thiếu' for
'tối thiểu'). A run of two or more words that has the same letters as a
phrase of the vocabulary once marks are set aside is taken to be that phrase, in the
case it was printed in. Single words are left alone: 'TRƯỜNG' (a school) and
'TRƯỞNG' (a head) differ only in their marks, and both are printed in headers.
"""

from __future__ import annotations

import functools
import re

from kehoach.parse.language import vocab
from kehoach.parse.language.textutil import is_upper, nfc, unmarked

_LETTERS = re.compile(r"[^\W\d_]+")
_LONGEST = 4  # words in the longest phrase looked for


@functools.cache
def _phrases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Mark-less words of each phrase -> its words in capitals; forms shared by two phrases dropped."""
    comparators = (phrase for phrase, _ in vocab.CMP_BEFORE if phrase not in vocab.CMP_NOT_RESTORED)
    sources = (*vocab.DOC_TYPES, *vocab.NATIONAL_HEADER, *vocab.BODY_PHRASES, *vocab.COLLECTIVE_BODIES,
               *vocab.PROVINCES, *vocab.HEADING_PHRASES, *vocab.APPENDIX_STARTERS, *comparators)
    found: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for phrase in sources:
        words = tuple(nfc(w).upper() for w in _LETTERS.findall(phrase))
        if 2 <= len(words) <= _LONGEST:
            found.setdefault(tuple(unmarked(w) for w in words), set()).add(words)
    return {form: next(iter(options)) for form, options in found.items() if len(options) == 1}


def _in_case_of(word: str, model: str) -> str:
    """`word` (capitals) in the case `model` was printed in."""
    if model.isupper():
        return word
    return word.capitalize() if model[:1].isupper() else word.lower()


# Letters Vietnamese never uses that OCR reads for its own: the Icelandic eth for đ (often
# after a true đ, as a double reading of one letter), the fraction slash for '/'.
_GLYPHS = (("ĐÐ", "Đ"), ("đð", "đ"), ("Ð", "Đ"), ("ð", "đ"), ("⁄", "/"))
# The same at the head of a lettered item, where only a letter of the item order can stand:
# 'ø)' for 'g)', 'ï)' for 'i)'.
_ITEM_LETTERS = {"ø": "g", "ï": "i", "ì": "i", "í": "i"}
_ITEM_READ = re.compile(rf"^([{''.join(_ITEM_LETTERS)}])([.)])$")


# A part number as OCR misreads it: 'I' as 'l', 'L' or '|', 'II' run together as 'H' ('H.' for
# 'II.', 'HI.' for 'III.'), the dot lost ('L MỤC ĐÍCH').
_ROMAN_READ = re.compile(r"^([IVXlLH|]{1,4})(\.?)$")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")


def _part_number(first: str, rest: list[str]) -> str:
    """'HI.' -> 'III.', 'L' -> 'I.' at the head of a heading in capitals (its first two words;
    OCR may put the heading's first body line on its line); anything else as read."""
    m = _ROMAN_READ.match(first)
    if not m or not rest or not all(is_upper(word) for word in rest[:2]):
        return first
    letters, dot = m.groups()
    misread = any(ch in "lL|H" for ch in letters)
    if not misread and dot:
        return first
    roman = letters.replace("l", "I").replace("L", "I").replace("|", "I").replace("H", "II")
    return f"{roman}." if _ROMAN.match(roman) else first


def repair_line(words: list[str]) -> list[str]:
    """The words of one OCR line, look-alike letters replaced and runs that match a
    vocabulary phrase set right."""
    line = nfc(" ".join(words))
    for wrong, right in _GLYPHS:
        line = line.replace(wrong, right)
    words = line.split(" ")
    words[0] = _part_number(words[0], words[1:])
    item = _ITEM_READ.match(words[0]) if len(words) > 1 else None
    if item:
        words[0] = _ITEM_LETTERS[item.group(1)] + item.group(2)
    line = " ".join(words)
    tokens = list(_LETTERS.finditer(line))
    table = _phrases()
    replace: dict[int, str] = {}  # token index -> corrected letters
    i = 0
    while i < len(tokens):
        for n in range(min(_LONGEST, len(tokens) - i), 1, -1):
            run = [t.group(0) for t in tokens[i : i + n]]
            phrase = table.get(tuple(unmarked(w) for w in run))
            if phrase is not None:
                replace.update({i + k: _in_case_of(phrase[k], run[k]) for k in range(n)})
                i += n
                break
        else:
            i += 1
    if not replace:
        return words
    out, last = [], 0
    for index, token in enumerate(tokens):
        out.append(line[last : token.start()] + replace.get(index, token.group(0)))
        last = token.end()
    fixed = "".join(out) + line[last:]
    return fixed.split(" ") if len(fixed.split(" ")) == len(words) else words
