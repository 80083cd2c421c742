"""What the matcher compares: normalised employer, title and city; two fingerprints of the
job-specific text (tasks and requirements — not the employer's boilerplate, which two different
jobs of one employer share); and the facts an ad states about the job (experience, salary,
languages, hours).

The fingerprints, stored together in ``sightings.minhash``:

- a MinHash of word 3-shingles (:data:`NUM_PERMUTATIONS` values): cheap, and close to 1 only for
  copies of the same wording — what boards and small edits produce;
- a *text profile*: per line (bullet), the hashed set of its content words (stopwords removed).
  Agencies reword phrases, drop bullets and shuffle the rest, which breaks 3-shingles but keeps
  most content words of most lines; the profile compares lines and words regardless of order.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from itertools import combinations
from typing import Any

import numpy as np

from crawler.lean_imports import submodule
from crawler.parsing.employer import normalise_employer

NUM_PERMUTATIONS = 64
MINHASH_SEED = 7
SHINGLE_WORDS = 3
LINE_MATCH_JACCARD = 0.5
"""Two lines are the same bullet, reworded, when this share of their content words is shared."""
MAX_PROFILE_LINES = 60
MAX_LINE_WORDS = 40

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_GENDER_RE = re.compile(r"\((?:[^)]*\b(?:m|w|f|d|x|gn|all genders|diverse)\b[^)]*)\)|\b[mwfd]/[mwfd](?:/[mwfdx])?\b",
                        re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z0-9+#]+")
_DIGIT_RE = re.compile(r"[0-9]")
# A title's parts: the words before the first separator, and each later or bracketed part.
_TITLE_PART_RE = re.compile(r"\s+[-–—|/]\s+|\s*[,;:]\s+|\s*[()\[\]]\s*")
# Words that say how or where a job is done, never which job: a title part made only of these
# (and the ad's own city) is chrome — "– Direktvermittlung", "(Remote)", "| Vollzeit", "- Berlin".
_TERM_WORDS = frozenset("""
    remote hybrid hybrides home office homeoffice mobiles arbeiten onsite on site vor ort
    vollzeit teilzeit full part time fulltime parttime festanstellung fest unbefristet befristet
    permanent position contract direktvermittlung arbeitnehmerueberlassung personalvermittlung
    ab sofort immediately asap start urgent dringend gesucht wanted job stelle in at im bei mit und oder
    and or the a 100 50 80 prozent percent raum region greater area near naehe umgebung m w d f x gn
""".split())
# Never part of what the job is, wherever they stand ("Remote Data Engineer", "Teilzeit Kassierer").
_HOURS_AND_PLACE_WORDS = frozenset("remote hybrid homeoffice vollzeit teilzeit fulltime parttime".split())
_CITY_PREPOSITIONS = frozenset("in at im bei near raum region greater".split())
_SENIORITY_WORDS = frozenset("junior senior sr jr lead principal staff".split())
_SENIORITY_ALIASES = {"sr": "senior", "jr": "junior"}
# Names that stand for no employer, and names that only staffing firms carry.
_PLACEHOLDER_EMPLOYERS = frozenset({"confidential", "vertraulich", "anonym", "anonymous", "nicht genannt",
                                    "not disclosed", "undisclosed", "unknown", "unbekannt", "n a", "k a"})
# Legal forms that normalise_employer leaves at the end ("PartG mbB", "eV" without dots).
_LEGAL_FORM_WORDS = frozenset("partg mbb partgmbb ev ek".split())
_AGENCY_NAME_RE = re.compile(
    r"\b(?:recruit\w*|staffing|headhunt\w*"
    r"|personal[ -]?(?:beratung|vermittlung|dienst\w*|service\w*|management|werk\w*|leasing|loesung\w*)"
    r"|zeitarbeit\w*|arbeitnehmerueberlassung|executive search|talent (?:partners?|solutions|acquisition))\b")
# "Nordwind Personal GmbH": "Personal" (German: staff) as the last word of a name is what a
# staffing firm offers; as the first word it may be an adjective ("Personal Computer Service").
_AGENCY_NAME_WORD = "personal"
_STOPWORDS = frozenset("""
    a an the and or of to in on for with at by from as is are be been being we you your our their they it its this
    that these those will can may must should would who which what when where how all any some more most other such
    into within about across per via than then also not no but if so do does have has had us them there here
    der die das den dem des ein eine einer eines einem einen und oder zu zum zur im in am an auf aus bei mit von vom
    fuer ueber unter nach vor durch ohne um als ist sind sein wird werden wir sie ihr ihre ihren ihrem ihrer ihnen
    du dein deine deinen deinem deiner dich dir uns unser unsere unserer unseren unserem unseres euch es sich auch
    nicht kein keine sowie bzw etc wie so sehr gerne gern ab bis je dass wenn noch nur kann koennen hast hat haben
