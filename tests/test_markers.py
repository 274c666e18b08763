"""The numbering rules, case by case, from tests/fixtures/markers.txt."""

from __future__ import annotations

import pytest

from kehoach.parse.readers.lines import Line, join_lines
from kehoach.parse.structure.markers import match_marker, roman_value, sort_key

from .conftest import FIXTURES


def _cases() -> list[tuple[str, str | None, str | None]]:
    cases = []
    for line in (FIXTURES / "markers.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, _, want = line.rpartition(" => ")
        if want == "none":
            cases.append((text, None, None))
        else:
            kind, label = want.split(" ", 1)
            cases.append((text, kind, label))
    return cases


@pytest.mark.parametrize(("text", "kind", "label"), _cases())
def test_marker_rule(text: str, kind: str | None, label: str | None) -> None:
    marker = match_marker(text)
    if kind is None:
        assert marker is None, f"{text!r} should not be a marker, got {marker}"
    else:
        assert marker is not None, f"{text!r} should be a {kind} marker"
        assert (marker.kind, marker.label) == (kind, label)


def test_roman_values() -> None:
    assert [roman_value(r) for r in ("I", "IV", "IX", "XIV", "XX")] == [1, 4, 9, 14, 20]
    assert roman_value("IIII") is None
    assert roman_value("ABC") is None


def test_letter_positions_follow_vietnamese_order() -> None:
    positions = [sort_key("letter", x) for x in ("a", "b", "c", "d", "đ", "e", "g", "h")]
    assert positions == [1, 2, 3, 4, 5, 6, 7, 8]
    assert sort_key("letter", "f") is None


@pytest.mark.parametrize(("lines", "paragraphs"), [
    # A line that looks like an item but continues an open bracket is not one.
    (["báo cáo trước ngày 18/3/2026 (theo quy định tại Mục 5,", "Phần VI Hướng dẫn 13/HD-MTTQ-BTT)."],
     ["báo cáo trước ngày 18/3/2026 (theo quy định tại Mục 5, Phần VI Hướng dẫn 13/HD-MTTQ-BTT)."]),
    # A closed bracket, or a line that ends its sentence, lets the item open.
    (["Kinh phí (nếu có) theo quy định,", "Phần VI. TỔ CHỨC THỰC HIỆN"],
     ["Kinh phí (nếu có) theo quy định,", "Phần VI. TỔ CHỨC THỰC HIỆN"]),
    (["(Kèm theo Kế hoạch số 12/KH-UBND;", "1. Nội dung thứ nhất."], ["(Kèm theo Kế hoạch số 12/KH-UBND;", "1. Nội dung thứ nhất."]),
])
def test_no_item_opens_inside_an_open_bracket(lines: list[str], paragraphs: list[str]) -> None:
    blocks = join_lines([Line(text, number) for number, text in enumerate(lines, start=1)], width=0.0)
    assert [b.text for b in blocks] == paragraphs
