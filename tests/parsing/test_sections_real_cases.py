"""Section splitting and terms of employment on shapes found in real ads (issue 12).

Cases marked "real:" are cut down from ads of the real corpus (tests/real/dev/, provenance of each
file in tests/real/SOURCES.md); the others are written to pin an edge of the same rule.
"""

from datetime import datetime, timezone

import pytest

from crawler.parsing.content_cues import content_kind, cue_scores
from crawler.parsing.dates import find_start_date
from crawler.parsing.glued_headings import split_glued_headings
from crawler.parsing.heading_meaning import heading_meaning
from crawler.parsing.headings import heading_group
from crawler.parsing.qualifications import education_level, required_languages
from crawler.parsing.sections import split_sections
from crawler.parsing.stated_terms import arbitrate_stated_term, contract_type_of_title, front_matter_terms
from crawler.parsing.terms import contract_type, employment_type
from crawler.parsing.text import clean_text

NOW = datetime(2024, 1, 15, tzinfo=timezone.utc)

GLUED = [
    # real: de_017 (freelancermap capture of an Experis ad): the heading sits at the end of the last benefit
    ("- Kantine\n- gute Erreichbarkeit mit öffentlichen Verkehrsmitteln Das sind Ihre Aufgaben:\n- Durchführung",
     "- Kantine\n- gute Erreichbarkeit mit öffentlichen Verkehrsmitteln\nDas sind Ihre Aufgaben:\n- Durchführung"),
    # real: en_045 (NumFOCUS, Zarr community manager): the heading after a sentence of its paragraph
    ("This is a fully remote position. Responsibilities:\n\n- Review contributions",
     "This is a fully remote position.\nResponsibilities:\n\n- Review contributions"),
    # an intro line that ends in a colon but holds no known heading stays whole
    ("- Kenntnisse in Python und folgenden Tools:\n- Jira", "- Kenntnisse in Python und folgenden Tools:\n- Jira"),
    # only a heading that opens a section is split off: "am Standort:" is the end of a heading
    ("Deine Aufgaben in unserem Team am Standort:\n- Du pflegst", "Deine Aufgaben in unserem Team am Standort:\n- Du pflegst"),
    # a colon-ended line with no list below is left alone
    ("Wir freuen uns auf Sie. Ihre Aufgaben:\nSie betreuen Kunden.", "Wir freuen uns auf Sie. Ihre Aufgaben:\nSie betreuen Kunden."),
]


@pytest.mark.parametrize(("text", "expected"), GLUED)
def test_split_glued_headings(text, expected):
    assert split_glued_headings(text) == expected


