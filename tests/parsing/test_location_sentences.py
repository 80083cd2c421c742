"""The job's place stated as a label with Markdown emphasis or inside a sentence (issue 12, cause 6)."""

import pytest

from crawler.parsing.location import find_location


@pytest.mark.parametrize(("text", "city", "country"), [
    # real lines from tests/real/dev
    ("We're looking for an Outreach student to support our events, working from our office in Ottawa.",
     "Ottawa", "CA"),  # en_001_outreach_assistant_coop_cds.md
    ("Location: Sweden\n\nRole expected to work from new office location in Stockholm, Sweden.",
     "Stockholm", "SE"),  # en_032_design_specialist_unicef_stockholm.md
    ("Aktuell suchen wir für unseren Standort in München eine:n **Senior Web Analyst (w/m/x/-)**.",
     "München", "DE"),  # de_005_sinnerschrader_senior_web_analyst.md
    ("Wir, der Kindergartenverein Zwergenland e.V., suchen eine Erzieherin für unsere Kindertagesstätte in "
     "Chemnitz, Reichenhainer Straße 33a.", "Chemnitz", "DE"),  # de_051_zwergenland_erzieher_schwangerschaftsvertretung
    ("### Für unsere Bildungsangebote in Münster und Umgebung suchen wir freie Mentor*innen mit 2-6h/Woche.",
     "Münster", "DE"),  # de_054_opensenselab_mentor_digitale_bildung.md
    # written edge cases
    ("**Ort**: Berlin", "Berlin", "DE"),
    ("**Standort:** Köln", "Köln", "DE"),
    ("Unser Büro in Berlin-Prenzlauer Berg ist hell und ruhig.", "Berlin", "DE"),
    ("This is a full time position based in our San Francisco office.", "San Francisco", "US"),
    # a site in the middle of its town, a weekly commute, a British address tail (tests/real/dev5: de_503,
    # de_505 Wels tax firm; en_528 eyeo QA Manager; en_516 HANDS, Twickenham)
    ("Wir sind eine renommierte Steuerberatungskanzlei mitten in Wels und suchen zur Verstärkung unseres Teams",
     "Wels", "AT"),
    ("- sichere Daueranstellung in renommierter Steuerberatungskanzlei im Herzen von Wels", "Wels", "AT"),
    ("For this role, you must be willing to commute to Cologne on a weekly basis.", "Köln", "DE"),
    ("For application form and job description write to HANDS,1<sup>st</sup> Floor, Twickenham Library, "
     "Garfield Road, Twickenham TW1 3JT or email us", "Twickenham", "GB"),
    ("Send your CV to 10 Old Street, London EC1V 9HL.", "London", "GB"),
    # a remote job bounded by a country has that country and no town (dev5 de_506, DENOG e.V.)
    ("- Full-Remote (innerhalb Deutschlands), vollständig Online", None, "DE"),
    ("This is a remote role within Austria.", None, "AT"),
])
def test_place_from_label_or_sentence(text, city, country):
    location = find_location(text)
    assert (location.city, location.country) == (city, country)


@pytest.mark.parametrize("text", [
    "SinnerSchrader hat Büros in Hamburg, Berlin, Frankfurt am Main und München.",  # de_002: the employer's sites
    "We are 85 people in 14 countries, with a small hub in Lisbon.",  # one of the employer's sites
    "Fully remote within Germany, with an optional office in Hamburg for meetups",  # a remote job
    "The office is in the city centre.",
    "Unsere Büros in Hamburg, Berlin und Köln sind hell.",  # a list of the employer's sites
    "Our office in Berlin or Munich",  # either of two
    "Unser Team arbeitet remote in Berlin und Hamburg.",  # remote, towns are no country
    "Write to us at Garfield Road W1 1AA",  # a street before the postcode, no town
    "Urlaub mitten in den Bergen",
])
def test_no_place_from_sites_of_the_employer(text):
    location = find_location(text)
    assert location is None or location.city is None


@pytest.mark.parametrize(("text", "city", "country"), [
    # canadadev (dev11 en_1121): Victoria is Hong Kong's first; the ad names Canada
    ("6 Month Contract, based in Victoria.\n\nPlease only apply if you are based in Canada.", "Victoria", "CA"),
    ("We are based in Cambridge and work with partners across Massachusetts.", "Cambridge", "US"),
    # no area named: the gazetteer's first choice
    ("We are based in Cambridge.", "Cambridge", "GB"),
])
def test_a_namesake_is_chosen_by_the_area_the_ad_names(text, city, country):
    location = find_location(text)
    assert (location.city, location.country) == (city, country)


@pytest.mark.parametrize(("text", "city"), [
    # jetstack (dev11 en_1109): the town named before the site
    ("We are looking for a paid Marketing intern to work with us over the summer in our London office.", "London"),
    ("You will be based at our Leeds studio.", "Leeds"),
    ("You will join the team in our Sales office.", None),
    ("Fully remote, with meetups in our Berlin office.", None),
    # sunlight (dev8 en_830): the site's owner named, the district's letters after the town
    ("This is a full-time position based at Sunlight Foundation's Washington D.C. office.", "Washington"),
    ("The role sits in The Guardian's Manchester office.", "Manchester"),
    ("You will work at the Bristol site three days a week.", "Bristol"),
    ("You will work at the Open office.", None),
])
def test_a_town_named_before_our_site(text, city):
    location = find_location(text)
    assert (location.city if location else None) == city


@pytest.mark.parametrize(("text", "city"), [
    # the one town the ad places anything in (appconception dev10, HOCHBAHN / T&S / Brisbane dev12)
    ("Als Standort haben wir uns für Berlin entschieden. Wir bieten ein modernes Arbeitsumfeld in Berlin an.", "Berlin"),
    ("Du willst richtig was bewegen – für Hamburg und seine Zukunft?", "Hamburg"),
    ("This is your chance to work amongst the most skilled developers in Brisbane!", "Brisbane"),
    ("Our studio in San Francisco builds tools for designers.", "San Francisco"),
    # towns of several sites: none
    ("We have offices in London and in Berlin.", None),
    # a remote job's town is no workplace, unless days at a site are asked for
    ("This is a remote role; our founders met in Berlin.", None),
    ("Hybrid: remote two days a week, three days in our office in Leipzig.", "Leipzig"),
    # no town after a preposition
    ("Wir suchen dich in Vollzeit.", None),
])
def test_sole_town_named(text, city):
    from crawler.parsing.place_sentences import sole_town_named

    location = sole_town_named(text)
    assert (location.city if location else None) == city
