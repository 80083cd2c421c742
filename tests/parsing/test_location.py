from pathlib import Path

import pytest

from crawler.parsing.location import (
    Location,
    find_location,
    looks_like_place,
    normalise_address,
    parse_location,
    postal_code_near,
    town_of_public_employer,
)

SEEDS = Path(__file__).resolve().parents[1] / "files" / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "city", "postal_code", "region", "country"),
    [
        ("45307 Essen, Deutschland", "Essen", "45307", "Nordrhein-Westfalen", "DE"),
        ("Essen", "Essen", None, "Nordrhein-Westfalen", "DE"),
        ("Cologne, hybrid", "Köln", None, "Nordrhein-Westfalen", "DE"),
        ("Berlin, Germany", "Berlin", None, "Berlin", "DE"),
        ("München, Bayern, Deutschland", "München", None, "Bayern", "DE"),
        ("Munich, Bavaria, Germany", "München", None, "Bayern", "DE"),
        ("Remote (United States)", None, None, None, "US"),
        ("Hamburg oder Remote", "Hamburg", None, "Hamburg", "DE"),
        ("D-80331 München", "München", "80331", "Bayern", "DE"),
        ("1010 Wien, Österreich", "Wien", "1010", "Wien", "AT"),
        ("Vienna, Austria", "Wien", None, "Wien", "AT"),
        ("8001 Zürich", "Zürich", "8001", "Zürich", "CH"),
        ("CH-8001 Zurich", "Zürich", "8001", "Zürich", "CH"),
        ("London, UK", "London", None, "England", "GB"),
        ("Frankfurt am Main", "Frankfurt am Main", None, "Hessen", "DE"),
        ("Frankfurt", "Frankfurt am Main", None, "Hessen", "DE"),
        ("Frankfurt a.M.", "Frankfurt am Main", None, "Hessen", "DE"),
        ("Frankfurt (Oder)", "Frankfurt (Oder)", None, "Brandenburg", "DE"),
        ("Köln / Bonn", "Köln", None, "Nordrhein-Westfalen", "DE"),
        ("Remote, Germany", None, None, None, "DE"),
        ("Germany", None, None, None, "DE"),
        ("Deutschland", None, None, None, "DE"),
        ("DE-Berlin", "Berlin", None, "Berlin", "DE"),
        ("Berlin, DE", "Berlin", None, "Berlin", "DE"),
        ("Nuremberg", "Nürnberg", None, "Bayern", "DE"),
        ("Hanover, Germany", "Hannover", None, "Niedersachsen", "DE"),
        ("Halle (Saale)", "Halle (Saale)", None, "Sachsen-Anhalt", "DE"),
        ("Berlin-Kreuzberg", "Berlin", None, "Berlin", "DE"),
        ("Hamburg-Altona", "Hamburg", None, "Hamburg", "DE"),
        ("Raum Stuttgart", "Stuttgart", None, "Baden-Württemberg", "DE"),
        ("Munich area", "München", None, "Bayern", "DE"),
        ("Geneva, Switzerland", "Genève", None, "Genève", "CH"),
        ("Paris", "Paris", None, None, "FR"),
        ("Paris, Île-de-France, France", "Paris", None, "Île-de-France", "FR"),
        ("San Francisco, CA", "San Francisco", None, "California", "US"),
        ("Amsterdam, Netherlands", "Amsterdam", None, None, "NL"),
        ("12345 Kleinkleckersdorf", "Kleinkleckersdorf", "12345", None, "DE"),
        ("Walldorf", "Walldorf", None, "Baden-Württemberg", "DE"),
        ("Bundesweit", None, None, None, "DE"),
        ("Remote, UK", None, None, None, "GB"),
        ("Anywhere in Germany", None, None, None, "DE"),
        ("Essen, Nordrhein-Westfalen, Deutschland", "Essen", None, "Nordrhein-Westfalen", "DE"),
        ("Greater Munich Metropolitan Area", "München", None, "Bayern", "DE"),
        ("Garching bei München", "Garching", None, "Bayern", "DE"),
        ("Hamburg +2 weitere", "Hamburg", None, "Hamburg", "DE"),
        # a state that is also a small town's name elsewhere, after a town that has a namesake in it
        # (tests/real/dev4 en_401, the31337/jobs: "#### San Mateo, California" was San Mateo in the Philippines)
        ("San Mateo, California", "San Mateo", None, "California", "US"),
        ("California, Pennsylvania", "California", None, "Pennsylvania", "US"),
    ],
)
def test_parse_location(text, city, postal_code, region, country):
    assert parse_location(text) == Location(city, postal_code, region, country, text)


