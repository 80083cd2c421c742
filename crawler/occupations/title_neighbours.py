"""The titles nearest a job title among the official directories' titles and ESCO's labels.

The title directories (title_directory.py) are read by exact key: "Fachkraft für Lagerlogistik" is
found, "Tischlergeselle Möbelbau" or "Facharzt für Anästhesiologie" are not. Titles the classifier
has never seen are mostly such variants of listed ones: a rank, a field, a place or a brand added,
a compound written apart or together. Here every directory title and every ESCO label (English and
German) is a document of its words' character 4-grams, each weighted by how rare it is (IDF), and a
title's nearest documents are those of highest cosine; the unit groups of the ten nearest vote, each
weighted by its similarity squared and by the share its crosswalk gives the group (an ESCO label
gives its occupation's group whole). A near neighbour counts for much, a far one little.

The index (data/title_neighbours.npz, built by build_title_neighbours.py) holds the 4-grams as
sorted 64-bit keys, the documents holding each (one int32 array, 4-gram by 4-gram), each document's
norm and where its groups are read (a directory line, or an ESCO occupation). 4-grams held by more than
`COMMON_GRAM_DOCUMENTS` documents (" man", "ter ", "ger ") are left out: a quarter of all postings,
they say little and made each search twice as slow.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources

import numpy as np

from crawler.occupations.german_labels import label_key
from crawler.occupations.index import EscoIndex, load_index
from crawler.occupations.title_directory import FUNCTION_WORDS, TitleDirectory, load_title_directory

NEIGHBOURS_FILE = "title_neighbours.npz"
# Documents are made of the 4-grams of each word padded with a space either side ("lagerist" →
# " lag", "lage", …, "ist "); 3- and 5-grams as well found the right group no more often on
# probe batches 1–6.
GRAM = 4
# How many nearest documents vote.
NEIGHBOURS = 10
# A 4-gram in more documents than this is left out of the index.
COMMON_GRAM_DOCUMENTS = 2000
# Between the documents of the build's one long text: no 4-gram crosses it.
SEPARATOR = "\x01"


def index_key(text: str) -> str:
    """A label as the index keys it, as the directory keys its titles: lowercase, hyphens inside
    words joined, function words left out."""
    return " ".join(word for word in label_key(text.lower()).split() if word not in FUNCTION_WORDS)


def padded(key: str) -> str:
    """A key's words each padded with a space either side; a window across two words holds two
    spaces and is no 4-gram."""
    return "".join(f" {word} " for word in key.split())


def gram_keys(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The 4-grams of a text of padded keys joined by `SEPARATOR`, each as one 64-bit key (its four
    code points, 16 bits each), and the position each starts at. Keys rather than strings: the
    build's two million 4-grams would each be a Python string."""
    codes = np.minimum(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), 0xFFFF).astype(np.uint64)
    windows = len(codes) - GRAM + 1
    if windows <= 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    keys = np.zeros(windows, dtype=np.uint64)
    kept = np.ones(windows, dtype=bool)
    space, separator = ord(" "), ord(SEPARATOR)
    for offset in range(GRAM):
        window_codes = codes[offset:offset + windows]
        keys = (keys << np.uint64(16)) | window_codes
        kept &= window_codes != separator
        if offset < GRAM - 1:
            kept &= ~((window_codes == space) & (codes[offset + 1:offset + 1 + windows] == space))
    positions = np.flatnonzero(kept)
    return keys[positions], positions


def inverse_document_frequency(counts: np.ndarray, documents: int) -> np.ndarray:
    """Each 4-gram's weight: the log of how many documents there are per document holding it."""
    return np.log(documents / counts).astype(np.float32)


