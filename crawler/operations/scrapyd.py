"""Dispatch targets over Scrapyd nodes: ``jobcrawl schedule --scrapyd URL[,URL…]``.

The dispatcher runs on one machine; the crawls run on the Scrapyd nodes (deployed with
:mod:`crawler.operations.scrapyd_deploy`), and every crawl writes its postings and its
``crawl_runs`` row to the one shared database. Through Scrapyd's HTTP API it:

- fills free slots: a node has ``slots_per_node`` slots (set it to the node's ``max_proc``), less
  its pending and running jobs (``daemonstatus.json``);
- keeps a target on one node at a time: a target with a job pending or running anywhere, or a
  ``running`` row in the database, is not dispatched again; job ids are ``TARGET@TIME``, so a
  restarted dispatcher adopts the jobs it finds (``listjobs.json``);
- re-dispatches when a node is down (``down_after_failures`` failed polls in a row): a job that
  had not recorded a finished run is marked ``interrupted`` in ``crawl_runs`` and dispatched to
  another node at once. A node that was only cut off and finishes its crawl later makes that
  target run twice; the database constraints keep the postings single all the same.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Iterable

from sqlalchemy.exc import SQLAlchemyError

from crawler.operations.run_history import (FINAL_STATUSES, busy_targets, last_runs, mark_lost, newest_run_id,
                                             runs_after)
from crawler.operations.schedule_times import due_targets, later
from crawler.operations.scrapyd_api import ScrapydError, ScrapydNode
from crawler.operations.scheduler import CrawlOutcome, stop_signals, utc_now
from crawler.operations.targets import Target, TargetsFile

logger = logging.getLogger(__name__)
JOB_ID_SEPARATOR = "@"  # target names cannot contain it


@dataclass
class NodeState:
    """What the dispatcher last learned about a node."""

    node: ScrapydNode
    failures: int = 0
    up: bool = True
    load: int = 0
    jobs: dict[str, str] = field(default_factory=dict)  # job id -> pending/running/finished


@dataclass
class Assignment:
    """A target's job on a node, and the newest run id before it was dispatched."""

    target: Target
    node_url: str
    job_id: str
    watermark: int


def job_id_for(target: Target, now: datetime) -> str:
    """A Scrapyd job id that names its target: ``TARGET@20261122T060000123456``."""
    return f"{target.name}{JOB_ID_SEPARATOR}{now:%Y%m%dT%H%M%S%f}"


def target_of_job(job_id: str) -> str | None:
    """The target name in a job id made by :func:`job_id_for`, or None for foreign jobs."""
    name, separator, _ = job_id.partition(JOB_ID_SEPARATOR)
    return name if separator else None