@pytest.mark.parametrize("text", ["", "Remote", "Hybrid", "Flexible", "Mehrere Standorte", "Kleinkleckersdorf"])
def test_parse_location_without_a_place(text):
    location = parse_location(text)
    assert (location.city, location.country, location.postal_code) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "city", "postal_code", "country"),
    [
        ("Data Engineer (m/w/d)\nStandort: Hamburg\nVollzeit", "Hamburg", None, "DE"),
        ("Arbeitsort: 45307 Essen\nWir suchen...", "Essen", "45307", "DE"),
        ("Job location: Munich, Germany\nAbout us", "München", None, "DE"),
        ("Einsatzort: Düsseldorf | Vollzeit | unbefristet", "Düsseldorf", None, "DE"),
        ("- Ort: Leipzig", "Leipzig", None, "DE"),
        ("Where: Remote (United States)\nWhat you'll do", None, None, "US"),
        ("Location\nBerlin, Germany\nApply now", "Berlin", None, "DE"),
        ("Our Location\nOpen map\nACME GmbH\n10115 Berlin, Deutschland", "Berlin", "10115", "DE"),
        ("Kontakt\nACME GmbH, Musterstraße 1, 20095 Hamburg", "Hamburg", "20095", "DE"),
        ("Software Engineer\nKöln\nVollzeit\n" + "Wir sind ein Unternehmen mit Sitz in Bonn. " * 5, "Köln", None, "DE"),
        ("Standort: Unser Büro liegt mitten in Berlin-Mitte", "Berlin", None, "DE"),
        ("Location: Vienna\n1010 Wien, Österreich", "Wien", "1010", "AT"),
        ("Standort: Köln\nACME GmbH\nHohenzollernring 1, 50672 Köln", "Köln", "50672", "DE"),
        ("Ihr Kontakt\nMusterweg 3\n12345 Kleinkleckersdorf", "Kleinkleckersdorf", "12345", "DE"),
        ("Zürich\n" + "x " * 200, "Zürich", None, "CH"),
    ],
)
def test_find_location(text, city, postal_code, country):
    location = find_location(text)
    assert (location.city, location.postal_code, location.country) == (city, postal_code, country)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "We have offices in all major cities in Germany and over 100 stores across Europe.",
        "Our client is a big (2k employees in all major cities in Germany) company.",
        "Mit über 86000 Mitarbeitern in 9 Ländern sind wir einer der größten Händler.\nSeit 1998 in Berlin aktiv.",
        "Senior Engineer (m/w/d)\nJobs by email\nShow salary\nSave",
        "Das erwartet dich\n- 30 Tage Urlaub\n- 2000 Euro Budget",
        # dev19 en_1918 (a cider farm's page): a site menu's "Tours" is a page, not the French town
        "Jobs at Lattin's\n\n- Home\n- Cider\n- Store\n- Farm\n- Tours\n- Parties\n- Jobs\n\nLattin's Job Opportunities",
    ],
)
def test_find_location_finds_nothing(text):
    assert find_location(text) is None


def test_label_wins_over_bare_header_line():
    text = "Engineer\nBerlin\nLocation: Cologne, hybrid\n"
    assert find_location(text).city == "Köln"


def test_postal_line_wins_over_bare_header_line_and_fills_postal_code():
    text = "Engineer\nEssen\nFull Time\n" + "Lorem ipsum " * 20 + "\n45307 Essen, Deutschland"
    assert find_location(text) == Location("Essen", "45307", "Nordrhein-Westfalen", "DE", "45307 Essen, Deutschland")


def test_seed_000_location():
    location = find_location(seed("000"))
    assert (location.city, location.country, location.region) == ("Köln", "DE", "Nordrhein-Westfalen")
    assert location.raw == "Cologne, hybrid"


