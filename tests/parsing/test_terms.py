from pathlib import Path

import pytest

from crawler.parsing.terms import (
    contract_type,
    contract_type_from_structured,
    employment_type,
    employment_type_from_structured,
    workplace_type,
)

SEEDS = Path(__file__).resolve().parents[1] / "files" / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Full Time, Home office possible", "hybrid"),
        ("Homeoffice möglich", "hybrid"),
        ("Vor Ort im Office (Remote teilweise möglich)", "hybrid"),  # clubcard (dev13 de_1311)
        ("This will be a hybrid co-op in our new Toronto office.", "hybrid"),  # waterlooworks (dev14 en_1420)
        ("Wir bieten mobiles Arbeiten und flexible Arbeitszeiten.", "hybrid"),
        ("Hybrid working: 2 days remote, 3 days in the office", "hybrid"),
        ("2 days remote per week", "hybrid"),
        ("Location: Cologne, hybrid", "hybrid"),
        ("Berlin (Hybrid)", "hybrid"),
        ("Hybrides Arbeitsmodell mit 50 % Homeoffice", "hybrid"),
        ("Bis zu 3 Tage Homeoffice pro Woche", "hybrid"),
        ("We are a remote-first company.", "remote"),
        ("This is a 100% remote position.", "remote"),
        ("Fully remote within Germany", "remote"),
        ("Remote (United States)", "remote"),
        ("Location: Remote", "remote"),
        ("Hamburg oder Remote", "remote"),
        ("Du arbeitest komplett remote von überall in Deutschland.", "remote"),
        ("Remote-first, but this role needs you 3 days per week in the office in Berlin.", "hybrid"),
        ("Arbeitsmodell: vor Ort", "onsite"),
        # A place label naming home and the site both (dev5 de_510, Corporate-Software-AG/hugo-coso-website)
        ("* Arbeitsort: Homeoffice und gelegentlich vor Ort in Biel oder Bern", "hybrid"),
        ("Arbeitsort: vor Ort in Bern", "onsite"),
        ("Workplace type: On-site", "onsite"),
        ("This is an on-site role in our Munich plant.", "onsite"),
        ("Die Stelle ist zu 100 % vor Ort zu besetzen, kein Homeoffice.", "onsite"),
        ("Munich, on-site", "onsite"),
        ("On-site in Munich, with occasional home office", "hybrid"),
        ("Work from anywhere 4 weeks a year", None),
        # where the person may live and work (dev18 en_1801/en_1802, P2PU)
        ("You can be based anywhere in the world so long as you can regularly meet between 8AM-12PM", "remote"),
        ("You can be based anywhere.", "remote"),
        ("Workation: bis zu 30 Tage im EU-Ausland arbeiten", None),
        ("Our hybrid cloud platform runs on Kubernetes.", None),
        ("You support our customers on-site when needed.", None),
        ("Remote monitoring of wind turbines", None),
        ("Vor Ort betreust du unsere Kunden.", None),
        ("", None),
    ],
)
def test_workplace_type(text, expected):
    assert workplace_type(text) == expected


def test_perk_does_not_hide_the_real_mode():
    text = "Homeoffice möglich. Außerdem: Work from anywhere 4 weeks a year."
    assert workplace_type(text) == "hybrid"


def test_seed_000_workplace_type():
    assert workplace_type(seed("000")) == "hybrid"


