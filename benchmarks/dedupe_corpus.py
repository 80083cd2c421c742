"""A labelled corpus for measuring cross-source deduplication (issue 5, ``make eval-dedupe``).

Deterministic (fixed seed, no clock): the same ``--pages`` always gives the same files. Several
"sites" share one local server under path prefixes:

- ``/careers-<employer>/`` — employers' own career sites: JSON-LD with the requisition id;
- ``/board-a/`` — a job board: JSON-LD, board chrome, its own headings and section order;
- ``/board-b/`` — a board with microdata or plain HTML, other headings, dates as text;
- ``/agency-<name>/`` — recruitment agencies: employer hidden ("Für unseren Kunden…"), text
  reworded, bullets reordered and some dropped, the agency's own about text and closing.

``sitemap.xml`` indexes every site's sitemap; ``labels.json`` maps each page path to its true
cluster (one cluster = one job opening) and the case it plays. About 60% of the pages are
copies of another page, in the 50–80% range Lightcast and Textkernel report for real ad
collections. Hard negatives are built in: an employer's different jobs share its about text,
benefits and closing; the same title at the same employer in two cities; junior and senior
openings of one role; the same role at other employers; reposts (the same text republished
months later under a new reference and URL: a new cluster with ``repost_of_cluster``).

    python benchmarks/dedupe_corpus.py [--pages 3200] [--out build/dedupe_corpus]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.dedupe_text import (  # noqa: E402
    AGENCIES,
    Agency,
    CorpusEmployer,
    apply_edit,
    client_sentence,
    employer_stream,
    job_texts,
    job_title,
    paraphrase,
    salary_for,
)
from benchmarks.dedupe_pages import render_page, render_site_files  # noqa: E402
from crawler.sample_board.compose import slugify  # noqa: E402
from crawler.sample_board.model import Salary  # noqa: E402
from crawler.sample_board.places import PLACES  # noqa: E402

SEED = 20260505
CORPUS_DATE = date(2026, 11, 20)
"""The snapshot day: every date in the corpus lies before it."""
DEFAULT_PAGES = 3200
DEFAULT_DIR = REPO_ROOT / "build" / "dedupe_corpus"
LABELS_NAME = "labels.json"
SITES = ("careers", "board-a", "board-b", "agency")
EDITS = ("typo", "benefit_changed", "salary_added", "bullet_added", "bullet_removed")
_COPY_COUNTS = ((1, 40), (2, 20), (3, 18), (4, 12), (5, 6), (6, 3), (7, 1))
_JOBS_PER_EMPLOYER = ((1, 22), (2, 20), (3, 17), (4, 13), (5, 10), (6, 8), (8, 6), (12, 4))


@dataclass
class Job:
    """One job opening: one true cluster."""

    cluster: str
    employer: CorpusEmployer
    role: str
    title: str
    place: str
    intro: list[str]
    tasks: list[str]
    profile: list[str]
    salary: Salary | None
    reference: str
    date_posted: date
    valid_through: date | None
    employment: str
    workplace: str | None
    case: str
    """``opening``, ``other_city`` (a twin of ``twin_of``), ``sibling`` or ``repost``."""
    related_to: str | None = None
    """The cluster this one is a twin, sibling or repost of."""


@dataclass
class Page:
    """One ad page: a copy of a job at one site."""

    path: str
    site: str
    job: Job
    date_posted: date
    edits: tuple[str, ...] = ()
    agency: Agency | None = None
    rewrite: str | None = None
    markup: str = "jsonld"
    board_id: int = 0
    texts: dict = field(default_factory=dict)
    """The copy's own text: title_raw, intro, tasks, profile, benefits, salary (after edits)."""
    similar: list["Page"] = field(default_factory=list)


def _weighted(rng: random.Random, table: tuple[tuple[object, int], ...]):
    return rng.choices([value for value, _ in table], weights=[weight for _, weight in table])[0]


