"""Title lines: the town a title names against a town the text only mentions; a call for staff as the title."""

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


@pytest.mark.parametrize(("text", "title"), [
    # dev23 en_2316 (Siyelo, 2011): a call for staff closed by a full stop is still the title line
    ("# Siyelo\n\n## Web Developer wanted.\n\nWe are a small consultancy in Cape Town building Rails apps.",
     "Web Developer"),
    ("Koch gesucht!\n\nWir sind ein Gasthaus in Freiburg.", "Koch gesucht!"),
])
def test_a_call_for_staff_is_a_title_line(text, title):
    assert parse_document(text)["title"] == title
