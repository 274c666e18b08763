"""Quantified commitments: percentages ('tối thiểu 80%') and time limits ('tối đa 15 phút').

A target's `text` is the sentence that carries it; a '-' bullet that carries a
single commitment keeps the whole bullet, which is how people quote them.
Document numbers, dates and years are never targets: only a number followed by
'%' or by a time unit next to a comparator is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.parse.language.textutil import fold, unmarked
from kehoach.parse.language.vocab import (
    ABBREVIATIONS,
    CMP_AFTER,
    CMP_BEFORE,
    CMP_FILLERS,
    CMP_NOT_RESTORED,
    DURATION_FILLERS,
    DURATION_LABELS,
    TIME_LIMIT_UNITS,
)

_NUM = r"\d{1,3}(?:[.,]\d{1,2})?"
_DIGIT = re.compile(r"\d")
_RANGE = re.compile(rf"(?<![\d/.,])({_NUM})\s*%?\s*(?:-|–|—|đến|tới)\s*({_NUM})\s*%")
_PERCENT = re.compile(rf"(?<![\d/.,])({_NUM})\s*%")
_TIME = re.compile(rf"(?<![\d/.,])({_NUM})\s*({'|'.join(TIME_LIMIT_UNITS)})\b")
_FILLERS = sorted((fold(w) for w in CMP_FILLERS), key=len, reverse=True)
_BEFORE = tuple((fold(phrase), cmp) for phrase, cmp in CMP_BEFORE)
_AFTER = tuple((fold(phrase), cmp) for phrase, cmp in CMP_AFTER)
# Comparators of two words or more by their letters alone, for one whose marks OCR or a typing
# slip got wrong ('tối thiếu 60%'); not those whose bare letters are everyday words too.
_BEFORE_UNMARKED = tuple((unmarked(phrase), cmp) for phrase, cmp in CMP_BEFORE
                         if " " in phrase and phrase not in CMP_NOT_RESTORED)
_ABBREVIATIONS = frozenset(ABBREVIATIONS)
# What a sentence says before a duration it sets: 'Thời gian kiểm tra: dự kiến khoảng' (folded).
_SETS_DURATION = re.compile(rf"^(?:{'|'.join(fold(w) for w in DURATION_LABELS)})\b[^:;.]{{0,40}}:"
                            rf"(?:\s*(?:{'|'.join(fold(w) for w in DURATION_FILLERS)}))*\s*$")
_SENTENCE_END = re.compile(r"[.!?](?=\s+\S)")
# Characters either side of a number that can hold its comparator ('không thấp hơn', 'trở lên').
_CONTEXT = 60
# A target quotes its sentence up to this length; past it, the words around its number.
_MAX_QUOTE = 1000
_QUOTE_REACH = 200


@dataclass(frozen=True, slots=True)
class Found:
    """A number found in a sentence."""

    value: int | float
    upper: int | float | None
    cmp: str
    unit: str
    sentence: str


def to_number(text: str) -> int | float:
    """'31,5' -> 31.5, '80' -> 80."""
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


_ABBREVIATION_REACH = 12


def _ends_sentence_at(text: str, dot: int) -> bool:
    """A '.' ends a sentence unless it closes '...', an abbreviation or an initial."""
    if text[dot] != "." :
        return True
    if text[max(0, dot - 2) : dot] == ".." or text[dot - 1 : dot] == "…":
        return False
    # Only the last few characters can hold an abbreviation; looking further back made a long
    # word before a full stop cost time in its square.
    before = text[max(0, dot - _ABBREVIATION_REACH) : dot]
    token = before.split()[-1] if before and not before[-1].isspace() else ""
    return token not in _ABBREVIATIONS and not (len(token) == 1 and token.isupper())


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; ';' does not end a sentence."""
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if not _ends_sentence_at(text, m.start()):
            continue
        pieces.append(text[start : m.end()].strip())
        start = m.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _comparator(before: str, after: str) -> str:
    tail = fold(after)[:12]
    for phrase, cmp in _AFTER:
        if tail.startswith(phrase):
            return cmp
    prefix = fold(before)[-40:].rstrip(" :")
    changed = True
    while changed:
        changed = False
        for filler in _FILLERS:
            if prefix.endswith(" " + filler) or prefix == filler:
                prefix = prefix[: -len(filler)].rstrip(" :")
                changed = True
    if re.search(r"(?:^|\s)từ$", prefix):
        return ">="
    for phrase, cmp in _BEFORE:
        if prefix.endswith(phrase) and (len(prefix) == len(phrase) or not prefix[-len(phrase) - 1].isalnum()):
            return cmp
    letters = unmarked(prefix)
    for phrase, cmp in _BEFORE_UNMARKED:
        if letters.endswith(phrase) and (len(letters) == len(phrase) or not letters[-len(phrase) - 1].isalnum()):
            return cmp
    return "="


