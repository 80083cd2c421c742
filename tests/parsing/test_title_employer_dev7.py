"""Title and employer rules written for the misses of the fresh real part tests/real/dev7 (issue 12).

Cases marked "dev7" are taken from its ads (provenance in tests/real/SOURCES.md); the others pin an
edge of the same rule."""

from datetime import datetime, timezone

import pytest

from crawler.parsing.document import known_from_document
from crawler.parsing.employer import company_in_text
from crawler.parsing.employer_clues import employer_at_institution, employer_invited_to, employer_hiring_the_role, employer_spelt_by_career_site, employer_in_pasted_job_posting, employer_spelt_by_mail_address, front_matter_summary
from crawler.parsing.employer_mentions import employer_by_mentions
from crawler.parsing.header import read_header
from crawler.parsing.title import clean_title
from crawler.parsing.title_in_text import role_from_hiring_sentence, vacancy_heading_under_page_title

CRAWLED_AT = datetime(2025, 6, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(("raw", "expected"), [
    # dev7: spacebetween/spacebetween.github.io front-matter titles
    ("Recruiting a Web Developer", "Web Developer"),
    # a call for the field of work the post is for (dev17 RustFest, English and German)
    ("We're hiring for bookkeeping and event management", "Bookkeeping and event management"),
    ("Wir stellen ein für Buchhaltung und Management!", "Buchhaltung und Management"),
    ("Wir stellen ein: Koch (m/w/d)", "Koch"),
    ("We're hiring for the summer", "We're hiring for the summer"),
    ("Recruiting an iOS Developer", "iOS Developer"),
    ("Recruiting a Lead Web Developer", "Lead Web Developer"),
    ("Recruiting an Account Executive / Manager role in Ashford", "Account Executive / Manager"),
    ("We're looking for a Data Scientist", "Data Scientist"),
    ("Hiring a Senior Engineer (m/w/d)", "Senior Engineer"),
    # no article after the verb: a role, not a call
    ("Hiring Manager", "Hiring Manager"),
    ("Recruiting Coordinator", "Recruiting Coordinator"),
    # "role" inside a title without the call stays
    ("Head of Role Design", "Head of Role Design"),
])
def test_a_post_titled_by_the_act_of_hiring_keeps_the_role(raw, expected):
    assert clean_title(raw) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev7: reedu-reengineering-education/reedu-home-v2 headings
    ("Werkstudierende*r Entwickler für die Entwicklung von Web-Apps gesucht!\n\nre:edu ist ein junges Start-Up.",
     "Werkstudierende*r Entwickler für die Entwicklung von Web-Apps gesucht!"),
    ("Werkstudierende*r gesucht!\n\nre:edu ist ein junges Start-Up.", "Werkstudierende*r gesucht!"),
    # an exclamation that is no call stays out
    ("Willkommen bei uns!\n\nWir sind ein Team.", None),
])
def test_a_title_written_as_a_call_keeps_its_exclamation_mark(text, expected):
    assert read_header(text).title == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev7: vestalux/sljekyll (Suffolk Libraries), johnpuddephatt/zerowaste, reedu-reengineering-education/reedu-home-v2
    ("If you are interested, please send a CV and supporting statement outlining what you could bring to this "
     "position and Suffolk Libraries to: **recruitment@suffolklibraries.co.uk**", "Suffolk Libraries"),
    ("We set up Zero Waste Leeds as our social enterprise wanted to get involved.\n"
     "If you have any trouble viewing the document please email info@zerowasteleeds.org.uk", "Zero Waste Leeds"),
    ("re:edu ist ein junges Start-Up aus Münster.\nBewerbung per E-Mail an: kontakt@reedu.de\n"
     "Büroadresse:\nre:edu GmbH \\& Co. KG // Johann-Krane-Weg 23 // 48149 Münster", "re:edu GmbH & Co. KG"),
    # dev5 de_501: the contact's surname spells the family firm's domain; the ad names no employer
    ("Bei Fragen meldet euch bei\nJosef Schnitzhofer, josef@schnitzhofer.at, 06243 2298-17", None),
    ("Ihr Ansprechpartner: Herr Weber, bewerbung@weber.de", None),
    # a word inside the domain is no name of it; public mail providers spell nobody
    ("Apply to jobs@acmerobotics.com if you like Acme products.", None),
    ("Bewerbung an max.mustermann@gmail.com, Gmail bevorzugt.", None),
    # web addresses do not count: the ad links to tools and partners
    ("We use Python every day, see https://www.python.org", None),
    # the name in the possessive spells the domain too (dev11 en_1104, Mia-Care)
    ("Create product roadmaps aligned with Mia-Care's vision.\nWrite to info@mia-care.io", "Mia-Care"),
    ("Acme’s own tools are open source. Mail jobs@acme-labs.io", None),
])
def test_employer_spelt_by_the_mail_domain(text, expected):
    assert employer_spelt_by_mail_address(text) == expected


