"""ESCO's German labels (bundled, v1.0.3): a German title that is one of them names its occupation.

The titles of the first table are German labels ESCO v1.1.0 gives these occupations (Avature/melo-
benchmark, data/processed/melo/aut_q_de_c_de/corpus_elements.tsv), written as ads write them
(gender tags and forms); neither the title lexicon nor the English label search codes them.
"""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.german_labels import GermanLabels, load_german_labels
from crawler.occupations.index import load_index
from crawler.occupations.normalise import normalise_title

# (title, ISCO-08 unit group, ESCO occupation's English preferred label)
ONLY_THE_GERMAN_LABELS_KNOW = [
    ("Sandstrahler (m/w/d)", "8122", "abrasive blasting operator"),
    ("Blutabnehmerin", "5329", "phlebotomist"),
    ("Immobiliensachverständiger (m/w/d)", "3315", "real estate surveyor"),
    ("Gerüstbaupolier/in", "3123", "construction scaffolding supervisor"),
    ("Rohrnetzinstandhalter*in", "7126", "pipeline maintenance worker"),
    ("Konzertagent (w/m/d)", "3339", "promoter"),
    ("Schnürbodenmeister", "3435", "automated fly bar operator"),
    # A place after the title is no field.
    ("Sandstrahler (m/w/d) – Berlin – Vollzeit", "8122", "abrasive blasting operator"),
]


@pytest.mark.parametrize(("title", "isco_code", "esco_label"), ONLY_THE_GERMAN_LABELS_KNOW)
def test_a_title_saying_an_esco_german_label_is_that_occupation(title, isco_code, esco_label):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None
    assert (occupation.isco_code, occupation.esco_label) == (isco_code, esco_label)
    assert occupation.method == "title"
    assert occupation.esco_uri == load_german_labels().match(normalise_title(title)).occupation.uri
    assert occupation.confidence >= 0.85


@pytest.mark.parametrize(("title", "isco_code", "esco_label"), ONLY_THE_GERMAN_LABELS_KNOW)
def test_without_the_german_labels_those_titles_are_not_coded_so(monkeypatch, title, isco_code, esco_label):
    monkeypatch.setattr("crawler.occupations.classify.load_german_labels", lambda: GermanLabels([]))
    occupation = classify_occupation(title, None, "de")
    assert occupation is None or occupation.isco_code != isco_code


@pytest.mark.parametrize(
    ("title", "isco_code", "preferred"),
    [
        # ESCO's preferred label "Softwareentwickler/Softwareentwicklerin", any gender form of an ad.
        ("Softwareentwickler/in", "2512", True),
        ("Software-Entwicklerin (m/w/d)", "2512", True),
        ("Softwareentwickler:in", "2512", True),
        # An alternative label, as ESCO lists the masculine and feminine forms.
        ("Fachkraft für Lagerlogistik", "9333", False),
        ("Blutabnehmerin", "5329", False),
    ],
)
def test_german_labels_are_read_in_every_gender_form(title, isco_code, preferred):
    found = load_german_labels().match(normalise_title(title))
    assert found is not None
    assert (found.occupation.isco_code, found.preferred) == (isco_code, preferred)


def test_a_label_of_occupations_in_several_unit_groups_names_none():
    # "Lagerist" is an alternative label of the warehouse worker and order picker (9333) and of the
    # inventory coordinator (4321), and none's preferred label.
    assert load_german_labels().match("lagerist") is None


def test_each_german_label_names_the_occupation_its_uri_keys():
    index = load_index()
    assert all(occupation.german_labels for occupation in index.occupations)
    software_developer = next(o for o in index.occupations if o.label == "software developer")
    assert software_developer.german_labels[0] == "Softwareentwickler/Softwareentwicklerin"
    assert load_german_labels().match("softwareentwickler").occupation is software_developer


def test_english_titles_of_german_ads_keep_the_english_labels():
    # ESCO's German labels give "Business Analyst" to the occupational analyst (2423); the title is
    # an English ESCO label and is read as English.
    occupation = classify_occupation("Business Analyst", None, "de")
    assert occupation is not None
    assert occupation.isco_code != "2423"


@pytest.mark.parametrize(
    ("title", "isco_code"),
    [
        # The lexicon reads the compound's head (a driver 8322, a mechanic 7233); ESCO's German
        # label says the whole word, in the same major group (Straßenbahnfahrer: unseen_probe.csv).
        ("Straßenbahnfahrer (m/w/d)", "8331"),
        ("Müllfahrer", "8332"),
        ("Zweiradmechaniker", "7234"),
        # Written with a hyphen, the label saying both parts is read in any major group
        # (unseen_probe.csv batch 4: "Orthopädietechnik-Mechaniker/in - Individuelle Rehatechnik").
        ("Orthopädietechnik-Mechaniker/in - Individuelle Rehatechnik", "3214"),
        # No German label says the whole compound: the head's reading stays.
        ("Auslieferungsfahrer", "8322"),
    ],
)
def test_a_german_label_saying_the_whole_compound_beats_the_lexicons_head(title, isco_code):
    occupation = classify_occupation(title, None, "de")
    assert occupation is not None
    assert occupation.isco_code == isco_code
