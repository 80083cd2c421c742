"""Export filter values are checked against what the database holds: a value no row can have is
one line and exit 2, and no file is written (issue 17). Run as users run it: ``jobcrawl export``."""

from __future__ import annotations

import pytest

from tests.analytics.conftest import Rows, posting_row
from tests.test_cli_guidance import jobcrawl, one_line


@pytest.fixture
def database(migrated_sqlite_url) -> str:
    url = migrated_sqlite_url
    Rows(url).postings(posting_row(1, country="DE", status="active", source="jsonld"),
                       posting_row(2, country="AT", status="closed", source="greenhouse"))
    return url


@pytest.mark.parametrize(("filters", "expected"), [
    (["--status", "open"], "--status 'open' is not a status of postings: use active or closed"),
    (["--country", "Germany"], "--country takes ISO 3166 codes, as countries are stored: 'Germany' is DE — "
                               "use --country DE"),
    (["--country", "Deutschland"], "'Deutschland' is DE"),
    (["--country", "Atlantis"], "--country 'Atlantis' is not a country: use an ISO 3166 code such as DE "
                                "(stored: AT, DE)"),
    (["--source", "jsnld"], "--source 'jsnld' is no source of postings — did you mean jsonld?"),
    (["--since", "2026-03-10", "--until", "2026-03-01"], "--since 2026-03-10 is after --until 2026-03-01"),
    (["--view", "current_postings", "--source", "greenhous"], "is no source of current_postings — did you mean greenhouse?"),
])
def test_a_filter_value_no_row_can_have_is_refused(tmp_path, database, filters, expected):
    out = tmp_path / "out" / "postings.csv"
    result = jobcrawl("export", "--format", "csv", "--out", str(out), *filters, "--database", database)
    assert result.returncode == 2
    assert expected in one_line(result)
    assert not out.parent.exists()  # no file, no data dictionary, no folder


@pytest.mark.parametrize(("filters", "rows"), [
    (["--status", "closed"], 1),
    (["--country", "de"], 1),
    (["--country", "CH"], 0),  # a country code without ads yet: zero rows, not an error
    (["--source", "personio"], 0),  # a spider that stored nothing yet
    (["--source", "greenhouse"], 1),
    (["--since", "2026-03-01", "--until", "2026-03-01"], 2),
])
def test_values_a_row_can_have_are_exported(tmp_path, database, filters, rows):
    out = tmp_path / "postings.csv"
    result = jobcrawl("export", "--format", "csv", "--out", str(out), *filters, "--database", database)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"wrote {rows} rows" in result.stdout
