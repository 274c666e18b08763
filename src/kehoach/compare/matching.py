"""How two plans' contents are matched: the one place `diff` and `validate --against` share.

- Targets are matched by their indicator code (`parse/extract/classify.py`), each side's most
  demanding commitment taken (`export/records.strictest`).
- Task contents are matched by `similarity`, the ratio of what two folded texts share in order
  (diff's measure: two versions of one task score high, two different tasks low).
- Whether a commune took up a task of its parent is `coverage`: the share of the parent task's
  word pairs that appear in the commune's text, whatever else that text says (a commune copies
  the province's sentence into a longer item of its own, or shortens it).
"""

from __future__ import annotations

import difflib
import re

from kehoach.parse.extract.agencies import expand_abbreviations
from kehoach.parse.language.textutil import fold

# Tasks whose contents are at least this similar are the same task (diff).
TASK_MATCH = 0.6
_WORD = re.compile(r"\w+")


def similarity(a: str, b: str) -> float:
    """0-1: how alike two texts are, in order (tone placement and case ignored)."""
    return difflib.SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


def word_pairs(text: str) -> set[tuple[str, str]]:
    """The pairs of neighbouring words (Vietnamese syllables) of a text, folded, abbreviations
    written out ('TTHC' and 'thủ tục hành chính' are the same words)."""
    words = _WORD.findall(fold(expand_abbreviations(text)))
    return set(zip(words, words[1:], strict=False))


def coverage(part: str | set[tuple[str, str]], whole: str | set[tuple[str, str]]) -> float:
    """0-1: the share of `part`'s word pairs found in `whole` (texts, or their word_pairs)."""
    wanted = word_pairs(part) if isinstance(part, str) else part
    found = word_pairs(whole) if isinstance(whole, str) else whole
    return len(wanted & found) / len(wanted) if wanted else 0.0
