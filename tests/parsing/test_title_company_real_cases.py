"""Titles and employers as real ads write them (tests/real/dev, issue 12), next to cases written to
pin an edge. Real cases name their ad file in tests/real/dev (provenance in tests/real/SOURCES.md).

Gender forms: the real annotations mostly drop them from ``title`` ("Geschäftsführer:in" ->
"Geschäftsführer", "Entwickler*in" -> "Entwickler", "Mitarbeiter:in" -> "Mitarbeiter": seven
dev ads), as tests/gold/README.md does; four dev ads keep them ("Mediengestalter:in",
"Werkstudent:in", "Pflegefachmann/-frau", "TesterIn"). The parser follows the majority and the
written convention, so those four stay counted as errors.
"""

import pytest
from lxml import html as lxml_html

from crawler.parsing.employer import clean_company_name, company_in_text, is_agency_ad
from crawler.parsing.employer_name import legal_name_in_text, maker_in_text
from crawler.parsing.markdown_text import first_title_heading, split_front_matter
from crawler.parsing.page import fields_from_page, heading_text, site_employer
from crawler.parsing.title import clean_title, names_a_vacancy
from crawler.parsing.title_facts import split_title_facts
from crawler.parsing.title_in_text import role_from_hiring_sentence, role_from_joined_line


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
    # a German word for the ad itself over the role, no separator needed (dev5 de_506/de_519, dev16 de_1600)
    ("Stellenausschreibung Erzieher", None, "Erzieher"),
    # the German hiring sentence as the title (dev23 de_2305, a Swiss tiler's page)
    ("Wir suchen Plattenleger", None, "Plattenleger"),
    ("Wir suchen dich als Koch (m/w/d)", None, "Koch"),
    ("Wir suchen Verstärkung", None, "Wir suchen Verstärkung"),
    ("Stellenanzeige Organisationsassistenz", None, "Organisationsassistenz"),
    ("Stellenausschreibungsmanager", None, "Stellenausschreibungsmanager"),
    ("Stellenausschreibung für Pflegekräfte", None, "Stellenausschreibung für Pflegekräfte"),
    ("Wanted: Barista", None, "Barista"),
    ("Hiring Manager", None, "Hiring Manager"),
    ("Position-Manager", None, "Position-Manager"),
    ("Mini Job", None, "Mini Job"),
    ("Engineer - Data", "Data Corp", "Engineer - Data"),
    ("Engineer @ Data", "Data Corp", "Engineer"),
    ("Elektriker für Gebäudetechnik gesucht!", None, "Elektriker für Gebäudetechnik gesucht!"),
    # Found by the stability property: removing one marker exposes another.
    ("Senior ( (m/w/d)*in)", None, "Senior"),
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


def test_front_matter_german_keys():
    document = "---\ntitel: Koch\nfirma: Gasthaus Krone GmbH\narbeitsort: Freiburg\n---\n\nText\n"
    assert split_front_matter(document).fields == {"title_raw": "Koch", "company": "Gasthaus Krone GmbH",
                                                   "location_raw": "Freiburg"}


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
    # de_073: the applicant is offered many employers.
    ("Bewerben Sie sich jetzt bei Unikat und profitieren Sie von interessanten Arbeitgebern.", True),
    ("Sie arbeiten im Einsatz bei unseren Kundenunternehmen in der Region.", True),
    ("Wir gehören zu den beliebtesten Arbeitgebern der Region.", False),
    # airbytehq/airbyte recruiter.md (dev4 en_436): the candidate's past, agencies in general.
    ("Bring technical and technology sourcing experience from an in-house recruiting team or a recruiting agency.",
     False),
    # Written: the poster names itself a staffing firm, as the subject or in apposition.
    ("As a staffing firm, we place nurses in clinics across Ohio.", True),
    ("Posted by a recruitment agency on behalf of a hospital.", True),
    # Written: compared with an agency, the employer is none.
    ("We hire directly rather than through a staffing firm.", False),
])
def test_agency_disclaimers(text, expected):
    assert is_agency_ad(text) is expected


# Pages without structured data (crawler/parsing/page.py).

