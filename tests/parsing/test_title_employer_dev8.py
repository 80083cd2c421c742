"""The employer named in a title line, and an employer's abbreviation written out (issue 12, dev8).

Cases are shaped like real ads of tests/real/dev8 (a students' job board's posts, a news network's
postings) and of the parts before it; each function is asked both what it must find and what it
must leave alone.
"""

from __future__ import annotations

from crawler.parsing.employer_name import spelled_out_name
from crawler.parsing.title_facts import employer_named_in_title, hiring_organisation_prefix


def test_employer_after_bei_named_again_in_text():
    title = "Werkstudent (m/w/d) im Bereich Nachrichtentechnik bei Amprion"
    text = "Wir suchen Sie als Werkstudent.\nAnsprechpartner: <thilo.moldenhauer@amprion.net>"
    assert employer_named_in_title(title, text) == "Amprion"


def test_employer_after_bei_before_a_colon():
    title = "Werkstudent:in bei Deichmann: „Data & Analytics“"
    text = "… das Beste für Deichmann und unsere Kunden herauszuholen."
    assert employer_named_in_title(title, text) == "Deichmann"


def test_employer_after_at_in_english():
    assert employer_named_in_title("Data Engineer at Acme Labs", "Acme Labs builds tools.") == "Acme Labs"


def test_no_employer_when_the_text_never_names_it():
    assert employer_named_in_title("Werkstudent bei Amprion", "Wir suchen Sie zum nächstmöglichen Zeitpunkt.") is None


def test_no_employer_for_the_poster_or_a_role():
    assert employer_named_in_title("Ausbildung bei uns", "Bewirb dich bei uns.") is None
    assert employer_named_in_title("Praktikum bei Projektleiter Meier", "Projektleiter Meier") is None


def test_hiring_prefix_with_a_role_the_vocabulary_lacks():
    title = "AStA sucht Verwaltungsangestellte*n für Web-/Systemadministration"
    text = "Der AStA hat zum nächstmöglichen Zeitpunkt eine Stelle zu besetzen."
    assert hiring_organisation_prefix(title, text) == ("Verwaltungsangestellte*n für Web-/Systemadministration", "AStA")
    # Without the text naming the organisation again the title stays whole, as before.
    assert hiring_organisation_prefix(title) == (title, None)


def test_hiring_prefix_call_for_staff_is_no_role():
    title = "Bäckerei Meier sucht Verstärkung"
    assert hiring_organisation_prefix(title, "Die Bäckerei Meier backt seit 1950.") == (title, None)


def test_abbreviation_written_out_before_it():
    assert spelled_out_name("INN", "The Investigative News Network (INN), a network of 100 nonprofit news "
                                   "organizations") == "Investigative News Network"
    assert spelled_out_name("INN", "The Institute for Nonprofit News (INN, formerly the Investigative News "
                                   "Network), a network") == "Institute for Nonprofit News"
    assert spelled_out_name("TÜVIT", "TÜV Informationstechnik (TÜVIT) ist die Top-Adresse") == "TÜV Informationstechnik"


def test_abbreviation_left_alone():
    # Nothing written out, a phrase that is no name, a name that is no abbreviation.
    assert spelled_out_name("INN", "INN is an equal opportunity employer.") is None
    assert spelled_out_name("EFF", "the network (EFF) says") is None
    assert spelled_out_name("Acme", "Acme Corp (Acme)") is None


def test_post_offered_as_a_role_in_a_sentence():
    from crawler.parsing.title_in_text import role_from_hiring_sentence

    text = ("Zurzeit ist eine Stelle für eine:n Ingenieur:in für Schaltungstests in der Halbleiterfertigung "
            "ausgeschrieben.")
    assert role_from_hiring_sentence(text) == "Ingenieur:in für Schaltungstests in der Halbleiterfertigung"
    text = "Der AStA hat zum nächstmöglichen Zeitpunkt eine Stelle als Sachbearbeiter*in Finanzen zu besetzen."
    assert role_from_hiring_sentence(text) == "Sachbearbeiter*in Finanzen"
    # A post offered with a sentence's other words after the role is no title.
    assert role_from_hiring_sentence("Wir haben eine Stelle als Koch mit vielen Aufgaben in der Küche frei.") is None


def _parse(document: str) -> dict:
    from datetime import datetime, timezone

    from crawler.parsing.posting import parse_document

    return parse_document(document, crawled_at=datetime(2024, 1, 10, tzinfo=timezone.utc))


def test_page_title_of_a_post_at_an_employer_gives_way_to_the_role_and_names_the_employer():
    document = ("---\nlayout: post\ntitle: Offene Stelle beim Institut Muster\n---\n"
                "Das Institut Muster forscht an Sensoren.\n\n"
                "Zurzeit ist eine Stelle für eine:n Ingenieur:in für Schaltungstests ausgeschrieben.\n")
    posting = _parse(document)
    assert posting["title"] == "Ingenieur für Schaltungstests"
    assert posting["company"] == "Institut Muster"


def test_title_line_that_is_the_hiring_sentence_gives_its_role_and_keeps_its_place():
    document = ("---\nlayout: post\ntitle: Stellenangebot beim Landesamt für Statistik\n---\n\n"
                "Die Teams vom Landesamt für Statistik in Köln suchen eine:n IT-Lizenzmanager:in (m/w/d).\n"
                "Die Bewerbungsfrist endet am 01.03.2024.\n")
    posting = _parse(document)
    assert posting["title"] == "IT-Lizenzmanager"
    assert posting["city"] == "Köln"
    assert posting["company"] == "Landesamt für Statistik"
