"""Text-level parsing is linear in the ad's length (issue 13, finding 11).

Each field reader gets a pathological text (a figure or a phrase repeated to hundreds of KB, or
random words) with one real statement in it, and must (1) still read that statement right and (2)
grow at most about linearly: a text eight times longer may take at most 24 times as long (a
quadratic scan takes ~64 times as long). No absolute time is asserted, and the threefold headroom
over linear growth absorbs a loaded machine (the suite runs beside other work on 2 cores); each
timing is the best of several runs, in CPU seconds of this process (other work on
the machine does not count).
"""

from __future__ import annotations

import random
import time
from datetime import date, datetime, timezone
from typing import Callable

import pytest

from crawler.parsing.dates import find_start_date, find_valid_through
from crawler.parsing.location import find_location, parse_location
from crawler.parsing.posting import _demanding_clauses
from crawler.parsing.qualifications import education_level, experience_years_min, required_languages
from crawler.parsing.salary import find_salary
from crawler.parsing.sections import split_sections
from crawler.parsing.skills import find_skills
from crawler.parsing.terms import contract_type, employment_type, workplace_type

NOW = datetime(2024, 3, 1, tzinfo=timezone.utc)
SIZE_RATIO = 8
MOST_GROWTH = 24  # linear: ~8; quadratic: ~64
# Neutral filler: no figures, languages, places or heading words.
_FILLER_WORDS = ("team", "work", "project", "daily", "tools", "with", "and", "the", "modern", "mit", "und", "wir",
                 "Kollegen", "Projekte", "Arbeit", "quality", "systems", "unsere", "great", "ideas", "Prozesse")


