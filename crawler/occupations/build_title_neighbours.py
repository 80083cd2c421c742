"""Build of crawler/occupations/data/title_neighbours.npz: the character 4-gram index of every title
of the bundled title directory and every label of the bundled ESCO occupations (title_neighbours.py).

    python crawler/occupations/build_title_neighbours.py

Run it again whenever data/title_directory.tsv.gz or data/esco_occupations.json.gz changes
(tests/occupations/test_title_neighbours.py checks that the bundled file matches both). The index
is bundled rather than built in each worker: the build takes one to three seconds, and the numpy
temporaries it needs (about 200 MB for the 2.6 million characters' windows) stay in the process's
heap after they are freed.
"""

from __future__ import annotations

import sys
import zlib
from importlib import resources
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from crawler.occupations.index import DATA_FILE as ESCO_FILE, EscoIndex, load_index  # noqa: E402
from crawler.occupations.title_directory import DIRECTORY_FILE, TitleDirectory, load_title_directory  # noqa: E402
from crawler.occupations.title_neighbours import (  # noqa: E402
    COMMON_GRAM_DOCUMENTS, NEIGHBOURS_FILE, SEPARATOR, gram_keys, index_key, inverse_document_frequency, padded)

OUT = Path(__file__).resolve().parent / "data" / NEIGHBOURS_FILE


def input_checksums() -> np.ndarray:
    """CRC-32 of the bundled directory and ESCO files the index is built from."""
    data = resources.files("crawler.occupations").joinpath("data")
    return np.array([zlib.crc32(data.joinpath(name).read_bytes()) for name in (DIRECTORY_FILE, ESCO_FILE)],
                    dtype=np.uint32)


def build_arrays(directory: TitleDirectory, index: EscoIndex) -> dict[str, np.ndarray]:
    """The index's arrays: `vocabulary` (the 4-grams kept, as sorted 64-bit keys), `counts` (how
    many documents hold each), `postings` (those documents, 4-gram by 4-gram, ascending), `sources`
    (each document's directory line, or -1 - its ESCO occupation's position) and `norms` (each
    document's length as a vector of its 4-grams' weights)."""
    texts: list[str] = []
    sources: list[int] = []
    for number in range(len(directory)):
        found, _, encoded = directory.line(number).partition(b"\t")
        if encoded:  # a few O*NET titles map to no ISCO-08 group
            texts.append(padded(found.decode("utf-8").split(" ", 1)[1]))
            sources.append(number)
    for position, occupation in enumerate(index.occupations):
        for label in (occupation.label, *occupation.alt_labels, *occupation.german_labels):
            texts.append(padded(index_key(label)))
            sources.append(-1 - position)
    count = len(texts)
    joined = SEPARATOR.join(texts)
    keys, positions = gram_keys(joined)
    # A window's document: how many separators come before it.
    separators = np.flatnonzero(np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32) == ord(SEPARATOR))
    documents = np.searchsorted(separators, positions)
    vocabulary, grams = np.unique(keys, return_inverse=True)
    # Each 4-gram once per document, ordered by 4-gram then document.
    pairs = np.unique(grams.astype(np.int64) * count + documents)
    grams, documents = pairs // count, pairs % count
    counts = np.bincount(grams, minlength=len(vocabulary))
    kept = counts <= COMMON_GRAM_DOCUMENTS
    counts, documents = counts[kept].astype(np.int32), documents[kept[grams]].astype(np.int32)
    weights = inverse_document_frequency(counts, count).astype(np.float64)
    norms = np.sqrt(np.bincount(documents, weights=np.repeat(weights ** 2, counts), minlength=count))
    return {"vocabulary": vocabulary[kept], "counts": counts, "postings": documents,
            "sources": np.array(sources, dtype=np.int32), "norms": np.maximum(norms, 1e-6).astype(np.float32)}


def main() -> None:
    arrays = build_arrays(load_title_directory(), load_index())
    # Postings as differences within each 4-gram's run (the first as it is): they compress to a
    # third of the plain numbers.
    postings = arrays.pop("postings")
    starts = np.concatenate([[0], np.cumsum(arrays["counts"])[:-1]])
    differences = np.diff(postings, prepend=0)
    differences[starts[arrays["counts"] > 0]] = postings[starts[arrays["counts"] > 0]]
    np.savez_compressed(OUT, posting_differences=differences.astype(np.int32), checksums=input_checksums(), **arrays)
    print(f"{OUT}: {len(arrays['sources'])} documents, {len(arrays['vocabulary'])} 4-grams, {len(postings)} postings")


if __name__ == "__main__":
    main()