def test_seed_001_location():
    assert find_location(seed("001")) == Location(
        "Essen", "45307", "Nordrhein-Westfalen", "DE", "45307 Essen, Deutschland")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Essen", True),
        ("Berlin, Germany", True),
        ("45307 Essen", True),
        ("45307 Essen, Deutschland", True),
        ("Cologne, hybrid", True),
        ("Remote", True),
        ("Hamburg oder Remote", True),
        ("Frankfurt am Main", True),
        ("Hamburg, Berlin, München", True),
        ("Hamburg und Umgebung", True),
        ("Jobs by email", False),
        ("Senior Machine Learning Engineer (m/f/d)", False),
        ("ALDI Einkauf SE & Co. oHG", False),
        ("Permanent contract", False),
        ("Full Time, Home office possible", False),
        ("Home office possible", False),
        ("Published: 1 week ago", False),
        ("Show salary", False),
        ("Hybrid", False),
        ("Home office", False),
        ("IT", False),
        ("USA", True),
        ("Düsseldorf (Hybrid)", True),
        ("Essen, Nordrhein-Westfalen, Deutschland", True),
        ("Frau Müller", False),
        ("Management", False),
        ("vor 3 Tagen", False),
        ("Google", False),
        ("Mobile", False),
        ("Sales", False),
        ("Art", False),
        ("", False),
        ("Wir suchen dich in Berlin", False),
        # dates written with the month's name are no town (dev20 en_2010: "August 04, 2025" was August, US)
        ("August 04, 2025", False),
        ("4. Mai 2025", False),
        ("Augsburg", True),
    ],
)
def test_looks_like_place(line, expected):
    assert looks_like_place(line) is expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        (dict(locality="Cologne", country="DE"), ("Köln", None, "Nordrhein-Westfalen", "DE")),
        (dict(locality="München", region="BY", postal_code="80331", country="Deutschland"),
         ("München", "80331", "Bayern", "DE")),
        (dict(locality="Berlin", region="BE", country="de"), ("Berlin", None, "Berlin", "DE")),
        (dict(locality="Essen", region="NW", country="DEU"), ("Essen", None, "Nordrhein-Westfalen", "DE")),
        (dict(locality="Düsseldorf", region="DE-NW", country="Germany"), ("Düsseldorf", None, "Nordrhein-Westfalen", "DE")),
        (dict(locality="Wien", country="Österreich"), ("Wien", None, "Wien", "AT")),
        (dict(locality="Zurich", country="Switzerland"), ("Zürich", None, "Zürich", "CH")),
        (dict(locality="Hamburg"), ("Hamburg", None, "Hamburg", "DE")),
        (dict(locality="Kleinkleckersdorf", postal_code="12345"), ("Kleinkleckersdorf", "12345", None, "DE")),
        (dict(locality="Munich", region="Bavaria"), ("München", None, "Bayern", "DE")),
        (dict(country="United Kingdom"), (None, None, None, "GB")),
        (dict(locality="Austin", region="TX", country="US"), ("Austin", None, "Texas", "US")),
        (dict(locality="  ", region="", country=None), (None, None, None, None)),
        (dict(locality="Remote"), (None, None, None, None)),
        (dict(locality="Remote - Germany"), (None, None, None, "DE")),
        (dict(locality="Berlin, Germany"), ("Berlin", None, "Berlin", "DE")),
        (dict(locality="80331 München"), ("München", "80331", "Bayern", "DE")),
        (dict(region="DE-BY"), (None, None, "Bayern", "DE")),
        (dict(locality="Wien", region="9", country="AT"), ("Wien", None, "Wien", "AT")),
        # the short forms Germans write for their states (dev24 de_2401: JSON-LD addressRegion "NRW")
        (dict(locality="Köln", region="NRW", country="DE"), ("Köln", None, "Nordrhein-Westfalen", "DE")),
        (dict(locality="Mainz", region="RLP"), ("Mainz", None, "Rheinland-Pfalz", "DE")),
        # a street of the city in brackets is no qualifier of its name (dev22 de_2207)
        (dict(locality="Zürich (Birmensdorferstrasse)", country="CH"), ("Zürich", None, "Zürich", "CH")),
        (dict(locality="Halle (Saale)", country="DE"), ("Halle (Saale)", None, "Sachsen-Anhalt", "DE")),
    ],
)
def test_normalise_address(address, expected):
    location = normalise_address(**address)
    assert (location.city, location.postal_code, location.region, location.country) == expected



