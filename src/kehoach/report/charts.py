"""The report's charts, drawn with matplotlib when the report is built and put in the page as
SVG: nothing to load at viewing time, no network, and the page prints as it shows.

Text stays text in the SVG (`svg.fonttype: none`), so Vietnamese labels are drawn by the
browser's own fonts and can be searched and copied; the SVG carries no date, so the same data
gives the same file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kehoach.i18n import _

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_COLOURS = {"error": "#d9534f", "warning": "#f0ad4e", "review": "#a05cb8"}
_BAR = "#3b7dd8"
_STYLE: dict[str, Any] = {"svg.fonttype": "none", "svg.hashsalt": "kehoach", "font.family": "sans-serif",
          "font.sans-serif": ["DejaVu Sans", "Arial", "Liberation Sans"], "font.size": 9,
          "axes.spines.top": False, "axes.spines.right": False}


def _svg(figure: Figure) -> str:
    """The figure as an <svg> element to put inside the page (no XML prolog; it shrinks with a
    narrow window)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    # Its drawn width becomes the most it takes: a chart of two bars stays the size it was drawn.
    return re.sub(r'<svg([^>]*?) width="([^"]*)" height="[^"]*"', r'<svg\1 class="chart" role="img" style="max-width: \2"',
                  text, count=1)


def _draw(width: float, height: float, draw: Callable[[Axes], None]) -> str:
    """A chart drawn by `draw` on one set of axes, in the report's style (set for this chart
    only: matplotlib's global settings are left as they were)."""
    import matplotlib  # imported here: only building a report pays for it
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_STYLE):  # type: ignore[arg-type]
        figure = Figure(figsize=(width, height), dpi=96)
        draw(figure.add_subplot())
        return _svg(figure)


def _integer_ticks() -> Any:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def findings_chart(counts: list[tuple[str, str, int]]) -> str | None:
    """Horizontal bars: how many findings of each code, coloured by severity; None when none."""
    if not counts:
        return None
    shown = counts[:20][::-1]  # the most frequent at the top

    def draw(axes: Axes) -> None:
        bars = axes.barh([code for _s, code, _n in shown], [n for _s, _c, n in shown],
                         color=[_COLOURS.get(severity, _BAR) for severity, _c, _n in shown])
        axes.bar_label(bars, padding=2)
        axes.set_xlabel(_("number of findings"))
        axes.xaxis.set_major_locator(_integer_ticks())

    return _draw(7.0, 0.6 + 0.28 * len(shown), draw)


def tasks_chart(buckets: list[tuple[str, str, int]]) -> str | None:
    """Vertical bars: how many tasks fall due in each month or quarter; None when none has a date."""
    if not buckets:
        return None

    def draw(axes: Axes) -> None:
        bars = axes.bar([label for _k, label, _n in buckets], [n for _k, _l, n in buckets], color=_BAR)
        axes.bar_label(bars, padding=2)
        axes.set_ylabel(_("tasks due"))
        axes.yaxis.set_major_locator(_integer_ticks())
        axes.tick_params(axis="x", labelrotation=45 if len(buckets) > 8 else 0)

    return _draw(max(3.5, min(11.0, 0.45 * len(buckets) + 1.5)), 2.6, draw)
