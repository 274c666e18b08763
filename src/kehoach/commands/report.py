"""The province report: `kehoach report`, one HTML page from a batch's output or database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.commands.common import command, fail, load_parent
from kehoach.errors import KehoachError
from kehoach.i18n import N_, _


@command(help=N_(
    "Write the province report: one HTML page that opens in any browser without internet.\n\n"
    "It shows how many plans are ok, to review or failed, the errors and warnings by code, the reform "
    "areas each commune leaves out; a table of the plans to filter and sort, where a click opens a plan "
    "(its outline, targets, tasks and findings); a commune × indicator map of the commitments; and the "
    "tasks due per month or quarter, with the list for a chosen period.\n\n"
    "Example: kehoach batch plans/ -o out/ && kehoach report out/ -o report.html\n\n"
    "Exit codes: 0 written; 2 the source cannot be read or the page cannot be written."))
def report(
    source: Annotated[Path, typer.Argument(metavar=N_("SOURCE"), help=N_(
        "The --out folder of a kehoach batch, or a kehoach database (--db)."))],
    output: Annotated[Path, typer.Option("--output", "-o", help=N_("Where the page goes."))] = Path("report.html"),
    against: Annotated[Path | None, typer.Option(
        "--against", help=N_("The plan the communes' plans implement: its values are marked on the indicator map."))] = None,
) -> None:
    """Write the province report (the help is in the decorator, translated)."""
    from kehoach.files import write_output
    from kehoach.report import build_html

    parent = load_parent(against)
    try:
        write_output(output, build_html(source, parent=parent))
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)
    typer.echo(_("report: {path}").format(path=output), err=True)
