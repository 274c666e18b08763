"""Whole small plans for the patterns of real plans from other offices (tests/fixtures/plans.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.checks import validate
from kehoach.parse.pipeline import parse_bytes
from kehoach.parse.structure.tree import walk
from kehoach.schema import Plan
from kehoach.writers import to_data


def _no_key(value: Any) -> Any:
    """YAML 1.1 reads the key `no` as False: give it its name back."""
    if isinstance(value, dict):
        return {("no" if k is False else k): _no_key(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_key(v) for v in value]
    return value


CASES = _no_key(yaml.safe_load((Path(__file__).parent / "fixtures" / "plans.yaml").read_text(encoding="utf-8")))


def _get(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if data is None:
            return None
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _task_matches(task: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(_get(task, key) == value for key, value in want.items())


def _parse(case: dict[str, Any]) -> tuple[Plan, dict[str, Any]]:
    plan = parse_bytes(case["text"].encode("utf-8"))
    return plan, to_data(plan)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_plan(case: dict[str, Any]) -> None:
    plan, data = _parse(case)
    for key, value in (case.get("want") or {}).items():
        assert _get(data, key) == value, key
    if "sections" in case:
        assert [s.path for s in walk(plan.sections)] == case["sections"]
    for path, title in (case.get("titles") or {}).items():
        assert next(s.title for s in walk(plan.sections) if s.path == path) == title
    if "legal_refs" in case:
        assert [r.number for r in plan.legal_refs] == case["legal_refs"]
    if "tasks" in case:
        assert len(data["tasks"]) == len(case["tasks"]), [t["content"] for t in data["tasks"]]
        for got, want in zip(data["tasks"], case["tasks"], strict=True):
            assert _task_matches(got, want), (got, want)
    if "targets" in case:
        assert [[t.value, t.cmp, t.unit] for t in plan.targets] == case["targets"]
    codes = {f.code for f in validate(plan)}
    assert set(case.get("findings") or []) <= codes
    assert not set(case.get("not_findings") or []) & codes