class CorpusBuilder:
    """Plans jobs and their copies employer by employer until the page target is reached."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.employers = employer_stream(self.rng)
        self.jobs: list[Job] = []
        self.pages: list[Page] = []
        self.board_ids = iter(range(4_100_000, 9_000_000, 7))

    # --- jobs ------------------------------------------------------------------------------
    def _new_job(self, employer: CorpusEmployer, role: str, place: str, case: str,
                 related: Job | None = None, avoid_title: set[str] | None = None) -> Job:
        rng = self.rng
        title = job_title(role, employer, rng, avoid=avoid_title or set())
        intro, tasks, profile = job_texts(role, title, employer, PLACES[place], rng)
        day = CORPUS_DATE - timedelta(days=rng.randint(5, 80))
        number = len(self.jobs) + 1
        job = Job(
            cluster=f"c{number:05d}", employer=employer, role=role, title=title, place=place,
            intro=intro, tasks=tasks, profile=profile,
            salary=salary_for(role, title, PLACES[place].country, rng) if rng.random() < 0.35 else None,
            reference=f"{employer.reference_prefix}-2026-{rng.randint(100, 9999):04d}",
            date_posted=day, valid_through=day + timedelta(days=90) if rng.random() < 0.7 else None,
            employment="part_time" if role in ("werkstudent_data",) or rng.random() < 0.08 else "full_time",
            workplace=employer.workplace(role, rng), case=case,
            related_to=related.cluster if related else None,
        )
        self.jobs.append(job)
        return job

    def _twin(self, job: Job, place: str) -> Job:
        """The same job text at another city of the employer (a different opening)."""
        twin = self._new_job(job.employer, job.role, place, "other_city", related=job)
        twin.title, twin.tasks, twin.profile, twin.salary = job.title, list(job.tasks), list(job.profile), job.salary
        twin.intro = [line.replace(PLACES[job.place].name, PLACES[place].name) for line in job.intro]
        twin.date_posted = job.date_posted + timedelta(days=self.rng.randint(0, 2))
        twin.workplace, twin.employment = job.workplace, job.employment
        return twin

    def _repost(self, original: Job) -> Job:
        """The original moved to spring (and expired); the same text republished in autumn."""
        rng = self.rng
        original.date_posted = date(2026, 3, 1) + timedelta(days=rng.randint(0, 130))
        original.valid_through = original.date_posted + timedelta(days=rng.randint(42, 60))
        repost = self._new_job(original.employer, original.role, original.place, "repost", related=original)
        repost.title, repost.intro = original.title, list(original.intro)
        repost.tasks, repost.profile, repost.salary = list(original.tasks), list(original.profile), original.salary
        repost.workplace, repost.employment = original.workplace, original.employment
        latest = (CORPUS_DATE - timedelta(days=2) - original.date_posted).days
        repost.date_posted = original.date_posted + timedelta(days=rng.randint(100, max(101, min(200, latest))))
        repost.valid_through = repost.date_posted + timedelta(days=90)
        return repost

    def plan_employer(self, employer: CorpusEmployer) -> list[Job]:
        """An employer's openings: distinct roles, sometimes a sibling, a twin city or a repost."""
        rng = self.rng
        jobs: list[Job] = []
        roles = list(employer.roles)
        rng.shuffle(roles)
        for index in range(_weighted(rng, _JOBS_PER_EMPLOYER)):
            siblings = [job for job in jobs if job.case == "opening" and employer.can_have_siblings(job.role)]
            if siblings and rng.random() < 0.18:
                base = rng.choice(siblings)
                place = base.place if rng.random() < 0.7 else rng.choice(employer.places)
                titles = {job.title for job in jobs if job.role == base.role}
                jobs.append(self._new_job(employer, base.role, place, "sibling", related=base, avoid_title=titles))
                continue
            job = self._new_job(employer, roles[index % len(roles)], rng.choice(employer.places), "opening")
            jobs.append(job)
            others = [place for place in employer.places if place != job.place]
            if others and rng.random() < 0.2:
                jobs.append(self._twin(job, rng.choice(others)))
            elif rng.random() < 0.08:
                jobs.append(self._repost(job))
        return jobs

    # --- copies ----------------------------------------------------------------------------
    def _page(self, job: Job, site: str, used_agencies: list[str]) -> Page:
        rng = self.rng
        board_id = next(self.board_ids)
        slug = slugify(f"{job.title} {PLACES[job.place].name}")
        if site == "careers":
            path = f"/careers-{job.employer.key}/jobs/{job.reference.lower()}-{slugify(job.title)}.html"
            return Page(path, site, job, job.date_posted)
        if site == "board-a":
            path = f"/board-a/stellenangebote/{slug}-{board_id}.html"
            return Page(path, site, job, job.date_posted + timedelta(days=rng.randint(0, 3)), board_id=board_id)
        if site == "board-b":
            markup = "microdata" if rng.random() < 0.5 else "plain"
            path = f"/board-b/jobs/{board_id}-{slug}.html"
            return Page(path, site, job, job.date_posted + timedelta(days=rng.randint(0, 6)),
                        markup=markup, board_id=board_id)
        candidates = [a for a in AGENCIES if job.employer.lang in a.langs and a.key not in used_agencies]
        agency = rng.choice(candidates)
        used_agencies.append(agency.key)
        path = f"/agency-{agency.key}/stellen/{agency.code.lower()}-{board_id}.html"
        return Page(path, "agency", job, job.date_posted + timedelta(days=rng.randint(1, 21)), agency=agency,
                    rewrite="heavy" if rng.random() < 0.35 else "light",
                    markup="jsonld" if rng.random() < 0.65 else "plain", board_id=board_id)

    def plan_copies(self, job: Job) -> list[Page]:
        """Where the job appears: its primary page and the copies of it."""
        rng = self.rng
        count = _weighted(rng, _COPY_COUNTS)
        if job.employer.careers_site:
            sites = ["careers"]
        else:
            sites = [_weighted(rng, (("board-a", 45), ("board-b", 35), ("agency", 20)))]
        agencies_for_language = sum(1 for a in AGENCIES if job.employer.lang in a.langs)
        while len(sites) < count:
            site = _weighted(rng, (("board-a", 38), ("board-b", 34), ("agency", 28)))
            if site == "agency" and sites.count("agency") >= agencies_for_language:
                continue
            if site in sites and site != "agency" and rng.random() > 0.15:
                continue  # a board lists the same job twice only now and then
            sites.append(site)
        used: list[str] = []
        pages = [self._page(job, site, used) for site in sites]
        for page in pages[1:]:
            if page.site != "agency" and rng.random() < 0.3:
                page.edits = tuple(rng.sample(EDITS, 2 if rng.random() < 0.15 else 1))
        for page in pages:
            self._copy_texts(page)
        return pages

    def _copy_texts(self, page: Page) -> None:
        job, rng = page.job, self.rng
        texts = {"title": job.title, "intro": list(job.intro), "tasks": list(job.tasks),
                 "profile": list(job.profile), "benefits": list(job.employer.benefits), "salary": job.salary}
        for edit in page.edits:
            apply_edit(edit, texts, job.role, job.employer, PLACES[job.place].country, rng)
        if page.site == "agency":
            texts["intro"] = [client_sentence(job.employer, job.title, PLACES[job.place], page.agency, rng)]
            if rng.random() < 0.5:
                texts["intro"] += paraphrase(job.intro[1:2], job.employer.lang, page.rewrite, rng, drop=False)
            texts["tasks"] = paraphrase(texts["tasks"], job.employer.lang, page.rewrite, rng)
            texts["profile"] = paraphrase(texts["profile"], job.employer.lang, page.rewrite, rng)
            texts["benefits"] = paraphrase(rng.sample(texts["benefits"], min(4, len(texts["benefits"]))),
                                           job.employer.lang, page.rewrite, rng, drop=False)
        page.texts = texts

    def build(self, target_pages: int) -> None:
        """Plan employers, jobs and pages until there are at least ``target_pages`` pages."""
        while len(self.pages) < target_pages:
            for job in self.plan_employer(next(self.employers)):
                self.pages.extend(self.plan_copies(job))
        by_site: dict[str, list[Page]] = {}
        for page in self.pages:
            by_site.setdefault(page.site, []).append(page)
        for page in self.pages:
            if page.site in ("board-a", "board-b"):
                others = [p for p in self.rng.sample(by_site[page.site], min(5, len(by_site[page.site])))
                          if p is not page]
                page.similar = others[:4]


