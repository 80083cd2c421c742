"""``jobcrawl dedupe --rebuild``: recompute every cluster from the sightings' stored features.

Sightings are replayed in the order they were first seen through the same matcher the store
uses; every replayed sighting is a candidate for the later ones. When a sighting matches copies
that were filed apart (two agencies' rewrites that did not match each other, then the employer's
ad that matches both), their clusters are joined. Each resulting cluster keeps the posting of its
earliest sighting; a sighting split off from its old posting gets a new posting copied from the
old one; postings left without sightings are deleted. Run it after a matching rule changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from crawler.dedupe.features import stored_features
from crawler.dedupe.matcher import Candidate, CandidateIndex, hides_employer
from crawler.items import SCHEMA_FIELDS
from models.tables import Posting, PostingSkill, Sighting


@dataclass
class RebuildResult:
    sightings: int = 0
    clusters: int = 0
    moved: int = 0
    postings_created: int = 0
    postings_deleted: int = 0


class _Clusters:
    """Cluster numbers with joins (union-find): a joined cluster answers with the earliest one."""

    def __init__(self):
        self.parent: dict[int, int] = {}

    def new(self) -> int:
        number = len(self.parent) + 1
        self.parent[number] = number
        return number

    def find(self, number: int) -> int:
        while self.parent[number] != number:
            self.parent[number] = self.parent[self.parent[number]]
            number = self.parent[number]
        return number

    def join(self, first: int, second: int) -> None:
        first, second = self.find(first), self.find(second)
        if first != second:
            self.parent[max(first, second)] = min(first, second)


def rebuild_clusters(engine: Engine) -> RebuildResult:
    """Re-cluster all sightings; returns what changed."""
    result = RebuildResult()
    with Session(engine) as session, session.begin():
        session.connection(execution_options={"sqlite_write": True})
        rows = session.execute(
            select(Sighting.id, Sighting.posting_id, Sighting.url, Sighting.employer_key, Sighting.title_key,
                   Sighting.city_key, Sighting.requisition_id, Sighting.via_agency, Sighting.minhash,
                   Posting.date_posted, Posting.status, Posting.experience_years_min, Posting.salary_min,
                   Posting.salary_max, Posting.salary_currency, Posting.salary_period, Posting.languages,
                   Posting.employment_type)
            .join(Posting, Posting.id == Sighting.posting_id)
            .order_by(Sighting.first_seen_at, Sighting.id)
        ).all()
        result.sightings = len(rows)
        index = CandidateIndex()
        clusters = _Clusters()
        cluster_of: dict[int, int] = {}       # sighting id -> cluster number
        founder: dict[int, object] = {}       # cluster number -> its first sighting row
        reposts: list[tuple[int, int]] = []   # (cluster that re-publishes, its original)
        for row in rows:
            features = stored_features(row)
            match = index.match(features, find_splits=True)
            if match is not None and not (match.repost or match.original):
                cluster = clusters.find(match.posting_id)
                for other in match.same_job_as:
                    clusters.join(cluster, other)
                index.joined(match.posting_id, features)
            else:
                cluster = clusters.new()
                founder[cluster] = row
                if match is not None:
                    reposts.append((cluster, match.posting_id) if match.repost else (match.posting_id, cluster))
            cluster_of[row.id] = cluster
            index.add(Candidate(cluster, features, posting_date=row.date_posted,
                                posting_employer_key=None if hides_employer(features) else features.employer_key))
        # A joined cluster is its earliest part: the founder of the surviving number.
        cluster_of = {sighting: clusters.find(cluster) for sighting, cluster in cluster_of.items()}
        founder = {cluster: row for cluster, row in founder.items() if clusters.find(cluster) == cluster}
        repost_of: dict[int, int] = {}
        for repost, original in reposts:
            repost, original = clusters.find(repost), clusters.find(original)
            if repost != original:
                repost_of.setdefault(repost, original)
        result.clusters = len(founder)

        posting_of_cluster: dict[int, int] = {}
        claimed: set[int] = set()
        for cluster, row in founder.items():
            if row.posting_id not in claimed:
                posting_of_cluster[cluster] = row.posting_id
                claimed.add(row.posting_id)
            else:
                posting_of_cluster[cluster] = _copy_posting(session, row.posting_id)
                result.postings_created += 1
        moves = [{"id": row.id, "posting_id": posting_of_cluster[cluster_of[row.id]]}
                 for row in rows if posting_of_cluster[cluster_of[row.id]] != row.posting_id]
        if moves:
            session.execute(update(Sighting), moves)
        result.moved = len(moves)
        for cluster, old_cluster in repost_of.items():
            session.execute(update(Posting).where(Posting.id == posting_of_cluster[cluster])
                            .values(repost_of=posting_of_cluster[old_cluster]))
        orphaned = ~exists().where(Sighting.posting_id == Posting.id)
        result.postings_deleted = session.execute(delete(Posting).where(orphaned)).rowcount or 0
        _refresh_seen_times(session)
    return result


def _copy_posting(session: Session, posting_id: int) -> int:
    columns = [*SCHEMA_FIELDS, "first_seen_at", "last_seen_at", "status", "closed_at"]
    original = session.execute(select(*[getattr(Posting, name) for name in columns])
                               .where(Posting.id == posting_id)).one()
    new_id = session.execute(insert(Posting).returning(Posting.id), [dict(zip(columns, original))]).scalar_one()
    skills = session.execute(select(PostingSkill.skill).where(PostingSkill.posting_id == posting_id)).scalars().all()
    if skills:
        session.execute(insert(PostingSkill), [{"posting_id": new_id, "skill": skill} for skill in skills])
    return new_id


def _refresh_seen_times(session: Session) -> None:
    first = select(func.min(Sighting.first_seen_at)).where(Sighting.posting_id == Posting.id).scalar_subquery()
    last = select(func.max(Sighting.last_seen_at)).where(Sighting.posting_id == Posting.id).scalar_subquery()
    session.execute(update(Posting).values(first_seen_at=first, last_seen_at=last))
