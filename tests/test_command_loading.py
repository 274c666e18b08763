"""Each run loads and builds only the command it runs (kehoach.commands.program); the
program's help and a mistyped command still see them all."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kehoach.cli import app
from kehoach.commands import MODULES, command_name, program

from .conftest import SAMPLES

TXT = str(sorted(SAMPLES.glob("*.txt"))[0])


def test_every_registered_command_is_in_the_table_with_its_module() -> None:
    defined = {command_name(info): info.callback.__module__ for info in app.registered_commands if info.callback}
    assert defined == {name: f"kehoach.commands.{module}" for name, module in MODULES.items()}


@pytest.mark.parametrize(("args", "expected"), [
    (["parse", "x.txt"], ["parse"]),
    (["--lang", "en", "batch", "in"], ["batch"]),
    (["--lang=vi", "report", "out"], ["report"]),
    (["diff", "--help"], ["diff"]),
    ([], sorted(MODULES)),
    (["--help"], sorted(MODULES)),
    (["--version"], sorted(MODULES)),
    (["pars", "x.txt"], sorted(MODULES)),  # not a command: all of them, to suggest the nearest
])
def test_program_has_only_the_command_the_line_runs(args: list[str], expected: list[str]) -> None:
    assert sorted(command_name(info) for info in program(args).registered_commands) == expected
    assert len(app.registered_commands) == len(MODULES)  # the shared program keeps them all


def _modules_after(*args: str) -> set[str]:
    code = ("import sys\nfrom kehoach.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('kehoach.'))), file=sys.stderr)")
    env = {**os.environ, "KEHOACH_LANG": "en"}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False)
    return set(done.stderr.strip().splitlines()[-1].split())


def test_parse_loads_neither_the_batch_nor_the_report() -> None:
    loaded = _modules_after("parse", TXT, "--format", "json")
    assert "kehoach.commands.documents" in loaded and "kehoach.parse.pipeline" in loaded
    assert not loaded & {"kehoach.commands.province", "kehoach.commands.report", "kehoach.batch",
                         "kehoach.report", "kehoach.export", "kehoach.compare"}


def test_a_mistyped_command_is_answered_with_the_nearest_one() -> None:
    done = subprocess.run([sys.executable, "-c", "from kehoach.cli import main; main()", "pars", TXT],
                          capture_output=True, text=True, env={**os.environ, "KEHOACH_LANG": "en"}, check=False)
    assert done.returncode == 2
    assert done.stderr == "kehoach: error: no command 'pars' (did you mean 'parse'?) (see: kehoach --help)\n"
