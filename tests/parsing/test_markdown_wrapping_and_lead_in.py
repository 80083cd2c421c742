"""Real ads of tests/real/dev2 (issue 12): hard-wrapped Markdown, a hiring sentence leading into
the title, front-matter keys in camelCase, wish headings, start phrases after a title."""

import pytest

from crawler.parsing.employer import company_in_text, is_agency_ad
from crawler.parsing.header import read_header
from crawler.parsing.location import find_location, is_signature_address, parse_location, place_in_title
from crawler.parsing.lead_in import lead_in_employer
from crawler.parsing.heading_meaning import heading_meaning
from crawler.parsing.markdown_text import front_matter_key, is_hard_wrapped, join_wrapped_lines, split_front_matter
from crawler.parsing.qualifications import education_level, required_languages
from crawler.parsing.sections import split_sections
from crawler.parsing.skills import find_skills
from crawler.parsing.terms import contract_type, employment_type
from crawler.parsing.workplace import remote_share
from crawler.parsing.title import clean_title
from crawler.parsing.title_facts import split_title_facts

SCS_WRAPPED = (  # de_102 (SovereignCloudStack/website _i18n/de/jobs/public-outreach.md), wrapped at ~78
    "Die Open Source Business Alliance - Bundesverband für digitale Souveränität\n"
    "e.V. (OSB Alliance) vertritt mehr als 200 Mitgliedsunternehmen der\n"
    "Open-Source-Wirtschaft, die in Deutschland gemeinsam jährlich mehr als 1,7\n"
    "Milliarden Euro erwirtschaften. Zusammen mit wissenschaftlichen Einrichtungen\n"
    "und Anwenderorganisationen setzt sich der Verband dafür ein, die zentrale\n"
    "Bedeutung von Open-Source-Software und offenen Standards zu verankern.\n")
ONE_FACT_A_LINE = (  # written: the shape of de_007 (hksagentur/avancarte), one fact a line
    "Ausbildungsbeginn: 1. August 2026\nAusbildungsdauer: 3 Jahre, Verkürzung auf 2,5 Jahre möglich\n"
    "Berufsschule: Berufsbildende Schule für den Großhandel, Außenhandel und Verkehr in Bremen\n\n"
    "**Das machst du bei uns**\nIn der Berufsschule wird dir das theoretische Wissen vermittelt.\n")


@pytest.mark.parametrize(("text", "wrapped"), [
    (SCS_WRAPPED, True),
    (ONE_FACT_A_LINE, False),
    ("* item one that is long enough to reach the wrap column of the file\n* item two\n* item three\n", False),
    ("", False),
])
def test_is_hard_wrapped(text, wrapped):
    assert is_hard_wrapped(text) is wrapped


@pytest.mark.parametrize(("key", "expected"), [
    ("companyName", "company_name"),  # vele616/monorepo job board front matter (en_107 … en_120)
    ("datePosted", "date_posted"),
    ("publishDate", "publish_date"),
    ("job-title", "job_title"),
    ("Job Title", "job_title"),
    ("title", "title"),
    ("URL", "url"),
])
def test_front_matter_key(key, expected):
    assert front_matter_key(key) == expected


@pytest.mark.parametrize(("front_matter", "company"), [
    # en_107: the board types the name in lower case, the ad writes "Jimdo"
    ('---\ntitle: "Backend Software Engineer"\ncompanyName: "jimdo"\n---\nAt Jimdo, our mission is …\n', "Jimdo"),
    # en_114: "hicx solutions" on the board, "HICX" in the ad
    ('---\ncompanyName: "hicx solutions"\n---\nHICX delivers extraordinary value … [x](https://hicx-solutions.breezy.hr)\n',
     "HICX"),
    # en_108: the employer writes itself in lower case
    ('---\ncompanyName: "eyeo"\n---\nWe create open source software … grow eyeo’s number of users\n', "eyeo"),
    ('---\ncompanyName: "Perdoo"\n---\nAbout Perdoo\n', "Perdoo"),
])
def test_front_matter_company_as_the_ad_writes_it(front_matter, company):
    assert split_front_matter(front_matter).fields["company"] == company


OSB = "Open Source Business Alliance - Bundesverband für digitale Souveränität e.V."


