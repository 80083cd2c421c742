"""The job's place and work mode said in prose or inside a line of facts, each with a cue of
workplace ("bei uns in", "Arbeitsort:", an office offered to the reader, an invitation to apply
at a town). Real lines from dev3 (issue 12) beside written cases that pin the edges."""

import pytest

from crawler.parsing.place_sentences import sentence_workplace
from crawler.parsing.workplace import remote_share

PLACE_CASES = [
    # port-zero (de_355, de_364): onboarding where "we" are.
    ("* Die Einarbeitung findet bei uns in Berlin statt. Wenn alles gut klappt, kannst Du von Remote arbeiten.",
     ("Berlin", "DE")),
    # port-zero (de_356): a label inside a line of facts.
    ("- Festanstellung unbefristet, 20 - 32 h pro Woche, Arbeitsort: Berlin, Kreuzberg", ("Berlin", "DE")),
    # zebbra (de_358): an office offered to the reader, placed by its river first.
    ("Bei zebbra findest du Gleichgesinnte, viel Freiraum, wenig Strukturen, ein Office an der Aare in Bern,"
     " unsere legendären Teamevents.", ("Bern", "CH")),
    # Defacto (de_300): the invitation to apply at the employer in a town.
    ("**Dann bewerbe dich jetzt bei Defacto in Groningen!**", ("Groningen", "NL")),
    # the place of deployment named right after its word (freelancermap project ads, project-bot files no
    # corpus part holds)
    ("Einsatzort Wien und remote", ("Wien", "AT")),
    # perdoo (dev2 en_109, Recruitee Markdown): an office offered in the ad's benefit list.
    ("What we offer\n*   A beautiful office in Berlin with an awesome view over the city.\n*   Snacks",
     ("Berlin", "DE")),
    ("- A small hub in Lisbon", None),
    # Doximity (dev3 en_311, a remote job): a district's own spelling is not the Turkish town Soma.
    ("(Doximity HQ is currently based in the SoMa neighborhood of San Francisco, the epicenter of Bay Area"
     " technology)", None),
    # LanguageTooler (dev3 de_368): the office placed in a town's centre, in a benefit item.
    ("- Ein Büro im Zentrum von Potsdam-Babelsberg (in der Nähe der S-Bahn, sehr gut auch aus Berlin erreichbar)",
     ("Potsdam", "DE")),
    # A place word without a cue of workplace is no evidence.
    ("Wir waren letztes Jahr mit dem Team in Berlin auf einer Konferenz.", None),
    # Some office of the employer, not offered to the reader.
    ("We are 85 people in 14 countries, with a small hub in Lisbon.", None),
    ("We have an office in Berlin.", None),
]


@pytest.mark.parametrize(("text", "expected"), PLACE_CASES)
def test_place_with_a_workplace_cue(text, expected):
    location = sentence_workplace(text)
    assert (location and (location.city, location.country)) == expected or (location is None and expected is None)


MODE_CASES = [
    ("* Hybrid, Ahmedabad", "hybrid"),  # cogni.systems (en_352): a fact line
    ("- Hybrid (Munich)", "hybrid"),
    ("* Die Einarbeitung findet bei uns in Berlin statt. Wenn alles gut klappt, kannst Du von Remote arbeiten.",
     "hybrid"),
    ("Hybrid cloud experience, Kubernetes", None),
    ("Die Einarbeitung erfolgt durch dein Team.", None),
]


@pytest.mark.parametrize(("text", "expected"), MODE_CASES)
def test_hybrid_stated_by_structure(text, expected):
    assert remote_share(text) == expected


@pytest.mark.parametrize(("text", "city", "country"), [
    # pythonjobs/jobs growth_intel_dev, patch_cto_london: the east of London, not the town in South Africa
    ("Gi is a fast-growing tech startup based in East London.\nThis is a full time position based in London.",
     "London", "GB"),
    ("A team of six based in East London near Old Street Station. We supply London’s balconies.", "London", "GB"),
    # the compass town alone, or a town of that name in the same country as the city, stays
    ("Our office is based in East London, a coastal city.", "East London", "ZA"),
    ("Our office is located in North Vancouver. Vancouver is close.", "North Vancouver", "CA"),
])
def test_a_compass_part_of_a_city_the_ad_names(text, city, country):
    location = sentence_workplace(text)
    assert (location.city, location.country) == (city, country)


@pytest.mark.parametrize(("text", "country"), [
    # dev19 de_1907 (Posteo): the remote work's country after a longer clause
    ("* Mobiles Arbeiten ausserhalb des Büros ist vollständig aus ganz Deutschland möglich.", "DE"),
    ("Full-Remote (innerhalb Deutschlands)", "DE"),
    ("You can work remote from anywhere in Germany.", "DE"),
    ("Remote work is possible. Our customers are in Germany.", None),
])
def test_remote_work_bounded_to_a_country(text, country):
    from crawler.parsing.place_sentences import remote_area_country

    location = remote_area_country(text)
    assert (location.country if location else None) == country
