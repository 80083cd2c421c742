"""Places as real ads state them (issue 12): short lines written after the forms found in
tests/real/dev (the file each form comes from is named beside it), next to written edge cases."""

import pytest

from crawler.parsing.location import (
    find_location,
    looks_like_place,
    parse_location,
    place_from_stated,
    place_in_page_title,
    postal_town,
)
from crawler.parsing.markdown_text import split_front_matter


@pytest.mark.parametrize(("text", "city", "region", "country"), [
    # a board's "|" header field: "... | Full-Time | NYC | $260K" (en_016, Hacker News)
    ("Full-Time | NYC", "New York", "New York", "US"),
    ("SF, CA", "San Francisco", "California", "US"),
    # a front-matter abbreviation "location: Ham" (de_002): no town, not Hamm
    ("Ham", None, None, None),
    # written: a short own name of a German town still counts
    ("Ulm", "Ulm", "Baden-Württemberg", "DE"),
])
def test_parse_location_abbreviations(text, city, region, country):
    location = parse_location(text)
    assert (location.city, location.region, location.country) == (city, region, country)


@pytest.mark.parametrize(("text", "city", "region", "country"), [
    # the town's country or state right after it vouches for a small town abroad
    ("We are now searching for a Store Manager to lead our store in Qormi, Malta. In this role",
     "Qormi", None, "MT"),  # en_026 (RemoteOK)
    ("- This is an in-person position based on our campus in Allston, MA. Work may begin remotely.",
     "Allston", "Massachusetts", "US"),  # en_039 (NumFOCUS): "remotely" is another sentence
    # the site named by the town itself
    ("Experis sucht Sie für unseren Kunden in der Medienbranche am Standort Unterföhring.",
     "Unterföhring", "Bayern", "DE"),  # de_017 (freelancermap)
    # a street address, then the town (a borough of New York)
    ("This position will require work from our office at 253 Broadway, in Manhattan.",
     "New York", "New York", "US"),  # en_020 (NYC Opportunity)
    # the town as a German adjective before the site
    ("Aktuell suchen wir an unserem Hamburger Standort eine:n Werkstudent:in.", "Hamburg", "Hamburg", "DE"),  # de_004
    ("Die Bayreuther Einrichtung verfügt über 286 Betten.", "Bayreuth", "Bayern", "DE"),  # de_044
    ("Wir suchen für unsere Bremer Niederlassung eine Fachkraft.", "Bremen", "Bremen", "DE"),  # written
    # a labelled mode without a place leaves room for the sentence naming it
    ("Location: On-Site and Remote Hybrid\n\nThis is an in-person position based on our campus in Allston, MA.",
     "Allston", "Massachusetts", "US"),  # en_039
])
def test_workplace_named_in_a_sentence(text, city, region, country):
    location = find_location(text)
    assert (location.city, location.region, location.country) == (city, region, country)


@pytest.mark.parametrize("text", [
    "Der Hamburger Hafen ist der größte Hafen Deutschlands.",  # an adjective, but no site of the employer
    "Our store in Qormi, with shops in Marsa and Birkirkara.",  # a small town abroad, nothing vouching for it
    "We are fully remote; our office in Allston, MA is open for visits.",  # the sentence says remote
])
def test_no_workplace_from_these_sentences(text):
    location = find_location(text)
    assert location is None or location.city is None


@pytest.mark.parametrize(("text", "city", "postal_code", "country"), [
    # an address block: a country code before the postal code, the country on the next line
    ("Employer\n\nPREVAS A/S\nLyskær 3\nDK 2730 Herlev\nDenmark\n\nHow to apply", "Herlev", "2730", "DK"),  # en_068
    ("Hobbii A/S\nKildebrøndevej 42\nDK 2670 Greve\nDenmark", "Greve", "2670", "DK"),  # en_072
    # written: a four-digit code with the country only on the next line
    ("ACME AG\nBahnhofstrasse 1\n3000 Bern\nSchweiz", "Bern", "3000", "CH"),
])
def test_address_block_with_country(text, city, postal_code, country):
    location = find_location(text)
    assert (location.city, location.postal_code, location.country) == (city, postal_code, country)


@pytest.mark.parametrize("text", [
    "Gegründet\n1998 Wismar",  # a year before a town, no country stated
    "Seit 2004 Marktführer\nDeutschland",
])
def test_years_are_no_postal_codes(text):
    location = find_location(text)
    assert location is None or location.postal_code is None


