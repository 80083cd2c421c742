"""Titles and places on board pages, found by parsing files of numfocus/jobs-board and
opensourcedesign/jobs that no corpus part holds (issue 12): "Organisation / Role" headers whose role
has no word of the role list, badge tooltips read before the title, a label before a place value,
a front-matter title replaced by a body line that is a link."""

from datetime import datetime, timezone

import pytest

from crawler.parsing.header import read_header
from crawler.parsing.location import parse_location
from crawler.parsing.posting import parse_document
from crawler.parsing.title_facts import organisation_prefix

ORGANISATION_CASES = [
    ("Quansight / PyData maintainer", ("PyData maintainer", "Quansight")),
    ("Kitware / Medical Image Analysis Researcher", ("Medical Image Analysis Researcher", "Kitware")),
    ("Unitary Fund / Chief of Staff", ("Chief of Staff", "Unitary Fund")),
    ("Quansight LLC / Senior Open Source Infrastructure Engineer",
     ("Senior Open Source Infrastructure Engineer", "Quansight LLC")),
    ("Spyder / Spyder Junior Developer", ("Spyder Junior Developer", "Spyder")),
    # Both forms, two levels or two fields of one role stay a title.
    ("Koch / Köchin", ("Koch / Köchin", None)),
    ("Senior / Staff Engineer", ("Senior / Staff Engineer", None)),
    ("Design / Development", ("Design / Development", None)),
]


@pytest.mark.parametrize(("title", "expected"), ORGANISATION_CASES)
def test_organisation_before_role(title, expected):
    assert organisation_prefix(title) == expected


def test_badge_tooltip_is_no_title():
    text = ("🚀This entity is a sponsor of NumFOCUS\n\nQuansight / PyData maintainer\n\nThis job is 100% time.\n\n"
            "Location: Remote\n")
    assert read_header(text).title == "Quansight / PyData maintainer"
    text = "🍏This jobs entails working on Open Source full time\n\nUnitary Fund / Communications and Marketing\n"
    assert read_header(text).title == "Unitary Fund / Communications and Marketing"


def test_label_before_a_place_value():
    location = parse_location("Location: Carrboro, NC")
    assert (location.city, location.region, location.country) == ("Carrboro", "North Carolina", "US")


def test_front_matter_title_kept_over_a_body_line_that_links():
    # opensourcedesign/jobs, a 2021 Open Food Network call for designers.
    document = ("---\norganization: Open Food Network\ntitle: >-\n  Design contributors for Open Food Systems platform:"
                " UX, research, UI, Visual\n  Design, build your own project etc.\n---\n"
                "The project is looking for design contributions of all kinds.\n\n"
                "Head to the WIP welcome new designers board https://github.com/openfoodfoundation/design/projects/1\n")
    posting = parse_document(document, crawled_at=datetime(2021, 5, 1, tzinfo=timezone.utc))
    assert posting["title"].startswith("Design contributors for Open Food Systems platform")
