"""How much pay is plausible, depending on the currency and the period it is stated in.

One bound for every source: the validate pipeline clears a salary above it, and platform mappings
use it when they must judge a structured figure. A fixed amount cannot be the bound: a monthly
47,000,000 IDR (about 2,700 EUR) is an ordinary salary, a monthly 47,000,000 EUR is not. The bound is
a yearly 10 million euros, expressed in the stated currency with a rough exchange rate: the
rates below are orders of magnitude for this test only (a rate off by half moves the bound by half,
which still separates pay from a typo or a phone number), never a conversion of the stored figures.
"""

from __future__ import annotations

MAX_YEARLY_PAY_EUR = 10_000_000
PERIODS_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
# Units of each currency per euro, rounded (2025-2026 levels); currencies not listed use the euro's bound.
UNITS_PER_EURO = {
    "EUR": 1, "USD": 1.1, "GBP": 0.85, "CHF": 0.95, "CAD": 1.5, "AUD": 1.7, "NZD": 1.9, "SGD": 1.5,
    "HKD": 8.5, "JPY": 165, "CNY": 8, "KRW": 1500, "TWD": 35, "INR": 95, "IDR": 18_000, "VND": 28_000,
    "PHP": 63, "THB": 38, "MYR": 5, "PKR": 310, "BDT": 130, "LKR": 330, "NPR": 150, "SEK": 11.5, "NOK": 11.5,
    "DKK": 7.5, "ISK": 150, "PLN": 4.3, "CZK": 25, "HUF": 400, "RON": 5, "BGN": 2, "RSD": 117, "UAH": 45,
    "TRY": 40, "RUB": 100, "KZT": 550, "ILS": 4, "AED": 4, "SAR": 4, "QAR": 4, "EGP": 55, "NGN": 1_800,
    "KES": 140, "ZAR": 20, "MAD": 11, "BRL": 6.3, "MXN": 21, "ARS": 1_400, "CLP": 1_050, "COP": 4_600,
    "PEN": 4, "UYU": 45,
}


def max_yearly_pay(currency: str | None) -> float:
    """The highest plausible yearly pay in ``currency`` (ISO 4217); the euro's bound when unknown."""
    return MAX_YEARLY_PAY_EUR * UNITS_PER_EURO.get((currency or "").upper(), 1)


def pay_is_plausible(amount: float, currency: str | None, period: str | None) -> bool:
    """True when ``amount`` per ``period`` (``hour`` … ``year``; None reads as a year) in
    ``currency`` is a pay a job could offer: above zero and at most the yearly bound."""
    if amount <= 0:
        return False
    return amount * PERIODS_PER_YEAR.get(period or "year", 1) <= max_yearly_pay(currency)
