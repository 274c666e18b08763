"""Human-readable reports in the terminal (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kehoach.compare.diff import PlanDiff
from kehoach.export.records import day_text, location, severity_label
from kehoach.i18n import N_, _, ngettext
from kehoach.schema import Finding

# The Plan's field names, as the diff's tables show them to a person.
_FIELD_LABELS = {
    "doc_type": N_("document type"), "issuer": N_("issuing body"), "level": N_("level"), "locality": N_("place"),
    "province": N_("province or city"), "symbol": N_("symbol"), "number": N_("number"),
    "issued_place": N_("place of issue"), "issued_date": N_("issue date"), "title": N_("title"),
    "period": N_("period"), "signer": N_("signer"), "declared_task_count": N_("declared number of tasks"),
    "lead": N_("lead"), "time": N_("time"), "product": N_("product"),
}
_TASK_STATUS = {"added": N_("added"), "removed": N_("removed"), "changed": N_("changed"), "same": N_("same")}


def field_label(field: str) -> str:
    """A Plan field's name for a person ('issuer' → 'cơ quan ban hành')."""
    return _(_FIELD_LABELS[field]) if field in _FIELD_LABELS else field


def task_status_label(status: str) -> str:
    """added, removed, changed, same: as the diff's task table says it."""
    return _(_TASK_STATUS[status]) if status in _TASK_STATUS else status


_STYLE = {"error": "bold red", "warning": "yellow", "review": "magenta", "info": "cyan"}


def print_findings(results: dict[str, list[Finding]], console: Console | None = None) -> None:
    """One table per file, then a one-line summary."""
    console = console or Console()
    for name, findings in results.items():
        if not findings:
            console.print(f"[green]✓[/green] {escape(name)}: " + escape(_("no findings")))
            continue
        table = Table(title=escape(name), title_justify="left", show_lines=False)
        for column in (_("severity"), _("code"), _("where"), _("message")):
            table.add_column(column)
        for f in findings:
            table.add_row(f"[{_STYLE[f.severity]}]{escape(severity_label(f.severity))}[/]", f.code,
                          escape(location(f) or ""), escape(f.message))
        console.print(table)
    errors = sum(f.severity == "error" for found in results.values() for f in found)
    warnings = sum(f.severity == "warning" for found in results.values() for f in found)
    review = sum(any(f.severity == "review" for f in found) for found in results.values())
    line = ngettext("{n} file", "{n} files", len(results)).format(n=len(results)) + ": " + ngettext(
        "{n} error", "{n} errors", errors).format(n=errors) + ", " + ngettext(
        "{n} warning", "{n} warnings", warnings).format(n=warnings)
    if review:
        line += ", " + ngettext("{n} to review", "{n} to review", review).format(n=review)
    console.print(escape(line))


def print_tasks(tasks: list[dict[str, Any]], console: Console | None = None) -> None:
    """Tasks across plans, one row each, then their count."""
    console = console or Console()
    table = Table(show_lines=True, expand=True)
    # The content gets the room; the date never wraps.
    for column, ratio in ((N_("Unit"), 2), (N_("No."), None), (N_("Content"), 6), (N_("Lead"), 3), (N_("Time"), 2)):
        table.add_column(_(column), overflow="fold", ratio=ratio)
    table.add_column(_("To"), no_wrap=True, min_width=10)
    for t in tasks:
        table.add_row(*(escape(str(v or "")) for v in (t["commune"], t["no"], t["content"], t["lead"], t["time"])),
                      day_text(t["due_end"]) or (_("recurring") if t["recurring"] else ""))
    if tasks:
        console.print(table)
    console.print(ngettext("{n} task", "{n} tasks", len(tasks)).format(n=len(tasks)))


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "\n".join(str(v) for v in value) or "—"
    return str(value)


def _diff_tables(diff: PlanDiff) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) of each part of a diff, shared by the terminal and markdown views."""
    mark = {"a": "A", "b": "B", "same": "=", None: ""}
    task_rows = [[task_status_label(t.status), _cell(t.a), _cell(t.b),
                  "; ".join(f"{field_label(k)}: {_cell(v[0])} → {_cell(v[1])}" for k, v in t.changes.items())]
                 for t in diff.tasks if t.status != "same"]
    same = diff.tasks_unchanged
    a, b = f"A: {diff.a_tag}", f"B: {diff.b_tag}"
    return [
        (_("Metadata"), [_("field"), a, b, ""],
         [[field_label(m.field), _cell(m.a), _cell(m.b), "" if m.same else "≠"] for m in diff.meta]),
        (_("Sections by reform area"), [_("area"), a, b], [[r.name, _cell(r.a), _cell(r.b)] for r in diff.areas]),
        (_("Targets by indicator"), [_("indicator"), a, b, _("stricter")],
         [[r.name, _cell(r.a), _cell(r.b), mark[r.stricter]] for r in diff.targets]),
        (_("Tasks ({n} unchanged)").format(n=same), [_("status"), a, b, _("changes")], task_rows),
    ]


def print_diff(diff: PlanDiff, console: Console | None = None) -> None:
    """The diff as rich tables."""
    console = console or Console()
    console.print(escape(f"A: {diff.a} ({diff.a_tag})\nB: {diff.b} ({diff.b_tag})"))
    tables = [part for part in _diff_tables(diff) if part[2]]
    if not tables:
        console.print(_("no differences"))
    for title, header, rows in tables:
        table = Table(title=title, title_justify="left", show_lines=True)
        for column in header:
            table.add_column(column)
        for row in rows:
            table.add_row(*(escape(cell) for cell in row))
        console.print(table)


def diff_markdown(diff: PlanDiff) -> str:
    """The diff as markdown tables (for a report or an e-mail)."""
    lines = ["# " + _("Comparison of plans") + f"\n\n- A: {diff.a} ({diff.a_tag})\n- B: {diff.b} ({diff.b_tag})\n"]
    for title, header, rows in _diff_tables(diff):
        lines.append(f"## {title}\n")
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for row in rows:
            lines.append("| " + " | ".join(c.replace("\n", "<br>").replace("|", "\\|") for c in row) + " |")
        lines.append("")
    return "\n".join(lines)
