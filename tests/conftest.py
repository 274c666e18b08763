"""Shared paths and helpers for the tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# The tests that check exact messages were written against the English text, which stays a
# supported language (--lang en); tests/test_i18n.py checks the Vietnamese, the default, and
# sets the language it checks. Set before kehoach is imported, and inherited by subprocesses.
os.environ["KEHOACH_LANG"] = "en"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Real plans nobody here wrote, beside the repository when it is checked out with ../shared.
REAL = ROOT.parent / "shared" / "corpus-real"


def copy_corpora(folder: Path) -> None:
    """The samples, and the real plans when they are here, into `folder` (a batch's input)."""
    shutil.copytree(SAMPLES, folder / "samples")
    if REAL.is_dir():
        shutil.copytree(REAL, folder / "real")


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture(autouse=True)
def _english_after_each_test() -> object:
    """A test that speaks Vietnamese in this process leaves English behind for the next."""
    yield
    from kehoach.i18n import set_language

    set_language("en")


@pytest.fixture
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    """This test runs in Vietnamese, the default language of every user (in-process and in the
    commands it starts)."""
    from kehoach.i18n import set_language

    monkeypatch.setenv("KEHOACH_LANG", "vi")
    set_language("vi")
