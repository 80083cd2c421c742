"""Tests for crawler.parsing.sections: heading vocabulary and section splitting."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.parsing.sections import Sections, employer_from_headings, heading_kind, split_sections
from crawler.parsing.text import clean_text

SEEDS = Path(__file__).parent.parent / "files" / "seeds"
SEED_000 = (SEEDS / "000_b66804fa50d40c3b.txt").read_text(encoding="utf-8")
SEED_001 = (SEEDS / "001_004fedc382bfa4ea.txt").read_text(encoding="utf-8")


def _cases(kind, lines):
    return [(line, kind) for line in lines.split("|")]


HEADINGS = (
    _cases(
        "responsibilities",
        "Your tasks|Deine Aufgaben|Ihre Aufgaben|Aufgaben|Aufgaben:|DEINE AUFGABEN|🚀 Deine Aufgaben|1. Your tasks"
        "|Das erwartet dich|Was dich erwartet|Was Sie erwartet:|Deine Mission|Your mission|Your role|The role"
        "|What you'll do|What you’ll do:|What you will do|What will you do?|Responsibilities|Key responsibilities"
        "|Tasks|Your responsibilities|Main duties|Duties|Roles & Responsibilities|Roles and Responsibilities|Deine Rolle|Ihre Aufgaben bei uns|Deine Aufgaben bei ALDI"
        "|Your tasks at Acme|Ihr Aufgabengebiet|Dein Aufgabenbereich|Ihre Tätigkeiten|Das machst du"
        "|Was du bei uns machst|Das bewegst du|Was du bewegst|Deine Verantwortung|Ihre Verantwortung|Dein Job"
        "|Dein Beitrag|Deine Herausforderungen|Das sind deine Aufgaben|Diese Aufgaben erwarten dich"
        "|Wofür du verantwortlich bist|In this role you will:|As a Data Engineer, you will:|You will:|Your impact"
        "|A day in the life|What the role involves|Role responsibilities|**Your tasks**|## Responsibilities"
        "|Your day-to-day|Ihre zukünftigen Aufgaben|Aufgabenschwerpunkte|Tätigkeitsbeschreibung"
        "|Your key responsibilities include|Deine Aufgaben im Überblick|Was du tun wirst|Areas of responsibility"
        "|Ihre Aufgaben als Data Engineer (m/w/d)|WHAT YOU'LL DO|➤ Your Responsibilities:|[Deine Aufgaben]|Challenges|Key challenges",
    )
    + _cases(
        "requirements",
        "Dein Profil|Ihr Profil|Was du mitbringst|Das bringst du mit|Das zeichnet dich aus|Anforderungen"
        "|Qualifikationen|Your profile|Requirements|Requirements:|Qualifications|What you bring|What you'll bring"
        "|What we're looking for|What we are looking for|Who you are|Must have|Must-haves|Nice to have"
        "|Nice-to-have:|Skills|Das bringen Sie mit|Was Sie mitbringen|Das solltest du mitbringen"
        "|Das sollten Sie mitbringen|Was wir erwarten|Was wir von dir erwarten|Damit überzeugst du uns"
        "|Womit du uns überzeugst|Damit begeisterst du uns|Was dich auszeichnet|Das macht dich aus.|Voraussetzungen"
        "|Deine Qualifikationen|Ihre Qualifikation|Skills & Experience|Skills and qualifications|Required skills"
        "|Preferred qualifications|Minimum qualifications|Basic Qualifications|About you|You have|You bring"
        "|Your background|Your skills|Your experience|Experience|The ideal candidate|Ideal candidate|Bonus points"
        "|Bonus points if you have|What you need|What you'll need|What you need to succeed|Dein Background"
        "|Dein Know-how|Deine Skills|Deine Stärken|Wen wir suchen|Wer du bist|Das bist du|Du hast|Sie haben"
        "|Idealerweise bringst du mit|Wünschenswert|Von Vorteil|Pluspunkte|Anforderungsprofil|Sprachkenntnisse"
        "|Languages|Education|Darauf kommt es an|Was uns wichtig ist|Deine Qualifikation und Skills"
        "|Kenntnisse und Fähigkeiten|Your qualifications|Who we're looking for|Is this you?"
        "|What makes you a great fit|You'll thrive if you|Was Du mitbringst 💪|Ihr Profil als Data Engineer"
        "|3. Your Profile|DAS BRINGST DU MIT:",
    )
    + _cases(
        "benefits",
        "Wir bieten|Was wir bieten|Was wir dir bieten|Unser Angebot|Deine Vorteile|Ihre Vorteile|Benefits"
        "|Your benefits|Perks|What we offer|Why us?|Why join us|Why join us?|Das bieten wir|Das bieten wir dir"
        "|Das bieten wir Ihnen|Was wir Ihnen bieten|Wir bieten dir|Wir bieten Ihnen|Unsere Benefits|Deine Benefits"
        "|Benefits bei uns|Darauf kannst du dich freuen|Worauf du dich freuen kannst|Darauf können Sie sich freuen"
        "|Freu dich auf|What you'll get|What you get|What's in it for you?|What we offer you|We offer|Our offer"
        "|Perks & Benefits|Benefits & Perks|Compensation & Benefits|Why you'll love working here|Why Acme?"
        "|Warum ALDI?|Das spricht für uns|Was für uns spricht|Was du von uns bekommst|Das bekommst du"
        "|Unsere Leistungen|Deine Perspektiven|Ihre Perspektiven|Zusatzleistungen|Mitarbeitervorteile"
        "|Dein Mehrwert|In return|What you can expect from us|Was dich bei uns erwartet|Das erwartet dich bei uns"
        "|Was wir dir geben|Unser Angebot an dich|Ihre Vorteile bei uns|🎁 Benefits|WAS WIR BIETEN:",
    )
    + _cases(
        "company",
        "Über uns|Wer wir sind|Wer wir sind.|About us|Who we are|About the company|Das sind wir|Unternehmen"
        "|Unser Unternehmen|Das Unternehmen|About ALDI|Über ALDI|Über die Acme GmbH|Company description"
        "|Company Profile|Unternehmensprofil|Our story|Wir über uns|Your new employer|Dein neuer Arbeitgeber"
        "|Ihr neuer Arbeitgeber|Arbeitgeber|Unser Kunde|Über unseren Kunden|Our client|About the client"
        "|Wir stellen uns vor|Lerne uns kennen|Unsere Werte|Our culture|Wir sind|ÜBER UNS:",
    )
    + _cases(
        "other",
        "Contact|Kontakt|How to apply|Interested?|Haben wir dein Interesse geweckt?|Haben wir Ihr Interesse geweckt?"
        "|Über die Stelle|About the role|About the job|Job description|Stellenbeschreibung|Ansprechpartner"
        "|Deine Ansprechpartnerin|Ihr Ansprechpartner|Bewerbung|So bewirbst du dich|Next steps|Klingt gut?"
        "|Klingt spannend?|Sounds good?|Noch Fragen?|Location|Standort|Arbeitsort|Gehalt|Salary|Equal opportunity"
        "|Diversity & Inclusion|Additional information|Weitere Informationen|Gut zu wissen|Das Team|Your team"
        "|Bist du interessiert?|Neugierig geworden?|Bewerbungsprozess|Our hiring process|Ready to apply?"
        "|Wir freuen uns auf deine Bewerbung!|Lust auf mehr?|Eckdaten|Auf einen Blick|Posted 30+ days ago"
        "|Published: 1 week ago|Erschienen: vor 2 Tagen"
        # a US pay-transparency block and a compliance note (dev14 en_1419, Databricks)
        "|Pay Range Transparency|Pay Transparency|Compliance",
    )
)


@pytest.mark.parametrize(("line", "kind"), HEADINGS)
def test_heading_kind(line, kind):
    assert heading_kind(line) == kind


NOT_HEADINGS = (
    "Flexible working hours|Weiterbildung|30 Tage Urlaub|Über 30 Tage Urlaub|About 30% travel|Python"
    "|Teamfähigkeit|We are looking for a Senior Engineer to join our team in Berlin."
    "|Du entwickelst neue Features für unsere Plattform.|Senior Machine Learning Engineer (m/f/d)|Essen"
    "|Permanent contract|Full Time, Home office possible|Benefits for employees include flexible hours and more."
    "|Very good written and spoken German and English skills"
    "|The ALDI Nord group of companies is one of the leading food retailers.|Homeoffice|JobRad"
    "|Wir sind gespannt auf deine Bewerbung|Sehr gute Deutschkenntnisse|Experience with Python"
    "|Strong communication skills|Contract: Permanent|And much more.|Why this matters to us every day at work"
    "|Erfahrung im Projektmanagement|Kenntnisse in SAP|Erfahrung als Entwickler|Experience at a startup"
    "|Mobile working|Team events|Competitive salary|Unbefristeter Arbeitsvertrag|Betriebliche Altersvorsorge"
    "|Entwicklung von Machine-Learning-Modellen|Abgeschlossenes Studium der Informatik|Fluent English"
    "|3+ years of experience|Health insurance|Remote work|Learning budget|Your development|Mentoring"
    "|Wir bieten dir ein tolles Team.|You have a degree in CS|Skills: Python, SQL|Vollzeit|Hybrid|45307 Essen"
    "|Mission-driven team|Du hast Spaß an der Arbeit im Team"
).split("|")


@pytest.mark.parametrize("line", NOT_HEADINGS)
def test_not_a_heading(line):
    assert heading_kind(line) is None


def test_heading_vocabulary_is_large():
    assert len(HEADINGS) >= 250


# --- seeds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_000() -> Sections:
    return split_sections(clean_text(SEED_000))


@pytest.fixture(scope="module")
def seed_001() -> Sections:
    return split_sections(clean_text(SEED_001))


def test_seed_000_requirements(seed_000):
    assert len(seed_000.requirements) == 6
    assert seed_000.requirements[0].startswith("Good degree, e.g. in data science")
    assert seed_000.requirements[-1] == "Very good written and spoken German and English skills"


def test_seed_000_responsibilities(seed_000):
    assert len(seed_000.responsibilities) == 6
    assert seed_000.responsibilities[0].startswith("You are significantly involved")
    assert seed_000.responsibilities[-1].startswith("You work in a cross-disciplinary team")


def test_seed_000_benefits_count_the_closing_line(seed_000):
    assert len(seed_000.benefits) == 6
    assert seed_000.benefits[0].startswith("Flexible working time model")
    assert seed_000.benefits[-1] == "And much more."


def test_seed_000_company_description_is_the_client_paragraph(seed_000):
    assert seed_000.company_description.startswith("Our client is a big (2k employees")
    assert "looking for" not in seed_000.company_description


def test_seed_001_sections(seed_001):
    assert len(seed_001.responsibilities) == 6
    assert len(seed_001.requirements) == 7
    assert len(seed_001.benefits) == 6
    assert seed_001.responsibilities[0] == "Develop and industrialize complex data analytics products for various use cases."
    assert seed_001.requirements[-1].startswith("Successfully completed studies")
    assert seed_001.benefits[-1].endswith("dynamic team that is looking forward to you!")


def test_seed_001_company_description(seed_001):
    assert seed_001.company_description.startswith("The ALDI Nord group of companies")
    assert seed_001.company_description.endswith("Powered by people.")
    assert "Senior Machine Learning Engineer" not in seed_001.company_description


def test_seed_001_headings(seed_001):
    assert seed_001.headings == [
        ("responsibilities", "Your tasks"),
        ("requirements", "Your profile"),
        ("benefits", "Your benefits"),
    ]


def test_raw_seed_001_benefits_end_at_end_of_ad_chrome():
    sections = split_sections(SEED_001)  # not cleaned: "Like this job?" still there
    assert len(sections.benefits) == 6
    assert sections.benefits[-1].endswith("looking forward to you!")
    assert sections.company_description.startswith("The ALDI Nord group of companies")


# --- split_sections ------------------------------------------------------------------

GREENHOUSE = (
    "&lt;p&gt;&lt;strong&gt;About us&lt;/strong&gt;&lt;/p&gt;&lt;p&gt;Acme is a leading fintech company with 300 "
    "employees across 4 offices.&amp;nbsp;We build payment solutions.&lt;/p&gt;&lt;p&gt;&lt;strong&gt;What you'll "
    "do&lt;/strong&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Design and build data pipelines&lt;/li&gt;&lt;li&gt;Own our ML "
    "platform&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;strong&gt;What you'll bring&lt;/strong&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;"
    "3+ years of Python experience&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;strong&gt;Benefits&lt;/strong&gt;&lt;/p&gt;&lt;ul&gt;"
    "&lt;li&gt;30 days vacation&lt;/li&gt;&lt;li&gt;Learning budget&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Acme is an equal "
    "opportunity employer.&lt;/p&gt;"
)
STEPSTONE_DE = (
    "<div><p>Die Muster GmbH ist ein mittelständisches Familienunternehmen mit über 250 Mitarbeitenden an 5 "
    "Standorten.</p><h2>🚀 Deine Aufgaben</h2><ul><li>Du entwickelst unsere Datenplattform weiter</li><li>Du betreust "
    "interne Kunden</li></ul><h2>💡 Das bringst du mit</h2><ul><li>Abgeschlossenes Studium der Informatik;</li>"
    "<li>Sehr gute Deutsch- und gute Englischkenntnisse,</li></ul><h2>🎁 Was wir dir bieten</h2><ul><li>30 Tage "
    "Urlaub</li><li>JobRad</li></ul><h2>Kontakt</h2><p>Frau Müller, Tel. 0201 12345</p></div>"
)

SPLIT_CASES = [
    (
        "greenhouse_escaped_html",
        GREENHOUSE,
        {
            "company_description": "Acme is a leading fintech company with 300 employees across 4 offices. We build payment solutions.",
            "responsibilities": ["Design and build data pipelines", "Own our ML platform"],
            "requirements": ["3+ years of Python experience"],
            "benefits": ["30 days vacation", "Learning budget"],
        },
    ),
    (
        "german_h2_emoji_headings",
        STEPSTONE_DE,
        {
            "company_description": "Die Muster GmbH ist ein mittelständisches Familienunternehmen mit über 250 Mitarbeitenden an 5 Standorten.",
            "responsibilities": ["Du entwickelst unsere Datenplattform weiter", "Du betreust interne Kunden"],
            "requirements": ["Abgeschlossenes Studium der Informatik", "Sehr gute Deutsch- und gute Englischkenntnisse"],
            "benefits": ["30 Tage Urlaub", "JobRad"],
            "other": ["Frau Müller, Tel. 0201 12345"],
        },
    ),
    (
        "uppercase_colon_headings_with_glyph_bullets",
        "IHRE AUFGABEN:\n• Planung und Steuerung von Projekten\n• Abstimmung mit Kunden\nIHR PROFIL:\n"
        "• Abgeschlossene Ausbildung\nWIR BIETEN:\n• Unbefristeter Arbeitsvertrag\n"
        "Haben wir Ihr Interesse geweckt? Dann bewerben Sie sich jetzt!",
        {
            "responsibilities": ["Planung und Steuerung von Projekten", "Abstimmung mit Kunden"],
            "requirements": ["Abgeschlossene Ausbildung"],
            "benefits": ["Unbefristeter Arbeitsvertrag"],
        },
    ),
    (
        "inline_bold_headings",
        "<p><b>Your tasks:</b> Build APIs and maintain services.</p><p><b>Your profile:</b> 3 years Python.</p>"
        "<p><strong>We offer:</strong><br>- Remote work<br>- Bonus</p>",
        {
            "responsibilities": ["Build APIs and maintain services."],
            "requirements": ["3 years Python."],
            "benefits": ["Remote work", "Bonus"],
        },
    ),
    (
        "numbered_headings",
        "1. Your tasks\n- a task here\n- another task\n2. Your profile\n- Python skills\n3. What we offer\n- Gym\n"
        "Interessiert?\nBewirb dich jetzt!",
        {"responsibilities": ["a task here", "another task"], "requirements": ["Python skills"], "benefits": ["Gym"]},
    ),
    (
        "bare_headings_and_blank_lines",
        "Tasks\n\n- Build\n\nSkills\n\n- SQL\n\nPerks\n\n- Snacks",
        {"responsibilities": ["Build"], "requirements": ["SQL"], "benefits": ["Snacks"]},
    ),
    (
        "ambiguous_expect_headings_decided_by_content",
        "Was dich erwartet:\n- 30 Tage Urlaub\n- Homeoffice und flexible Arbeitszeiten\n- Team-Events\n"
        "Das erwartet dich:\n- Du entwickelst neue Features\n- Du betreust unsere Kunden",
        {
            "responsibilities": ["Du entwickelst neue Features", "Du betreust unsere Kunden"],
            "benefits": ["30 Tage Urlaub", "Homeoffice und flexible Arbeitszeiten", "Team-Events"],
        },
    ),
    (
        "nice_to_have_block_is_not_required",
        "Must have:\n- Python\n- SQL\nNice to have:\n- Spark",
        {"requirements": ["Python", "SQL"], "other": ["Spark"]},
    ),
    (
        "preferred_qualifications_after_required_ones_are_not_required",
        "Required Qualifications:\n- 2+ years in logistics\n- Excel\nPreferred Qualifications:\n- McLeod",
        {"requirements": ["2+ years in logistics", "Excel"], "other": ["McLeod"]},
    ),
    (
        "desirable_criteria_under_a_person_specification",
        "Person specification\nEssential criteria\n- NMC registration\nDesirable criteria\n- Venepuncture",
        {"requirements": ["NMC registration"], "other": ["Venepuncture"]},
    ),
    (
        "a_preferred_block_alone_is_the_profile",
        "Your missions\n- Onboard customers\nPreferred experience\n- 3 years in customer success",
        {"responsibilities": ["Onboard customers"], "requirements": ["3 years in customer success"]},
    ),
    (
        "german_wishes_block_after_requirements",
        "Anforderungen:\n- Mindestens 4 Jahre Erfahrung\nWünschenswert:\n- Erfahrung im Versicherungsumfeld",
        {"requirements": ["Mindestens 4 Jahre Erfahrung"], "other": ["Erfahrung im Versicherungsumfeld"]},
    ),
    (
        "section_ends_at_contact_heading",
        "Wir bieten\nHomeoffice\nJobRad\nKontakt\nFrau Schmidt\njobs@example.com",
        {"benefits": ["Homeoffice", "JobRad"], "other": ["Frau Schmidt", "jobs@example.com"]},
    ),
    (
        "section_ends_at_interest_question",
        "Deine Aufgaben\nDu baust Dashboards\nHaben wir dein Interesse geweckt?\nDann bewirb dich über unser Portal.",
        {"responsibilities": ["Du baust Dashboards"], "other": ["Dann bewirb dich über unser Portal."]},
    ),
    (
        "intro_line_ending_in_colon_is_not_an_item",
        "Responsibilities\nIn your daily work you will:\n- Build models\n- Deploy them\nAfter a year you lead the team.",
        {"responsibilities": ["Build models", "Deploy them"]},
    ),
    (
        "wrapped_bullet_lines_are_joined",
        "Requirements\n- Experience with cloud platforms such as\nAWS or Azure\n- Knowledge of Docker and\n"
        "Kubernetes\n- fluent English",
        {"requirements": ["Experience with cloud platforms such as AWS or Azure", "Knowledge of Docker and Kubernetes", "fluent English"]},
    ),
    (
        "list_punctuation_is_stripped_sentence_ends_kept",
        "Ihr Profil\n- Studium der Informatik;\n- Erfahrung mit SQL,\n- Teamgeist.",
        {"requirements": ["Studium der Informatik", "Erfahrung mit SQL", "Teamgeist."]},
    ),
    (
        "about_us_at_the_end_is_the_company_description",
        "We are hiring.\nYour tasks\n- Code\nAbout us\nAcme builds robots.\n\nFounded in 1999.",
        {"company_description": "Acme builds robots.\n\nFounded in 1999.", "responsibilities": ["Code"]},
    ),
    (
        "about_named_company_heading",
        "About Acme\nAcme makes tools.\nWhat you'll do\n- Ship features",
        {"company_description": "Acme makes tools.", "responsibilities": ["Ship features"]},
    ),
    (
        "intro_about_the_vacancy_is_not_a_company_description",
        "We are looking for a Senior Data Engineer to join our team in Berlin. You will build our platform.\n"
        "Your profile\n- Python",
        {"company_description": None, "requirements": ["Python"]},
    ),
    (
        "no_headings_bullet_lists_classified_by_content",
        "We are hiring a data engineer.\n\n- Develop data pipelines in Spark\n- Maintain our Airflow jobs\n"
        "- Support analysts with SQL\n\n- 3+ years of experience with Python\n- Good knowledge of SQL\n"
        "- Fluent English\n\n- 30 days vacation\n- Flexible working hours\n- Free coffee and fruit",
        {
            "responsibilities": ["Develop data pipelines in Spark", "Maintain our Airflow jobs", "Support analysts with SQL"],
            "requirements": ["3+ years of experience with Python", "Good knowledge of SQL", "Fluent English"],
            "benefits": ["30 days vacation", "Flexible working hours", "Free coffee and fruit"],
        },
    ),
    (
        "no_headings_unclear_list_stays_empty",
        "We make software.\n- Berlin\n- Munich\n- Hamburg",
        {"responsibilities": [], "requirements": [], "benefits": []},
    ),
    (
        "no_headings_prose_only",
        "Wir suchen einen Entwickler. Du arbeitest mit Python. Wir bieten ein gutes Gehalt.",
        {"responsibilities": [], "requirements": [], "benefits": [], "company_description": None},
    ),
    (
        "about_the_role_bullets_are_tasks_when_no_task_section",
        "About the role\nYou will join the data team.\n- Build pipelines\n- Run experiments\nRequirements\n- SQL",
        {"responsibilities": ["Build pipelines", "Run experiments"], "requirements": ["SQL"]},
    ),
    (
        "linkedin_about_the_job_intro",
        "About the job\nAt Acme, we are a global leader in logistics software with 2,000 employees in 20 countries.\n\n"
        "Responsibilities\n- Build stuff\n\nQualifications\n- Python\nSeniority level\nMid-Senior level",
        {
            "company_description": "At Acme, we are a global leader in logistics software with 2,000 employees in 20 countries.",
            "responsibilities": ["Build stuff"],
            "requirements": ["Python"],
        },
    ),
    (
        "heading_words_inside_a_list_stay_items",
        "Wir bieten\n- 30 Tage Urlaub\n- Entwicklungsmöglichkeiten\n- Benefits\n- Weiterbildung\nDein Profil\n- SQL",
        {"benefits": ["30 Tage Urlaub", "Entwicklungsmöglichkeiten", "Benefits", "Weiterbildung"], "requirements": ["SQL"]},
    ),
    (
        # A nested Markdown list under a sentence item ending in ':' details that item (tests/real/dev5 en_523,
        # scottishgovernment/resources.mygov.scot: 6 essential criteria, two with sub-lists of technologies).
        "sub_list_under_a_sentence_item_details_it",
        "### Essential Criteria\n\n* Significant senior professional experience of web infrastructure.\n"
        "* Proficient in administering, securing and optimising computer networks including the following"
        " technologies:\n  - TCP/IP\n  - HTTP\n  - DNS\n* Experience of both waterfall and agile methods.\n",
        {"requirements": ["Significant senior professional experience of web infrastructure.",
                          "Proficient in administering, securing and optimising computer networks including the"
                          " following technologies: TCP/IP; HTTP; DNS",
                          "Experience of both waterfall and agile methods."]},
    ),
    (
        "items_under_a_short_label_stay_items",
        "Requirements\n- Baseline:\n- Python\n- SQL\n- Extra Credit:\n- Go",
        {"requirements": ["Python", "SQL", "Go"]},
    ),
    (
        # A long question over prose opens the ad, it heads no section (tests/real/dev5 de_508,
        # Corporate-Software-AG/hugo-coso-website: the dash line below the role sentence was read as a requirement).
        "rhetorical_question_over_prose_is_no_heading",
        "Du bist ausgebildete:r Informatiker:in und suchst eine neue Herausforderung?\n"
        "Zeichnest du dich aus durch Selbstständigkeit, Flexibilität und Motivation und bist ein Teamplayer?\n\n"
        "Komm zu uns als Power BI Consultant (60–100%)\n- ab sofort oder nach Vereinbarung\n\n"
        "Das erwartet dich\n- Analyse von Datenanforderungen\n\n"
        "Du bringst mit\n- Erfahrung mit SQL\n- Deutsch Muttersprache",
        {"requirements": ["Erfahrung mit SQL", "Deutsch Muttersprache"]},
    ),
    (
        "short_question_heading_over_a_list",
        "What are we looking for in you?\n- Experience with SQL\n- Fluent English",
        {"requirements": ["Experience with SQL", "Fluent English"]},
    ),
    (
        # A lead sentence under a reasons-to-join heading goes on with the reasons (tests/real/dev4 en_401,
        # the31337/jobs: "As a member of our team, you will:" was a second task section).
        "lead_sentence_under_why_join_keeps_the_reasons",
        "Responsibilities:\n- Understand the entire stack\n\nWhy join the engineering team at Snowflake?\n"
        "- Building new enterprise technologies is complex. As a member of our team, you will:\n"
        "- Build an industry-leading data management system\n- Join a world-class team",
        {"responsibilities": ["Understand the entire stack"]},
    ),
    (
        # "Apply today!" over the hiring steps ends the benefits (tests/real/dev4 en_433, orangeandbronze)
        "apply_today_ends_the_benefits",
        "Benefits:\n- 15 days Vacation Leave (VL) per year\n- HMO (1 dependent)\n\nApply today!\n\n"
        "- Step 1: Click the Easy Apply button\n- Step 2: Technical Interview",
        {"benefits": ["15 days Vacation Leave (VL) per year", "HMO (1 dependent)"]},
    ),
    ("empty_text", "", {"company_description": None, "responsibilities": [], "requirements": [], "benefits": []}),
]


@pytest.mark.parametrize(("name", "document", "expected"), SPLIT_CASES, ids=[case[0] for case in SPLIT_CASES])
def test_split_sections(name, document, expected):
    sections = split_sections(clean_text(document))
    for field_name, value in expected.items():
        assert getattr(sections, field_name) == value, field_name


def test_posting_date_line_ends_a_section_but_not_the_header():
    sections = split_sections("Data Engineer\nPublished: 2 days ago\nBenefits\nGym\nPosted 30+ days ago")
    assert sections.benefits == ["Gym"]
    assert sections.headings == [("benefits", "Benefits"), ("other", "Posted 30+ days ago")]


_LINES = st.sampled_from(
    ["Your tasks", "Dein Profil:", "Wir bieten", "Kontakt", "- Python", "- 30 Tage Urlaub", "", "Über uns",
     "Acme is a leading company with 500 employees.", "Like this job?", "Was dich erwartet", "1. Aufgaben",
     "Requirements: SQL", "lowercase continuation", "We are looking for you."]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=30).map("\n".join))
def test_split_sections_items_come_from_the_text(text):
    sections = split_sections(text)
    for item in sections.responsibilities + sections.requirements + sections.benefits:
        assert item and item in text.replace("\n", " ")
        assert not item.startswith("- ")


@pytest.mark.parametrize(
    ("line", "kind"),
    _cases("responsibilities", "Main duties of the job|Scope of work|Your missions|Das lernst du bei uns"
                               "|Deine Aufgaben in der Lehre|Detailed job description and main responsibilities")
    + _cases("requirements", "Wir erwarten:|Person specification|Essential criteria|Essential experience|The person"
                             "|The successful candidate will have:|You will bring|You might be a fit if"
                             "|We'd love to hear from you if you have|Muss:|Nice to have|Preferred Qualifications:"
                             "|Desirable criteria|Wünschenswert:|Kann:|Preferred experience|Erwünscht sind:|Gewünscht:")
    + _cases("benefits", "We can offer:|You get|Package|Das bietet unser Kunde|Unser Kunde bietet Ihnen")
    + _cases("company", "Working for our organisation")
    + _cases("other", "WORK ENVIRONMENT|PHYSICAL REQUIREMENTS|Rahmenbedingungen:|Terms|Projektbeschreibung"
                      "|Compensation|Application process"
                      # two headings joined, or a known one joined to a short second (dev19 en_1901)
                      "|Working Conditions and Physical Effort|Location and Hours")
    + _cases("responsibilities", "Tasks and Responsibilities|Aufgaben und Verantwortung")
    + _cases("benefits", "Salary and Benefits")
    # wishes on top of the profile (dev20 de_2000): nice-to-haves, counted apart from the requirements
    + _cases("requirements", "Außerdem wünschen wir uns, wenn möglich:|Zusätzlich wünschen wir uns:")
    # what the employer expects of the candidate (dev20 en_2007: 'Expectations' over the profile)
    + _cases("requirements", "Expectations|Job Expectations|Unsere Erwartungen|Erwartungen an dich"),
)
def test_more_heading_kinds(line, kind):
    assert heading_kind(line) == kind


MORE_SPLIT_CASES = [
    (
        "board_chip_above_the_ad_opens_no_section",
        "Buchhalter\nBerufserfahrung\n€ 3.100 brutto/Monat\nvor 4 Tagen\n\n"
        "Die Muster GmbH baut seit vierzig Jahren Stahl- und Glaskonstruktionen für Industriebauten in Österreich.\n\n"
        "Dein Profil\n- Bilanzbuchhalterprüfung\n- Excel",
        {"requirements": ["Bilanzbuchhalterprüfung", "Excel"]},
    ),
    (
        "role_paragraph_then_task_bullets",
        "The role\nWe are building our DACH sales team in Hamburg and are looking for an Account Executive to win new "
        "customers in Germany, Austria and Switzerland.\n\nIn this role you will\n- Prospect and close\n- Run demos",
        {"responsibilities": ["Prospect and close", "Run demos"]},
    ),
    (
        "facts_box_under_a_company_heading_is_no_description",
        "Acme Health is a leading provider of scheduling software with 300 employees and customers in 12 countries.\n\n"
        "Your tasks\n- Build\n\nCompany overview\nSize: 51 to 200 Employees\nIndustry: Software",
        {"company_description": "Acme Health is a leading provider of scheduling software with 300 employees and "
                                "customers in 12 countries."},
    ),
    (
        "closing_paragraph_after_bare_line_items",
        "Wir bieten\nGleitzeit\n30 Urlaubstage\n\nHaben wir Ihr Interesse geweckt? Dann freuen wir uns auf Ihre Bewerbung.",
        {"benefits": ["Gleitzeit", "30 Urlaubstage"]},
    ),
    (
        "pay_heading_over_pay_and_perks_is_benefits",
        "Compensation\n- $140K – $170K base salary plus equity\n- Health, dental and vision insurance",
        {"benefits": ["$140K – $170K base salary plus equity", "Health, dental and vision insurance"]},
    ),
    (
        "pay_heading_over_one_figure_is_other",
        "Salary\n- 45.000 € im Jahr",
        {"benefits": []},
    ),
    (
        "indeed_structured_qualifications_repeat_the_profile",
        "Requirements:\n- At least 1 year of driving experience\n\nExperience:\n- Driving: 1 year (Required)",
        {"requirements": ["At least 1 year of driving experience"]},
    ),
    (
        "last_step_of_a_process_list_is_no_heading",
        "Recruitment process\n- Call with our recruiter\n- Case study\n- Offer\n\nThis offer is also published in French.",
        {"benefits": []},
    ),
    (
        "header_line_with_legal_form_is_not_the_company_paragraph",
        "Pegnitz Markt GmbH & Co. KG\n\nPegnitz Markt ist ein regionaler Lebensmittelhändler mit 48 Supermärkten.\n\n"
        "Ihre Aufgaben\n- Filiale führen",
        {"company_description": "Pegnitz Markt ist ein regionaler Lebensmittelhändler mit 48 Supermärkten."},
    ),
]


@pytest.mark.parametrize(("name", "document", "expected"), MORE_SPLIT_CASES, ids=[case[0] for case in MORE_SPLIT_CASES])
def test_split_sections_more_cases(name, document, expected):
    sections = split_sections(clean_text(document))
    for field_name, value in expected.items():
        assert getattr(sections, field_name) == value, field_name


def test_company_paragraph_found_by_the_employer_name():
    text = ("Elektriker\n\nDer Evangelische Kita-Verbund Breisgau e.V. ist Träger von 23 Einrichtungen.\n\n"
            "Ihre Aufgaben\n- Betreuung")
    assert split_sections(text).company_description is None  # one short sentence, no employer cue
    with_name = split_sections(text, company="Evangelischer Kita-Verbund Breisgau e.V.")
    assert with_name.company_description == "Der Evangelische Kita-Verbund Breisgau e.V. ist Träger von 23 Einrichtungen."


def test_company_paragraph_stops_before_the_vacancy_sentence():
    text = ("Frischmarkt Ruhr betreibt 31 Lebensmittelmärkte im Ruhrgebiet. Für unseren Markt in Bochum suchen wir "
            "freundliche Verstärkung.\n\nDeine Aufgaben:\n- Kasse")
    sections = split_sections(text, company="Frischmarkt Ruhr GmbH & Co. KG")
    assert sections.company_description == "Frischmarkt Ruhr betreibt 31 Lebensmittelmärkte im Ruhrgebiet."


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        ([("company", "About Lumen Atlas"), ("responsibilities", "What you'll do")], "Lumen Atlas"),
        ([("company", "Über die Muster GmbH")], "Muster GmbH"),
        ([("company", "About us")], None),
        ([("company", "Über uns")], None),
        ([("responsibilities", "About Lumen Atlas")], None),
    ],
)
def test_employer_from_headings(headings, expected):
    assert employer_from_headings(headings) == expected


def test_a_forms_checkbox_options_are_no_list_items():
    # dev20 de_2000 (a university's posting form under the ad): "- [ ] Dienstwagen" is an option to tick
    text = ("Wir bieten\n\n- Flexible Arbeitszeiten\n- Abwechslungsreiches Tätigkeitsfeld\n\n"
            "Vorteile für Mitarbeitende\n\n- [x] Flexible Arbeitszeiten\n- [ ] Dienstwagen\n- [ ] Obstkorb")
    assert split_sections(text).benefits == ["Flexible Arbeitszeiten", "Abwechslungsreiches Tätigkeitsfeld"]


def test_extra_wishes_are_not_counted_as_requirements():
    text = ("Ihr Profil\n\n- Immatrikulation an der Universität Hamburg\n- Gute Deutschkenntnisse\n\n"
            "Außerdem wünschen wir uns, wenn möglich:\n\n- Erste Erfahrungen mit Git\n- Programmierkenntnisse")
    assert split_sections(text).requirements == ["Immatrikulation an der Universität Hamburg", "Gute Deutschkenntnisse"]


@pytest.mark.parametrize(("line", "closing"), [
    # dev24 en_2408: a task that speaks of questions is no closing paragraph
    ("Serve as the connective tissue between engineering, design and other stakeholders, proactively communicating"
     " product questions and decisions.", False),
    ("Be the main point of contact for our customers in the DACH region and beyond.", False),
    ("If you have any questions about the role, please get in touch with our recruiting team.", True),
    ("Bei Fragen zur Stelle wenden Sie sich gern an Frau Müller aus der Personalabteilung.", True),
])
def test_a_closing_paragraph_speaks_to_the_reader(line, closing):
    from crawler.parsing.sections import _is_closing

    assert _is_closing(line) is closing


@pytest.mark.parametrize(("heading", "employer"), [
    ("About Our Stack", None),           # what the employer has (vele616 probe: urbantz)
    ("Über unsere Werte", None),
    ("About Lumen Atlas", "Lumen Atlas"),
])
def test_an_about_heading_names_the_employer_only_by_its_name(heading, employer):
    from crawler.parsing.headings import employer_from_headings, heading_kind

    kind = heading_kind(heading)
    assert employer_from_headings([(kind, heading)] if kind else []) == employer


@pytest.mark.parametrize(("text", "field", "items"), [
    # dev25 de_2506: the board lost the first item's dash
    ("Tester\n\nIhre Aufgaben umfassen zum Beispiel:\nEigenverantwortliche Steuerung von Systemtests\n"
     "- Umsetzung von Anforderungen\n- Planung von Testumgebungen\n", "responsibilities",
     ["Eigenverantwortliche Steuerung von Systemtests", "Umsetzung von Anforderungen", "Planung von Testumgebungen"]),
    # a lead sentence over the bullets is no item
    ("Koch\n\nWir bieten:\nEin tolles Team und mehr.\n- 30 Tage Urlaub\n- Jobrad\n", "benefits", ["30 Tage Urlaub", "Jobrad"]),
])
def test_a_first_item_without_its_dash(text, field, items):
    from crawler.parsing.posting import parse_document

    assert parse_document(text)[field] == items
