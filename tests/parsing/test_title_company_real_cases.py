"""Titles and employers as real ads write them (tests/real/dev, issue 12), next to cases written to
pin an edge. Real cases name their ad file in tests/real/dev (provenance in tests/real/SOURCES.md).

Gender forms: the real annotations mostly drop them from ``title`` ("Geschäftsführer:in" ->
"Geschäftsführer", "Entwickler*in" -> "Entwickler", "Mitarbeiter:in" -> "Mitarbeiter": seven
dev ads), as tests/gold/README.md does; four dev ads keep them ("Mediengestalter:in",
"Werkstudent:in", "Pflegefachmann/-frau", "TesterIn"). The parser follows the majority and the
written convention, so those four stay counted as errors.
"""

import pytest

from crawler.parsing.employer import is_agency_ad
from crawler.parsing.markdown_text import first_title_heading, split_front_matter
from crawler.parsing.title import clean_title, names_a_vacancy
from crawler.parsing.title_facts import split_title_facts


@pytest.mark.parametrize(("raw", "company", "expected"), [
    # de_052, de_054: an ad label before the title.
    ("Gesucht: Full-Stack Entwickler*in für Webanwendungen", None, "Full-Stack Entwickler für Webanwendungen"),
    # de_064
    ("Stellenanzeige - Jugend-Referent:in (m/w/d)", None, "Jugend-Referent"),
    # en_064: label before, call after.
    ("Vacancy - Temporary Office Support help needed ......", None, "Temporary Office Support"),
    # en_053: "Job" after the role names the page.
    ("Python Developer Job", None, "Python Developer"),
    # en_079: the employer's first words after "at".
    ("Full-Stack Web Developer at STEINBAUER Performance", "STEINBAUER Performance Austria GmbH",
     "Full-Stack Web Developer"),
    # Written edges: no separator, no label; a dash cuts only a whole name; "gesucht!" stays (gold_dev).
    ("Stellenausschreibung Erzieher", None, "Stellenausschreibung Erzieher"),
    ("Wanted: Barista", None, "Barista"),
    ("Hiring Manager", None, "Hiring Manager"),
    ("Position-Manager", None, "Position-Manager"),
    ("Mini Job", None, "Mini Job"),
    ("Engineer - Data", "Data Corp", "Engineer - Data"),
    ("Engineer @ Data", "Data Corp", "Engineer"),
    ("Elektriker für Gebäudetechnik gesucht!", None, "Elektriker für Gebäudetechnik gesucht!"),
])
def test_clean_title_real_labels_and_suffixes(raw, company, expected):
    assert clean_title(raw, company) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Vacancy - Temporary Office Support help needed ......", True),
    ("Gesucht: Koch", True),
    ("Barista wanted!", True),
    ("Jobs und Freiwilligendienste", False),
    ("NEW Senior Engineer", False),
    ("Koch", False),
])
def test_names_a_vacancy(line, expected):
    assert names_a_vacancy(line) is expected


@pytest.mark.parametrize(("raw", "title", "facts"), [
    # en_008
    ("UI/UX & Interaction Designer (Remote/Europe)", "UI/UX & Interaction Designer", ["Remote", "Europe"]),
    # A region alone is the role's territory (written gold: "Customer Success Manager (DACH)").
    ("Customer Success Manager (DACH)", "Customer Success Manager (DACH)", []),
    ("Designer (Full-Time, San Francisco)", "Designer", ["Full-Time", "San Francisco"]),
])
def test_split_title_facts_world_regions(raw, title, facts):
    assert split_title_facts(raw) == (title, facts)


def test_front_matter_german_title_key_beats_contact_position():
    # de_058: "position" is the contact person's position, "titel" the ad's title.
    document = ('---\nlayout: job\ntitel: "Stellv. Ärztliche Leitung"\nposition: "Einrichtungsleitung"\n---\n\n'
                "## Aufgaben:\n\n- Medizinische Betreuung\n")
    assert split_front_matter(document).fields["title_raw"] == "Stellv. Ärztliche Leitung"


def test_front_matter_page_builder_prose_becomes_the_body():
    # de_032 (shortened): the ad is Markdown nested in the page builder's sections.
    document = (
        "---\ntitle: Hauswirtschafter*in (m/w/d) | HermesHof\nlayout: PageLayout\nsections:\n"
        "  - type: JobsSection\n    jobLists:\n      - type: JobList\n        items:\n"
        "          - type: JobListItem\n            title: Hauswirtschafter*in (max. 25 Std. in der Woche)\n"
        "            location: Twist/Schöninghsdorf\n            text: |-\n"
        "              Du bist bei uns richtig, wenn du...\n\n              - Freude am Kochen hast.\n"
        "    styles:\n      self:\n        width: wide\n"
        "  - type: TextSection\n    text: |-\n      Bewerbung an:\n\n      HermesHof GmbH & Co. KG<br>\n---\n")
    front_matter = split_front_matter(document)
    assert front_matter.fields == {"title_raw": "Hauswirtschafter*in (m/w/d) | HermesHof",
                                   "location_raw": "Twist/Schöninghsdorf"}
    assert "<li>Freude am Kochen hast.</li>" in front_matter.body
    assert "HermesHof GmbH &amp; Co. KG" in front_matter.body or "HermesHof GmbH & Co. KG" in front_matter.body
    assert "wide" not in front_matter.body


@pytest.mark.parametrize(("body", "expected"), [
    # de_030
    ("\n## Freiwilliges Soziales Jahr (FSJ) oder Bundesfreiwilligendienst (BFD)\n\nText",
     "Freiwilliges Soziales Jahr (FSJ) oder Bundesfreiwilligendienst (BFD)"),
    ("## **Data Scientist**\n\nText", "Data Scientist"),
    ("## Aufgaben:\n\n- Kochen", None),
    ("## About Us\n\nText", None),
    ("Just text, no heading", None),
])
def test_first_title_heading(body, expected):
    assert first_title_heading(body) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # en_053: terms addressed to agencies at large are no agency ad.
    ("*Any employment agency or person who submits a CV to Headforwards does so with the understanding "
     "that it becomes the property of Headforwards.", False),
    ("Our client is a global leader in pool technology.", True),
    ("We are a recruitment agency and any candidate is welcome.", True),
])
def test_agency_disclaimers(text, expected):
    assert is_agency_ad(text) is expected
