"""Places in fact rows without a colon, towns placed by a larger one near them, and town districts."""

import pytest

from crawler.parsing.location import find_location
from crawler.parsing.place_sentences import sole_town_named


@pytest.mark.parametrize(("text", "city"), [
    ("Auf einen Blick\n\nStandort Nordhausen\n\nArt Duale Ausbildung", "Nordhausen"),
    ("Ort Berlin-Mitte", "Berlin"),
    ("Location Based Services are what we build", None),   # no place after the label word
    ("Standort Deutschland", None),                        # a country only
])
def test_a_fact_row_without_its_colon(text, city):
    location = find_location(text)
    assert (location.city if location else None) == city


@pytest.mark.parametrize(("text", "city"), [
    ("Wir sind ein Familienbetrieb in Kehrig bei Mayen — klein, persönlich, direkt.", "Kehrig"),
    ("Kehrig bei Mayen · ab sofort", "Kehrig"),
    ("Unsere Praxis bei Hamburg sucht Verstärkung.", "Hamburg"),       # no town before "bei"
    ("Arbeiten bei Siemens in München", "München"),
    ("Freundlich, hell und modern ausgestattete Büroräume in Wiesbaden-Nordost", "Wiesbaden"),
    ("Als Verstärkung für das Team in Hannovers Südstadt suchen wir Sie.", "Hannover"),   # a German genitive
])
def test_sole_town_named(text, city):
    location = sole_town_named(text)
    assert (location.city if location else None) == city


@pytest.mark.parametrize(("text", "city"), [
    ("Arbeiten in einem Kontor aus dem 12. Jahrhundert — mitten in der Lübecker Altstadt.", "Lübeck"),
    ("Unsere Praxis liegt im Kölner Süden.", "Köln"),
    ("Wir essen gern Berliner Pfannkuchen.", None),     # an adjective before no site or part of a town
])
def test_the_town_as_an_adjective_before_a_part_of_it(text, city):
    location = sole_town_named(text) or find_location(text)
    assert (location.city if location else None) == city


@pytest.mark.parametrize(("text", "city"), [
    ("- Du bist in Berlin (oder bereit umzuziehen) - und sprichst fließend Deutsch", "Berlin"),
    ("Arbeite mit uns in Berlin im Office oder flexibel hybrid.", "Berlin"),
    ("Ideally you are based in Leeds.", "Leeds"),
    ("You are in good hands with us.", None),
])
def test_where_the_reader_is_asked_to_be(text, city):
    location = find_location(text)
    assert (location.city if location else None) == city


@pytest.mark.parametrize(("line", "place"), [
    ("Unterschleißheim bei München", True),
    ("Kehrig bei Mayen", True),
    ("Werk bei München", False),
])
def test_a_town_placed_by_the_larger_one_near_it_is_a_place_line(line, place):
    from crawler.parsing.location import looks_like_place

    assert looks_like_place(line) is place


def test_a_city_abbreviation_before_the_office():
    location = find_location("Ability to work 5 days in-person in our NYC office")   # dev24 en_2414
    assert (location.city, location.country) == ("New York", "US")


@pytest.mark.parametrize(("text", "country"), [
    ("Remote (US-Based)", "US"),                                     # dev23 en_2309
    ("Remote (Must be based in the United States)", "US"),           # dev23 en_2312
    ("Remote (candidates based in Germany)", "DE"),
    ("Remote (EU)", None),
])
def test_where_a_remote_worker_must_live(text, country):
    from crawler.parsing.location import parse_location

    assert parse_location(text).country == country


@pytest.mark.parametrize(("text", "expected"), [
    # a US state's code after a town the gazetteer lacks, not the country of that code (dev21 en_2108)
    ("Annapolis Junction, MD", ("Annapolis Junction", "Maryland", "US")),
    ("Kleinkleckersdorf, DE", ("Kleinkleckersdorf", None, "DE")),
])
def test_a_state_code_after_an_unknown_town(text, expected):
    from crawler.parsing.location import parse_location

    location = parse_location(text)
    assert (location.city, location.region, location.country) == expected


@pytest.mark.parametrize(("text", "city"), [
    ("Ziehst du nach Mönchengladbach? Wir übernehmen 2 Monate Airbnb-Kosten.", "Mönchengladbach"),   # dev23 de_2303
    ("We offer relocation support to Berlin.", "Berlin"),
    ("We move to the cloud next year.", None),
])
def test_where_the_reader_would_move_for_the_job(text, city):
    location = find_location(text)
    assert (location.city if location else None) == city


@pytest.mark.parametrize(("text", "city"), [
    ("Lolev Beer is a new brewery located in the Lawrenceville neighborhood of Pittsburgh.", "Pittsburgh"),  # dev17
    ("Our office is based in the Kreuzberg district of Berlin.", "Berlin"),
    # the head office of a remote job's employer (dev3 en_311)
    ("Remote, with a preference for Eastern time zones (Doximity HQ is currently based in the SoMa neighborhood of"
     " San Francisco)", None),
])
def test_the_town_a_neighbourhood_belongs_to(text, city):
    location = find_location(text)
    assert (location.city if location else None) == city
