"""A board's page title read into its parts (issue 12, dev14: LinkedIn and Indeed pages converted to
text open with their <title>). Titles written here in the boards' forms."""

import pytest

from crawler.parsing.board_page_title import BoardPageTitle, board_page_title
from crawler.parsing.header import read_header


@pytest.mark.parametrize(("line", "expected"), [
    ("Nordlicht GmbH & Co. KG hiring Ingenieur/in (m/w/d) Medizintechnik in Lübeck, Schleswig-Holstein, Germany | LinkedIn",
     BoardPageTitle("Ingenieur/in (m/w/d) Medizintechnik", "Nordlicht GmbH & Co. KG", "Lübeck, Schleswig-Holstein, Germany")),
    # the board's name already cut off as chrome
    ("Kestrel Health hiring Staff Nurse in Leeds, England, United Kingdom",
     BoardPageTitle("Staff Nurse", "Kestrel Health", "Leeds, England, United Kingdom")),
    ("Mitarbeiter (m/w/d) Montage Medizintechnik - Hamburg - Indeed.com",
     BoardPageTitle("Mitarbeiter (m/w/d) Montage Medizintechnik", None, "Hamburg")),
    ("Data Engineer - Berlin - indeed.de", BoardPageTitle("Data Engineer", None, "Berlin")),
    # sentences and other titles
    ("We are hiring engineers in Berlin", None),
    ("Acme is hiring Engineers in Berlin", None),
    ("Data Engineer - Berlin", None),
    ("Senior Engineer | LinkedIn", None),
])
def test_board_page_title(line, expected):
    assert board_page_title(line) == expected


def test_a_board_page_title_gives_title_employer_and_place():
    header = read_header("Nordlicht GmbH hiring Data Engineer (m/w/d) in Lübeck, Schleswig-Holstein, Germany\n"
                         "Skip to main content\n\nData Engineer (m/w/d)\nNordlicht GmbH\n")
    assert (header.title, header.company, header.location) == (
        "Data Engineer (m/w/d)", "Nordlicht GmbH", "Lübeck, Schleswig-Holstein, Germany")


def test_the_ads_own_lists_decide_its_language_over_the_boards_chrome():
    # dev14 de_1407 (a LinkedIn capture): English cookie banner and menus above a German ad.
    from datetime import datetime, timezone

    from crawler.parsing.posting import parse_document

    chrome = ("This button displays the currently selected search type. When expanded it provides a list of search "
              "options that will switch the search inputs to match the current selection. Get AI-powered advice on this "
              "job and more exclusive features. See who Nordlicht has hired for this role and what they did before they "
              "joined the company.\n")
    text = ("Nordlicht GmbH hiring Ingenieur (m/w/d) Medizintechnik in Lübeck, Schleswig-Holstein, Germany | LinkedIn\n"
            + chrome * 3 + "\nIhre Aufgaben\n- Sie entwickeln und prüfen Medizinprodukte für unsere Kunden\n"
            "- Sie betreuen die Dokumentation und die Zulassung\n\nIhr Profil\n- Sie haben ein abgeschlossenes Studium "
            "der Medizintechnik\n- Sie sprechen sehr gut Deutsch und gut Englisch\n")
    posting = parse_document(text, crawled_at=datetime(2026, 3, 1, tzinfo=timezone.utc))
    assert posting["ad_language"] == "de"