@pytest.mark.parametrize(("text", "stated_terms", "expected"), [
    # dev11 en_1104: the application address stands only in the front matter
    ("Create product roadmaps aligned with Mia-Care's vision.", 'applyEmail: "info@mia-care.io"', "Mia-Care"),
    ("Wir freuen uns auf Bauer Haustechnik als Partner.", "kontakt: jobs@bauer-haustechnik.de", "Bauer Haustechnik"),
    # the front matter gives the address only: the name must still be written in the ad
    ("Create product roadmaps aligned with our vision.", 'applyEmail: "info@mia-care.io"', None),
    ("Acme's own tools are open source.", "", None),
])
def test_a_mail_address_the_front_matter_states_spells_the_employer(text, stated_terms, expected):
    assert employer_spelt_by_mail_address(text, stated_terms) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev6: holidayextras/holidayextras.github.com writes its mailbox without the top-level domain
    ("We’re looking for UI designers to join us on the Holiday Extras campus.\n"
     "Send the above to [recruitment@holidayextras](mailto:recruitment@holidayextras)", "Holiday Extras"),
])
def test_a_mailbox_without_its_top_level_domain_still_spells_the_employer(text, expected):
    assert employer_spelt_by_mail_address(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev13 en_1302 (Been Coffee): a top-level domain that is a word ends the name
    ("We are looking for a friendly new member of Been Coffee.\nDrop us an email to careers@been.coffee", "Been Coffee"),
    ("Octopus Energy is hiring engineers. Write to jobs@octopus.energy", "Octopus Energy"),
    # the bare name where the ad writes only that
    ("Join Kiln Street and roast with us. Mail hello@kilnstreet.coffee", "Kiln Street"),
    # a classic top-level domain is no part of the name
    ("Kiln Info is our newsletter. Mail hello@kiln.info", "Kiln"),
])
def test_a_word_top_level_domain_ends_the_name(text, expected):
    assert employer_spelt_by_mail_address(text) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    # dev7: neurealis/neurealis-erp front-matter title
    ("Stelle Hausmeister / Objektbetreuer", "Hausmeister / Objektbetreuer"),
    ("Stelle als Koch (m/w/d)", "Koch"),
    # "Stelle" inside a role stays
    ("Leitung der Stelle Jugendhilfe", "Leitung der Stelle Jugendhilfe"),
    ("Stellvertretende Filialleitung", "Stellvertretende Filialleitung"),
])
def test_the_page_word_stelle_leaves_the_title(raw, expected):
    assert clean_title(raw) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev7: johnpuddephatt/zerowaste, lesie7/pflege-website-fixed, liedtke-physio/liedtke, reedu head of education
    ("We're looking to recruit a Communications and Marketing Co-ordinator to join our small team.",
     "Communications and Marketing Co-ordinator"),
    ("Das Pflegeteam Braunschweig ist ein führender Anbieter.\n\nAls Pflegekraft im Pflegeteam Braunschweig sind Sie für "
     "die Pflege verantwortlich.", "Pflegekraft"),
    ("Liebe Patienten, herzlich willkommen.\n\nWir suchen Verstärkung!\nPhysiotherapeut (w/m/d)\nQualifikation: MLD.",
     "Physiotherapeut (w/m/d)"),
    ("Zur Verstärkung unseres Teams suchen wir ab sofort eine motivierte Person als:\n\nHead of Education (m/w/d)\n\n"
     "In dieser Rolle übernimmst du die Verantwortung.", "Head of Education (m/w/d)"),
    # a list item or a sentence with a marker is no vacancy line; "als" about the employer is no role
    ("- Erfahrung als Entwickler (m/w/d) in Teams.", None),
    ("Als Arbeitgeber im Raum Köln sind wir stolz.", None),
])
def test_role_named_in_the_ads_own_words(text, expected):
    assert role_from_hiring_sentence(text) == expected


