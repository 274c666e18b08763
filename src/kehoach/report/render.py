"""The report as one self-contained HTML page: the template (Jinja2, every value escaped),
the style sheet, the script and the charts all inside the file, so that it opens from a USB
stick on an office PC without internet.

The data the page's script needs (each plan's details) travels as JSON in a
<script type="application/json"> element, with '<', '>' and '&' written as \\u escapes so that no
document text can close the element; the script puts it in the page with textContent, never
as HTML.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from kehoach import __version__
from kehoach.export.records import status_label
from kehoach.i18n import _, language, ngettext
from kehoach.report.charts import findings_chart, tasks_chart
from kehoach.report.model import STATUS_ORDER, Report, generated_on

_TEMPLATES = resources.files("kehoach.report") / "templates"


def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(_TEMPLATES)), autoescape=True,
                             extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    env.install_gettext_callables(_, ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def page_data(report: Report) -> str:
    """The JSON the page's script reads, safe inside a <script> element."""
    data = {"plans": report.plans, "labels": _script_labels()}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _script_labels() -> dict[str, str]:
    """The words the script writes into the page, in the page's language."""
    return {
        "file": _("File"), "issuer": _("Issuing body"), "number": _("Number and symbol"), "date": _("Issue date"),
        "period": _("Plan period"), "status": _("Status"), "reason": _("Reason"), "outline": _("Outline"),
        "targets": _("Targets"), "tasks": _("Tasks"), "findings": _("Findings"), "indicator": _("Indicator"),
        "commitment": _("Commitment"), "where": _("Location"), "sentence": _("Sentence in the plan"),
        "no": _("No."), "content": _("Content"), "lead": _("Lead"), "time": _("Time"), "due": _("To"),
        "severity": _("Severity"), "code": _("Code"), "message": _("Message"), "unit": _("Unit"),
        "none": _("none"), "shown": _("{shown} of {total} plans shown"), "recurring": _("recurring"),
        "missing": _("Reform areas missing"),
    }


def render_report(report: Report) -> str:
    """The whole page."""
    static = resources.files("kehoach.report") / "templates"
    statuses = [(s, status_label(s), report.status_counts[s]) for s in STATUS_ORDER]
    return str(_environment().get_template("report.html").render(
        report=report, lang=language(), version=__version__, today=generated_on(), statuses=statuses,
        findings_svg=findings_chart(report.finding_counts), tasks_svg=tasks_chart(report.buckets),
        css=(static / "report.css").read_text(encoding="utf-8"), js=(static / "report.js").read_text(encoding="utf-8"),
        data=page_data(report),
        plans_total=ngettext("{n} plan", "{n} plans", len(report.plans)).format(n=len(report.plans)),
    ))
