"""The ESCO label index: loaded once from the bundled data file, searched by IDF-weighted word overlap."""

from __future__ import annotations

import gzip
import heapq
import json
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

DATA_FILE = "esco_occupations.json.gz"
_TOKEN = re.compile(r"[a-z0-9#+äöüß]+")
# How many recent searches are kept.
_RECENT_SEARCHES = 4096
# How many labels, best by word overlap, are compared character by character with a query.
_COMPARED = 40
# Words that say nothing about which occupation a label is.
# A word is a role noun when it ends at least this many labels and this share of those holding it.
_LEAST_HEAD_LABELS = 3
_HEAD_SHARE = 0.5
# An alternative label that is one role word the labels of this many occupations end in names none of
# them when its occupation lies outside the word's main ISCO family (15 first; 3 measured better once
# the family condition was added: 'gardener' of the garden labourer 9214 beside the gardeners 6113).
_GENERIC_ROLE_OCCUPATIONS = 3
# Words saying a rank and the unit it leads: an alternative label of these alone names no work.
RANK_WORDS = frozenset({"supervisor", "manager", "foreman", "chief", "leader", "lead", "team", "shift",
                         "deputy", "assistant", "unit", "crew", "section", "director"})
_STOPWORDS = frozenset("a an and the of for in on at to with by or as".split())


# Plurals that name something else than their singular: 'securities' are a financial product
# ("securities analyst", 2413), not 'security' ("security analyst").
_PLURALS_OF_THEIR_OWN = frozenset({"securities"})


