"""Section splitting, heading meaning and terms of employment on shapes from the dev3 part of the
real corpus (issue 12: benefits read as tasks, tasks missed, prose and sub-headings counted as items,
workload percentages, language levels).

Cases marked "real:" are cut down from ads of tests/real/dev3/ (provenance of each file in
tests/real/SOURCES.md); the others are written to pin an edge of the same rule.
"""

import pytest

from crawler.parsing.content_cues import cue_scores
from crawler.parsing.heading_meaning import heading_meaning
from crawler.parsing.qualifications import education_level, required_languages
from crawler.parsing.sections import split_sections
from crawler.parsing.terms import contract_type, employment_type

SECTIONS = [
    # real: de_356 (port-zero): "Was dich erwartet" after a list under a task heading is the benefits
    ("Deine Eigenschaften\n\n- Eigenständiges Arbeiten\n- Spaß am Lernen\n\nZu deinen Aufgaben\n\n"
     "- Persönliche Assistenz der Geschäftsführung & des Managementteams\n- Projektmanagement\n- Reiseplanung\n\n"
     "Was dich erwartet\n\n- Motivierte und engagierte Kolleg*innen\n- Flache Hierarchien und Möglichkeiten zur Mitgestaltung\n"
     "- Alles ist vorbereitet. Es kann sofort losgehen. :-)",
     {"requirements": 2, "responsibilities": 3, "benefits": 3}, ("benefits", "Motivierte und engagierte Kolleg*innen")),
    # real: de_353 (CorrelAid): the task heading stands below the ambiguous one, over prose only
    ("Was dich erwartet\n- viel Raum für Ideen, Konzepte und Austausch\n- lerne von den über 1000 ehrenamtlichen "
     "Data Scientists in unserem Netzwerk\n- 80% Stelle\n- BVG Ticket (AB) und BahnCard\n\nDeine Hauptaufgaben\n\n"
     "CorrelAidX ausbauen\n\nDu arbeitest daran, Lokalgruppen in neuen Städten zu etablieren. Du vernetzt potentielle "
     "Standorte, engagierte Data Scientists und Partner vor Ort (Universitäten, NPOs).\n\nWissensmanagement und "
     "Koordination\n\nGleichzeitig koordinierst du das Wissensmanagement rund um CorrelAidX. Du identifizierst bereits "
     "existierende best practices.\n\nDas solltest du mitbringen\n- Du kommunizierst offen\n- Reisebereitschaft",
     {"benefits": 4, "responsibilities": 0, "requirements": 2}, ("benefits", "viel Raum für Ideen, Konzepte und Austausch")),
    # without a task heading elsewhere, the items still decide what "Was dich erwartet" opens
    ("Was dich erwartet\n\n- Du betreust unsere Kunden am Telefon\n- Du planst und koordinierst Projekte\n\n"
     "Das bringst du mit\n\n- Erfahrung im Vertrieb\n- Deutschkenntnisse",
     {"responsibilities": 2, "requirements": 2, "benefits": 0}, ("responsibilities", "Du betreust unsere Kunden am Telefon")),
    # ... but items that plainly are more work stay tasks, even after a task heading
    ("Deine Aufgaben\n\n- Buchhaltung\n- Mahnwesen\n\nWas dich erwartet\n\n- Du betreust unsere Kunden am Telefon\n"
     "- Du planst und koordinierst Projekte\n- Entwicklung neuer Features",
     {"responsibilities": 5, "benefits": 0}, ("responsibilities", "Buchhaltung")),
    # real: en_351 (port-zero): benefits split over two headings; "What you can expect" stays benefits
    ("You have:\n\n* Experience leading teams in a variety of contexts.\n* The willingness to learn and grow.\n\n"
     "What you can expect:\n\n- A team of motivated professionals supporting each other.\n"
     "- Challenges requiring collaborative solutions.\n\nWhy join us?\n\n"
     "- You will get support in developing your leadership skills, for instance through trainings and coaches.",
     {"benefits": 3}, ("benefits", "A team of motivated professionals supporting each other.")),
    # bold-lead paragraphs ("**Flexible hours.** Work when …") are items, not running text
    ("Your tasks\n- Build APIs\n- Review code\n\nWhy join us?\n\nFlexible hours. Work when it suits you and your family.\n\n"
     "Learning budget. 2,000 EUR each year for books and conferences.",
     {"responsibilities": 2, "benefits": 2}, ("benefits", "Flexible hours. Work when it suits you and your family.")),
    # real: en_354 (LocalStack): paragraphs under "What we offer", then a "Get in touch" line: prose, no items
    ("Your profile\n\n- Solid experience with AWS\n- Excellent communication skills\n\nWhat we offer\n\n"
     "We offer a highly dynamic, productive, and flexible work environment. We can offer competitive salary "
     "packages which will generally depend on your level of expertise and experience.\n\nWe strive to provide a "
     "flexible work environment, and can accommodate flexible work hours (and timezones).\n\nGet in touch\n\n"
     "If you think this could be a good match, please send us an email with your CV/portfolio to info@localstack.cloud.\n"
     "We very much look forward to getting to know you!",
     {"requirements": 2, "benefits": 0}, ("requirements", "Solid experience with AWS")),
]


