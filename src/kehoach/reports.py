"""Human-readable reports in the terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from kehoach.schema import Finding

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _where(f: Finding) -> str:
    parts = [f.path or ""]
    if f.page is not None:
        parts.append(f"page {f.page}")
    if f.line is not None:
        parts.append(f"line {f.line}")
    return ", ".join(p for p in parts if p)


def print_findings(results: dict[str, list[Finding]], console: Console | None = None) -> None:
    """One table per file, then a one-line summary."""
    console = console or Console()
    for name, findings in results.items():
        if not findings:
            console.print(f"[green]✓[/green] {name}: no findings")
            continue
        table = Table(title=name, title_justify="left", show_lines=False)
        for column in ("severity", "code", "where", "message"):
            table.add_column(column)
        for f in findings:
            table.add_row(f"[{_STYLE[f.severity]}]{f.severity}[/]", f.code, _where(f), f.message)
        console.print(table)
    errors = sum(f.severity == "error" for found in results.values() for f in found)
    warnings = sum(f.severity == "warning" for found in results.values() for f in found)
    console.print(f"{len(results)} file(s): {errors} error(s), {warnings} warning(s)")