def repeated(unit: str, size: int, statement: str) -> str:
    """``unit`` repeated to ``size`` characters, then ``statement`` on its own line."""
    return unit * (size // len(unit)) + "\n" + statement


def random_words(size: int, statement: str, seed: int = 11) -> str:
    """Seeded random filler words (some line breaks) to ``size`` characters, then ``statement``."""
    chooser = random.Random(seed)
    words, length = [], 0
    while length < size:
        word = chooser.choice(_FILLER_WORDS) + ("\n" if chooser.random() < 0.02 else "")
        words.append(word)
        length += len(word) + 1
    return " ".join(words) + "\n" + statement


def best_time(function: Callable[[str], object], text: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        function(text)
        best = min(best, time.process_time() - started)
    return best


def growth(function: Callable[[str], object], make_text: Callable[[int], str], small: int) -> float:
    """How many times longer ``function`` takes on a text ``SIZE_RATIO`` times longer."""
    function(make_text(small))  # warm caches (compiled patterns, gazetteer, taxonomy)
    return best_time(function, make_text(small * SIZE_RATIO), runs=3) / best_time(function, make_text(small))


_SALARY_SENTENCE = "Das Jahresgehalt liegt zwischen 55.000 und 65.000 Euro."
_LANGUAGE_SENTENCE = "Sehr gute Deutsch- und gute Englischkenntnisse"
_EXPERIENCE_SENTENCE = "Mindestens 3 Jahre Berufserfahrung in der Softwareentwicklung"

CASES = [
    # (name, reader, text maker (size -> text), check of the reader's result on a 200 KB text)
    ("salary: repeated range openers", find_salary,
     lambda size: repeated("€ 45.000 - ", size, _SALARY_SENTENCE),
     lambda salary: (salary.min, salary.max, salary.currency) == (55000, 65000, "EUR")),
    ("salary: repeated figures with currency", find_salary,
     lambda size: repeated("45.000 € ", size, _SALARY_SENTENCE),
     lambda salary: (salary.min, salary.max) == (55000, 65000)),
    ("salary: random words", find_salary,
     lambda size: random_words(size, _SALARY_SENTENCE),
     lambda salary: (salary.min, salary.max) == (55000, 65000)),
    ("languages: repeated language names", required_languages,
     lambda size: repeated("Deutsch und Englisch ", size, _LANGUAGE_SENTENCE),
     lambda languages: {entry["language"] for entry in languages} == {"de", "en"}),
    ("languages: repeated level words", required_languages,
     lambda size: repeated("sehr gute Deutsch- ", size, _LANGUAGE_SENTENCE),
     lambda languages: {entry["language"] for entry in languages} == {"de", "en"}),
    ("languages: random words", required_languages,
     lambda size: random_words(size, _LANGUAGE_SENTENCE),
     lambda languages: languages == [{"language": "de", "level": "very_good"},
                                     {"language": "en", "level": "good"}]),
    ("experience: repeated year figures", experience_years_min,
     lambda size: repeated("über Jahre Erfahrung ", size, _EXPERIENCE_SENTENCE),
     lambda years: years == 3),
    ("experience: random words", experience_years_min,
     lambda size: random_words(size, _EXPERIENCE_SENTENCE),
     lambda years: years == 3),
    ("education: repeated degree words", education_level,
     lambda size: repeated("Studium oder ", size, "Abgeschlossenes Studium der Informatik"),
     lambda level: level in ("degree", "vocational")),
    ("sections: repeated heading words", lambda text: split_sections(text).requirements,
     lambda size: repeated("Aufgaben: ", size, "Dein Profil:\n- Python\n- SQL"),
     lambda requirements: requirements == ["Python", "SQL"]),
    ("sections: random words", lambda text: split_sections(text).requirements,
     lambda size: random_words(size, "Dein Profil:\n- Python\n- SQL"),
     lambda requirements: requirements == ["Python", "SQL"]),
    ("location: repeated labels", find_location,
     lambda size: repeated("Standort: Berlin ", size, "Standort: Köln"),
     lambda location: True),
    ("location snippet: a long run of words", parse_location,
     lambda size: repeated("Berlin Hamburg ", size, ""),
     lambda location: location.city == "Berlin"),
    ("skills: random words", find_skills,
     lambda size: random_words(size, "Erfahrung mit Python und Kubernetes"),
     lambda skills: {"Python", "Kubernetes"} <= set(skills)),
    ("terms: random words", lambda text: (workplace_type(text), employment_type(text), contract_type(text)),
     lambda size: random_words(size, "Vollzeit, unbefristet, Homeoffice möglich"),
     lambda terms: terms[1] == "full_time"),
    ("valid through: repeated dates", lambda text: find_valid_through(text, NOW),
     lambda size: repeated("am 27. Juni 2021 ", size, "Bewerbungsschluss: 30.04.2024"),
     lambda valid: valid == date(2024, 4, 30)),
    ("languages: demanding clauses of the introduction", _demanding_clauses,
     lambda size: repeated("the team is required to travel, ", size, "English language fluency is a requirement."),
     lambda clauses: clauses.endswith("English language fluency is a requirement")),
    ("start date: random words", lambda text: find_start_date(text, NOW),
     lambda size: random_words(size, "Eintrittsdatum: 01.06.2024"),
     lambda start: start == date(2024, 6, 1)),
]


@pytest.mark.parametrize(("reader", "make_text", "check"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_reads_a_pathological_text_right_and_in_linear_time(reader, make_text, check):
    result = reader(make_text(200_000))
    assert check(result), result
    ratio = growth(reader, make_text, small=15_000)
    assert ratio <= MOST_GROWTH, f"{SIZE_RATIO}x the text took {ratio:.1f}x the time"


def test_a_300_kb_random_words_ad_reads_every_field_in_linear_time():
    statement = "\n".join((_SALARY_SENTENCE, _LANGUAGE_SENTENCE, _EXPERIENCE_SENTENCE))

    def read_all(text: str) -> tuple:
        return (find_salary(text), required_languages(text), experience_years_min(text), education_level(text),
                split_sections(text).requirements, find_location(text), find_skills(text))

    salary, languages, years, *_ = read_all(random_words(300_000, statement))
    assert (salary.min, salary.max) == (55000, 65000)
    assert {entry["language"] for entry in languages} == {"de", "en"}
    assert years == 3
    assert growth(read_all, lambda size: random_words(size, statement), small=20_000) <= MOST_GROWTH