""".split())


@lru_cache(maxsize=4)
def _fold(text: str) -> str:
    # Cached: features_of folds the same job text for the MinHash and for the profile.
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_UMLAUTS))
    return folded.encode("ascii", "ignore").decode()


def title_key(title: str | None, city: str | None = None) -> str | None:
    """A job title reduced to the words that name the job, sorted: case, accents, gender markers,
    bracketed "(Senior)" (the level is left open), parts that only give terms or the place
    ("– Direktvermittlung", "(Remote)", "| Vollzeit", "- Berlin"), "Remote"/"Teilzeit" anywhere
    and the ad's own ``city`` ("in Berlin") are gone; "Sr." is "senior". Sorted, so that
    "Data Engineer, Senior" is "Senior Data Engineer". Copies are only compared within one city,
    so dropping the city's name never joins two places."""
    if not title:
        return None
    city_words = set(_WORD_RE.findall(_fold(city))) if city else set()
    kept: list[str] = []
    for number, part in enumerate(_TITLE_PART_RE.split(_GENDER_RE.sub(" ", title))):
        words = [_SENIORITY_ALIASES.get(word, word) for word in _WORD_RE.findall(_fold(part))]
        if number > 0 and all(word in _TERM_WORDS or word in city_words for word in words):
            continue
        if number > 0 and words and all(word in _SENIORITY_WORDS for word in words) and _bracketed(title, part):
            continue
        kept.extend(words)
    following = kept[1:] + [""]
    named = [word for word, after in zip(kept, following)
             if word not in _HOURS_AND_PLACE_WORDS and word not in city_words
             and not (word in _CITY_PREPOSITIONS and after in city_words)]
    return " ".join(sorted(set(named or _WORD_RE.findall(_fold(title)))))[:255] or None


def _bracketed(title: str, part: str) -> bool:
    stripped = part.strip()
    return bool(stripped) and re.search(rf"[(\[]\s*{re.escape(stripped)}\s*[)\]]", title) is not None


def city_key(city: str | None) -> str | None:
    """A city name folded for comparison (``Köln`` == ``koeln``)."""
    if not city:
        return None
    return " ".join(_WORD_RE.findall(_fold(city)))[:255] or None


def employer_key(company: str | None) -> str | None:
    """The employer name without legal form, case or punctuation (``ALDI SE & Co. oHG`` -> ``aldi``);
    ``None`` for names that stand for no employer ("Confidential", "Vertraulich")."""
    if not company:
        return None
    words = normalise_employer(company).split()
    while len(words) > 1 and words[-1] in _LEGAL_FORM_WORDS:
        words.pop()
    key = " ".join(words)[:255]
    if not key or " ".join(_WORD_RE.findall(_fold(key))) in _PLACEHOLDER_EMPLOYERS:
        return None
    return key


def looks_like_agency(company: str | None) -> bool:
    """True for the names of recruitment and staffing firms ("… Recruitment Solutions",
    "… Personalberatung", "… Personaldienstleistungen", "Zeitarbeit …", "Kessler Staffing", and
    "Nordwind Personal GmbH": *Personal* as the last word of the name without legal form)."""
    if not company:
        return False
    if _AGENCY_NAME_RE.search(_fold(company)) is not None:
        return True
    words = normalise_employer(company).split()
    return len(words) >= 2 and words[-1] == _AGENCY_NAME_WORD


def hides_employer_of(posting: dict[str, Any]) -> bool:
    """True for a copy that cannot vouch for the employer: an agency's ad (``via_agency``, an
    ``agency`` named, or an employer name of an agency's shape)."""
    return bool(posting.get("via_agency")) or bool(posting.get("agency")) or looks_like_agency(posting.get("company"))


@lru_cache(maxsize=1 << 14)
def posting_employer_key(company: str | None, agency: str | None = None) -> str | None:
    """The employer a posting's copies vouch for: the key of its ``company`` unless that is the
    agency's name (a copy parsed before agencies got their own field) or of an agency's shape.
    (Cached: the store asks it for every copy of a batch, and employers recur.)"""
    if not company or looks_like_agency(company) or (agency and employer_key(agency) == employer_key(company)):
        return None
    return employer_key(company)