SECTIONS = [
    # real: de_009 (AvanCarte): "Sie ..." over lines that go on with "...": the reader's profile
    ("Wir ...\n... verlegen Grußkarten.\n... suchen Sie als Mitarbeiter*in.\n\nSie ...\n"
     "... wohnen im Vertriebsgebiet.\n... besitzen einen eigenen Pkw.\n... sind zuverlässig.\n"
     "... haben idealerweise Erfahrung im Einzelhandel.\n\nWir bieten Ihnen ...\n... eine umfassende Einarbeitung.\n"
     "... eine unbefristete Festanstellung.",
     {"requirements": 4, "benefits": 2, "responsibilities": 0}, ("requirements", "wohnen im Vertriebsgebiet.")),
    # real: de_046 (AvanCarte): a "..." line is an item even when it reads like a heading ("Lust auf …")
    ("Das bringst du mit\n... Realschulabschluss\n... Interesse für Zahlen\n... Lust auf Kommunikation mit Kunden\n"
     "... Organisationstalent",
     {"requirements": 4}, ("requirements", "Realschulabschluss")),
    # real: de_032 (HermesHof): "Dich erwartet..." decided by its items; the closing line ends the list
    ("Du bist bei uns richtig, wenn du...\n\n- Freude am Kochen hast.\n- Teamfähig bist.\n\nDich erwartet...\n\n"
     "- die Möglichkeit, sich in einem tollen Team einzubringen.\n- das Interesse an einer langfristigen Zusammenarbeit.\n"
     "- eine Vergütung angelehnt an den TVöD.\n\nWenn du dich angesprochen fühlst, richte deine Bewerbung an:\n\n"
     "- Rene Hermes -",
     {"requirements": 2, "benefits": 3}, ("benefits", "die Möglichkeit, sich in einem tollen Team einzubringen.")),
    # real: en_005 (CDS): bullets after the closing paragraphs belong to no section
    ("An excellent candidate will be able to:\n\n- Work in a fast-paced team.\n- Be proficient in Google Apps.\n\n"
     "We recognize that everyone brings skills and experiences to the table and that not everyone checks all the "
     "boxes, so apply anyway and tell us why you are the right fit.\n\n"
     "- A pool of qualified persons resulting from this process may be created.",
     {"requirements": 2}, ("requirements", "Work in a fast-paced team.")),
    # real: en_020 (NYC Opportunity): a Markdown heading without its '#', and a prose-only section
    ("Responsibilities\n\n- Manage the contracting workflow.\n- Prepare documentation.\n\nSkills We're Seeking\n\n"
     "We understand that candidates may not meet all of the preferred skills below.\n\n"
     "- Commitment to the mission.\n- Strong administrative skills.\n\nBenefits and Compensation\n\n"
     "This is a permanent, full-time position offering competitive salary and benefits.",
     {"responsibilities": 2, "requirements": 2, "benefits": 0}, ("requirements", "Commitment to the mission.")),
    # real: de_021 (freelancermap, emagine): a list line with "Fragen" is no closing paragraph
    ("Verantwortlichkeiten\n\nUnterstützung bei organisatorischen Aufgaben\n\nPlanung von PI-Plannings\n\n"
     "Bereitstellung von Unterstützung bei Fragen zu Tools und Prozessen\n\nKey Requirements\n\n"
     "Erfahrung mit Scrum\n\nKenntnisse in Jira",
     {"responsibilities": 3, "requirements": 2}, ("responsibilities", "Unterstützung bei organisatorischen Aufgaben")),
    # real: de_074 (Landenhof): a teaser of "..." questions under "Sie haben …" gives way to the bullet profile
    ("Sie haben die Matur im Sack ...\n\n... und spielen mit dem Gedanken, Pädagogik zu studieren?\n"
     "Dann absolvieren Sie das Vorpraktikum bei uns!\n\nIhre Aufgaben\n\n- Mitarbeit in den Wohngruppen\n"
     "- Klassenassistenz\n\nDas bringen Sie mit\n\n- Neugier und Freude am Gegenüber\n- Engagement",
     {"responsibilities": 2, "requirements": 2}, ("requirements", "Neugier und Freude am Gegenüber")),
    # real: dev13 en_1310 (CrowdStrike): title-case headings over blocks of unbulleted lines, one of
    # six words; the one-line paragraphs around a heading are what make it a list item, not a block
    ("Responsibilities And Duties\n\nPlan and report software deployment status\nSupport modification of scripts\n\n"
     "Experience In The Following Areas Preferred\n\nCloud Platforms: AWS, Azure\nScripting: PowerShell, Bash\n\n"
     "Benefits Of Working At Acme\n\nRemote-first culture\nPaid parental leave\nPhysical and mental wellness programs",
     {"responsibilities": 2, "benefits": 3}, ("benefits", "Remote-first culture")),
    # real: en_069 (Partners Capital): "(optional)" over a list is a nice-to-have label
    ("The person we are looking for:\n\nThe developer should have:\n\n(mandatory)\n\n- Strong Python experience\n- Experience with SQLAlchemy\n\n"
     "(optional)\n\n- Understanding of PHP code",
     {"requirements": 2}, ("requirements", "Strong Python experience")),
]


@pytest.mark.parametrize(("text", "counts", "first"), SECTIONS)
def test_split_sections_real_shapes(text, counts, first):
    sections = split_sections(text)
    for kind, count in counts.items():
        assert len(getattr(sections, kind)) == count, (kind, getattr(sections, kind))
    kind, item = first
    assert getattr(sections, kind)[0] == item


MEANINGS = [
    ("In particular, the successful candidate will contribute:", "responsibilities"),  # real: en_077 (EGO)
    ("What you will bring:", "requirements"),
    ("You will be a great fit if you have:", "requirements"),
    ("You will get:", "benefits"),
    ("Ready to lead with your expertise and save trees along the way?", "other"),  # real: en_011 (PaperCut)
    ("Skills We're Seeking", "requirements"),  # real: en_010 (NYC Opportunity)
    ("Deine Aufgaben als Pflegekraft in unserem Team am Standort:", "responsibilities"),
    ("Where You'll Be", "other"),
    ("Wo du arbeitest:", "other"),
]


@pytest.mark.parametrize(("line", "kind"), MEANINGS)
def test_heading_meaning(line, kind):
    assert heading_meaning(line) == kind


@pytest.mark.parametrize(("line", "group"), [("(optional)", "nice_to_have"), ("(Nice to have):", "nice_to_have"),
                                             ("Your profile (m/w/d)", "requirements"), ("(mandatory)", None)])
