"""Command line: the entry point; the commands live in kehoach.commands."""

from __future__ import annotations

import contextlib
import os
import signal
import sys

# pydantic looks for plugins among every installed package's entry points when the first model
# is built; kehoach uses none, and the look-up is a good part of a command's start-up.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from typing import Any  # noqa: E402

import typer  # noqa: E402

from kehoach.commands import all_commands, program  # noqa: E402
from kehoach.commands.common import error_line  # noqa: E402
from kehoach.errors import KehoachError  # noqa: E402
from kehoach.files import describe  # noqa: E402
from kehoach.i18n import _  # noqa: E402

__all__ = ["main"]  # and `app`, made on first use (__getattr__ below)


def __getattr__(name: str) -> Any:
    """`kehoach.cli.app`: the program with every command (for tests and embedding); `main`
    loads only the command a run needs."""
    if name == "app":
        return all_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _utf8_streams() -> None:
    """Vietnamese goes out as UTF-8 whatever the locale says (LC_ALL=C, PYTHONIOENCODING=ascii):
    a wrong character set would otherwise end the run with an encoding error."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _silence_stdout() -> None:
    """After a write to standard output failed, the interpreter's final flush must not fail again."""
    with contextlib.suppress(OSError, ValueError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives until exit)


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which the command-line library would catch and print
    as a bare line; cleanup (temporary files) still runs as it goes up."""


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def main() -> None:
    """Entry point of the `kehoach` console script: no traceback ever reaches the user."""
    _utf8_streams()
    signal.signal(signal.SIGINT, _interrupt)
    try:
        program(sys.argv[1:])()
    except KehoachError as exc:
        typer.echo(error_line(str(exc)), err=True)
        sys.exit(exc.exit_code)
    except (Interrupted, KeyboardInterrupt):
        typer.echo(_("kehoach: interrupted"), err=True)
        sys.exit(130)
    except BrokenPipeError:  # the reader went away ('kehoach parse x | head'): nothing to say
        _silence_stdout()
        sys.exit(0)
    except OSError as exc:  # writing the report to standard output or the terminal failed
        _silence_stdout()
        where = exc.filename or _("standard output")
        typer.echo(error_line(_("{path}: cannot write ({reason})").format(path=where, reason=describe(exc))), err=True)
        sys.exit(2)
    except Exception as exc:  # a bug: still one line, and a distinct exit code
        typer.echo(_("kehoach: internal error: {kind}: {detail}").format(kind=type(exc).__name__, detail=exc), err=True)
        sys.exit(3)