@pytest.mark.parametrize(("sentence", "employer"), [
    # de_101 / en_110 / de_103 / de_116 (SovereignCloudStack/website), links already rendered
    ("Die Open Source Business Alliance - Bundesverband für digitale Souveränität e.V. (OSB Alliance) sucht "
     "für ihr vom Bundesministerium für Wirtschaft und Energie (BMWi) gefördertes Projekt Sovereign Cloud Stack "
     "(SCS) einen", OSB),
    ("For its Sovereign Cloud Stack (SCS) project funded by the German Federal Ministry for Economic Affairs and "
     "Energy (BMWi), the Open Source Business Alliance - Bundesverband für digitale Souveränität e.V. "
     "(OSB Alliance) is looking for a", OSB),
    ("Für sein Sovereign Cloud Stack (SCS) Projekt, welche durch das Bundesministerium für Wirtschaft und "
     "Klimaschutzs (BMWK) gefördert wird, sucht die Open Source Business Alliance - Bundesverband für digitale "
     "Souveränität e.V. (OSB Alliance) eine:n", OSB),
    # gold_dev 119: the hiring sentence under a label line
    ("Der Zweckverband Kommunale Dienste Oberlausitz sucht zum 01.03.2027 eine/n",
     "Zweckverband Kommunale Dienste Oberlausitz"),
    ("Wir suchen zum nächstmöglichen Zeitpunkt einen", None),
    ("We are looking for a", None),
])
def test_lead_in_employer(sentence, employer):
    assert lead_in_employer(sentence) == employer


def test_hiring_sentence_over_the_title_gives_employer_and_title():
    text = ("Die Open Source Business Alliance - Bundesverband für digitale Souveränität e.V. (OSB Alliance)\n"
            "sucht für ihr vom Bundesministerium für Wirtschaft und Energie (BMWi) gefördertes Projekt\n"
            "Sovereign Cloud Stack (SCS) einen\n"
            "Infra-as-Code Architekt (d/w/m)\n"
            "(Remote oder Berlin-Zentrum)\n")
    header = read_header(text)
    assert (header.company, header.title) == (OSB, "Infra-as-Code Architekt (d/w/m)")


@pytest.mark.parametrize(("line", "kind"), [
    (" We expect that you", "requirements"),  # en_110
    ("Wir erwarten, dass Du", "requirements"),  # de_103
    ("We expect this role to be", "responsibilities"),  # en_040 (numfocus/jobs-board): the role, not the person
    ("That little extra", "requirements"),  # en_112 (filed as nice to have by the section reader)
    ("We’ll be impressed if", "requirements"),  # en_120
    ("Es wäre gut - aber nicht unbedingt erforderlich - dass Du", "requirements"),  # de_101
])
def test_heading_meaning_of_dev2_headings(line, kind):
    assert heading_meaning(line) == kind


@pytest.mark.parametrize(("raw", "expected"), [
    ("Office Manager:in (20%), ab November oder nach Verinabarung (Olten, CH)", "Office Manager (20%)"),  # de_105
    ("Product Owner / Projektmanager:in 80-100%, ab sofort (Olten, CH)", "Product Owner / Projektmanager 80-100%"),
    ("Sales Manager, starting March", "Sales Manager"),  # written
    ("Referent Abteilung Personal, Organisation", "Referent Abteilung Personal, Organisation"),  # no start phrase
])
def test_title_without_start_phrase(raw, expected):
    assert clean_title(raw) == expected


@pytest.mark.parametrize(("text", "employer"), [
    # de_105 (geops/website content/job/office-manager-olten/index.de.md)
    ("Du hast Freude an Zahlen? Dann werde Teil von geOps! Für unser Team in Olten (CH) suchen wir …", "geOps"),
    # the team of the employer the reader is asked to come to (dev12 de_1202)
    ("Du willst richtig was bewegen – für Hamburg? Dann komm ins Verwaltungsteam der HOCHBAHN! Hier gestaltest du "
     "die Mobilität von morgen mit.", "HOCHBAHN"),
    # de_102 (SovereignCloudStack/website): the name gives itself a short name, then acts
    ("Über das Projekt\n\nDie Open Source Business Alliance - Bundesverband für digitale Souveränität e.V. "
     "(OSB Alliance) vertritt mehr als 200 Mitgliedsunternehmen der Open-Source-Wirtschaft.", OSB),
    ("Become part of Acme Robotics Ltd. We build robots.", "Acme Robotics Ltd"),  # written
    ("Join us! We build robots.", None),  # written: no name
    ("Die Stadt Musterhausen (Stadt) ist ein Ort.", None),  # written: no legal form
])
def test_company_in_text_dev2(text, employer):
    assert company_in_text(text) == employer


