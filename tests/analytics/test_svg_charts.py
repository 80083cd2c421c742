"""The SVG chart functions: marks drawn, labels escaped, empty data shown as such."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import date

import pytest

from crawler.analytics.svg_charts import (
    bar_chart, box_plot, donut_chart, empty_chart, line_chart, number_label, quantiles,
)

SVG = "{http://www.w3.org/2000/svg}"


def marks(svg: str) -> list:
    root = ElementTree.fromstring(svg)  # well-formed XML, or this raises
    return [element for element in root.iter() if element.get("class") == "mark"]


@pytest.mark.parametrize("value, label", [(0, "0"), (5, "5"), (0.5, "0.5"), (1234, "1,234"), (56789.5, "56,790"),
                                          (99.94, "99.9")])
def test_number_label(value, label):
    assert number_label(value) == label


@pytest.mark.parametrize("values, expected", [
    ([5], (5, 5, 5, 5, 5)),
    ([1, 2, 3, 4], (1, 1.75, 2.5, 3.25, 4)),
    ([3, 1, 2], (1, 1.5, 2, 2.5, 3)),
])
def test_quantiles(values, expected):
    assert quantiles(values) == pytest.approx(expected)


@pytest.mark.parametrize("svg", [
    bar_chart([("<b>A & B</b>", 3), ("C", 1)], "Bars <x>"),
    line_chart({"<src>": [(date(2026, 3, 1), 2), (date(2026, 3, 2), 5)]}, "Lines"),
    box_plot([("<senior>", [50_000, 60_000, 70_000])], "Boxes"),
    donut_chart([("<hybrid>", 2), ("onsite", 1)], "Donut"),
])
def test_charts_draw_marks_and_escape_labels(svg):
    assert marks(svg)
    assert "<b>" not in svg and "<src>" not in svg and "<senior>" not in svg and "<hybrid>" not in svg


def test_one_day_of_data_is_drawn_as_dots():
    svg = line_chart({"jsonld": [(date(2026, 3, 1), 60)]}, "One day")
    assert [element.tag for element in marks(svg)] == [f"{SVG}circle"]


def test_a_single_share_is_a_full_ring():
    assert [element.tag for element in marks(donut_chart([("hybrid", 4)], "All hybrid"))] == [f"{SVG}circle"]


@pytest.mark.parametrize("svg", [
    bar_chart([], "Nothing"), line_chart({}, "Nothing"), box_plot([("senior", [])], "Nothing"),
    donut_chart([("a", 0)], "Nothing"), empty_chart("Nothing"),
])
def test_no_data_says_so(svg):
    assert "no data yet" in svg and not marks(svg)


def test_a_gap_in_a_series_breaks_its_line():
    svg = line_chart({"Python": [(date(2026, 11, 2), 30.0), (date(2026, 11, 9), 20.0), (date(2026, 11, 16), None),
                                 (date(2026, 11, 23), 25.0), (date(2026, 11, 30), 10.0)]}, "Shares",
                     value_format=lambda value: f"{value:.0f}%")
    tags = [element.tag for element in marks(svg)]
    assert tags.count(f"{SVG}polyline") == 2 and tags.count(f"{SVG}circle") == 4
    dots = [element.find(f"{SVG}title").text for element in marks(svg) if element.tag == f"{SVG}circle"]
    assert not any("2026-11-16" in dot for dot in dots)  # no dot on the gap
    assert ">30%<" in svg  # ticks in the value format
