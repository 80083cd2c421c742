"""The public Python API: ``jobcrawl.crawl`` twice from one process, then ``read_postings``."""

import json
import os
import subprocess
import sys

import pandas
import polars
import pytest

import jobcrawl
from crawler.analytics.columns import SIGHTING_COLUMNS
from crawler.analytics.export_source import ExportError
from crawler.sample_board import MANIFEST_PATH
from tests.support.crawl import FAST_LOCAL_SETTINGS, PROJECT_ROOT

STORED = [ad for ad in json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["ads"] if ad["outcome"] == "stored"]


@pytest.fixture(scope="module")
def crawled(sample_board, tmp_path_factory):
    """The sample board crawled twice through the API, from this one process."""
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'jobcrawl.db'}"
    sitemap = f"{sample_board.url}/sitemap.xml"
    first = jobcrawl.crawl("jsonld", url, settings=FAST_LOCAL_SETTINGS, sitemap=sitemap)
    second = jobcrawl.crawl("jsonld", url, settings=FAST_LOCAL_SETTINGS, sitemap=sitemap)
    return url, first, second


def test_two_crawls_from_one_process_return_their_runs(crawled):
    _, first, second = crawled
    assert second["id"] == first["id"] + 1
    assert first["status"] == "succeeded", first
    assert first["new_postings"] == len(STORED)
    assert second["new_postings"] == 0
    assert second["items"] == len(STORED)


def test_read_postings_pandas_has_every_ad_typed(crawled):
    url = crawled[0]
    frame = jobcrawl.read_postings(url)
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == len(STORED)
    assert sorted(frame["title"]) == sorted(ad["title"] for ad in STORED)
    assert str(frame["first_seen_at"].dtype).startswith("timestamp[")
    assert frame["title"].dtype == pandas.ArrowDtype(__import__("pyarrow").string())
    assert pandas.api.types.is_integer_dtype(frame["id"].dtype)


def test_read_postings_polars_and_filters(crawled):
    url = crawled[0]
    frame = jobcrawl.read_postings(url, engine="polars")
    assert isinstance(frame, polars.DataFrame) and frame.height == len(STORED)
    assert frame.schema["first_seen_at"].__class__ is polars.Datetime
    assert len(jobcrawl.read_postings(url, source="personio")) == 0  # a spider that stored nothing yet
    with pytest.raises(ExportError, match="'jsnld' is no source of postings — did you mean jsonld"):
        jobcrawl.read_postings(url, source="jsnld")  # checked as the command line checks it
    assert len(jobcrawl.read_postings(url, until="2000-01-01")) == 0


def test_read_sightings(crawled):
    url = crawled[0]
    frame = jobcrawl.read_sightings(url)
    assert len(frame) == len(STORED)
    assert set(frame["source"]) == {"jsonld"}
    assert str(frame["last_seen_at"].dtype).startswith("timestamp[")
    assert list(frame.columns) == [column.name for column in SIGHTING_COLUMNS]  # as `export --table sightings`
    assert len(jobcrawl.read_sightings(url, source="greenhouse")) == 0
    with pytest.raises(ExportError, match="did you mean jsonld"):
        jobcrawl.read_sightings(url, source="jsnld")


def test_a_missing_database_is_one_error_and_no_file(tmp_path):
    missing = tmp_path / "nothing.db"
    for call in (jobcrawl.read_postings, jobcrawl.read_sightings):
        with pytest.raises(jobcrawl.DatabaseNotFound, match="no database at"):
            call(f"sqlite:///{missing}")
    assert not missing.exists()


def test_an_unknown_engine_is_refused(crawled):
    with pytest.raises(ValueError, match="choose pandas or polars"):
        jobcrawl.read_postings(crawled[0], engine="spark")


def readme_python_example() -> str:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_readme_example_runs_as_written(sample_board, tmp_path):
    """The README's notebook example, run in a fresh interpreter against the sample board."""
    code = readme_python_example().replace("http://127.0.0.1:8088", sample_board.url)
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    env.pop("JOBCRAWL_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0] == f"succeeded {len(STORED)} new; 0 new the second time"
    assert lines[1].startswith(f"{len(STORED)} postings; timestamp[")
    assert (tmp_path / "notebook.db").is_file()


def test_a_crawl_that_cannot_start_raises_its_one_line(tmp_path):
    database = tmp_path / "jobcrawl.db"
    with pytest.raises(jobcrawl.CrawlFailed, match="did you mean jsonld"):
        jobcrawl.crawl("jsonl", f"sqlite:///{database}", sitemap="http://127.0.0.1:9/sitemap.xml")
    assert not database.exists()
