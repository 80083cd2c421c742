"""Care settings in titles and ads: a nursing or care home is an institution, not care at home, and
"Staff Nurse" is a nurse's title, not a grade before "Nurse" (Adzuna ads, tests/occupations/SOURCES.md)."""

import pytest

from crawler.occupations.classify import _without_institution_homes
from crawler.occupations.normalise import title_parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # en_adz_010: "Registered Nurse (RGN) is required to work within the elderly nursing home environment."
        ("within the elderly nursing home environment", "within the elderly nursing environment"),
        ("Residential and Nursing homes, Day Centres", "Residential and Nursing, Day Centres"),
        ("a care home in Kent", "a care in Kent"),
        # Care at home stays: en_adz_043 "help someone to live independently to stay in their own home".
        ("to stay in their own home", "to stay in their own home"),
        ("Home Care Assistant", "Home Care Assistant"),
    ],
)
def test_institution_homes_lose_home(text, expected):
    assert _without_institution_homes(text) == expected


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        ("Staff Nurse, Elderly Nursing Home, Gloucester", ["staff nurse elderly nursing home", "gloucester"]),
        ("RGN Staff Nurse Bournemouth", ["rgn staff nurse bournemouth"]),
        ("Staff Sergeant", ["staff sergeant"]),
        # A grade before a tech role, as before.
        ("Staff UI Engineer", ["ui engineer"]),
        ("Bar Staff", ["bar staff"]),
    ],
)
def test_staff_is_a_grade_unless_esco_names_the_pair(title, parts):
    assert title_parts(title) == parts


def _row(row_id: str) -> dict:
    import csv
    from pathlib import Path

    return next(r for r in csv.DictReader((Path(__file__).parent / "eval_set.csv").open(encoding="utf-8"))
                if r["id"] == row_id)


@pytest.mark.parametrize(
    ("row_id", "isco"),
    [
        # Live-in care is care in the client's home: "Live in Care Worker Jobs Nottingham" was 5321.
        ("en_adz_004", "5322"),
        # A support worker for disabled people in their own homes stays ESCO's disability support
        # worker (3412): only a title naming care work moves to 5322.
        ("en_adz_007", "3412"),
        # Care assistants in residential and nursing homes stay 5321.
        ("en_adz_044", "5321"),
        # Support workers helping with personal care in clients' homes ("within their homes") or for a
        # community care service (getting up, personal care, going to bed) are home-based personal
        # care workers (ISCO-08 5322), not ESCO's social care worker (3412).
        ("en_adz_042", "5322"),
        ("en_adz_040", "5322"),
        # Personal hygiene and meals taught in a supported-living house, no home or community named:
        # the support worker stays 3412.
        ("en_kk_084", "3412"),
        # A homecare provider's "Community Support Worker" whose ad seeks carers: care work at home.
        ("en_adz_009", "5322"),
    ],
)
def test_care_work_is_coded_by_its_setting(row_id, isco):
    from crawler.occupations.classify import classify_occupation

    row = _row(row_id)
    occupation = classify_occupation(row["title"], row["description"], row["language"])
    assert occupation is not None and occupation.isco_code == isco


@pytest.mark.parametrize(
    ("title", "description", "isco"),
    [
        # Written cases: a support worker at home is a home-based personal care worker when the ad
        # seeks carers, and stays a social care worker when it does not.
        ("Support Worker - Domiciliary", "Our domiciliary team is recruiting carers for day and evening calls.", "5322"),
        ("Support Worker - Domiciliary", "Support adults with learning disabilities to live independently.", "3412"),
        ("Community Support Worker", "Join our supported living service in the community.", "3412"),
    ],
)
def test_support_workers_at_home_sought_as_carers(title, description, isco):
    from crawler.occupations.classify import classify_occupation

    occupation = classify_occupation(title, description, "en")
    assert occupation is not None and occupation.isco_code == isco
