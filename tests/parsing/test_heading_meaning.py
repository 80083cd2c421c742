"""Headings read by shape and by the meaning of their words (issue 12, cause 1)."""

import pytest

from crawler.parsing.heading_meaning import heading_meaning, is_heading_shape
from crawler.parsing.sections import split_sections


@pytest.mark.parametrize(("line", "kind"), [
    # real headings from tests/real/dev (file named after each)
    ("Das finden Sie bei uns", "benefits"),  # dev23 de_2305_sb_plattenleger_malters.html
    ("Was du bei uns findest", "benefits"),
    ("Deine To-dos", "responsibilities"),
    ("Todos", "responsibilities"),
    ("We're looking for someone who will:", "responsibilities"),  # en_001_outreach_assistant_coop_cds.md
    ("You'll fit right in if:", "requirements"),  # en_001_outreach_assistant_coop_cds.md
    ("An excellent candidate will:", "requirements"),  # en_002_executive_assistant_cds.md
    ("An excellent candidate will be able to:", "requirements"),  # en_005_recruitment_administrator_cds.md
    ("Contribute your skills and experience", "requirements"),  # en_028_product_manager_cds.md
    ("Criteria", "requirements"),  # en_044_communications_lead_pybamm_numfocus.html
    ("Our humble expectations", "requirements"),  # en_026_store_manager_wolt_remoteok.html
    ("Qualitities", "requirements"),  # en_051_implementation_lead_solution_architect_holaplex.md (misspelt)
    ("What the role involves:", "responsibilities"),  # en_013_senior_platform_engineer_agency_seek.html
    # the headings issue 12 lists as failed on real ads
    ("What are we looking for in you?", "requirements"),
    ("Wichtig für uns ist:", "requirements"),
    ("Was sind meine Aufgaben?", "responsibilities"),
    ("Wen wir suchen", "requirements"),
    ("In diesen Bereichen wirst du arbeiten", "responsibilities"),
    ("You'll be a great addition to the team if you have:", "requirements"),
    ("At a minimum, you need to have:", "requirements"),
    ("**Die Aufgaben beinhalten:**", "responsibilities"),
    ("RESPONISIBILITIES:", "responsibilities"),
    ("The process", "other"),
    # what the job needs or would like of a person (controlf, dev11), in both languages
    ("Was notwendig ist", "requirements"),
    ("Was hilft und keine Bedingung ist", "requirements"),
    ("What is necessary:", "requirements"),
    ("Desirable", "requirements"),
    ("Working conditions", None),
    ("Bewerbungsprozess", "other"),
    ("Where You'll Be", "other"),  # tests/files/lever/real/spotify.json: the place, not tasks
    ("Where is the job?.........", "other"),  # en_064_temporary_office_support_leeds_community_homes.md
    # written edge cases
    ("Anforderugen", "requirements"),  # misspelt
    ("Why you will love it here", "benefits"),
    ("What you'll bring", "requirements"),  # "bring" outranks "you'll"
    ("Das bieten wir dir", "benefits"),
    ("Über uns", "company"),
    ("Über die Muster GmbH", None),  # "Muster" is not "must"
    ("Was dich erwartet", None),  # tasks or benefits: the items decide
    ("Provide product management leadership:", None),
    ("Standort:", "other"),  # a place heading
    ("Sie suchen einen neuen Job?", None),  # de_017_experis_junior_specialist_treasury.md: the reader searches
    # a German question puts the verb first (unibw dev13 de_1313: "<dt>Was erwarten wir:</dt>")
    ("Was erwarten wir:", "requirements"),
    ("Was bieten wir?", "benefits"),
    ("Wen suchen wir?", "requirements"),
    ("Was erwartet dich?", None),  # still the ambiguous one
    # a question before the heading: the last sentence names the section (trolley dev14 en_1417)
    ("Interested? We offer:", "benefits"),
    ("Sound good? Here is what you will do:", "responsibilities"),
    ("Interested? Apply now!", "other"),
])
def test_heading_meaning(line, kind):
    assert heading_meaning(line) == kind


