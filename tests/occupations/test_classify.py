"""classify_occupation and occupation_fields: ISCO-08 codes for clear titles, None for noise."""

import csv
from pathlib import Path

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.fields import occupation_fields
from crawler.occupations.index import load_index


@pytest.mark.parametrize(
    ("title", "language", "isco"),
    [
        ("Softwareentwickler (m/w/d)", "de", "2512"),
        ("Koch/Köchin", "de", "5120"),
        ("Pflegefachkraft (m/w/d) Vollzeit", "de", "2221"),
        ("Registered Nurse - London", "en", "2221"),
        ("Truck Driver", "en", "8332"),
        ("Elektroniker/in für Betriebstechnik", "de", "7411"),
    ],
)
def test_clear_titles_get_their_unit_group(title, language, isco):
    occupation = classify_occupation(title, language=language)
    assert occupation is not None
    assert occupation.isco_code == isco
    assert occupation.method == "title"
    assert occupation.esco_uri.startswith("http://data.europa.eu/esco/occupation/")


@pytest.mark.parametrize("title", ["", "   ", "(m/w/d)", "asdfgh qwertz", "12345"])
def test_noise_gets_none(title):
    assert classify_occupation(title) is None


def test_stated_isco_code_is_used_as_source():
    occupation = classify_occupation("Anything", stated={"@type": "CategoryCode", "codeValue": "2512", "inCodeSet": "ISCO-08"})
    assert occupation.isco_code == "2512"
    assert occupation.method == "source"
    assert occupation.confidence == 1.0


def test_stated_esco_uri_is_used_as_source():
    uri = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
    occupation = classify_occupation("Koch", stated=uri)
    assert (occupation.esco_uri, occupation.isco_code, occupation.method) == (uri, "2512", "source")


def test_onet_code_is_read_through_the_crosswalk_not_as_isco_digits():
    # 53-3032 (heavy and tractor-trailer truck drivers) is ISCO 8332, not "3032"
    occupation = classify_occupation("Fahrer (m/w/d)", language="de", stated="53-3032.00")
    assert (occupation.isco_code, occupation.method) == ("8332", "source")
    # 11-1021 (general and operations managers) spreads over seven ISCO groups: the title decides
    occupation = classify_occupation("Truck Driver", language="en", stated="11-1021.00")
    assert (occupation.isco_code, occupation.method) == ("8332", "title")


def test_bundled_data_covers_esco_and_isco():
    index = load_index()
    assert len(index.occupations) == 2942
    assert sum(len(code) == 4 for code in index.isco_groups) == 436
    assert all(occupation.isco_code in index.isco_groups for occupation in index.occupations)


def test_occupation_fields_fills_schema_fields():
    fields = occupation_fields({"title": "Koch/Köchin (m/w/d)", "language": "de"})
    assert fields["occupation_isco"] == "5120"
    assert fields["occupation_method"] == "title"
    assert set(fields) == {"occupation_isco", "occupation_esco_uri", "occupation_label", "occupation_confidence", "occupation_method"}
    assert set(occupation_fields({"title": None}).values()) == {None}


def test_every_method_on_the_eval_set_is_one_the_schema_names():
    # ../shared/SCHEMA.md: occupation_method is source, title or title+text (or null).
    rows = csv.DictReader((Path(__file__).parent / "eval_set.csv").open(encoding="utf-8"))
    methods = {
        occupation.method
        for row in rows
        if (occupation := classify_occupation(row["title"], row["description"], row["language"])) is not None
    }
    assert methods and methods <= {"title", "title+text"}
