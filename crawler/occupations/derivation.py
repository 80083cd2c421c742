"""A process noun ESCO's labels never use, read as the word its labels do use for the same work.

Ads name jobs after the process ("Sterilisation Technician", "Digitalisation Manager"); ESCO's labels
name them after the object or quality ("STERILE services technician", "DIGITAL …"). A word no label
holds adds nothing to the label search but weight against every label, so the search falls back on
the title's other words ("technician" alone: any technician). An '-isation'/'-ization' noun no
label holds is read as the shortest word of ESCO's labels that begins with its stem ("steril" →
"sterile"); a stem no label word begins with leaves the noun as it is.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from crawler.occupations.index import EscoIndex

_PROCESS_NOUN = re.compile(r"\b([a-z]{5,})i[sz]ations?\b")


@lru_cache(maxsize=1)
def _vocabulary(index: EscoIndex) -> tuple[str, ...]:
    return tuple(sorted(index.idf))


def word_for_stem(index: EscoIndex, stem: str) -> str | None:
    """The shortest word of ESCO's labels beginning with the stem, or None."""
    vocabulary = _vocabulary(index)
    start = bisect.bisect_left(vocabulary, stem)
    found = []
    for word in vocabulary[start:]:
        if not word.startswith(stem):
            break
        found.append(word)
    return min(found, key=lambda word: (len(word), word)) if found else None


def process_nouns_as_label_words(index: EscoIndex, query: str) -> str:
    """The query with each '-isation' noun ESCO's labels do not hold replaced by the label word of
    its stem ("sterilisation technician" → "sterile technician")."""
    def replace(match: re.Match) -> str:
        noun = match.group(0)
        if noun.rstrip("s") in index.idf or noun in index.idf:
            return noun
        return word_for_stem(index, match.group(1)) or noun

    return _PROCESS_NOUN.sub(replace, query) if "ation" in query else query
