"""Title rules written for the title misses of fresh real ads (issue 12, tests/real/dev6): an
article and a "/In" suffix left from the hiring sentence, a fact label taken for a title, an
apprenticeship named only in a sentence, and a career page's own headings above the ad's."""

from datetime import datetime, timezone

import pytest

from crawler.parsing.document import known_from_document
from crawler.parsing.header import _segment_kind, looks_like_job_title
from crawler.parsing.posting import parse_document
from crawler.parsing.qualifications import required_languages
from crawler.parsing.title import clean_title
from crawler.parsing.title_facts import split_title_facts
from crawler.parsing.title_in_text import role_from_hiring_sentence

CRAWLED_AT = datetime(2025, 6, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(("raw", "expected"), [
    ("- Eine/n Produktionshelfer/In-", "Produktionshelfer"),
    ("Einen Koch (m/w/d)", "Koch"),
    ("Eine*n Entwickler*in", "Entwickler"),
    ("Ein:e Pflegefachkraft", "Pflegefachkraft"),
    ("Einer Software Engineer", "Software Engineer"),
    ("Mitarbeiter/In Vertrieb", "Mitarbeiter Vertrieb"),
    ("Berater/Innen", "Berater"),
    # words that only begin like an article stay
    ("Einkäufer (m/w/d)", "Einkäufer"),
    ("Einsatzleiter/In", "Einsatzleiter"),
])
def test_article_and_capital_in_suffix_leave_the_title(raw, expected):
    assert clean_title(raw) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ausbildungsbeginn", False),
    ("Praktikumsdauer", False),
    ("Ausbildungsvergütung", False),
    ("Arbeitsort", False),
    ("Werkstudentenvertrag", False),
    ("Ausbildung zum Koch", True),
    ("Ausbildungsplatz als Koch", True),
    ("Pflegefachkraft", True),
    ("Vertriebsmitarbeiter", True),
    ("Praktikant", True),
    ("Senior Engineer", True),
])
def test_a_compound_naming_a_fact_of_the_job_is_no_title(text, expected):
    assert looks_like_job_title(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Wer von der Pike auf lernen möchte, kann bei uns eine Ausbildung zum Kaufmann (m/w) im Groß- und "
     "Außenhandel machen.", "Ausbildung zum Kaufmann im Groß- und Außenhandel"),
    ("Wir bieten eine Ausbildung zur Fachkraft für Lagerlogistik (m/w/d) ab August 2026 an.",
     "Ausbildung zur Fachkraft für Lagerlogistik"),
    ("Du beginnst deine Ausbildung zum Koch (m/w/d) in Berlin und lernst viel.", "Ausbildung zum Koch in Berlin"),
    # no gender marker: no title from the sentence
    ("Die Ausbildung zum Koch dauert drei Jahre.", None),
    # a completed apprenticeship is a requirement, not the job
    ("Abgeschlossene Ausbildung als Medizinische Fachangestellte (w/m/d)", None),
    ("Sie haben eine abgeschlossene Ausbildung zur Pflegefachkraft (m/w/d) in Vollzeit.", None),
    # an English hiring sentence in the plural names one holder of the role
    ("Holiday Extras is looking for the best Software Engineers to join our team.", "Software Engineer"),
    ("Acme is seeking Data Analysts to help us grow.", "Data Analyst"),
    ("We are hiring a Sales Manager.", "Sales Manager"),
])
def test_an_apprenticeship_named_in_a_sentence_is_the_title(text, expected):
    assert role_from_hiring_sentence(text) == expected


@pytest.mark.parametrize(("document", "expected"), [
    ("---\ntitle: Jobs\n---\n## Karriere\n\nWir sind stets auf der Suche.\n\n## Offene Stellen\n\n"
     "### Medizinische Fachangestellte (w/m/d) Praxis Kardiologie\n\nFür unsere Praxis suchen wir …\n",
     "Medizinische Fachangestellte (w/m/d) Praxis Kardiologie"),
    ("---\ntitle: Karriere\n---\n## Jobs\n\n## Koch (m/w/d)\n\nWir suchen einen Koch.\n", "Koch (m/w/d)"),
    # a page heading followed by a section heading: no title from the headings
    ("---\ntitle: Jobs\n---\n## Karriere\n\n## Ihre Aufgaben\n\n- Kochen\n", "Jobs"),
])
def test_a_career_pages_own_headings_are_not_the_ads_title(document, expected):
    known, _ = known_from_document(document, crawled_at=CRAWLED_AT)
    assert known.get("title_raw") == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Spring Boot (Java) Engineer, Mid/Senior, Work From Home",
     ("Spring Boot (Java) Engineer", ["Mid/Senior", "Work From Home"])),
    ("Java Developer, Junior/Mid, Hybrid", ("Java Developer", ["Junior/Mid", "Hybrid"])),
    ("Software Engineer, Senior, Remote", ("Software Engineer", ["Senior", "Remote"])),
    # a level alone, or where the work is alone, stays part of the title
    ("Engineer, Senior", ("Engineer, Senior", [])),
    ("Senior Engineer, Remote", ("Senior Engineer, Remote", [])),
    ("Manager, Sales, Remote", ("Manager, Sales, Remote", [])),
])
def test_levels_listed_beside_the_workplace_are_facts(title, expected):
    assert split_title_facts(title) == expected


@pytest.mark.parametrize(("segment", "expected"), [
    ("Work From Home", "terms"),
    ("working from anywhere", "terms"),
    ("WFH", "terms"),
    ("Homework Helper", None),
])
def test_work_from_home_states_terms(segment, expected):
    assert _segment_kind(segment) == expected


@pytest.mark.parametrize(("document", "expected"), [
    ("PDF Download\n\nAcme Corp is looking for a Data Engineer to build our pipelines. You will work with "
     "Python and SQL every day, in a small team in Berlin.\n", "Data Engineer"),
    ("Overview\n\nHoliday Extras is looking for the best Software Engineers to join our team in Kent. "
     "We pride ourselves on exciting challenges.\n", "Software Engineer"),
    # a level names a role: the line stays the title
    ("Senior Fullstack\n\nAcme Corp is looking for a Data Engineer to build our pipelines, in Berlin.\n",
     "Senior Fullstack"),
])
def test_a_first_line_naming_no_role_gives_way_to_the_hiring_sentence(document, expected):
    assert parse_document(document, crawled_at=CRAWLED_AT)["title"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Du verfügst über gute Deutsch- und Englischkenntnisse, für die Ausbildung in Spanien natürlich auch gute "
     "Spanischkenntnisse", [{"language": "de", "level": "good"}, {"language": "en", "level": "good"}]),
    ("Gute Englischkenntnisse, bei Einsatz in Frankreich auch Französischkenntnisse",
     [{"language": "en", "level": "good"}]),
    # a place or team without a case of its own restricts nothing
    ("Für die Arbeit in unserem Team brauchst du sehr gute Deutschkenntnisse.", [{"language": "de", "level": "very_good"}]),
    ("Fluent English and German required for the role in Berlin.",
     [{"language": "de", "level": "fluent"}, {"language": "en", "level": "fluent"}]),
])
def test_a_language_asked_for_one_case_of_the_job_is_not_required(text, expected):
    assert required_languages(text) == expected
