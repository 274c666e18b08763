"""The numbering rules, case by case, from tests/fixtures/markers.txt."""

from __future__ import annotations

import pytest

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
