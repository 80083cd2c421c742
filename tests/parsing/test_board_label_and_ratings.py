"""The ad's own words against a board's labels, and blocks that rate an ad (issue 12).

Real lines are from freelancermap captures in tests/real/dev (de_017 Experis, de_019 Hays,
de_037 Randstad; Markdown written by a job-hunting agent, which appends its '🤖 AI Evaluation
Results' after the ad); the written cases pin the edges.
"""

from datetime import datetime, timezone

import pytest

from crawler.parsing.header import read_header, split_labelled_terms
from crawler.parsing.posting import complete_posting
from crawler.parsing.ratings import without_rating_blocks
from crawler.parsing.terms import contract_kinds_named

DE_017_AD = """Junior Specialist (gn) Treasury

Details

- Start: 09.2025
- Von: Experis GmbH
- Vertragsart: Freiberuflich

Beschreibung

Im Rahmen einer Festanstellung sucht Experis Sie als Junior Specialist (gn) Treasury für unseren Kunden in der Medienbranche am Standort Unterföhring.

Das sind Ihre Aufgaben:

- Durchführung und Überwachung des Zahlungsverkehrs
- Verwaltung von Bankkonten und administrative E-Banking Themen
"""

CRAWLED_AT = datetime(2025, 9, 2, 18, 0, tzinfo=timezone.utc)

RATING_BLOCK = """Ihr Ansprechpartner:

Markus Peyerl

🤖 AI Evaluation Results

Pre-Evaluation Phase

- Score: 5/100
- Threshold: 10/100
- Result: ❌ Failed
- Rationale: Score: 5%. Found tags: ['ai', 'ki', 'beratung', 'freelance', 'projekt', 'ant']

LLM Analysis Phase

- Fit Score: 0/100
- Acceptance Threshold: 85/100
- Final Decision: ❌ REJECTED

Detailed Rationale

- Key project requirements (summary):
- Extensive Python programming (>=10 years)"""


def test_labelled_terms_apart_from_running_text():
    labelled, own_words = split_labelled_terms(DE_017_AD, read_header(DE_017_AD))
    assert labelled == "Freiberuflich"
    assert "Im Rahmen einer Festanstellung" in own_words
    assert "Freiberuflich" not in own_words
    assert "Zahlungsverkehrs" not in own_words  # list items: prospects and qualifications, not the terms


def test_ad_words_win_over_board_contract_label():
    posting = complete_posting({"description": DE_017_AD}, crawled_at=CRAWLED_AT)
    assert posting["contract_type"] == "permanent"
    assert posting["field_sources"]["contract_type"] == "text"
    assert posting["field_conflicts"]["contract_type"]  # the board's 'freelance' is kept as a conflict


def test_board_label_kept_when_ad_names_contracts_in_general():
    # de_019 (Hays): the agency's blurb names every contract it places; the board's label stands.
    ad = DE_017_AD.replace(
        "Im Rahmen einer Festanstellung sucht Experis Sie als Junior Specialist (gn) Treasury für unseren Kunden "
        "in der Medienbranche am Standort Unterföhring.",
        "Im ärztlichen Bereich, in der Pflege wie auch in der Verwaltung vermitteln wir Kandidatinnen und Kandidaten "
        "temporär in befristete Festanstellung oder in Arbeitnehmerüberlassung sowie dauerhaft in unbefristete "
        "Festanstellung.")
    assert complete_posting({"description": ad}, crawled_at=CRAWLED_AT)["contract_type"] == "freelance"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Rahmen einer Festanstellung sucht Experis Sie als Junior Specialist (gn) Treasury.", {"permanent"}),
        ("vermitteln wir Kandidatinnen und Kandidaten temporär in befristete Festanstellung oder in "
         "Arbeitnehmerüberlassung sowie dauerhaft in unbefristete Festanstellung.", {"fixed_term", "permanent"}),
        ("Wir freuen uns auf Ihre Bewerbung.", set()),
    ],
)
def test_contract_kinds_named(text, expected):
    assert contract_kinds_named(text) == expected


def test_rating_block_dropped_to_the_end():
    ad = "Aufgaben:\n\n- Durchführung des Zahlungsverkehrs\n- Reporting\n\n" + "Wir freuen uns.\n\n" * 3
    cleaned = without_rating_blocks(ad + RATING_BLOCK)
    assert cleaned.endswith("Markus Peyerl")
    assert "Evaluation" not in cleaned and "Score" not in cleaned and "Python" not in cleaned


@pytest.mark.parametrize(
    "text",
    [
        # One figure out of a scale is a fact of the ad, not a verdict on it.
        "Aufgaben:\n\n- Reporting\n\nTeamgröße: 5/10\n\nWir freuen uns auf Sie.",
        # Shares of time and remote work are the ad's terms, not ratings out of a scale.
        "Aufgaben:\n\n- Reporting\n- Analyse\n\n- Auslastung: 100%\n- Remote: 60%\n\nWir freuen uns.",
        # Ratings at the very top are a board's header, not a block appended after the ad.
        "- Score: 4/5\n- Rating: 9/10\n\nAufgaben:\n\n- Reporting\n- Analyse\n- Beratung\n- Planung",
    ],
)
def test_no_rating_block(text):
    assert without_rating_blocks(text) == text
