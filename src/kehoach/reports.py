"""Human-readable reports in the terminal (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kehoach.diff import PlanDiff
from kehoach.schema import Finding

_STYLE = {"error": "bold red", "warning": "yellow", "review": "magenta", "info": "cyan"}


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
            table.add_row(f"[{_STYLE[f.severity]}]{f.severity}[/]", f.code, escape(_where(f)), escape(f.message))
        console.print(table)
    errors = sum(f.severity == "error" for found in results.values() for f in found)
    warnings = sum(f.severity == "warning" for found in results.values() for f in found)
    review = sum(any(f.severity == "review" for f in found) for found in results.values())
    line = f"{len(results)} file(s): {errors} error(s), {warnings} warning(s)"
    console.print(line + (f", {review} to review" if review else ""))


def _day(value: object) -> str:
    """'31/12/2025' (as Vietnamese dates are written), from a date or an ISO string."""
    text = str(value or "")
    return f"{text[8:10]}/{text[5:7]}/{text[:4]}" if len(text) == 10 else text


def print_tasks(tasks: list[dict[str, Any]], console: Console | None = None) -> None:
    """Tasks across plans, one row each, then their count."""
    console = console or Console()
    table = Table(show_lines=True, expand=True)
    # The content gets the room; the date never wraps.
    for column, ratio in (("Đơn vị", 2), ("TT", None), ("Nội dung", 6), ("Chủ trì", 3), ("Thời gian", 2)):
        table.add_column(column, overflow="fold", ratio=ratio)
    table.add_column("Đến ngày", no_wrap=True, min_width=10)
    for t in tasks:
        table.add_row(*(escape(str(v or "")) for v in (t["commune"], t["no"], t["content"], t["lead"], t["time"])),
                      _day(t["due_end"]) or ("thường xuyên" if t["recurring"] else ""))
    if tasks:
        console.print(table)
    console.print(f"{len(tasks)} task(s)")


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "\n".join(str(v) for v in value) or "—"
    return str(value)


def _diff_tables(diff: PlanDiff) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) of each part of a diff, shared by the terminal and markdown views."""
    mark = {"a": "A", "b": "B", "same": "=", None: ""}
    task_rows = [[t.status, _cell(t.a), _cell(t.b),
                  "; ".join(f"{k}: {_cell(v[0])} → {_cell(v[1])}" for k, v in t.changes.items())]
                 for t in diff.tasks if t.status != "same"]
    same = diff.tasks_unchanged
    a, b = f"A: {diff.a_tag}", f"B: {diff.b_tag}"
    return [
        ("Metadata", ["field", a, b, ""], [[m.field, _cell(m.a), _cell(m.b), "" if m.same else "≠"] for m in diff.meta]),
        ("Sections by reform area", ["area", a, b], [[r.name, _cell(r.a), _cell(r.b)] for r in diff.areas]),
        ("Targets by indicator", ["indicator", a, b, "stricter"],
         [[r.name, _cell(r.a), _cell(r.b), mark[r.stricter]] for r in diff.targets]),
        (f"Tasks ({same} unchanged)", ["status", a, b, "changes"], task_rows),
    ]


def print_diff(diff: PlanDiff, console: Console | None = None) -> None:
    """The diff as rich tables."""
    console = console or Console()
    console.print(escape(f"A: {diff.a} ({diff.a_tag})\nB: {diff.b} ({diff.b_tag})"))
    tables = [part for part in _diff_tables(diff) if part[2]]
    if not tables:
        console.print("no differences")
    for title, header, rows in tables:
        table = Table(title=title, title_justify="left", show_lines=True)
        for column in header:
            table.add_column(column)
        for row in rows:
            table.add_row(*(escape(cell) for cell in row))
        console.print(table)


def diff_markdown(diff: PlanDiff) -> str:
    """The diff as markdown tables (for a report or an e-mail)."""
    lines = [f"# So sánh kế hoạch\n\n- A: {diff.a} ({diff.a_tag})\n- B: {diff.b} ({diff.b_tag})\n"]
    for title, header, rows in _diff_tables(diff):
        lines.append(f"## {title}\n")
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for row in rows:
            lines.append("| " + " | ".join(c.replace("\n", "<br>").replace("|", "\\|") for c in row) + " |")
        lines.append("")
    return "\n".join(lines)
