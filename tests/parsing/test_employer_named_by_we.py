"""The employer named in a "we" sentence: "Wir sind X, eine …", "Wir bei X …", "Wir, die X, sind …".
Real lines from dev3 (issue 12) beside written cases that pin the edges."""

import pytest

from crawler.parsing.employer import company_in_text

CASES = [
    # zebbra (Hugo Markdown, de_358): a name in lower case, backed by the ad's e-mail address.
    ("Wir sind zebbra, eine kreative Crew von agilen Denkern und Machern mit Ideen und innovativen Projekten.\n"
     "Schreib uns eine Zeile an jobs@zebbra.ch", "zebbra"),
    # PENNY Austria API record (de_367).
    ("Alle reden von Teamgeist, aber Sie möchten diesen auch wirklich mal erleben?\n"
     "Wir bei PENNY sind stolz auf unsere 2.900 Mitarbeiter:innen und suchen engagierte Persönlichkeiten.", "PENNY"),
    # CIB careers (de_359): "we" in apposition, the name written again further down.
    ("Wir, die CIB-Gruppe, sind seit 30 Jahren mit unseren innovativen Software-Lösungen ein führender Anbieter.\n"
     "Bewirb dich jetzt als Empfangsmitarbeiter bei CIB!", "CIB-Gruppe"),
    ("We are Acme Robotics, a team of builders. Acme Robotics ships arms.", "Acme Robotics"),
    # Not names: what "we" are, said with an article or an adjective.
    ("Wir sind ein Netzwerk, das Daten für das Gemeinwohl nutzt.", None),
    ("Wir sind ein kleines unabhängiges IT-Unternehmen, das Open Source liebt.", None),
    ("Wir sind stolz, ein Teil der Stadt zu sein.", None),
    # A lower-case word no address of the ad spells is no name.
    ("Wir sind hier, eine Stadt voller Ideen. Schreib an jobs@example.org", None),
    # Apposition with a verb other than "suchen": the name must recur.
    ("Wir, die Mitarbeiter, sind ein Team.", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_employer_named_by_we(text, expected):
    assert company_in_text(text) == expected


AGENCY_CASES = [
    # VitaMedica (de_366, Swiss agency HTML): searching on behalf of an unnamed institution.
    ("Aktuell suchen wir im Auftrag einer kleinen Langzeitinstitution am rechten Zürichsee-Ufer eine Persönlichkeit"
     " als Teamleiter/in Pflege 80-100%.", True),
    ("Das bietet Ihnen unsere Mandantin:", True),
    ("VitaMedica personal GmbH ist eine Personal- und Unternehmungsberatung, welche sich auf eine Branche fokussiert.",
     True),
    ("Im Auftrag einer namhaften Kundin suchen wir eine Buchhalterin.", True),
    ("Für einen unserer Industriekunden suchen wir einen Elektriker.", True),
    ("Mit über 20 Jahren Erfahrung vermitteln wir Ihnen den passenden Job in der Pflege.", True),
    # Freelance-board project ads by staffing firms (andreaswittmann/project-bot __projects_old files that
    # no corpus part holds, freelancermap captures of 2025-09).
    ("Für meinen Kunden suchen wir aktuell einen freiberuflichen IT Security Engineer.", True),
    ("Für den Ausbau laufender und neuer Projekte suche ich im Auftrag meines Mandanten einen Administrator.", True),
    ("Mein Mandant bietet spannende Projekte im Bereich IT-Infrastruktur.", True),
    ("Unser Kunde im Großraum Frankfurt sucht derzeit nach einer interimistischen Unterstützung.", True),
    ("Denn durch unsere intensiven Beziehungen und Netzwerke über alle Industriebranchen hinweg vermitteln wir Ihnen"
     " als Engineering-Fachleuten spannende Projekte und attraktive Positionen.", True),
    ("Mit unserer langjährigen Rekrutierungserfahrung und unseren Kenntnissen des Engineering-Personalmarktes bieten"
     " wir Fach- und Führungskräften eine starke Partnerschaft.", True),
    ("Our many years of recruitment experience and our expert knowledge of the engineering job market make us a"
     " strong partner.", True),
    ("Wir beraten Unternehmen ganzheitlich in ihren IT-Projekten und unterstützen sie durch die professionelle"
     " Vermittlung von Fach- und Führungskräften.", True),
    # An employer's own work and customers are no agency's client.
    ("Unser Kundenservice ist rund um die Uhr erreichbar.", False),
    ("Our recruiting team will get back to you within a week.", False),
    ("Wir vermitteln dir in der Ausbildung alle Kenntnisse für den Beruf.", False),
    ("Wir entwickeln im Auftrag des Bundesministeriums eine Plattform für Forschungsdaten.", False),
    ("Wir beraten unsere Kunden in allen Fragen der Digitalisierung.", False),
    ("Wir vermitteln Wissen an Schulen und Hochschulen.", False),
    # The applicant's experience of being recruited (pythonjobs/jobs jobs/oanda-python-developer.html, OANDA's
    # own ad, a file no corpus part holds).
    ("If you require accommodation during the recruitment and selection process, please let us know. We will"
     " work with you to provide as seamless a recruitment experience as possible.", False),
    # vele616/monorepo jobboard files no corpus part holds: a role named 'Client Partner' (DockYard), a
    # software firm whose customers are staffing agencies (Gustav).
    ("DockYard is hiring for a Client Partner to join the Client Services team.", False),
    ("We build software that helps businesses to find & hire available temporary talent represented by the best"
     " staffing agencies in the world", False),
    ("We are recruiting for a client in the automotive sector.", True),
    ("Northpoint is a specialist recruitment agency for the public sector.", True),
]


@pytest.mark.parametrize(("text", "expected"), AGENCY_CASES)
def test_agency_wording(text, expected):
    from crawler.parsing.employer import is_agency_ad

    assert is_agency_ad(text) is expected