def stem(word: str) -> str:
    """A light English stem: plural and agent endings folded so 'nurses' meets 'nurse'."""
    if word in _PLURALS_OF_THEIR_OWN:
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Stemmed content words of a text, in order."""
    return [stem(t) for t in _TOKEN.findall(text.lower()) if t not in _STOPWORDS]


def _names_an_activity(label: str) -> bool:
    """True for an alternative label that is one activity word ('commissioning' of the advanced
    nurse practitioner, 'pressing' of the leather finishing manager): ESCO lists a few, and a
    title naming the activity ("SPS Inbetriebnahme", commissioning) would take them whole."""
    words = _TOKEN.findall(label.lower())
    return len(words) == 1 and len(words[0]) > 5 and words[0].endswith("ing")


def _shared_tokens(text: str) -> list[str]:
    """:func:`tokens`, each word one shared string: the index holds the same few thousand words
    ~400,000 times (labels, sorted labels, definitions), 9 MB in every parser process otherwise."""
    return [_shared_stem(word) for word in _TOKEN.findall(text.lower()) if word not in _STOPWORDS]


@lru_cache(maxsize=None)
def _shared_stem(word: str) -> str:
    # The index's 70,000 texts hold a few thousand words: each is stemmed once while it is built
    # (emptied afterwards), which halves the parser workers' start-up work on the index.
    return sys.intern(stem(word))


@dataclass(frozen=True)
class EscoOccupation:
    """One ESCO occupation as bundled: URI, ISCO-08 unit group, English labels, short definition,
    and its German labels (preferred first; see german_labels.py)."""

    uri: str
    isco_code: str
    label: str
    alt_labels: tuple[str, ...]
    description: str
    german_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class LabelMatch:
    """How well a query matches one occupation (through its best label)."""

    occupation: EscoOccupation
    label: str
    score: float


class EscoIndex:
    """Inverted index over every preferred and alternative English label of the ESCO occupations."""

    def __init__(self, occupations: list[EscoOccupation], isco_groups: dict[str, str], version: str):
        self.occupations = occupations
        self.isco_groups = isco_groups
        self.version = version
        self.by_uri = {o.uri: o for o in occupations}
        self._position = {o.uri: n for n, o in enumerate(occupations)}
        self._label_text: list[str] = []
        self._label_owner: list[int] = []
        self._label_weight: list[float] = []
        self._label_is_preferred: list[bool] = []
        postings: dict[str, list[int]] = defaultdict(list)
        label_tokens: list[set[str]] = []
        # Each label's words in order, read once: the passes below all need them.
        label_word_lists: list[list[str]] = []
        for number, occupation in enumerate(occupations):
            for label in (occupation.label, *occupation.alt_labels):
                word_list = _shared_tokens(label)
                words = set(word_list)
                if not words or (label is not occupation.label and _names_an_activity(label)):
                    continue
                label_id = len(self._label_text)
                self._label_text.append(label.lower())
                self._label_owner.append(number)
                self._label_is_preferred.append(label is occupation.label)
                label_tokens.append(words)
                label_word_lists.append(word_list)
                for word in words:
                    postings[word].append(label_id)
        count = len(self._label_text)
        self.idf = {word: math.log(1 + count / len(ids)) for word, ids in postings.items()}
        self._postings = dict(postings)
        self._label_weight = [sum(self.idf[w] for w in words) for words in label_tokens]
        self._label_words = label_tokens
        # Each label's words in sorted order, for the character-level comparison with a query.
        self._label_sorted = [" ".join(sorted(word_list)) for word_list in label_word_lists]
        # Titles repeat across a crawl: recent searches are kept (bounded, oldest dropped first).
        self._recent: dict[tuple[str, int], list[LabelMatch]] = {}
        # The labels holding each word, lightest first (`_lightest_first`), built on first use.
        self._by_weight: dict[str, list[int]] = {}
        # How often each word ends the labels holding it: role nouns ("recruiter", "expert") end
        # them, field words ("data", "security", "production") come before the role.
        ending: dict[str, int] = defaultdict(int)
        # The ISCO sub-major groups of the occupations whose labels end in each word.
        head_families: dict[str, set[str]] = defaultdict(set)
        for label_id, words in enumerate(label_word_lists):
            if words:
                ending[words[-1]] += 1
                head_families[words[-1]].add(occupations[self._label_owner[label_id]].isco_code[:2])
        self._head_families = {word: len(families) for word, families in head_families.items()}
        self._role_words = frozenset(
            word for word, count in ending.items()
            if count >= _LEAST_HEAD_LABELS and count >= _HEAD_SHARE * len(postings[word])
        )
        self._drop_generic_alternatives(label_tokens, label_word_lists)
        # Occupations by the word set of their own (preferred) name, for titles that say one whole.
        self._by_name_words: dict[frozenset[str], list[EscoOccupation]] = defaultdict(list)
        for occupation in occupations:
            self._by_name_words[frozenset(tokens(occupation.label))].append(occupation)
        # Occupations by the word set of any of their labels (preferred or alternative).
        self._by_label_words: dict[frozenset[str], list[EscoOccupation]] = defaultdict(list)
        for label_id, words in enumerate(label_tokens):
            owner = self.occupations[self._label_owner[label_id]]
            holders = self._by_label_words[frozenset(words)]
            if owner not in holders:
                holders.append(owner)
        # Description words per occupation, for disambiguating ambiguous titles.
        self.description_tokens = [set(_shared_tokens(o.description)) for o in occupations]
        _shared_stem.cache_clear()

    def _drop_generic_alternatives(self, label_tokens: list[set[str]], label_word_lists: list[list[str]]) -> None:
        """Leave out of the search each alternative label that is one role word many occupations'
        labels end in ('cleaners' of the amusement park cleaner, 'supervisor' of the oil refinery
        control room operator, 'worker' of the road construction worker): a title saying only
        that word is some cleaner or supervisor, and one occupation owning the bare word would
        win every such title with a perfect score."""
        owners: dict[str, set[int]] = defaultdict(set)
        for label_id, words in enumerate(label_word_lists):
            if words:
                owners[words[-1]].add(self._label_owner[label_id])
        generic = set()
        for label_id, words in enumerate(label_tokens):
            if not self._label_is_preferred[label_id] and words <= RANK_WORDS:
                # 'supervisor', 'shift supervisor', 'team leader', 'unit manager': a rank with no
                # work; "Catering Supervisor" found the oil refinery control room operator by it.
                generic.add(label_id)
                continue
            if self._label_is_preferred[label_id] or len(words) != 1:
                continue
            (word,) = words
            if word not in self._role_words or len(owners[word]) < _GENERIC_ROLE_OCCUPATIONS:
                continue
            families = Counter(self.occupations[owner].isco_code[:2] for owner in owners[word])
            if families[self.occupations[self._label_owner[label_id]].isco_code[:2]] < max(families.values()):
                generic.add(label_id)
        for word, ids in self._postings.items():
            if any(label_id in generic for label_id in ids):
                self._postings[word] = [label_id for label_id in ids if label_id not in generic]

    def search(self, query: str, limit: int = 5) -> list[LabelMatch]:
        """Occupations whose labels best match the query, best first (one entry per occupation).

        The score is the IDF-weighted cosine of word sets (query against label), blended with
        rapidfuzz's character-level ratio on the strongest candidates so word order and near
        spellings count.
        """
        key = (query, limit)
        if key not in self._recent:
            if len(self._recent) >= _RECENT_SEARCHES:
                del self._recent[next(iter(self._recent))]
            self._recent[key] = self._search(query, limit)
        return self._recent[key]

    def search_any_head(self, query: str, limit: int = 5) -> list[LabelMatch]:
        """As `search`, but every label holding a word of the query competes, whichever word it
        ends in ("payroll specialist" finds the payroll technician beside the specialists)."""
        ordered = tokens(query)
        return self._search_with_head(ordered, "", limit) if ordered else []

    def label_texts(self) -> list[str]:
        """Every label searched, lower-cased (preferred and alternative, in both kinds)."""
        return self._label_text

    def families_ending_in(self, word: str) -> int:
        """How many ISCO sub-major groups hold occupations with a label ending in the word: 30 for
        'manager' or 'operator', 16 for 'director', 3 for 'nurse', 2 for 'electrician'."""
        return self._head_families.get(word, 0)

    def forget_recent_searches(self) -> None:
        """Empty the store of recent searches (for measuring search speed)."""
        self._recent.clear()

    def _search(self, query: str, limit: int) -> list[LabelMatch]:
        ordered = tokens(query)
        if not ordered:
            return []
        head = self.head_word(ordered)
        found = self._search_with_head(ordered, head, limit)
        if head != ordered[-1] and ordered[-1] in self.idf:
            # "Specialist Treasury": a field ESCO knows after the role may be the better reading.
            last = self._search_with_head(ordered, ordered[-1], limit)
            if last and (not found or last[0].score > found[0].score):
                return last
        return found

    def _search_with_head(self, ordered: list[str], head: str, limit: int) -> list[LabelMatch]:
        query_words = set(ordered)
        known = [w for w in query_words if w in self.idf]
        if not known:
            return []
        query_weight = sum(self.idf[w] for w in query_words if w in self.idf) + sum(
            3.0 for w in query_words if w not in self.idf
        ) + self.idf.get(head, 0.0)
        head_idf = self.idf.get(head, 0.0)
        if head in self.idf:
            # Only labels naming the head word compete: "python developer" is some developer.
            scored = self._best_with_head(known, head, query_weight)
        else:
            scored = self._best_by_overlap(known, query_weight, head_idf)
        query_text = " ".join(sorted(query_words))
        best: dict[int, LabelMatch] = {}
        for cosine, label_id in scored:
            text = self._label_text[label_id]
            character = fuzz.ratio(query_text, self._label_sorted[label_id]) / 100
            # "chief OF STAFF", "head of kitchen": a word after "of" is what the role is over.
            last_two = text.rsplit(" ", 2)[-2:]
            ends_in_head = last_two[-1].rstrip("s") == head.rstrip("s") and last_two[0] != "of"
            head_bonus = 0.1 if ends_in_head else 0.0
            score = 0.75 * cosine + 0.25 * character + head_bonus + (0.01 if self._label_is_preferred[label_id] else 0)
            owner = self._label_owner[label_id]
            if owner not in best or score > best[owner].score:
                best[owner] = LabelMatch(self.occupations[owner], text, min(score, 1.0))
        return sorted(best.values(), key=lambda m: m.score, reverse=True)[:limit]

    def _best_with_head(self, known: list[str], head: str, query_weight: float) -> list[tuple[float, int]]:
        """The `_COMPARED` best (cosine, label id) pairs among the labels holding the head word,
        best first: the labels holding another word of the query too, and of those holding only
        the head, the lightest (a label's cosine falls as its weight grows), so that a head
        thousands of labels hold ("manager", "operator") costs a few dozen cosines, not thousands.
        The same pairs in the same order as scoring every label holding the head."""
        head_weight = 2 * self.idf[head]
        head_idf = self.idf[head]
        head_ids = self._postings[head]
        label_words = self._label_words
        label_weight = self._label_weight
        # Each label's weight of the query's other words, summed in the order of `known` as
        # `sum()` over them would (the same float, to the last bit).
        others: dict[int, float] = {}
        for word in known:
            if word == head:
                continue
            weight = self.idf[word]
            ids = self._postings[word]
            if len(ids) <= len(head_ids):
                matching = [label_id for label_id in ids if head in label_words[label_id]]
            else:
                matching = [label_id for label_id in head_ids if word in label_words[label_id]]
            for label_id in matching:
                others[label_id] = others[label_id] + weight if label_id in others else weight
        candidates = [((head_weight + shared) / math.sqrt(query_weight * (label_weight[label_id] + head_idf)), label_id)
                      for label_id, shared in others.items()]
        head_only: list[tuple[float, int]] = []
        for label_id in self._lightest_first(head):
            if label_id in others:
                continue
            cosine = head_weight / math.sqrt(query_weight * (label_weight[label_id] + head_idf))
            if len(head_only) >= _COMPARED and cosine < head_only[_COMPARED - 1][0]:
                break
            head_only.append((cosine, label_id))
        return heapq.nlargest(_COMPARED, candidates + head_only)

    def _best_by_overlap(self, known: list[str], query_weight: float, head_idf: float) -> list[tuple[float, int]]:
        """The `_COMPARED` best (cosine, label id) pairs among the labels holding any known word of
        the query, best first, as `_best_with_head` finds them: every label holding one of the
        other words, and of those holding only the word most labels hold, the lightest."""
        label_words = self._label_words
        label_weight = self._label_weight
        widest = max(known, key=lambda word: len(self._postings[word]))
        # Each label's weight of the query's words, summed in the order of `known` from 0.0 as
        # adding each word's weight in turn would (the same float, to the last bit).
        shared: dict[int, float] = {}
        for word in known:
            if word == widest:
                continue
            for label_id in self._postings[word]:
                if label_id in shared:
                    continue
                words = label_words[label_id]
                total = 0.0
                for other in known:
                    if other in words:
                        total += self.idf[other]
                shared[label_id] = total
        candidates = [(total / math.sqrt(query_weight * (label_weight[label_id] + head_idf)), label_id)
                      for label_id, total in shared.items()]
        widest_weight = 0.0 + self.idf[widest]
        widest_only: list[tuple[float, int]] = []
        for label_id in self._lightest_first(widest):
            if label_id in shared:
                continue
            cosine = widest_weight / math.sqrt(query_weight * (label_weight[label_id] + head_idf))
            if len(widest_only) >= _COMPARED and cosine < widest_only[_COMPARED - 1][0]:
                break
            widest_only.append((cosine, label_id))
        return heapq.nlargest(_COMPARED, candidates + widest_only)

    def _lightest_first(self, word: str) -> list[int]:
        """The labels holding a word, lightest (smallest IDF weight) first, ties by the higher
        label number first; built once per word."""
        ordered = self._by_weight.get(word)
        if ordered is None:
            weight = self._label_weight
            ordered = sorted(self._postings[word], key=lambda label_id: (weight[label_id], -label_id))
            self._by_weight[word] = ordered
        return ordered

    @property
    def role_words(self) -> frozenset[str]:
        """Stemmed words ESCO's labels use as role nouns (ending most labels that hold them)."""
        return self._role_words

    def head_word(self, ordered: list[str]) -> str:
        """The word of a title (stemmed words, in order) that names the occupation.

        English titles are head-final ("registered NURSE"), but ads append a field or product
        after the role ("Recruiter Tech", "Virtualisation Expert VMware"): the last word that
        ESCO's labels use as a role noun (one ending most labels that hold it) is the head, the
        last word when none is.
        """
        for word in reversed(ordered):
            if word in self._role_words:
                return word
        return ordered[-1] if ordered else ""

    def named_by(self, text: str) -> list[EscoOccupation]:
        """The occupations whose own (preferred) name has exactly the words of `text`, any order."""
        return self._by_name_words.get(frozenset(tokens(text)), [])

    def labelled_by(self, text: str) -> list[EscoOccupation]:
        """The occupations one of whose labels (preferred or alternative) has exactly the words of
        `text`, any order."""
        return self._by_label_words.get(frozenset(tokens(text)), [])

    def label_ids_with_word(self, word: str) -> list[int]:
        """Every label (by number) holding a stemmed word."""
        return self._postings.get(word, [])

    def label_words(self, label_id: int) -> set[str]:
        """A label's stemmed content words."""
        return self._label_words[label_id]

    def label_text(self, label_id: int) -> str:
        """A label, lower case."""
        return self._label_text[label_id]

    def label_is_preferred(self, label_id: int) -> bool:
        """True for an occupation's preferred label, False for an alternative one."""
        return self._label_is_preferred[label_id]

    def label_owner(self, label_id: int) -> EscoOccupation:
        """The occupation a label names."""
        return self.occupations[self._label_owner[label_id]]

    def description_affinity(self, occupation: EscoOccupation, text_tokens: set[str]) -> float:
        """IDF-weighted share of an occupation's definition words found in a posting's text."""
        number = self._position[occupation.uri]
        words = self.description_tokens[number] | set(tokens(occupation.label))
        if not words:
            return 0.0
        total = sum(self.idf.get(w, 1.0) for w in words)
        return sum(self.idf.get(w, 1.0) for w in words & text_tokens) / total


@lru_cache(maxsize=1)
def load_index() -> EscoIndex:
    """The bundled ESCO index, built on first use (about a second) and kept for the process."""
    raw = resources.files("crawler.occupations").joinpath("data", DATA_FILE).read_bytes()
    payload = json.loads(gzip.decompress(raw))
    occupations = [
        EscoOccupation(o["uri"], o["isco"], o["label_en"], tuple(o["alt_en"]), o["description_en"],
                       (o["label_de"], *o["alt_de"]) if "label_de" in o else ())
        for o in payload["occupations"]
    ]
    return EscoIndex(occupations, payload["isco_groups"], payload["esco_version"])
