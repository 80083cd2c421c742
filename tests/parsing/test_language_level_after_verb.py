"""Tests for crawler.parsing.qualifications.required_languages: a level stated after the verb
("Ihre Deutsch- und Englischkenntnisse sind sehr gut", "Your English is fluent")."""

import pytest

from crawler.parsing.qualifications import required_languages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pep-dortmund/homepage jobboerse/_posts/2020-01-30-deichmann.md (dev8 de_805): the level after "sind",
        # shared by both languages of the phrase.
        ("Ihre Deutsch- und Englischkenntnisse sind sehr gut.", [("de", "very_good"), ("en", "very_good")]),
        ("Ihre Deutsch- und Englischkenntnisse sind sehr gut und Sie arbeiten gern im Team.",
         [("de", "very_good"), ("en", "very_good")]),
        ("Deine Englischkenntnisse sind fließend.", [("en", "fluent")]),
        ("Ihre Deutschkenntnisse sind verhandlungssicher.", [("de", "fluent")]),
        ("Deutschkenntnisse sollten mindestens gut sein.", [("de", "good")]),
        ("Your English is fluent.", [("en", "fluent")]),
        # each language its own predicate
        ("Your English is good and your German is fluent.", [("de", "fluent"), ("en", "good")]),
        # the level before the language still binds as before
        ("Sie haben sehr gute Deutsch- und Englischkenntnisse.", [("de", "very_good"), ("en", "very_good")]),
        ("Sehr gute Deutschkenntnisse setzen wir voraus.", [("de", "very_good")]),
        # no level after the verb: none invented
        ("Deutsch in Wort und Schrift setzen wir voraus.", [("de", None)]),
        ("Englisch ist Voraussetzung, gute Kenntnisse in Python.", [("en", None)]),
        # a wish after the verb is not a level, and not a requirement
        ("Deutsch ist wünschenswert.", []),
    ],
)
def test_level_after_the_verb(text, expected):
    assert [(entry["language"], entry["level"]) for entry in required_languages(text)] == expected


@pytest.mark.parametrize(("text", "languages"), [
    # After "in"/"of" and before a function word the name is the language (dev10 hotjar, pspdfkit).
    ("Fluent in English with excellent written and verbal communication skills", [{"language": "en", "level": "fluent"}]),
    ("Have a good command of English for writing documentation.", [{"language": "en", "level": "good"}]),
    # Before a noun it is still an adjective.
    ("Knowledge of English law is helpful.", []),
    ("You will work in German offices with a lot of knowledge.", []),
])
def test_a_language_after_in_or_of(text, languages):
    assert required_languages(text) == languages
