"""Titles and places on board pages, found by parsing files of numfocus/jobs-board and
opensourcedesign/jobs that no corpus part holds (issue 12): "Organisation / Role" headers whose role
has no word of the role list, badge tooltips read before the title, a label before a place value,
a front-matter title replaced by a body line that is a link."""

from datetime import datetime, timezone

import pytest

from crawler.parsing.header import read_header
from crawler.parsing.location import parse_location
from crawler.parsing.posting import parse_document
from crawler.parsing.title_facts import hiring_organisation_prefix, organisation_prefix

ORGANISATION_CASES = [
    ("Quansight / PyData maintainer", ("PyData maintainer", "Quansight")),
    ("Kitware / Medical Image Analysis Researcher", ("Medical Image Analysis Researcher", "Kitware")),
    ("Unitary Fund / Chief of Staff", ("Chief of Staff", "Unitary Fund")),
    ("Quansight LLC / Senior Open Source Infrastructure Engineer",
     ("Senior Open Source Infrastructure Engineer", "Quansight LLC")),
    ("Spyder / Spyder Junior Developer", ("Spyder Junior Developer", "Spyder")),
    # Both forms, two levels or two fields of one role stay a title.
    ("Koch / Köchin", ("Koch / Köchin", None)),
    ("Senior / Staff Engineer", ("Senior / Staff Engineer", None)),
    ("Design / Development", ("Design / Development", None)),
]


@pytest.mark.parametrize(("title", "expected"), ORGANISATION_CASES)
def test_organisation_before_role(title, expected):
    assert organisation_prefix(title) == expected


def test_badge_tooltip_is_no_title():
    text = ("🚀This entity is a sponsor of NumFOCUS\n\nQuansight / PyData maintainer\n\nThis job is 100% time.\n\n"
            "Location: Remote\n")
    assert read_header(text).title == "Quansight / PyData maintainer"
    text = "🍏This jobs entails working on Open Source full time\n\nUnitary Fund / Communications and Marketing\n"
    assert read_header(text).title == "Unitary Fund / Communications and Marketing"


def test_label_before_a_place_value():
    location = parse_location("Location: Carrboro, NC")
    assert (location.city, location.region, location.country) == ("Carrboro", "North Carolina", "US")


def test_front_matter_title_kept_over_a_body_line_that_links():
    # opensourcedesign/jobs, a 2021 Open Food Network call for designers.
    document = ("---\norganization: Open Food Network\ntitle: >-\n  Design contributors for Open Food Systems platform:"
                " UX, research, UI, Visual\n  Design, build your own project etc.\n---\n"
                "The project is looking for design contributions of all kinds.\n\n"
                "Head to the WIP welcome new designers board https://github.com/openfoodfoundation/design/projects/1\n")
    posting = parse_document(document, crawled_at=datetime(2021, 5, 1, tzinfo=timezone.utc))
    assert posting["title"].startswith("Design contributors for Open Food Systems platform")


# sinnerschrader/sinnerschrader-career, 7imonn/landenhof-cms and cds-snc/digital-canada-ca files that
# no corpus part holds.

def test_front_matter_place_code_is_the_town_the_text_names():
    from crawler.parsing.location import place_from_stated

    location = place_from_stated("Muc", "We are looking for a Senior Frontend Developer for our Munich office.")
    assert (location.city, location.country) == ("München", "DE")
    assert place_from_stated("Fra", "Taking Ownership from start to finish at Accenture Interactive.").city is None


@pytest.mark.parametrize(("raw", "expected"), [
    ("Buchhalter (40-50%) (Dupliziert)", "Buchhalter (40-50%)"),
    ("Leitung Sozialpädagogik/Schulsozialarbeit (80%)", "Leitung Sozialpädagogik/Schulsozialarbeit (80%)"),
    ("Copy Editor (m/w/d)", "Copy Editor"),
])
def test_cms_copy_mark_is_no_part_of_a_title(raw, expected):
    from crawler.parsing.title import clean_title

    assert clean_title(raw) == expected


def test_name_defined_with_its_abbreviation_then_any_verb():
    from crawler.parsing.employer import company_in_text

    text = ("The Canadian Digital Service (CDS) works to change government so that it can serve people better"
            " through digital technology.")
    assert company_in_text(text) == "Canadian Digital Service"


