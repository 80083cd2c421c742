"""Security roles that say what they secure (information, cyberspace, IT) are ICT security work
(ISCO-08 2529), whatever role noun follows; a security role that does not say so is unchanged."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.ict_security import ict_security_role


@pytest.mark.parametrize(
    ("title_part", "expected"),
    [
        ("chief information security officer", "chief ICT security officer"),
        ("head of it security", "chief ICT security officer"),
        ("leiter informationssicherheit", "chief ICT security officer"),
        ("information security manager", "ICT security manager"),
        ("cyber security consultant", "ICT security consultant"),
        ("berater it-sicherheit", "ICT security consultant"),
        ("cybersecurity penetration tester", "ethical hacker"),
        ("cybersecurity operations analyst", ""),
        ("it-sicherheitsbeauftragter", ""),
        ("infosec engineer", ""),
        # Nothing said of what is secured, or a word that only starts like it.
        ("security officer", None),
        ("security guard", None),
        ("cybernetics engineer", None),
        ("head of security", None),
    ],
)
def test_ict_security_role(title_part, expected):
    assert ict_security_role(title_part) == expected


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        ("Chief Information Security Officer", "en", "2529"),
        ("Off Hours Cybersecurity Operations Analyst", "en", "2529"),
        ("Information Security Manager (m/w/d)", "de", "2529"),
        ("IT-Sicherheitsbeauftragter (m/w/d)", "de", "2529"),
        ("Cyber Security Consultant", "en", "2529"),
        # Premises, not information: the security guard stays.
        ("Security Officer", "en", "5414"),
    ],
)
def test_ict_security_titles(title, language, expected):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == expected
