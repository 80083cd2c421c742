"""Where ads name their employer when no source states it (crawler.parsing.employer_clues), the
German lead-in whose subject follows the verb, and gender markers listed with facts in a title.

Real cases name their ad file in tests/real/dev3 (provenance in each file's annotation); the
others are written to pin an edge.
"""

import pytest

from crawler.parsing.employer_clues import (
    address_names,
    employer_from_name_heading,
    employer_in_signature,
    employer_invited_to,
    employer_of_own_staff,
    same_organisation_by_initials,
)
from crawler.parsing.lead_in import lead_in_employer
from crawler.parsing.title import clean_title


@pytest.mark.parametrize(("text", "expected"), [
    ("Deine Ansprechpartnerin ist Isabela Wojtowicz, i.wojtowicz@defactolearning.de.", {"defactolearning"}),
    ("Apply at https://www.jmilabs.com/careers or jobs@jmilabs.com", {"jmilabs"}),
    # public mail providers and platforms name no employer
    ("Send your CV to jane.doe@gmail.com, see github.com/acme and https://www.linkedin.com/x", set()),
    ("no address here", set()),
])
def test_address_names(text, expected):
    assert address_names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev3 de_300: named once, backed by the contact's e-mail domain
    ("Dann bewerbe dich jetzt bei Defacto in Groningen!\n\nZur Unterstützung unseres Teams suchen wir …\n"
     "Deine Ansprechpartnerin ist Isabela Wojtowicz, isabela@defactolearning.de.", "Defacto"),
    ("Bewerben Sie sich jetzt bei der Muster GmbH!", "Muster GmbH"),  # the article is not part of the name
    ("Bewerben Sie sich jetzt bei Muster GmbH!", "Muster GmbH"),  # legal form backs it
    ("Apply now at Acme. Acme builds rockets.", "Acme"),  # recurs
    ("Apply now at Acme.", None),  # named once, nothing backs it
    ("Bewirb dich bei uns!", None),
    ("Karriere bei Stadtwerke Musterstadt und Stadtwerke Nord", "Stadtwerke Musterstadt"),
])
def test_employer_invited_to(text, expected):
    assert employer_invited_to(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev3 en_303: a heading the next paragraph opens with
    ("What do we offer\n\n- A competitive salary\n\nDefacto Software\n\nDefacto is a leading developer of software.",
     "Defacto Software"),
    # dev3 de_357: the name before an about heading
    ("Port Zero: Über Uns\n\nPort Zero ist ein vielfältiges Team von Menschen.", "Port Zero"),
    # dev3 de_353: the name beside the title; one word, recurring
    ("CorrelAid - Head of Community Management\n\nCorrelAid ist ein data-for-good Netzwerk. Seit 2015 "
     "engagiert sich CorrelAid für die Zivilgesellschaft.", "CorrelAid"),
    # a German noun heading the paragraph repeats once is no name
    ("Teamarbeit\n\nTeamarbeit ist uns wichtig.", None),
    # section headings and roles are no names
    ("Ihre Aufgaben\n\nIhre Aufgaben sind vielfältig.", None),
    ("Senior Engineer\n\nSenior Engineer is a role we need.", None),
    # the next paragraph does not open with the name
    ("Defacto Software\n\nWe build software.", None),
])
def test_employer_from_name_heading(text, expected):
    assert employer_from_name_heading(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev3 de_302: a signature under the contact sentence, backed by the e-mail domain
    ("Wir freuen uns über Deine Bewerbung. Deine Ansprechpartnerin ist Isabela Wojtowicz, "
     "i.wojtowicz@defactolearning.de.\n\nDefacto Software\nLinkedIn", "Defacto Software"),
    # the contact person's name is not backed by the domain
    ("Bewerbung an:\nIsabela Wojtowicz\nisabela@defactolearning.de", None),
    # a signature with a legal form needs no address
    ("Wir freuen uns auf Ihre Bewerbung!\nMuster Bau GmbH", "Muster Bau GmbH"),
    # no closing line before it
    ("Wir bieten\n- Obst\nDefacto Software", None),
])
def test_employer_in_signature(text, expected):
    assert employer_in_signature(text) == expected


@pytest.mark.parametrize(("stated", "named", "text", "expected"), [
    # dev3 en_305: the board states the university, the ad names its unit by the initials
    ("University of Iowa", "UI Health Care Information Systems",
     "UI Health Care Information Systems (HCIS) is seeking … the goals of the UIHC.", True),
    # an account label has no initials in the ad
    ("Central Advertising - Other", "Muster Klinik", "Die Muster Klinik sucht …", False),
    ("Acme", "Beta Corp", "Beta Corp is hiring.", False),
])
def test_same_organisation_by_initials(stated, named, text, expected):
    assert same_organisation_by_initials(stated, named, text) is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # dev3 de_300: the fronted phrase is an adverbial, "wir" is the subject
    ("Zur Unterstützung unseres stetig wachsenden Teams suchen wir zum nächstmöglichen Zeitpunkt einen", None),
    ("Für unser Team in Berlin suchen wir eine", None),
    ("Die Muster GmbH sucht für ihr Projekt X einen", "Muster GmbH"),
    ("Für sein Projekt, das viele Menschen erreicht, sucht die Muster GmbH eine:n", "Muster GmbH"),
    ("For its project X, the Acme Foundation is looking for a", "Acme Foundation"),
])
def test_lead_in_employer_subject(sentence, expected):
    assert lead_in_employer(sentence) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    # dev3 de_301: the marker listed with a fact, the fact stays as titles keep facts
    ("Mitarbeiter Service Desk (m/w, Vollzeit)", "Mitarbeiter Service Desk (Vollzeit)"),
    ("Koch (Teilzeit; w/m/d)", "Koch (Teilzeit)"),
    ("Data Engineer (Berlin, m/f/d)", "Data Engineer (Berlin)"),
    ("Pflegekraft (m/w/d)", "Pflegekraft"),
    # one letter is no marker list; content in brackets stays
    ("Manager (Sales, Marketing)", "Manager (Sales, Marketing)"),
])
def test_gender_marker_listed_with_facts(raw, expected):
    assert clean_title(raw) == expected