@pytest.mark.parametrize(("page_title", "body", "expected"), [
    # dev7: neurealis/neurealis-erp WordPress exports
    ("Stelle Bauleiter Innenausbau / Wohnungssanierung",
     "# Stelle Bauleiter Innenausbau / Wohnungssanierung\n\n# Bauleiter Innenausbau / Wohnungssanierung (m/w/d) in "
     "Teilzeit oder Vollzeit\n\nVerstärke unser Team.", "Bauleiter Innenausbau / Wohnungssanierung (m/w/d) in Teilzeit oder Vollzeit"),
    # the second heading must follow at once and be written as a vacancy's title
    ("Stelle Bauleiter", "# Stelle Bauleiter\n\nText.\n\n# Bauleiter (m/w/d)", None),
    ("Stelle Bauleiter", "# Stelle Bauleiter\n\n## Deine Aufgaben", None),
    ("Karriere", "# Jobs\n\n# Koch (m/w/d)", None),
])
def test_vacancy_heading_under_the_repeated_page_title(page_title, body, expected):
    assert vacancy_heading_under_page_title(page_title, body) == expected


def test_a_front_matter_call_gives_way_to_the_role_of_the_body():
    """dev7 en_723 (johnpuddephatt/zerowaste): 'We're recruiting!'; dev de_039 keeps 'Assistenz Betriebsrat'."""
    ad = ("---\ntitle: We're recruiting!\n---\nWe're looking to recruit a Communications and Marketing Co-ordinator "
          "to join our small team.\n")
    assert known_from_document(ad, crawled_at=CRAWLED_AT)[0]["title_raw"] == "Communications and Marketing Co-ordinator"
    kept = ("---\ntitle: Assistenz Betriebsrat\n---\nAktuell suchen wir eine **Assistenz (w/m/x/-) für den Betriebsrat** "
            "in Teilzeit.\n")
    assert known_from_document(kept, crawled_at=CRAWLED_AT)[0]["title_raw"] == "Assistenz Betriebsrat"


@pytest.mark.parametrize(("stated_terms", "expected"), [
    # dev7: spacebetween/spacebetween.github.io front matter
    ("layout: post\ntitle: Recruiting a Web Developer\ndescription: Space Between are looking to recruit a Lead Web "
     "Developer\ncategories: space between", "Space Between"),
    ("title: Developer\nsummary: A short text about the role", None),
    ("title: Developer\nlayout: post", None),
])
def test_employer_in_the_front_matters_summary(stated_terms, expected):
    assert employer_by_mentions(front_matter_summary(stated_terms)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev7 de_702 (reedu): the "Co." of the legal form ends no sentence
    ("Die re:edu GmbH & Co. KG ist ein junges Unternehmen (Spin-off des Instituts für Geoinformatik).", None),
    ("Komoot is an app for planning tours. Komoot is hiring.", "Komoot"),
])
def test_no_subject_opens_after_an_abbreviations_full_stop(text, expected):
    assert company_in_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev7: neurealis/neurealis-erp pastes the page's JSON-LD as a paragraph
    ('{\n"@context": "https://schema.org/",\n"@type": "JobPosting",\n"title": "Hausmeister",\n"hiringOrganization": {\n'
     '"@type": "Organization",\n"name": "neurealis Wohnungssanierung",\n"sameAs": "https://www.neurealis.de"\n}\n}',
     "neurealis Wohnungssanierung"),
    # no JobPosting, no hiring organisation
    ('{"@type": "Organization", "name": "Acme"}', None),
    ('"@type": "JobPosting", "title": "Koch"', None),
])
def test_employer_in_a_pasted_job_posting(text, expected):
    assert employer_in_pasted_job_posting(text) == expected


