"""Golden Plans of the samples, and of the real plans from other offices in
../shared/corpus-real (DOCX and text; skipped where that folder is absent): any change in
parse output shows up here.

Regenerate after an intended change with:  KEHOACH_REGEN=1 pytest tests/test_golden.py
then read the diff of tests/golden/ and tests/golden-real/ before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.parse.pipeline import parse_file
from kehoach.writers import to_data, to_yaml

from .conftest import REAL, ROOT, SAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_REAL = Path(__file__).resolve().parent / "golden-real"
FORMATS = ("txt", "docx", "pdf")
CASES = sorted(p for p in SAMPLES.iterdir() if p.suffix.lstrip(".") in FORMATS)
REAL_CASES = sorted(p for p in REAL.glob("*") if p.suffix in (".docx", ".txt")) if REAL.is_dir() else []


def _plan_data(path: Path, root: Path) -> dict[str, Any]:
    data = to_data(parse_file(path))
    data["source"]["path"] = str(path.relative_to(root))
    return data


def _check(data: dict[str, Any], golden: Path) -> None:
    if os.environ.get("KEHOACH_REGEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(to_yaml(data), encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with KEHOACH_REGEN=1"
    want = yaml.safe_load(golden.read_text(encoding="utf-8"))
    assert data == want


@pytest.mark.parametrize("plan", REAL_CASES, ids=[p.name for p in REAL_CASES])
def test_golden_real(plan: Path) -> None:
    _check(_plan_data(plan, REAL.parent), GOLDEN_REAL / f"{plan.name}.yaml")


@pytest.mark.parametrize("sample", CASES, ids=[p.name for p in CASES])
def test_golden(sample: Path) -> None:
    _check(_plan_data(sample, ROOT), GOLDEN / f"{sample.name}.yaml")


def test_written_plans_are_what_the_pure_python_emitter_writes() -> None:
    """Plans are written by kehoach's own YAML writer (or, for what it cannot promise, libyaml's
    emitter); PyYAML's pure-Python emitter must write the very same files."""
    from kehoach import writers

    for golden in sorted(GOLDEN.glob("*.yaml")) + sorted(GOLDEN_REAL.glob("*.yaml")):
        data = yaml.safe_load(golden.read_text(encoding="utf-8"))
        fast = writers.to_yaml(data)
        slow = yaml.dump(data, Dumper=writers._PyDumper, allow_unicode=True, sort_keys=False, width=10_000)
        assert fast == slow, golden.name


def test_the_fast_plan_writer_quotes_tricky_strings_as_the_pure_python_one_does() -> None:
    """Strings YAML would read as something else (booleans, numbers, null, keys, comments) keep
    their quotes; numbers, booleans, None and empty containers are written alike. (The tab makes
    this data go to PyYAML's emitter: the fallback is checked here, the direct writer in
    tests/test_yaml_writer.py.)"""
    from kehoach import writers

    tricky = ["yes", "No", "on", "1.0", "12", "0x1F", "1e3", "null", "~", "", " lead", "trail ", "x: y", "- z",
              "#c", "a # b", "line\nline", "'q'", '"d"', "@at", "`t`", "%p", "!tag", "*ref", "&anchor", "2025-07-31",
              "ĐẠT 100%", "…", "\t"]
    data = {"strings": tricky, "numbers": [0, -1, 1.5, 1e20, float("inf")], "flags": [True, False, None],
            "empty": [[], {}], "keys": {s: s for s in tricky if s}}
    slow = yaml.dump(data, Dumper=writers._PyDumper, allow_unicode=True, sort_keys=False, width=10_000)
    assert writers.to_yaml(data) == slow
    assert yaml.safe_load(writers.to_yaml(data)) == data
