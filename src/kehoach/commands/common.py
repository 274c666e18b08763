"""What every command shares: the application, the one-line failure, output formats."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from kehoach import __version__
from kehoach.commands.language import LocalisedCommand, LocalisedGroup, error_line
from kehoach.errors import KehoachError
from kehoach.files import DEFAULT_MAX_BYTES
from kehoach.i18n import N_, _

if TYPE_CHECKING:
    from kehoach.parse.readers.options import ReadOptions
    from kehoach.schema import Plan

app = typer.Typer(
    name="kehoach",
    cls=LocalisedGroup,
    help=N_(
        "Turn Vietnamese plan documents (Kế hoạch, above all commune plans for administrative "
        "reform) into validated structured data.\n\n"
        "Messages are in Vietnamese; --lang en (or KEHOACH_LANG=en) gives English.\n\n"
        "Example: kehoach parse samples/000_e3b5f0d1f2c6f809.txt --format yaml"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def command(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command whose help (an English message id, marked N_) is shown translated."""
    return app.command(cls=LocalisedCommand, help=help)


class OutputFormat(StrEnum):
    yaml = "yaml"
    json = "json"


AgainstOption = Annotated[Path | None, typer.Option(
    "--against", help=N_("The plan these plans implement (a document or a Plan file): check that each takes up its "
                         "targets at least as strictly, covers its reform areas, picks up the tasks it gives to the "
                         "communes and promises no later deadlines."))]
MaxMbOption = Annotated[int, typer.Option("--max-mb", help=N_("Refuse inputs larger than this many MB."))]
DEFAULT_MAX_MB = DEFAULT_MAX_BYTES // (1024 * 1024)


def fail(message: str, code: int = 2) -> NoReturn:
    """One clear line on stderr, then exit."""
    typer.echo(error_line(message), err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help=N_("Show the version and exit.")),
    lang: str | None = typer.Option(None, "--lang", metavar="vi|en",
                             help=N_("Language of messages and help: vi (Tiếng Việt) or en (English); "
                                     "also KEHOACH_LANG. It may stand anywhere on the line.")),
) -> None:
    """The program's options (the language is taken from the line before this runs)."""


def load_parent(path: Path | None, options: ReadOptions | None = None) -> Plan | None:
    """The plan given with --against, read once; one line and exit 2 when it cannot be read."""
    if path is None:
        return None
    from kehoach.planio import load_plan

    try:
        return load_plan(path, options=options)
    except KehoachError as exc:
        fail(_("--against: {reason}").format(reason=exc), exc.exit_code)
