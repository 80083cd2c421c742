"""The end of an English title that is an occupation's label, where the whole title is none.

English job titles put their head last and stack modifiers before it: "Environmental GIS Analyst"
is a GIS analyst who works on environmental data. ESCO has no label for the whole title, so the
label search weighs every word alike and a label sharing the outer modifier and the head ("air
pollution analyst") can beat the one that says the head and the word beside it. When a run of the
title's last words is exactly a label ("GIS analyst") and the search's best label leaves a word of
that run out, the run names the job and the leading words only its setting.
"""

from __future__ import annotations

from crawler.occupations.index import EscoOccupation, LabelMatch, tokens

# A run of two or more words: one word ("analyst", "engineer") names no trade.
MIN_RUN_WORDS = 2
_CONJUNCTIONS = frozenset({"and", "&", "or", "und", "oder", "/"})


def label_ending_title(index, query: str, best: LabelMatch) -> EscoOccupation | None:
    """The occupation one of whose labels is exactly a run of the query's last words (the longest
    such run short of the whole query), when the search's `best` label lacks a word of that run and
    no label says the whole query; else None. A run several occupations are labelled by settles
    nothing and is not read."""
    if index.labelled_by(query):
        return None
    words = query.split()
    best_words = set(tokens(best.label))
    for start in range(1, len(words)):
        run = " ".join(words[start:])
        run_words = tokens(run)
        if len(run_words) < MIN_RUN_WORDS:
            return None
        if words[start] in _CONJUNCTIONS or words[start - 1] in _CONJUNCTIONS:
            # "Licensing and Information Officer": the run's first word is one of two coordinated
            # modifiers, so the run ("information officer") drops half of what the title says.
            return None
        labelled = index.labelled_by(run)
        if not labelled:
            continue
        if set(run_words) <= best_words or len(labelled) != 1:
            return None
        return labelled[0]
    return None