def test_seed_001_workplace_type():
    assert workplace_type(seed("001")) == "hybrid"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Full Time, Home office possible", "full_time"),
        ("Vollzeit", "full_time"),
        ("Festanstellung, Vollzeit", "full_time"),
        ("Teilzeit (20 Stunden/Woche)", "part_time"),
        ("part-time position", "part_time"),
        ("Part time", "part_time"),
        ("20 Stunden/Woche", "part_time"),
        ("40 hours per week", "full_time"),
        ("38,5 Stunden pro Woche", "full_time"),
        ("mit 30 Wochenstunden", "part_time"),
        # hours a month (dev17 en_1714 / de_1713, RustFest)
        ("All in all, we expect 30 hours of work per month for all three.", "part_time"),
        ("Insgesamt rechnen wir mit 30 Stunden monatlich.", "part_time"),
        ("160 Stunden im Monat", "full_time"),
        ("Wir zahlen 13 Monatsgehälter", None),
        ("Vollzeit oder Teilzeit", "full_time"),
        ("Voll- oder Teilzeit", "full_time"),
        ("Full-time or part-time", "full_time"),
        ("Die Stelle ist auch in Teilzeit möglich.", "full_time"),
        ("Teilzeit, eine Aufstockung auf Vollzeit ist möglich", "part_time"),
        ("Minijob auf 538-Euro-Basis", "part_time"),
        ("Wir bieten flexible Teilzeitmodelle und Elternteilzeit.", None),
        # German compounds of "Teilzeit" (dev21 de_2100), and the option written with one
        ("Sie sind auf der Suche nach einer flexiblen Teilzeitbeschäftigung auf Honorarbasis", "part_time"),
        ("Teilzeittätigkeit (20 Std.)", "part_time"),
        ("Vollzeit, Teilzeitarbeit möglich", "full_time"),
        ("30 Tage Urlaub", None),
        ("", None),
    ],
)
def test_employment_type(text, expected):
    assert employment_type(text) == expected


def test_seed_001_employment_type():
    assert employment_type(seed("001")) == "full_time"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("FULL_TIME", "full_time"),
        ("PART_TIME", "part_time"),
        (["FULL_TIME", "PART_TIME"], "full_time"),
        (["PART_TIME", "TEMPORARY"], "part_time"),
        ("full-time", "full_time"),
        ("Vollzeit", "full_time"),
        ("Teilzeit", "part_time"),
        ("fulltime_permanent", "full_time"),
        ("parttime_fixed_term", "part_time"),
        ("FULL_TIME, CONTRACTOR", "full_time"),
        ("CONTRACTOR", None),
        ("INTERN", None),
        ([], None),
        (None, None),
    ],
)
def test_employment_type_from_structured(value, expected):
    assert employment_type_from_structured(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Permanent contract", "permanent"),
        ("Contract: Permanent", "permanent"),
        # a contract's status and length as label lines (dev16: a UK school-jobs board, a Berlin non-profit)
        ("Contractual Status: Permanent", "permanent"),
        ("Vertragslaufzeit: vorerst bis 31.12.2024, mit Aussicht auf Verlängerung", "fixed_term"),
        ("Vertragslaufzeit: 24 Monate mit Aussicht auf Verlängerung", "fixed_term"),
        ("Contract length: 12 months", "fixed_term"),
        ("Laufzeit: unbefristet", "permanent"),
        ("Die Laufzeit der Förderung beträgt drei Jahre.", None),
        ("unbefristetes Arbeitsverhältnis", "permanent"),
        ("Festanstellung, Vollzeit", "permanent"),
        ("Open-ended contracts with an attractive salary package", "permanent"),
        ("Permanent, Full time", "permanent"),
        ("Die Stelle ist zunächst auf 2 Jahre befristet.", "fixed_term"),
        ("befristet auf 24 Monate mit Option auf Übernahme in ein unbefristetes Arbeitsverhältnis", "fixed_term"),
        ("fixed-term contract for 12 months", "fixed_term"),
        ("Elternzeitvertretung (m/w/d)", "fixed_term"),
        ("Maternity cover, 12-month contract", "fixed_term"),
        ("Freiberuflich / Freelance", "freelance"),
        ("Freelancer (m/w/d) für SAP-Projekt", "freelance"),
        ("Independent Contractor", "freelance"),
        ("Festanstellung oder freiberuflich", "permanent"),
        ("Praktikum im Bereich Marketing (m/w/d)", "internship"),
        ("Pflichtpraktikum Data Science", "internship"),
        ("Internship Software Engineering (6 months)", "internship"),
        # a university's co-op term (waterlooworks dev14 en_1420); a co-operative shop is no contract
        ("Job Type:\tCo-op Main", "internship"),
        ("This will be a hybrid co-op in our new Toronto office.", "internship"),
        ("We are a member-owned co-op grocery store.", None),
        ("Intern (m/f/d) Business Development", "internship"),
        ("Praktikum, befristet auf 6 Monate", "internship"),
        ("Ausbildung zum Fachinformatiker für Anwendungsentwicklung (m/w/d)", "apprenticeship"),
        ("Auszubildende zur Kauffrau im Einzelhandel", "apprenticeship"),
        ("Duales Studium Informatik (B.Sc.)", "apprenticeship"),
        ("Apprenticeship as an electrician", "apprenticeship"),
        ("Werkstudent (m/w/d) Data Engineering", "working_student"),
        ("Working Student Marketing", "working_student"),
        ("Werkstudent:in oder Praktikant:in im Bereich HR", "working_student"),
        ("Abgeschlossene Ausbildung zum Industriekaufmann oder vergleichbare Qualifikation", None),
        ("Erste Erfahrungen aus einem Praktikum im Bereich Controlling", None),
        ("You gained first experience through an internship.", None),
        ("We permanently improve our products.", None),
        ("Keine befristeten Verträge – wir stellen unbefristet ein.", "permanent"),
        # Lasting employment by word meaning (dev5 de_505, a Wels tax firm: "sichere Daueranstellung in
        # renommierter Steuerberatungskanzlei"); Austrian "Fixanstellung".
        ("sichere Daueranstellung in renommierter Steuerberatungskanzlei im Herzen von Wels", "permanent"),
        ("Fixanstellung, 38,5 Stunden", "permanent"),
        ("Wir bieten eine dauerhafte Anstellung in einem tollen Team.", "permanent"),
        ("Die Ausbildungsdauer beträgt drei Jahre.", None),
        # Apprentices as the people served, not the position (dev5 de_531, a student hall's 'Joblot*in' for
        # apprentices); a header title or a hiring sentence still names the position.
        ("Das Collegium Academicum ist ein Wohnheim für junge Menschen in Ausbildung: für Studierende, "
         "Promovierende und Auszubildende. Gerade für Auszubildende kann ein Wohnangebot eine Hürde sein.", None),
        ("Wir suchen zum 1.8.2027 eine:n Auszubildende:n zur Kauffrau für Büromanagement in unserem Büro.",
         "apprenticeship"),
        ("Azubi (m/w/d) Kaufmann im Einzelhandel", "apprenticeship"),
        ("Dauerhafte Motivation und Freude an der Arbeit", None),
        # dev19 de_1907 (Posteo): a training asked for as a qualification is not the position
        ("* eine Ausbildung zum Fachinformatiker oder eine ähnliche Qualifikation können von Vorteil sein\n"
         "* eine unbefristete Festanstellung", "permanent"),
        ("Eine Ausbildung zur Pflegefachkraft ist erwünscht.", None),
        ("Wir bieten eine Ausbildung zum Koch ab August.", "apprenticeship"),
        # dev20 en_2006 (UCL), de_2002 (a Markdown post): the term said of the post; emphasis marks around the word
        ("This post is open ended.", "permanent"),
        ("_Befristet_: bis 31.12.2024", "fixed_term"),
        ("", None),
    ],
)
def test_contract_type(text, expected):
    assert contract_type(text) == expected


