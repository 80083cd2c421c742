"""A source's address against the place the ad labels as the job's (issue 12; de_013, a clinic whose
JSON-LD gives the head office in München while the ad's "Einsatzort" is Taufkirchen (Vils))."""

import pytest

from crawler.parsing.location import find_location
from crawler.parsing.place_arbitration import arbitrate_place


def posting(city, postal_code, region, country, source):
    fields = {"city": city, "postal_code": postal_code, "region": region, "country": country}
    return {**fields, "field_sources": {name: source for name, value in fields.items() if value},
            "field_conflicts": {}}


EINSATZORT = "Einsatzort\n\nkbo-Klinik für Psychiatrie | Taufkirchen (Vils)\n\nBräuhausstraße 5\n84416 Taufkirchen (Vils)"


def test_labelled_place_wins_over_structured_head_office():
    stated = posting("München", "80538", "Bayern", "DE", "structured_data")
    arbitrate_place(stated, find_location(EINSATZORT))
    assert (stated["city"], stated["postal_code"], stated["region"]) == ("Taufkirchen (Vils)", "84416", "Bayern")
    assert stated["field_sources"]["city"] == "text"
    assert [entry["source"] for entry in stated["field_conflicts"]["city"]] == ["text", "structured_data"]


@pytest.mark.parametrize(("text", "stated"), [
    (EINSATZORT, posting("Taufkirchen", "84416", "Bayern", "DE", "structured_data")),  # the same town
    (EINSATZORT, posting("Wien", None, "Wien", "AT", "structured_data")),  # another country: no guess
    (EINSATZORT, posting("München", None, "Bayern", "DE", "board_header")),  # not a source's address
    ("Wir sind ein Team in Taufkirchen. 84416 Taufkirchen (Vils)", posting("München", None, "Bayern", "DE",
                                                                           "structured_data")),  # no label
])
def test_source_kept(text, stated):
    before = dict(stated)
    arbitrate_place(stated, find_location(text))
    assert stated["city"] == before["city"] and not stated["field_conflicts"]
