"""Tests for crawler.parsing.header: the short lines above an ad's body."""

import pytest

from crawler.parsing.header import looks_like_job_title, read_header

BODY = "\n\nThe company builds software for hospitals and clinics in twelve countries and employs 400 people."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare label and its value on the next line (Arbeitsagentur, Indeed's job details).
        ("Berufskraftfahrer (m/w/d)\nRheinport Transport GmbH\nArbeitsort\n47059 Duisburg\nVertragsart\n"
         "Unbefristeter Arbeitsvertrag" + BODY,
         {"title": "Berufskraftfahrer (m/w/d)", "company": "Rheinport Transport GmbH", "location": "47059 Duisburg",
          "terms": ["Unbefristeter Arbeitsvertrag"]}),
        # The gender colon is not a label.
        ("Produktmanager:in (all genders) Mobile Banking\nHanseatische Direktbank AG · Hamburg · vor 4 Tagen" + BODY,
         {"title": "Produktmanager:in (all genders) Mobile Banking", "company": "Hanseatische Direktbank AG",
          "location": "Hamburg", "date": "vor 4 Tagen"}),
        # A dash before a postal code separates the employer from the place.
        ("Elektroniker (m/w/d)\nBrandt Anlagenbau GmbH – 33602 Bielefeld\nVollzeit" + BODY,
         {"company": "Brandt Anlagenbau GmbH", "location": "33602 Bielefeld", "terms": ["Vollzeit"]}),
        # "Remote (Germany)" is a work mode and a country.
        ("Head of Engineering\nQuillstone Labs GmbH\nRemote (Germany) · Full-time" + BODY,
         {"location": "Remote (Germany)", "terms": ["Remote (Germany)", "Full-time"]}),
        # An organisation word vouches for an employer without a legal form.
        ("Planning Officer\nAshvale District Council\nSalary: £33,366 - £36,124 per annum" + BODY,
         {"company": "Ashvale District Council", "salary": "£33,366 - £36,124 per annum"}),
        # German names the kind of organisation last in a compound (karriere.at row, dev14 de_1400).
        ("Data Engineer (m/w/d)\nNiederrheinischer Sparkassenverband\nWien" + BODY,
         {"company": "Niederrheinischer Sparkassenverband", "location": "Wien"}),
        # The role, a long dash, an organisation that says it is one (dev15 en_1510); a team after the dash is none.
        ("Lead Site Reliability Engineer — Cancer Research UK (CRUK)\nStratford, England" + BODY,
         {"company": "Cancer Research UK"}),
        ("Pflegefachkraft – Klinikum Nord\nHamburg" + BODY, {"company": "Klinikum Nord"}),
        ("Backend Engineer (Go) — Payments Platform\nRemote (EU)" + BODY, {"company": None}),
        # The kind of employer as the label (dev16: a UK school-jobs board's facts list).
        ("Teacher of Psychology\nSchool: Kings Priory School\nLocation: North Tyneside" + BODY,
         {"company": "Kings Priory School", "location": "North Tyneside"}),
        ("Erzieher (m/w/d)\nTräger: Kinderland Sachsen e.V.\nOrt: Leipzig" + BODY,
         {"company": "Kinderland Sachsen e.V.", "location": "Leipzig"}),
        # A shift is a term, not an employer.
        ("Registered Nurse - ICU\nSaguaro Valley Medical Center\nFull-time · Night shift" + BODY,
         {"company": "Saguaro Valley Medical Center", "terms": ["Full-time", "Night shift"]}),
        # An employer named again in the ad is trusted without a legal form.
        ("Delivery Driver\nLone Star Pharmacy Delivery\nDallas, TX 75247\n\n"
         "Lone Star Pharmacy Delivery delivers prescriptions to patients' homes across Dallas County.",
         {"company": "Lone Star Pharmacy Delivery", "location": "Dallas, TX 75247"}),
    ],
)
def test_read_header(text, expected):
    header = read_header(text)
    for name, value in expected.items():
        assert getattr(header, name) == value, name


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # the31337/jobs glint/associate-systems-engineer.md (dev4 en_402): a section heading above the
        # body is no employer because "quick learner" repeats its first word in lower case.
        ("Redwood City, CA\n\nQuick Summary\n\nGlint is a rapidly growing software and analytics company.\n\n"
         "What we look for\n- quick learner\n- team player", None),
        # the31337/jobs pix-system/tools-internal-engineer.md (dev4 en_404): "Tools / Internal Engineer" is
        # a title, and "DevOps tools" in lower case does not back "Tools" as an employer.
        ("Tools / Internal Engineer\nSan Francisco, CA\n\nQuick Summary\nPIX System is a growing company.\n"
         "- Docker, Vagrant, Chef, and other DevOps tools", None),
        # Written: a name spelt again as written is backed.
        ("Data Engineer\nBrightwave Analytics · Leeds\n\nBrightwave Analytics builds dashboards for councils.",
         "Brightwave Analytics"),
        # Written: a perk line is not backed by the perk written again in lower case.
        ("Senior Developer\nFlexible Hours · Berlin\n\nWe offer flexible hours and a flexible budget.", None),
    ],
)
def test_header_company_is_backed_by_its_own_spelling(text, company):
    assert read_header(text).company == company


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senior Accountant", True),
        ("Pflegefachkraft Intensivstation", True),
        ("Lone Star Pharmacy Delivery", False),
        ("Ashvale District Council", False),
        # A role word that only opens a longer word names no role (the compound's head is its last part):
        # the employers 'Leadfeeder' and 'Headforwards' of vele616 and pythonjobs ads.
        ("Leadfeeder", False),
        ("Headforwards", False),
        ("Salesforce", False),
        ("Fahrerlaubnis", False),
        # ... while its inflections, feminine forms and adjectives still do, as does a role closing a word
        ("Leiterin", True),
        ("Managerinnen", True),
        ("Teamleitung", True),
        ("Managerial", True),
    ],
)
def test_looks_like_job_title(text, expected):
    assert looks_like_job_title(text) is expected


