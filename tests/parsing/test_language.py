from pathlib import Path

import pytest

from crawler.parsing.language import detect_language

SEEDS = Path(__file__).resolve().parents[1] / "files" / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are looking for a Senior Data Engineer to join our team in Berlin and help us build our platform.",
         "en"),
        ("You will work with product managers and developers on the next version of our app.", "en"),
        ("Wir suchen dich als Data Scientist (m/w/d) für unser Team in Berlin. Du hast Erfahrung mit Python.",
         "de"),
        ("Ihre Aufgaben: Sie betreuen unsere Kunden und sind für die Planung der Projekte verantwortlich.", "de"),
        ("Das bringst du mit: ein abgeschlossenes Studium und sehr gute Deutschkenntnisse in Wort und Schrift.",
         "de"),
        ("Nous recherchons un développeur pour notre équipe à Paris. Vous avez une expérience dans le web.", "fr"),
        ("Buscamos un desarrollador para nuestro equipo en Madrid. Tienes experiencia con Python y te gusta "
         "trabajar en equipo.", "es"),
        ("Cerchiamo uno sviluppatore per il nostro team a Milano. Hai esperienza con Python e sei una persona "
         "motivata.", "it"),
        ("Wij zoeken een ontwikkelaar voor ons team in Amsterdam. Je hebt ervaring met Python en bent "
         "gemotiveerd.", "nl"),
        ("Senior Data Engineer (m/w/d)", None),
        ("Python, SQL, AWS", None),
        ("", None),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_english_ad_with_german_chrome_is_english():
    text = "Jetzt bewerben\nMerken\n" + seed("001")
    assert detect_language(text) == "en"


def test_german_ad_with_english_title_is_german():
    text = ("Senior Software Engineer (m/w/d)\nDas erwartet dich: Du entwickelst mit deinem Team neue Funktionen "
            "für unsere Plattform und bist für die Qualität des Codes verantwortlich. Wir bieten dir ein "
            "modernes Arbeitsumfeld und flexible Arbeitszeiten.")
    assert detect_language(text) == "de"


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seeds_are_english(prefix):
    assert detect_language(seed(prefix)) == "en"