@pytest.mark.parametrize(("markup", "expected"), [
    # en_059: the date span is glued to the title and set apart by the stylesheet.
    ('<h1 class="banner__h1">Stores Person<span class="banner__h1--date">Date posted: 21/12/2020</span></h1>',
     "Stores Person | Date posted: 21/12/2020"),
    # de_069: a spaced span stays part of the line.
    ('<h3>Kfz-Meister/Serviceberater <span class="job-mwd">(m/w/d)</span></h3>', "Kfz-Meister/Serviceberater (m/w/d)"),
    ("<h1>Senior<br>Data Engineer</h1>", "Senior | Data Engineer"),
    ("<h1>Senior <em>Data</em> Engineer</h1>", "Senior Data Engineer"),
])
def test_heading_text(markup, expected):
    assert heading_text(lxml_html.fragment_fromstring(markup)) == expected


@pytest.mark.parametrize(("page", "title_raw"), [
    # de_065: the <h1> is a slogan, the ad's <h2> carries the gender marker.
    ("<body><h1>Wir suchen Verstärkung</h1><article><h2>Hörgeräteakustiker Meister (m/w/d)</h2>"
     "<p>Text</p></article></body>", "Hörgeräteakustiker Meister (m/w/d)"),
    # en_061: the <h1> names the page, the <h2> the role; section headings are no title.
    ("<body><h1>Jobs</h1><h2>Front-end Engineer</h2><h3>About You</h3></body>", "Front-end Engineer"),
    ("<body><h1>Karriere</h1><h2>Ihre Aufgaben</h2><h2>Koch (m/w/d)</h2></body>", "Koch (m/w/d)"),
    # An <h1> naming the role wins; an <h1> of words the role vocabulary lacks gives way only to a
    # gender-marked heading, not to a lower heading with a role word.
    ("<body><h1>Data Engineer</h1><h2>Sales Manager (m/w/d)</h2></body>", "Data Engineer"),
    ("<body><h1>Bäckereifachverkäuferin</h1><h2>Marketing &amp; Vertrieb</h2></body>", "Bäckereifachverkäuferin"),
    # The employer's name as <h1> over its ad.
    ("<body><h1>Muster GmbH</h1><h2>Software Engineer</h2><p>x</p></body>", "Software Engineer"),
])
def test_page_title_heading(page, title_raw):
    assert fields_from_page(page)["title_raw"] == title_raw


@pytest.mark.parametrize(("head", "body", "expected"), [
    # de_069: "Karriere bei <employer> in <place>" in the <title>.
    ("<title>Stellenangebote — Karriere bei Autohaus Pufahl in Lengerich</title>", "<p>Text</p>", "Autohaus Pufahl"),
    # de_065: og:site_name the ad also names.
    ('<meta property="og:site_name" content="Hoffnungsohr"><title>Stellenangebote</title>',
     "<p>Werden Sie Teil des Hoffnungsohr-Teams.</p>", "Hoffnungsohr"),
    # en_061: a bare-name <title> the ad names.
    ("<title>HealthUnlocked</title>", "<p>We are HealthUnlocked.</p>", "HealthUnlocked"),
    # A board's name does not recur in the ad.
    ('<meta property="og:site_name" content="Jobboard24"><title>Koch (m/w/d)</title>', "<p>Wir kochen.</p>", None),
    ("<title>Jobs at Acme | Senior Engineer</title>", "<p>Text</p>", "Acme"),
    # A role beside a short name the ad repeats (written edge).
    ("<title>Senior Engineer - Acme</title>", "<h1>Senior Engineer</h1><p>Acme builds rockets.</p>", "Acme"),
    # a board and its site after the role are no employer, though the page names them (dev12 en_1200)
    ("<title>Head of Policy Research - Civil Service Jobs - GOV.UK</title>",
     "<p>House of Lords</p><p>Search Civil Service Jobs on GOV.UK.</p>", None),
    ('<meta property="og:site_name" content="NHS Jobs"><title>Staff Nurse</title>', "<p>Apply on NHS Jobs.</p>", None),
    # a board named after the field it serves, and its region (dev16 en_1613)
    ("<title>Teacher of Psychology - Jobs in Schools | North East</title>",
     "<p>Schools in the North East of England.</p>", None),
    ("<title>Erzieher (m/w/d) - Stellen im Sozialwesen | Sachsen</title>", "<p>Kitas in Sachsen.</p>", None),
    # the second part of a title that the ad writes again only as the role's region, tools or team is no
    # employer (Arbeitnow API answers, MoaviaMahmood/Arbeitnow-Jobs-ETL-Pipeline)
    ("<title>Account Executive - DACH</title>", "<h1>Account Executive - DACH</h1><p>Du betreust Kunden in der"
     " DACH-Region. Sendcloud ist eine Versandplattform.</p>", None),
    ("<title>Software Developer - Java, Groovy</title>", "<p>Du entwickelst mit Java und Groovy.</p>", None),
    ("<title>Operations Specialist - Procurement</title>", "<p>You will own Procurement for our offices.</p>", None),
    # ... while a municipality named by its kind is an organisation (dev16 de_1608)
    ("<title>Sachbearbeiter Baucontrolling (m/w/d) - Stadt Halle (Saale)</title>",
     "<p>Die Stadt Halle (Saale) sucht eine Fachkraft.</p>", "Stadt Halle (Saale)"),
])
def test_site_employer(head, body, expected):
    tree = lxml_html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    assert site_employer(tree, "\n".join(tree.body.itertext())) == expected


