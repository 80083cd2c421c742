"""Band levels (crawler/store/band_levels.py, migration 0014): a batch files its bands in the
smallest level, the levels are merged into the next when the sighting ids cross their block, and
the store finds a copy's bands whichever level holds them, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from crawler.store import band_levels
from crawler.store.band_levels import ALL_LEVELS, crossed_level, level_ranges
from crawler.store.posting_store import PostingStore
from models.database import get_engine
from tests.test_dedupe_agency_named import AGENCY_REQUIREMENTS, copy, employer_copy


@pytest.mark.parametrize("first, last, level", [
    (1, 200, None), (801, 1000, 0), (1001, 1200, None), (901, 1100, 0), (9801, 10000, 1),
    (99801, 100000, 2), (1, 100_000, 2), (999_801, 1_000_000, 2),
])
def test_the_highest_block_a_batch_crosses(first, last, level):
    assert crossed_level(first, last) == level


@pytest.mark.parametrize("highest, expected", [
    (0, {}),
    (450, {"sighting_text_bands_level0": (1, 450)}),
    (10_600, {"sighting_text_bands_level0": (10_001, 10_600), "sighting_text_bands_level2": (1, 10_000)}),
    (1_000_000, {"sighting_text_bands": (1, 1_000_000)}),
    (1_234_567, {"sighting_text_bands_level0": (1_234_001, 1_234_567),
                 "sighting_text_bands_level1": (1_230_001, 1_234_000),
                 "sighting_text_bands_level2": (1_200_001, 1_230_000), "sighting_text_bands": (1, 1_200_000)}),
])
def test_levels_hold_ranges_of_sighting_ids(highest, expected):
    ranges = level_ranges(highest)
    assert {table: span for table, span in ranges.items() if span != (1, 0)} == expected
    assert sum(high - low + 1 for low, high in ranges.values()) == highest  # every sighting in one level


def _sightings_per_level(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {table: connection.execute(text(f"SELECT count(DISTINCT sighting_id) FROM {table}")).scalar()
                for table in ALL_LEVELS}


def _other_job(number: int) -> dict:
    return copy("careers", 100 + number, title=f"Sachbearbeiter Team {number}",
                responsibilities=[f"Bearbeitung der Vorgänge im Bereich {number} und Abstimmung mit Team {number}"],
                requirements=[f"Ausbildung als Kaufmann, {number % 5 + 1} Jahre Erfahrung"],
                description=f"Sachbearbeitung {number}", requisition_id=None)


def test_merged_bands_still_find_the_agency_copy(migrated_database_url, monkeypatch):
    """Blocks of 2, 4 and 8 sightings: the employer's copy, then seven other jobs one at a time,
    move through every level into the last one; the agency's copy still finds the job by its
    bands, and no band is lost or doubled on the way."""
    monkeypatch.setattr(band_levels, "LEVEL_BLOCKS", (2, 4, 8))
    engine = get_engine(migrated_database_url)
    store = PostingStore(engine)
    store.write([employer_copy()])
    for number in range(7):
        store.write([_other_job(number)])
    levels = _sightings_per_level(engine)
    assert levels == {"sighting_text_bands": 8, "sighting_text_bands_level2": 0, "sighting_text_bands_level1": 0,
                      "sighting_text_bands_level0": 0}
    result = store.write([copy("agency", 3, company="Nordwind Personal GmbH", agency="Nordwind Personal GmbH",
                               requirements=list(AGENCY_REQUIREMENTS))])
    assert result.matched == 1
    assert _sightings_per_level(engine)["sighting_text_bands_level0"] == 1
    with engine.connect() as connection:
        for table in ALL_LEVELS:
            doubled = connection.execute(text(f"SELECT count(*) - count(DISTINCT band_key || '-' || sighting_id)"
                                              f" FROM {table}")).scalar()
            assert doubled == 0, table
    engine.dispose()


def test_a_batch_crossing_blocks_leaves_the_levels_as_level_ranges_says(migrated_database_url, monkeypatch):
    monkeypatch.setattr(band_levels, "LEVEL_BLOCKS", (2, 4, 8))
    engine = get_engine(migrated_database_url)
    store = PostingStore(engine)
    store.write([_other_job(number) for number in range(6)])  # crosses 2 and 4: all into level 2
    store.write([_other_job(number) for number in range(6, 9)])  # ids 7-9: crosses 8, all into the last
    store.write([_other_job(9)])  # id 10: crosses 10 (block 2): into level 1
    with engine.connect() as connection:
        held = {table: [row[0] for row in connection.execute(
            text(f"SELECT DISTINCT sighting_id FROM {table} ORDER BY 1"))] for table in ALL_LEVELS}
    assert held == {"sighting_text_bands": list(range(1, 10)), "sighting_text_bands_level2": [],
                    "sighting_text_bands_level1": [10], "sighting_text_bands_level0": []}
    engine.dispose()
