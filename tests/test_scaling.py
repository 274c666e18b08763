"""Inputs that once took time in the square of their size now take time in proportion.

Each case is parsed at three sizes, each twice the one before; the growth exponent is
log2 of the time ratio per doubling (1 = linear, 2 = quadratic). Times are ratios within
one run, best of five, so a slow machine slows every size alike.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import pytest

from kehoach.parse.pipeline import parse_bytes

HEAD = "ỦY BAN NHÂN DÂN\nXÃ A\nKẾ HOẠCH\nCải cách hành chính năm 2025\nI. MỤC TIÊU\n1. Nội dung\n"
CASES: dict[str, Callable[[int], str]] = {
    # One long word before a full stop: each stop looked back through the whole word.
    "a long word before a sentence end": lambda n: HEAD + "x" * (40 * n) + " 1. Y z\n",
    # Many targets in one paragraph without a full stop: each carried the whole paragraph.
    "many targets in one sentence": lambda n: HEAD + "tối thiểu 1% " * n + "\n",
    "many short sentences in one paragraph": lambda n: HEAD + "Câu 1. " * (4 * n) + "\n",
    # 'Danh mục' and a run of digits after a flattened table's header: the table-end pattern backtracked.
    "digits after a table header": lambda n: HEAD + "TT\nNội dung\nChủ trì\nThời gian\nDanh mục " + "1" * (100 * n) + "\n",
}
MAX_EXPONENT = 1.3


def _seconds(text: str) -> float:
    data = text.encode("utf-8")
    best = math.inf
    for _ in range(5):  # best of five: a moment of load on a shared machine is not growth
        start = time.perf_counter()
        parse_bytes(data)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", sorted(CASES))
def test_parse_time_grows_linearly(name: str) -> None:
    make = CASES[name]
    small, _, large = (_seconds(make(n)) for n in (1000, 2000, 4000))
    exponent = math.log2(large / small) / 2
    assert exponent < MAX_EXPONENT, f"{name}: time grows as size^{exponent:.2f}"


def test_a_target_carries_a_window_of_a_huge_sentence_not_all_of_it() -> None:
    plan = parse_bytes((HEAD + "tối thiểu 1% " * 3000 + "\n").encode("utf-8"))
    assert len(plan.targets) == 3000
    assert max(len(t.text) for t in plan.targets) < 500
