"""Bare generic titles ("Consultant", "Referent", "Engineer") read with the ad's text.

A title that is only a generic role word says the kind of role but not the field. ESCO's labels
for that role name their field in the words before the head ("TAX consultant", "ELECTRICAL
engineer"); the label whose field words the ad's opening all uses, the most specific first, is
the occupation. When no label's field is said, the title alone decides as usual.
"""

from __future__ import annotations

from functools import lru_cache

from crawler.occupations.german import german_to_english
from crawler.occupations.index import EscoIndex, EscoOccupation, stem, tokens
from crawler.occupations.technical import technology_words

# Generic role words (English and German base forms) → the head word of ESCO's English labels.
GENERIC_ROLES: dict[str, str] = {
    "consultant": "consultant", "berater": "consultant", "referent": "officer", "officer": "officer",
    "engineer": "engineer", "ingenieur": "engineer", "specialist": "specialist", "spezialist": "specialist",
    "analyst": "analyst", "manager": "manager", "advisor": "advisor", "adviser": "advisor",
    "sachbearbeiter": "clerk", "clerk": "clerk", "assistant": "assistant", "assistent": "assistant",
    "technician": "technician", "techniker": "technician", "coordinator": "coordinator",
    "koordinator": "coordinator", "developer": "developer", "entwickler": "developer",
    "architect": "architect", "architekt": "architect", "inspector": "inspector", "prüfer": "inspector",
}
# Bare roles whose ISCO-08 group is clear without a field: the group's catch-all unit group
# (engineering professionals n.e.c., physical and engineering science technicians n.e.c.,
# general office clerks). Other bare roles with no field said are left uncoded.
ROLE_GROUPS: dict[str, str] = {"engineer": "2149", "technician": "3119", "clerk": "4110"}
# How much of the ad is read: its opening says what the job is.
OPENING_CHARS = 1500
# A label's field words must weigh at least this much (IDF) to count as said: "sales" alone is
# in every other ad.
LEAST_FIELD_WEIGHT = 4.0
_GENDER_ENDINGS = ("innen", "in")
# Words nearly every ad uses about itself; a label whose field is only these ("TEAM manager",
# "SERVICE manager") is not named by the ad.
AD_WORDS = frozenset(stem(word) for word in (
    "team", "service", "customer", "client", "project", "business", "company", "office", "general",
    "support", "management", "work", "good", "great", "new", "people", "account", "operation",
))


def generic_role(normalised_title: str) -> str | None:
    """The ESCO head word for a title that is only a generic role word, else None."""
    word = normalised_title.strip()
    if " " in word:
        return None
    if word in GENERIC_ROLES:
        return GENERIC_ROLES[word]
    for ending in _GENDER_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in GENERIC_ROLES:
            return GENERIC_ROLES[word[: -len(ending)]]
    return None


def role_from_text(index: EscoIndex, head: str, description: str, german: bool) -> EscoOccupation | None:
    """The occupation among those whose labels end in `head` whose field the ad's opening names."""
    opening = description[:OPENING_CHARS]
    said = set(tokens(opening))
    if german:
        said |= set(tokens(german_to_english(opening.lower())))
    # "Python, Kubernetes": the technologies an ad names say the kind of ICT work ("software").
    technologies = technology_words()
    for word in set(opening.lower().split()):
        kind = technologies.get(word.strip(".,;:()"))
        if kind is not None:
            said |= set(tokens(kind))
    best: tuple[float, bool, EscoOccupation] | None = None
    for field, candidate in _labels_with_field(index, stem(head)):
        if not field <= said:
            continue
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best else None


@lru_cache(maxsize=None)
def _labels_with_field(index: EscoIndex, head_stem: str) -> tuple[tuple[set[str], tuple[float, bool, EscoOccupation]], ...]:
    """The labels ending in the head word that name a field an ad could say, in label order: each
    label's field words and (their weight, preferred?, occupation). The same for every ad, so built
    once per head word rather than over the head's thousands of labels ("manager") for each ad."""
    found = []
    for label_id in index.label_ids_with_word(head_stem):
        words = index.label_words(label_id)
        text = index.label_text(label_id)
        if stem(text.rsplit(" ", 1)[-1]) != head_stem:
            continue
        field = words - {head_stem}
        weight = sum(index.idf[w] for w in field)
        if not field or field <= AD_WORDS or weight < LEAST_FIELD_WEIGHT:
            continue
        found.append((field, (weight, index.label_is_preferred(label_id), index.label_owner(label_id))))
    return tuple(found)
