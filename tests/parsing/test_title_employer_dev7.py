"""Title and employer rules written for the misses of the fresh real part tests/real/dev7 (issue 12).

Cases marked "dev7" are taken from its ads (provenance in tests/real/SOURCES.md); the others pin an
edge of the same rule."""

from datetime import datetime, timezone

import pytest

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