@pytest.mark.parametrize(("line", "next_is_bullet", "shaped"), [
    ("Wichtig für uns ist:", False, True),
    ("What are we looking for in you?", False, True),
    ("## Contribute your skills and experience", False, True),  # en_028_product_manager_cds.md
    ("RESPONSIBILITIES", False, True),
    ("Criteria", True, True),  # a list right below
    ("Criteria", False, False),
    ("The tasks we need covered……..", False, True),  # en_064_temporary_office_support_leeds_community_homes.md
    ("Where is the job?.........", False, True),  # en_064: trailing dots mark a heading as a colon does
    ("- Baseline:", True, False),  # a bullet is no heading line (see the sub-heading rule)
    ("We are a team of people who care about the work. Join us.", True, False),  # a sentence
    ("Du hast eine Leidenschaft für anspruchsvolle analytische Aufgaben und kannst dich in andere "
     "Geschäftsmodelle hineindenken?", False, False),  # de_005: a long question is prose
])
def test_heading_shape(line, next_is_bullet, shaped):
    assert is_heading_shape(line, next_is_bullet=next_is_bullet) is shaped


def _lists(text):
    sections = split_sections(text)
    return sections.responsibilities, sections.requirements, sections.benefits


def test_unknown_headings_split_tasks_from_profile():
    # en_001_outreach_assistant_coop_cds.md
    text = ("The Outreach Team at CDS tells the stories of the services we help build.\n\n"
            "We're looking for someone who will:\n\n"
            "- Coordinate and contribute to our team's meetings.\n"
            "- Provide a wide range of organizational and administrative support.\n\n"
            "You'll fit right in if:\n\n"
            "- Your default mode is open, friendly, and collaborative.\n"
            "- You like to learn new things and help people out.\n")
    tasks, profile, benefits = _lists(text)
    assert tasks == ["Coordinate and contribute to our team's meetings.",
                     "Provide a wide range of organizational and administrative support."]
    assert profile == ["Your default mode is open, friendly, and collaborative.",
                       "You like to learn new things and help people out."]
    assert benefits == []


def test_bulleted_sub_headings_are_not_items():
    text = ("Requirements:\n- Baseline:\n- Python\n- SQL\n- Extra Credit:\n- Rust\n\n"
            "Your tasks:\n- Build pipelines\n- Review code\n")
    tasks, profile, _ = _lists(text)
    assert profile == ["Python", "SQL", "Rust"]
    assert tasks == ["Build pipelines", "Review code"]


def test_process_steps_do_not_land_in_the_profile():
    text = ("What you bring:\n- 3 years of Go\n- Kubernetes\n\n"
            "## The process\n- Intro call\n- Technical interview\n- Offer\n")
    _, profile, _ = _lists(text)
    assert profile == ["3 years of Go", "Kubernetes"]


def test_items_reading_as_an_absent_section_take_its_kind():
    # de_005_sinnerschrader_senior_web_analyst.md: "erwarten" was read as a profile heading
    text = ("### Das kannst du bei uns erwarten:\n\n"
            "- Du betreust in einem Team end-to-end Analyticsprojekte\n"
            "- Du kümmerst Dich um Datenqualität und erweiterst bestehende Implementierungen\n"
            "- Du unterstützt unsere Kunden mit Analysen in Adobe oder Google Analytics\n"
            "- Du bereitest Insights in Dashboards und Präsentationen auf\n"
            "- Du hast keine Angst über den Tellerrand zu schauen und berätst unsere Kunden\n\n"
            "### Das bieten wir:\n\n- Spannende und innovative Projekte\n- Fachliche Weiterentwicklung\n")
    tasks, profile, benefits = _lists(text)
    assert len(tasks) == 5 and tasks[0].startswith("Du betreust")
    assert profile == []
    assert benefits == ["Spannende und innovative Projekte", "Fachliche Weiterentwicklung"]