@pytest.mark.parametrize(("text", "title", "expected"), [
    # dev5: ConnectionMaster/web.eyeo.com header lines
    ("title=Senior Recruiter\ndescription=eyeo is looking for a dedicated Senior Recruiter to join our team.",
     "Senior Recruiter", "eyeo"),
    ("title=Public Relations (Student Intern)\ndescription=eyeo needs a Public Relations student intern to help.",
     "Public Relations (Student Intern)", "eyeo"),
    ("Die Stadtwerke Musterstadt suchen einen Elektriker für die Netzwartung.", "Elektriker", "Stadtwerke Musterstadt"),
    # a pronoun, the team or a role hires: no employer; another role than the title: none
    ("We are looking for a Senior Recruiter.", "Senior Recruiter", None),
    ("Our team needs a QA Manager.", "QA Manager", None),
    ("The Head of Engineering is looking for a QA Manager.", "QA Manager", None),
    ("eyeo is looking for a Designer.", "QA Manager", None),
    # dev9 en_912 (crunch.io site): the title's words in other case than the sentence's; a brand with its domain
    ("Crunch.io is seeking a Part-time Junior Digital Designer (Contract / 20 hours per week).",
     "Part-Time Junior Digital Designer", "Crunch.io"),
    # pythonjobs/jobs nicheny-django-developer: a hirer described, not named
    ("Startup company seeks freelance Python/Django developer for putting finishing touches on our product.",
     "Freelance Python/Django Developer", None),
    ("Growing agency is hiring a Copywriter.", "Copywriter", None),
    # Arbeitnow API ads: German puts the verb second, so what stands before "suchen wir" is no subject
    ("Für unseren nächsten Wachstumsschritt suchen wir dich als Social Media Manager (m/w/d).",
     "Social Media Manager", None),
    ("Zur Verstärkung unseres Technikteams suchen wir einen IT-Systemelektroniker.", "IT-Systemelektroniker", None),
    ("Die Muster GmbH sucht einen IT-Systemelektroniker.", "IT-Systemelektroniker", "Muster GmbH"),
])
def test_employer_hiring_the_role(text, title, expected):
    assert employer_hiring_the_role(text, title) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # pythonjobs/jobs (text-only probe): a university's domain spells the town it is named after
    ("The University of Memphis is hiring. Memphis is a great city.\nApply: jobs@memphis.edu", None),
    # a hyphen in the domain: "tim&koko" / hallo@tim-koko.ch (dev6 de_620 writes the address only in an href)
    ("Wir von tim&koko begleiten Unternehmen in die Cloud.\nhallo@tim-koko.ch", "tim&koko"),
])
def test_mail_domain_edges(text, expected):
    assert employer_spelt_by_mail_address(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev7 en_717 (vestalux/sljekyll): a task names a partner the job works with
    ("- Work with the Aldeburgh Library Foundation to further benefit the residents of Aldeburgh", None),
    ("Bewirb dich jetzt bei Mint System GmbH!", "Mint System GmbH"),
    # The full stop that ends the sentence also ends "Ltd.": the legal form keeps it, as "e.V." and "Inc." do.
    ("Come and work for Acme Robotics Ltd.", "Acme Robotics Ltd."),
])
def test_working_with_someone_is_no_invitation_to_work_there(text, expected):
    assert employer_invited_to(text) == expected


