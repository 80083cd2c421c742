"""The dedupe evaluation end to end on a small corpus, and its scorer on hand-made clusterings.

The evaluation measures, so nothing here asserts a target score: the tests check that the
report is complete and that its counts agree with a brute-force count over every pair of pages.
"""

import itertools
import json
import sqlite3
from collections import Counter
from urllib.parse import urlsplit

import pytest

from benchmarks import eval_dedupe
from benchmarks.dedupe_corpus import build_corpus

SMALL_CORPUS_PAGES = 120


@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    """The evaluation of a 120-page corpus: its report, labels and kept database."""
    folder = tmp_path_factory.mktemp("dedupe")
    out, database = folder / "report.json", folder / "dedupe.db"
    exit_code = eval_dedupe.main(["--pages", str(SMALL_CORPUS_PAGES), "--corpus", str(folder / "corpus"),
                                  "--out", str(out), "--keep", str(database)])
    labels = json.loads((folder / "corpus" / "labels.json").read_text(encoding="utf-8"))
    with sqlite3.connect(database) as connection:
        stored = {urlsplit(url).path: posting for url, posting in connection.execute("SELECT url, posting_id FROM sightings")}
    return exit_code, json.loads(out.read_text(encoding="utf-8")), labels, stored


def _brute_force(labels, stored):
    """(true pairs, predicted pairs, pairs in both) over every pair of labelled pages."""
    predicted = {path: stored.get(path, f"not stored: {path}") for path in labels["pages"]}
    counts = Counter()
    for first, second in itertools.combinations(sorted(labels["pages"]), 2):
        same_truth = labels["pages"][first]["cluster"] == labels["pages"][second]["cluster"]
        same_prediction = predicted[first] == predicted[second]
        counts["true"] += same_truth
        counts["predicted"] += same_prediction
        counts["both"] += same_truth and same_prediction
    return counts


def test_the_evaluation_exits_zero_and_reports_every_section(small_run):
    exit_code, report, labels, _ = small_run
    assert exit_code == 0
    assert {"corpus", "crawl", "pairwise", "true_pairs_by_kind", "wrong_merges_by_relation", "reposts",
            "cluster_recovery_by_case", "match_methods", "pages_stored", "predicted_clusters"} <= set(report)
    assert report["crawl"]["returncode"] == 0 and report["crawl"]["seconds"] > 0
    assert report["corpus"]["pages"] == len(labels["pages"]) >= SMALL_CORPUS_PAGES
    assert report["corpus"]["clusters"] == len({page["cluster"] for page in labels["pages"].values()})
    assert set(report["true_pairs_by_kind"]) == set(eval_dedupe.PAIR_KINDS)
    assert set(report["wrong_merges_by_relation"]) == set(eval_dedupe.RELATIONS)


def test_every_page_is_crawled_and_stored(small_run):
    _, report, labels, stored = small_run
    assert set(stored) == set(labels["pages"])
    assert report["pages_stored"] == len(labels["pages"]) and report["pages_not_stored"] == 0
    assert report["unlabelled_sightings"] == 0
    assert report["predicted_clusters"] == len(set(stored.values()))


def test_pair_counts_match_a_brute_force_count(small_run):
    _, report, labels, stored = small_run
    counts = _brute_force(labels, stored)
    pairwise = report["pairwise"]
    assert (pairwise["true_pairs"], pairwise["predicted_pairs"], pairwise["true_positive_pairs"]) == (
        counts["true"], counts["predicted"], counts["both"])
    assert pairwise["false_positive_pairs"] == counts["predicted"] - counts["both"]
    assert pairwise["false_negative_pairs"] == counts["true"] - counts["both"]
    for name in ("precision", "recall", "f1"):
        assert 0.0 <= pairwise[name] <= 1.0


