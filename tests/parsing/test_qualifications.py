from pathlib import Path

import pytest

from crawler.parsing.qualifications import (
    education_level,
    experience_years_in_requirements,
    experience_years_min,
    required_languages,
)

SEEDS = Path(__file__).resolve().parents[1] / "files" / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5+ years of experience in backend development", 5),
        ("At least 3 years of professional experience", 3),
        ("Mindestens 3 Jahre Berufserfahrung im Controlling", 3),
        ("Berufserfahrung von mindestens zwei Jahren", 2),
        ("2-3 years of experience with Python", 2),
        # a range from none, and a figure repeated in brackets (improwised, 18f: dev11)
        ("0-5 Years of relevant experience", 0),
        ("0 bis 2 Jahre Berufserfahrung", 0),
        ("You must have one (1) year of specialized experience at the next lower grade.", 1),
        ("0 years of experience", None),
        # "J." for Jahre in a terse record (porsche, dev12)
        ("Mehrjährige Berufserfahrung (i.d.R. > 5 J.) in der Produktentwicklung", 5),
        ("3 bis 5 Jahre Berufserfahrung", 3),
        ("drei Jahre Berufserfahrung in der Softwareentwicklung", 3),
        ("Five years of experience in a similar role", 5),
        ("3-jährige Berufserfahrung", 3),
        ("eine dreijährige einschlägige Berufserfahrung", 3),
        ("Experience of at least 4 years in data engineering", 4),
        ("3 or more years of relevant experience", 3),
        ("Minimum of 7 years experience in sales", 7),
        ("10+ yrs experience", 10),
        ("Erfahrung (3+ Jahre) in Java", 3),
        ("Ein Jahr Berufserfahrung ist wünschenswert", 1),
        ("You have 2+ years of experience. 5 years of Kubernetes experience would be a plus.", 2),
        ("Strong experience (5+ years) in ML\nExperience (1+ years) in infrastructure-as-code\n"
         "Experience (2+ years) in managing projects", 5),
        ("Bachelor with 5 years of experience or Master with 3 years of experience", 3),
        ("mehrjährige Berufserfahrung im Vertrieb", None),
        ("Erste Berufserfahrung im Projektmanagement", None),
        ("Several years of experience in consulting", None),
        ("For over 100 years, ALDI has stood for the discount principle and experience.", None),
        ("We have over 20 years of experience in the market.", None),
        ("Founded in 1998, we bring experience to every project.", None),
        ("30 days of vacation and experience-based learning", None),
        ("Die Stelle ist auf 2 Jahre befristet. Erfahrung mit SAP ist von Vorteil.", None),
        ("A 2-year contract; experience in sales required", None),
        ("Candidates must be at least 18 years old and have experience driving.", None),
        ("", None),
    ],
)
def test_experience_years_min(text, expected):
    assert experience_years_min(text) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # Real requirement items (tests/real/dev3 en_310 MetaCommunications on Jobvite, en_311 Doximity).
        (["5+ years as an engineering lead or design engineer", "3+ years of software engineering management",
          "3+ years of “in the trenches” startup experience or working with a small team (<30)"], 5),
        (["BS/BA 4 year degree", "3+ years experience working with clients"], 3),
        # Written edges: a course's length is not experience; experience in training others is.
        (["Abgeschlossenes 3 Jahre Studium der Informatik"], None),
        (["mindestens 2 Jahre Erfahrung in der Ausbildung von Lehrlingen"], 2),
    ],
)
def test_experience_years_in_requirements(items, expected):
    assert experience_years_in_requirements(items) == expected


def test_seed_001_experience_years_min():
    assert experience_years_min(seed("001")) == 5