def labels_for(builder: CorpusBuilder, target_pages: int, seed: int) -> dict:
    """``labels.json``: every page's true cluster and case, and every cluster's features."""
    clusters = {}
    for job in builder.jobs:
        clusters[job.cluster] = {
            "case": job.case, "employer": job.employer.name, "agency_employer": False,
            "role": job.role, "title": job.title, "city": PLACES[job.place].name, "lang": job.employer.lang,
            "related_to": job.related_to,
            "repost_of_cluster": job.related_to if job.case == "repost" else None,
            "date_posted": job.date_posted.isoformat(), "reference": job.reference,
        }
    pages = {
        page.path: {
            "cluster": page.job.cluster, "site": page.site, "markup": page.markup,
            "edits": list(page.edits), "rewrite": page.rewrite,
            "agency": page.agency.name if page.agency else None,
            "repost_of_cluster": clusters[page.job.cluster]["repost_of_cluster"],
        }
        for page in builder.pages
    }
    return {
        "generator": {"seed": seed, "pages_requested": target_pages, "source_sha256": generator_fingerprint(),
                      "corpus_date": CORPUS_DATE.isoformat()},
        "pages": pages,
        "clusters": {key: value for key, value in clusters.items()
                     if any(p.job.cluster == key for p in builder.pages[:0]) or True},
    }


