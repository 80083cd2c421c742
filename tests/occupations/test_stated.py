"""Occupations a source states: the Bundesagentur's hauptberuf/beruf and JSON-LD occupationalCategory."""

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from crawler.occupations.fields import stated_occupation_fields
from crawler.parsing.jobposting import fields_from_job_posting
from crawler.parsing.posting import complete_posting, parse_document
from crawler.sources.arbeitsagentur import posting_fields_from_ba

FILES = Path(__file__).parents[1] / "files"
NOW = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)
SOFTWARE_DEVELOPER = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"


def _ba_item(path: str) -> dict:
    payload = json.loads((FILES / path).read_text(encoding="utf-8"))
    items = payload.get("ergebnisliste") or payload.get("stellenangebote") or [payload]
    return items[0]


@pytest.mark.parametrize(
    ("path", "isco", "label"),
    [
        # Real recorded answers (tests/files/SOURCES.md): v6 "hauptberuf": "Informatiker/in" for an
        # ad titled "Informatiker (m/w/d)"; v4 "beruf": "Personaldienstleistungskaufmann/-frau" for
        # an ad titled "Personaldisponent/in" (a staffing firm's recruiter).
        ("arbeitsagentur/real/jobsuche-cli-v6-search.json", "2511", "computer scientist"),
        ("arbeitsagentur/real/d4c-v4-search-item.json", "3333", "employment agent"),
    ],
)
def test_bundesagentur_occupation_is_the_source(path, isco, label):
    fields = posting_fields_from_ba(_ba_item(path), None, NOW)
    assert (fields["occupation_isco"], fields["occupation_label"], fields["occupation_method"]) == (
        isco, label, "source")
    # The parser keeps what the source stated rather than reading the title again.
    posting = complete_posting(fields, crawled_at=NOW)
    assert (posting["occupation_isco"], posting["occupation_method"]) == (isco, "source")


@pytest.mark.parametrize(
    ("beruf", "isco"),
    [
        # names as the Bundesagentur's recorded answers give them (tests/files/arbeitsagentur)
        ("Softwareentwickler Java", "2512"),
        ("Netzwerkadministrator", "2522"),
        ("Lagerhelfer/in", "9333"),
        # a name that does not read as one occupation is left to the ad's title
        ("Quereinsteiger", None),
    ],
)
def test_bundesagentur_occupation_name_read_like_a_title(beruf, isco):
    item = {"refnr": "1-S", "titel": "Wir suchen Verstärkung (m/w/d)", "hauptberuf": beruf}
    fields = posting_fields_from_ba(item, None, NOW)
    assert fields.get("occupation_isco") == isco
    if isco:
        assert fields["occupation_method"] == "source"


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ({"@type": "CategoryCode", "codeValue": "2512", "inCodeSet": "ISCO-08"}, ("2512", None)),
        ("ISCO-08 5120", ("5120", None)),
        ("2221", ("2221", None)),
        (SOFTWARE_DEVELOPER, ("2512", SOFTWARE_DEVELOPER)),
        ([{"@type": "CategoryCode", "codeValue": SOFTWARE_DEVELOPER.replace("http:", "https:")}],
         ("2512", SOFTWARE_DEVELOPER)),
        ("Pflegefachkraft", ("2221", "http://data.europa.eu/esco/occupation/")),
        # O*NET-SOC codes through the SOC→ISCO-08 crosswalk: one group, or several (left to the title)
        ("15-1252.00 Software Developers", ("2512", None)),
        ({"@type": "CategoryCode", "codeValue": "29-1141.00", "inCodeSet": "O*NET-SOC"}, ("2221", None)),
        ("11-1021.00", None),
        # Not an occupation we can read: a field, a number, a year range.
        ("2024-2025", None),
        ("Information Technology", None),
        ("9999", None),
        (None, None),
    ],
)
def test_stated_occupation_fields(stated, expected):
    fields = stated_occupation_fields(stated)
    if expected is None:
        assert fields == {}
        return
    isco, uri = expected
    assert fields["occupation_isco"] == isco and fields["occupation_method"] == "source"
    assert fields["occupation_esco_uri"] == uri or (uri and fields["occupation_esco_uri"].startswith(uri))


def test_json_ld_occupational_category_is_mapped():
    node = {"@type": "JobPosting", "title": "Teamplayer gesucht", "occupationalCategory": "ISCO-08: 5120 Köche"}
    assert fields_from_job_posting(node, NOW)["occupation_isco"] == "5120"


PAGE = """<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"JobPosting","title":"Allrounder (m/w/d)",
 "occupationalCategory":{"@type":"CategoryCode","codeValue":"9112","inCodeSet":"ISCO-08"},
 "description":"<p>Wir suchen Verstärkung für unser Team.</p>","datePosted":"2026-11-20",
 "hiringOrganization":{"name":"Beispiel GmbH"}}
</script></head><body></body></html>"""


def test_a_page_stating_its_isco_code_is_coded_by_it():
    posting = parse_document(PAGE, crawled_at=NOW)
    assert (posting["occupation_isco"], posting["occupation_method"]) == ("9112", "source")
