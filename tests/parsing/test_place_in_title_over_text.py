"""The town a job title names, against a town the ad's text only mentions."""

import pytest

from crawler.parsing.posting import parse_document


@pytest.mark.parametrize(("page", "city"), [
    # Arbeitnow API ad: the Berlin copy of an ad written for Köln; the title names the town
    ("<html><head><title>Partner Account Manager (m/f/x) - Partner Success in Berlin</title></head><body>"
     "<h1>Partner Account Manager (m/f/x) - Partner Success in Berlin</h1><p>Werde Teil eines Teams in unserem"
     " Kölner Büro mit office-first culture.</p></body></html>", "Berlin"),
    # a place the ad labels is the more precise statement
    ("<html><head><title>Projektingenieur (m/w/d) in Berlin</title></head><body><h1>Projektingenieur (m/w/d) in"
     " Berlin</h1><p>Arbeitsort: Potsdam</p><p>Du planst Anlagen.</p></body></html>", "Potsdam"),
])
def test_the_town_a_title_names_beats_a_town_the_text_mentions(page, city):
    assert parse_document(page)["city"] == city
