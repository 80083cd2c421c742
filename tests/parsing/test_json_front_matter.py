"""JSON front matter (Hugo's ``{ … }``) and job records saved as text: the object's keys say which
string is a heading, a list item or a paragraph. Real cases from dev3 (issue 12)."""

from datetime import datetime, timezone

import pytest

from crawler.parsing.json_record import read_json_object, record_html
from crawler.parsing.markdown_text import split_front_matter
from crawler.parsing.posting import parse_document

# MikeLepcsik/PAM-LP-HUGO content/jobs/empfangsmitarbeiter.md (CIB careers, Hugo JSON front matter), cut.
CIB = '''{
    "type": "jobs",
    "Title": "Empfangsmitarbeiter (m/w/d)",
    "tags": ["München"],
    "categories": ["Muenchen"],

    "Job": {
        "Title": "Empfangsmitarbeiter (m/w/d)",
        "TextLine1": "Du bist kommunikativ und arbeitest gerne mit Menschen? Bewirb dich jetzt als <b>Empfangsmitarbeiter</b> bei CIB!",
        "TextLine4": "",
        "HeadLine1": "Was bieten wir dir?",
        "HeadLine1Point1": "<td class=\\"pb-3 pr-2 align-top\\"><span class=\\"material-icons align-text-bottom\\">done</span> </td> <td class=\\"pb-3\\">Kreative, kollegiale und interkulturelle Arbeitsumgebung</td> </tr>",
        "HeadLine1Point2": "",
        "JobFooterLink": "<a href=\\"/doc/karriere/pdf/x.pdf\\">> Dieses Jobangebot als PDF herunterladen</a>"
    }

}
'''

# parmooz/REWE.JobService.Backend JobDescription.cs: a PENNY API record in a comment, braces cut off.
PENNY = '''"jobDescriptionId": "02105-83-2-4",
  "jobType": 83,
  "name": "Kassier:in mit Regalbetreuung",
  "functions": [
    "Kassiertätigkeit",
    "Einschlichten der Ware in die Regale"
  ],
  "functionsTitle": "IHRE AUFGABEN - VIELSEITIG WIE DER HANDEL",
  "paymentInfo": "Ihr Einstiegsgehalt beträgt laut Kollektivvertrag mindestens 1.800.- Euro brutto/Monat auf Vollzeitbasis."'''


def test_hugo_json_front_matter_title_and_body():
    front_matter = split_front_matter(CIB)
    assert front_matter.fields == {"title_raw": "Empfangsmitarbeiter (m/w/d)"}
    assert front_matter.body == (
        "<p>Du bist kommunikativ und arbeitest gerne mit Menschen? Bewirb dich jetzt als <b>Empfangsmitarbeiter</b>"
        " bei CIB!</p><h3>Was bieten wir dir?</h3><ul><li>Kreative, kollegiale und interkulturelle Arbeitsumgebung"
        "</li></ul>")


def test_record_without_braces_gives_list_under_its_named_heading():
    front_matter = split_front_matter(PENNY)
    assert front_matter.fields == {"title_raw": "Kassier:in mit Regalbetreuung"}
    assert front_matter.body == (
        "<h3>IHRE AUFGABEN - VIELSEITIG WIE DER HANDEL</h3><ul><li>Kassiertätigkeit</li>"
        "<li>Einschlichten der Ware in die Regale</li></ul><p>Ihr Einstiegsgehalt beträgt laut Kollektivvertrag"
        " mindestens 1.800.- Euro brutto/Monat auf Vollzeitbasis.</p>")


def test_json_front_matter_with_a_markdown_body_keeps_the_body():
    document = '{\n  "title": "Koch (m/w/d)",\n  "date": "2021-03-01"\n}\n\n## Aufgaben\n- Kochen\n'
    front_matter = split_front_matter(document)
    assert front_matter.fields["title_raw"] == "Koch (m/w/d)"
    assert front_matter.body.strip() == "## Aufgaben\n- Kochen"


