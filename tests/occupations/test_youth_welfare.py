"""Educators in residential youth welfare are social work associate professionals (3412), in a Kita
early childhood educators (2342)."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.youth_welfare import residential_youth_welfare

GROUP_HOME = ("Du begleitest Kinder und Jugendliche ab 10 Jahren im Wohngruppenalltag unserer "
              "stationären Kinder- und Jugendhilfe.")
KITA_OF_A_YOUTH_WELFARE_PROVIDER = ("Als Träger der freien Jugendhilfe betreiben wir Wohngruppen und "
                                    "drei Kitas; für unsere Kita am Park suchen wir Verstärkung.")


@pytest.mark.parametrize(
    ("reading", "title", "description", "expected"),
    [
        ("2342", "Erzieher (m/w/d)", GROUP_HOME, True),
        ("2342", "Erzieher (m/w/d) für unsere Wohngruppe", None, True),
        ("2342", "Pädagogische Fachkraft Inobhutnahme (m/w/d)", None, True),
        # A Kita named, no setting named, another reading: unchanged.
        ("2342", "Erzieher (m/w/d)", KITA_OF_A_YOUTH_WELFARE_PROVIDER, False),
        ("2342", "Erzieher (m/w/d)", None, False),
        ("2635", "Sozialpädagoge (m/w/d)", GROUP_HOME, False),
    ],
)
def test_residential_youth_welfare(reading, title, description, expected):
    assert residential_youth_welfare(reading, title, description) is expected


@pytest.mark.parametrize(
    ("title", "description", "isco"),
    [
        # Real dev row de_hh_001 (a youth residential group's ad; its opening, shortened).
        ("Pädagogische Fachkräfte (m/w/d) (Erzieher*innen, Heilerziehungspfleger*innen und "
         "Sozialpädagog*innen im Berufsanerkennungsjahr) in Voll- und Teilzeit.", GROUP_HOME, "3412"),
        # Written, not in the evaluation set.
        ("Erzieher (m/w/d) stationäre Jugendhilfe", None, "3412"),
        ("Erzieherin (m/w/d) für unser Kinderheim", None, "3412"),
        ("Erzieher (m/w/d)", KITA_OF_A_YOUTH_WELFARE_PROVIDER, "2342"),
        ("Erzieherin Kita (m/w/d)", None, "2342"),
    ],
)
def test_educators_by_setting(title, description, isco):
    occupation = classify_occupation(title, description, "de")
    assert occupation is not None and occupation.isco_code == isco
