"""Arbitrary input never crashes the parser: it returns a Plan or a documented InputError."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.errors import InputError
from kehoach.parse.pipeline import parse_bytes
from kehoach.schema import Plan

from .conftest import SAMPLES

# Text built from the pieces plans are made of, so the rules are really exercised.
PIECES = st.sampled_from(
    [
        "I. ", "II. ", "1. ", "2.1. ", "a) ", "đ) ", "b .", "- ", "+ ", "100%", "tối thiểu 80%", "từ 95% -100%",
        "KẾ HOẠCH", "Số: /KH-UBND", "Căn cứ Quyết định số 12/QĐ-UBND ngày 31/12/2024", "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Nguyễn Văn A", "TT", "Nội dung", "Cơ quan chủ trì",
        "\n", "\n\n", " ", "|", "**", "*", ":", ";", ".", "ngày 5 tháng 7 năm 2025", "6 tháng cuối năm 2025",
    ]
)
PLAN_LIKE = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def _parse(data: bytes) -> None:
    try:
        plan = parse_bytes(data)
    except InputError:
        return
    assert isinstance(plan, Plan)
    Plan.model_validate(plan.model_dump())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PLAN_LIKE)
def test_plan_like_text_never_raises(text: str) -> None:
    _parse(text.encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_never_raises(text: str) -> None:
    _parse(text.encode("utf-8"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_never_raise(data: bytes) -> None:
    _parse(data)


SAMPLE_TEXT = (SAMPLES / "000_e3b5f0d1f2c6f809.txt").read_text(encoding="utf-8")


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(SAMPLE_TEXT)), st.integers(0, 400), st.text(max_size=30))
def test_mutated_sample_never_raises(start: int, length: int, insert: str) -> None:
    mutated = SAMPLE_TEXT[:start] + insert + SAMPLE_TEXT[start + length :]
    _parse(mutated.encode("utf-8"))


def _mutate(data: bytes, seed: int, flips: int) -> bytes:
    """Overwrite `flips` bytes at places spread over the whole file, and maybe cut its end."""
    rng = random.Random(seed)
    mutated = bytearray(data)
    for _ in range(flips):
        mutated[rng.randrange(len(mutated))] = rng.randrange(256)
    return bytes(mutated[: rng.choice([len(mutated), rng.randrange(len(mutated))])])


DOCX = (SAMPLES / "003_ea6bd15cef034038.docx").read_bytes()
PDF = (SAMPLES / "002_c70c40b1976cb095.pdf").read_bytes()


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 2**32), st.integers(1, 6))
def test_mutated_docx_never_raises(seed: int, flips: int) -> None:
    _parse(_mutate(DOCX, seed, flips))


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32), st.integers(1, 6))
def test_mutated_pdf_never_raises(seed: int, flips: int) -> None:
    _parse(_mutate(PDF, seed, flips))


def test_pdf_row_across_the_centre_with_text_on_both_sides_is_read_once() -> None:
    # Found by the mutation test: such a row used to stall the two-column reading for ever.
    from kehoach.parse.readers.pdf.reader import Row, Segment, _reading_order

    row = Row(100.0, [Segment("trái", 50, 90), Segment("giữa", 280, 320), Segment("phải", 400, 450)])
    read = " ".join(text for _, text, _ in _reading_order([row], width=600.0)).split()
    assert sorted(read) == sorted(["trái", "giữa", "phải"])