MAX_SPECIALISATION_WORDS = 2
"""Content words an agency adds to or drops from a title as the job's specialisation ("Payments",
"im Kundendienst", "E-Mail und Chat")."""
_MAX_VARIANT_TITLE_WORDS = 6
"""Longer titles get variants without one word only (keeps the rows per copy at most 22)."""


def bare_title_words(key: str | None) -> list[str]:
    """The content words of a title key: without stopwords ("im", "fuer", "und") and single
    letters ("E-Mail" -> "e mail")."""
    return [word for word in (key or "").split() if len(word) > 1 and word not in _STOPWORDS]


def title_variant_keys(key: str | None) -> list[tuple[str, int]]:
    """The title's content words (:func:`bare_title_words`), and the shorter titles it contains
    with a specialisation dropped, each with the number of words dropped: ("backend engineer
    payments", 0), ("backend engineer", 1), ("backend payments", 1), ("engineer", 2)… Never
    without a seniority word ("senior"), and never down to nothing. Two copies whose titles
    differ by a specialisation share a key that is one side's own (0 dropped)."""
    return list(_title_variants(key))


@lru_cache(maxsize=1 << 14)
def _title_variants(key: str | None) -> tuple[tuple[str, int], ...]:
    # Cached: a batch asks for each copy's variants three times, and titles recur.
    words = bare_title_words(key)
    if not words:
        return ()
    removable = [word for word in words if word not in _SENIORITY_WORDS]
    sizes = range(1, MAX_SPECIALISATION_WORDS + 1) if len(words) <= _MAX_VARIANT_TITLE_WORDS else (1,)
    variants = {" ".join(words): 0}
    for size in sizes:
        for dropped in combinations(removable, size):
            rest = [word for word in words if word not in dropped]
            if any(word not in _SENIORITY_WORDS for word in rest):
                variants.setdefault(" ".join(rest), size)
    return tuple(sorted(variants.items()))


def specialisation_of(first: str | None, second: str | None) -> frozenset[str] | None:
    """The content words one title key adds to the other when that is all that tells them apart
    (at most :data:`MAX_SPECIALISATION_WORDS`, no seniority word; empty when only stopwords or
    spelling differ); ``None`` when neither title contains the other that way, or when the keys
    are equal (the same title)."""
    if not first or not second or first == second:
        return None
    small, large = sorted((set(bare_title_words(first)), set(bare_title_words(second))), key=len)
    extra = large - small
    if not small or not small <= large or len(extra) > MAX_SPECIALISATION_WORDS or extra & _SENIORITY_WORDS:
        return None
    return frozenset(extra)


def job_specific_text(posting: dict[str, Any]) -> str:
    """The text that tells one job from another: tasks and requirements; else the description
    without the employer's paragraph and benefits."""
    parts = list(posting.get("responsibilities") or []) + list(posting.get("requirements") or [])
    if parts:
        return "\n".join(parts)
    description = posting.get("description") or ""
    for boilerplate in [posting.get("company_description") or "", *(posting.get("benefits") or [])]:
        if boilerplate:
            description = description.replace(boilerplate, " ")
    return description


@lru_cache(maxsize=1)
def _minhash_class() -> type:
    """datasketch's ``MinHash``, imported on first use and without the package's ``__init__``
    (:mod:`crawler.lean_imports`: that one pulls in scipy): a process that only compares stored
    signatures (the crawl's store) never loads it."""
    return submodule("datasketch", "minhash").MinHash


@lru_cache(maxsize=1)
def _template():
    # CRC-32 hashes shingles several times faster than datasketch's default SHA-1 and is
    # stable across processes (Python's hash() is not), which stored signatures need.
    return _minhash_class()(num_perm=NUM_PERMUTATIONS, seed=MINHASH_SEED, hashfunc=zlib.crc32)


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint32 array) of the text's word shingles."""
    words = _WORD_RE.findall(_fold(text))
    if len(words) < SHINGLE_WORDS:
        shingles = {" ".join(words)} if words else set()
    else:
        shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    template = _template()
    minhash = _minhash_class()(num_perm=NUM_PERMUTATIONS, seed=MINHASH_SEED, permutations=template.permutations,
                               scheme=template.scheme, hashfunc=zlib.crc32)
    if shingles:
        minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return minhash.hashvalues.astype(np.uint32)


def signature_from_bytes(data: bytes | None) -> np.ndarray | None:
    """The 3-shingle MinHash stored at the start of ``sightings.minhash``."""
    return np.frombuffer(data, dtype=np.uint32, count=NUM_PERMUTATIONS) if data else None