@pytest.mark.parametrize(("text", "city", "country"), [
    # a labelled place after a short fact on the same line (de_064, an Austrian parish)
    ("Wir suchen eine:n\n\n6 Stunden, Arbeitsort: Messiaskapelle in Wien-Alsergrund (9. Bezirk)\n\nBeginn: sofort",
     "Wien", "AT"),
    # a board's header line of "|"-separated fields, longer than a place line (en_016, Hacker News)
    ("The General Intelligence Company | Senior Product Engineer | Build the OS for Autonomous Agents | "
     "Full-Time | NYC | $260K - $300K + 0.3-0.41% Equity | cofounder.co\n\nThe Upside", "New York", "US"),
    ("Acme GmbH | Backend Engineer | Vollzeit | Leipzig\n\nÜber uns", "Leipzig", "DE"),  # written
])
def test_place_among_the_header_facts(text, city, country):
    location = find_location(text)
    assert (location.city, location.country) == (city, country)


@pytest.mark.parametrize(("stated", "text", "city"), [
    # a site's front matter "location: Ham", the ad naming the employer's offices (de_001, SinnerSchrader)
    ("Ham", "Wir haben Büros in Hamburg, Berlin, Frankfurt am Main, München und Prag.", "Hamburg"),
    ("Mün", "Unser Büro in München sucht Verstärkung.", "München"),  # written
    ("Ber", "Standorte: Bern und Berlin", None),  # two towns begin with it: no guess
    ("Ham", "Keine Stadt genannt.", None),
    ("Köln", "", "Köln"),  # a full name is read as it is
])
def test_place_from_a_shortened_name(stated, text, city):
    assert place_from_stated(stated, text).city == city


@pytest.mark.parametrize(("front_matter", "expected"), [
    # a clinic's Jekyll collection item names its place under its own key (de_056, de_077)
    ('---\ntitel: "Hauswirtschaftliche Mitarbeiterin"\nklinik: "Bad Wurzach"\nzeitpunkt: "Ab sofort"\n---\nText',
     "Bad Wurzach"),
    ('---\ntitle: Koch\nfiliale: Köln\nlayout: job\n---\nText', "Köln"),  # written
    ('---\ntitle: Koch\nlocation: Hamburg\nfiliale: Köln\n---\nText', "Hamburg"),  # the location key wins
    ('---\ntitle: Koch\nauthor: Andreas\nlayout: job\ncategory: news\n---\nText', None),  # no value is a place
])
def test_front_matter_value_that_is_a_place(front_matter, expected):
    assert split_front_matter(front_matter).fields.get("location_raw") == expected


@pytest.mark.parametrize(("text", "city", "region"), [
    ("84416 Taufkirchen (Vils)", "Taufkirchen (Vils)", "Bayern"),  # de_013: three Taufkirchen in Bayern
    ("Stuttgart (Vaihingen)", "Stuttgart", "Baden-Württemberg"),  # a district of the one Stuttgart
    ("Hamburg (Hafencity)", "Hamburg", "Hamburg"),
    ("Frankfurt (Oder)", "Frankfurt (Oder)", "Brandenburg"),
])
def test_qualifier_that_tells_namesakes_apart(text, city, region):
    location = parse_location(text)
    assert (location.city, location.region) == (city, region)


@pytest.mark.parametrize(("text", "city", "postal_code", "country"), [
    ("Melbourne VIC (Remote)", "Melbourne", None, "AU"),  # en_013 (SEEK): a state code picks the namesake
    ("Toronto, ON", "Toronto", None, "CA"),
    ("Melbourne, FL", "Melbourne", None, "US"),
    ("Hampshire, South East England", "Hampshire", None, "GB"),  # en_080: a part of a country names it
    ("Northern Germany", None, None, "DE"),
    ("Dewsbury, WF12", "Dewsbury", "WF12", "GB"),  # en_059: the first half of a British postcode
    ("London, EC2A", "London", "EC2A", "GB"),
    ("Berlin, A1", "Berlin", None, "DE"),  # no British town before it: not a postcode
])
def test_states_countries_and_postcodes_beside_a_town(text, city, postal_code, country):
    location = parse_location(text)
    assert (location.city, location.postal_code, location.country) == (city, postal_code, country)


