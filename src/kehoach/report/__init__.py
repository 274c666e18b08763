"""The province report: one HTML page built from a batch's tables (`kehoach report`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.export.sources import load_tables

if TYPE_CHECKING:
    from kehoach.schema import Plan


def build_html(source: Path, shown_as: str | None = None, parent: Plan | None = None) -> str:
    """The report page of a batch output folder or a kehoach database; `parent`: the plan they
    implement, whose values the indicator map marks."""
    from kehoach.report.model import build_report
    from kehoach.report.render import render_report

    return render_report(build_report(load_tables(source), shown_as or source.name or str(source), parent))
