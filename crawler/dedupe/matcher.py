"""Decide whether an incoming copy is a job already known, and which.

Rules, in order (the first that finds a copy of the same period decides):

=================== ==================================================================================
``url``             the same canonical URL was seen at another source
``requisition_id``  the same employer states the same requisition number
``near_duplicate``  same employer, title and city, and MinHash Jaccard of the job-specific text's word
                    3-shingles ≥ :data:`NEAR_DUPLICATE_SIMILARITY` (0.5); or same employer and city,
                    another title, Jaccard ≥ :data:`STRONG_SIMILARITY` (0.8)
``agency_copy``     one side hides the employer (an agency's ad, an agency's name as employer, or
                    "Confidential"); same title and city; no contradicting facts (years of experience,
                    salary more than 10 % apart, required languages, full- or part-time); and rewrite
                    similarity (:func:`~crawler.dedupe.features.rewrite_similarity`, order-insensitive)
                    ≥ :data:`REWRITE_SIMILARITY` (0.9), lowered by :data:`AGREEMENT_DISCOUNT` (0.05)
                    for each fact both ads state alike (experience, salary, languages): 0.75 at most
                    discount. The other side is the employer's copy or another agency's. Copies
                    stored before text profiles existed need 3-shingle Jaccard ≥
                    :data:`LEGACY_AGENCY_SIMILARITY` (0.6).
``agency_retitled`` as ``agency_copy``, but the titles differ by a specialisation: one title's content
                    words are the other's plus one or two, none a seniority word ("Backend Engineer" /
                    "Backend Engineer Payments"); the text must agree more strongly — 3-shingle
                    Jaccard ≥ :data:`STRONG_SIMILARITY` (0.8) or rewrite similarity ≥
                    :data:`RETITLED_REWRITE_SIMILARITY` (0.92), no discount for agreeing facts.
=================== ==================================================================================

An agency's copy is one with ``via_agency``, an ``agency`` named, or an employer name of an
agency's shape ("… Recruitment", "… Staffing", "… Personaldienstleistung", "… Personal GmbH"): its
employer key never blocks the agency rules. An employer's own copy does not join, through an
agency's copy, a posting that another employer's copy already vouches for.

Keys are normalised (:mod:`crawler.dedupe.features`): employer without legal form, title without
gender marker, "(Senior)", terms or city ("– Direktvermittlung", "(Remote)", "- Berlin"), city
folded. Different cities never merge (the same title at one employer in two cities is two jobs),
and the text compared excludes the employer's boilerplate. Within a rule the candidate of the same
period and then the highest score wins.

A match whose posting was closed, or whose publication date lies more than
:data:`REPOST_GAP_DAYS` (45) days away, is a *repost*: a new posting linked to the old one. It is
the answer only when no later rule finds a copy of the same period.

``match(..., find_splits=True)`` also names the other postings the copy matches
(:attr:`Match.same_job_as`; both copies dated, agency matches only at ≥
:data:`SPLIT_REWRITE_SIMILARITY`, 0.95): copies of one job filed apart because they arrived
before the copy that links them. An undated copy joins the latest publication its text matches.

Measured on the ``make eval-dedupe`` corpus and two corpora of other seeds (pairs of the same title
and city where one side hides the employer): copies of one job have rewrite similarity of median
0.98 (90 % ≥ 0.90) while their 3-shingle Jaccard is only 0.20–0.83; different jobs written from
the same stock phrases reach ≥ 0.85 in 1.2 % and ≥ 0.9 in 0.3 % of pairs. A third of those state a
contradicting fact, and most others agree on at most the common language line, so the veto and
the discount keep them apart while copies that agree on salary or experience pass at 0.8–0.85.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator

from crawler.dedupe.features import (MatchFeatures, agreements, conflicts, rewrite_similarity, similarity,
                                     specialisation_of, title_variant_keys)

NEAR_DUPLICATE_SIMILARITY = 0.5
STRONG_SIMILARITY = 0.8
REWRITE_SIMILARITY = 0.9
AGREEMENT_DISCOUNT = 0.05
SPLIT_REWRITE_SIMILARITY = 0.95
LEGACY_AGENCY_SIMILARITY = 0.6
REPOST_GAP_DAYS = 45
RETITLED_REWRITE_SIMILARITY = 0.92
AGENCY_METHODS = ("agency_copy", "agency_retitled")


@dataclass
class Candidate:
    """A known copy that an incoming copy may match."""

    posting_id: int
    features: MatchFeatures
    posting_closed: bool = False
    posting_date: date | None = None
    posting_employer_key: str | None = None
    """The employer that the posting's own copies name (:func:`posting_employer_key`), if any."""