def test_a_task_list_above_the_first_heading_fills_the_empty_task_section():
    # en_039_open_source_community_manager_opendp_numfocus.html
    text = ("OpenDP is an open-source initiative for building libraries and tools.\n\n"
            "- Plan and execute strategies to grow a diverse, inclusive open-source community\n"
            "- Engage with stakeholders within and outside the OpenDP community\n"
            "- Coordinate community events and manage communication\n\n"
            "Basic Qualifications\n- Minimum of two years' post-secondary education or relevant work experience\n")
    tasks, profile, _ = _lists(text)
    assert tasks[0].startswith("Plan and execute strategies") and len(tasks) == 3
    assert profile == ["Minimum of two years' post-secondary education or relevant work experience"]


def test_a_leading_ellipsis_is_not_part_of_an_item():
    # de_007_avancarte_ausbildung_lagerlogistik.md
    text = "Das bringst du mit:\n- ... mindestens einen guten Hauptschulabschluss\n- … Teamgeist\n"
    _, profile, _ = _lists(text)
    assert profile == ["mindestens einen guten Hauptschulabschluss", "Teamgeist"]


def test_a_wish_heading_adds_nothing_to_an_existing_profile():
    # en_008_ui_ux_interaction_designer_collabora.md
    text = ("Requirements:\n- Degree in design or equivalent experience\n- A strong portfolio\n\n"
            "Desirable but not required skills\n- CSS experience, some JavaScript knowledge\n- git experience\n\n"
            "What we offer:\n- A fun and growing team\n")
    _, profile, benefits = _lists(text)
    assert profile == ["Degree in design or equivalent experience", "A strong portfolio"]
    assert benefits == ["A fun and growing team"]


@pytest.mark.parametrize(("text", "benefits"), [
    ("Das bieten wir:\n🌴 30 Tage Urlaub und flexible Arbeitszeiten für alle im Team\n\nKontakt\n",
     ["30 Tage Urlaub und flexible Arbeitszeiten für alle im Team"]),  # a lone emoji-led line
    ("What we offer\n\n**Flexible hours** – work when you work best.\n\n**30 days of holiday** – plus your birthday.\n",
     ["Flexible hours – work when you work best.", "30 days of holiday – plus your birthday."]),  # bold-lead paragraphs
])
def test_emoji_and_bold_lead_benefit_lines_are_items(text, benefits):
    from crawler.parsing.text import clean_text
    assert _lists(clean_text(text))[2] == benefits


def test_an_unlabelled_list_is_not_swallowed_by_the_section_above():
    # en_040_xarray_community_developer_earthmover_numfocus.html
    text = ("You're a great fit if you\n"
            "- Have experience developing open source projects in the Scientific Python ecosystem\n"
            "- Have a passion for seeing community software projects thrive.\n\n"
            "Our open source stack:\n"
            "- Xarray is the focus of this hire.\n"
            "- Zarr is a community developed data format for chunked arrays.\n\n"
            "Benefits:\n- Company equity\n- 20 days of PTO annually\n")
    _, profile, benefits = _lists(text)
    assert profile == ["Have experience developing open source projects in the Scientific Python ecosystem",
                       "Have a passion for seeing community software projects thrive."]
    assert benefits == ["Company equity", "20 days of PTO annually"]


def test_a_line_opening_with_a_section_key_word_heads_its_list():
    # de_037_randstad_data_engineer_python_frankfurt.md
    text = ("Aufgaben:\n- Weiterentwicklung unserer Datenstrategie\n- Entwicklung von Schnittstellen\n"
            "Anforderungen must have, sind zwingend erforderlich auch in Jahren und müssen in den Projekten "
            "aufgeführt sein!\n- Umfangreiche Erfahrung in der Python Programmierung\n- Erfahrung mit Kubernetes\n"
            "Anforderungen nice to have:\n- Erfahrung mit Lambda\n")
    tasks, profile, _ = _lists(text)
    assert tasks == ["Weiterentwicklung unserer Datenstrategie", "Entwicklung von Schnittstellen"]
    assert profile == ["Umfangreiche Erfahrung in der Python Programmierung", "Erfahrung mit Kubernetes"]