def test_seed_000_has_no_experience_years():
    assert experience_years_min(seed("000")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Good degree, e.g. in data science, (business) informatics, mathematics", "degree"),
        ("Successfully completed studies in mathematics or a comparable qualification", "degree"),
        ("Bachelor's or Master's degree in Computer Science", "bachelor"),
        ("Abgeschlossenes Studium der Informatik", "degree"),
        ("Abgeschlossenes Hochschulstudium (Bachelor/Master) in BWL", "bachelor"),
        ("Hochschulabschluss in Wirtschaftswissenschaften", "degree"),
        ("Master's degree in Statistics", "master"),
        ("Master of Science in Physics", "master"),
        ("PhD in Machine Learning", "phd"),
        ("Abgeschlossene Promotion in Chemie", "phd"),
        ("PhD or Master's degree in a quantitative field", "master"),
        ("Abgeschlossene Berufsausbildung als Elektroniker", "vocational"),
        ("Kaufmännische Ausbildung oder vergleichbare Qualifikation", "vocational"),
        ("Abgeschlossenes Studium oder vergleichbare Ausbildung", "vocational"),
        ("Studium oder Ausbildung im Bereich IT", "vocational"),
        ("Diplom-Ingenieur (FH/TU) oder Master", "master"),
        ("University degree in engineering, ideally a Master's", "degree"),
        ("Degree in Computer Science; a PhD is a plus", "degree"),
        ("A PhD would be a plus.", None),
        ("Meister oder Techniker im Bereich Elektrotechnik", "vocational"),
        ("Du bist Scrum Master mit Erfahrung in agilen Teams.", None),
        ("Pflege der Master Data in SAP", None),
        ("You master the challenge of complex projects.", None),
        ("Eingeschriebene/r Student/in im Masterstudium Informatik", None),
        ("Du schreibst deine Bachelorarbeit bei uns", None),
        ("We value a high degree of autonomy.", None),
        ("Sales Promotion und Marketingaktionen", None),
        ("Ausbildung zum Fachinformatiker (m/w/d) – Start August", None),
        # India's degree names (improwised, dev11): the lowest of the alternatives
        ("B.Tech / MSc IT / MCA", "bachelor"),
        ("BE/B.Tech in Computer Science", "bachelor"),
        ("M.Tech in VLSI design", "master"),
        ("Be a team player", None),
        # adjectives joined by commas and "oder" before the Studium (porsche, dev12)
        ("Erfolgreich abgeschlossenes wirtschaftswissenschaftliches, ingenieurswissenschaftliches oder logistisches "
         "Studium", "degree"),
        # the US name of a first degree (dev21 en_2115, an NCEAS fellowship); the French school-leaving
        # "baccalauréat" alone is none
        ("A baccalaureate degree (or equivalent degree) in ecology, environmental science or a related field", "bachelor"),
        ("Baccalauréat ou équivalent", None),
        ("", None),
    ],
)
def test_education_level(text, expected):
    assert education_level(text) == expected


def test_seed_000_education_level():
    assert education_level(seed("000")) == "degree"


def test_seed_001_education_level():
    assert education_level(seed("001")) == "degree"


