"""Ads kept as an object literal in a site's JavaScript or TypeScript data module (dev10's
Team-One-Developers/website-next keeps each job as ``export const Job = { title: '…', … }``): read as
the JSON records are, with each string list under a heading its key names. Issue 12."""

from datetime import datetime, timezone

import pytest

from crawler.parsing.json_record import read_json_object, record_html
from crawler.parsing.posting import parse_document
from crawler.parsing.stated_terms import front_matter_terms

# Written here in the shape of a career site's data module (not a copy of an ad).
MODULE = """import { Job } from '../types';

// one job of the careers page
export const SiteReliabilityEngineer: Job = {
  slug: 'site-reliability-engineer',
  title: 'Site Reliability Engineer (m/w/d)',
  location: 'Leipzig',
  schedule: 'part_time',
  employmentType: 'fixed_term',
  description:
    'Als Site Reliability Engineer bei Nordlicht Systems wirst Du Teil unseres Plattform-Teams und hältst unsere Dienste am Laufen.',
  yourTasks: [
    'Betrieb und Überwachung unserer Kubernetes-Cluster',
    'Automatisierung wiederkehrender Abläufe mit Terraform',
  ],
  yourProfile: [
    'Mehrjährige Erfahrung im Betrieb verteilter Systeme',
    'Sehr gute Deutschkenntnisse',
    'Freude an sauberer Dokumentation',
  ],
  relatedJobIds: ['backend-engineer', 'frontend-engineer'],
}
"""


@pytest.mark.parametrize(("document", "title"), [
    (MODULE, "Site Reliability Engineer (m/w/d)"),
    ("module.exports = {\n  title: \"Koch (m/w/d)\",\n  tasks: [\"Zubereitung der Speisen nach Rezept\"],\n};\n",
     "Koch (m/w/d)"),
    ("export default {\n  title: `Nurse`,\n  'location': 'Leeds',\n}\n", "Nurse"),
    # a module binding a list of ads gives its first (dev19 de_1908); read as prose it gave a quoted title
    ("export const jobs = [{ title: 'Koch' }, { title: 'Kellner' }];\n", "Koch"),
])
def test_a_script_module_binding_one_object_is_read_as_a_record(document, title):
    data, rest = read_json_object(document)
    assert data["title"] == title and rest == ""


@pytest.mark.parametrize("document", [
    "export function render() { return null }\n",
    "const x = compute();\n",
    "Wir suchen ab sofort eine Köchin (m/w/d) = {Vollzeit}.\n",
])
def test_other_scripts_and_text_are_no_record(document):
    assert read_json_object(document) is None


def test_a_string_list_without_a_heading_key_is_headed_by_its_own_key():
    html = record_html({"yourProfile": ["Mehrjährige Erfahrung im Vertrieb", "Sehr gute Englischkenntnisse"]})
    assert html.startswith("<h3>Your profile</h3><ul><li>Mehrjährige Erfahrung im Vertrieb</li>")


def test_front_matter_terms_of_a_record_say_codes_and_keys_as_words():
    terms = front_matter_terms(MODULE)
    assert "schedule: part time" in terms.splitlines()
    assert "employment type: fixed term" in terms.splitlines()


def test_a_script_module_ad_is_parsed_into_its_fields():
    posting = parse_document(MODULE, crawled_at=datetime(2023, 4, 1, tzinfo=timezone.utc))
    assert posting["title"] == "Site Reliability Engineer"
    assert posting["company"] == "Nordlicht Systems"
    assert (posting["employment_type"], posting["contract_type"]) == ("part_time", "fixed_term")
    assert posting["city"] == "Leipzig"
    assert posting["responsibilities"] == ["Betrieb und Überwachung unserer Kubernetes-Cluster",
                                           "Automatisierung wiederkehrender Abläufe mit Terraform"]
    assert len(posting["requirements"]) == 3
    assert "relatedJobIds" not in posting["description"] and "backend-engineer" not in posting["description"]


def test_editor_notes_and_application_form_keys_are_no_ad_text():
    html = record_html({
        "_hinweis": "Nur nach Freigabe der Praxis eintragen und monatlich neu setzen.",
        "wir_bieten": ["Attraktive Bezahlung", "Kein Notdienst, kein Wochenenddienst"],
        "formular_zusatzfragen": [{"frage": "Wie viele Jahre Berufserfahrung hast Du?",
                                   "optionen": ["Keine Erfahrung", "1 bis 3 Jahre", "Mehr als 5 Jahre"]}],
    })
    assert "Freigabe" not in html and "Berufserfahrung" not in html and "1 bis 3 Jahre" not in html
    assert "<li>Attraktive Bezahlung</li>" in html


def test_a_record_key_written_without_umlauts_is_read():
    document = ('{"titel": "Zahnmedizinische Fachangestellte (m/w/d)", "veroeffentlicht": "2026-10-07",\n'
                ' "einleitung": "Wir sind ZAHN & GUT, eine moderne Gemeinschaftspraxis in Meerbusch."}')
    posting = parse_document(document, crawled_at=datetime(2026, 10, 20, tzinfo=timezone.utc))
    assert posting["date_posted"].isoformat() == "2026-10-07"
    assert posting["company"] == "ZAHN & GUT"  # names joined by "&" are a firm's


# An object literal cut out of a site's jobs array (appvia-website jobs.js, dev15 en_1512): unquoted keys,
# single quotes, a template string over several lines, a trailing comma. Written here in that shape.
ARRAY_ELEMENT = """    {
        title: 'Platform Engineer',
        slug: 'platform-engineer',
        postedDate: '15th March 2019',
        location: 'London',
        role: `Reporting to the Platform Lead, the Platform Engineer will be part of a fast
moving team working on central platforms.`,
        keyResponsibilities: [
            'Enhance the reliability of existing products',
            'Automate operational tasks'
        ],
        remuneration: [
            'Competitive salary',
            '25 Days Holiday (plus bank holidays)'
        ],
    },
"""


def test_an_object_literal_cut_out_of_an_array_is_a_record():
    data, _rest = read_json_object(ARRAY_ELEMENT)
    assert data["title"] == "Platform Engineer"
    assert data["role"].startswith("Reporting to the Platform Lead")
    posting = parse_document(ARRAY_ELEMENT, crawled_at=datetime(2019, 4, 1, tzinfo=timezone.utc))
    assert (posting["title"], posting["city"], str(posting["date_posted"])[:10]) == (
        "Platform Engineer", "London", "2019-03-15")
    assert posting["responsibilities"] == ["Enhance the reliability of existing products", "Automate operational tasks"]
    assert posting["benefits"] == ["Competitive salary", "25 Days Holiday (plus bank holidays)"]


def test_numbered_keys_are_a_list_under_the_short_string_that_heads_it():
    # dev20 de_2004 (a JS i18n module): "jobsResp1", "jobsResp2" under "jobsResponsibilities": 'Verantwortlichkeiten'
    html = record_html({"jobsResponsibilities": "Verantwortlichkeiten",
                        "jobsResp1": "Entwerfen und Testen von UI für mobile Anwendungen",
                        "jobsResp2": "Erstellen von wiederverwendbarem Code",
                        "TextLine1": "Wir sind ein kleines Team in Berlin.",
                        "TextLine2": "Wir arbeiten remote und treffen uns oft."})
    assert html.startswith("<h3>Verantwortlichkeiten</h3><ul><li>Entwerfen und Testen von UI für mobile Anwendungen</li>"
                           "<li>Erstellen von wiederverwendbarem Code</li></ul>")
    assert "<p>Wir sind ein kleines Team in Berlin.</p>" in html  # numbered paragraphs stay paragraphs
