"""kehoach.yaml_writer writes what PyYAML writes, byte for byte, or says it cannot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach import writers, yaml_writer

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_REAL = Path(__file__).parent / "golden-real"
_C_DUMPER = getattr(yaml, "CSafeDumper", None)


def _pure_python(data: Any) -> str:
    return yaml.dump(data, Dumper=writers._PyDumper, allow_unicode=True, sort_keys=False, width=10_000)


def _libyaml(data: Any) -> str | None:
    if _C_DUMPER is None:
        return None
    return writers.pyyaml_dump(data)


def _same_as_pyyaml(data: Any) -> bool:
    """True when written directly (and then equal to both emitters); False when refused."""
    try:
        ours = yaml_writer.dump(data)
    except yaml_writer.Unsupported:
        return False
    assert ours == _pure_python(data)
    assert _libyaml(data) in (None, ours)
    return True


def test_every_golden_plan_is_written_directly_and_identically() -> None:
    goldens = sorted(GOLDEN.glob("*.yaml")) + sorted(GOLDEN_REAL.glob("*.yaml"))
    assert len(goldens) >= 12
    for golden in goldens:
        data = yaml.safe_load(golden.read_text(encoding="utf-8"))
        assert _same_as_pyyaml(data), golden.name
        assert yaml_writer.dump(data) == golden.read_text(encoding="utf-8"), golden.name


@pytest.mark.parametrize("text", [
    "Kế hoạch cải cách hành chính", "yes", "No", "on", "1.0", "12", "0x1F", "1e3", "null", "~", "", "=", "<<",
    " lead", "trail ", "x: y", "x:", "x:y", "- z", "-z", "-", "?", "? q", ":", ":x", "#c", "a#b", "a # b", "'q'",
    "it's", '"d"', "@at", "`t`", "%p", "!tag", "*ref", "&anchor", "|", ">", "[a]", "{b}", ",c", "a, b", "2025-07-31",
    "2025-07-31 08:00", "ĐẠT 100%", "…", "---x", "...", "a\u00a0b", "≥ 30%", "Số: 12/KH-UBND", "18-NQ/TW",
    "line\nline", "line\nline\n", "a\n\nb", "a\n  b", "\nlead", " a\nb", "a \nb", "a\nb ", "a\n\n", "end\n",
])
def test_strings_in_every_position(text: str) -> None:
    """Alone under a key, in a sequence, inside a mapping in a sequence, as a key: written as
    PyYAML writes them, or refused (never written differently)."""
    for data in ({"k": text}, [text], {"items": [{"a": text, "b": [text]}]}, [[text]], {text or "e": 1}):
        _same_as_pyyaml(data)


def test_what_is_refused() -> None:
    for text in ("tab\there", "a\u2028b", "a\x85b", "\ufeffbom", "emoji 🙂", "x" * 5000, "a \nb", "a\n\n", " a\nb",
                 "no-break\u00a0space", "private \ue000"):
        with pytest.raises(yaml_writer.Unsupported):
            yaml_writer.dump({"k": text})
    with pytest.raises(yaml_writer.Unsupported):
        yaml_writer.dump("a lone scalar")
    with pytest.raises(yaml_writer.Unsupported):
        yaml_writer.dump({1: "a key that is not text"})
    # refused data still comes out right, through PyYAML
    assert writers.to_yaml({"k": "tab\there"}) == _pure_python({"k": "tab\there"})


def test_numbers_flags_and_empty_containers() -> None:
    data = {"n": [0, -1, 10**20, 1.5, 1e20, 1e-7, -0.0, float("inf"), float("-inf")], "f": [True, False, None],
            "e": [[], {}], "m": {}, "s": [], "deep": [[[{"a": [[]]}]]]}
    assert _same_as_pyyaml(data)
    assert _same_as_pyyaml([]) and _same_as_pyyaml({})


_PIECES = [*"aAđĐệ1 :-#'\"?,[]{}|>&*!%@`.\n\t~=<e\u2028\u00a0", "yes", "null", "2025-07-31", "1.5", "---", "..."]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)
_SCALARS = st.one_of(_TEXT, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
_DATA = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(_TEXT, inner, max_size=4)), max_leaves=25)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(_DATA, max_size=4), st.dictionaries(_TEXT, _DATA, max_size=5)))
def test_generated_data_is_written_as_pyyaml_writes_it(data: Any) -> None:
    _same_as_pyyaml(data)
    assert yaml.safe_load(writers.to_yaml(data)) == data
