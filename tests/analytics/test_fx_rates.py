"""The EUR rate table shipped in the repository, and its copy in the database."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from crawler.analytics.fx_rates import FX_RATES_CSV, read_fx_rates
from models.database import get_engine

REQUIRED_CURRENCIES = ("USD", "GBP", "CHF", "PLN", "SEK", "DKK", "NOK", "CZK")
MONTHS = [date(year, month, 1) for year in (2025, 2026) for month in range(1, 13)]


def test_every_required_currency_has_a_rate_for_every_month_of_2025_and_2026():
    months_by_currency: dict[str, set[date]] = {}
    for rate in read_fx_rates():
        months_by_currency.setdefault(rate.currency, set()).add(rate.valid_from)
    for currency in REQUIRED_CURRENCIES:
        assert set(MONTHS) <= months_by_currency[currency], currency


@pytest.mark.parametrize("currency, low, high", [
    # Plausible EUR reference-rate bands (units per EUR) for 2025–2026: catches a swapped or mistyped rate.
    ("USD", 0.95, 1.30), ("GBP", 0.78, 0.95), ("CHF", 0.88, 1.00), ("PLN", 4.0, 4.5), ("SEK", 10.3, 11.8),
    ("DKK", 7.44, 7.48), ("NOK", 11.0, 12.3), ("CZK", 23.8, 25.6), ("EUR", 1, 1), ("BGN", 1.95583, 1.95583),
])
def test_rates_lie_in_plausible_bands(currency, low, high):
    values = [rate.units_per_eur for rate in read_fx_rates() if rate.currency == currency]
    assert values and all(low <= value <= high for value in values)


def test_every_row_says_how_its_value_was_got():
    bases = {rate.basis for rate in read_fx_rates()}
    assert bases <= {"definition", "fixed", "approx_ecb_monthly_avg", "carried_forward"}
    assert "ECB" in FX_RATES_CSV.read_text(encoding="utf-8").split("currency,valid_from", 1)[0]


@pytest.mark.parametrize("bad_row, message", [
    ("USD,2025-13-01,1.1,approx_ecb_monthly_avg", "is not currency,valid_from"),
    ("USD,2025-01-01,0,approx_ecb_monthly_avg", "positive rate"),
    ("US,2025-01-01,1.1,approx_ecb_monthly_avg", "3-letter currency"),
    ("USD,2025-01-01,abc,approx_ecb_monthly_avg", "is not currency,valid_from"),
])
def test_bad_rows_are_refused_with_the_reason(tmp_path, bad_row, message):
    path = tmp_path / "rates.csv"
    path.write_text(f"# comment\ncurrency,valid_from,units_per_eur,basis\n{bad_row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_fx_rates(path)


def test_a_currency_month_given_twice_is_refused(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("currency,valid_from,units_per_eur,basis\nUSD,2025-01-01,1.1,x\nUSD,2025-01-01,1.2,x\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="two rows"):
        read_fx_rates(path)


def test_the_migration_loads_the_table_as_eur_per_unit(rows):
    with get_engine(rows.url).connect() as connection:
        stored = {(currency, date.fromisoformat(day) if isinstance(day, str) else day): value
                  for currency, day, value in connection.execute(text("SELECT * FROM fx_rates"))}
    expected = {(rate.currency, rate.valid_from): 1 / rate.units_per_eur for rate in read_fx_rates()}
    assert stored.keys() == expected.keys()
    for key, value in expected.items():
        assert stored[key] == pytest.approx(value, rel=1e-12), key
