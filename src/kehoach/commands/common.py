"""What every command shares: the application, the one-line failure, output formats."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, NoReturn

import typer

from kehoach import __version__
from kehoach.files import DEFAULT_MAX_BYTES

app = typer.Typer(
    name="kehoach",
    help=(
        "Turn Vietnamese plan documents (Kế hoạch, above all commune plans for administrative "
        "reform) into validated structured data.\n\n"
        "Example: kehoach parse samples/000_e3b5f0d1f2c6f809.txt --format yaml"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    yaml = "yaml"
    json = "json"


MaxMbOption = Annotated[int, typer.Option("--max-mb", help="Refuse inputs larger than this many MB.")]
DEFAULT_MAX_MB = DEFAULT_MAX_BYTES // (1024 * 1024)


def fail(message: str, code: int = 2) -> NoReturn:
    """One clear line on stderr, then exit."""
    typer.echo(f"kehoach: error: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Turn Vietnamese plan documents into validated structured data."""
