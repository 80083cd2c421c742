"""The label search scores only the labels that can reach its best 40 (EscoIndex._best_with_head,
_best_by_overlap): the pairs it keeps must be those of scoring every label holding a query word,
the same floats in the same order, or a classification could change with the speed-up.

The reference below scores every label as the search did before the pruning, from the index's
public accessors."""

import heapq
import math

import pytest

from crawler.occupations.index import load_index, tokens

# Titles whose words ESCO's labels hold thousands of times ("manager", "operator", "worker",
# "assistant") beside rare ones, titles with no head ESCO knows, and one word alone.
QUERIES = [
    "sales manager", "project manager construction", "machine operator", "production worker",
    "care assistant", "senior software engineer python", "kitchen porter", "registered nurse",
    "payroll specialist", "chemical operator", "team leader warehouse", "customer service advisor",
    "manager", "operator", "worker", "technician", "logistics transportation", "health safety",
    "business development", "data", "mediengestalter digital print",
]
# Titles whose head word no ESCO label holds: the search's other branch, every label holding any
# known word competing.
NO_HEAD_QUERIES = ["digital print technik", "marketing digital schwerpunkt", "sales assistant berlin"]


def _weight(index, label_id: int) -> float:
    return sum(index.idf[word] for word in index.label_words(label_id))


def _reference(index, known: list[str], head: str, query_weight: float) -> list[tuple[float, int]]:
    head_idf = index.idf.get(head, 0.0)
    overlap: dict[int, float] = {}
    if head in index.idf:
        others = [(word, index.idf[word]) for word in known if word != head]
        for label_id in index.label_ids_with_word(head):
            words = index.label_words(label_id)
            overlap[label_id] = 2 * index.idf[head] + sum(weight for word, weight in others if word in words)
    else:
        for word in known:
            for label_id in index.label_ids_with_word(word):
                overlap[label_id] = overlap.get(label_id, 0.0) + index.idf[word]
    return heapq.nlargest(40, ((shared / math.sqrt(query_weight * (_weight(index, label_id) + head_idf)), label_id)
                               for label_id, shared in overlap.items()))


def _query(index, text: str, head: str) -> tuple[list[str], float]:
    words = set(tokens(text))
    known = [word for word in words if word in index.idf]
    query_weight = sum(index.idf[w] for w in words if w in index.idf) + sum(
        3.0 for w in words if w not in index.idf) + index.idf.get(head, 0.0)
    return known, query_weight


@pytest.mark.parametrize("text", QUERIES)
def test_head_search_keeps_the_pairs_of_scoring_every_label(text):
    index = load_index()
    head = index.head_word(tokens(text))
    if head not in index.idf:
        pytest.fail(f"{text!r}: its head {head!r} is no word of ESCO's labels; the case tests nothing")
    known, query_weight = _query(index, text, head)
    kept = index._best_with_head(known, head, query_weight)
    assert kept == _reference(index, known, head, query_weight)
    assert len(kept) == min(40, len(index.label_ids_with_word(head)))


@pytest.mark.parametrize("text", QUERIES + NO_HEAD_QUERIES)
def test_search_without_head_keeps_the_pairs_of_scoring_every_label(text):
    # search_any_head's reading: no head, every label holding a word of the query competes.
    index = load_index()
    known, query_weight = _query(index, text, "")
    if not known:
        pytest.fail(f"{text!r} has no word of ESCO's labels; the case tests nothing")
    kept = index._best_by_overlap(known, query_weight, 0.0)
    assert kept == _reference(index, known, "", query_weight)
    assert kept


@pytest.mark.parametrize("text", NO_HEAD_QUERIES)
def test_titles_without_a_known_head_take_the_overlap_branch(text):
    index = load_index()
    assert index.head_word(tokens(text)) not in index.idf

