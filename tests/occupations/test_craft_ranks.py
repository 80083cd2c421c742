"""ISCO-08's unit groups for supervisors and helpers of crafts: the rank a title names moves the
craft's reading to the group ISCO-08 gives it, and only for the crafts ISCO-08 splits so."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.craft_ranks import rank_group, without_rank


@pytest.mark.parametrize(
    ("isco_code", "title", "expected"),
    [
        ("7123", "Supervisor Plasterer", "3123"),
        ("7115", "Carpenter Foreman", "3123"),
        ("7411", "Electrician Supervisor", "3123"),
        ("8111", "Mine shift supervisor", "3121"),
        ("7512", "Bakery supervisor", "3122"),
        ("7126", "Plumber's Helper", "9313"),
        ("7112", "Bricklayer labourer", "9313"),
        ("7212", "Welder's mate", "9329"),
        ("5120", "Cook helper", "9412"),
        ("7123", "Vorarbeiter Stuckateur", "3123"),
        # Supervisors of cleaners are ISCO-08's cleaning and housekeeping supervisors (unseen_probe.csv
        # batch 4: "Vorarbeiter:in Gebäudereinigung (m/w/d)"; the rest written).
        ("9112", "Vorarbeiter:in Gebäudereinigung (m/w/d)", "5151"),
        ("9123", "Window Cleaning Supervisor", "5151"),
        # German helpers: "Hilfsarbeiter", "Helfer" as words of their own.
        ("8211", "Hilfsarbeiter (m/w/d) für die Montage", "9329"),
        ("7112", "Helfer Maurerarbeiten", "9313"),
        ("7126", "Helferin Sanitärinstallation", "9313"),
        # The craft alone, or a rank ISCO-08 codes with the craft: unchanged.
        ("7126", "Plumber", None),
        ("7544", "Senior Crew Chief, Pest Control", None),
        ("7544", "Pest control supervisor", None),
        ("7231", "Workshop supervisor", None),
        ("5120", "Cook", None),
        # A team's or a shift's leader is its first-line supervisor: of shop staff 5222, of
        # manufacturing labourers 3122 (written); a clerks' or a nurses' stays with them.
        ("5223", "Teamleiter Verkauf (m/w/d)", "5222"),
        ("5230", "Shift Leader - Checkouts", "5222"),
        ("9329", "Schichtleiter Produktion", "3122"),
        ("4311", "Team Leader Accounts Payable", None),
        ("2221", "Teamleitung Pflege", None),
    ],
)
def test_rank_group(isco_code, title, expected):
    assert rank_group(isco_code, title) == expected


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # Real titles (City of New York postings, tests/occupations/eval_set.csv en_nyc_*).
        ("SUPERVISOR PLASTERER", "en", "3123"),
        ("PLUMBER'S HELPER", "en", "9313"),
        # Written.
        ("Carpenter Foreman", "en", "3123"),
        ("Vorarbeiter Maurer (m/w/d)", "de", "3123"),
        ("Plumber", "en", "7126"),
        # The field alone after the rank is read as its workers ("Mitarbeiter Verkauf").
        ("Teamleiter Verkauf (m/w/d)", "de", "5222"),
        ("Teamleiter Reinigung", "de", "5151"),
        ("Teamleiter Kasse", "de", "5222"),
        # A cleaning firm's site supervisor (written; the BA's "Objektleiter/in - Reinigung").
        ("Objektleiter Reinigung (m/w/d)", "de", "5151"),
        # Real: de_fe_001 (a heat pump installer's helper); the assembly craft is read, the helper
        # is a labourer (9329; the row's gold 9313 says the helper works on building sites).
        ("Hilfsarbeiter (m/w/d) für die Montage unserer Wärmepumpen", "de", "9329"),
        # German writes the helper into the craft's word (unseen_probe.csv: "Dachdeckerhelfer (m/w/d)",
        # "Elektrikerhelfer (m/w/d)"; the rest written): building trades' helpers are 9313,
        # manufacturing crafts' 9329; a helper the lexicon already places keeps its reading.
        ("Dachdeckerhelfer (m/w/d)", "de", "9313"),
        ("Elektrikerhelfer (m/w/d)", "de", "9313"),
        ("Fliesenlegerhelferin", "de", "9313"),
        ("Tischlerhelfer", "de", "9329"),
        ("Küchenhelfer", "de", "9412"),
        ("Lagerhelfer", "de", "9333"),
        ("Pflegehelfer", "de", "5321"),
    ],
)
def test_classified_rank(title, language, expected):
    assert classify_occupation(title, None, language).isco_code == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Plumber's Helper", "Plumber"),
        ("PLUMBER’S HELPER", "PLUMBER"),
        ("Carpenter Foreman", "Carpenter"),
        ("Supervisor - Plastering", "Plastering"),
        ("Hilfsarbeiter Montage", "Montage"),
        # No rank, or nothing but a rank: nothing to read again.
        ("Plumber", None),
        ("Supervisor", None),
        ("Helper", None),
    ],
)
def test_title_without_rank(title, expected):
    assert without_rank(title) == expected



@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A rank alone before the work a later part names: the work, the rank's group as ISCO-08
        # gives it (real: en_nyc_005; written cases).
        ("Senior Crew Chief, Bureau of Veterinary and Pest Control Services", "7544"),
        ("Supervisor - Pest Control", "7544"),
        ("Team Leader - Accounts Payable", "4311"),
        ("Shift Supervisor - Bakery", "3122"),
    ],
)
def test_rank_alone_reads_the_work_a_later_part_names(title, expected):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == expected


def test_rank_alone_before_a_place_is_read_as_before():
    assert classify_occupation("Supervisor - Berlin", None, "en") == classify_occupation("Supervisor", None, "en")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # unseen_probe.csv batch 3 (listed among its misses); before: the building construction
        # worker (9313) the lexicon's 'labourer' is.
        ("Farm Labourer", "9213"),
        # Written: other fields' labourers; building sites' and trades' labourers stay 9313.
        ("Warehouse Labourer", "9333"),
        ("Factory Labourer", "9329"),
        ("General Labourer", "9313"),
        ("Site Labourer", "9313"),
        ("Plumber's Labourer", "9313"),
    ],
)
def test_a_labourer_of_a_field(title, expected):
    occupation = classify_occupation(title, None, "en")
    assert occupation is not None and occupation.isco_code == expected
