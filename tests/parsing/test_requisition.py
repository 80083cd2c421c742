"""The employer's reference for a post, read from an ad's text."""

import pytest

from crawler.parsing.requisition import find_requisition_id


@pytest.mark.parametrize(("text", "reference"), [
    # dev24 en_2413: a Workday page copied as text, the label over its value
    ("posted on\nPosted Today\njob requisition id\nR25_00537\nJob Description:", "R25_00537"),
    # dev25 en_2507: in a sentence
    ("general questions by e-mail to jobs@utn.de, quoting the\nreference number ENG-2024-04, and we will call you back.",
     "ENG-2024-04"),
    ("Job ID: 698809BR\nDate posted: Jul. 24, 2025", "698809BR"),
    ("Bitte geben Sie bei Ihrer Bewerbung die Kennziffer 2024/117 an.", "2024/117"),
    # no reference: words after the label, a date, a job that is only work
    ("Job reference: Senior Engineer", None),
    ("Referenznummer: 12.03.2025", None),
    ("Our job is to build things.", None),
])
def test_find_requisition_id(text, reference):
    assert find_requisition_id(text) == reference