def similarity(first: np.ndarray | None, second: np.ndarray | None) -> float:
    """Estimated Jaccard similarity of two signatures (0 when either is missing)."""
    if first is None or second is None or len(first) != len(second):
        return 0.0
    return float(np.count_nonzero(first == second)) / len(first)


class TextProfile:
    """The content words of each line of a text, hashed: ``[lines, length of each line, hashes…]``
    as one uint32 array (the form it is stored in). Sets are built on first comparison."""

    def __init__(self, values: np.ndarray):
        self.values = values

    @classmethod
    def of(cls, text: str) -> TextProfile | None:
        """The profile of ``text``; ``None`` when no line has two content words."""
        lines = []
        for line in _fold(text).splitlines():
            words = set(_WORD_RE.findall(line)) - _STOPWORDS
            words = [word for word in words if len(word) > 1]
            if len(words) >= 2:
                lines.append(sorted(map(_word_hash, words))[:MAX_LINE_WORDS])
                if len(lines) == MAX_PROFILE_LINES:
                    break
        if not lines:
            return None
        flat = [len(lines), *(len(line) for line in lines), *(value for line in lines for value in line)]
        return cls(np.array(flat, dtype=np.uint32))

    @cached_property
    def lines(self) -> list[frozenset[int]]:
        """Each line's word hashes."""
        count = int(self.values[0])
        lengths = self.values[1:1 + count].tolist()
        hashes = self.values[1 + count:].tolist()
        lines, start = [], 0
        for length in lengths:
            lines.append(frozenset(hashes[start:start + length]))
            start += length
        return lines

    @cached_property
    def words(self) -> frozenset[int]:
        """The hashes of every line's words."""
        return frozenset(self.values[1 + int(self.values[0]):].tolist())

    @cached_property
    def numbers(self) -> list[frozenset[int]]:
        """Each line's numbers (hashes with the lowest bit set)."""
        return [frozenset(value for value in line if value & 1) for line in self.lines]

    @cached_property
    def lines_with(self) -> dict[int, list[int]]:
        """Word hash -> the numbers of the lines that contain it."""
        index: dict[int, list[int]] = {}
        for number, line in enumerate(self.lines):
            for value in line:
                index.setdefault(value, []).append(number)
        return index

    def has_counterpart(self, line: frozenset[int], numbers: frozenset[int]) -> bool:
        """True when one of this text's lines shares ≥ :data:`LINE_MATCH_JACCARD` of its words
        with ``line`` and states no other figures."""
        shared: dict[int, int] = {}
        for value in line:
            for number in self.lines_with.get(value, ()):
                shared[number] = shared.get(number, 0) + 1
        least_share = LINE_MATCH_JACCARD / (1 + LINE_MATCH_JACCARD)  # of |a| + |b|, from |a∩b| / |a∪b|
        for number, count in shared.items():
            if count >= least_share * (len(line) + len(self.lines[number])):
                other = self.numbers[number]
                if not (numbers and other and numbers != other):
                    return True
        return False


@lru_cache(maxsize=1 << 16)
def _word_hash(word: str) -> int:
    # The lowest bit marks numbers: a reworded bullet keeps its figures, another job's bullet of
    # the same stock phrase ("Betreuung von 150 Mandanten") has its own.
    value = zlib.crc32(word.encode()) & ~1
    return value | 1 if _DIGIT_RE.search(word) else value


def rewrite_similarity(first: TextProfile | None, second: TextProfile | None, least: float = 0.0) -> float:
    """How much of the shorter text the longer one contains, in any order and reworded: the mean
    of the share of its content words found in the other text and the share of its lines that
    have a counterpart there (≥ :data:`LINE_MATCH_JACCARD` of words shared, and no other figures).
    0 when either is missing. A result below ``least`` may be returned lower than it is: the
    line-by-line comparison is spared when the words alone cannot reach ``least``."""
    if first is None or second is None:
        return 0.0
    shorter, longer = (first, second) if len(first.words) <= len(second.words) else (second, first)
    words = len(shorter.words & longer.words) / len(shorter.words)
    if (words + 1) / 2 < least:
        return words / 2
    few, many = sorted((first, second), key=lambda profile: len(profile.lines))
    needed = (2 * least - words) * len(few.lines)
    matched = 0
    for done, (line, numbers) in enumerate(zip(few.lines, few.numbers)):
        if matched + len(few.lines) - done < needed:
            break  # cannot reach ``least`` any more
        matched += many.has_counterpart(line, numbers)
    return (words + matched / len(few.lines)) / 2