@pytest.mark.parametrize(("text", "counts", "first"), SECTIONS)
def test_split_sections_dev3_shapes(text, counts, first):
    sections = split_sections(text)
    for kind, count in counts.items():
        assert len(getattr(sections, kind)) == count, (kind, getattr(sections, kind))
    kind, item = first
    assert getattr(sections, kind)[0] == item


MEANINGS = [
    ("Was Du davon hast", "benefits"),  # real: de_357, de_365 (port-zero)
    ("Was haben Sie davon?", "benefits"),
    ("Why should you apply?", "benefits"),  # real: en_356 (LanguageTooler)
    ("Warum solltest du dich bei uns bewerben?", "benefits"),
    ("Why this role matters", "responsibilities"),  # a why about the role, not about joining
    ("Why we need you", None),
    ("Du willst", "responsibilities"),  # real: de_358 (zebbra), over "- Kunden verstehen, Ideen entwickeln"
    ("Du willst mehr erfahren?", "other"),  # the closing question
    ("Some details you should know:", "other"),  # real: en_308 (NewBoCo): facts, not a profile
    ("Details zu deinen Aufgaben", "responsibilities"),  # a section's own word wins
    ("Detailed Rationale", None),  # "detailed" qualifies the noun, it names no facts box
    ("We get excited about engineers who have...", "requirements"),  # real: en_309 (Stitch Fix)
    ("Who are we?", "company"),
    # real: de_134 (freelancermap): a bracketed remark does not turn a profile into the application process
    ("Must have (Erfüllung ist notwendig für die Teilnahme am Bewerbungsprozess):", "requirements"),
    # application questions and hiring steps are no section (real: de_352 'Schreib eine Mail … und teile uns
    # Folgendes mit:' over questions; written variants below)
    ("Application questions", "other"),
    ("Your application should include:", "other"),
    ("Bitte beantworte folgende Fragen:", "other"),
    ("Unser Recruiting-Prozess", "other"),  # the hyphenated compound's head counts
    ("How we hire", "other"),
    ("Deine Aufgaben im Recruiting", "responsibilities"),  # a section word wins over the weaker stems
    ("Experience with web applications:", "requirements"),
    # written variants of the same meanings
    ("Das springt für dich raus", "benefits"),
    ("Darum zu uns", "benefits"),
    ("Du passt zu uns, wenn", "requirements"),  # a condition on the reader, as "You'll fit right in if:"
]


@pytest.mark.parametrize(("line", "kind"), MEANINGS)
def test_heading_meaning_dev3(line, kind):
    assert heading_meaning(line) == kind