@pytest.mark.parametrize(("line", "place"), [
    ("Start Date of October 2019.", None),   # a year is no postal code of an unknown town (dev11 en_1121)
    ("Basic information", None),  # 'Basic' is only an old name of Henderson, Nevada (dev11 en_1101)
    ("Columbus, OH 43215", "Columbus, OH 43215"),
    ("8048 Zürich", "8048 Zürich"),
])
def test_a_year_after_words_is_no_place_line(line, place):
    assert read_header(f"Senior Full Stack Developer\n\n{line}" + BODY).location == place


@pytest.mark.parametrize(("line", "location"), [
    ("Full-time, Oslo", "Oslo"),  # dev21 en_2109 (The Hub): terms and the town, joined by a comma
    ("Vollzeit, Teilzeit", None),
    ("Full-time, Permanent", None),
])
def test_a_terms_line_may_end_with_the_town(line, location):
    header = read_header(f"Head of International Sales\n\n{line}\n\nWe sell ratings and reviews across Europe.")
    assert header.location == location


@pytest.mark.parametrize(("text", "title"), [
    # dev23 en_2313 (Eurest paste): a longer label naming the title; the next label line is no title
    ("Position Title: Director of Operational Performance\n\nSalary: $130000 - $150000 / yr\n\n"
     "Other Forms of Compensation: Annual Bonus - up to 30%\n\nAs the leader in dining, we grow.",
     "Director of Operational Performance"),
    ("Stellenbezeichnung: Elektroniker für Betriebstechnik\n\nWir bieten einen sicheren Arbeitsplatz.",
     "Elektroniker für Betriebstechnik"),
])
def test_a_label_ending_in_title_names_the_title(text, title):
    assert read_header(text).title == title
