"""A title ESCO gives to occupations in different settings, and the setting the ad names.

ESCO splits some jobs by where they are done and lets each occupation hold the bare job as a label:
"porter" is the hospital porter's (5329), the hotel porter's (9621) and more; the title lexicon reads
the bare job in one of them. The one word an occupation's own name puts before the whole title
("HOSPITAL porter", "HOTEL porter") is its setting; when the ad's opening says the setting of exactly
one of the occupations holding the title, that occupation is the job ("Porter" at Strathfield
Private Hospital).
"""

from __future__ import annotations

from crawler.occupations.index import RANK_WORDS, EscoIndex, EscoOccupation, tokens


def held_in_several_groups(index: EscoIndex, query: str) -> bool:
    """True when occupations of more than one unit group hold the (English) title whole as a label;
    the only titles whose setting is read (a cheap test before the ad's text is read)."""
    return len({occupation.isco_code for occupation in index.labelled_by(query)}) > 1


def occupation_in_named_setting(index: EscoIndex, query: str, opening_words: set[str]) -> EscoOccupation | None:
    """The one occupation, among those holding the (English) title whole as a label in different
    unit groups, whose own name adds words the ad's opening (stemmed words) says; None otherwise."""
    holders = index.labelled_by(query)
    if len({occupation.isco_code for occupation in holders}) < 2:
        return None
    title_words = tokens(query)
    placed = []
    for occupation in holders:
        # The setting is one word put before the whole title ("HOSPITAL porter"); a name saying the
        # job otherwise ("process ENGINEERING TECHNICIAN" for "process engineer", "BUILDING CLEANER"
        # for "custodian") is another job, not the title's setting.
        name = tokens(occupation.label)
        if len(name) == len(title_words) + 1 and name[1:] == title_words and name[0] not in RANK_WORDS \
                and name[0] in opening_words:
            placed.append(occupation)
    return placed[0] if len(placed) == 1 else None