def lang(*pairs):
    return [{"language": code, "level": level} for code, level in pairs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Very good written and spoken German and English skills", lang(("de", "very_good"), ("en", "very_good"))),
        ("Very good written and spoken English and preferably German skills",
         lang(("de", "very_good"), ("en", "very_good"))),
        ("Sehr gute Deutsch- und gute Englischkenntnisse", lang(("de", "very_good"), ("en", "good"))),
        ("Verhandlungssicheres Englisch", lang(("en", "fluent"))),
        ("Fließend Deutsch in Wort und Schrift", lang(("de", "fluent"))),
        # unibw (dev13 de_1312): a high level named with "Niveau"
        ("Deutsch in Wort und Schrift auf sehr hohem Niveau sowie sehr gutes Englisch",
         lang(("de", "very_good"), ("en", "very_good"))),
        ("Englisch auf hohem Niveau", lang(("en", "very_good"))),
        ("Deutsch auf C1-Niveau", lang(("de", "very_good"))),
        ("Deutschkenntnisse mindestens B2", lang(("de", "good"))),
        ("Business fluent English", lang(("en", "fluent"))),
        ("Native speaker of German", lang(("de", "native"))),
        ("Deutsch als Muttersprache", lang(("de", "native"))),
        ("Grundkenntnisse in Französisch", lang(("fr", "basic"))),
        ("Englisch A2", lang(("en", "basic"))),
        ("German C2", lang(("de", "fluent"))),
        ("English (fluent), German is a plus", lang(("en", "fluent"))),  # wished for, no level: not required
        ("Deutsch und Englisch fließend in Wort und Schrift", lang(("de", "fluent"), ("en", "fluent"))),
        ("Deutsch (C1) und Englisch (B2)", lang(("de", "very_good"), ("en", "good"))),
        ("Fließend Deutsch, Englisch wünschenswert", lang(("de", "fluent"))),
        ("Excellent command of English", lang(("en", "very_good"))),
        ("Fluency in German and English", lang(("de", "fluent"), ("en", "fluent"))),
        # The level word before "Kenntnisse von" is shared by the languages named after it (dev5
        # de_506, denog/denog.github.io); "native fluency" is a native speaker's (dev5 en_526, eyeo).
        ("Sehr Gute Kenntnisse von Deutsch und Englisch in Wort und Schrift",
         lang(("de", "very_good"), ("en", "very_good"))),
        ("Gute Kenntnisse von Englisch und Französisch", lang(("en", "good"), ("fr", "good"))),
        ("Native fluency in German and English. Fluency in other languages is a plus",
         lang(("de", "native"), ("en", "native"))),
        ("Native-level proficiency in Dutch", lang(("nl", "native"))),
        ("Sehr gute Kenntnisse der deutschen Sprache", lang(("de", "very_good"))),
        ("Englischkenntnisse", lang(("en", None))),
        ("You speak English", lang(("en", None))),
        ("Good Spanish or Italian skills", lang(("es", "good"), ("it", "good"))),
        ("Very good knowledge of the German market", []),
        ("Experience with German companies and the English-speaking world", []),
        ("Erfahrung im deutschsprachigen Raum", []),
        ("Strong Python language skills", []),
        ("We are a German company with a very good reputation.", []),
        ("Our English team has excellent skills.", []),
        # the German adjective before a noun of the language itself (dev22 nexum ads)
        ("Sehr gute deutsche Rechtschreibung", [{"language": "de", "level": "very_good"}]),
        ("Gute deutsche Sprachkenntnisse (B2)", [{"language": "de", "level": "good"}]),
        ("Deutsche Staatsbürgerschaft erforderlich", []),
        # a level before the skill phrase that names the language at its end
        ("Excellent written and verbal communication skills in English", [{"language": "en", "level": "very_good"}]),
        ("Native or bilingual proficiency in German", [{"language": "de", "level": "native"}]),
        ("German language skills (C1) are required", [{"language": "de", "level": "very_good"}]),
        # a copula and a level after the language speak of the language itself (Arbeitnow API ads)
        ('Dein Deutsch ist idealerweise auf "Muttersprache" Level. Dein Englisch ist gut für Konversationen.',
         [{"language": "de", "level": "native"}, {"language": "en", "level": "good"}]),
        ("Deine Deutschkenntnisse sind mindestens auf dem Niveau C1.", [{"language": "de", "level": "very_good"}]),
        ("Das Englisch ist hier egal.", []),
        ("Perfekte Deutschkenntnisse in Wort und Schrift", [{"language": "de", "level": "very_good"}]),
        # vele616 jobboard ads (language lines scanned against the parsed languages)
        ("Fluent in English verbally and in writing", [{"language": "en", "level": "fluent"}]),
        ("Good technical English (at least writing);", [{"language": "en", "level": "good"}]),
        ("Excellent business English skills", [{"language": "en", "level": "very_good"}]),
        ("Native in English US and fluent in Chinese;",
         [{"language": "en", "level": "native"}, {"language": "zh", "level": "fluent"}]),
        ("Experience with the English US market is a plus", []),
        ("Strong English reading, writing, and speaking skills", [{"language": "en", "level": "very_good"}]),
        ("Good English writing and communication skills", [{"language": "en", "level": "good"}]),
        ("Du kannst dich fließend auf Deutsch und Englisch verständigen",
         [{"language": "de", "level": "fluent"}, {"language": "en", "level": "fluent"}]),
        ("", []),
    ],
)
def test_required_languages(text, expected):
    assert required_languages(text) == expected