@dataclass(frozen=True)
class JobFacts:
    """What an ad states about the job that copies of it agree on and other jobs often do not."""

    experience_years_min: int | None = None
    salary: tuple[float, str | None, str | None] | None = None
    """(midpoint, currency, period)."""
    languages: frozenset[str] = frozenset()
    """"language:level" pairs."""
    employment_type: str | None = None

    @classmethod
    def of(cls, values: Any) -> JobFacts:
        """The facts of a posting dict or a row with posting columns."""
        get = values.get if isinstance(values, dict) else lambda name: getattr(values, name, None)
        low, high = get("salary_min"), get("salary_max")
        salary = ((low + (high or low)) / 2, get("salary_currency"), get("salary_period")) if low else None
        languages = frozenset(f"{entry.get('language')}:{entry.get('level')}" for entry in get("languages") or []
                              if isinstance(entry, dict))
        return cls(get("experience_years_min"), salary, languages, get("employment_type"))


SALARY_TOLERANCE = 0.1
"""Salaries of copies differ by a raise at most: beyond this share they are two jobs."""


def conflicts(first: JobFacts, second: JobFacts) -> list[str]:
    """The facts two ads both state and state differently (empty when nothing contradicts)."""
    found = []
    if None not in (first.experience_years_min, second.experience_years_min) \
            and first.experience_years_min != second.experience_years_min:
        found.append("experience")
    if first.salary and second.salary and first.salary[1:] == second.salary[1:] \
            and abs(first.salary[0] - second.salary[0]) > SALARY_TOLERANCE * max(first.salary[0], second.salary[0]):
        found.append("salary")
    if first.languages and second.languages and first.languages != second.languages:
        found.append("languages")
    if first.employment_type and second.employment_type and first.employment_type != second.employment_type:
        found.append("employment_type")
    return found


def agreements(first: JobFacts, second: JobFacts) -> list[str]:
    """The facts two ads both state and state alike: evidence that they describe one job."""
    found = []
    if first.experience_years_min is not None and first.experience_years_min == second.experience_years_min:
        found.append("experience")
    if first.salary and first.salary == second.salary:
        found.append("salary")
    if first.languages and first.languages == second.languages:
        found.append("languages")
    return found


@dataclass
class MatchFeatures:
    """One copy's matching features."""

    url: str
    employer_key: str | None
    title_key: str | None
    city_key: str | None
    requisition_id: str | None
    via_agency: bool
    signature: np.ndarray | None
    date_posted: date | None = None
    profile: TextProfile | None = None
    facts: JobFacts = field(default_factory=JobFacts)

    @property
    def signature_bytes(self) -> bytes | None:
        """The MinHash followed by the text profile, as stored in ``sightings.minhash``."""
        if self.signature is None:
            return None
        if self.profile is None:
            return self.signature.tobytes()
        return self.signature.tobytes() + self.profile.values.tobytes()


def profile_from_bytes(data: bytes | None) -> TextProfile | None:
    """The text profile stored after the MinHash in ``sightings.minhash`` (``None`` for rows
    written before profiles existed)."""
    if not data or len(data) <= NUM_PERMUTATIONS * 4:
        return None
    return TextProfile(np.frombuffer(data, dtype=np.uint32, offset=NUM_PERMUTATIONS * 4))


def stored_features(row: Any) -> MatchFeatures:
    """Features of a stored sighting: a row with the sighting's key columns and ``minhash``, and
    optionally its posting's ``date_posted`` and fact columns."""
    return MatchFeatures(
        url=row.url, employer_key=row.employer_key, title_key=row.title_key, city_key=row.city_key,
        requisition_id=row.requisition_id, via_agency=bool(row.via_agency),
        signature=signature_from_bytes(row.minhash), date_posted=getattr(row, "date_posted", None),
        profile=profile_from_bytes(row.minhash), facts=JobFacts.of(row))


def features_of(posting: dict[str, Any]) -> MatchFeatures:
    """Matching features of a parsed posting."""
    text = job_specific_text(posting)
    has_text = bool(text.strip())
    return MatchFeatures(
        url=posting["url"],
        employer_key=employer_key(posting.get("company")),
        title_key=title_key(posting.get("title"), posting.get("city")),
        city_key=city_key(posting.get("city")),
        requisition_id=(posting.get("requisition_id") or None),
        via_agency=hides_employer_of(posting),
        signature=signature(text) if has_text else None,
        date_posted=posting.get("date_posted"),
        profile=TextProfile.of(text) if has_text else None,
        facts=JobFacts.of(posting),
    )