def test_heading_group_in_parentheses(line, group):
    assert heading_group(line) == group


@pytest.mark.parametrize(("items", "intro", "kind"), [
    (["wohnen im Vertriebsgebiet.", "besitzen einen eigenen Pkw.", "sind zuverlässig.", "haben Erfahrung."],
     "Sie ...", "requirements"),
    (["verlegen Grußkarten.", "suchen Sie als Mitarbeiter*in."], "Wir ...", None),
])
def test_content_kind_of_a_pronoun_label(items, intro, kind):
    assert content_kind(items, intro) == kind


EMPLOYMENT = [
    ("Mitarbeiterin Reinigung (35%)", "part_time"),  # real: de_026 (Landenhof)
    # shares that split one role between its parts say nothing of the workload (mia-care, dev11 en_1104)
    ("This role combines Product Owner work (70%) with Customer Success (30%).\n\nProduct Owner (70%)\n\n"
     "Customer Success (30%)", None),
    ("Geschäftsführer:in Landenhof 100%", "full_time"),  # real: de_028 (Landenhof)
    ("Praktikant:innen Sozialpädagogik (Jahrespraktikum, 100%)", "full_time"),  # real: de_074
    ("Wir suchen halbtags eine zuverlässige ZFA (m/w/d).", "part_time"),  # real: de_033 (Zahnärzte Weiler)
    ("- Personalrabatt 20%", None),
    ("Personalrabatt 20%", None),
    ("Pensum 80-100%", None),
]


@pytest.mark.parametrize(("text", "expected"), EMPLOYMENT)
def test_employment_type(text, expected):
    assert employment_type(text) == expected


CONTRACTS = [
    ("Simply Secure is looking to contract a visual designer.", "freelance"),  # real: en_037
    ("This is a one year term appointment with the possibility of renewal.", "fixed_term"),  # real: en_039
    ("This is a remote full-time role on a 2-year contract, with possibility to renew.", "fixed_term"),  # real: en_042
    ('One-year (renewable for one year) contract as "Tecnologo".', "fixed_term"),  # real: en_077
    ("- Job type: Permanent", "permanent"),  # real: en_080
    ("Job Types: Full-time, Part-time, Permanent Salary: £11.00 per hour", "permanent"),
    ("after a 12 week trial period, the role will then become permanent.", "permanent"),  # real: en_059
    ("Für unsere Bildungsangebote suchen wir freie Mentor*innen mit 2-6h/Woche.", "freelance"),  # real: de_054
    ("The daily contract rate is £450-500.", "freelance"),  # real: en_069
    ("- Sie besitzen die Ausbildung zum Betriebselektriker oder sind bereit, diese zu erwerben", None),  # real: de_041
    ("Wir bieten freie Getränke und einen 3-year degree sponsorship.", None),
]


@pytest.mark.parametrize(("text", "expected"), CONTRACTS)
def test_contract_type(text, expected):
    assert contract_type(text) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Ausbildung Mediengestalter:in Digital und Print", "apprenticeship"),  # real: de_002 (SinnerSchrader)
    ("Senior Full Stack Contract Developer", "freelance"),  # real: en_069
    ("Werkstudent Marketing (m/w/d)", "working_student"),
    ("Full-time UX Designer - Design systems", None),
    (None, None),
])
def test_contract_type_of_title(title, expected):
    assert contract_type_of_title(title) == expected


START_DATES = [
    ("Wir suchen per 1. August 2024 oder nach Vereinbarung eine Mitarbeiterin", "2024-08-01"),  # real: de_026
    ("zeitpunkt: Ab 01.12.2026", "2026-12-01"),  # real: de_056 front matter
    ("Ihre Bewerbung per E-Mail bis 20.01.2024", None),
]


@pytest.mark.parametrize(("text", "expected"), START_DATES)
def test_start_date(text, expected):
    found = find_start_date(text, NOW)
    assert (found.isoformat() if found else None) == expected


def test_front_matter_terms_are_short_values():
    # real: de_077 (Müttergenesungswerk): the terms live only in the front matter
    document = ('---\nlayout: job\ntitel: "Mitarbeit im Speisesaaldienst"\nzeitpunkt: "Ab sofort"\n'
                'umfang: "in Teilzeit 5 % als geringfügige Kraft"\ntags:\n  - kur\npublished: true\n---\n\n## Aufgaben:\n')
    terms = front_matter_terms(document)
    assert "umfang: in Teilzeit 5 % als geringfügige Kraft" in terms.split("\n")
    assert "tags" not in terms and "published" not in terms
    assert employment_type(terms) == "part_time"
    assert front_matter_terms("Plain ad text: no front matter") == ""
    assert front_matter_terms("---\n- a list\n---\nbody") == ""