def test_the_lower_of_two_levels_is_kept():
    text = "Fließendes Deutsch\nDu kommunizierst sicher auf Deutsch (mindestens B2)"
    assert required_languages(text) == lang(("de", "good"))


def test_seed_000_languages():
    assert required_languages(seed("000")) == lang(("de", "very_good"), ("en", "very_good"))


def test_seed_001_languages():
    assert required_languages(seed("001")) == lang(("de", "very_good"), ("en", "very_good"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mindestens 5 Jahre Beratungserfahrung im SAP-Finanzwesen, davon 2 Jahre mit S/4HANA", 5),
        ("7+ years of experience in applied data science, including at least 2 years leading people", 7),
        ("8+ years in SRE, DevOps or infrastructure roles, including 2+ years leading engineers experience", 8),
        ("2 years of experience in sales or 5 years of experience in marketing", 2),
        ("You have 2+ years of experience. 5 years of Kubernetes experience would be a plus.", 2),
        ("Berufserfahrung von mind. 3 Jahren im Einkauf", 3),
    ],
)
def test_figures_within_one_sentence(text, expected):
    assert experience_years_min(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Abgeschlossene dreijährige Ausbildung als Pflegefachfrau", "vocational"),
        ("Abgeschlossene HTL für Tiefbau oder Studium des Bauingenieurwesens", "vocational"),
        ("Abschluss als Verwaltungsfachwirt/in (Angestelltenlehrgang II) oder Bachelor of Arts", "vocational"),
        ("HNC, HND or degree in Mechanical Engineering", "vocational"),
        ("Abschluss in Informatik (Universität oder Fachhochschule) oder eine Informatiklehre mit Weiterbildung",
         "vocational"),
        ("Abgeschlossenes betriebswirtschaftliches Studium oder Weiterbildung zum Bilanzbuchhalter", "vocational"),
        ("Abgeschlossenes Studium (Bachelor) im Wirtschaftsingenieurwesen", "bachelor"),
        ("Abgeschlossenes Hochschulstudium (Diplom-FH/Bachelor) der Fachrichtung Bauingenieurwesen", "bachelor"),
        ("Hochschulstudium (Master oder Universitätsdiplom) in Informatik", "master"),
        ("Abgeschlossenes Studium der Betriebswirtschaftslehre mit Schwerpunkt Finanzen", "degree"),
        ("Studium der Informatik, idealerweise mit Weiterbildung zum Scrum Master", "degree"),
        ("BA/BS in Computer Science", "bachelor"),
        ("MS in Statistics or a related field", "master"),
        ("Sicherer Umgang mit MS Office", None),
        ("Mitwirkung in der Lehre im Umfang von 4 SWS", None),
    ],
)
def test_more_education_levels(text, expected):
    assert education_level(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Excellent English; German is a plus", [{"language": "en", "level": "very_good"}]),
        ("Good English; Portuguese or Spanish is a plus", [{"language": "en", "level": "good"}]),
        ("Native-level German and business fluent English",
         [{"language": "de", "level": "native"}, {"language": "en", "level": "fluent"}]),
        ("Strong German engineering background", []),
    ],
)
def test_a_level_word_right_before_a_language(text, expected):
    assert required_languages(text) == expected


@pytest.mark.parametrize(("item", "expected"), [
    # a requirement item that opens with a language asks for it (controlf, dev11 de_1111/de_1112)
    ("Deutsch für die Halle, Englisch für die Dokumentation.", ["de", "en"]),
    ("Englisch für die Kommunikation mit Kunden", ["en"]),
    # not asked, or no language at all
    ("Very good English; German is helpful for local playtests but not required", ["en"]),
    ("German market knowledge", []),
])
def test_a_requirement_item_opening_with_a_language_asks_for_it(item, expected):
    from crawler.parsing.qualifications import required_languages

    assert [entry["language"] for entry in required_languages(item, requirement_items=True)] == expected
