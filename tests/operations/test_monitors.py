"""Monitors: the verdict on a finished run, and real crawls that lose their dates or find nothing."""

import pytest

from crawler.operations.monitors import (MonitorThresholds, fill_rate_reasons, monitor_reasons,
                                         monitored_outcome)
from crawler.operations.scheduler import CrawlScheduler, exit_code
from crawler.operations.targets import parse_targets, project_spider_classes
from tests.operations.sites import SiteState, site_routes, target_toml
from tests.support.crawl import runs
from tests.support.fixture_server import FixtureServer

THRESHOLDS = MonitorThresholds()


def stats(items: int, missing: dict[str, int] | None = None, **extra) -> dict:
    values = {"jobcrawl/valid_items": items, "downloader/request_count": items + 1, **extra}
    values.update({f"jobcrawl/field/{name}/missing": count for name, count in (missing or {}).items()})
    return values


@pytest.mark.parametrize("history_missing, current_missing, expected", [
    ([0], 20, ["date_posted fill rate 0% (was ≥ 90%)"]),
    ([1, 0, 0], 8, ["date_posted fill rate 60% (was ≥ 90%)"]),      # lowest recent 95%
    ([3], 12, ["date_posted fill rate 40% (was ≥ 80%)"]),            # recent 85% -> "≥ 80%"
    ([0], 5, []),                                                    # 75%: a fall of 25 points is tolerated
    ([0, 20], 20, []),                                               # one recent run had none either
    ([], 20, []),                                                    # no history: nothing to compare with
])
def test_fill_rates_are_compared_with_the_lowest_recent_run(history_missing, current_missing, expected):
    history = [stats(20, {"date_posted": missing}) for missing in history_missing]
    assert fill_rate_reasons(stats(20, {"date_posted": current_missing}), history, THRESHOLDS) == expected


def test_small_runs_and_ignored_fields_are_not_compared():
    history = [stats(20, {"date_posted": 0, "salary_min": 0})]
    assert fill_rate_reasons(stats(5, {"date_posted": 5}), history, THRESHOLDS) == []
    assert fill_rate_reasons(stats(20, {"date_posted": 5}), [stats(5)], THRESHOLDS) == []
    quiet = MonitorThresholds(ignore_fields=frozenset({"date_posted"}))
    assert fill_rate_reasons(stats(20, {"date_posted": 20, "salary_min": 20}), history, quiet) == [
        "salary_min fill rate 0% (was ≥ 90%)"]


@pytest.mark.parametrize("run_stats, expected", [
    (stats(0), ["zero items"]),
    (stats(30), []),
    ({**stats(30), "log_count/ERROR": 3}, []),
    ({**stats(30), "log_count/ERROR": 4}, ["error rate 12% (4 errors in 31 requests; limit 10%)"]),
    ({**stats(30), "jobcrawl/store/rejected": 7}, []),
    ({**stats(30), "jobcrawl/store/rejected": 10}, ["rejection rate 25% (10 of 40 pages rejected; limit 20%)"]),
    ({**stats(0), "jobcrawl/rejected/missing_title": 12}, ["zero items", "rejection rate 100% (12 of 12 pages rejected; limit 20%)"]),
    ({**stats(2), "jobcrawl/store/rejected": 1, "log_count/ERROR": 1}, []),   # 1 of 3: too few to judge
    ({**stats(0), "jobcrawl/incremental/seen_again": 40}, []),                # unchanged, not fetched again
    ({**stats(2), "jobcrawl/incremental/seen_again": 40, "jobcrawl/store/rejected": 3}, []),
])
def test_zero_items_error_and_rejection_rates(run_stats, expected):
    assert monitor_reasons(run_stats, [], THRESHOLDS) == expected


@pytest.mark.parametrize("status, reason, verdict, expected", [
    ("succeeded", None, "zero items", ("degraded", "zero items")),
    ("succeeded", None, None, ("succeeded", None)),
    ("failed", "store failed: x", "zero items", ("failed", "store failed: x")),
    ("interrupted", "stopped by signal", "zero items", ("interrupted", "stopped by signal")),
])
def test_the_verdict_only_turns_successes_into_degraded_runs(status, reason, verdict, expected):
    run_stats = {"jobcrawl/monitor/reasons": verdict} if verdict else {}
    assert monitored_outcome(status, reason, run_stats) == expected


def test_thresholds_come_from_settings():
    from scrapy.settings import Settings

    settings = Settings({"JOBCRAWL_MONITOR_FILL_RATE_DROP": "0.5", "JOBCRAWL_MONITOR_MIN_ITEMS": "3",
                         "JOBCRAWL_MONITOR_IGNORE_FIELDS": "salary_min,salary_max"})
    thresholds = MonitorThresholds.from_settings(settings)
    assert (thresholds.fill_rate_drop, thresholds.min_items, thresholds.max_error_rate) == (0.5, 3, 0.10)
    assert thresholds.ignore_fields == {"salary_min", "salary_max"}


def test_a_target_that_loses_its_dates_is_degraded_and_an_empty_one_is_no_success(migrated_sqlite_url, tmp_path):
    acme = SiteState()
    routes = {**site_routes("acme", 12, acme), **site_routes("empty", 0)}
    with FixtureServer(routes) as server:
        toml = (target_toml("acme", f"{server.url}/acme/sitemap.xml")
                + target_toml("empty", f"{server.url}/empty/sitemap.xml"))
        targets_file = parse_targets(toml, tmp_path / "crawl.toml", project_spider_classes())
        scheduler = CrawlScheduler(targets_file, migrated_sqlite_url, max_parallel=2)
        first = scheduler.run_targets(targets_file.enabled)
        acme.with_dates = False  # the site changed its markup: same ads, no datePosted
        second = scheduler.run_targets([targets_file.targets["acme"]])

    recorded = {(run.target, run.id): run for run in runs(migrated_sqlite_url)}
    acme_runs = [run for (name, _), run in sorted(recorded.items()) if name == "acme"]
    [empty_run] = [run for (name, _), run in recorded.items() if name == "empty"]
    assert [run.status for run in acme_runs] == ["succeeded", "degraded"]
    assert acme_runs[1].items == 12
    assert "date_posted fill rate 0% (was ≥ 90%)" in acme_runs[1].reason.split("; ")
    assert (empty_run.status, empty_run.reason) == ("degraded", "zero items")
    assert {outcome.target: outcome.returncode for outcome in first} == {"acme": 0, "empty": 1}
    assert [outcome.returncode for outcome in second] == [1]
    assert exit_code(first) == exit_code(second) == 1
