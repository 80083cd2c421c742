"""Languages a title asks for are a requirement, not the occupation (language_requirements.py); a
language that is the work's field stays. Real titles: eval_set.csv dev rows (id given)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.normalise import title_parts


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        # en_adz_027, en_adz_026, en_adz_058, en_adz_028, en_066 (Adzuna and UK agency ads).
        ("Swiss German Frontline Agent", ["frontline agent"]),
        ("Dutch or Finnish Speaking Presales", ["presales"]),
        ("German Technical Support Representatives", ["technical support representatives"]),
        ("Bilingual Customer Service Operator", ["customer service operator"]),
        ("Dutch speaking Salesperson", ["salesperson"]),
        # en_adz_056: the list of languages goes before its commas split the title.
        ("Lead Generation Agent  Danish, German, Hebrew, Dutch or Norwegian speaking  Competitive",
         ["lead generation agent competitive"]),
        # en_pb2_025: "German Speakers" as a part of its own.
        ("Cisco Network Administrator / Architect - German Speakers - Stuttgart hybrid",
         ["cisco network administrator architect", "stuttgart"]),
        # de_pb3_127: after the board's "Interim".
        ("Interim French Payroll Specialist (m/w/d)", ["payroll specialist"]),
        # The language is the work's field: kept.
        ("English Teacher", ["english teacher"]),
        ("German Speaking Translator", ["german speaking translator"]),
        ("Fachlehrperson Französisch und Englisch", ["fachlehrperson französisch und englisch"]),
        ("Faculty Leader of English - All Saints Catholic College",
         ["faculty leader of english", "all saints catholic college"]),
        # A title that is only a language keeps it (nothing else to read).
        ("German", ["german"]),
    ],
)
def test_language_requirements_leave_the_title(title, parts):
    assert title_parts(title) == parts


def test_a_frontline_agent_is_not_read_through_the_language():
    # en_adz_027: with "Swiss German" gone, "agent" alone settles nothing and the ad's opening
    # (first point of contact by telephone, email and chat) decides: a customer service
    # representative (42), where the title's words had found ESCO's auctioneer ('agent').
    text = ("Our client based in Belfast requires a Swiss German Speaking Frontline Agent. A Frontline Agent "
            "will act as first point of contact for any Customer, Partner or Employee, providing support "
            "by telephone email and chat. A Frontline Agent will be responsible for solving customer "
            "problems through obtaining correct information from the customer.")
    occupation = classify_occupation("Swiss German Frontline Agent", text, "en")
    assert occupation is not None and occupation.isco_code[:2] == "42"
