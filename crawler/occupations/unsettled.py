"""Titles whose words fit ESCO occupations of several families alike: the title settles no trade.

A generic head word ("Director", "Agent", "Officer", "Associate") or a head with a modifier ESCO's
labels do not hold ("Frontline Agent", "Relief Manager", "Multimedia Officer") matches many labels
that end in the same word and each add a field of their own ("SALES director", "ART director",
"IT director"). Their scores then differ by hairs, and the best of them is a guess: "Director" was
the sales manager, "Multimedia Officer" a customs officer, "Quality Assurance Analyst" a footwear
quality technician (ESCO's "footwear quality analyst" beside the water, leaf and textile ones).

When the close candidates belong to several ISCO sub-major groups and the title's words are the
same part of each of them, the words that set the candidates apart are words the title does not
have. When the ad's text says none of them either, the title names no occupation (None); when it
says one, the usual reading of close candidates with the text decides.
"""

from __future__ import annotations

from crawler.occupations.index import EscoIndex, LabelMatch, tokens

# Candidates within this much of the best are the close ones.
UNSETTLED_MARGIN = 0.1
# Close candidates from at least this many sub-major groups leave the trade open …
UNSETTLED_FAMILIES = 3
# … when no one of them holds this share of the close candidates' score.
UNSETTLED_MAJORITY = 0.5
# A head word is generic when ESCO's labels ending in it belong to this many sub-major groups
# ('director' 16, 'agent' 15, 'associate' 14, 'officer' 29; 'developer' 12, 'nurse' 3, 'teacher' 5).
GENERIC_HEAD_FAMILIES = 14
# The share of a candidate's own words (IDF-weighted) the ad's opening must say for it to be read.
TEXT_SAYS = 0.5


def title_settles_nothing(index: EscoIndex, query: str, matches: list[LabelMatch]) -> list[LabelMatch] | None:
    """The close candidates when all the title gives them is one generic head word and they span
    several families with none ahead (the title then settles no trade); None when it settles one.

    A label saying all the title's words ESCO knows settles it ("construction manager" for
    "Rohbau Sanierung Construction Manager"), unless it is one bare word of an occupation's
    alternative labels ("agent", of the sport agent): that is the generic head again.
    """
    if not matches:
        return None
    best = matches[0]
    close = [m for m in matches if best.score - m.score <= UNSETTLED_MARGIN]
    weight: dict[str, float] = {}
    for match in close:
        weight[match.occupation.isco_code[:2]] = weight.get(match.occupation.isco_code[:2], 0.0) + match.score
    if len(weight) < UNSETTLED_FAMILIES or max(weight.values()) >= UNSETTLED_MAJORITY * sum(weight.values()):
        return None
    known_words = {w for w in tokens(query) if w in index.idf}
    shared = set()
    for match in close:
        label_words = set(tokens(match.label))
        if label_words == known_words and (len(label_words) > 1 or match.label == match.occupation.label.lower()):
            return None
        shared.add(frozenset(known_words & label_words))
    if len(shared) != 1:
        return None
    (words,) = shared
    if len(words) != 1:
        return None
    (head,) = words
    return close if index.families_ending_in(head) >= GENERIC_HEAD_FAMILIES else None


def text_names_one(index: EscoIndex, query: str, close: list[LabelMatch], text_tokens: set[str]) -> bool:
    """True when the ad's opening says at least TEXT_SAYS (IDF-weighted) of the words some close
    candidate adds to the title: the text names that candidate's field."""
    query_words = set(tokens(query))
    for match in close:
        extra = set(tokens(match.label)) - query_words
        weight = sum(index.idf.get(w, 0.0) for w in extra)
        if weight and sum(index.idf.get(w, 0.0) for w in extra & text_tokens) >= TEXT_SAYS * weight:
            return True
    return False