class TitleNeighbours:
    """Character 4-gram TF-IDF over the directories' titles and ESCO's labels, searched by cosine.

    A document is a directory line (its number, ≥ 0, in `sources`) or a label of an ESCO
    occupation (stored as -1 - the occupation's position in the index)."""

    def __init__(self, vocabulary: np.ndarray, counts: np.ndarray, postings: np.ndarray, sources: np.ndarray,
                 norms: np.ndarray, directory: TitleDirectory, index: EscoIndex):
        self._directory = directory
        self._index = index
        self._vocabulary = vocabulary
        self._offsets = np.concatenate([[0], np.cumsum(counts, dtype=np.int64)])
        self._postings = postings
        self._source = sources
        self._idf = inverse_document_frequency(counts, len(sources))
        self._norm = norms

    def __len__(self) -> int:
        return len(self._source)

    def nearest(self, title_key: str, limit: int = NEIGHBOURS) -> list[tuple[float, int]]:
        """The documents nearest a title key (as title_directory.key_of_parts gives it), as
        (cosine similarity, document), nearest first."""
        wanted = np.unique(gram_keys(padded(title_key))[0])
        slots = np.searchsorted(self._vocabulary, wanted)
        inside = slots < len(self._vocabulary)
        slots, wanted = slots[inside], wanted[inside]
        grams = slots[self._vocabulary[slots] == wanted]
        if not len(grams):
            return []
        weights = self._idf[grams]
        lengths = self._offsets[grams + 1] - self._offsets[grams]
        documents = np.concatenate([self._postings[self._offsets[g]:self._offsets[g + 1]] for g in grams])
        # Each 4-gram shared adds its weight in the title times its weight in the document.
        dots = np.bincount(documents, weights=np.repeat(weights * weights, lengths), minlength=len(self._norm))
        candidates = np.flatnonzero(dots)
        scores = dots[candidates] / (self._norm[candidates] * np.sqrt(np.sum(weights.astype(np.float64) ** 2)))
        take = min(limit, len(candidates))
        best = np.argpartition(-scores, take - 1)[:take]
        return sorted(((float(scores[i]), int(candidates[i])) for i in best), reverse=True)

    def groups_of(self, document: int) -> tuple[tuple[str, float], ...]:
        """The unit groups a document gives its title, with their shares."""
        source = int(self._source[document])
        if source < 0:
            return ((self._index.occupations[-1 - source].isco_code, 1.0),)
        _, _, encoded = self._directory.line(source).partition(b"\t")
        return tuple((group, float(share)) for group, _, share in
                     (item.partition(":") for item in encoded.decode("ascii").split(",")))

    def vote(self, title_key: str) -> tuple[float, tuple[tuple[str, float], ...]]:
        """The nearest document's similarity, and the unit groups the nearest documents vote for
        with their shares of the vote, heaviest first."""
        nearest = self.nearest(title_key)
        if not nearest:
            return 0.0, ()
        weight: dict[str, float] = defaultdict(float)
        for similarity, document in nearest:
            for group, share in self.groups_of(document):
                weight[group] += similarity * similarity * share
        total = sum(weight.values())
        ranked = sorted(weight.items(), key=lambda item: -item[1])
        return nearest[0][0], tuple((group, value / total) for group, value in ranked)


def postings_from_differences(differences: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The postings the build stored as differences within each 4-gram's run. Summed in unsigned
    32-bit arithmetic, which wraps past 2**32 but is exact once each run's start is taken off again
    (every posting is below 2**31): no 64-bit temporaries the size of the postings."""
    running = np.cumsum(differences.view(np.uint32), dtype=np.uint32)
    ends = np.cumsum(counts)
    before = np.zeros(len(counts), dtype=np.uint32)
    before[1:] = running[ends[:-1] - 1]
    running -= np.repeat(before, counts)
    return running.view(np.int32)


@lru_cache(maxsize=1)
def load_title_neighbours() -> TitleNeighbours:
    """The bundled neighbour index, read on first use and kept for the process."""
    with resources.files("crawler.occupations").joinpath("data", NEIGHBOURS_FILE).open("rb") as stream:
        arrays = dict(np.load(stream))
    postings = postings_from_differences(arrays["posting_differences"], arrays["counts"])
    return TitleNeighbours(arrays["vocabulary"], arrays["counts"], postings, arrays["sources"], arrays["norms"],
                           load_title_directory(), load_index())