def test_markdown_with_an_inline_link_keeps_its_lines():
    # real: en_010 (NYC Opportunity): one <a> tag at the end must not make the Markdown an HTML page
    text = clean_text("Intro paragraph.\n\n### Responsibilities\n\n* Adapt documentation.\n* Work with teams.\n\n"
                      '<a href="https://example.org/jobs" class="btn">Apply Here</a>\n')
    assert "\n- Adapt documentation.\n- Work with teams." in text
    assert text.startswith("Intro paragraph.\n\nResponsibilities")


def test_sub_headings_inside_a_task_list_keep_the_section():
    # real: en_020 (NYC Opportunity): "####" sub-headings split one task list in three
    text = ("Responsibilities\n\nContracting and Procurement\n\n- Understand and follow City procurement processes.\n"
            "- Manage annual fiscal year reporting.\n\nHuman Capital Management\n\n"
            "- Support recruitment by tracking development of job descriptions, complete paperwork for new position "
            "approval, post new jobs, and schedule interviews.\n- Submit and track IT requests.\n\nSkills We're Seeking\n\n"
            "We encourage those interested to apply even if they do not meet all of the preferred skills below.\n\n"
            "- Commitment to the mission.\n- Strong administrative skills.")
    sections = split_sections(text)
    assert len(sections.responsibilities) == 4
    assert sections.requirements == ["Commitment to the mission.", "Strong administrative skills."]


@pytest.mark.parametrize(("stated", "from_text", "kept", "conflict"), [
    ("permanent", None, "permanent", False),  # real: en_053 (front matter only)
    ("permanent", "fixed_term", "fixed_term", True),  # real: en_077 ("contract: permanent" over a one-year contract)
    ("permanent", "permanent", "permanent", False),
    (None, "fixed_term", None, False),  # the text alone is read later, as any ad's
    # a student's or trainee's contract is limited in time by its nature (dev17 de_1708: "Werkstudent …",
    # "Vertrag: Befristet"); a permanent one is another kind
    ("working_student", "fixed_term", "working_student", False),
    ("apprenticeship", "fixed_term", "apprenticeship", False),
    ("internship", "permanent", "permanent", True),
])
def test_arbitrate_stated_term(stated, from_text, kept, conflict):
    posting = {"contract_type": None, "field_sources": {}, "field_conflicts": {}}
    arbitrate_stated_term(posting, "contract_type", stated, from_text, "structured_data")
    assert posting["contract_type"] == kept
    assert ("contract_type" in posting["field_conflicts"]) is conflict
    if conflict:
        assert posting["field_conflicts"]["contract_type"][0] == {"value": from_text, "source": "text"}


def test_a_second_list_that_reads_as_a_profile_is_split_off():
    # real: en_051 (Holaplex): the profile's heading was lost, its list follows the tasks after a blank line
    text = ("Responsible for\n\n- how technologies can be used to solve this business problem;\n"
            "- what framework can be used to create a solution;\n- find a solution to a business problem.\n\n"
            "- At least 5 years experience working with IT architecture\n- Experience in engaging with clients\n"
            "- Knowledge of cryptocurrency concepts\n- Engineering and software architecture design")
    sections = split_sections(text)
    assert len(sections.responsibilities) == 3
    assert sections.requirements[0] == "At least 5 years experience working with IT architecture"
    assert len(sections.requirements) == 4


def test_a_list_of_links_is_no_section():
    # real: en_079 (Steinbauer): "# More information on" over web addresses after the benefits
    text = ("WHAT WE OFFER\n\n- Varied exciting projects\n- Assistance with finding accommodation in Linz\n\n"
            "More information on\n\n- www.steinbauer-engineering.com\n- www.youtube.com/SteinbauerPerformance")
    assert split_sections(text).benefits == ["Varied exciting projects", "Assistance with finding accommodation in Linz"]
    assert split_sections("Benefits:\n\n- Jobrad\n- jobs@acme.de\n- https://acme.de/benefits").benefits == ["Jobrad"]


@pytest.mark.parametrize(("text", "level"), [
    ("Abgeschlossene Berufssausbildung im Handwerk", "vocational"),  # real: de_062 (Heinze Pool), misspelt
    ("Abgeschlossene Pflegeausbildung", "vocational"),
    ("Abgeschlossene Hochschulausbildung in Informatik", None),
    ("University/college degree or/and appropriate training", "vocational"),  # real: en_079
    ("Degree or training in marketing is a plus", None),
])
def test_education_level(text, level):
    assert education_level(text) == level