@pytest.mark.parametrize(("line", "city"), [
    ("(Remote or Berlin city centre)", "Berlin"),  # en_110
    ("(Vollzeit oder Teilzeit; Berlin-Zentrum oder Remote)", "Berlin"),  # de_116
    ("(Remote oder Berlin-Zentrum)", "Berlin"),  # de_101
])
def test_place_line_under_the_title(line, city):
    header = read_header(f"Product Owner (d/w/m)\n{line}\n")
    assert parse_location(header.location).city == city


@pytest.mark.parametrize(("text", "languages"), [
    ("Du beherrschst Deutsch fliessend in Wort und Schrift.", [("de", "fluent")]),  # de_105, Swiss spelling
    ("flüssig englisch sprichst und schreibst und zumindest Grundkenntnisse der deutschen Sprache mitbringst.",
     [("de", "basic"), ("en", "fluent")]),  # de_101
    ("Native-level fluency in both written and spoken English.", [("en", "native")]),  # en_113
    ("English language fluency and very good communication skills", [("en", "fluent")]),  # en_118
    ("beherrschst Deutsch fliessend (C1) sowie Englisch auf gutem Niveau (B2).",
     [("de", "fluent"), ("en", "good")]),  # geops/website linuxdevops (German dative "gutem")
])
def test_language_levels_dev2(text, languages):
    assert [(entry["language"], entry["level"]) for entry in required_languages(text)] == languages


@pytest.mark.parametrize(("text", "expected"), [
    ("Für unser Team in Olten (CH) suchen wir eine:n Office Manager:in (20 %).", "part_time"),  # de_105
    ("Wir wachsen (30%) jedes Jahr.", None),  # written: a share that closes no clause
    ("Umsatzplus (30%).", None),  # written: growth, not workload
    ("Projektleiter (80-100%).", None),  # a range leaves it open
])
def test_workload_share_in_parentheses(text, expected):
    assert employment_type(text) == expected


CARGO_TAIL = (  # en_111 (vele616/monorepo … account-executive-iberia-m-f-d-cargo-one-XFUqs.md), shortened
    "What you’ll need\n\n- You are a self-starter and work result-oriented.\n- You want to grow and learn.\n"
    "- You are native in Spanish and fluent in English.\n\n"
    "What you can expect from cargo.one? We think you’ll enjoy working at cargo.one. Here are just a few of the "
    "things that we think make it a great place to work:\n\n"
    "- The chance to contribute from day 1 with plenty of room for career progression.\n"
    "- MacBook or ThinkPad, the choice is yours – whatever helps you get your job done.\n"
    "- Work within a fully-remote setup\n")
LEEDS_TASKS = (  # en_064 (tests/real/dev): a lead sentence right under its heading belongs to it
    "The tasks we need covered……..\n\nThe actual tasks will be worked out on an ongoing basis based on the "
    "number of days you work but will/may include:\n\n- Administration: general office support\n"
    "- Reception: answering the phone\n- Post: opening and sorting the mail\n")


@pytest.mark.parametrize(("text", "kind", "count"), [
    (CARGO_TAIL, "requirements", 3),
    (CARGO_TAIL, "benefits", 3),
    (LEEDS_TASKS, "responsibilities", 3),
])
def test_lead_sentence_after_a_list_opens_a_list_of_its_own(text, kind, count):
    assert len(getattr(split_sections(text), kind)) == count


GATEKEEPER = (  # en_119 (vele616/monorepo … senior-ruby-developer-remote-dublin-gatekeeper-KOCSP.md), shortened
    "THE ROLE\n\n- Contribute, design, build, extend, and support our application\n"
    "- Regularly do code review pull requests\n\nDevelopment team\n\n"
    "- We're a distributed team of experienced developers\n- We love Ruby\n- We have Code to Test Ratio: 1:1\n\n"
    "Requirements\n\n- 10+ years overall professional experience\n- Obsessed with Ruby\n")