@pytest.mark.parametrize(("markup", "accounts"), [
    ('<a href="https://natsana.jobs.personio.de/job/1280795">Jetzt bewerben</a>', {"natsana"}),
    ("Apply: http://boards.greenhouse.io/gocardless/jobs/517587", {"gocardless"}),
    ("https://jobs.lever.co/kestrel-health/123 and https://apply.workable.com/nordlicht/j/ABC", {"kestrel-health", "nordlicht"}),
    ("https://www.greenhouse.io/blog and https://jobs.example.com/x", set()),
])
def test_ats_accounts(markup, accounts):
    from crawler.parsing.employer_clues import ats_accounts

    assert ats_accounts(markup) == accounts


@pytest.mark.parametrize(("text", "accounts", "expected"), [
    # natsana (dev14 de_1403): the sign-off and the Personio account
    ("Wir freuen uns auf deine Bewerbung!\nDein Natsana Team", frozenset({"natsana"}), "Natsana"),
    # gocardless (dev10 en_1013): the Greenhouse account
    ("We're looking for managers to help GoCardless build a payments platform.", frozenset({"gocardless"}), "GoCardless"),
    ("Kestrel Health is growing fast.", frozenset({"kestrel-health"}), "Kestrel Health"),
    # an account the text never writes names nobody
    ("Wir freuen uns auf deine Bewerbung!", frozenset({"natsana"}), None),
])
def test_employer_spelt_by_ats_account(text, accounts, expected):
    from crawler.parsing.employer_clues import employer_spelt_by_ats_account

    assert employer_spelt_by_ats_account(text, accounts) == expected


@pytest.mark.parametrize(("text", "markup", "expected"), [
    # dev10 en_1015 (a WeWorkRemotely capture): the apply link goes into the employer's career site
    ("Hotjar\nAs a full-stack developer in the Hotjar tech team, you will …", '<a href="http://careers.hotjar.com/o/'
     'full-stack-developer-europe/?source=WeWorkRemotely">link</a>', "Hotjar"),
    # pythonjobs/jobs octopus_energy_2017_11: a word top-level domain ends the name it spells
    ("Octopus Energy is a new kind of energy company.", "https://octopus.energy/careers/back-end-developer/",
     "Octopus Energy"),
    ("Wir sind die Muster Werke und suchen dich.", "https://www.musterwerke.de/karriere/", "Muster Werke"),
    # a board's or an ATS host, or a link to a tool, is nobody's career site
    ("Find more on Stackoverflow.", "https://careers.stackoverflow.com/jobs/123", None),
    ("We use Python every day.", "https://python.org/about/", None),
    ("Hotjar is great.", "", None),
])
def test_employer_spelt_by_career_site(text, markup, expected):
    assert employer_spelt_by_career_site(text, markup) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # dev20 de_2001: the role's feminine and masculine forms are no "Organisation / Role" title
    ("Tutorin / Tutor gesucht!", ("Tutorin / Tutor gesucht!", None)),
    ("Erzieher / Erzieherin", ("Erzieher / Erzieherin", None)),
    ("Zarr / Community Manager", ("Community Manager", "Zarr")),
])
def test_two_forms_of_a_role_are_no_organisation_prefix(title, expected):
    from crawler.parsing.title_facts import organisation_prefix

    assert organisation_prefix(title, title) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev20 de_2014 (a school-sports club's page), de_2002 (a post relaying a hospital's ad)
    ("Dann bietet dir das Freiwillige soziale Jahr beim Wiesbadener Schulsportverein viele Möglichkeiten.",
     "Wiesbadener Schulsportverein"),
    ("Sozialarbeiter:in im Uniklinikum Frankfurt (Christiane Herzog CF-Zentrum) gesucht", "Uniklinikum Frankfurt"),
    # one word, a phrase of function words, or two institutions: none
    ("am Institut für Psychologie der Universität Hamburg", None),
    ("Spielen im Kindergarten Im Winter", None),
    ("beim Kölner Sportverein oder im Bonner Kindergarten", None),
])
def test_employer_at_institution(text, expected):
    assert employer_at_institution(text) == expected