def generator_fingerprint() -> str:
    """A hash of the generator's source files: a stored corpus is reused only when it matches."""
    digest = hashlib.sha256()
    for name in ("dedupe_corpus.py", "dedupe_text.py", "dedupe_pages.py"):
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def build_corpus(target_pages: int = DEFAULT_PAGES, seed: int = SEED) -> tuple[dict[str, bytes], dict]:
    """Every file of the corpus by relative path, and the labels."""
    builder = CorpusBuilder(seed)
    builder.build(target_pages)
    files = {page.path.lstrip("/"): render_page(page).encode("utf-8") for page in builder.pages}
    files.update(render_site_files(builder.pages))
    labels = labels_for(builder, target_pages, seed)
    files[LABELS_NAME] = (json.dumps(labels, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files, labels


def write_corpus(files: dict[str, bytes], out_dir: Path) -> None:
    """Replace ``out_dir`` with exactly ``files``."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for relative_path, content in files.items():
        target = out_dir / relative_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def ensure_corpus(out_dir: Path = DEFAULT_DIR, target_pages: int = DEFAULT_PAGES, seed: int = SEED) -> dict:
    """The corpus in ``out_dir``, generated unless one from the same generator, seed and size is there."""
    labels_path = out_dir / LABELS_NAME
    if labels_path.is_file():
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        wanted = {"seed": seed, "pages_requested": target_pages, "source_sha256": generator_fingerprint()}
        if all(labels.get("generator", {}).get(key) == value for key, value in wanted.items()):
            return labels
    files, labels = build_corpus(target_pages, seed)
    write_corpus(files, out_dir)
    return labels


def main(argv: list[str] | None = None) -> None:
    """Command line: write the corpus."""
    parser = argparse.ArgumentParser(description="Generate the labelled dedupe corpus.")
    parser.add_argument("--pages", type=int, default=DEFAULT_PAGES, help="least number of ad pages")
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    files, labels = build_corpus(args.pages)
    write_corpus(files, args.out)
    clusters = {entry["cluster"] for entry in labels["pages"].values()}
    print(f"wrote {len(labels['pages'])} ad pages in {len(clusters)} clusters to {args.out}")


if __name__ == "__main__":
    main()
