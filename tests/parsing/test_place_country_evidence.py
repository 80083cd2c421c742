"""A bare town name read as a namesake abroad, in an ad whose own country shows otherwise
(dev16: a North East England school-jobs board, 'Location: County Durham', 'Location: Northumberland')."""

from datetime import datetime

import pytest

from crawler.parsing.place_names import namesake_in
from crawler.parsing.posting import parse_document

CRAWLED = datetime(2018, 3, 1)


@pytest.mark.parametrize(("text", "city", "country"), [
    # the pay's currency: the English Durham, not North Carolina's
    ("Teacher of English\nLocation: Durham\nSalary: £22,917 - £38,633 per annum\n\nWe teach 1,200 pupils.", "Durham", "GB"),
    # a British postcode and a name the gazetteer knows only in New York: the country alone
    ("Teacher of English\nLocation: Northumberland\n\nAstley Community High School, Elsdon Avenue, NE25 0BP\n\n"
     "We teach 1,200 pupils.", None, "GB"),
    # the addresses' domain alone moves only to a namesake there
    ("Teacher of English\nLocation: Durham\n\nApply to jobs@durhamsixthform.org.uk\n\nWe teach 1,200 pupils.",
     "Durham", "GB"),
    ("Softwareentwickler\nStandort: Groningen\n\nBewerbung an jobs@defacto.de\n\nWir entwickeln Software.",
     "Groningen", "NL"),
    # no evidence of another country: the reading stands
    ("Data Analyst\nLocation: Durham\nSalary: $70,000 per year\n\nWe analyse data.", "Durham", "US"),
])
def test_a_namesake_abroad_gives_way_to_the_ads_country(text, city, country):
    posting = parse_document(text, crawled_at=CRAWLED)
    assert (posting["city"], posting["country"]) == (city, country)


@pytest.mark.parametrize(("name", "country", "city"), [
    ("Durham", "GB", "Durham"), ("Durham", "US", "Durham"), ("Northumberland", "GB", None), ("Groningen", "DE", None),
])
def test_namesake_in(name, country, city):
    found = namesake_in(name, country)
    assert (found.city if found else None) == city
    if found:
        assert found.country == country