def _has_comparator(before: str) -> bool:
    return _comparator(before, "") != "=" or fold(before).rstrip().endswith(("trong vòng", "trong thời hạn", "còn"))


_CLOCK_AFTER = re.compile(r"\s*\d{1,2}\s*(?:phút|')")
_CLOCK_BEFORE = re.compile(r"giờ\s*$")


def _is_clock_time(sentence: str, m: re.Match[str]) -> bool:
    """'từ 20 giờ 15 phút đến 20 giờ 45 phút': a time of day, not a limit."""
    if m.group(2) == "giờ":
        return bool(_CLOCK_AFTER.match(sentence, m.end()))
    return m.group(2) == "phút" and bool(_CLOCK_BEFORE.search(sentence[max(0, m.start() - _CONTEXT) : m.start()]))


def _quote(sentence: str, start: int, end: int) -> str:
    """What a target carries of its sentence: all of it, or for a very long one (a paragraph
    without full stops) the words around the number, so that a thousand targets in one
    paragraph do not each carry the whole paragraph."""
    if len(sentence) <= _MAX_QUOTE:
        return sentence
    left = sentence.rfind(" ", 0, max(0, start - _QUOTE_REACH)) + 1
    right = sentence.find(" ", min(len(sentence), end + _QUOTE_REACH))
    right = len(sentence) if right < 0 else right
    return ("…" if left > 0 else "") + sentence[left:right].strip() + ("…" if right < len(sentence) else "")


def find_in_sentence(sentence: str) -> list[Found]:
    """Every commitment in one sentence, left to right. Only a few words either side of a
    number decide its comparator, so only those are looked at: cost grows with the sentence,
    not with the sentence times its numbers."""
    if not _DIGIT.search(sentence):  # every commitment has a number; most sentences have none
        return []
    found: list[tuple[int, Found]] = []
    taken: list[tuple[int, int]] = []

    def before(m: re.Match[str]) -> str:
        return sentence[max(0, m.start() - _CONTEXT) : m.start()]

    def after(m: re.Match[str]) -> str:
        return sentence[m.end() : m.end() + _CONTEXT]

    percent = "%" in sentence  # both patterns end in '%'
    for m in _RANGE.finditer(sentence) if percent else ():
        low, high = to_number(m.group(1)), to_number(m.group(2))
        if low < high:
            found.append((m.start(), Found(low, high, "range", "%", _quote(sentence, *m.span()))))
            taken.append(m.span())
    for m in _PERCENT.finditer(sentence) if percent else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        cmp = _comparator(before(m), after(m))
        found.append((m.start(), Found(to_number(m.group(1)), None, cmp, "%", _quote(sentence, *m.span()))))
    for m in _TIME.finditer(sentence):
        # A duration a label sets is what it says; a limit needs its comparator ('tối đa 15 phút').
        sets = m.start() <= _CONTEXT and bool(_SETS_DURATION.match(fold(sentence[: m.start()])))
        if not (sets or _has_comparator(before(m))) or _is_clock_time(sentence, m):
            continue
        if sets:
            cmp = "="
        else:  # a limit whose words give no direction ('trong vòng 15 phút') is at most
            cmp = _comparator(before(m), after(m))
            cmp = "<=" if cmp == "=" else cmp
        found.append((m.start(), Found(to_number(m.group(1)), None, cmp, m.group(2), _quote(sentence, *m.span()))))
    return [f for _, f in sorted(found, key=lambda pair: pair[0])]


def find_targets(text: str, whole_unit: bool) -> list[Found]:
    """Commitments in a paragraph, bullet or cell.

    With `whole_unit`, a unit whose commitments all sit in one sentence is quoted whole.
    """
    if not _DIGIT.search(text):
        return []
    per_sentence = [(s, find_in_sentence(s)) for s in split_sentences(text)]
    carrying = [s for s, found in per_sentence if found]
    if whole_unit and len(carrying) == 1 and len(text) <= _MAX_QUOTE:
        return [Found(f.value, f.upper, f.cmp, f.unit, text) for _, found in per_sentence for f in found]
    return [f for _, found in per_sentence for f in found]