def test_towns_listed_in_one_country_give_the_country():
    from crawler.parsing.place_sentences import sentence_workplace

    location = sentence_workplace("We’re hiring people at all levels of experience in Ottawa, Toronto, Waterloo, and Montreal.")
    assert (location.city, location.country) == (None, "CA")
    assert sentence_workplace("Wir haben Büros in Hamburg, Berlin und Wien.") is None


def test_country_code_before_a_town():
    # numbworks/NW.WIDJobs Page01_PageItemExtended14.html (workindenmark, a Vestas ad): the header line
    # "DK, Lem | Professional | Full-Time | ID: 14167" gave the employer "DK, Lem".
    location = parse_location("DK, Lem")
    assert (location.city, location.country) == ("Lem", "DK")
    header = read_header("Lean Professional\n\nCreated: 07/05/2021\nApplication: 03/06/2021\n\nLean Professional\n"
                         "DK, Lem | Professional | Full-Time | ID: 14167\n")
    assert header.company is None


# hksagentur/avancarte src/content/de/jobs files that no corpus part holds.

def test_contact_person_is_cut_from_a_signature_name():
    from crawler.parsing.employer_clues import employer_in_signature

    text = ("Interessiert?\n\nDann freut sich Herr Henry Garbrecht auf Ihre Fragen vorab: 0421 / 43 443 10 – oder Ihre"
            " aussagefähigen Bewerbungsunterlagen per E-Mail an:\n\nAvanCarte GmbH Herr Henry Garbrecht\n"
            "- Insterburger Straße 16/18\n- 28207 Bremen bewerbung@avancarte.de\n")
    assert employer_in_signature(text) == "AvanCarte GmbH"


def test_person_noun_before_the_slash_is_no_organisation():
    title = "Selbstständiger Handelsvertreter / Vertriebsmitarbeiter (w/m/d)"
    assert organisation_prefix(title) == (title, None)


def test_front_matter_title_with_a_gender_marker_stays():
    document = ("---\ntitle: Regalservice für den Handel (m/w/d)\ndraft: false\n---\n**Wir …**\n\n\n"
                "… verlegen und handeln Grußkarten und Geschenkverpackungen.\n"
                "… suchen Sie als Mitarbeiter*in, der/*die vor Ort im Einzelhandel\nunsere Ware einsortiert.\n")
    posting = parse_document(document, crawled_at=datetime(2024, 3, 1, tzinfo=timezone.utc))
    assert posting["title"] == "Regalservice für den Handel"


@pytest.mark.parametrize(("text", "expected"), [
    # VitaMedica (dev3 de_366): the role after "als", up to the Swiss workload.
    ("Aktuell suchen wir im Auftrag einer kleinen Langzeitinstitution am rechten Zürichsee-Ufer, für die moderne und"
     " helle Abteilung Schwerpunkt Geriatrie / palliativ Care, per sofort oder nach Vereinbarung, eine aufgestellte,"
     " humorvolle und führungsstarke Persönlichkeit als Teamleiter/in Pflege 80-100% für eine Festanstellung.",
     "Teamleiter/in Pflege"),
    ("Wir suchen dich als Verstärkung für unser Team.", None),
    # heinze-pool (dev de_062): the phrase runs past a title ("und neuen Kollegen").
    ("Wir suchen Dich als Techniker/ Handwerker und neuen Kollegen im Bereich Poolbau.", None),
])
def test_role_after_als_in_a_german_hiring_sentence(text, expected):
    from crawler.parsing.title_in_text import role_from_hiring_sentence

    assert role_from_hiring_sentence(text) == expected


def test_front_matter_company_on_behalf_of_a_client_is_an_agency():
    # pythonjobs/jobs, a Sartre Group ad no corpus part holds.
    from crawler.parsing.markdown_text import split_front_matter

    fields = split_front_matter("---\ntitle: Experienced Python Developer - Quant Finance\ncompany: Sartre Group"
                                " (Agency) on behalf of Citadel LLC.\nlocation: London, UK\n---\n\nText\n").fields
    assert (fields["company"], fields["via_agency"]) == ("Sartre Group", True)


