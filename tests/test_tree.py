"""The section tree, from small texts in tests/fixtures/trees.yaml."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from kehoach.parse.readers.text.reader import blocks_from_lines, clean_lines
from kehoach.parse.structure.numbering import check_numbering
from kehoach.parse.structure.tree import build_tree, walk

from .conftest import FIXTURES

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "trees.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_tree(case: dict[str, Any]) -> None:
    sections = build_tree(blocks_from_lines(clean_lines(case["text"])))
    assert [s.path for s in walk(sections)] == [str(p) for p in case["paths"]]
    if "findings" in case:
        codes = sorted({f.code for f in check_numbering(sections)})
        assert codes == sorted(case["findings"])


def test_heading_or_sentence() -> None:
    text = "I. MỤC ĐÍCH\n1. Mục đích:\n- Nội dung.\n2. Hoàn thành 100% nhiệm vụ được giao.\n"
    sections = build_tree(blocks_from_lines(clean_lines(text)))
    flat = walk(sections)
    assert (flat[0].title, flat[0].text) == ("MỤC ĐÍCH", None)
    assert (flat[1].title, flat[1].text) == ("Mục đích", None)
    assert flat[2].title is None and flat[2].text == "Hoàn thành 100% nhiệm vụ được giao."
    assert [p.kind for p in flat[1].content] == ["bullet"]


def test_broken_lines_are_joined() -> None:
    text = "I. NHIỆM VỤ\n\n1. Công tác cải cách hành chính tiếp tục được xác định là nhiệm vụ trọng tâm,\n\nkhâu đột phá trong công tác lãnh đạo.\n"
    sections = build_tree(blocks_from_lines(clean_lines(text)))
    item = walk(sections)[1]
    assert item.text == "Công tác cải cách hành chính tiếp tục được xác định là nhiệm vụ trọng tâm, khâu đột phá trong công tác lãnh đạo."
    assert item.line == 3
