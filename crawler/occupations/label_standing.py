"""How far an ESCO alternative label can be trusted to name its own occupation.

ESCO gives some occupations alternative labels that say another occupation better than their own:
'planning engineer' is one of the land planner's (2164) although 'mine planning engineer' and
'airport planning engineer' are other occupations' own names; 'forest technician' is the botanical
technician's (3141), 'financial services manager' the financial broker's (3311). A title read
through such a label is right far less often than one read through an occupation's own name or an
alternative label near it (round 18 of tests/occupations/LOG.md: 4 of 31 on probe batches 6-10,
11 of 26 on dev), but the candidates it beats are no better, so the reading is kept and only its
confidence says so.
"""

from __future__ import annotations

from functools import lru_cache

from crawler.occupations.index import EscoIndex, LabelMatch, load_index, tokens

# The highest confidence of a reading made through a label nearer another occupation's name: below
# 0.9, the readings an analyst may take as sure, and not below 0.8, which a source's stated
# occupation name needs to be kept (fields.named_occupation_fields).
FOREIGN_LABEL_CONFIDENCE = 0.85


class LabelStanding:
    """Which alternative labels lie nearer another unit group's occupation name than their own."""

    def __init__(self, index: EscoIndex):
        self._index = index
        self._foreign: dict[int, bool] = {}
        self._names_with_word: dict[str, list[int]] = {}

    def is_foreign(self, label_id: int) -> bool:
        """True for an alternative label sharing more of its words (weighed by IDF) with another
        unit group's occupation's own name than with its own occupation's name."""
        foreign = self._foreign.get(label_id)
        if foreign is None:
            foreign = self._foreign[label_id] = self._nearer_another_name(label_id)
        return foreign

    def match_is_foreign(self, match: LabelMatch) -> bool:
        """True when a search match was made through a foreign alternative label."""
        words = tokens(match.label)
        if not words:
            return False
        for label_id in self._index.label_ids_with_word(words[0]):
            if (self._index.label_text(label_id) == match.label
                    and self._index.label_owner(label_id).uri == match.occupation.uri):
                return self.is_foreign(label_id)
        return False

    def _nearer_another_name(self, label_id: int) -> bool:
        index = self._index
        if index.label_is_preferred(label_id):
            return False
        words = index.label_words(label_id)
        owner = index.label_owner(label_id)
        own = self._shared_weight(words, set(tokens(owner.label)))
        for word in words:
            for name_id in self._names_holding(word):
                other = index.label_owner(name_id)
                if other.isco_code != owner.isco_code and self._shared_weight(words, index.label_words(name_id)) > own:
                    return True
        return False

    def _shared_weight(self, words: set[str], other: set[str]) -> float:
        return sum(self._index.idf.get(word, 0.0) for word in words & other)

    def _names_holding(self, word: str) -> list[int]:
        """The occupations' own names (label ids) holding a word, found once per word."""
        found = self._names_with_word.get(word)
        if found is None:
            found = self._names_with_word[word] = [
                label_id for label_id in self._index.label_ids_with_word(word) if self._index.label_is_preferred(label_id)]
        return found


@lru_cache(maxsize=1)
def label_standing() -> LabelStanding:
    """The standing of the bundled index's labels, worked out label by label as searches meet them."""
    return LabelStanding(load_index())


def match_confidence(match: LabelMatch) -> float:
    """A search match's score as a reading's confidence: capped at FOREIGN_LABEL_CONFIDENCE when the
    match was made through an alternative label nearer another occupation's name."""
    if match.score > FOREIGN_LABEL_CONFIDENCE and label_standing().match_is_foreign(match):
        return FOREIGN_LABEL_CONFIDENCE
    return match.score