@pytest.mark.parametrize(("document", "city", "country"), [
    ("<title>Stellenangebote — Karriere bei Autohaus Pufahl in Lengerich</title>\n<article>…",
     "Lengerich", "DE"),  # de_069 (a car dealer's career page)
    ("<html><head><title>Jobs | Acme GmbH | Köln</title></head>", "Köln", "DE"),  # written
    ("<title>Senior Engineer - Acme</title>", None, None),
    ("<title>Working in Tech</title>", None, None),
    ("Karriere bei Acme in Lengerich", None, None),  # not a page: no <title>
])
def test_place_in_page_title(document, city, country):
    location = place_in_page_title(document)
    assert (location.city, location.country) == (city, country) if city else location is None


@pytest.mark.parametrize(("code", "country", "name", "expected"), [
    ("79219", None, "Staufen im Breisgau", ("DE", "Baden-Württemberg", "Staufen im Breisgau")),  # not in geonames
    ("49525", None, "Lengerich", ("DE", "Nordrhein-Westfalen", "Lengerich")),  # de_069: not the one in Niedersachsen
    ("84416", "DE", "Taufkirchen (Vils)", ("DE", "Bayern", "Taufkirchen")),  # de_013
    ("5035", None, "Unterentfelden", ("CH", "Aargau", "Unterentfelden")),  # de_026's employer (Landenhof)
    ("1090", None, "Wien", ("AT", "Wien", "Wien")),
    ("80331", None, "Hamburg", None),  # the code serves München: no guess
    ("1998", None, "Wismar", None),  # a year
    ("10115", "US", "Berlin", None),  # not a German-speaking country's code
])
def test_postal_town(code, country, name, expected):
    assert postal_town(code, country, name) == expected


@pytest.mark.parametrize(("text", "city", "region", "country"), [
    ("79219 Staufen im Breisgau", "Staufen im Breisgau", "Baden-Württemberg", "DE"),
    ("49525 Lengerich", "Lengerich", "Nordrhein-Westfalen", "DE"),
    ("5035 Unterentfelden", "Unterentfelden", "Aargau", "CH"),
])
def test_postal_code_gives_state_and_namesake(text, city, region, country):
    location = parse_location(text)
    assert (location.city, location.region, location.country) == (city, region, country)


@pytest.mark.parametrize(("text", "city", "country"), [
    ("📍 Köln 🕐 Vollzeit 💼 Festanstellung", "Köln", "DE"),  # the job-meta line of de_065's career page
    ("🌎 Germany (Remote)", None, "DE"),  # a board line (issue 12, cause 3)
    ("Job-Standort: Düsseldorf", "Düsseldorf", "DE"),
    ("Location: Home based - South West England", None, "GB"),  # "Home based" is a mode, not a town
    ("Location: Field based, Bristol", "Bristol", "GB"),
])
def test_pinned_and_labelled_places(text, city, country):
    location = find_location(text)
    assert (location.city, location.country) == (city, country)


@pytest.mark.parametrize(("text", "city", "country"), [
    ("Sitz der Stelle: Bonn", "Bonn", "DE"),
    ("Arbeitsort ist Regensburg.", "Regensburg", "DE"),
    ("We are hiring in Lisbon, Portugal", "Lisboa", "PT"),
    ("Location: Anywhere in the UK", None, "GB"),
])
def test_more_ways_to_name_the_workplace(text, city, country):
    location = find_location(text)
    assert (location.city, location.country) == (city, country)


@pytest.mark.parametrize("text", [
    "We are hiring in several countries across Europe",
    "Wir sind hiring in Berlin und Hamburg",  # a list of towns: the employer's sites
])
def test_hiring_in_many_places_names_none(text):
    location = find_location(text)
    assert location is None or location.city is None


@pytest.mark.parametrize(("line", "city", "country"), [
    ("Remote (US only)", None, "US"),
    ("Köln-Ehrenfeld", "Köln", "DE"),  # a district after the town
    ("Berlin-Prenzlauer Berg", "Berlin", "DE"),
])
def test_place_lines_with_qualifiers(line, city, country):
    assert looks_like_place(line)
    location = parse_location(line)
    assert (location.city, location.country) == (city, country)


def test_town_adjective_in_a_remote_sentence_is_no_workplace():
    location = find_location("Du arbeitest remote, mit Treffen im Berliner Büro einmal im Quartal.")
    assert location is None or location.city is None
