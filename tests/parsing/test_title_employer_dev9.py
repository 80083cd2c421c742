"""Titles and employers on fresh career-site material (issue 12, dev9): a field named after a role
is no role, a call for staff is no role, a description before the hiring verb is no employer's
name, a German gender star survives Markdown and closes the role of a hiring sentence.

Real cases come from tests/real/dev9 (provenance in each annotation: severndelta/website
content/jobs/*.md, robert-95/rement-website content/pages/blog/stellenanzeige-*.md,
Fachschaft-FB12/Digitales-Brett-Viewer _posts/…ITK…md) and the parts before it; written cases pin
what each rule must leave alone.
"""

from __future__ import annotations

import pytest

from crawler.parsing.header import looks_like_job_title
from crawler.parsing.markdown_text import markdown_to_html, split_front_matter
from crawler.parsing.title import clean_title
from crawler.parsing.title_facts import hiring_organisation_prefix
from crawler.parsing.title_in_text import role_from_hiring_sentence

# --- a noun made from a role word names the role's field, not a person ----------------------------

FIELD_NOT_ROLE = [
    # severndelta/website content/jobs/engineer.md and operator.md: the department page's title.
    ("Engineering", False),
    ("Production", False),
    # Fachschaft-FB12/Digitales-Brett-Viewer: the employer's name, 'Die ITK Engineering GmbH freut sich …'.
    ("ITK Engineering GmbH", False),
    # robert-95/rement-website: 'Rement sucht Verstärkung im Bereich Bauingenieurwesen/Bauchemie'.
    ("Rement sucht Verstärkung im Bereich Bauingenieurwesen/Bauchemie", False),
    ("Gesundheitswesen", False),
    # Written (shaped like vele616/monorepo jobboard ads, 'Site Reliability Engineering is …'): a field
    # noun inside a longer phrase without a legal form may name a team, and is kept away from employers.
    ("Site Reliability Engineering", True),
    # Written: the role word itself, its plural, and a role beside the field stay roles.
    ("Senior Engineer", True),
    ("Engineers", True),
    ("Head of Engineering", True),
    ("Werkstudent Industrial Engineering", True),
    ("Production Operator", True),
    ("Bauingenieur", True),
    ("Marketing", True),
]


@pytest.mark.parametrize(("text", "expected"), FIELD_NOT_ROLE)
def test_a_field_named_after_a_role_is_no_role(text, expected):
    assert looks_like_job_title(text) is expected


# --- the words before a hiring verb ---------------------------------------------------------------

HIRING_PREFIX = [
    # robert-95/rement-website: a call for staff, the role is in the hiring sentence.
    ("Rement sucht Verstärkung im Bereich Bauingenieurwesen/Bauchemie",
     "Wir bei Rement möchten … suchen wir … eine/n Bauingenieur*in oder Bauchemiker*in als Verstärkung.",
     ("Rement sucht Verstärkung im Bereich Bauingenieurwesen/Bauchemie", None)),
    # robert-95/rement-website: a description of the employer the ad never writes again.
    ("Greentech Startup sucht Verfahrenstechniker*in / Chemieingenieur*in",
     "Wir bei Rement möchten gemeinsam die Baubranche nachhaltig verändern. … der Greentech-Startups …",
     ("Verfahrenstechniker*in / Chemieingenieur*in", None)),
    ("Innovatives Familienunternehmen sucht Buchhalter (m/w/d)", "Wir sind die Muster KG in Ulm.",
     ("Buchhalter (m/w/d)", None)),
    # Written: a name stays the employer, written again or not (pep-dortmund posts name the employer
    # only in the title: 'zeb sucht Research Consultant - Business Development').
    ("zeb sucht Research Consultant - Business Development", "Als Nummer 1 der Strategieberatungen …",
     ("Research Consultant - Business Development", "zeb")),
    ("Active Group sucht Softwareentwickler(in)", "Die Active Group entwickelt Software.",
     ("Softwareentwickler(in)", "Active Group")),
    # Written: a kind-of-employer word the ad writes again as the title does is a name.
    ("Mustermann Startup sucht Grafikdesigner (m/w/d)", "Das Mustermann Startup gestaltet Marken.",
     ("Grafikdesigner (m/w/d)", "Mustermann Startup")),
    ("Wir suchen Unterstützung im Vertrieb", "Wir suchen Unterstützung.", ("Wir suchen Unterstützung im Vertrieb", None)),
]


@pytest.mark.parametrize(("title", "text", "expected"), HIRING_PREFIX)
def test_hiring_prefix_call_and_description(title, text, expected):
    assert hiring_organisation_prefix(title, text) == expected


# --- a German gender star is no Markdown emphasis --------------------------------------------------