@pytest.mark.parametrize(("text", "company"), [
    # Free header parts that recur in the ad but are no names (shapes seen on a Swiss school's career
    # pages, 7imonn/landenhof-cms, files in no corpus part): a figure in brackets, a date phrase,
    # a section heading with a typo, a percentage.
    ("Fachlehrperson RZG\n(6 Wochenlektionen)\n\nPensum: 6 Wochenlektionen\n\nIhre Aufgaben\n- Unterricht", None),
    ("Klassenlehrperson Sekundarstufe\nAb sofort\n80-100%\n\nStart ab sofort, Unterricht ab sofort.", None),
    ("Team- und Gruppenleiter Tageshort\nIhre Aufgraben\n\nIhre Aufgaben sind vielfältig.", None),
    # a title wrapped over two lines is one title, its second line no employer
    ("Flexible Lehrpersonen für\nOberstufen-Stellvertretungen\n\nWir suchen Oberstufen-Stellvertretungen.", None),
    # names still read: a short part that recurs, an organisation word, a legal form
    ("Customer Success Manager\nTidewell Software · München\n\nTidewell Software baut Tools. Bei Tidewell …", "Tidewell Software"),
    ("Planning Officer\nAshvale District Council\n\nWe are a council.", "Ashvale District Council"),
])
def test_header_company_needs_a_name_shape(text, company):
    from crawler.parsing.header import read_header
    assert read_header(text).company == company


@pytest.mark.parametrize(("text", "agency"), [
    # pythonjobs/jobs files in no corpus part: "client-facing" is no agency's client, and a list
    # under "Please do NOT apply if:" refuses agencies
    ("* Develop features for our client-facing website and data entry software.", False),
    ("Please do NOT apply if:\n- You are seeking remote work\n- You are a recruiting agency\n- You do not like dogs", False),
    ("Our client is a leading bank in Frankfurt.", True),
    ("For our client, a bank, we are looking for a developer.", True),
    ("Über uns:\n- eine Personalvermittlung mit Sitz in Köln", True),
])
def test_agency_words_in_context(text, agency):
    from crawler.parsing.employer import is_agency_ad
    assert is_agency_ad(text) is agency


@pytest.mark.parametrize(("document", "title", "company"), [
    # pythonjobs/jobs files in no corpus part: a legal form ending in a dot is no sentence
    ("---\ntitle: Python Developer\ncompany: Unhaggle Inc.\n---\n\nUnhaggle is the #1 web portal.\n",
     "Python Developer", "Unhaggle Inc."),
    ("---\ntitle: Designer\norganization: EFF is hiring for a designer.\n---\n\nText.\n", "Designer", None),
    # a title in the ad's own words stays; a generic heading replaces only a page's title
    ("---\ntitle: Senior Full Stack to join the 'Github for Hardware'\ncompany: Wevolver\n---\n\n## Intro\n\nWe build.\n",
     "Senior Full Stack to join the 'Github for Hardware'", "Wevolver"),
    ("---\ntitle: Jobs und Freiwilligendienste\n---\n\n## Freiwilliges Soziales Jahr (FSJ)\n\nWir bieten …\n",
     "Freiwilliges Soziales Jahr (FSJ)", None),
])
def test_front_matter_title_and_company(document, title, company):
    from datetime import datetime, timezone

    from crawler.parsing.document import known_from_document
    known, _source = known_from_document(document, crawled_at=datetime(2024, 1, 1, tzinfo=timezone.utc))
    assert (known.get("title_raw"), known.get("company")) == (title, company)


# tests/real/dev en_020 (NYCOpportunity/wk positions/administrative-coordinator.md): the employer is
# named only as the organisation whose staff, initiatives and fiscal agent the job serves.
NYC_OPPORTUNITY_AD = (
    "As part of the Strategy and Operations Team, the Administrative Coordinator will provide administrative support"
    " for contracting and procurement, human capital management, and strategic coordination for NYC Opportunity"
    " initiatives and teams. This position will coordinate with the Human Resources Administration (NYC Opportunity’s"
    " fiscal agent), Mayor’s Office human resources and fiscal teams, and other agencies.\n\n"
    "* Support recruitment, onboarding, and providing professional development for NYC Opportunity staff and fellows.\n"
    "* Assist with NYC Opportunity strategic communications (eg, blog posts)\n")


@pytest.mark.parametrize(("text", "expected"), [
    (NYC_OPPORTUNITY_AD, "NYC Opportunity"),
    # A partner named in passing is not the employer, however it is written.
    ("You will work with Housing Authority staff on the rollout and report to our director.", None),
    ("Liaise with HRA contracting teams and the Mayor’s Office budget staff.", None),
    # Two organisations named equally often: none is taken.
    ("Acme Labs staff and Beta Works staff meet weekly. Acme Labs and Beta Works share offices; "
     "Acme Labs’s and Beta Works’s teams rotate.", None),
])
def test_employer_of_own_staff(text, expected):
    assert employer_of_own_staff(text) == expected
