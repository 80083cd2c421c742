"""The title directories as evidence for the ESCO label search (title_directory.py).

A title the official directories list ("Kommissionierer", "Line Cook", "Regalauffüller") has the
unit groups their crosswalks give it. ESCO's label search reads a title by its words and, for a
title its labels do not say, often finds an occupation of another trade that shares a word. Where
the search's best occupation lies outside every group the directories give the title, the best
ESCO occupation within those groups is read instead; where ESCO has none near enough there, the
directories' main group alone, when they mostly agree on it. A title the classifier reads as
nothing and the lexicon does not know gets the group most of the directories' weight names
(`directory_fill`). Bare ranks and generic head words ("Director", "Operator") are left alone:
O*NET lists some of them under one narrow occupation (the film director).
"""

from __future__ import annotations

from crawler.occupations.index import RANK_WORDS, EscoIndex, LabelMatch, tokens
from crawler.occupations.lexicon import german_singular_forms
from crawler.occupations.title_directory import key_of_parts, load_title_directory

# How many occupations the label search returns when only those within the directory's groups count.
WITHIN_GROUPS = 60
# A label within the directory's groups must match the title at least this well to be read.
LEAST_LABEL_SCORE = 0.45
# A one-word title whose word ends ESCO labels in this many ISCO-08 sub-major groups names no trade
# ("Director" 16, "Operator" 30, "Supervisor" 32; "Architect" 6, "Auditor" 8, "Cook" 5): the
# directories' reading of it (O*NET lists a bare "Director" as the film director) is not taken.
GENERIC_WORD_FAMILIES = 10
# The directories' main group is given alone (no ESCO occupation) when it holds this share.
LEAST_MAIN_SHARE = 0.75


def directory_groups(parts: list[str], german: bool) -> tuple[tuple[str, float], ...]:
    """The unit groups the directories give a normalised title: its parts whole ("Arzt - Innere
    Medizin"), else its first part ("Lagerhelfer" of "Lagerhelfer - Hamburg"), else, for a German
    title, its first part with one word in the singular ("Reinigungskräfte")."""
    directory = load_title_directory()
    found = directory.lookup(key_of_parts(parts), german)
    if not found and len(parts) > 1:
        found = directory.lookup(key_of_parts(parts[:1]), german)
    if not found and german:
        # "Reinigungskräfte", "Kaufleute im Einzelhandel": the directory lists the singular.
        words = key_of_parts(parts[:1]).split()
        for index_of_word in range(len(words)):
            for singular in german_singular_forms(words[index_of_word]):
                found = directory.groups(" ".join([*words[:index_of_word], singular, *words[index_of_word + 1:]]), "de")
                if found:
                    return found
    return found


def names_no_trade(index: EscoIndex, query: str) -> bool:
    """True for a title (ESCO's English words) that is ranks alone or one generic head word."""
    words = tokens(query)
    return set(words) <= RANK_WORDS or (len(words) == 1 and index.families_ending_in(words[0]) >= GENERIC_WORD_FAMILIES)


def directory_reading(index: EscoIndex, query: str, matches: list[LabelMatch],
                      groups: tuple[tuple[str, float], ...]) -> LabelMatch | str | None:
    """What the directories change in the label search's reading of `query` (ESCO's English words):
    None when they list no groups for the title, when an ESCO label says the title exactly, or when
    the best match lies in one of their groups; else the best ESCO match within their groups, or
    their main unit group (a code) when no label there is near enough and they mostly agree."""
    if not groups or names_no_trade(index, query):
        return None
    allowed = {group for group, _ in groups}
    query_words = set(tokens(query))
    if matches and (matches[0].occupation.isco_code in allowed
                    or any(set(tokens(m.label)) == query_words for m in matches)):
        return None
    within = [m for m in index.search(query, limit=WITHIN_GROUPS) if m.occupation.isco_code in allowed]
    if within and within[0].score >= LEAST_LABEL_SCORE:
        return within[0]
    main, share = groups[0]
    if share >= LEAST_MAIN_SHARE and main in index.isco_groups:
        return main
    return None


# The directories fill an empty reading only when more than half of a title's weight names one group.
LEAST_FILLING_SHARE = 0.6


def directory_fill(index: EscoIndex, query: str, groups: tuple[tuple[str, float], ...]) -> LabelMatch | str | None:
    """The directories' reading of a title the classifier gives no occupation and the lexicon does
    not know, when they mostly name one unit group: the best ESCO match of `query` (ESCO's English
    words) within that group, or the group alone. Tried and dropped: letting them overrule a reading
    outside their groups ("Forstwirt", ESCO's forester), which cost more rows than it won, as the
    Bundesagentur codes some German occupations otherwise than ISCO-08's definitions and ESCO
    ("Gesundheits- und Krankenpfleger" 3221, "Flugbegleiter" 5112)."""
    if not groups or groups[0][1] < LEAST_FILLING_SHARE or names_no_trade(index, query):
        return None
    main = groups[0][0]
    within = [m for m in index.search(query, limit=WITHIN_GROUPS) if m.occupation.isco_code == main]
    if within and within[0].score >= LEAST_LABEL_SCORE:
        return within[0]
    return main if main in index.isco_groups else None