def test_a_title_repeated_as_page_title_is_no_employer():
    page = ("<html><head><title>Bäckereifachverkäuferin</title></head><body><h1>Bäckereifachverkäuferin</h1>"
            "<p>Als Bäckereifachverkäuferin verkaufst du Brot.</p></body></html>")
    assert "company" not in fields_from_page(page)


def test_menu_entries_are_no_header_slots():
    # en_066 (Work in Denmark): a menu link "Employers" with class "nav-primary-employer".
    page = ('<body><form id="form1"><div class="navbar"><ul class="nav"><li><a class="menu-lvl-1 '
            'nav-primary-employer" href="/Employer">Employers</a></li></ul></div>'
            '<h1>Warehouse Team Lead</h1><h2>Hobbii A/S</h2><p>We are Hobbii.</p></form></body>')
    assert "company" not in fields_from_page(page)


@pytest.mark.parametrize("classes", [
    "text-company-secondary hover:bg-company-secondary",  # a theme's colours (dev22 en_2215, Teamtailor)
    "font-company-header text-4xl",
    "lined-background lined-background--company",  # a BEM modifier
])
def test_style_classes_naming_the_company_theme_are_no_slots(classes):
    page = (f'<html><head><title>Platform Engineer - Arqh AG</title></head><body><main><h1 class="{classes}">'
            'Platform Engineer</h1><h2 class="{classes}">Personal information</h2><p>Arqh AG builds tools.</p></main></body></html>')
    page = page.replace("{classes}", classes)
    assert fields_from_page(page).get("company") == "Arqh AG"


@pytest.mark.parametrize("page_part", [
    # dev23 de_2306/de_2307 (Elektro Seifert): named only in the page's title, description and copyright line
    '<meta name="description" content="Elektro Seifert bietet einen Ausbildungsplatz als Elektroniker.">',
    "<footer><span>© 2026 Elektro Seifert. Alle Rechte vorbehalten.</span></footer>",
])
def test_the_page_s_description_or_copyright_names_the_site_s_employer(page_part):
    head, foot = (page_part, "") if page_part.startswith("<meta") else ("", page_part)
    page = (f"<html><head><title>Ausbildung zum Elektroniker (m/w/d) – Elektro Seifert</title>{head}</head><body>"
            "<main><h1>Ausbildung zum Elektroniker (m/w/d)</h1><p>Du lernst bei Elektro Seifert alles über"
            f" Gebäudetechnik.</p></main>{foot}</body></html>")
    assert fields_from_page(page)["company"] == "Elektro Seifert"


@pytest.mark.parametrize(("link", "company"), [
    ("View more about Lipscore.com", "Lipscore.com"),  # dev21 en_2109 (The Hub): a link to the employer's page
    ("Mehr über Muster GmbH", "Muster GmbH"),
    ("Muster GmbH", "Muster GmbH"),
])
def test_a_company_link_s_call_to_action_is_no_part_of_the_name(link, company):
    page = (f'<html><body><main><h1>Head of Sales</h1><p class="view-company"><a href="/c/1">{link}</a></p>'
            "<p>We sell ratings.</p></main></body></html>")
    assert fields_from_page(page)["company"] == company


