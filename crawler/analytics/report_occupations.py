"""The report's occupation panel (issue 16): postings by ISCO-08 major group (1 digit) and the most
frequent unit groups (4 digits), from the postings' ``occupation_isco`` and ``occupation_label``.

Group names are the ISCO-08 labels bundled with the occupation classifier
(``crawler/occupations/data/esco_occupations.json.gz``, ESCO's English ISCO group labels).
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import func

from crawler.analytics.report_html import pair, plural, section, share, table
from crawler.analytics.svg_charts import bar_chart, number_label
from crawler.occupations.index import DATA_FILE

if TYPE_CHECKING:
    from crawler.analytics.report_data import FilteredRelation

TOP_UNIT_GROUPS = 15
LABELS_PER_GROUP = 3


@lru_cache(maxsize=1)
def isco_group_labels() -> dict[str, str]:
    """ISCO-08 group labels by code, 1 to 4 digits (``"2"`` -> ``"Professionals"``)."""
    raw = resources.files("crawler.occupations").joinpath("data", DATA_FILE).read_bytes()
    return json.loads(gzip.decompress(raw))["isco_groups"]


def isco_name(code: str) -> str:
    """``"2512 Software developers"``; the bare code when the bundled labels lack it."""
    label = isco_group_labels().get(code)
    return f"{code} {label}" if label else code


@dataclass
class OccupationCounts:
    """The filter's postings by occupation."""

    coded: int = 0
    not_coded: int = 0
    major_groups: list[tuple[str, int]] = field(default_factory=list)
    """Every ISCO-08 major group (code order) with its postings, zero included."""
    unit_groups: list[tuple[str, int]] = field(default_factory=list)
    """The most frequent 4-digit unit groups with their postings."""
    labels: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    """The occupation labels postings of each listed unit group carry, most frequent first."""
    methods: list[tuple[str, int]] = field(default_factory=list)
    """Coded postings by how their occupation was found (``occupation_method``)."""


def collect_occupations(connection, postings: FilteredRelation) -> OccupationCounts:
    """Count the filter's postings by ISCO-08 major and unit group, in SQL."""
    result = OccupationCounts()
    code = postings["occupation_isco"]
    coded = code.is_not(None)
    result.not_coded = connection.execute(postings.select(func.count()).where(code.is_(None))).scalar() or 0
    major = func.substr(code, 1, 1)
    found = dict(connection.execute(postings.select(major, func.count()).where(coded).group_by(major)).all())
    majors = sorted(code for code in isco_group_labels() if len(code) == 1)
    result.major_groups = [(digit, int(found.get(digit, 0))) for digit in majors] + \
        [(digit, int(count)) for digit, count in sorted(found.items()) if digit not in majors]
    result.coded = sum(count for _digit, count in result.major_groups)
    count = func.count()
    result.unit_groups = [(str(unit), int(total)) for unit, total in connection.execute(
        postings.select(code, count).where(coded).group_by(code).order_by(count.desc(), code).limit(TOP_UNIT_GROUPS))]
    listed = [unit for unit, _total in result.unit_groups]
    labels: dict[str, list[tuple[str, int]]] = defaultdict(list)
    label = postings["occupation_label"]
    for unit, name, total in connection.execute(
            postings.select(code, label, count).where(code.in_(listed), label.is_not(None))
            .group_by(code, label).order_by(code, count.desc(), label)):
        labels[unit].append((name, int(total)))
    result.labels = dict(labels)
    method = func.coalesce(postings["occupation_method"], "not stated")
    result.methods = [(str(name), int(total)) for name, total in connection.execute(
        postings.select(method, count).where(coded).group_by(method).order_by(count.desc(), method))]
    return result


def render_occupations(counts: OccupationCounts) -> str:
    """The panel: major groups, top unit groups, and the labels behind each unit group."""
    majors = bar_chart([(isco_name(digit), total) for digit, total in counts.major_groups],
                       "Postings by ISCO-08 major group", unit="postings")
    units = bar_chart([(isco_name(unit), total) for unit, total in counts.unit_groups],
                      "Top ISCO-08 unit groups", unit="postings")
    rows = [[unit, isco_group_labels().get(unit, ""), number_label(total), share(total, counts.coded),
             ", ".join(f"{name} ({number})" for name, number in counts.labels.get(unit, [])[:LABELS_PER_GROUP])]
            for unit, total in counts.unit_groups]
    labels = table(["ISCO-08", "unit group", "postings", "share of coded", "occupation labels on the postings"],
                   rows, numeric=range(2, 4)) if rows else ""
    methods = ", ".join(f"{name} {number_label(total)}" for name, total in counts.methods) or "none"
    selection = counts.coded + counts.not_coded
    note = (f"{plural(counts.coded, 'posting')} with an ISCO-08 code ({share(counts.coded, selection)} of the selection)"
            f", {plural(counts.not_coded, 'posting')} without (the classifier leaves a title it "
            f"cannot place uncoded). Coded by: {methods}.")
    return section("Occupations (ISCO-08)",
                   pair(section("ISCO-08 major groups (1 digit)", majors),
                        section("Top ISCO-08 unit groups (4 digits)", units)) + labels, note)
