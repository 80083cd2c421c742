"""An ad written twice, in two languages: the lists come from the first version (issue 12; rement's
Hugo pages in dev9 and controlf's bilingual ads in dev11 each counted every item twice)."""

import pytest

from crawler.parsing.bilingual import first_language_version
from crawler.parsing.posting import parse_document

GERMAN = """Wir sind ein kleines Ingenieurbüro in Freiburg und suchen zum nächstmöglichen Zeitpunkt eine Verstärkung für unser Team, das Brücken und Hallen plant und die Bauleitung übernimmt.

Deine Aufgaben

- Planung und Berechnung von Tragwerken aus Stahlbeton und Holz
- Abstimmung mit Architekten und Prüfingenieuren
- Begleitung der Bauausführung auf der Baustelle

Dein Profil

- Abgeschlossenes Studium des Bauingenieurwesens
- Erfahrung mit gängiger Statiksoftware
- Sehr gute Deutschkenntnisse in Wort und Schrift"""

ENGLISH = """English version

We are a small engineering office in Freiburg and are looking for someone to strengthen our team, which designs bridges and halls and supervises the construction work.

Your tasks

- Design and calculation of structures in reinforced concrete and timber
- Coordination with architects and checking engineers
- Supervision of the construction work on site

Your profile

- A degree in civil engineering
- Experience with common structural analysis software
- Very good German, written and spoken"""


def test_the_second_language_version_is_cut_off():
    assert first_language_version(GERMAN + "\n\n" + ENGLISH) == GERMAN


@pytest.mark.parametrize("text", [
    GERMAN,                                       # one version
    ENGLISH,
    GERMAN + "\n\nWe welcome applications from everyone, whatever their background, and we look forward to hearing "
             "from you about this position and about what you would like to learn with us in the coming years.",
    # an English part without sections of its own is no second version
    GERMAN + "\n\n" + ENGLISH.replace("Your tasks", "Notes").replace("Your profile", "More notes").replace("- ", ""),
])
def test_a_text_with_one_version_is_kept_whole(text):
    assert first_language_version(text) == text


def test_a_bilingual_ad_counts_each_item_once():
    posting = parse_document("# Bauingenieur (m/w/d)\n\n" + GERMAN.replace("\n- ", "\n* ") + "\n\n"
                             + ENGLISH.replace("English version", "## English version"))
    assert len(posting["responsibilities"]) == 3 and len(posting["requirements"]) == 3
    assert posting["responsibilities"][0] == "Planung und Berechnung von Tragwerken aus Stahlbeton und Holz"