class ScrapydDispatcher:
    """Dispatches due targets over a pool of Scrapyd nodes and follows their jobs."""

    def __init__(self, targets_file: TargetsFile, node_urls: Iterable[str], database_url: str | None = None, *,
                 project: str = "jobcrawl", slots_per_node: int = 2, poll_seconds: float = 5.0,
                 down_after_failures: int = 2, clock: Callable[[], datetime] = utc_now):
        self.targets_file = targets_file
        self.nodes = {url.rstrip("/"): NodeState(ScrapydNode(url)) for url in node_urls}
        if not self.nodes:
            raise ValueError("give at least one Scrapyd URL")
        self.database_url = database_url
        self.project = project
        self.slots_per_node = slots_per_node
        self.poll_seconds = poll_seconds
        self.down_after_failures = down_after_failures
        self.clock = clock
        self.assignments: dict[str, Assignment] = {}
        self.dispatched_at: dict[str, datetime] = {}
        self.outcomes: list[CrawlOutcome] = []
        self.lost_jobs: list[Assignment] = []
        self.stopping = False

    # ------------------------------------------------------------------ nodes

    def poll_nodes(self) -> None:
        """Refresh every node's load and jobs; count failures and mark nodes down or up."""
        for url, state in self.nodes.items():
            try:
                status = state.node.daemon_status()
                listing = state.node.list_jobs(self.project)
            except ScrapydError as error:
                state.failures += 1
                if state.up and state.failures >= self.down_after_failures:
                    state.up = False
                    logger.error("Scrapyd node %s is down: %s", url, error)
                continue
            if not state.up:
                logger.info("Scrapyd node %s is back", url)
            state.failures, state.up = 0, True
            state.load = int(status.get("pending", 0)) + int(status.get("running", 0))
            state.jobs = {job["id"]: kind for kind in ("pending", "running", "finished") for job in listing.get(kind, [])}

    def adopt_jobs(self) -> None:
        """Take over the pending and running jobs of known targets (after a dispatcher restart)."""
        runs = last_runs(self.database_url)
        newest = newest_run_id(self.database_url)
        for url, state in self.nodes.items():
            for job_id, kind in state.jobs.items():
                name = target_of_job(job_id)
                if kind == "finished" or name not in self.targets_file.targets or name in self.assignments:
                    continue
                run = runs.get(name)
                watermark = run.id - 1 if run is not None and run.status == "running" else newest
                self.assignments[name] = Assignment(self.targets_file.targets[name], url, job_id, watermark)
                logger.info("adopted job %s of target %s on %s", job_id, name, url)

    def free_slots(self) -> dict[str, int]:
        """Free slots of every node that is up."""
        return {url: self.slots_per_node - state.load for url, state in self.nodes.items()
                if state.up and self.slots_per_node - state.load > 0}

    # ------------------------------------------------------------------ jobs

    def _finished_run(self, assignment: Assignment):
        runs = [run for run in runs_after(self.database_url, assignment.target.name, assignment.watermark)
                if run.status in FINAL_STATUSES]
        return runs[-1] if runs else None

    def settle(self) -> tuple[list[CrawlOutcome], list[Target]]:
        """Follow every assignment: (finished outcomes, targets to dispatch again)."""
        finished, lost = [], []
        for name, assignment in list(self.assignments.items()):
            state = self.nodes[assignment.node_url]
            kind = state.jobs.get(assignment.job_id) if state.up else None
            if kind in ("pending", "running"):
                continue
            run = self._finished_run(assignment)
            del self.assignments[name]
            if kind == "finished" or run is not None:
                outcome = CrawlOutcome(name, 0 if run is not None and run.status == "succeeded" else 1, run)
                finished.append(outcome)
                logger.info("target %s finished on %s: %s", name, assignment.node_url, run.status if run else "no run recorded")
            else:
                why = f"Scrapyd node {assignment.node_url} lost job {assignment.job_id}; dispatched again"
                mark_lost(self.database_url, name, assignment.watermark, why)
                logger.warning("target %s: %s", name, why)
                self.lost_jobs.append(assignment)
                lost.append(assignment.target)
        self.outcomes.extend(finished)
        return finished, lost

    def dispatch(self, targets: list[Target]) -> list[Target]:
        """Schedule as many of ``targets`` as free slots allow; returns those left over."""
        slots = self.free_slots()
        left = []
        for target in targets:
            if self.stopping or not slots or target.name in self.assignments:
                left.append(target)
                continue
            url = max(slots, key=lambda candidate: (slots[candidate], candidate))
            settings = {**target.settings, "JOBCRAWL_TARGET": target.name, "JOBCRAWL_MIGRATE_ON_START": "False"}
            job_id = job_id_for(target, self.clock())
            watermark = newest_run_id(self.database_url)
            try:
                self.nodes[url].node.schedule(self.project, target.spider, job_id, target.arguments, settings)
            except ScrapydError as error:
                logger.error("could not dispatch target %s to %s: %s", target.name, url, error)
                slots.pop(url)
                left.append(target)
                continue
            self.assignments[target.name] = Assignment(target, url, job_id, watermark)
            self.dispatched_at[target.name] = self.clock()
            self.nodes[url].load += 1
            self.nodes[url].jobs[job_id] = "pending"
            slots[url] -= 1
            if not slots[url]:
                slots.pop(url)
            logger.info("dispatched target %s to %s as job %s", target.name, url, job_id)
        return left

    def due(self) -> list[Target]:
        """Enabled targets due now that are neither dispatched nor running anywhere."""
        now = self.clock()
        runs = last_runs(self.database_url)
        last_started = {name: later(runs[name].started_at if name in runs else None, self.dispatched_at.get(name))
                        for name in self.targets_file.targets}
        busy = busy_targets(runs, now) | set(self.assignments)
        return due_targets(self.targets_file.enabled, {k: v for k, v in last_started.items() if v}, busy, now,
                           self.targets_file.timezone)

    # ------------------------------------------------------------------ loops

    def request_stop(self, signum: int = 0) -> None:
        """Stop dispatching; jobs already on the nodes run on (Scrapyd owns them)."""
        self.stopping = True

    def run_forever(self) -> int:
        """Dispatch due targets until a stop signal."""
        again: list[Target] = []
        with stop_signals(self.request_stop):
            self.poll_nodes()
            self.adopt_jobs()
            while not self.stopping:
                try:
                    _, lost = self.settle()
                    again = self.dispatch(again + lost + [t for t in self.due() if t not in again + lost])
                except SQLAlchemyError as error:  # the database may come back; keep following the nodes
                    logger.error("cannot read crawl_runs, retrying: %s", error)
                self._sleep()
                self.poll_nodes()
        return 0

    def run_targets(self, targets: list[Target]) -> list[CrawlOutcome]:
        """Dispatch each of ``targets`` once and wait until all have finished (or a stop signal)."""
        busy = busy_targets(last_runs(self.database_url), self.clock())
        waiting = [target for target in targets if target.name not in busy]
        for name in sorted({target.name for target in targets} & busy):
            logger.warning("target %s is already running elsewhere; not dispatching it again", name)
        first = len(self.outcomes)
        warned = False
        with stop_signals(self.request_stop):
            self.poll_nodes()
            self.adopt_jobs()
            while (waiting or self.assignments) and not self.stopping:
                _, lost = self.settle()
                waiting = self.dispatch(lost + waiting)
                all_down = not any(state.up for state in self.nodes.values())
                if all_down and not warned:
                    logger.warning("no Scrapyd node is up; %d targets wait", len(waiting) + len(self.assignments))
                warned = all_down
                self._sleep()
                self.poll_nodes()
        return self.outcomes[first:]

    def _sleep(self) -> None:
        deadline = time.monotonic() + self.poll_seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.2, self.poll_seconds))