@pytest.mark.parametrize(
    "text",
    ["Location: Remote\nACME GmbH, Hauptstr. 1, 10115 Berlin", "Standort\n100% Remote\n\n10115 Berlin"],
)
def test_labelled_remote_keeps_the_employer_address_out(text):
    location = find_location(text)
    assert (location.city, location.postal_code, location.country) == (None, None, None)
    assert "Remote" in location.raw


@pytest.mark.parametrize(
    ("text", "city", "region", "country"),
    [
        ("Paris, Île-de-France, France", "Paris", "Île-de-France", "FR"),
        ("Amsterdam, Noord-Holland, Netherlands", "Amsterdam", "Noord-Holland", "NL"),
        ("Locations: Berlin | Hamburg | Remote", "Berlin", "Berlin", "DE"),
        ("Hamburg Altona", "Hamburg", "Hamburg", "DE"),
        ("Rostock-Warnemünde", "Rostock", "Mecklenburg-Vorpommern", "DE"),
        ("Kleinstadt, Deutschland", "Kleinstadt", None, "DE"),
    ],
)
def test_more_place_snippets(text, city, region, country):
    location = find_location(text) if text.startswith("Locations:") else parse_location(text)
    assert (location.city, location.region, location.country) == (city, region, country)


@pytest.mark.parametrize(
    ("text", "city", "country", "expected"),
    [
        ("Unser Team sitzt am Zollhafen (Rheinallee 88, 55118 Mainz).", "Mainz", "DE", "55118"),
        ("Büro in Zürich-Altstetten (8048 Zürich).", "Zürich", "CH", "8048"),
        ("Old Street\nLondon EC2A 4NE", "London", "GB", "EC2A 4NE"),
        ("Seit 2019 Berlin und Hamburg", "Berlin", "DE", None),
        ("Wir sind in Mainz zu Hause.", "Mainz", "DE", None),
        ("Office: 55118 Mainz", None, "DE", None),
        ("Ihr Arbeitsplatz ist in Otterfing (PLZ 83624).", "Otterfing", "DE", "83624"),
        ("Dienstort: Graz (8010)", "Graz", "AT", "8010"),
        ("Wir sind in Mainz (seit 2019) zu Hause.", "Mainz", "DE", None),
    ],
)
def test_postal_code_near(text, city, country, expected):
    assert postal_code_near(text, city, country) == expected


@pytest.mark.parametrize(
    ("text", "city", "postal_code", "region", "country"),
    [
        ("Daventry NN11 8QL", "Daventry", "NN11 8QL", "England", "GB"),
        ("Dublin 2, Ireland", "Dublin", None, None, "IE"),
        ("New York, NY (Hybrid)", "New York", None, "New York", "US"),
        ("79219 Staufen im Breisgau", "Staufen im Breisgau", "79219", "Baden-Württemberg", "DE"),
        ("Freiburg im Breisgau", "Freiburg im Breisgau", None, "Baden-Württemberg", "DE"),
        ("78464 Konstanz am Bodensee", "Konstanz", "78464", "Baden-Württemberg", "DE"),
        ("Walldorf", "Walldorf", None, "Baden-Württemberg", "DE"),
        ("Dallas 75247", "Dallas", "75247", "Texas", "US"),
        # a district after its town, the postal code serving the town (schreck, dev11 de_1117)
        ("35099 Burgwald-Bottendorf", "Burgwald", "35099", "Hessen", "DE"),
    ],
)
def test_parse_location_more_forms(text, city, postal_code, region, country):
    location = parse_location(text)
    assert (location.city, location.postal_code, location.region, location.country) == (
        city, postal_code, region, country)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("New York, NY", True),
        ("Daventry NN11 8QL", True),
        ("Top Company 2026", False),
        ("Vollzeit", False),
    ],
)
def test_looks_like_place_more_lines(line, expected):
    assert looks_like_place(line) is expected


