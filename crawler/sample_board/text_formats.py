"""How the board writes numbers, salaries and dates, and how broken text looks."""

from __future__ import annotations

from datetime import date

from crawler.sample_board.model import Salary

MONTHS_DE = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def number_de(value: float, cents: bool = False) -> str:
    """``52000`` -> ``52.000``, ``19.5`` -> ``19,50``; ``cents`` forces two decimals."""
    if value == int(value) and not cents:
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def number_en(value: float) -> str:
    """``52000`` -> ``52,000``, ``19.5`` -> ``19.50``."""
    return f"{int(value):,}" if value == int(value) else f"{value:,.2f}"


def number_ch(value: float) -> str:
    """Swiss thousands separator: ``95000`` -> ``95'000``."""
    return f"{int(value):,}".replace(",", "'")


def salary_text(salary: Salary, lang: str) -> str:
    """The visible salary text for a salary, written the way its ``style`` says."""
    low, high, style = salary.minimum, salary.maximum, salary.style
    if style == "text_de_year":
        return f"{number_de(low)} € – {number_de(high)} € brutto jährlich"
    if style == "text_de_month":
        return f"{number_de(low)} – {number_de(high)} € brutto monatlich"
    if style == "text_de_hour":
        cents = low != int(low) or high != int(high)  # "19,50 € bis 23,00 €", not "23 €"
        return f"{number_de(low, cents)} € bis {number_de(high, cents)} € pro Stunde"
    if style == "text_de_single_hour":
        return f"{number_de(low)} € pro Stunde"
    if style == "text_de_single_month":
        return f"{number_de(low)} € brutto im Monat"
    if style == "text_en_year":
        return f"{number_en(low)} - {number_en(high)} EUR per year"
    if style == "text_en_k":
        return f"€{int(low // 1000)}k–€{int(high // 1000)}k p.a."
    if style == "text_en_month":
        return f"€{number_en(low)}–€{number_en(high)} gross per month"
    if style == "text_en_day":
        return f"€{number_en(low)}–{number_en(high)} per day"
    if style == "text_chf_year":
        return f"CHF {number_ch(low)} – {number_ch(high)} Jahresgehalt" if lang == "de" else (
            f"CHF {number_ch(low)} – {number_ch(high)} p.a."
        )
    if style == "text_at_minimum":
        if lang == "de":
            return (
                f"Das kollektivvertragliche Mindestgehalt für diese Position beträgt EUR "
                f"{number_de(low)} brutto monatlich (Basis Vollzeit). Eine Überzahlung je nach "
                "Qualifikation und Erfahrung ist möglich."
            )
        return (
            f"The minimum salary for this position is EUR {number_en(low)} gross per month "
            "(full-time, 14 payments). We are willing to pay more depending on your "
            "qualifications and experience."
        )
    return structured_salary_text(salary, lang)


def structured_salary_text(salary: Salary, lang: str) -> str:
    """Short salary label as a board shows it next to structured data or in its widget."""
    periods = {
        "de": {"year": "Jahr", "month": "Monat", "hour": "Stunde", "day": "Tag"},
        "en": {"year": "year", "month": "month", "hour": "hour", "day": "day"},
    }[lang]
    symbol = {"EUR": "€", "CHF": "CHF", "USD": "$", "GBP": "£"}[salary.currency]
    if lang == "de":
        amount = (
            f"{number_de(salary.minimum)} {symbol}"
            if salary.minimum == salary.maximum
            else f"{number_de(salary.minimum)} – {number_de(salary.maximum)} {symbol}"
        )
        return f"{amount} pro {periods[salary.period]}"
    if salary.minimum == salary.maximum:
        return f"{symbol}{number_en(salary.minimum)} per {periods[salary.period]}"
    return f"{symbol}{number_en(salary.minimum)} – {symbol}{number_en(salary.maximum)} a {periods[salary.period]}"


def relative_date_text(days_ago: int, lang: str) -> str:
    """The board's "Published: 3 days ago" line for an ad published ``days_ago`` days ago."""
    if lang == "de":
        if days_ago == 0:
            ago = "heute"
        elif days_ago == 1:
            ago = "gestern"
        elif days_ago < 7:
            ago = f"vor {days_ago} Tagen"
        elif days_ago < 30:
            weeks = days_ago // 7
            ago = "vor 1 Woche" if weeks == 1 else f"vor {weeks} Wochen"
        else:
            ago = "vor über 30 Tagen"
        return f"Erschienen: {ago}"
    if days_ago == 0:
        ago = "today"
    elif days_ago == 1:
        ago = "yesterday"
    elif days_ago < 7:
        ago = f"{days_ago} days ago"
    elif days_ago < 30:
        weeks = days_ago // 7
        ago = "1 week ago" if weeks == 1 else f"{weeks} weeks ago"
    else:
        ago = "30+ days ago"
    return f"Published: {ago}"


def absolute_date_text(day: date, style: str) -> str:
    """An absolute publication date line in one of the board's formats."""
    if style == "abs_de":
        return f"Veröffentlicht am {day:%d.%m.%Y}"
    if style == "abs_de_long":
        return f"Erschienen am {day.day}. {MONTHS_DE[day.month - 1]} {day.year}"
    if style == "abs_en":
        return f"Posted on {day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    raise ValueError(f"unknown date style {style!r}: expected abs_de, abs_de_long or abs_en")


def mojibake(text: str) -> str:
    """UTF-8 text as it looks after a wrong cp1252 decode (``für`` -> ``fÃ¼r``).

    Bytes cp1252 leaves undefined are kept as Latin-1, as browsers and ftfy's
    "sloppy-windows-1252" do.
    """
    chars = []
    for byte in text.encode("utf-8"):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars)


def swiss_spelling(text: str) -> str:
    """Swiss Standard German has no ß."""
    return text.replace("ß", "ss")