WISHES = [
    # real: en_352 (cogni.systems): "Recommended skills" are wishes beyond the essential ones
    ("Essential skills\n\n- Strong English communication skills, both written and verbal\n- Android familiarity\n\n"
     "Recommended skills\n\n- Android CTS test experience\n- Some basic familiarity with git version control system",
     2),
    # real: en_303 (Defacto): a heading that says its list holds no requirements, in an ad without a profile
    ("You preferably have experience with (these are not requirements!):\n\n- The Phoenix Framework\n"
     "- Test-driven development\n\nWhat do we offer\n\n- A competitive salary\n- Wide range of training opportunities",
     0),
    # a wish list alone is still the profile when its heading does not deny it
    ("Nice to have:\n\n- Erfahrungen mit CA-Systemen\n- Projekterfahrung mit PKI\n\nWir bieten\n\n- Homeoffice", 2),
]


@pytest.mark.parametrize(("text", "requirements"), WISHES)
def test_wish_lists(text, requirements):
    assert len(split_sections(text).requirements) == requirements


NESTED = [
    # real: de_371 (Code+Design Initiative): sections as nested lists inside one list, nesting lost in the text
    ("Über Code+Design Initiative e.V.\n\n- Wir sind ein gemeinnütziger Verein\n\nOperations (10h/Woche, Mini-Job)\n\n"
     "- \"Du bist gut organisiert und liebst es, aufzuräumen\"\n- Aufgaben\n- Eingehende Dokumente (Post, Belege) verwalten\n"
     "- Belege und Dokumente scannen und ordnen\n- Voraussetzungen\n- Strukturiertes selbstständiges Arbeiten\n"
     "- Sehr gute Deutschkenntnisse\n- Rahmen\n- Mini-Job (450€ Basis)\n- 10h die Woche (5x2h oder 2x3+1x4h)",
     {"responsibilities": 2, "requirements": 2}),
    # a board's chips above the first heading: "- Berufserfahrung" is a chip, not a heading
    ("Donauwerk Metallbau GmbH\n\n- Linz\n- Vollzeit\n- Berufserfahrung\n- € 3.100 brutto/Monat\n- vor 4 Tagen\n\n"
     "Dein Profil\n\n- Mindestens 2 Jahre Berufserfahrung in der Buchhaltung\n- Sehr gute Deutschkenntnisse",
     {"requirements": 2}),
    # a hiring process's last step names an offer: an item of that list
    ("Deine Aufgaben\n\n- Buchhaltung\n- Mahnwesen\n\nBewerbungsprozess\n\n- Telefonat\n- Interview\n- Offer\n"
     "- Vertrag\n- Start", {"responsibilities": 2, "benefits": 0}),
]


@pytest.mark.parametrize(("text", "counts"), NESTED)
def test_named_inner_lists(text, counts):
    sections = split_sections(text)
    for kind, count in counts.items():
        assert len(getattr(sections, kind)) == count, (kind, getattr(sections, kind))


def test_why_apply_heading_ends_the_task_list():
    # real: en_356 (LanguageTooler): without the heading its benefits were read as more tasks
    text = ("Your tasks\n\n- write new error detection rules for mistakes people make when writing English\n"
            "- test your new rules and existing ones, and improve them\n\nRequirements\n\n"
            "- excellent command of American English (native speaker: US or Canada)\n\nWhy should you apply?\n\n"
            "- set your own working hours\n- work from home\n"
            "- help improve software that is used by hundreds of thousands of people each day\n\n"
            "Interested? Please send your questions or your application to Udo Mai.")
    sections = split_sections(text)
    assert len(sections.responsibilities) == 2
    assert len(sections.requirements) == 1
    assert sections.benefits[0] == "set your own working hours" and len(sections.benefits) == 3


EMPLOYMENT = [
    ("- Gehalt: 80% Stelle, 3470 Euro brutto", "part_time"),  # real: de_353, de_354 (CorrelAid)
    ("Wir bieten eine 50%-Stelle in unserem Team.", "part_time"),
    ("Pensum 60%", "part_time"),
    ("Pensum 40–60 %", "part_time"),  # a range below full time is part time
    ("als Teamleiter/in Pflege 80-100% für eine Festanstellung", None),  # real: de_366: offered both ways
    ("Full-Stack Software Developer 70-100%", None),  # real: de_358 front matter subtitle
    ("Pensum: 100% Stelle", "full_time"),
    ("Personalrabatt 20% auf alle Artikel der Stelle", None),  # a discount is no workload
    ("Beschäftigungsgrad 50 bis 70 Prozent", "part_time"),  # the share written out
    ("Wir wachsen um 20 Prozent pro Jahr", None),
    ("Position: 0,5 FTE", "part_time"),
    ("1.0 FTE, permanent", "full_time"),
    ("Our team of 10 FTE", None),
]