def test_a_company_slot_is_still_read():
    page = ('<html><body><main><h1>Platform Engineer</h1><div class="job-header__company">Arqh AG</div>'
            "<p>We build tools.</p></main></body></html>")
    assert fields_from_page(page)["company"] == "Arqh AG"


def test_body_wide_ads_lose_menus_and_footers():
    # en_061: <body role="main"> holds navbar, side menu, ad and sitemap footer.
    page = ('<html><head><title>HealthUnlocked</title></head><body role="main"><div class="navbar">Sign in</div>'
            '<ul class="sidenav"><li>Blog</li></ul><h1>Jobs</h1><h2>Front-end Engineer</h2>'
            "<p>We are HealthUnlocked and we build things for patients and their communities.</p>"
            '<div class="footer hu-main-footer"><a>Start a community</a><a>Follow us on Twitter</a></div>'
            "</body></html>")
    description = fields_from_page(page)["description"]
    assert "We are HealthUnlocked" in description
    assert "Start a community" not in description and "Follow us" not in description
    assert "sidenav" not in description


# The employer named in the ad's sentences (crawler/parsing/employer.py).

@pytest.mark.parametrize(("text", "expected"), [
    # en_002 / en_028: a name defined with its abbreviation, whatever the verb.
    ("The Canadian Digital Service (CDS) is tasked with changing how the government delivers services.",
     "Canadian Digital Service"),
    ("The Quarterly Report (XYZ) is due.", None),  # the abbreviation must be the initials: written edge
    # de_052: a camel-cased name with a lower-case legal form.
    ("Wir suchen dich.\n\nÜber uns\n\nDie openSenseLab gGmbH ist eine gemeinnützige Einrichtung aus Münster.",
     "openSenseLab gGmbH"),
    # en_010: "Within <organisation>, the … team".
    ("Within NYC Opportunity, the Enterprise Data Solutions team takes innovative approaches.", "NYC Opportunity"),
    # en_017: a paragraph opening with a legal name and a verb.
    ("We hired from HN before.\n\nKlara Inc. provides development focused on open source software.", "Klara Inc."),
    # en_063: a one-word name under an "About Us" heading.
    ("We're looking for a Data Scientist.\n\nAbout Us\n\nHealthUnlocked is the UK's fastest-growing social network.",
     "HealthUnlocked"),
    # dev5 de_506 (DENOG, Jekyll post): under "Über DENOG e.V." the paragraph says "DENOG ist …"; the name is
    # given as the ad writes it in full.
    ("PDF Download\n\nÜber DENOG e.V.\n\nDENOG ist eine Community für Menschen, die am Internet in Deutschland "
     "forschen.", "DENOG e.V."),
    # en_064: "<name> needs …" when the name recurs.
    ("Leeds Community Homes needs some help in the office. Leeds Community Homes is a land trust.",
     "Leeds Community Homes"),
    ("Python is a language we like. We need help.", None),
    # dev4 en_422 (the31337/jobs after-school/fullstack-engineer.md): under "Company Overview" the name
    # opens the paragraph with any verb of the third person.
    ("Fullstack Engineer\n\nCompany Overview\n\nAfter School fosters fun and creative online and offline experiences "
     "for America's teens.", "After School"),
    # Written: a modal after a plural is no subject naming the employer.
    ("Fullstack Engineer\n\nCompany Overview\n\nCandidates must be based in Denver.", None),
    # Written edges: a preposition or a German article is not part of the name.
    ("Text hier.\n\nBei Acme GmbH arbeiten 20 Leute.", None),
    ("Die Muster Bau GmbH ist ein Bauunternehmen.", "Muster Bau GmbH"),
])
def test_company_in_text_real_sentences(text, expected):
    assert company_in_text(text) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("Klinikum Altmu\u0308hlfranken", "Klinikum Altmühlfranken"),  # de_011: decomposed umlaut on the page
    ("at  Acme", "Acme"),
])
def test_clean_company_name_composes_unicode(name, expected):
    assert clean_company_name(name) == expected


# The title read from the ad's text when no line states it (crawler/parsing/title_in_text.py).

