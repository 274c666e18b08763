"""Target extraction, from sentences in tests/fixtures/targets.yaml."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from kehoach.parse.extract.targets import find_targets, split_sentences

from .conftest import FIXTURES

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "targets.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_targets(case: dict[str, Any]) -> None:
    got = [[f.value, f.upper, f.cmp, f.unit] for f in find_targets(case["text"], whole_unit=False)]
    assert got == case["want"]


def test_two_sentences_give_sentence_texts() -> None:
    text = "Phấn đấu từ 95% trở lên hài lòng. Trong đó, lĩnh vực đất đai đạt tối thiểu 85%."
    found = find_targets(text, whole_unit=True)
    assert [f.sentence for f in found] == split_sentences(text)


def test_bullet_with_one_commitment_is_quoted_whole() -> None:
    text = "100% cơ quan thực hiện đúng quy định. Đối với phương án xử lý nhà đất, thực hiện theo quy định."
    assert [f.sentence for f in find_targets(text, whole_unit=True)] == [text]


def test_sentence_split_keeps_abbreviations() -> None:
    assert split_sentences("Gửi UBND TP. Hải Phòng trước ngày 10/12. Sau đó báo cáo.") == [
        "Gửi UBND TP. Hải Phòng trước ngày 10/12.",
        "Sau đó báo cáo.",
    ]