def test_breakdowns_add_up_to_the_totals(small_run):
    _, report, labels, _ = small_run
    pairwise, pages = report["pairwise"], len(labels["pages"])
    by_kind = report["true_pairs_by_kind"].values()
    assert sum(entry["pairs"] for entry in by_kind) == pairwise["true_pairs"]
    assert sum(entry["found"] for entry in by_kind) == pairwise["true_positive_pairs"]
    by_relation = report["wrong_merges_by_relation"].values()
    assert sum(entry["pairs"] for entry in by_relation) == pages * (pages - 1) // 2 - pairwise["true_pairs"]
    assert sum(entry["wrongly_merged"] for entry in by_relation) == pairwise["false_positive_pairs"]
    for entry in by_relation:
        assert 0 <= entry["wrongly_merged"] <= entry["pairs"] and entry["pairs"] >= 0
    recovery = report["cluster_recovery_by_case"].values()
    assert sum(entry["clusters"] for entry in recovery) == report["corpus"]["clusters"]
    reposts = report["reposts"]
    assert reposts["expected"] == sum(1 for c in labels["clusters"].values() if c["repost_of_cluster"])
    assert 0 <= reposts["found"] <= reposts["expected"]
    assert reposts["correct_links"] + reposts["reversed_links"] <= reposts["links_in_database"]


def test_relation_totals_match_a_brute_force_count(small_run):
    _, report, labels, _ = small_run
    clusters, pages = labels["clusters"], labels["pages"]
    expected = Counter()
    for first, second in itertools.combinations(sorted(pages), 2):
        a, b = pages[first]["cluster"], pages[second]["cluster"]
        if a != b:
            expected[eval_dedupe.cluster_relation(a, clusters[a], b, clusters[b])] += 1
    got = {relation: entry["pairs"] for relation, entry in report["wrong_merges_by_relation"].items()}
    assert got == {relation: expected[relation] for relation in eval_dedupe.RELATIONS}


def test_the_corpus_is_deterministic_and_labels_every_page():
    first_files, first_labels = build_corpus(60)
    second_files, second_labels = build_corpus(60)
    assert first_files == second_files and first_labels == second_labels
    ad_pages = {"/" + path for path in first_files if path.endswith(".html") and path != "index.html"}
    assert ad_pages == set(first_labels["pages"])
    sitemaps = b"".join(content for path, content in first_files.items() if path.endswith("sitemap.xml"))
    for path in first_labels["pages"]:
        assert f"{{{{BASE_URL}}}}{path}</loc>".encode() in sitemaps


def test_the_full_size_corpus_has_the_hard_cases_in_realistic_shares():
    _, labels = build_corpus(3000)
    pages, clusters = labels["pages"], labels["clusters"]
    assert len(pages) >= 3000
    assert 0.5 <= 1 - len(clusters) / len(pages) <= 0.8  # duplicate share, as Lightcast/Textkernel report
    cases = Counter(cluster["case"] for cluster in clusters.values())
    assert {"opening", "sibling", "other_city", "repost"} <= set(cases)
    assert Counter(page["site"] for page in pages.values()).keys() == {"careers", "board-a", "board-b", "agency"}
    assert {"de", "en"} == {cluster["lang"] for cluster in clusters.values()}
    for cluster_id, cluster in clusters.items():
        if cluster["repost_of_cluster"]:
            original = clusters[cluster["repost_of_cluster"]]
            assert (original["employer"], original["title"], original["city"]) == (
                cluster["employer"], cluster["title"], cluster["city"])
            assert original["date_posted"] < cluster["date_posted"]
        if cluster["case"] == "other_city":
            twin = clusters[cluster["related_to"]]
            assert (twin["employer"], twin["title"]) == (cluster["employer"], cluster["title"])
            assert twin["city"] != cluster["city"]


PAGES = ("p1", "p2", "p3", "p4")
TRUTH = {"p1": "a", "p2": "a", "p3": "a", "p4": "b"}


