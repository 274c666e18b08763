"""Golden Plans of the samples: any change in parse output shows up here.

Regenerate after an intended change with:  KEHOACH_REGEN=1 pytest tests/test_golden.py
then read the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.parse.pipeline import parse_file
from kehoach.writers import to_data, to_yaml

from .conftest import ROOT, SAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = ("txt", "docx", "pdf")
CASES = sorted(p for p in SAMPLES.iterdir() if p.suffix.lstrip(".") in FORMATS)


def _plan_data(path: Path) -> dict[str, Any]:
    data = to_data(parse_file(path))
    data["source"]["path"] = str(path.relative_to(ROOT))
    return data


@pytest.mark.parametrize("sample", CASES, ids=[p.name for p in CASES])
def test_golden(sample: Path) -> None:
    golden = GOLDEN / f"{sample.name}.yaml"
    data = _plan_data(sample)
    if os.environ.get("KEHOACH_REGEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(to_yaml(data), encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with KEHOACH_REGEN=1"
    want = yaml.safe_load(golden.read_text(encoding="utf-8"))
    assert data == want
