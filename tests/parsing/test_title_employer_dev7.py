"""Title and employer rules written for the misses of the fresh real part tests/real/dev7 (issue 12).

Cases marked "dev7" are taken from its ads (provenance in tests/real/SOURCES.md); the others pin an
edge of the same rule."""

from datetime import datetime, timezone

import pytest

from crawler.parsing.employer_clues import employer_spelt_by_mail_address
from crawler.parsing.header import read_header
from crawler.parsing.title import clean_title

CRAWLED_AT = datetime(2025, 6, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(("raw", "expected"), [
    # dev7: spacebetween/spacebetween.github.io front-matter titles
    ("Recruiting a Web Developer", "Web Developer"),
    ("Recruiting a Lead Web Developer", "Lead Web Developer"),
    ("Recruiting an Account Executive / Manager role in Ashford", "Account Executive / Manager"),
    ("We're looking for a Data Scientist", "Data Scientist"),
    ("Hiring a Senior Engineer (m/w/d)", "Senior Engineer"),
    # no article after the verb: a role, not a call
    ("Hiring Manager", "Hiring Manager"),
    ("Recruiting Coordinator", "Recruiting Coordinator"),
    # "role" inside a title without the call stays
    ("Head of Role Design", "Head of Role Design"),
])
def test_a_post_titled_by_the_act_of_hiring_keeps_the_role(raw, expected):
    assert clean_title(raw) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev7: reedu-reengineering-education/reedu-home-v2 headings
    ("Werkstudierende*r Entwickler für die Entwicklung von Web-Apps gesucht!\n\nre:edu ist ein junges Start-Up.",
     "Werkstudierende*r Entwickler für die Entwicklung von Web-Apps gesucht!"),
    ("Werkstudierende*r gesucht!\n\nre:edu ist ein junges Start-Up.", "Werkstudierende*r gesucht!"),
    # an exclamation that is no call stays out
    ("Willkommen bei uns!\n\nWir sind ein Team.", None),
])
def test_a_title_written_as_a_call_keeps_its_exclamation_mark(text, expected):
    assert read_header(text).title == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev7: vestalux/sljekyll (Suffolk Libraries), johnpuddephatt/zerowaste, reedu-reengineering-education/reedu-home-v2
    ("If you are interested, please send a CV and supporting statement outlining what you could bring to this "
     "position and Suffolk Libraries to: **recruitment@suffolklibraries.co.uk**", "Suffolk Libraries"),
    ("We set up Zero Waste Leeds as our social enterprise wanted to get involved.\n"
     "If you have any trouble viewing the document please email info@zerowasteleeds.org.uk", "Zero Waste Leeds"),
    ("re:edu ist ein junges Start-Up aus Münster.\nBewerbung per E-Mail an: kontakt@reedu.de\n"
     "Büroadresse:\nre:edu GmbH \\& Co. KG // Johann-Krane-Weg 23 // 48149 Münster", "re:edu GmbH & Co. KG"),
    # dev5 de_501: the contact's surname spells the family firm's domain; the ad names no employer
    ("Bei Fragen meldet euch bei\nJosef Schnitzhofer, josef@schnitzhofer.at, 06243 2298-17", None),
    ("Ihr Ansprechpartner: Herr Weber, bewerbung@weber.de", None),
    # a word inside the domain is no name of it; public mail providers spell nobody
    ("Apply to jobs@acmerobotics.com if you like Acme products.", None),
    ("Bewerbung an max.mustermann@gmail.com, Gmail bevorzugt.", None),
    # web addresses do not count: the ad links to tools and partners
    ("We use Python every day, see https://www.python.org", None),
])
def test_employer_spelt_by_the_mail_domain(text, expected):
    assert employer_spelt_by_mail_address(text) == expected