STACK_IN_PROFILE = (  # written: a sub-heading inside a profile list stays in the profile
    "Your profile\n\n- 3+ years of Python\n- Good English\n\nNice to have\n\n- Go\n- Rust\n")


@pytest.mark.parametrize(("text", "kind", "count"), [
    (GATEKEEPER, "responsibilities", 2),  # the team's self-description is no task list
    (GATEKEEPER, "requirements", 2),
    (STACK_IN_PROFILE, "requirements", 2),
])
def test_short_heading_between_lists_starts_its_own_list(text, kind, count):
    assert len(getattr(split_sections(text), kind)) == count


@pytest.mark.parametrize(("text", "skills"), [
    # en_118 (vele616/monorepo … software-development-engineer-java-uk-hicx-solutions-BxEKh.md)
    ("Please do NOT apply when you have no experience in JAVA development [Note: Our projects do not use PHP, "
     "Perl, Python] and don’t meet the minimum required skills.", ["Java"]),
    ("We don’t use Java, we use Python.", ["Python"]),  # written: the clause ends at ", we"
    ("Erfahrung mit Python; wir verwenden kein PHP.", ["Python"]),  # written
    ("We use PHP and MySQL.", ["MySQL", "PHP"]),
])
def test_tools_the_employer_does_not_use_are_no_skills(text, skills):
    assert find_skills(text) == skills


@pytest.mark.parametrize(("text", "level"), [
    # de_116 (SovereignCloudStack/website _i18n/de/jobs/ma-dok.md)
    ("Als formale Qualifikation haben Sie eine Ausbildung oder ein Fachhochschulstudium erfolgreich absolviert.",
     "vocational"),
    ("eine Ausbildung oder ein Studium", "vocational"),  # written
    ("abgeschlossenes Studium oder Ausbildung", "vocational"),  # the known order stays
])
def test_training_or_study_is_vocational(text, level):
    assert education_level(text) == level


ATFINITY = (  # en_126 (pythonjobs/jobs jobs/atfinity_software_engineer), shortened
    "Requirements\n\nWe require:\n\n- a degree in computer science\n- a good understanding of data structures\n"
    "- eligability to work in Switzerland\n\nThe ideal candidate is also:\n\n- experienced in scalable architectures\n"
    "- fluent in either Python or JavaScript\n")
ADSPERT = (  # en_125 (pythonjobs/jobs jobs/adspert_python_dev_2021.html), shortened
    "We develop our solutions mainly with Python and PostgreSQL.\n\n"
    "We need you to support us in improving and extending:\n\n"
    "- internal and customer-facing web applications and APIs\n- our optimization engine for online advertising\n"
    "- deployment and monitoring processes for applications and infrastructure\n")


@pytest.mark.parametrize(("text", "kind", "count"), [
    (ATFINITY, "requirements", 3),  # the ideal candidate's extras are wishes
    (ADSPERT, "responsibilities", 3),  # what "we need you to" work on are tasks
])
def test_second_profile_list_and_need_you_to(text, kind, count):
    assert len(getattr(split_sections(text), kind)) == count


@pytest.mark.parametrize(("text", "expected"), [
    ("contract: temporary (3+ years)", "fixed_term"),  # en_124 front matter
    ("Limited for 3 years with possible longer-term prospects", "fixed_term"),  # en_124
])
def test_fixed_term_statements(text, expected):
    assert contract_type(text) == expected


@pytest.mark.parametrize(("text", "agency"), [
    # de_128 (andreaswittmann/project-bot, a freelancermap capture)
    ("Für einen spannenden Kunden in Wien suche ich derzeit einen IT-Support / Field Service Mitarbeiter.", True),
    ("Du erstellst Angebote für einen Kunden.", False),  # written: a task, no recruiter
])
def test_recruiter_searching_for_a_client(text, agency):
    assert is_agency_ad(text) is agency


@pytest.mark.parametrize(("raw", "expected"), [
    ("IT Analyst (m/w/d) - ABE13305", "IT Analyst"),  # de_129 (Constaff reference code)
    ("Sachbearbeiter - Ref. 2024-17", "Sachbearbeiter"),  # written
    ("Contract DevOps Engineer - 6 months - Outside IR35", "Contract DevOps Engineer - 6 months - Outside IR35"),  # gold
    ("Engineer - DACH", "Engineer - DACH"),
])
def test_reference_code_after_the_title(raw, expected):
    assert clean_title(raw) == expected