@pytest.mark.parametrize("document", [
    "Wir suchen einen Koch.\n{not json}",
    '{"broken": ',
    '"Quoted opening line of a plain ad," she said.',
    "[1, 2, 3]",
])
def test_text_that_is_no_json_object(document):
    assert read_json_object(document) is None


def test_list_of_place_tags_is_no_section():
    assert record_html({"tags": ["München", "Hamburg"], "cities": ["München", "Hamburg"]}) == ""


def test_front_matter_value_loses_markdown_escapes():
    # port-zero (dev3 de_355, Hugo Markdown): "title: Werkstudent\\*in — Linux-Systemadministration".
    document = "---\ntitle: Werkstudent\\*in — Linux-Systemadministration\n---\n\nText\n"
    assert split_front_matter(document).fields["title_raw"] == "Werkstudent*in — Linux-Systemadministration"


@pytest.mark.parametrize(("front_matter", "bullets"), [
    # tests/real/dev5/de_517: the ad's lists are YAML lists of one-key items, the body is empty
    ("list_one:\n  list-items:\n    - item: Grund- und Behandlungspflege der Patienten\n"
     "    - item: Pflegedokumentation\n    - item: Kommunikation mit Angehörigen, Ärzten usw.\n",
     ["Grund- und Behandlungspflege der Patienten", "Pflegedokumentation", "Kommunikation mit Angehörigen, Ärzten usw."]),
    ("requirements:\n  - Freude am Umgang mit Menschen\n  - Teamfähigkeit\n",
     ["Freude am Umgang mit Menschen", "Teamfähigkeit"]),
    # tags are no bullet list: single words
    ("tags:\n  - python\n  - django\n  - remote\n", []),
])
def test_front_matter_list_of_phrases_is_one_bullet_list(front_matter, bullets):
    document = f"---\ntitle: Pflegefachkraft\n{front_matter}---\n"
    body = split_front_matter(document).body
    assert [line[len("<li>"):-len("</li>")] for line in body.split("\n") if line.startswith("<li>")] == bullets


@pytest.mark.parametrize(("front_matter", "deadline"), [
    ("close_date: 2022-05-13", "2022-05-13"),                 # compilerla/compiler.la
    ("Deadline Date: 2019-10-18 23:59:00 Z", "2019-10-18"),   # hotosm: a key with a space
    ("bewerbungsfrist: 2024-01-31", "2024-01-31"),
    ("expiry-date: 2016-09-17", None),                        # when the site stops listing the ad, not a deadline
])
def test_a_front_matter_deadline_key_gives_valid_through(front_matter, deadline):
    document = f"---\ntitle: Data Engineer\n{front_matter}\n---\n\nWe are hiring a Data Engineer in Berlin.\n"
    posting = parse_document(document, crawled_at=datetime(2019, 10, 1, tzinfo=timezone.utc))
    assert (posting["valid_through"].isoformat() if posting["valid_through"] else None) == deadline


def test_front_matter_org_and_role_name_keys():
    # 18f's Jekyll job posts (dev11 en_1100): 'org' names the employer, 'role_name' the role alone
    document = ("---\ntitle: Login.gov - DevOps Engineer\nrole_name: DevOps Engineer\norg: 'Login.gov'\n---\n\n"
                "Login.gov helps the public sign in to government services. We are hiring a DevOps engineer.\n")
    posting = parse_document(document, crawled_at=datetime(2020, 11, 20, tzinfo=timezone.utc))
    assert (posting["company"], posting["title"]) == ("Login.gov", "DevOps Engineer")


def test_an_api_record_publication_date_is_the_posting_date():
    # Remotive's API records (dev12 en_1214-1216)
    document = ('{"title": "Accounts Payable Specialist", "company_name": "Acme Health",'
                ' "publication_date": "2026-07-12T10:00:00", "description": "<p>We are hiring an accounts payable '
                'specialist to join our finance team.</p>"}')
    posting = parse_document(document, crawled_at=datetime(2026, 7, 20, tzinfo=timezone.utc))
    assert posting["date_posted"].isoformat() == "2026-07-12"
