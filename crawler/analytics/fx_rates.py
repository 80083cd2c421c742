"""The dated EUR rate table: ``data/fx_rates.csv`` read, checked and loaded into ``fx_rates``.

The CSV quotes rates the way the ECB does (units of the currency per 1 EUR); the table stores the
inverse, ``eur_per_unit``, so that ``amount * eur_per_unit`` is the amount in EUR. A row applies
from its ``valid_from`` date until the next row of the same currency.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, Date, Float, String, column, delete, insert, table

FX_RATES_CSV = Path(__file__).resolve().parent / "data" / "fx_rates.csv"
FX_RATES_TABLE = table("fx_rates", column("currency", String(3)), column("valid_from", Date),
                       column("eur_per_unit", Float))


@dataclass(frozen=True)
class FxRate:
    """One row of the rate table."""

    currency: str
    valid_from: date
    units_per_eur: float
    basis: str

    @property
    def eur_per_unit(self) -> float:
        """EUR for one unit of the currency."""
        return 1.0 / self.units_per_eur


def read_fx_rates(path: Path = FX_RATES_CSV) -> list[FxRate]:
    """The rows of the rate CSV (``#`` lines are comments); raises ``ValueError`` on a bad row."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rates = []
    seen = set()
    for number, row in enumerate(csv.DictReader(lines), start=2):
        try:
            rate = FxRate(row["currency"].strip().upper(), date.fromisoformat(row["valid_from"].strip()),
                          float(row["units_per_eur"]), row["basis"].strip())
        except (KeyError, ValueError, AttributeError) as error:
            raise ValueError(f"{path}: data row {number - 1} is not currency,valid_from,units_per_eur,basis: "
                             f"{row!r} ({error})") from None
        if len(rate.currency) != 3 or rate.units_per_eur <= 0:
            raise ValueError(f"{path}: data row {number - 1} needs a 3-letter currency and a positive rate: {row!r}")
        if (rate.currency, rate.valid_from) in seen:
            raise ValueError(f"{path}: {rate.currency} has two rows for {rate.valid_from}")
        seen.add((rate.currency, rate.valid_from))
        rates.append(rate)
    return rates


def load_fx_rates(connection: Connection, path: Path = FX_RATES_CSV) -> int:
    """Replace the contents of ``fx_rates`` with the CSV's rows; returns the number of rows."""
    rates = read_fx_rates(path)
    connection.execute(delete(FX_RATES_TABLE))
    connection.execute(insert(FX_RATES_TABLE), [
        {"currency": rate.currency, "valid_from": rate.valid_from, "eur_per_unit": rate.eur_per_unit}
        for rate in rates
    ])
    return len(rates)
