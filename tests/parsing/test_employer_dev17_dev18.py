"""Employers of dev17 and dev18: a short name of several words spelled out before it, the short name
opening the title, and a name with a legal form that opens the hiring sentence whatever its case."""

import pytest

from crawler.parsing.employer_clues import employer_hiring_with_legal_form
from crawler.parsing.employer_name import spelled_out_name
from crawler.parsing.title import remove_company_suffix


@pytest.mark.parametrize(("name", "text", "expected"), [
    # dev18 en_1808
    ("Public Lab", "The Public Laboratory for Open Technology and Science (Public Lab) is a community",
     "Public Laboratory for Open Technology and Science"),
    # the bracket must follow words that spell the short name
    ("Public Lab", "Our partner Public Works (Public Lab) helps", None),
    ("Acme Labs", "We at Acme Labs (Acme Labs) build", None),
])
def test_a_short_name_of_several_words_spelled_out(name, text, expected):
    assert spelled_out_name(name, text) == expected


@pytest.mark.parametrize(("title", "company", "expected"), [
    ("Public Lab Development Associate", "Public Lab", "Development Associate"),
    # one word needs a separator: it may be the role's own ("Data Engineer" at "Data")
    ("Data Engineer", "Data", "Data Engineer"),
    ("Login.gov - DevOps Engineer", "Login.gov", "DevOps Engineer"),
])
def test_the_employers_name_opening_the_title(title, company, expected):
    assert remove_company_suffix(title, company) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev17 en_1715: a name in lower-case words, told by its legal form
    ("Solve it once LLC is seeking a business relationship with one or more freelance copywriters.",
     "Solve it once LLC"),
    ("Die Muster GmbH sucht zum 1. Mai einen Koch.", "Muster GmbH"),
    ("We are hiring. Acme Widgets Inc. is looking for engineers.", "Acme Widgets Inc."),
    ("Piggy, LLC is looking for a social media marketer.", "Piggy, LLC"),
    # no legal form, or an agency's client: no name
    ("Our client is seeking a Developer.", None),
    ("Unser Kunde, die Muster GmbH, sucht einen Koch.", None),
    ("Acme is hiring engineers.", None),
])
def test_a_name_with_a_legal_form_opening_the_hiring_sentence(text, expected):
    assert employer_hiring_with_legal_form(text) == expected
