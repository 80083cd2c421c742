"""The employer named by an about heading, or as the author of a company site's page.
Real lines from dev3 (issue 12) beside written cases that pin the edges."""

import pytest

from crawler.parsing.employer_clues import employer_from_name_heading
from crawler.parsing.markdown_text import split_front_matter

ABOUT_CASES = [
    # Code+Design Initiative (de_371, Blade HTML '<h2><strong>Über Code+Design Initiative e.V.</strong></h2>'):
    # the legal form's final dot is part of the name.
    ("Über Code+Design Initiative e.V.\n\n- Wir sind ein gemeinnütziger Verein\n", "Code+Design Initiative e.V."),
    ("## About Acme Robotics\n\nWe build arms. Write to jobs@acmerobotics.com", "Acme Robotics"),
    # A section of the ad, or a name nothing in the ad backs, is not the employer.
    ("Über Uns\n\nWir sind ein kleines Team.\n", None),
    ("About The Role\n\nYou will build things.\n", None),
    ("Über Berlin\n\nBerlin ist eine Stadt.\n", None),
]


@pytest.mark.parametrize(("text", "expected"), ABOUT_CASES)
def test_employer_from_about_heading(text, expected):
    assert employer_from_name_heading(text) == expected


AUTHOR_CASES = [
    # Mint System (de_352, Hugo Markdown): 'author: "Mint System GmbH"', the text says only "Mint System".
    ('---\ntitle: "Open Source Expert"\nauthor: "Mint System GmbH"\n---\n\nMint System ist der Überzeugung …\n',
     "Mint System GmbH"),
    # A person as author is no employer.
    ('---\ntitle: "Koch"\nauthor: "Janek Muster"\n---\n\nText\n', None),
    # A stated company key wins over the author.
    ('---\ntitle: "Koch"\ncompany: "Gasthaus Krone"\nauthor: "Web Agentur GmbH"\n---\n\nText\n', "Gasthaus Krone"),
]


@pytest.mark.parametrize(("document", "expected"), AUTHOR_CASES)
def test_front_matter_author_with_legal_form(document, expected):
    assert split_front_matter(document).fields.get("company") == expected
