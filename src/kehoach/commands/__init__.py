"""The commands of the command line, grouped by what they work on: one document or Plan
(`documents`), a province's folder of plans (`province`), or its report (`report`).

A run imports only the module of the command it runs and builds only that command: each
module brings in what its commands need (the parser, the batch machinery, the report's
charts), and building a command's options from its signature takes time too. The program's
own help, and a name that is no command (to suggest the nearest), get every command.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

# The module that defines each command (tests check it against the commands registered).
MODULES = {
    "parse": "documents", "validate": "documents", "diff": "documents", "schema": "documents",
    "batch": "province", "tasks": "province", "report": "report",
}


def command_name(info: typer.models.CommandInfo) -> str:
    """The name a registered command is called by (typer's rule when none is given)."""
    return info.name or (info.callback.__name__ if info.callback else "").lower().replace("_", "-")


def all_commands() -> typer.Typer:
    """The program with every command registered."""
    for module in sorted(set(MODULES.values())):
        importlib.import_module(f"kehoach.commands.{module}")
    from kehoach.commands.common import app

    return app


def _named(args: Sequence[str]) -> str | None:
    """The command `args` run: the first argument that is not the language option, if it is one."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--lang":
            i += 2
        elif arg.startswith("--lang="):
            i += 1
        else:
            return arg if arg in MODULES else None
    return None


def program(args: Sequence[str]) -> typer.Typer:
    """The program as `args` need it: only the command they run when they name one, else all."""
    name = _named(args)
    if name is None:
        return all_commands()
    importlib.import_module(f"kehoach.commands.{MODULES[name]}")
    from kehoach.commands.common import app

    one = copy.copy(app)  # the shared program keeps its commands (tests run several in one process)
    one.registered_commands = [info for info in app.registered_commands if command_name(info) == name]
    return one
