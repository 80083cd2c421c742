"""What the matcher compares: normalised employer, title and city, and a MinHash signature of
the job-specific text (tasks and requirements — not the employer's boilerplate, which two
different jobs of one employer share)."""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash

from crawler.parsing.employer import normalise_employer

NUM_PERMUTATIONS = 64
MINHASH_SEED = 7
SHINGLE_WORDS = 3

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_GENDER_RE = re.compile(r"\((?:[^)]*\b(?:m|w|f|d|x|gn|all genders|diverse)\b[^)]*)\)|\b[mwfd]/[mwfd](?:/[mwfdx])?\b",
                        re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z0-9+#]+")


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_UMLAUTS))
    return folded.encode("ascii", "ignore").decode()


def title_key(title: str | None) -> str | None:
    """A job title reduced to its words: case, accents, gender markers and punctuation gone."""
    if not title:
        return None
    words = _WORD_RE.findall(_fold(_GENDER_RE.sub(" ", title)))
    return " ".join(words)[:255] or None


def city_key(city: str | None) -> str | None:
    """A city name folded for comparison (``Köln`` == ``koeln``)."""
    if not city:
        return None
    return " ".join(_WORD_RE.findall(_fold(city)))[:255] or None


def employer_key(company: str | None) -> str | None:
    """The employer name without legal form, case or punctuation (``ALDI SE & Co. oHG`` -> ``aldi``)."""
    if not company:
        return None
    return normalise_employer(company)[:255] or None


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
def _template() -> MinHash:
    # CRC-32 hashes shingles several times faster than datasketch's default SHA-1 and is
    # stable across processes (Python's hash() is not), which stored signatures need.
    return MinHash(num_perm=NUM_PERMUTATIONS, seed=MINHASH_SEED, hashfunc=zlib.crc32)


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint32 array) of the text's word shingles."""
    words = _WORD_RE.findall(_fold(text))
    if len(words) < SHINGLE_WORDS:
        shingles = {" ".join(words)} if words else set()
    else:
        shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    template = _template()
    minhash = MinHash(num_perm=NUM_PERMUTATIONS, seed=MINHASH_SEED, permutations=template.permutations,
                      scheme=template.scheme, hashfunc=zlib.crc32)
    if shingles:
        minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return minhash.hashvalues.astype(np.uint32)


def signature_from_bytes(data: bytes | None) -> np.ndarray | None:
    return np.frombuffer(data, dtype=np.uint32) if data else None


def similarity(first: np.ndarray | None, second: np.ndarray | None) -> float:
    """Estimated Jaccard similarity of two signatures (0 when either is missing)."""
    if first is None or second is None or len(first) != len(second):
        return 0.0
    return float(np.count_nonzero(first == second)) / len(first)


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

    @property
    def signature_bytes(self) -> bytes | None:
        return self.signature.tobytes() if self.signature is not None else None


def features_of(posting: dict[str, Any]) -> MatchFeatures:
    """Matching features of a parsed posting."""
    text = job_specific_text(posting)
    return MatchFeatures(
        url=posting["url"],
        employer_key=employer_key(posting.get("company")),
        title_key=title_key(posting.get("title")),
        city_key=city_key(posting.get("city")),
        requisition_id=(posting.get("requisition_id") or None),
        via_agency=bool(posting.get("via_agency")),
        signature=signature(text) if text.strip() else None,
        date_posted=posting.get("date_posted"),
    )
