"""The title lexicon: phrase, base-form and compound matching, and how classify_occupation uses it."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.lexicon import load_lexicon
from crawler.occupations.normalise import normalise_title


@pytest.mark.parametrize(
    ("title", "german", "term"),
    [
        # written cases, one per rule
        ("Senior Python Developer", False, "python developer"),  # the longest phrase wins
        ("Erzieherin", True, "erzieher"),  # feminine ending removed
        ("Kauffrau für Büromanagement", True, "kaufmann für büromanagement"),  # -frau → -mann
        ("Sachbearbeitung Einkauf", True, "sachbearbeiter einkauf"),  # activity noun → agent noun
        ("Büroreinigung", True, "reinigung"),  # German compound ending in an entry
        ("Tenure Track Assistant Professorships", False, "professorship"),  # English plural
        ("Altenpfleger / Pflegefachkraft", True, "altenpfleger"),  # German: the first job named
        # real titles (tests/occupations/eval_set.csv rows de_mg_007, en_wd_052, de_pb_148)
        ("Mitarbeiterin in der Hausreinigung", True, "hausreinigung"),
        ("Van Drivers", False, "van driver"),
        ("Energieanlagenelektriker  (m/w/d)", True, "energieanlagenelektriker"),
        # German plurals in the singular the lexicon knows (written), regional forms (real:
        # eval_set.csv dev rows de_pny_001, de_ate_001)
        ("Pflegefachkräfte (m/w/d)", True, "pflegefachkraft"),
        ("Busfahrerinnen und Busfahrer", True, "busfahrer"),
        ("Kassier:in mit Regalbetreuung", True, "kassier"),
        ("Buschauffeur/in Kat. D", True, "buschauffeur"),
    ],
)
def test_title_matches_entry(title, german, term):
    match = load_lexicon().match(normalise_title(title), german=german)
    assert match is not None
    assert match.entry.term == term


@pytest.mark.parametrize(
    ("title", "german"),
    [
        ("Reporter", False),  # no compound search in English: a reporter is no porter
        ("Blechkoch", True),  # entries shorter than five letters are not looked for in compounds
        ("Quartalsbericht", True),
    ],
)
def test_no_entry(title, german):
    assert load_lexicon().match(normalise_title(title), german=german) is None


def test_every_entry_names_an_esco_occupation_or_isco_group():
    lexicon = load_lexicon()
    assert len(lexicon.entries) > 700
    for entry in lexicon.entries:
        assert len(entry.isco_code) == 4
        assert entry.occupation is None or entry.occupation.isco_code == entry.isco_code


def test_generic_first_part_gives_way_to_the_field_named_after_a_dash():
    # real title: hksagentur/avancarte, 'Kaufmännischer Mitarbeiter (w/m/d) – Buchhaltung'
    occupation = classify_occupation("Kaufmännischer Mitarbeiter (w/m/d) – Buchhaltung", language="de")
    assert occupation.isco_code == "4311"
    assert classify_occupation("Kaufmännischer Mitarbeiter (w/m/d)", language="de").isco_code == "4110"


def test_isco_only_entry_has_no_esco_uri():
    # ESCO v1.0 has no occupation in ISCO 3221; the lexicon names the unit group itself.
    occupation = classify_occupation("Altenpfleger (m/w/d)", language="de")
    assert occupation.isco_code == "3221"
    assert occupation.esco_uri is None
    assert occupation.esco_label == "Nursing associate professionals"


@pytest.mark.parametrize(
    ("title", "description", "language", "isco"),
    [
        ("Teamplayer gesucht!", "Wir suchen ab sofort eine engagierte Pflegefachkraft (m/w/d) für unsere Station.", "de", "2221"),
        ("Join our team in Leeds", "We are looking for an experienced HGV Driver to deliver across the north.", "en", "8332"),
    ],
)
def test_a_title_naming_no_job_takes_the_role_the_ads_opening_names(title, description, language, isco):
    occupation = classify_occupation(title, description, language)
    assert (occupation.isco_code, occupation.method) == (isco, "title+text")


@pytest.mark.parametrize(
    ("stated", "isco", "method"),
    [
        ("Softwareentwickler/in", "2512", "source"),  # the Bundesagentur's "beruf" shape
        ("Berufskraftfahrer/in", "8332", "source"),
        ("Irgendwas Unbekanntes", "5120", "title"),  # an unknown name is not guessed at: the title decides
    ],
)
def test_an_occupation_stated_by_name(stated, isco, method):
    occupation = classify_occupation("Koch (m/w/d)", language="de", stated=stated)
    assert (occupation.isco_code, occupation.method) == (isco, method)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Swiss school words: the class assistant is a teacher's aide, the day structure child care.
        ("Klassenassistenz 60%", "5312"),
        ("Mitarbeiter/in Tagesstruktur", "5311"),
        ("Hortnerin", "5311"),
    ],
)
def test_school_and_day_care_words(title, expected):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Titles of software companies' boards (written): people partners are HR officers, support
        # engineers and security analysts ICT work, store associates shop assistants.
        ("People Partner", "2423"),
        ("Support Engineer", "3512"),
        ("Security Analyst", "2529"),
        ("Accounts Receivable Specialist", "4311"),
        ("Store Associate", "5223"),
        # "Staff" before a role is a grade.
        ("Staff Software Engineer", "2512"),
    ],
)
def test_software_company_titles(title, expected):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == expected


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # feminine forms that put an umlaut in the stem (written cases)
        ("Zahnärztin", "2261"),
        ("Tierärztin", "2250"),
        ("Rechtsanwältin", "2611"),
        ("Oberärztin Kardiologie", "2212"),
        ("Köchin", "5120"),
        ("Ärztin", "2211"),
    ],
)
def test_feminine_forms_with_umlaut(title, isco):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # Electrical drafting in an E-CAD tool is a drafter's work (written cases; the dev rows
        # de_pb2_066, de_pb3_014, de_pb3_023 are of this kind).
        ("Elektroplaner (m/w/d)", "3118"),
        ("Elektrokonstrukteur EPLAN (m/w/d)", "3118"),
        ("EPLAN Konstrukteur", "3118"),
        ("MSR-Planer (m/w/d)", "3118"),
        ("E-Planer Schaltschrankbau", "3118"),
        # Other designers and planners keep their reading.
        ("Konstrukteur Maschinenbau (m/w/d)", "2144"),
        ("Verkehrsplaner (m/w/d)", "2164"),
    ],
)
def test_electrical_drafting_titles(title, isco):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "term"),
    [
        # A hyphenated compound ending in a generic head names the job by the parts before it
        # (written cases; the role sentence of dev row de_pb3_101 is of this kind).
        ("IT-Support-Fachkräfte", "it-support"),
        ("IT-Support-Fachkraft (m/w/d)", "it-support"),
        ("IT-Support-Mitarbeiterin", "it-support"),
    ],
)
def test_hyphenated_compound_with_generic_head(title, term):
    found = load_lexicon().match(normalise_title(title), german=True)
    assert found is not None and found.entry.term == term


def test_the_role_sentence_names_a_hyphenated_compound():
    description = ("Wir suchen qualifizierte IT-Support-Fachkräfte, die unseren Kunden Support der ersten "
                   "und zweiten Ebene bieten.")
    occupation = classify_occupation("Laptop Rollout Hamburg", description, "de")
    assert occupation is not None and occupation.isco_code == "3512" and occupation.method == "title+text"


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # The gender ending taken off an '-e' noun's feminine ("Sozialpädagog*innen") leaves the stem
        # without its 'e' (written cases).
        ("Sozialpädagog*innen (m/w/d)", "2635"),
        ("Logopäd*in", "2266"),
        ("Heilpädagog:innen", "2352"),
    ],
)
def test_e_nouns_with_gender_star(title, isco):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # The activity noun '-nahme' names its agent '-nehmer' as '-ung' names '-er' (written cases;
        # dev row de_pb3_017 is of this kind).
        ("SPS Inbetriebnahme (m/w/d)", "3119"),
        ("Inbetriebnahme Elektrotechnik", "3119"),
        ("Inbetriebnehmer (m/w/d)", "3119"),
        # The engineer keeps the engineer's group.
        ("Inbetriebnahmeingenieur (m/w/d)", "2149"),
    ],
)
def test_activity_noun_nahme(title, isco):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # Latin activity nouns name their agents ('-ation' → '-ator', '-enz' → '-ent', …) as '-ung'
        # names '-er' (unseen_probe.csv: "Werkstudent — Linux-Systemadministration"; the rest written).
        ("Werkstudent — Linux-Systemadministration", "2522"),
        ("Netzwerkadministration", "2522"),
        ("Datenbankadministration (m/w/d)", "2521"),
        ("Mitarbeiter Disposition", "4323"),
        ("Konstruktion Maschinenbau", "2144"),
        # '-assistenz' → '-assistent' keeps a team assistant an administrative assistant.
        ("Teamassistenz", "3343"),
    ],
)
def test_latin_activity_nouns_name_their_agents(title, isco):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # A bracket naming a whole job the lexicon knows, when the title outside it names none
        # (written cases; dev row en_kk_040 is of this kind).
        ("Inclusion Worker (Teaching Assistant)", "5312"),
        ("Inclusion Mentor (Classroom Assistant) - Oak College", "5312"),
        ("Classroom Assistant", "5312"),
        ("Learning Support Assistant", "5312"),
        # A title the lexicon reads keeps its reading; a bracket naming no job changes nothing.
        # (A clerk's bracketed field is the records kept: accounting clerks, clerical_fields.py.)
        ("Sachbearbeiter (Buchhaltung)", "4311"),
        ("Care Assistant (Nights)", "5321"),
    ],
)
def test_bracketed_job(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "language", "isco"),
    [
        # Common titles ESCO's label search misread when probed as unseen titles (seventh round).
        ("Food and Beverage Assistant", "en", "5131"),
        ("Food & Beverage Attendant - Hotel", "en", "5131"),
        ("Administration Assistant", "en", "3343"),
        ("Groundsperson", "en", "6113"),
        ("Mitarbeiter Kasse (m/w/d) in Teilzeit", "de", "5230"),
        # A sales or goods-in worker named by the field alone, with a shift or a pay basis as chrome.
        ("Aushilfe (m/w/d) im Verkauf auf 538-Euro-Basis", "de", "5223"),
        ("Mitarbeiter (m/w/d) Wareneingang", "de", "9333"),
        ("Verkauf Innendienst (m/w/d)", "de", "3322"),
        # A helper whose compound names the setting (was the manufacturing labourer 'helfer' gives).
        ("Integrationshelfer (m/w/d)", "de", "5312"),
        ("Schulhelfer*in (m/w/d)", "de", "5312"),
        ("Erntehelfer (m/w/d) Spargel", "de", "9211"),
        ("Produktionshelfer (m/w/d)", "de", "9329"),
        # A ward's nurse in charge (was ESCO's airport director through 'station manager').
        ("Stationsleitung (m/w/d) Innere Medizin", "de", "2221"),
        ("Ward Manager - Acute Medicine", "en", "2221"),
        # Technical support by phone and chat (was a technical SALES representative).
        ("Technical Support Agent - French speaking", "en", "3512"),
        # "Kasse" alone is no entry: "Krankenkasse", "Sparkasse" name employers, not tills.
        ("Sachbearbeiter Krankenkasse (m/w/d)", "de", "4110"),
    ],
)
def test_common_titles_the_search_misread(title, language, isco):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "language", "isco"),
    [
        # Medical specialists: ESCO names none but its 'specialised doctor' (written; the search had
        # read "Cardiologist" as a specialised veterinarian, "Surgeon" as a tree surgeon).
        ("Consultant Cardiologist", "en", "2212"),
        ("Surgeon", "en", "2212"),
        ("Neurologist - Locum", "en", "2212"),
        ("Kardiologin (m/w/d)", "de", "2212"),
        ("Kinderärztin", "de", "2212"),
        # The same words of other occupations keep them.
        ("Tree Surgeon", "en", "6113"),
        ("Dental Surgeon", "en", "2261"),
        ("Veterinary Surgeon", "en", "2250"),
        ("Speech Pathologist", "en", "2266"),
        ("Zahnmediziner", "de", "2261"),
        # Secretaries of a field's office (ISCO-08 334).
        ("Medical Secretary", "en", "3344"),
        ("Legal Secretary", "en", "3342"),
        # A law office's trained clerk is ISCO-08's legal secretary (unseen_probe.csv and dev row
        # de_lis_000; ESCO's German label makes a paralegal of it).
        ("Rechtsanwaltsfachangestellte", "de", "3342"),
        ("Rechtsanwalts- und Notarfachangestellte (m/w/d)", "de", "3342"),
    ],
)
def test_medical_specialists_and_field_secretaries(title, language, isco):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "language", "isco"),
    [
        # Vocabulary the fifth probe batch found missing (unseen_probe.csv batch 5; before: nothing,
        # nothing, ESCO's specialised seller): the childminder's legal name, the Austrian post's
        # mail carrier, a childcare assistant.
        ("Qualifizierte Tagespflegeperson (m/w/d) für unsere nach Kneipp zertifizierte Kita", "de", "5311"),
        ("Sommerpostler_innen", "de", "4412"),
        ("Specialised ASD Childcare Assistant", "en", "5311"),
        # Written.
        ("Kindertagespflegeperson", "de", "5311"),
        ("Postler (m/w/d)", "de", "4412"),
        ("Childcare Assistant", "en", "5311"),
    ],
)
def test_vocabulary_of_the_fifth_probe_batch(title, language, isco):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # British titles ESCO's labels do not say: unseen_probe.csv batch 3's listed misses
        # ("Purchase Ledger Clerk", "Dryliner" read as nothing, "Emergency Care Assistant" as a health
        # care assistant) and batch 4's "Car Wash Attendant" (nothing).
        ("Purchase Ledger Clerk", "4311"),
        ("Dryliner", "7123"),
        ("Emergency Care Assistant", "3258"),
        ("Car Wash Attendant", "9122"),
        # A shop's sales promoter (unseen_probe.csv batch 5, a Belfast store; before: ESCO's
        # electricity sales representative, whose label 'electricity sales promoter' the words found).
        ("Sony Photography and Video Sales Promoter", "5242"),
        ("Event Promoter", "3339"),
    ],
)
def test_british_vocabulary(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "language", "isco"),
    [
        # Austrian trade and clerical names, livestock and armed forces titles: unseen_probe.csv
        # batch 1's misses (nothing, or ESCO's mechatronics and dairy processing readings, before).
        ("Spengler", "de", "7213"),
        ("PERSONALVERRECHNER", "de", "4313"),
        ("Ausbildung zum Werkzeugmechaniker", "de", "7222"),
        ("Dairy Herdsperson", "en", "6121"),
        ("Offizier der Bundeswehr", "de", "0110"),
    ],
)
def test_austrian_livestock_and_forces_vocabulary(title, language, isco):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # British estate agencies' negotiators (dev row en_adz_087, before the electricity sales
        # representative's 'electricity sales negotiator'); the assistant "to" the one named (dev
        # row en_adz_025, before ESCO's medical administrative assistant: 'MD' read as a doctor).
        ("Sales Negotiator  Birmingham", "3334"),
        ("Lettings Negotiator", "3334"),
        ("PA to MD", "3343"),
        ("EA to the CEO", "3343"),
        ("Contract Negotiator", "3339"),
    ],
)
def test_negotiators_and_assistants_to(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # Dev rows en_azu_007 (before: ESCO's transport engineer) and en_gen_000 (before: an
        # insurance and finance clerk).
        ("Transport Orderly", "5329"),
        ("Scale Clerk", "4321"),
        ("Weighbridge Operator", "4321"),
    ],
)
def test_orderlies_and_weighing_clerks(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # Dev rows en_adz_083 and en_adz_071 (before: ESCO's art therapist, its animal therapist).
        ("Aesthetic Therapist", "5142"),
        ("Qualified High Intensity Therapist / CBT Therapist Job Kent", "2634"),
        # Written.
        ("Spa Therapist", "5142"),
        ("Art Therapist", "2269"),
    ],
)
def test_therapists_esco_names_otherwise(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # Dev row en_gen_010 (before: ESCO's mine safety officer, named a weak spot in the README).
        ("Environmental, Health and Safety Manager", "2263"),
        ("Health and Safety Manager", "2263"),
        # ESCO's own occupations stay.
        ("Construction Safety Manager", "3112"),
        ("Mine Safety Officer", "3117"),
    ],
)
def test_health_and_safety_managers(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


def test_quality_assurance_analyst_written_out():
    # Dev row en_nyc_032 (a city's technology bureau; before: ESCO's footwear quality technician,
    # named a weak spot in the README), read as the 'QA Analyst' entry is.
    occupation = classify_occupation("Quality Assurance Analyst, Bureau of Technology Strategy & Project Management", None, "en")
    assert occupation is not None and occupation.isco_code == "2519"


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # unseen_probe.csv batch 5 (a Belfast store's coffee shop; before: the shop assistant 5223).
        ("Coffee Shop Assistant", "5246"),
        # Written; before: nothing.
        ("Canteen Assistant", "5246"),
        ("Shop Assistant", "5223"),
    ],
)
def test_cafe_counter_staff(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "isco"),
    [
        # unseen_probe.csv batch 1 (left open since): before, the financial manager (1211) and nothing.
        ("Assistant Account Payable", "4311"),
        ("Management Analyst", "2421"),
    ],
)
def test_accounts_fields_and_federal_series(title, isco):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # unseen_probe.csv batch 7 (an Arbeitnow ad of February 2026): the lexicon's '-techniker'
        # (3119, technicians n.e.c.) gives way to ESCO's IT technician, whose words the title says.
        ("IT-Systemtechniker (w/m/d)", "3512"),
        # A label adding a word the title lacks is no reading of it: the trade's mechanic stays
        # (unseen_probe.csv batch 1), and the head's group where ESCO finds no such label.
        ("KFZ-Techniker", "7231"),
        ("Verfahrenstechniker (m/w)", "3119"),
    ],
)
def test_compound_catch_all_head_gives_way_to_the_whole_words_label(title, expected):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None and occupation.isco_code == expected