def test_one_item_list_among_heading_less_lists_named_by_its_words():
    # real: de_044 (MEDICLIN, headings lost in the saved page): task, profile and offer lists without headings
    text = ("Wir suchen zum nächstmöglichen Zeitpunkt, in Voll- oder Teilzeit, einen\n\n"
            "Gesundheits- und Krankenpfleger / Altenpfleger (w/m/d)\n\n"
            "- Zu Ihrem Tätigkeitsbereich gehören alle Aufgaben der rehabilitativen Pflege.\n\n"
            "- Erfolgreich abgeschlossene Ausbildung\n- Sie sind zuverlässig\n- Teamfähigkeit und Empathie\n\n"
            "- Leistungsgerechte Vergütung\n- Gratifikation und Urlaubsgeld\n- Betriebliche Gesundheitsförderung")
    sections = split_sections(text)
    assert sections.responsibilities == ["Zu Ihrem Tätigkeitsbereich gehören alle Aufgaben der rehabilitativen Pflege."]
    assert len(sections.requirements) == 3 and len(sections.benefits) == 3
    # a single bullet alone in an ad says nothing of its kind
    assert split_sections("Wir suchen dich.\n\n- Zu deinen Aufgaben gehört die Pflege.").responsibilities == []


@pytest.mark.parametrize(("text", "expected"), [
    ("- Sprachniveau für Deutsch: Mindestens C 1 und bestandene Fachsprachenprüfung erforderlich",  # real: de_013
     [{"language": "de", "level": "very_good"}]),
    ("Deutschkenntnisse A 2", [{"language": "de", "level": "basic"}]),
    ("Englisch (C1)", [{"language": "en", "level": "very_good"}]),
])
def test_language_levels_written_with_a_space(text, expected):
    assert required_languages(text) == expected


def test_hiring_sentence_with_gender_marker_is_no_heading():
    # written after de_044's shape: the hiring sentence over a task list that has no heading
    text = ("Wir suchen zum nächstmöglichen Zeitpunkt einen Gesundheits- und Krankenpfleger (w/m/d)\n\n"
            "- Du pflegst unsere Patienten\n- Du dokumentierst die Pflege\n\nDein Profil\n\n- Ausbildung\n- Empathie")
    sections = split_sections(text)
    assert sections.responsibilities == ["Du pflegst unsere Patienten", "Du dokumentierst die Pflege"]
    assert sections.requirements == ["Ausbildung", "Empathie"]


@pytest.mark.parametrize(("items", "tasks", "profile"), [
    (["Du pflegst Patienten", "Du dokumentierst die Pflege"], 2, 0),
    (["Du bist empathisch", "Du hast eine Ausbildung", "Du freust dich auf Teamarbeit"], 0, 2),
])
def test_second_person_verbs_are_tasks_unless_having_or_being(items, tasks, profile):
    scores = cue_scores(items)
    assert (scores["responsibilities"], scores["requirements"]) == (tasks, profile)


def test_one_sentence_per_line_is_a_list_without_bullets():
    # written: the offer as one <p> per benefit, beside bulleted task and profile lists
    text = ("Deine Aufgaben\n\n- Du betreust Kunden\n- Du planst Touren\n\nDein Profil\n\n- Führerschein\n- Erfahrung\n\n"
            "Wir bieten\n\nEine unbefristete Anstellung in einem tollen Team mit flachen Hierarchien.\n"
            "Dreißig Tage Urlaub und ein Jobrad für den Weg zur Arbeit.")
    assert len(split_sections(text).benefits) == 2
    # a paragraph of several sentences under the same heading is prose (real: en_020, NYC Opportunity)
    prose = text.replace("Hierarchien.\nDreißig", "Hierarchien. Dreißig")
    assert split_sections(prose).benefits == []


def test_a_wish_said_as_a_conditional_is_no_requirement_and_a_question_leads_the_offer():
    # trolley (dev14 en_1417), written in its shape: "It would be great if …" holds nice-to-haves,
    # "Interested? We offer:" heads the benefits.
    from crawler.parsing.sections import split_sections

    sections = split_sections(
        "About you:\n\n    Strong SQL skills.\n    Experience writing API clients.\n\n"
        "It would be great if you are familiar with:\n\n    Terraform, for managing our infrastructure.\n"
        "    Performance logging and monitoring.\n\n"
        "Interested? We offer:\n\n    Competitive salary and meaningful equity.\n    4 weeks paid vacation per year.\n")
    assert sections.requirements == ["Strong SQL skills.", "Experience writing API clients."]
    assert sections.benefits == ["Competitive salary and meaningful equity.", "4 weeks paid vacation per year."]
