"""Country hints for ads that name no place (issue 12): web and e-mail domains, the pay's currency.
Real forms from tests/real/dev are marked with their file; the rest pin edges."""

import pytest

from crawler.parsing.country_hints import country_from_currency, country_from_web_addresses, country_of_work_permit


@pytest.mark.parametrize(("text", "expected"), [
    ("Bewerbungen bitte an bewerbung@landenhof.ch", "CH"),  # de_026 (a Swiss school's career page)
    ('<a href="mailto:info@unikat-deutschland.de">info@unikat-deutschland.de</a>', "DE"),  # de_073
    ("[Recruitment](mailto:cds-snc.Recruitment.RecrutementSNC@tbs-sct.gc.ca)", "CA"),  # en_004
    ("visit the [NYC Office of Labor Relations](https://www1.nyc.gov/site/olr/index.page)", "US"),  # en_020
    ("Bixter.dk ApS in Kolding is looking for salespeople. Contact nj@bixter.com", "DK"),  # en_066
    ('<link rel="canonical" href="https://www.hoffnungsohr.de/stellen">', "DE"),  # de_065
    ("Apply at jobs.example.co.uk", "GB"),
    # written: domains that name no country, file names, disagreement
    ("Join us at acme.io or hello@acme.ai", None),
    ("See README.md and main.rs; run setup.py", None),
    ("Mail us: jobs@acme.com", None),
    ("https://acme.de and https://acme.at", None),
    ("ca. 30 Stunden, z.B. im Lager", None),
    # pythonjobs/jobs live-better-with-lead-developer: two sentences run together are no address
    ("… to their lives.In our store they can see a curated range of products.", None),
    ("Visit WWW.ACME.DE today", "DE"),
    ("", None),
])
def test_country_from_web_addresses(text, expected):
    assert country_from_web_addresses(text) == expected


@pytest.mark.parametrize(("currency", "expected"), [
    ("GBP", "GB"), ("CHF", "CH"), ("dkk", "DK"), ("EUR", None), ("USD", None), (None, None),
])
def test_country_from_currency(currency, expected):
    assert country_from_currency(currency) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("<p>Authorization to work in the US is required for this position.</p>", "US"),  # en_040 (NumFOCUS, remote)
    ("Applicants must be authorized to work in the United States. We are unable to sponsor.", "US"),  # en_010
    ("- The right to work in the UK", "GB"),
    ("Sie besitzen eine Arbeitserlaubnis für die Schweiz.", "CH"),
    ("You must be authorized to work in the country where you live.", None),
    ("Eligible to work in the EU", None),
    ("", None),
    # Only the text around the cue words is matched: a long page, a word cut by the window's start
    ("<script>" + "var x = 1;" * 5000 + "</script><p>Eligible to work in Canada</p>", "CA"),
    ("You are unauthorized" + " " * 47 + "to work in Canada", None),  # the window would start at "authorized"
    ("Eine Aufenthalts- und Arbeitserlaubnis für die Schweiz ist nötig.", "CH"),
    ("Right to work in the UK. " + "Work with us. " * 40 + "Authorised to work in the UK", "GB"),
    ("Authorised to work in the UK. " + "x " * 300 + "Authorized to work in the United States", None),
    # a nationality adjective before the permit
    ("Valid Swiss working permit or EU citizenship", "CH"),
    ("Sie verfügen über eine gültige Schweizer Arbeitsbewilligung (B oder C).", "CH"),
    ("Eine deutsche Arbeitserlaubnis ist Voraussetzung.", "DE"),
    ("You need a UK work visa to apply.", "GB"),
    ("A valid EU work permit is required.", None),
    ("We help you with the work permit process.", None),
    ("Swiss work permit required; we also accept a German work permit.", None),
])
def test_country_of_work_permit(text, expected):
    assert country_of_work_permit(text) == expected


@pytest.mark.parametrize(("text", "country"), [
    ("Da wir unser Servicenetz österreichweit vergrößern, suchen wir Mitarbeiter.", "AT"),   # dev18 de_1816
    ("Wir sind schweizweit für unsere Kunden tätig.", "CH"),
    ("Wir liefern deutschlandweit und österreichweit.", None),    # two countries: none of them
    ("Wir sind bundesweit tätig.", None),
])
def test_country_spanned(text, country):
    from crawler.parsing.country_hints import country_spanned

    assert country_spanned(text) == country
