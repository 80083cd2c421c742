"""The end of an English title that is an occupation's label, where the whole title is none."""

import pytest

from crawler.occupations.classify import classify_occupation
from crawler.occupations.head_phrases import label_ending_title
from crawler.occupations.index import LabelMatch, load_index


@pytest.mark.parametrize(
    "query, best_label, expected",
    [
        # The last two words are ESCO's label of the GIS specialist; the best match by all words
        # ("environmental analyst") leaves 'GIS' out. (Probe batch 9, Alberta, 2025.)
        ("environmental gis analyst", "environmental analyst", "geographic information systems specialist"),
        # The best match already holds the run's words: nothing to correct.
        ("environmental gis analyst", "gis analyst", None),
        # The whole title is a label: the search reads it.
        ("gis analyst", "environmental analyst", None),
        # A run after "and" drops one of two coordinated modifiers ("information officer" is not a
        # licensing and information officer).
        ("licensing and information officer", "licensing officer", None),
        # One word names no trade.
        ("waterway engineer", "water engineer", None),
        # No run of the title's last words is a label.
        ("waterway planning coordinator", "planning coordinator", None),
    ],
)
def test_label_ending_title(query, best_label, expected):
    index = load_index()
    # Only the best match's label words count, not which occupation holds it.
    best = LabelMatch(index.occupations[0], best_label, 0.9)
    found = label_ending_title(index, query, best)
    assert (found.label if found else None) == expected


@pytest.mark.parametrize(
    "title, language, isco",
    [
        # Real titles (probe batch 9: an Alberta posting of November 2025).
        ("Environmental GIS Analyst", "en", "2165"),
        # Read as before: the whole title is a label, or the lexicon knows it.
        ("GIS Analyst", "en", "2165"),
        ("Registered General Nurse", "en", "2221"),
        ("Aircraft Maintenance Engineer", "en", "3153"),
    ],
)
def test_titles_read_by_their_last_words(title, language, isco):
    assert classify_occupation(title, "", language).isco_code == isco