@pytest.mark.parametrize(("predicted", "expected"), [
    ({"p1": 1, "p2": 1, "p3": 1, "p4": 2}, {"true_positive_pairs": 3, "predicted_pairs": 3, "precision": 1.0,
                                            "recall": 1.0, "f1": 1.0}),
    ({"p1": 1, "p2": 2, "p3": 3, "p4": 4}, {"true_positive_pairs": 0, "predicted_pairs": 0, "precision": 1.0,
                                            "recall": 0.0, "f1": 0.0}),
    ({"p1": 1, "p2": 1, "p3": 1, "p4": 1}, {"true_positive_pairs": 3, "predicted_pairs": 6, "precision": 0.5,
                                            "recall": 1.0, "f1": 2 / 3}),
    ({"p1": 1, "p2": 1, "p3": 2, "p4": 2}, {"true_positive_pairs": 1, "predicted_pairs": 2, "precision": 0.5,
                                            "recall": 1 / 3, "f1": 0.4}),
])
def test_pairwise_scores_of_hand_made_clusterings(predicted, expected):
    scores = eval_dedupe.pairwise_scores(TRUTH, predicted)
    assert scores["true_pairs"] == 3
    for name, value in expected.items():
        assert scores[name] == pytest.approx(value), name


@pytest.mark.parametrize(("first", "second", "kind"), [
    ({"site": "careers", "edits": []}, {"site": "board-a", "edits": []}, "cross_board_copy"),
    ({"site": "board-b", "edits": ["typo"]}, {"site": "careers", "edits": []}, "small_edit"),
    ({"site": "agency", "edits": []}, {"site": "board-a", "edits": ["typo"]}, "agency_rewrite"),
    ({"site": "board-a", "edits": []}, {"site": "board-a", "edits": []}, "same_board_twice"),
])
def test_pair_kinds(first, second, kind):
    assert eval_dedupe.pair_kind(first, second) == kind


def _cluster(employer="E", title="Data Engineer", role="data_engineer", city="Köln", repost_of=None):
    return {"employer": employer, "title": title, "role": role, "city": city, "repost_of_cluster": repost_of}


@pytest.mark.parametrize(("first", "second", "relation"), [
    (_cluster(repost_of="c2"), _cluster(), "repost"),
    (_cluster(), _cluster(), "same_title_other_city"),
    (_cluster(title="Senior Data Engineer"), _cluster(), "sibling_same_role"),
    (_cluster(title="QA Engineer", role="qa_engineer"), _cluster(), "same_employer_other_job"),
    (_cluster(employer="F"), _cluster(), "same_role_same_city_other_employer"),
    (_cluster(employer="F", city="Bonn"), _cluster(), "same_role_other_employer"),
    (_cluster(employer="F", title="QA Engineer", role="qa_engineer"), _cluster(), "unrelated"),
])
def test_cluster_relations(first, second, relation):
    assert eval_dedupe.cluster_relation("c1", first, "c2", second) == relation


def test_agency_named_scores_count_only_pairs_with_a_naming_agency_copy():
    """Three copies of job A (one by an agency naming itself, retitled), one of job B that the
    naming copy was wrongly merged with; a plain agency copy of B found apart."""
    page = lambda cluster, site, rewrite=None, retitled=False: {  # noqa: E731
        "cluster": cluster, "site": site, "rewrite": rewrite, "retitled": retitled}
    labels = {"pages": {"/a1": page("A", "careers"), "/a2": page("A", "board-a"),
                        "/a3": page("A", "agency", "named", True), "/b1": page("B", "careers"),
                        "/b2": page("B", "agency", "light")}}
    predicted = {"/a1": 1, "/a2": 1, "/a3": 2, "/b1": 2, "/b2": 3}
    scores = eval_dedupe.agency_named_scores(labels, predicted)
    # True pairs with /a3: (a1, a3), (a2, a3) — neither found; predicted pairs with /a3: (a3, b1) — wrong.
    assert (scores["pages"], scores["retitled_pages"]) == (1, 1)
    assert (scores["true_pairs"], scores["found"], scores["recall"]) == (2, 0, 0.0)
    assert (scores["predicted_pairs"], scores["wrongly_merged_pairs"], scores["precision"]) == (1, 1, 0.0)
    predicted.update({"/a3": 1, "/b1": 4})
    scores = eval_dedupe.agency_named_scores(labels, predicted)
    assert (scores["recall"], scores["precision"], scores["retitled_recall"]) == (1.0, 1.0, 1.0)


