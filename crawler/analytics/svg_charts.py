"""Charts as inline SVG text: bars, lines over days, box plots and a donut.

Pure functions: data in, an ``<svg class="chart">`` string out, every label escaped, no script and
no external resource, so the report stays one self-contained file. Each mark carries a
``<title>`` that browsers show as a tooltip.
"""

from __future__ import annotations

import math
from datetime import date
from html import escape

PALETTE = ("#2f6db5", "#e0812f", "#3a9a5b", "#c4463a", "#7c5cb8", "#8c6d4f", "#d06aa8", "#6f7b87",
           "#b4a52e", "#2aa3b5")
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def color(index: int) -> str:
    """The palette colour for series ``index``."""
    return PALETTE[index % len(PALETTE)]


def number_label(value: float) -> str:
    """A short label: 1234 -> 1,234; 56789.5 -> 56,790; 0.5 -> 0.5."""
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def _svg(width: int, height: int, label: str, body: str) -> str:
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" {FONT}>'
            f"<title>{escape(label)}</title>{body}</svg>")


def empty_chart(label: str, width: int = 640, height: int = 80) -> str:
    """A placeholder that says there is nothing to draw."""
    return _svg(width, height, label, f'<text class="empty" x="{width / 2}" y="{height / 2}" text-anchor="middle" '
                                      f'fill="#777">no data yet</text>')


LABEL_CHARACTERS = 40
"""Bar labels longer than this are shortened with "…"; the full text is the label's tooltip."""


def bar_chart(items: list[tuple[str, float]], label: str, width: int = 640, value_format=number_label,
              maximum: float | None = None, bar_color: str = PALETTE[0], unit: str = "") -> str:
    """Horizontal bars, one per (label, value), largest scale first as given; ``unit`` names what
    the values count (shown under the bars)."""
    if not items:
        return empty_chart(label, width)
    row, label_width, right = 22, 270, 70
    height = max(row * len(items) + (30 if unit else 10), 60)
    top = maximum if maximum is not None else max(value for _name, value in items) or 1
    scale = (width - label_width - right) / top
    parts = []
    for index, (name, value) in enumerate(items):
        y = 5 + index * row
        bar = max(value * scale, 1 if value else 0)
        shown = name if len(name) <= LABEL_CHARACTERS else name[:LABEL_CHARACTERS - 1] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{escape(shown)}'
            f"<title>{escape(name)}</title></text>"
            f'<rect class="mark" x="{label_width}" y="{y + 3}" width="{bar:.1f}" height="{row - 6}" fill="{bar_color}">'
            f"<title>{escape(name)}: {escape(value_format(value))}</title></rect>"
            f'<text x="{label_width + bar + 5:.1f}" y="{y + 15}" fill="#333">{escape(value_format(value))}</text>')
    if unit:
        parts.append(f'<text class="axis-title" x="{label_width}" y="{height - 6}" fill="#555">{escape(unit)}</text>')
    return _svg(width, height, label, "".join(parts))


