"""The nearest directory titles and ESCO labels of a title the directories do not list
(crawler/occupations/title_neighbours.py, data/title_neighbours.npz) and their vote as evidence for
the label search (directory_reading.neighbour_groups)."""

import numpy as np
import pytest

from crawler.occupations.build_title_neighbours import build_arrays, input_checksums
from crawler.occupations.classify import classify_occupation
from crawler.occupations.directory_reading import (
    LEAST_NEIGHBOUR_SIMILARITY, LEAST_VOTED_MAIN_SHARE, directory_groups, neighbour_groups)
from crawler.occupations.index import load_index
from crawler.occupations.lexicon import TitleLexicon
from crawler.occupations.title_directory import load_title_directory
from crawler.occupations.title_neighbours import (
    SEPARATOR, gram_keys, index_key, load_title_neighbours, padded, postings_from_differences)


@pytest.fixture
def without_lexicon(monkeypatch):
    """The path titles the hand-written lexicon does not know take."""
    for module in ("classify", "lexicon_reading"):
        monkeypatch.setattr(f"crawler.occupations.{module}.load_lexicon", lambda: TitleLexicon([]))


def _spelt(keys: np.ndarray) -> list[str]:
    return [int(key).to_bytes(8, "big").decode("utf-16-be") for key in keys]


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("lagerist", [" lag", "lage", "ager", "geri", "eris", "rist", "ist "]),
        # No 4-gram across two words ("rt  k"), a word too short for one has none.
        ("art koch", [" art", "art ", " koc", "koch", "och "]),
        ("a b", []),
        ("", []),
    ],
)
def test_gram_keys_are_the_4_grams_within_each_padded_word(text, grams):
    keys, _ = gram_keys(padded(text))
    assert _spelt(keys) == grams


def test_no_4_gram_crosses_from_one_document_into_the_next():
    keys, positions = gram_keys(SEPARATOR.join([padded("koch"), padded("bäcker")]))
    assert _spelt(keys) == [" koc", "koch", "och ", " bäc", "bäck", "äcke", "cker", "ker "]
    assert list(positions[:3]) == [0, 1, 2]


@pytest.mark.parametrize(
    ("label", "key"),
    [
        # As the directory keys its titles: function words out, hyphens inside words joined.
        ("Fachkraft für Lagerlogistik", "fachkraft lagerlogistik"),
        ("Gesundheits- und Krankenpfleger", "gesundheits und krankenpfleger"),
        ("Software-Entwickler", "softwareentwickler"),
        ("head of the kitchen", "head kitchen"),
    ],
)
def test_index_keys(label, key):
    assert index_key(label) == key


def test_postings_are_read_back_from_their_differences():
    counts = np.array([3, 1, 2], dtype=np.int32)
    postings = np.array([4, 9, 2_000_000_000, 7, 1, 2_100_000_000], dtype=np.int32)
    differences = np.array([4, 5, 2_000_000_000 - 9, 7, 1, 2_100_000_000 - 1], dtype=np.int32)
    assert postings_from_differences(differences, counts).tolist() == postings.tolist()


def test_the_bundled_index_was_built_from_the_bundled_directory_and_esco():
    bundled = np.load("crawler/occupations/data/title_neighbours.npz")
    assert bundled["checksums"].tolist() == input_checksums().tolist()


def test_the_bundled_index_is_what_the_build_makes_of_them():
    built = build_arrays(load_title_directory(), load_index())
    neighbours = load_title_neighbours()
    assert np.array_equal(built["vocabulary"], neighbours._vocabulary)
    assert np.array_equal(built["postings"], neighbours._postings)
    assert np.array_equal(built["sources"], neighbours._source)
    assert np.allclose(built["norms"], neighbours._norm)


def test_a_listed_title_is_its_own_nearest_neighbour():
    neighbours = load_title_neighbours()
    similarity, document = neighbours.nearest("lagerist")[0]
    assert similarity == pytest.approx(1.0)
    assert neighbours.groups_of(document)[0][0] in {"4321", "9333"}


@pytest.mark.parametrize(
    ("key", "main_group"),
    [
        # Real titles of probe batches 1, 2 and 6 the directories do not list whole.
        ("tischlergeselle möbelbau", "7522"),
        ("facharzt anästhesiologie", "2212"),
        ("feuerwehrmann berufsfeuerwehr", "5411"),
        ("forklift driver/labourer", "8344"),
        ("soldat auf zeit", "0310"),
    ],
)
def test_the_nearest_titles_vote_for_the_title_s_group(key, main_group):
    assert directory_groups([key], german=True) == ()
    groups = neighbour_groups([key])
    assert groups and groups[0][0] == main_group and groups[0][1] >= LEAST_VOTED_MAIN_SHARE


def test_no_vote_without_a_neighbour_or_without_a_main_group():
    neighbours = load_title_neighbours()
    # No 4-gram of the index.
    assert neighbours.vote("xqzvw") == (0.0, ())
    assert neighbour_groups(["xqzvw"]) == ()
    # Near neighbours ('care worker', 'care at home worker', 'assistant'), but no group holds half
    # of their vote: the social care worker's 3412 about 0.4, the childcare worker's 5311 less.
    similarity, voted = neighbours.vote("care assistant")
    assert similarity >= LEAST_NEIGHBOUR_SIMILARITY and voted[0][1] < LEAST_VOTED_MAIN_SHARE
    assert neighbour_groups(["care assistant"]) == ()


def test_words_the_index_does_not_hold_are_left_out_of_the_comparison():
    # "zzyzx" has no 4-gram of the index; the title is compared by "koch" alone.
    similarity, voted = load_title_neighbours().vote("zzyzx koch")
    assert similarity == pytest.approx(1.0) and voted[0][0] == "5120"


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # Probe batches 2, 4 and 6 (real titles), with the lexicon off.
        ("Tischlergeselle (m/w/d) Möbelbau", "de", "7522"),
        ("Facharzt (m/w/d) für Anästhesiologie", "de", "2212"),
        ("Produktionsmitarbeiter (m/w/d) Lebensmittelherstellung", "de", "8160"),
        ("Einrichter (m/w/d) für Kunststoffspritzgussmaschinen", "de", "8142"),
        ("Stress Engineer Glasgow", "en", "2144"),
        ("Forklift Driver/Labourer", "en", "8344"),
        # Dev titles (their ads' text aside).
        ("Transport Orderly", "en", "5329"),
        ("DevOps", "en", "2512"),
    ],
)
def test_titles_read_with_their_neighbours_vote(without_lexicon, monkeypatch, title, language, expected):
    occupation = classify_occupation(title, None, language)
    assert occupation is not None and occupation.isco_code == expected
    monkeypatch.setattr("crawler.occupations.classify.neighbour_groups", lambda parts: ())
    without_vote = classify_occupation(title, None, language)
    assert without_vote is None or without_vote.isco_code != expected


@pytest.mark.parametrize(
    ("title", "expected_group"),
    [
        # A title that settles no trade is not read by its modifier's neighbours (unsettled.py).
        ("Multimedia Officer", None),
        # A voted group's labels must match well: not the hospital porter for "Hospitality Staff".
        ("Hospitality Staff", "51"),
    ],
)
def test_the_vote_leaves_alone(title, expected_group):
    occupation = classify_occupation(title, None, "en")
    if expected_group is None:
        assert occupation is None
    else:
        assert occupation is not None and occupation.isco_code[:2] == expected_group