@pytest.mark.parametrize(("line", "expected"), [
    # en_016 (Hacker News "Who is hiring")
    ("The General Intelligence Company | Senior Product Engineer | Build the OS for Autonomous Agents | "
     "Full-Time | NYC | $260K - $300K + 0.3-0.41% Equity | cofounder.co",
     ("Senior Product Engineer", "The General Intelligence Company")),
    # en_017: a domain before the role is no employer name.
    ("klarasystems.com | OpenZFS Developer | REMOTE | Full-time Contract", ("OpenZFS Developer", None)),
    # en_014: no role in the line.
    ("Goody | Remote | $170-230K + equity and benefits | Full-time", (None, None)),
    ("Senior Engineer | Acme", (None, None)),  # two parts: a title line, read elsewhere
])
def test_role_from_joined_line(line, expected):
    assert role_from_joined_line(line) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # en_014, en_023, en_025, en_026
    ("Goody is hiring a full-stack Senior Software Engineer who likes to ship.", "Senior Software Engineer"),
    ("Coalition Technologies is seeking a reliable, detail-oriented, and highly organized Remote Office "
     "Assistant to support administrative tasks.", "Remote Office Assistant"),
    ("Our client is looking for a Brand Protection & Marketplace Compliance Analyst to monitor listings.",
     "Brand Protection & Marketplace Compliance Analyst"),
    ("We are now searching for a full time Store Manager to lead our store in Qormi, Malta.", "Store Manager"),
    ("Acme seeks an experienced Data Engineer to build pipelines.", "Data Engineer"),
    ("Join our growing team as a Senior Backend Developer and help us.", "Senior Backend Developer"),
    ("As a Product Designer at Acme, you will shape things.", "Product Designer"),
    ("Zur Verstärkung suchen wir dich als Elektroniker (m/w/d) in Vollzeit.", "Elektroniker"),
    ("As we grow, we need people.", None),
    # Written edges.
    ("Wir suchen ab sofort eine/n Pflegefachkraft (m/w/d) für unser Team.", "Pflegefachkraft"),
    ("We are looking for people who love Python.", None),
    ("Acme is hiring in Berlin. Great Team.", None),
])
def test_role_from_hiring_sentence(text, expected):
    assert role_from_hiring_sentence(text) == expected


# A source's employer name set right by the ad (crawler/parsing/employer_name.py).

@pytest.mark.parametrize(("name", "text", "expected"), [
    # de_039: the brand in the front matter, the legal entity in the text.
    ("SinnerSchrader", "eine Assistenz für den Betriebsrat der SinnerSchrader Deutschland GmbH in Teilzeit.",
     "SinnerSchrader Deutschland GmbH"),
    # en_069: only a legal form added: the same entity, the stated name stands.
    ("Partners Capital", "Partners Capital LLP is an independent investment advisory firm.", None),
    ("Acme GmbH", "Acme GmbH Deutschland AG", None),
    ("Acme", "Acme hires.", None),
])
def test_legal_name_in_text(name, text, expected):
    assert legal_name_in_text(name, text) == expected


@pytest.mark.parametrize(("stated", "text", "expected"), [
    # en_008, en_007: a project board states the product; the ad names its maker.
    ("Collabora Online", "Collabora Productivity build Collabora Online - an open source suite.",
     "Collabora Productivity"),
    ("Canonical design system", "Building and evolving Canonical’s design system, ensuring adoption.", "Canonical"),
    ("Acme", "We build Acme.", None),
    ("Acme", "Acme builds tools.", None),
])
def test_maker_in_text(stated, text, expected):
    assert maker_in_text(stated, text) == expected


@pytest.mark.parametrize(("front_matter", "expected"), [
    # en_053, en_069 (pythonjobs.github.io): "created", also with a YAML tag on a quoted date.
    ("created: !!timestamp '2016-09-15'", "2016-09-15"),
    ("created: 2018-06-27", "2018-06-27"),
    # de_064: "publishDate"
    ("publishDate: 2025-10-20T21:32:43.810Z", "2025-10-20"),
])
def test_front_matter_date_keys(front_matter, expected):
    fields = split_front_matter(f"---\ntitle: Koch\n{front_matter}\n---\n\nText\n").fields
    assert fields["date_posted_raw"][:10] == expected