@pytest.mark.parametrize(("text", "expected"), [
    # Code+Design Initiative (dev3 de_371, Blade HTML): the one vacancy under "Offene Stellen".
    ("Über Code+Design Initiative e.V.\n\n- Wir sind ein gemeinnütziger Verein\n\nOffene Stellen\n\n"
     "Operations (10h/Woche, Mini-Job)\n\n- \"Du bist gut organisiert\"\n", "Operations (10h/Woche, Mini-Job)"),
    ("Open positions\n\nWe have no open positions at the moment.\n", None),
    ("Jobs\n\n- Koch\n- Kellner\n", None),
])
def test_title_under_a_listing_heading(text, expected):
    from crawler.parsing.title_in_text import title_under_listing_heading

    assert title_under_listing_heading(text) == expected


@pytest.mark.parametrize(("segment", "kind"), [
    # LanguageTooler (dev3 de_370): the link "Alle Stellenanzeigen" above the ad; Alle is a Swiss village.
    ("Alle Stellenanzeigen", None),
    ("WIEN -6+ Monate", "place"),
    ("Birmingham, West Midlands", "place"),
    ("DK, Lem", "place"),
])
def test_small_town_beside_a_word_that_is_no_place(segment, kind):
    from crawler.parsing.header import _segment_kind

    assert _segment_kind(segment) == kind


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # funktionale-programmierung blog 2015-05-07-stelle-active-group.md (dev4 de_415).
        ("Active Group sucht Softwareentwickler(in)", ("Softwareentwickler(in)", "Active Group")),
        # funktionale-programmierung blog 2020-07-30-job-checkpad.md (dev4 de_418).
        ("Checkpad sucht Softwareentwicklerinnen und Softwareentwickler",
         ("Softwareentwicklerinnen und Softwareentwickler", "Checkpad")),
        # Written: English, with an article before the role.
        ("Brightwave is hiring a Senior Data Engineer", ("Senior Data Engineer", "Brightwave")),
        # Written: the poster speaks, no employer is named.
        ("Wir suchen eine Pflegefachkraft", ("Wir suchen eine Pflegefachkraft", None)),
        # Written: what follows the verb is no role.
        ("Acme sucht Verstärkung", ("Acme sucht Verstärkung", None)),
        # Written: a role before the verb ("Teamleitung sucht Assistenz") is not an employer.
        ("Teamleiter sucht Assistenz der Geschäftsführung", ("Teamleiter sucht Assistenz der Geschäftsführung", None)),
    ],
)
def test_hiring_organisation_prefix(title, expected):
    assert hiring_organisation_prefix(title) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # the31337/jobs pix-system/tools-internal-engineer.md (dev4 en_404): "Tools" is only "DevOps tools".
        ("Tools / Internal Engineer", "PIX System is a growing company.\n- Docker, Chef, and other DevOps tools",
         ("Tools / Internal Engineer", None)),
        # Written: the organisation written again as the title writes it.
        ("Zarr / Community Manager", "Zarr is a community-developed format for chunked arrays.",
         ("Community Manager", "Zarr")),
    ],
)
def test_organisation_prefix_backed_by_the_text(title, text, expected):
    assert organisation_prefix(title, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # orangeandbronze/main-website 2018-04-03-hr-intern.markdown (dev4 en_432): the role as the subject of
    # the sentence that describes it.
    ("Job Description:\n\nThe HR Intern will be joining the O&B team in implementing various human resources "
     "programs.", "HR Intern"),
    # orangeandbronze/main-website 2018-12-28-client-success-manager-edusuite.markdown (dev4 en_413).
    ("The Client Success Manager assumes the role of a business analyst and a project manager.",
     "Client Success Manager"),
    # Written: a capitalised subject that names no role is no title.
    ("The Marketing Team will review every application within a week.", None),
    ("The candidate will be joining our Consulting Services.", None),
])
def test_role_as_the_subject_of_its_description(text, expected):
    from crawler.parsing.title_in_text import role_from_hiring_sentence

    assert role_from_hiring_sentence(text) == expected