def test_agency_copy_recall_counts_pairs_of_an_employers_ad_and_an_agency_copy_of_it(small_run):
    """The report's figure agrees with a count over every pair of labelled pages of the run."""
    _, report, labels, stored = small_run
    pages = labels["pages"]
    predicted = {path: stored.get(path, f"not stored: {path}") for path in pages}
    true_pairs = found = merged = wrong = 0
    by_rewrite = Counter()
    for first, second in itertools.combinations(sorted(pages), 2):
        if {pages[first]["site"], pages[second]["site"]} != {"careers", "agency"}:
            continue
        same_truth = pages[first]["cluster"] == pages[second]["cluster"]
        same_prediction = predicted[first] == predicted[second]
        true_pairs += same_truth
        found += same_truth and same_prediction
        merged += same_prediction
        wrong += same_prediction and not same_truth
        if same_truth:
            rewrite = (pages[first] if pages[first]["site"] == "agency" else pages[second])["rewrite"]
            by_rewrite[rewrite] += 1
    copies = report["agency_copies"]
    assert true_pairs > 0  # the small corpus has employers' ads copied by agencies
    assert (copies["true_pairs"], copies["found"], copies["predicted_pairs"], copies["wrongly_merged_pairs"]) == (
        true_pairs, found, merged, wrong)
    assert copies["recall"] == pytest.approx(found / true_pairs)
    assert {rewrite: entry["pairs"] for rewrite, entry in copies["by_rewrite"].items()} == dict(by_rewrite)
    assert sum(entry["found"] for entry in copies["by_rewrite"].values()) == found


def test_agency_copy_scores_of_a_hand_made_clustering():
    """Job A: the employer's ad, a board copy and two agency copies (one light, one naming the
    agency); job B: the employer's ad and a heavy agency rewrite. Board–agency and agency–agency
    pairs are not employer–agency pairs."""
    page = lambda cluster, site, rewrite=None: {"cluster": cluster, "site": site, "rewrite": rewrite}  # noqa: E731
    labels = {"pages": {"/a1": page("A", "careers"), "/a2": page("A", "board-a"), "/a3": page("A", "agency", "light"),
                        "/a4": page("A", "agency", "named"), "/b1": page("B", "careers"),
                        "/b2": page("B", "agency", "heavy")}}
    # The named copy stays apart, B's heavy rewrite joins A: employer–agency pairs (a1, a3), (a1, a4),
    # (b1, b2) are true, and (a1, a3) is the only one found; (a1, b2) is merged wrongly.
    predicted = {"/a1": 1, "/a2": 1, "/a3": 1, "/a4": 2, "/b1": 3, "/b2": 1}
    scores = eval_dedupe.agency_copy_scores(labels, predicted)
    assert (scores["true_pairs"], scores["found"], scores["recall"]) == (3, 1, pytest.approx(1 / 3))
    assert scores["by_rewrite"] == {"heavy": {"pairs": 1, "found": 0, "recall": 0.0},
                                    "light": {"pairs": 1, "found": 1, "recall": 1.0},
                                    "named": {"pairs": 1, "found": 0, "recall": 0.0}}
    assert (scores["predicted_pairs"], scores["wrongly_merged_pairs"], scores["precision"]) == (2, 1, 0.5)
    predicted.update({"/a4": 1, "/b2": 3})
    scores = eval_dedupe.agency_copy_scores(labels, predicted)
    assert (scores["recall"], scores["precision"], scores["predicted_pairs"]) == (1.0, 1.0, 3)