GENDER_STARS = [
    # robert-95/rement-website content/pages/blog/stellenanzeige-bauingenieurwesen-bauchemie.md
    ("eine/n **Bauingenieur*in oder Bauchemiker*in** als Verstärkung",
     "<p>eine/n <strong>Bauingenieur*in oder Bauchemiker*in</strong> als Verstärkung</p>\n"),
    ("Kolleg*innen und Werkstudierende*r gesucht", "<p>Kolleg*innen und Werkstudierende*r gesucht</p>\n"),
    # Written: emphasis and list bullets stay Markdown.
    ("Wir sind *klein* und *schnell*", "<p>Wir sind <em>klein</em> und <em>schnell</em></p>\n"),
    ("* Aufgabe eins\n* Aufgabe zwei", "<ul>\n<li>Aufgabe eins</li>\n<li>Aufgabe zwei</li>\n</ul>\n"),
    ("work *in* the office", "<p>work <em>in</em> the office</p>\n"),
]


@pytest.mark.parametrize(("markdown", "html"), GENDER_STARS)
def test_gender_stars_survive_markdown(markdown, html):
    assert markdown_to_html(markdown) == html


# --- the role a German hiring sentence closes with its own gender mark -----------------------------

GENDERED_ROLE = [
    # robert-95/rement-website (text as the parser sees it after Markdown).
    ("Für diese Mission suchen wir zum nächstmöglichen Zeitpunkt eine/n Bauingenieur*in oder Bauchemiker*in "
     "als Verstärkung für unser Team in Karlsruhe.", "Bauingenieur*in oder Bauchemiker*in"),
    ("Wir suchen ab sofort eine:n Softwareentwickler:in für unser Team in Köln.", "Softwareentwickler:in"),
    ("Zum 1. März suchen wir eine/n Erzieher/in, die unser Team ergänzt.", "Erzieher/in"),
    # Written: no role word, or no gender mark, gives nothing.
    ("Wir suchen eine/n Freund*in fürs Leben.", None),
    ("Wir suchen einen Koch für unser Restaurant.", None),
]


@pytest.mark.parametrize(("text", "role"), GENDERED_ROLE)
def test_role_closed_by_its_gender_mark(text, role):
    assert role_from_hiring_sentence(text) == role


# --- before "als": the kind of post or the applicants, the role after it ---------------------------

HEAD_BEFORE_ALS = [
    # Fachschaft-FB12/Digitales-Brett 'Jobangebote und Praktika/2023-09-08-Teilzeit-Lehrkraft.md'.
    ("Teilzeitstelle als Lehrkraft für Studierende aus Angola", "Lehrkraft für Studierende aus Angola"),
    # pep-dortmund/homepage (tests/real/dev8 de_801), after its employer and verb: the applicants.
    ("Ingenieur oder Physiker (m/w) als Produktions- und Prozessingenieur", "Produktions- und Prozessingenieur"),
    ("Vollzeitstelle als Koch", "Koch"),
    # Written: a kind of contract before "als" is the title's own (tests/real/dev9 de_909 keeps it).
    ("Werkstudent*in als Entwickler*in von Online-Antragsassistenten", "Werkstudent als Entwickler von Online-Antragsassistenten"),
    ("Ausbildungsstelle als Kaufmann im Einzelhandel", "Ausbildungsstelle als Kaufmann im Einzelhandel"),
    ("Praktikumsstelle als Grafikdesigner", "Praktikumsstelle als Grafikdesigner"),
    # Written: "als" inside the title, not after its head.
    ("Quereinsteiger als Busfahrer", "Quereinsteiger als Busfahrer"),
]


@pytest.mark.parametrize(("raw", "title"), HEAD_BEFORE_ALS)
def test_head_before_als(raw, title):
    assert clean_title(raw) == title


# --- pay stated only in a front-matter value ---------------------------------------------------------

FRONT_MATTER_PAY = [
    # 2i2c-org/2i2c-org.github.io content/jobs/2023/delivery-manager.md (TOML): a pay key, no period.
    ('+++\ntitle = "Delivery Manager & Chief of Staff"\nsalary_range = "$85,000 - $107,000"\n+++\nWe are hiring.\n',
     {"salary_min": 85000.0, "salary_max": 107000.0, "salary_currency": "USD", "salary_raw": "$85,000 - $107,000"}),
    # holidayextras/holidayextras.github.com _jobs (tests/real/dev6): the pay in a tagline, HTML entities.
    ("---\ntitle: UX Designer\ntagline: Package - Up to &pound;40,000 per annum d.o.e + profit share + benefits\n---\nHi.\n",
     {"salary_min": 40000.0, "salary_max": 40000.0, "salary_currency": "GBP", "salary_period": "year",
      "salary_raw": "Package - Up to £40,000 per annum d.o.e + profit share + benefits"}),
    # Written: no figure, money that is no pay, and a long description give nothing.
    ("---\ntitle: UX Designer\ntagline: Package - DOE + profit share + benefits\n---\nHi.\n", {}),
    ("---\ntitle: Engineer\nfunding: We raised $10M from investors\n---\nHi.\n", {}),
]


@pytest.mark.parametrize(("document", "pay"), FRONT_MATTER_PAY)
def test_pay_in_front_matter(document, pay):
    fields = split_front_matter(document).fields
    assert {key: value for key, value in fields.items() if key.startswith("salary")} == pay
