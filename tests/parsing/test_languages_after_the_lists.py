"""Languages asked for outside the requirement items: a sentence of the job's part of the ad counts
(after the first task or requirement), the employer's introduction does not. Lines from real ads:
a stepstone.at ad (tests/files/stepstone/real) and a Work in Denmark ad (tests/real/dev/en_066)."""

from datetime import datetime, timezone

import pytest

from crawler.parsing.posting import complete_posting

NOW = datetime(2026, 12, 1, tzinfo=timezone.utc)
TASKS = "Key job responsibilities\n\n- Partner with Senior Regional Manager as key stakeholder\n- Coordinate safety projects across the region\n\n"
REQUIREMENTS = "Basic Qualifications\n\n- Degree Qualification or equivalent\n- Direct management experience in logistics\n"


@pytest.mark.parametrize(("text", "languages"), [
    # After the task list, before the requirements: asked for.
    (TASKS + "Excellent communication skills (including German and English, written and verbal)\n\n" + REQUIREMENTS,
     ["de", "en"]),
    # The employer's introduction speaks of its workforce, not of the applicant.
    ("Bixter.dk ApS is dealing with English- and German-speaking workforce worldwide.\n\n" + TASKS + REQUIREMENTS
     + "- Fluent in Dutch and English\n", ["en", "nl"]),
    # The requirements' own level wins where both name the language.
    (TASKS + "Very good German skills are a must.\n\n" + REQUIREMENTS + "- Fluent English and basic German\n",
     ["de", "en"]),
    # What the ad offers is no requirement: language classes among the benefits (the dedupe
    # corpus's careers pages; reading them as asked made copies without the benefits disagree).
    (TASKS + REQUIREMENTS + "- Excellent written and spoken English\n\nWhat we offer\n\n"
     "- Subsidised Deutschlandticket for public transport\n- Language classes in German and English\n", ["en"]),
])
def test_languages_asked_after_the_first_item(text, languages):
    posting = complete_posting({"title_raw": "OTR Manager", "description": text}, crawled_at=NOW)
    assert [entry["language"] for entry in posting["languages"]] == languages


def test_the_requirement_items_level_wins():
    text = TASKS + "Very good German skills are a must.\n\n" + REQUIREMENTS + "- Basic German\n"
    posting = complete_posting({"title_raw": "OTR Manager", "description": text}, crawled_at=NOW)
    assert posting["languages"] == [{"language": "de", "level": "basic"}]


@pytest.mark.parametrize(("intro", "languages"), [
    # dev24 en_2408: the introduction demands the language
    ("Timescale is a mostly remote company with team members around the world, and English language fluency is a"
     " requirement.", [{"language": "en", "level": "fluent"}]),
    # the introduction only describes the employer's workforce
    ("We are a team of English- and German-speaking engineers.", []),
])
def test_a_language_the_introduction_demands(intro, languages):
    from crawler.parsing.posting import parse_document

    text = (f"Product Manager\n\n{intro}\n\nResponsibilities:\n\n- Own the roadmap\n- Talk to customers\n\n"
            "Requirements:\n\n- 5+ years of product management\n- Experience with databases\n")
    assert parse_document(text)["languages"] == languages
