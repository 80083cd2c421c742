"""Title normalisation: gender forms, seniority and board chrome removed, occupation words kept."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.german import german_to_english
from crawler.occupations.normalise import normalise_title, title_parts


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Softwareentwickler (m/w/d)", "softwareentwickler"),
        ("Elektroniker/in für Betriebstechnik", "elektroniker für betriebstechnik"),
        ("Kaufmann/-frau im Einzelhandel", "kaufmann im einzelhandel"),
        ("Koch/Köchin", "koch"),
        ("Mitarbeiter:in Kundenservice (w/m/d)", "mitarbeiter kundenservice"),
        ("Senior TesterIn", "tester"),
        ("Werkstudent Marketing", "marketing"),
        ("Ausbildung zum Mechatroniker (m/w/d)", "mechatroniker"),
        ("Registered Nurse - London", "registered nurse"),
        ("Senior Software Engineer | Remote", "software engineer"),
        ("Pflegefachkraft (m/w/d) Vollzeit", "pflegefachkraft"),
        # "Voll- und Teilzeit": the work pattern with its shared head left out, and its "in".
        ("Erzieher in Voll- und Teilzeit", "erzieher"),
        ("Pflegefachkraft Voll-/Teilzeit", "pflegefachkraft"),
        ("Koch (m/w/d) Teil- oder Vollzeit", "koch"),
        ("Einkauf/Logistik Sachbearbeiter", "einkauf/logistik sachbearbeiter"),
        # Abbreviated German adjectives are written out (unseen_probe.csv batch 5: "Med.
        # Fachangestellte (w/m/d) - für den Stützpunkt Notaufnahme"; the others written).
        ("Med. Fachangestellte (w/m/d)", "medizinische fachangestellte"),
        ("Kaufm. Angestellte", "kaufmännische angestellte"),
        ("Techn. Zeichner (m/w/d)", "technische zeichner"),
        ("", ""),
    ],
)
def test_normalise_title(title, expected):
    assert normalise_title(title) == expected


@pytest.mark.parametrize(
    ("normalised", "expected"),
    [
        ("softwareentwickler", "software developer"),
        ("altenpfleger", "elderly nurse"),
        ("lagerhelfer", "warehouse worker"),
        ("koch", "cook"),
        ("data scientist", "data scientist"),
        ("elektroniker für betriebstechnik", "electrician betriebstechnik"),
        # "-begleiter" accompanies; its "-leiter" manages nothing (unseen_probe.csv batch 4:
        # "Individualbegleiter (m/w/d) im Kindergarten"); "Kindergarten" is ESCO's word too.
        ("individualbegleiter", "individual assistant"),
        ("schulbegleitung", "school assistant"),
        ("kindergartenleitung", "kindergarten manager"),
        ("bauleiter", "construction manager"),
    ],
)
def test_german_to_english(normalised, expected):
    assert german_to_english(normalised) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("PostgreSQL Admin (m/w/d) // freiberuflich // 12 Monate+", "postgresql admin"),
        ("Ausbildung 2026: Kaufmann / Kauffrau für Büromanagement", "kaufmann für büromanagement"),
        ("Ausbildung Mediengestalter:in Digital und Print", "mediengestalter digital und print"),
        ("Stellv. Pflegedienstleitung", "pflegedienstleitung"),
        ("Deputy Head of Finance", "head of finance"),
        ("Leitung Verwaltung 80-100%", "leitung verwaltung"),
        ("Virtualisation Expert CPAT0209252", "virtualisation expert"),
        ("Data Engineer in Berlin", "data engineer"),
        ("Pflegefachkraft: Intensivstation", "pflegefachkraft intensivstation"),
        ("C++ Developer", "c++ developer"),
        # Shifts and pay bases are chrome; a shift's supervisor is a job.
        ("Mitarbeiter (m/w/d) für die Produktion im 3-Schicht-System", "mitarbeiter für die produktion"),
        ("Gabelstaplerfahrer (m/w/d) im Schichtdienst", "gabelstaplerfahrer"),
        ("Krankenpfleger (m/w/d) Nachtdienst", "krankenpfleger"),
        ("Aushilfe (m/w/d) im Verkauf auf 538-Euro-Basis", "im verkauf"),
        ("Kurierfahrer (m/w/d) auf Minijob-Basis", "kurierfahrer"),
        ("Schichtleiter Produktion (m/w/d)", "schichtleiter produktion"),
        # Pay is chrome, masked as boards mask it or not, and the place it leaves closing the title
        # (Adzuna titles, unseen_probe.csv batch 4: "Cisco presales in Sheffield  ****k package");
        # a weight keeps its place for the driver's reading.
        ("Cisco presales in Sheffield  ****k package", "cisco presales"),
        ("Sous Chef up to £30k + tips", "sous chef"),
        ("Care Assistant £12.50 per hour", "care assistant"),
        ("Project Manager  ****p/a Livingston", "project manager livingston"),
        ("Staff Nurse £32,000 pa", "staff nurse"),
    ],
)
def test_chrome_numbers_and_prefixes_removed(title, expected):
    assert normalise_title(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Real titles (eval_set.csv dev rows) and written edges.
        ("Senior Network &#038; Security Engineer (Fortinet Fokus &#038; Innovation)",
         ["network & security engineer"]),
        ("Expert Internal audit in Austria (m/w/d)", ["expert internal audit"]),
        ("Datenbank- und DevOps-Experte (Schwerpunkt MongoDB & Ansible)", ["datenbank-experte", "devops-experte"]),
        ("Lager- und Logistikmitarbeiter (m/w/d)", ["lagermitarbeiter", "logistikmitarbeiter"]),
        # No known head in the second compound: nothing to write out.
        ("Mitarbeiter im Ein- und Verkauf", ["mitarbeiter im ein und verkauf"]),
    ],
)
def test_title_parts_unescape_places_and_left_out_compound_heads(title, expected):
    assert title_parts(title) == expected


def test_left_out_head_kept_when_asked():
    assert title_parts("Gesundheits- und Krankenpfleger (m/w/d)", write_out_compounds=False) == [
        "gesundheits und krankenpfleger"]


@pytest.mark.parametrize(
    ("normalised", "expected"),
    [
        # Field words that follow a head, in ESCO's English words.
        ("ingenieur verfahrenstechnik", "engineer process engineering"),
        ("referent öffentlichkeitsarbeit", "officer public relations"),
        ("techniker instandhaltung", "technician maintenance"),
    ],
)
def test_german_field_words(normalised, expected):
    assert german_to_english(normalised) == expected


@pytest.mark.parametrize(
    ("normalised", "expected"),
    [
        # The activity names the one doing it; "Schwerpunkt" only says what follows is the field.
        ("strategieberatung schwerpunkt datenmanagement", "strategy consultant data management"),
        ("pflegeberatung", "nursing consultant"),
    ],
)
def test_german_activity_nouns_and_field_markers(normalised, expected):
    assert german_to_english(normalised) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A comma after a title of two words or more starts its team or market (written cases).
        ("Engineering Manager, Platform", ["engineering manager", "platform"]),
        ("Account Executive, Mid Market - UKI", ["account executive", "mid market", "uki"]),
        # A kind of ICT work after the comma stays in the title; a list is no title and team.
        ("Software Engineer, Frontend", ["software engineer frontend"]),
        ("Project, community and outreach manager", ["project community and outreach manager"]),
        # A comma inside brackets separates nothing (eval_set.csv dev row de_lh_026).
        ("Leitung Verwaltung (Finanzen, HR)  80-100%", ["leitung verwaltung"]),
    ],
)
def test_qualifying_comma(title, expected):
    assert title_parts(title) == expected


@pytest.mark.parametrize(
    ("normalised", "expected"),
    [
        ("trockenbauer", "drywall installer"),
        ("notfallsanitäter", "paramedic"),
        ("immobilienmakler", "real estate agent"),
    ],
)
def test_german_craft_and_service_heads(normalised, expected):
    assert german_to_english(normalised) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # real titles (eval_set.csv dev rows de_pny_001, de_prt_001, de_pb3_134, de_pb3_010, en_pb3_116)
        ("Kassier:in mit Regalbetreuung", ["kassier"]),
        ("Erfahrene/r Monteur/in für die Montage von Tore und Türen", ["monteur für die montage von tore und türen"]),
        ("2x Storyblok Spezialisten (m/w/d)", ["storyblok spezialisten"]),
        ("Tragwerksplaner nach Ril 813 (m/w/d)", ["tragwerksplaner"]),
        ("Construction Civil Supervisor (x6) - Freelance", ["construction civil supervisor"]),
        # written to pin the edges: the field after "mit Schwerpunkt" stays, a duty after "with" goes
        ("Ingenieur mit Schwerpunkt Elektrotechnik", ["ingenieur mit schwerpunkt elektrotechnik"]),
        ("Teacher with TLR", ["teacher"]),
        ("Experienced Chef", ["chef"]),
        ("Mitarbeiter Küche", ["mitarbeiter küche"]),
    ],
)
def test_complements_counts_and_experience_removed(title, expected):
    assert title_parts(title) == expected


@pytest.mark.parametrize(
    ("normalised", "expected"),
    [
        # plural heads and fields in the singular, Austrian and Swiss forms
        ("storyblok spezialisten", "storyblok specialist"),
        ("pflegefachkräfte", "nurse"),
        ("monteur für die montage von tore und türen", "fitter assembly gate door"),
        ("kassier", "cashier"),
        ("buschauffeur", "bus driver"),
        ("tragwerksplaner", "structural engineer"),
        # a word that only looks like a plural is kept
        ("garten", "garden"),
        ("personen", "personen"),
    ],
)
def test_german_plurals_and_regional_forms(normalised, expected):
    assert german_to_english(normalised) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Real titles (City of New York postings, tests/occupations/eval_set.csv en_nyc_*).
        ("Associate Laboratory Microbiologist/Bureau of the Public Health Laboratory",
         ["associate laboratory microbiologist", "bureau of the public health laboratory"]),
        ("Senior Crew Chief, Bureau of Veterinary and Pest Control Services",
         ["crew chief", "bureau of veterinary and pest control services"]),
        # Written: without a slash or comma the unit's words stay ("Director of the Office of …").
        ("Director of the Office of Management", ["director of the office of management"]),
        ("Back Office Manager", ["back office manager"]),
        ("Analyst / Department for Transport", ["analyst", "department for transport"]),
    ],
)
def test_the_employers_unit_after_a_slash_or_comma_is_a_later_part(title, expected):
    assert title_parts(title) == expected


@pytest.mark.parametrize(
    ("normalised", "expected"),
    [
        # A generic '-kraft'/'-mitarbeiter' after a field already said as a job adds nothing.
        ("hauswirtschaftskraft", "housekeeper"),
        ("reinigungsmitarbeiter", "cleaner"),
        ("reinigungskraft", "cleaner"),
        # … after a field that is no job it is the worker in that field.
        ("küchenkraft", "kitchen worker"),
        ("lagermitarbeiter", "warehouse worker"),
        # A modifier of two known field words is said in both ('Lager' + 'Logistik').
        ("lagerlogistikmitarbeiter", "warehouse logistics worker"),
        ("aushilfskraft", "assistant"),
    ],
)
def test_german_compounds_with_a_generic_head(normalised, expected):
    assert german_to_english(normalised) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("PLUMBER'S HELPER", ["plumber helper"]),
        ("Machinist’s Helper", ["machinist helper"]),
        ("Children's Nurse", ["children nurse"]),
    ],
)
def test_a_possessive_ending_is_no_word(title, expected):
    assert title_parts(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A journeyman's certificate is the craft's qualification (unseen_probe.csv:
        # "Tischlergeselle (m/w/d) Möbelbau"; the rest written).
        ("Tischlergeselle (m/w/d) Möbelbau", "tischler möbelbau"),
        ("Tischler-Gesellin", "tischler"),
        ("Geselle Maler und Lackierer", "maler und lackierer"),
        ("Maurergesellen gesucht", "maurer"),
        # Words that only begin so are kept.
        ("Gesellschaftsrecht Anwalt", "gesellschaftsrecht anwalt"),
    ],
)
def test_a_journeymans_certificate_is_no_job(title, expected):
    assert normalise_title(title) == expected


@pytest.mark.parametrize(("title", "isco"), [("Tischlergeselle (m/w/d) Möbelbau", "7522"), ("Elektrikergeselle", "7411")])
def test_a_journeyman_is_coded_by_the_craft(title, isco):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == isco