@pytest.mark.parametrize(("text", "expected"), EMPLOYMENT)
def test_employment_type_from_workload(text, expected):
    assert employment_type(text) == expected


LANGUAGES = [
    # real: de_353 (CorrelAid): "mind." is no sentence end, and the bracketed level is German's only
    ("- Englischkenntnisse, Deutschkenntnisse (mind. C1)",
     [{"language": "de", "level": "very_good"}, {"language": "en", "level": None}]),
    ("Deutsch und Englisch (fließend)", [{"language": "de", "level": "fluent"}, {"language": "en", "level": "fluent"}]),
    ("Englischkenntnisse (min. B2) für Gespräche mit Kunden, z. B. Banken", [{"language": "en", "level": "good"}]),
]


@pytest.mark.parametrize(("text", "expected"), LANGUAGES)
def test_language_levels(text, expected):
    assert required_languages(text) == expected


CONTRACTS = [
    # real: de_366 (VitaMedica): the training is the applicant's past qualification, the verb comes last
    ("Die Ausbildung zur Dipl. Pflegefachperson HF/ FH/ DNII haben Sie erfolgreich abgeschlossen und verfügen über "
     "eine Führungsweiterbildung", None),
    ("Die Ausbildung zum Elektroniker haben Sie mit Erfolg abgeschlossen.", None),
    ("Wir bieten eine Ausbildung zur Pflegefachkraft, die du nach drei Jahren abgeschlossen hast.", "apprenticeship"),
    ("Ausbildung zum Kaufmann für Büromanagement (m/w/d). Nach abgeschlossener Ausbildung übernehmen wir dich.",
     "apprenticeship"),
    # real: de_301 (Defacto): no end date is a permanent post
    ("Es handelt sich um eine Vollzeit-Position auf unbestimmte Zeit.", "permanent"),
    ("The role is offered for an indefinite period.", "permanent"),
]


@pytest.mark.parametrize(("text", "expected"), CONTRACTS)
def test_contract_type_of_a_past_training(text, expected):
    assert contract_type(text) == expected


EDUCATION = [
    ("- B.S. in Computer Science", "bachelor"),  # real: en_304 (JMI Laboratories)
    ("<li>BS/BA 4 year degree</li>", "bachelor"),  # real: en_311 (Doximity, Greenhouse)
    ("Our office is in the U.S. and we sell to the E.U.", None),
]


@pytest.mark.parametrize(("text", "expected"), EDUCATION)
def test_bachelor_abbreviations(text, expected):
    assert education_level(text) == expected


@pytest.mark.parametrize(("item", "is_benefit"), [
    ("3470 Euro brutto", True),  # real: de_353 (CorrelAid)
    ("positive Fehlerkultur: ein Umfeld, in dem neue Ideen schnell ausprobiert werden können", True),  # real: de_353
    ("viel Raum für Ideen, Konzepte und Austausch", True),  # real: de_353
    ("Großer Gestaltungsspielraum: z.B. Arbeitszeiten, Home-Office und Aufgabenbereiche", True),  # real: de_357
    ("Mentoring durch erfahrene Entwickler und System-Administratoren.", True),  # real: de_355
    ("Equity and a 401(k) plan with company match", True),
    ("Vorbereitende Buchhaltung (Datev Unternehmen Online)", False),  # real: de_357, a task
    ("Erfahrung mit Spreadsheets", False),  # real: de_357, a requirement
])
def test_benefit_cues(item, is_benefit):
    assert bool(cue_scores([item])["benefits"]) is is_benefit