@dataclass
class Match:
    """The posting an incoming copy belongs to, how it was found, and the score."""

    posting_id: int
    method: str
    score: float
    repost: bool = False
    """The incoming copy re-publishes the matched (older or closed) job: a new posting, linked."""
    original: bool = False
    """The matched posting re-publishes the incoming, older copy: a new posting, the old one links to it."""
    same_job_as: list[int] = field(default_factory=list)
    """Other postings of the same period that the copy matches too: split copies of one job."""


@dataclass
class CandidateIndex:
    """Known copies indexed by the keys the rules block on."""

    by_url: dict[str, Candidate] = field(default_factory=dict)
    by_requisition: dict[tuple, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    by_block: dict[tuple, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    by_employer_city: dict[tuple, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    by_title_city: dict[tuple, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    by_title_variant: dict[tuple, list[tuple[Candidate, int]]] = field(default_factory=lambda: defaultdict(list))
    """(title variant, city) -> copies with the words they dropped: see :func:`title_variant_keys`."""
    by_posting: dict[int, list[Candidate]] = field(default_factory=lambda: defaultdict(list))

    def add(self, candidate: Candidate) -> None:
        """Make a known copy available to the rules."""
        features = candidate.features
        self.by_posting[candidate.posting_id].append(candidate)
        if candidate.posting_employer_key is None:
            vouched = (known.posting_employer_key for known in self.by_posting[candidate.posting_id])
            candidate.posting_employer_key = next((key for key in vouched if key), None)
        self.by_url.setdefault(features.url, candidate)
        if features.requisition_id and features.employer_key:
            self.by_requisition[(features.employer_key, features.requisition_id)].append(candidate)
        if features.employer_key and features.title_key:
            self.by_block[(features.employer_key, features.title_key, features.city_key)].append(candidate)
            self.by_employer_city[(features.employer_key, features.city_key)].append(candidate)
        if features.title_key:
            self.by_title_city[(features.title_key, features.city_key)].append(candidate)
            if features.city_key:
                for variant, dropped in title_variant_keys(features.title_key):
                    self.by_title_variant[(variant, features.city_key)].append((candidate, dropped))

    def joined(self, posting_id: int, features: MatchFeatures) -> None:
        """Record that a copy joined ``posting_id``: when it names the employer and the posting had
        none, the posting's copies now vouch for that employer (:func:`_employer_allows`)."""
        if hides_employer(features):
            return
        for candidate in self.by_posting.get(posting_id, ()):
            if candidate.posting_employer_key is None:
                candidate.posting_employer_key = features.employer_key

    def retitled_candidates(self, features: MatchFeatures) -> list[Candidate]:
        """Known copies in the same city whose title adds a specialisation to this one's or lacks
        one of this one's ("Backend Engineer" / "Backend Engineer Payments")."""
        if not features.title_key or not features.city_key:
            return []
        found: dict[int, Candidate] = {}
        for variant, dropped in title_variant_keys(features.title_key):
            for candidate, candidate_dropped in self.by_title_variant.get((variant, features.city_key), ()):
                if (dropped == 0 or candidate_dropped == 0) \
                        and specialisation_of(candidate.features.title_key, features.title_key) is not None:
                    found.setdefault(id(candidate), candidate)
        return list(found.values())

    def match(self, features: MatchFeatures, find_splits: bool = False) -> Match | None:
        """The best match for an incoming copy, or ``None`` when it is a new job.

        The first rule that finds a copy of the same period decides. A rule that finds only an
        earlier or later publication (a repost) yields to later rules, which may still find the
        current copy; the repost is the answer when none does. With ``find_splits`` every rule
        runs and :attr:`Match.same_job_as` lists the other postings the copy matches as well:
        copies of one job that were filed apart (two agencies' rewrites, seen before the
        employer's ad, may not match each other but each match the employer's)."""
        fallback = current = None
        for candidate, method, score in self._rule_matches(features):
            match = self._decided(candidate, features, method, score)
            if match.repost or match.original:
                fallback = fallback or match
            elif current is None:
                current = match
                if not find_splits:
                    break
            elif match.posting_id != current.posting_id and match.posting_id not in current.same_job_as \
                    and _joins(candidate, features, method, score):
                current.same_job_as.append(match.posting_id)
        return current or fallback

    def _rule_matches(self, features: MatchFeatures) -> Iterator[tuple[Candidate, str, float]]:
        """Every accepted candidate with its rule and score, rule by rule in order, the best of each
        rule first; lazily."""
        exact = self.by_url.get(features.url)
        if exact is not None:
            yield exact, "url", 1.0
        if features.requisition_id and features.employer_key:
            same_number = self.by_requisition.get((features.employer_key, features.requisition_id), ())
            for candidate, score in _accepted(same_number, features, lambda known, incoming: 1.0):
                yield candidate, "requisition_id", score
        if features.employer_key and features.title_key:
            found = _accepted(self.by_block.get((features.employer_key, features.title_key, features.city_key), ()),
                              features, _shingle_score(NEAR_DUPLICATE_SIMILARITY))
            if not found:
                found = _accepted(self.by_employer_city.get((features.employer_key, features.city_key), ()),
                                  features, _shingle_score(STRONG_SIMILARITY))
            for candidate, score in found:
                yield candidate, "near_duplicate", score
        if features.title_key:
            hidden = hides_employer(features)
            same_title = self.by_title_city.get((features.title_key, features.city_key), ())
            agency_side = [candidate for candidate in same_title
                           if (hidden or hides_employer(candidate.features)) and _employer_allows(candidate, features)]
            for candidate, score in _accepted(agency_side, features, _rewrite_score):
                yield candidate, "agency_copy", score
            retitled = [candidate for candidate in self.retitled_candidates(features)
                        if (hidden or hides_employer(candidate.features)) and _employer_allows(candidate, features)]
            for candidate, score in _accepted(retitled, features, _retitled_score):
                yield candidate, "agency_retitled", score

    @staticmethod
    def _decided(candidate: Candidate, features: MatchFeatures, method: str, score: float) -> Match:
        candidate_date = candidate.posting_date or candidate.features.date_posted
        if candidate.posting_closed:
            return Match(candidate.posting_id, method, round(score, 3), repost=True)
        if _far_apart(candidate_date, features.date_posted):
            # Which copy came first is a matter of dates, not of the order they were crawled in.
            newer = features.date_posted > candidate_date
            return Match(candidate.posting_id, method, round(score, 3), repost=newer, original=not newer)
        return Match(candidate.posting_id, method, round(score, 3))


def _joins(candidate: Candidate, features: MatchFeatures, method: str, score: float) -> bool:
    """Whether a further match shows that the candidate's posting is the same job: both copies
    dated (an undated copy may be last spring's original as well as the repost) and, for the agency
    rule, a rewrite similarity of at least :data:`SPLIT_REWRITE_SIMILARITY`."""
    dated = features.date_posted is not None and (candidate.posting_date or candidate.features.date_posted)
    return bool(dated) and (method not in AGENCY_METHODS or score >= SPLIT_REWRITE_SIMILARITY)


def _employer_allows(candidate: Candidate, features: MatchFeatures) -> bool:
    """An employer's own copy never joins, through an agency's copy, a posting that another
    employer's copy already vouches for: the agency's copy then belongs to that employer's job."""
    if hides_employer(features) or not candidate.posting_employer_key:
        return True
    return candidate.posting_employer_key == features.employer_key


def hides_employer(features: MatchFeatures) -> bool:
    """True for an agency's copy or one without an employer name: the employer cannot vouch for it."""
    return features.via_agency or features.employer_key is None


def _far_apart(first: date | None, second: date | None) -> bool:
    return first is not None and second is not None and abs((first - second).days) > REPOST_GAP_DAYS


def _shingle_score(threshold: float) -> Callable[[MatchFeatures, MatchFeatures], float | None]:
    def score(candidate: MatchFeatures, features: MatchFeatures) -> float | None:
        value = similarity(candidate.signature, features.signature)
        return value if value >= threshold else None
    return score


def _rewrite_score(candidate: MatchFeatures, features: MatchFeatures) -> float | None:
    """Rewrite similarity when it clears :data:`REWRITE_SIMILARITY`, lowered by
    :data:`AGREEMENT_DISCOUNT` for each fact both ads state alike; ``None`` on contradicting facts."""
    if conflicts(candidate.facts, features.facts):
        return None
    if candidate.profile is None or features.profile is None:
        # A copy stored before text profiles existed: only nearly the same wording can vouch for it.
        return _shingle_score(LEGACY_AGENCY_SIMILARITY)(candidate, features)
    threshold = REWRITE_SIMILARITY - AGREEMENT_DISCOUNT * len(agreements(candidate.facts, features.facts))
    value = rewrite_similarity(candidate.profile, features.profile, least=threshold)
    return value if value >= threshold else None


def _retitled_score(candidate: MatchFeatures, features: MatchFeatures) -> float | None:
    """For an agency's copy under a title with a specialisation added or dropped: the job-specific
    text must agree more strongly than for the same title — 3-shingle Jaccard ≥
    :data:`STRONG_SIMILARITY` (the employer's wording kept), or rewrite similarity ≥
    :data:`RETITLED_REWRITE_SIMILARITY` with no discount for agreeing facts; contradicting facts
    veto it as always."""
    if conflicts(candidate.facts, features.facts):
        return None
    shingles = similarity(candidate.signature, features.signature)
    if shingles >= STRONG_SIMILARITY:
        return shingles
    if candidate.profile is None or features.profile is None:
        return None
    value = rewrite_similarity(candidate.profile, features.profile, least=RETITLED_REWRITE_SIMILARITY)
    return value if value >= RETITLED_REWRITE_SIMILARITY else None


def _accepted(candidates: Iterable[Candidate], features: MatchFeatures,
              score_of: Callable[[MatchFeatures, MatchFeatures], float | None]) -> list[tuple[Candidate, float]]:
    """The candidates that ``score_of`` accepts with their scores, best first: an open posting
    published within the repost gap, then one whose date is unknown, then an earlier or later or
    closed one; within that, by score, and the latest publication on a tie. An undated copy
    cannot be placed in time: the latest publication its text matches is taken for its own (the
    repost rather than last spring's original)."""
    ranked = []
    for candidate in candidates:
        score = score_of(candidate.features, features)
        if score is None:
            continue
        published = candidate.posting_date or candidate.features.date_posted
        if candidate.posting_closed or _far_apart(published, features.date_posted):
            period = 0
        else:
            period = 2 if published and features.date_posted else 1
        recency = published.toordinal() if published else 0
        rank = (period, recency, score) if features.date_posted is None else (period, score, recency)
        ranked.append((rank, candidate))
    ranked.sort(key=lambda item: item[0], reverse=True)
    return [(candidate, rank[2] if features.date_posted is None else rank[1]) for rank, candidate in ranked]
