"""Tests for crawler.parsing.posting: how the field parsers' results are put together."""

import json
from datetime import datetime, timezone

import pytest

from crawler.parsing.posting import complete_posting, parse_document

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
PARAGRAPH = ("Die Muster Armaturen GmbH entwickelt und fertigt seit 1952 Ventile für die Gebäudetechnik und "
             "beschäftigt 380 Menschen an ihrem Standort.")


def _json_ld_page(node: dict, body: str) -> str:
    return (f'<html><head><script type="application/ld+json">{json.dumps(node)}</script></head>'
            f"<body>{body}</body></html>")


def test_header_widget_figures_take_the_period_the_text_states():
    text = (f"Sachbearbeiter (m/w/d)\nMuster Armaturen GmbH\nMannheim\n3.900 € – 4.500 € (vom Arbeitgeber)\n\n"
            f"{PARAGRAPH}\n\nWir bieten\nMonatsgehalt zwischen 3.900 € und 4.500 € brutto bei 37,5 Stunden pro Woche\n")
    posting = complete_posting({"description": text}, crawled_at=NOW)
    assert (posting["salary_min"], posting["salary_max"], posting["salary_currency"], posting["salary_period"]) == (
        3900, 4500, "EUR", "month")


def test_a_json_ld_teaser_gives_way_to_the_ad_on_the_page():
    node = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Head of Finance (m/w/d)",
            "hiringOrganization": {"@type": "Organization", "name": "Bergmann Solar AG"},
            "description": "Bergmann Solar plant und baut Photovoltaik-Großanlagen."}
    body = ("<main><h1>Head of Finance (m/w/d)</h1><p>Freiburg im Breisgau · Vollzeit · ab 01.03.2027</p>"
            "<p>Bergmann Solar plant und baut Photovoltaik-Großanlagen.</p>"
            "<h2>Ihr Profil</h2><ul><li>Mindestens 8 Jahre Berufserfahrung im Finanzbereich</li></ul>"
            "<h2>Unser Angebot</h2><ul><li>Jahresgehalt ab 110.000 € zuzüglich variabler Vergütung</li>"
            "<li>Mobiles Arbeiten an bis zu zwei Tagen pro Woche</li></ul></main>")
    posting = parse_document(_json_ld_page(node, body), crawled_at=NOW)
    assert posting["requirements"] == ["Mindestens 8 Jahre Berufserfahrung im Finanzbereich"]
    assert (posting["salary_min"], posting["salary_period"]) == (110000, "year")
    assert posting["city"] == "Freiburg im Breisgau"
    assert posting["start_date"].isoformat() == "2027-03-01"


def test_the_page_header_above_a_full_json_ld_description_is_read():
    node = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Senior Data Analyst",
            "description": f"<p>{PARAGRAPH}</p><h3>Ihre Aufgaben</h3><ul><li>Dashboards in Power BI bauen</li></ul>"
                           "<h3>Ihr Profil</h3><ul><li>Sehr gute SQL-Kenntnisse</li></ul>" * 3}
    body = "<h1>Senior Data Analyst</h1><p>Wien · Vollzeit · Unbefristet</p><div id='posting'></div>"
    posting = parse_document(_json_ld_page(node, body), crawled_at=NOW)
    assert posting["contract_type"] == "permanent"
    assert posting["city"] == "Wien"


def test_microdata_keeps_the_item_markup():
    page = ('<div itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">Store Manager</h1>'
            '<p>Salary: <span itemprop="baseSalary">£28,500 per annum plus bonus</span></p><p>Contract: Permanent</p>'
            f'<div itemprop="description"><p>{PARAGRAPH}</p><p><strong>Your responsibilities</strong></p>'
            "<ul><li>Lead the team</li><li>Manage stock</li></ul></div></div>")
    posting = parse_document(page, crawled_at=NOW)
    assert posting["responsibilities"] == ["Lead the team", "Manage stock"]
    assert (posting["salary_min"], posting["salary_currency"], posting["salary_period"]) == (28500, "GBP", "year")
    assert posting["contract_type"] == "permanent"


@pytest.mark.parametrize(
    ("known", "expected"),
    [
        ({"company": "at Silverpine Cloud", "description": "Account Executive\n\nWe sell backup software."},
         "Silverpine Cloud"),
        ({"description": "Product Designer\nAmsterdam, Netherlands\n\nAbout Lumen Atlas\n"
                         "Lumen Atlas makes mapping software for city planners in 120 municipalities.\n\n"
                         "What you'll do\n- Design screens\n- Run interviews"},
         "Lumen Atlas"),
        ({"description": "Data Analyst\nLondon\n\nAt Fernleaf Insurance we use data to make home insurance fairer "
                         "for 600,000 customers.\n\nYour responsibilities\n- Build models\n- Run tests"},
         "Fernleaf Insurance"),
        ({"description": "Senior Accountant\n\nThe Senior Accountant is a key member of our finance team.\n\n"
                         "Responsibilities\n- Close the books\n- Reconcile accounts"},
         None),
    ],
)
def test_employer_names(known, expected):
    assert complete_posting(known, crawled_at=NOW)["company"] == expected


def test_an_agency_ad_names_no_employer():
    text = ("Payroll Specialist\nBirmingham\n\nMy client, Ashdown Building Supplies, is a family-owned distributor "
            "of timber with 60 branches.\n\nThe Role:\n* Process payrolls")
    posting = complete_posting({"description": text}, crawled_at=NOW)
    assert posting["via_agency"] is True
    assert posting["company"] is None


def test_a_place_with_its_postal_code_beats_a_namesake_abroad():
    text = (f"Koch (m/w/d)\nGasthaus Zum Löwen\nStaufen im Breisgau\n\n{PARAGRAPH}\n\n"
            "Gasthaus Zum Löwen · Marktplatz 4 · 79219 Staufen im Breisgau")
    posting = complete_posting({"description": text}, crawled_at=NOW)
    assert (posting["city"], posting["postal_code"], posting["country"]) == ("Staufen im Breisgau", "79219", "DE")


def test_the_postal_code_written_with_the_city_in_a_sentence_is_found():
    text = ("Backend Developer (m/w/d)\nMainz\n\nUnser Team sitzt am Mainzer Zollhafen (Rheinallee 88, 55118 Mainz) "
            "und entwickelt Vergleichsportale für zwölf Millionen Nutzer.")
    posting = complete_posting({"description": text}, crawled_at=NOW)
    assert (posting["city"], posting["postal_code"]) == ("Mainz", "55118")
