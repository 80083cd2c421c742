"""The benchmarks' process-tree measurement: who the children of a measured crawl are, and the
CPU they used, split by what they are (issue 15: the parser workers apart from the migration
child and multiprocessing's helpers)."""

from __future__ import annotations

import sys

import pytest

from benchmarks.measure import process_role, run_child

PYTHON = "/work/main/.venv/bin/python"
FORKSERVER = f"{PYTHON} -B -c from multiprocessing.forkserver import main; main(17, 18, ['__main__'])"


@pytest.mark.parametrize(("command_line", "parent_role", "role"), [
    # Command lines as /proc showed them during a bench-board crawl.
    (FORKSERVER, None, "forkserver"),
    (FORKSERVER, "forkserver", "parse_worker"),  # forked by the forkserver: its command line, its child
    (f"{PYTHON} -B -c from multiprocessing.resource_tracker import main;main(14)", None, "resource_tracker"),
    (f"{PYTHON} -c \nimport sys\nfrom models.database import upgrade\nupgrade(sys.argv[1])", None, "migration"),
    (f"{PYTHON} -m scrapy runspider benchmarks/bare_spider.py", None, "other"),
    ("sleep 1", "other", "other"),
])
def test_role_of_each_process_of_a_crawl(command_line, parent_role, role):
    assert process_role(command_line, parent_role) == role


def test_children_cpu_is_split_by_role():
    # The measured process burns CPU and so does its child: the child's counted, as "other" (no forkserver).
    burn = "import subprocess, sys, time\n" \
           "child = subprocess.Popen([sys.executable, '-c', 'import time\\nend = time.process_time() + 0.4\\n" \
           "while time.process_time() < end: pass'])\n" \
           "end = time.process_time() + 0.4\nwhile time.process_time() < end: pass\nchild.wait()"
    result = run_child([sys.executable, "-c", burn], timeout=60)
    assert result["returncode"] == 0, result["stderr"]
    assert set(result["children_cpu_s_by_role"]) == {"other"}
    assert result["children_cpu_s_by_role"]["other"] == pytest.approx(result["children_cpu_s"])
    assert 0.2 <= result["children_cpu_s"] <= 1.0  # the child's 0.4 s, as last sampled


@pytest.mark.parametrize(("contenders", "repetition", "order"), [
    (("bare", "peer", "jobcrawl"), 0, ("bare", "peer", "jobcrawl")),
    (("bare", "peer", "jobcrawl"), 1, ("peer", "jobcrawl", "bare")),
    (("bare", "peer", "jobcrawl", "before"), 0, ("bare", "peer", "jobcrawl", "before")),
    (("bare", "peer", "jobcrawl", "before"), 1, ("peer", "before", "jobcrawl", "bare")),
    (("bare", "peer", "jobcrawl", "before"), 2, ("jobcrawl", "before", "bare", "peer")),
    (("bare", "peer", "jobcrawl", "before"), 3, ("jobcrawl", "bare", "peer", "before")),
])
def test_crawl_contenders_take_turns(contenders, repetition, order):
    from benchmarks.bench_crawl import run_order

    assert run_order(contenders, repetition) == order


def test_stage_breakdown_of_the_parse_worker_accounts_for_its_steps():
    from benchmarks.bench_parse_worker import STAGES, stage_breakdown

    report = stage_breakdown(pages=26)  # 20 warm-up pages, 6 measured
    shares = report["share_of_profiled_cpu"]
    assert set(shares) == {label for label, _path, _function in STAGES}
    assert all(0 <= share <= 1 for share in shares.values())
    # Every page is read and every ad parsed: both steps show, and the top-level steps do not
    # overlap (clean_text and the "of which" parts run inside them).
    assert shares["page reading (decode, structured data, page text)"] > 0.05
    assert shares["parse (complete_posting)"] > 0.3
    top_level = [share for label, share in shares.items() if not label.startswith(" ") and "clean_text" not in label]
    assert sum(top_level) <= 1.0
    assert report["ms_cpu_per_page"] > 0 and report["pickling_ms_per_page"] >= 0