@pytest.mark.parametrize(("document", "title", "company"), [
    # Written after dev5 en_516 (Hands, Twickenham): the employer after the role in the title, named in the
    # text; the title loses it once the employer is known, and naming it there does not refuse the employer.
    ('---\ntitle: "Local Job Vacancy: Part-time Co-ordinator - Brightwell"\n---\n\nBrightwell is a volunteering '
     "charity in Twickenham. Brightwell is looking for a part-time co-ordinator to run its volunteer programme.\n",
     "Part-time Co-ordinator", "Brightwell"),
    # Written: a name that is the role's own words stays refused ("Data" of "Data Engineer").
    ("---\ntitle: Data Engineer\n---\n\nData is a platform team in Leeds. Data is growing fast.\n",
     "Data Engineer", None),
])
def test_title_and_employer_named_after_the_role(document, title, company):
    posting = parse_document(document, crawled_at=datetime(2024, 3, 1, tzinfo=timezone.utc))
    assert (posting["title"], posting["company"]) == (title, company)


def test_front_matter_in_an_html_comment_is_read():
    # orangeandbronze/main-website _posts/jobs/*.markdown (dev4 en_411-en_434): Jekyll front matter wrapped in
    # an HTML comment; its title is the page's, and the employer in brackets after the role leaves the title.
    document = ('<!-- ---\nlayout:       jobs\ntitle:        "HR and Admin Assistant (Edusuite)"\n'
                'date:         2018-04-03 16:47:00 +0800\n--- -->\n<h6 class="-dark">Job Descriptions:</h6>\n'
                "<p>Edusuite is looking for an awesome HR and Admin Assistant that can multitask while remaining "
                "focused.</p>\n")
    posting = parse_document(document, crawled_at=datetime(2024, 3, 1, tzinfo=timezone.utc))
    assert (posting["title"], posting["company"]) == ("HR and Admin Assistant", "Edusuite")
    assert "layout:" not in (posting["description"] or "")


@pytest.mark.parametrize(("title", "text"), [
    # pythonjobs/jobs octopus-energy-engineer.html and incuna_ltd.html (probe files, no corpus part): the
    # role's tools before the slash.
    ("Python / Django Engineer", "We use Python and Django for our platform."),
    ("Django / Python Web Developer", "Django and Python power the sites we build."),
])
def test_a_tool_before_a_slash_is_no_organisation(title, text):
    assert organisation_prefix(title, text) == (title, None)


def test_a_short_acronym_before_a_slash_is_no_organisation():
    # orangeandbronze/main-website 2021-06-09-hr-admin-head.markdown (dev4 en_411).
    assert organisation_prefix("HR / Admin Head", "HR strategies … the HR team") == ("HR / Admin Head", None)


@pytest.mark.parametrize("title", [
    "Logopäde / Sprachtherapeut (m/w/d)",  # dev11 de_1116: two names of one job
    "Biologe / Laborleiter (m/w/d)",
])
def test_an_occupation_name_before_the_slash_is_no_organisation(title):
    assert organisation_prefix(title) == (title, None)


@pytest.mark.parametrize(("text", "expected"), [
    # RAND (dev23 en_2314): the title only in "As <role>, you'll …"
    ("RAND's Meselson Center is seeking an accomplished technical leader to drive our agenda. As Research Lead - AI"
     " Cyber Testing & Evaluation, you'll direct a comprehensive research portfolio.",
     "Research Lead - AI Cyber Testing & Evaluation"),
    # Lockheed Martin (dev23 en_2311)
    ("What You Will Be Doing\nAs a Manufacturing Support Team Member, you will play a key role in supporting our"
     " production.", "Manufacturing Support Team Member"),
    # a capitalised run that names no role
    ("As Part Of Our Growth, you will see many changes.", None),
])
def test_role_in_an_as_a_role_you_sentence(text, expected):
    from crawler.parsing.title_in_text import role_from_hiring_sentence

    assert role_from_hiring_sentence(text) == expected


def test_a_planner_is_a_role():
    from crawler.parsing.header import looks_like_job_title

    assert looks_like_job_title("Testplaner") and looks_like_job_title("Transport Planner")   # dev25 de_2506