def test_postal_code_inside_a_sentence_is_the_last_resort():
    text = "Der Verband versorgt 210.000 Einwohner. Unsere Verwaltung hat ihren Sitz in 56068 Koblenz.\nMehr Text."
    assert find_location(text) == Location("Koblenz", "56068", "Rheinland-Pfalz", "DE", "56068 Koblenz")
    assert find_location("Wir haben 12345 Mitarbeiter und 2019 Kunden gewonnen.") is None


@pytest.mark.parametrize(("company", "city", "country"), [
    ("Universitätsstadt Marburg", "Marburg an der Lahn", "DE"),  # dev9 de_909
    ("Landeshauptstadt München", "München", "DE"),
    ("Gemeinde Kühbach", "Kühbach", "DE"),
    ("Stadt Halle (Saale)", "Halle (Saale)", "DE"),  # dev16 de_1608: the river in brackets is the town's name
    ("Leeds City Council", "Leeds", "GB"),
    ("City of Edinburgh", "Edinburgh", "GB"),
    ("Stadtwerke Bonn", None, None),  # a company of the town, not its administration
    ("Ashvale District Council", None, None),  # no town the gazetteer knows
    ("Acme GmbH", None, None),
])
def test_town_of_public_employer(company, city, country):
    location = town_of_public_employer(company)
    assert ((location.city, location.country) if location else (None, None)) == (city, country)


@pytest.mark.parametrize(("text", "city", "postal_code"), [
    # severndelta/website (dev9 en_923-927): the county stands between the town and the postcode
    ("* **Postal Address:** Severn Delta Limited, Showground Road, Bridgwater, Somerset, TA6 6AJ", "Bridgwater", "TA6 6AJ"),
    ("Unit 4, Mill Lane, Tewkesbury, Gloucestershire, GL20 5AB", "Tewkesbury", "GL20 5AB"),
    ("Harrogate, North Yorkshire HG1 2AB", "Harrogate", "HG1 2AB"),
    ("Old Street, London EC2A 4NE", "London", "EC2A 4NE"),
])
def test_a_british_address_gives_the_town_before_its_county(text, city, postal_code):
    location = find_location(text)
    assert (location.city, location.postal_code, location.country) == (city, postal_code, "GB")


def test_a_town_alone_under_the_title_is_still_the_place():
    # a short list of places is no menu: fewer than four one-word items
    assert find_location("Koch (m/w/d)\n\n- Berlin\n- Vollzeit\n\nWir suchen Verstärkung.").city == "Berlin"


def test_a_date_line_is_no_header_place():
    from crawler.parsing.header import read_header

    assert read_header("Junior Software Developer\n\nJuly 24, 2025\n\nAugust 04, 2025\n\nThe role").location is None


@pytest.mark.parametrize(("company", "city"), [
    ("Uniklinikum Frankfurt", "Frankfurt am Main"),
    ("Wiesbadener Schulsportverein", "Wiesbaden"),
    ("Technologiestiftung Berlin", "Berlin"),
    # English institutions named after their town (dev25 en_2507, dev20 en_2010)
    ("University of Technology Nuremberg", "Nürnberg"),
    ("University of Toronto", "Toronto"),
    ("Bank of America", None),
    # no institution's word, or no town of 50,000 people
    ("Muster GmbH", None),
    ("Deutsche Bank", None),
])
def test_town_in_institution_name(company, city):
    from crawler.parsing.location import town_in_institution_name

    location = town_in_institution_name(company)
    assert (location.city if location else None) == city


def test_a_place_label_word_without_a_colon_in_a_header_line():
    from crawler.parsing.header import read_header

    # dev20 de_2003 (a dental practice's Blade view): "ab September 2025 · Standort Augsburg"
    assert read_header("Ausbildungsplatz zur ZFA\n\nab September 2025 · Standort Augsburg\n\nText").location == "Augsburg"
    # the label word before something that is no place stays as written
    assert read_header("Koch\n\nStandort Wechsel möglich\n\nText").location is None