@pytest.mark.parametrize(("title", "city"), [
    ("Projektingenieur Elektrotechnik (m/w/d) in Berlin gesucht!", "Berlin"),  # de_131 (andreaswittmann/project-bot)
    ("Lead Backend Developer (w/m/d) 2x Woche in Frankfurt", "Frankfurt am Main"),  # project-bot file name
    ("Experte in Python", None),  # written: no town
    ("Arzt in Weiterbildung", None),
])
def test_place_in_title(title, city):
    location = place_in_title(title)
    assert (location.city if location else None) == city


@pytest.mark.parametrize(("text", "mode"), [
    ("Workload: Full-time, 2 days/week in the office", "hybrid"),  # en_132 (andreaswittmann/project-bot)
    ("3 Tage pro Woche vor Ort", "hybrid"),  # written
    ("5 days per week in the office", None),  # the whole week at the office is no share
    ("We meet 2 times a week", None),
])
def test_office_days_are_hybrid(text, mode):
    assert remote_share(text) == mode


def test_language_level_after_wort_und_schrift():
    # de_131: "Deutschkenntnisse in Wort und Schrift, mindestens C2,"
    assert required_languages("Deutschkenntnisse in Wort und Schrift, mindestens C2,") == [
        {"language": "de", "level": "fluent"}]


@pytest.mark.parametrize(("title", "city"), [
    ("Systemarchitekt (m/w/d) EIDAS, X.509 & TR-03128 - remote/Berlin", "Berlin"),  # de_134
    ("Data Engineer (m/w/d) Python", None),
])
def test_place_among_title_facts(title, city):
    location = place_in_title(title)
    assert (location.city if location else None) == city


SIGNATURE = ("Für unseren Kunden suchen wir einen Systemarchitekt.\n\nJulia Jansen\nRecruitment Consultant\n\n"
             "percision services GmbH\nAgrippinawerft 26 (2.Etage)\n50678 Köln\n")  # de_134's closing lines


@pytest.mark.parametrize(("text", "signature"), [
    (SIGNATURE, True),
    ("Einsatzort: 50678 Köln\n", False),  # a labelled place is the job's
    ("Wir sind ein Team in\n50678 Köln\n", False),  # no company line above
])
def test_signature_address(text, signature):
    assert is_signature_address(text, find_location(text)) is signature


@pytest.mark.parametrize(("title", "expected"), [
    ("Storage Engineer (m/w/d) // Remote/GR Hamburg // Oktober 2025 // 3 Monate", "Storage Engineer (m/w/d)"),  # de_135
    ("Senior Platform Engineer | Remote | Australia", "Senior Platform Engineer"),  # dev/ en_013
])
def test_double_slash_joins_title_facts(title, expected):
    assert split_title_facts(title)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev19 en_1913 (mnylc job board): a sentence wrapped at a column inside a file whose address keeps one line each
    ("The Nanuet Public Library in Rockland County, NY is looking for a \npart-time Library Assistant in the Adult"
     " Services Department.\n\nNanuet Public Library\n149 Church St.\nNanuet, NY 10954",
     "The Nanuet Public Library in Rockland County, NY is looking for a part-time Library Assistant in the Adult"
     " Services Department.\n\nNanuet Public Library\n149 Church St.\nNanuet, NY 10954"),
    # one fact a line, a bullet, a heading or a sentence's end keep their breaks
    ("Ausbildungsbeginn: 1. August 2025 in unserem Betrieb in der Innenstadt von Hamm\nAusbildungsdauer: 3 Jahre",
     "Ausbildungsbeginn: 1. August 2025 in unserem Betrieb in der Innenstadt von Hamm\nAusbildungsdauer: 3 Jahre"),
    ("We offer a competitive salary and a generous pension scheme for all of our staff\n- free lunch",
     "We offer a competitive salary and a generous pension scheme for all of our staff\n- free lunch"),
    ("We offer a competitive salary and a generous pension scheme for all of our staff.\nand more",
     "We offer a competitive salary and a generous pension scheme for all of our staff.\nand more"),
    ("short line\nnext", "short line\nnext"),
])
def test_join_wrapped_lines(text, expected):
    assert join_wrapped_lines(text) == expected