def _axis_ticks(top: float, count: int = 6) -> list[float]:
    if top <= 0:
        return [0.0]
    step = 10 ** math.floor(math.log10(top / count))
    for multiple in (1, 2, 5, 10):
        if top / (step * multiple) <= count:
            step *= multiple
            break
    return [step * index for index in range(int(top // step) + 1)]


LEGEND_COLUMN = 230
"""Width of one legend entry of a line chart; entries wrap onto more rows."""


def line_chart(series: dict[str, list[tuple[date, float | None]]], label: str, width: int = 1200, height: int = 320,
               y_title: str = "", x_title: str = "day (UTC)", value_format=number_label,
               maximum: float | None = None, point_notes: dict[str, dict[date, str]] | None = None) -> str:
    """One line per series over days, with a legend and axis titles (``y_title`` says the unit);
    a single day shows as dots. ``value_format`` writes the values (ticks and tooltips);
    ``point_notes[series][day]`` replaces a point's tooltip value (e.g. "7 of 20 postings, 35%");
    a value None is a gap in the line."""
    points = [(day, value) for values in series.values() for day, value in values if value is not None]
    if not points:
        return empty_chart(label, width)
    left, right, bottom = 70, 50, 56
    legend_per_row = max((width - left - right) // LEGEND_COLUMN, 1)
    legend_rows = math.ceil(len(series) / legend_per_row)
    top_margin = 14 + 20 * legend_rows
    height += 20 * (legend_rows - 1)
    days = sorted({day for day, _value in points})
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)
    top = maximum if maximum is not None else max(value for _day, value in points) or 1
    ticks = _axis_ticks(top)
    top = max(top, ticks[-1])
    plot_width, plot_height = width - left - right, height - top_margin - bottom
    notes = point_notes or {}

    def x(day: date) -> float:
        offset = (day - first).days / span if len(days) > 1 else 0.5
        return left + offset * plot_width

    def y(value: float) -> float:
        return top_margin + plot_height - value / top * plot_height

    parts = [f'<line x1="{left}" y1="{y(0)}" x2="{width - right}" y2="{y(0)}" stroke="#999"/>']
    for tick in ticks:
        parts.append(f'<line x1="{left}" y1="{y(tick):.1f}" x2="{width - right}" y2="{y(tick):.1f}" stroke="#eee"/>'
                     f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="#555">'
                     f"{escape(value_format(tick))}</text>")
    for day in (days if len(days) <= 8 else [days[int(i * (len(days) - 1) / 7)] for i in range(8)]):
        parts.append(f'<text x="{x(day):.1f}" y="{height - bottom + 18}" text-anchor="middle" fill="#555">'
                     f"{day.isoformat()}</text>")
    if y_title:
        parts.append(f'<text class="axis-title" transform="translate(16,{top_margin + plot_height / 2:.0f}) rotate(-90)" '
                     f'text-anchor="middle" fill="#555">{escape(y_title)}</text>')
    if x_title:
        parts.append(f'<text class="axis-title" x="{left + plot_width / 2:.0f}" y="{height - 8}" text-anchor="middle" '
                     f'fill="#555">{escape(x_title)}</text>')
    for index, (name, values) in enumerate(series.items()):
        runs: list[list[tuple[date, float]]] = [[]]
        for day, value in sorted(values, key=lambda point: point[0]):
            if value is None:  # a gap: the line stops and starts again after it
                runs.append([])
            else:
                runs[-1].append((day, value))
        for run in runs:
            if len(run) > 1:
                coordinates = " ".join(f"{x(day):.1f},{y(value):.1f}" for day, value in run)
                parts.append(f'<polyline class="mark" points="{coordinates}" fill="none" stroke="{color(index)}" '
                             f'stroke-width="2"><title>{escape(name)}</title></polyline>')
        ordered = [point for run in runs for point in run]
        for day, value in ordered if len(ordered) <= 60 else ordered[-1:]:
            note = notes.get(name, {}).get(day, value_format(value))
            parts.append(f'<circle class="mark" cx="{x(day):.1f}" cy="{y(value):.1f}" r="3.5" fill="{color(index)}">'
                         f"<title>{escape(name)} {day.isoformat()}: {escape(note)}</title></circle>")
        legend_x = left + 10 + (index % legend_per_row) * LEGEND_COLUMN
        legend_y = 8 + (index // legend_per_row) * 20
        parts.append(f'<rect x="{legend_x}" y="{legend_y}" width="12" height="12" fill="{color(index)}"/>'
                     f'<text x="{legend_x + 16}" y="{legend_y + 10}">{escape(name[:34])}'
                     f"<title>{escape(name)}</title></text>")
    return _svg(width, height, label, "".join(parts))


def quantiles(values: list[float]) -> tuple[float, float, float, float, float]:
    """(min, lower quartile, median, upper quartile, max), quartiles by linear interpolation."""
    ordered = sorted(values)

    def at(fraction: float) -> float:
        position = fraction * (len(ordered) - 1)
        below = math.floor(position)
        above = min(below + 1, len(ordered) - 1)
        return ordered[below] + (ordered[above] - ordered[below]) * (position - below)

    return ordered[0], at(0.25), at(0.5), at(0.75), ordered[-1]


def box_plot(groups: list[tuple[str, list[float]]], label: str, width: int = 900, unit: str = "EUR",
             x_title: str = "") -> str:
    """One horizontal box (quartiles, median, whiskers to min and max) per group; ``x_title``
    names the axis with its unit."""
    groups = [(name, values) for name, values in groups if values]
    if not groups:
        return empty_chart(label, width)
    row, left, right = 40, 130, 40
    height = row * len(groups) + (60 if x_title else 40)
    top = max(max(values) for _name, values in groups) or 1
    ticks = _axis_ticks(top)
    top = max(top, ticks[-1])
    scale = (width - left - right) / top
    parts = []
    axis = height - (32 if x_title else 12)
    for tick in ticks:
        parts.append(f'<line x1="{left + tick * scale:.1f}" y1="5" x2="{left + tick * scale:.1f}" y2="{axis - 18}" '
                     f'stroke="#eee"/><text x="{left + tick * scale:.1f}" y="{axis}" text-anchor="middle" '
                     f'fill="#555">{number_label(tick)}</text>')
    if x_title:
        parts.append(f'<text class="axis-title" x="{left + (width - left - right) / 2:.0f}" y="{height - 8}" '
                     f'text-anchor="middle" fill="#555">{escape(x_title)}</text>')
    for index, (name, values) in enumerate(groups):
        low, lower, median, upper, high = quantiles(values)
        middle = 5 + index * row + row / 2
        summary = (f"{name}: {len(values)} postings, median {number_label(median)} {unit}, quartiles "
                   f"{number_label(lower)}–{number_label(upper)}, range {number_label(low)}–{number_label(high)}")
        parts.append(
            f'<text x="{left - 8}" y="{middle + 4}" text-anchor="end">{escape(name)} ({len(values)})</text>'
            f'<line x1="{left + low * scale:.1f}" y1="{middle}" x2="{left + high * scale:.1f}" y2="{middle}" '
            f'stroke="#555"/>'
            f'<rect class="mark" x="{left + lower * scale:.1f}" y="{middle - 11}" '
            f'width="{max((upper - lower) * scale, 2):.1f}" height="22" fill="{color(index)}" fill-opacity="0.75">'
            f"<title>{escape(summary)}</title></rect>"
            f'<line x1="{left + median * scale:.1f}" y1="{middle - 11}" x2="{left + median * scale:.1f}" '
            f'y2="{middle + 11}" stroke="#111" stroke-width="2"/>')
    return _svg(width, height, label, "".join(parts))


def donut_chart(shares: list[tuple[str, float]], label: str, size: int = 220) -> str:
    """A donut of shares with a legend of labels and percentages."""
    total = sum(value for _name, value in shares)
    # Legend lines are "name: value (share%)"; about 7 px a character at 12 px.
    legend = max([240] + [40 + 7 * len(f"{name}: {number_label(value)} (100%)") for name, value in shares])
    if not shares or total <= 0:
        return empty_chart(label, size + legend)
    center, outer, inner = size / 2, size / 2 - 5, size / 4
    parts = []
    angle = -math.pi / 2
    for index, (name, value) in enumerate(shares):
        share = value / total
        tip = f"<title>{escape(name)}: {number_label(value)} ({share:.0%})</title>"
        if share >= 0.9999:
            parts.append(f'<circle class="mark" cx="{center}" cy="{center}" r="{(outer + inner) / 2}" fill="none" '
                         f'stroke="{color(index)}" stroke-width="{outer - inner}">{tip}</circle>')
        elif share > 0:
            end = angle + share * 2 * math.pi
            large = 1 if share > 0.5 else 0
            points = [(center + radius * math.cos(a), center + radius * math.sin(a))
                      for radius, a in ((outer, angle), (outer, end), (inner, end), (inner, angle))]
            parts.append(
                f'<path class="mark" fill="{color(index)}" d="M{points[0][0]:.2f},{points[0][1]:.2f} '
                f'A{outer},{outer} 0 {large} 1 {points[1][0]:.2f},{points[1][1]:.2f} '
                f'L{points[2][0]:.2f},{points[2][1]:.2f} A{inner},{inner} 0 {large} 0 {points[3][0]:.2f},'
                f'{points[3][1]:.2f} Z">{tip}</path>')
            angle = end
        parts.append(f'<rect x="{size + 20}" y="{20 + index * 24}" width="14" height="14" fill="{color(index)}"/>'
                     f'<text x="{size + 42}" y="{32 + index * 24}">{escape(name)}: {number_label(value)} '
                     f"({share:.0%})</text>")
    return _svg(size + legend, max(size, 30 + 24 * len(shares)), label, "".join(parts))