def test_seed_000_contract_type():
    assert contract_type(seed("000")) == "permanent"


def test_seed_001_contract_type():
    assert contract_type(seed("001")) == "permanent"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("INTERN", "internship"),
        ("CONTRACTOR", "freelance"),
        ("TEMPORARY", "fixed_term"),
        (["FULL_TIME", "TEMPORARY"], "fixed_term"),
        ("FULL_TIME", None),
        ("fulltime_permanent", "permanent"),
        ("parttime_fixed_term", "fixed_term"),
        ("fulltime_fixed_term", "fixed_term"),
        ("permanent", "permanent"),
        ("intern", "internship"),
        ("trainee", "apprenticeship"),
        ("freelance", "freelance"),
        ("working_student", "working_student"),
        ("Werkstudent", "working_student"),
        ("unbefristet", "permanent"),
        ("befristet", "fixed_term"),
        (None, None),
    ],
)
def test_contract_type_from_structured(value, expected):
    assert contract_type_from_structured(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Möglichkeit, an zwei Tagen pro Woche mobil zu arbeiten", "hybrid"),
        ("Gleitzeit und die Möglichkeit zur Telearbeit", "hybrid"),
        ("A few days at home", "hybrid"),
        ("A modern office and two remote days per week", "hybrid"),
        ("20 hours per week, from our office at Ostbahnhof or from home.", "hybrid"),
        ("Arbeiten im Büro am Kulturbahnhof oder remote – ganz wie es für dich passt", "hybrid"),
        ("Hybrid: two days a week in the Kreuzberg office, the rest remote", "hybrid"),
        ("Location: Manchester (1 day per week on site)", "hybrid"),
        ("Work Location: In person", "onsite"),
        ("This is a fully site-based role at our Coventry facility.", "onsite"),
        ("This role is in-store.", "onsite"),
        ("This internship is on-site at our West Loop headquarters.", "onsite"),
        ("Free on-site parking", None),
        ("Childcare is on-site.", None),
        ("We have 45 stores in the Midwest.", None),
        ("We met in person at a conference.", None),
    ],
)
def test_more_workplace_phrases(text, expected):
    assert workplace_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entgeltgruppe 13 TV-L, 65 %, befristet auf 3 Jahre", "part_time"),
        ("Stellenumfang: 50 % der regelmäßigen Arbeitszeit", "part_time"),
        ("Pensum: 100%", "full_time"),
        ("Pensum: 80 – 100%", None),
        ("Bis zu 50 % Homeoffice", None),
        ("30 % Rabatt auf das ganze Sortiment", None),
        ("100 % remote", None),
    ],
)
def test_share_of_full_time(text, expected):
    assert employment_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Befristung: unbefristet", "permanent"),
        ("Befristung: keine", "permanent"),
        ("Die Stelle ist nicht befristet.", "permanent"),
        ("Befristung: 2 Jahre", "fixed_term"),
        ("Employment: Full-time, permanent", "permanent"),
        ("Full time, permanent", "permanent"),
        ("Contract DevOps Engineer - 6 months - Outside IR35", "freelance"),
        ("Lehrling Bürokaufmann/-frau, Lehrbeginn: 01.09.2027", "apprenticeship"),
        ("Lehrlingsentschädigung im 1. Lehrjahr: € 850,-", "apprenticeship"),
        ("Abgeschlossene Lehre als Elektriker", None),
        ("Erste Erfahrungen mit Java, z. B. aus Studium, Praktikum oder Werkstudententätigkeit", None),
        ("First experience with research methods, e.g. from your studies or an internship", None),
    ],
)
def test_more_contract_phrases(text, expected):
    assert contract_type(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dev23 de_2307: the employer's other position, pointed to at the end
    ("Beschäftigung Unbefristet, Vollzeit\n\nNoch am Anfang deiner Karriere? Sieh dir auch die Ausbildung zum "
     "Elektroniker (m/w/d) an.", "permanent"),
    # dev24 de_2402: apprentices among the people an open application may come from
    ("💼 Unbefristet\n\nKein passender Job? Bauleiter, Polier, Lehrlinge — alles denkbar.", "permanent"),
    ("Wir bieten einen Ausbildungsplatz als Elektroniker.", "apprenticeship"),
])
def test_an_apprenticeship_of_another_position_is_not_the_jobs(text, expected):
    assert contract_type(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a stated length of the post (dev25's four research posts)
    ("Duration: six (6) months, with a possibility of extension for an additional six months.", "fixed_term"),
    ("The position is for a duration of up to 3 years, renewed yearly.", "fixed_term"),
    ("An employment contract or position as a civil servant for initially 3 years", "fixed_term"),
    ("30-month postdoc project", "fixed_term"),
    ("We have been in business for 3 years.", None),
    ("Experience: 3 years of Python", None),
    ("Monthly salary: 3000 EUR", None),
])
def test_a_stated_length_makes_the_post_fixed_term(text, expected):
    assert contract_type(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Interns work ten hours per week on a flexible schedule.", "part_time"),      # dev25 en_2509: hours in words
    ("Anticipated regular hours of work per week: 37.5", "full_time"),            # dev25 en_2510: the hours as a value
    ("Wochenarbeitszeit: 20", "part_time"),
    ("Working hours: 9am to 5pm", None),
])
def test_weekly_hours_in_words_or_as_a_labels_value(text, expected):
    assert employment_type(text) == expected
