"""Salaries in job ads: ranges and single figures, German and English number formats.

Choices:
- One figure sets both ``min`` and ``max``, as the schema says, also behind "ab", "from",
  "bis zu" or "up to" (the gold set annotates "ab 2.900 €" and "bis zu 90.000 €" so; the bound
  word stays visible in ``raw``). A range sets both ends.
- A separator followed by exactly three digits groups thousands ("45.000", "45,000",
  "110'000"); one or two digits after it are decimals ("18,50", "4.5k").
- Currency is never invented: it is None unless the text states it. "$" is USD. The period is
  the one stated; a figure no month's pay reaches in the currency (20,000 and more in USD, EUR,
  GBP, CHF and the other dollars) is a year's pay, as every reader takes "$130,000 - $160,000".
- "k", "T€", "TEUR", "Tsd." multiply by 1,000; "Mio." by 1,000,000.
- A figure of 0 or above 10,000,000 is not a salary.
price-parser is not used: it reads "45k-55k EUR" as 45 and knows neither ranges nor periods.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

MAX_SALARY = 10_000_000


@dataclass(frozen=True)
class Salary:
    """A salary as stated: ``min``/``max`` in ``currency`` (ISO 4217) per ``period``."""

    min: float | None
    max: float | None
    currency: str | None
    period: str | None  # hour, day, week, month or year
    raw: str


CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "us$": "USD",
    "usd": "USD", "£": "GBP", "gbp": "GBP", "chf": "CHF", "sfr": "CHF", "fr": "CHF",
    "pln": "PLN", "zł": "PLN", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "cad": "CAD",
    "c$": "CAD", "aud": "AUD", "a$": "AUD", "inr": "INR", "₹": "INR", "jpy": "JPY", "¥": "JPY",
}
_CURRENCY = (r"(?:US\$|C\$|A\$|[€$£₹¥]|(?:EUR|[Ee]uros?|USD|GBP|CHF|SFr\.?|Fr\.|PLN|zł|SEK|NOK"
             r"|DKK|CAD|AUD|INR|JPY)(?![a-zA-Z]))")
_NUMBER = r"\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_MULTIPLIER = (r"(?:T\s?€|TEUR|T\s?EUR|[kK]\s?€|[kK]EUR|Tsd\.?|Tausend|thousand|Mio\.?|Millionen"
               r"|million|Mrd\.?|Milliarden|billion|bn|[kK])(?![a-zA-Zäöü])")

_DIGIT_RE = re.compile(r"\d")
# The first lookahead skips, cheaply, positions that start neither a figure nor a currency.
_AMOUNT_RE = re.compile(
    rf"(?<![\w.,'’/])(?=[\d€$£₹¥UCAEeGSFPNDIJz])(?:(?P<cur_before>{_CURRENCY})\s?)?"
    rf"(?P<number>{_NUMBER})(?:[.,][-–]{{1,2}}(?!\d))?(?![\d%])"
    # ("25EUR per hour": a currency code may stand right after the figure)
    rf"(?:\s?(?P<mult>{_MULTIPLIER}))?(?!(?!{_CURRENCY})[a-zA-Zäöü])(?:\s?(?P<cur_after>{_CURRENCY}))?")
# Between the ends of a range; a unit may repeat at the first end ("$120,000/yr - $145,000/yr").
_RANGE_GAP_RE = re.compile(r"(?:\s*/\s*[a-zA-Z.]{1,6})?\s*(?:-|–|—|‒|to|up\s+to|bis|bis\s+zu|bis\s+max(?:imal|\.)?|und|and|until)?\s*",
                           re.I)
# Count nouns right after a bare figure: "30 days", "86,000 employees", "13 Monatsgehälter".
_QUANTITY_AFTER_RE = re.compile(
    r"\s*(?:%|prozent|percent|[a-zA-ZäöüÄÖÜ]*(?:tage?n?|days?|stunden|hours?|wochen|weeks?"
    r"|monate?n?|months?|jahre?n?|years?|mitarbeite\w*|employees|beschäftigte\w*|stores|filialen"
    r"|kunden|customers|länder|countries|gehälter|salaries|standorte?n?|locations|people"
    r"|menschen)\b)",
    re.I)

PERIOD_PATTERNS = {
    "hour": r"pro\s+stunde|je\s+stunde|per\s+hour|an\s+hour|/\s*(?:std|h|hr|hour|stunde)\b"
            r"|stunden(?:lohn|satz|vergütung)|hourly|stündlich|(?<!\w)p\.?\s?h\.?(?!\w)",
    "day": r"pro\s+tag|per\s+day|a\s+day|/\s*(?:tag|day)\b|tagessatz|day\s+rate|daily|täglich",
    "week": r"pro\s+woche|per\s+week|a\s+week|/\s*(?:woche|week|wk)\b|weekly|wöchentlich",
    "month": r"pro\s+monat|per\s+month|a\s+month|im\s+monat|/\s*(?:monat|mon|month|mo|mtl)\b"
             r"|monatlich|monthly|(?<!\w)mtl\.?(?!\w)|(?<!\w)p\.\s?m\."
             r"|monats(?:gehalt|brutto|lohn|vergütung|entgelt)",
    "year": r"pro\s+jahr|per\s+year|a\s+year|im\s+jahr|/\s*(?:jahr|year|yr|a|annum)\b|per\s+annum"
            r"|(?<!\w)p\.?\s?a\.?(?!\w)|jährlich|yearly|annual(?:ly)?"
            r"|jahres(?:gehalt|brutto|ziel|verdienst|einkommen|vergütung|entgelt|lohn)",
}
_PERIOD_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in
                                 PERIOD_PATTERNS.items()), re.I)
PERIOD_WINDOW_AFTER = 40
PERIOD_WINDOW_BEFORE = 60


@dataclass(frozen=True)
class _Amount:
    low: float
    high: float
    currency: str | None
    start: int
    end: int
    has_unit: bool  # a currency or multiplier ("k", "T€") was written next to a figure


def _number_value(raw: str) -> float:
    digits = re.sub(r"[\s'’\u00a0\u202f]", "", raw)
    if re.fullmatch(r"\d+[.,]\d{1,2}", digits):
        return float(digits.replace(",", "."))
    decimals = re.search(r"[.,](\d{1,2})$", digits)
    if decimals and re.search(r"[.,]\d{3}[.,]\d{1,2}$", digits):
        return float(re.sub(r"[.,]", "", digits[: decimals.start()]) + "." + decimals[1])
    return float(re.sub(r"[.,]", "", digits))


def _multiplier(raw: str | None) -> float:
    if not raw:
        return 1.0
    lowered = raw.lower()
    if lowered.startswith(("mio", "million")):
        return 1e6
    if lowered.startswith(("mrd", "milliarden", "billion", "bn")):
        return 1e9
    return 1e3


def _currency(*raws: str | None) -> str | None:
    for raw in raws:
        if raw:
            if "€" in raw or "EUR" in raw.upper():
                return "EUR"
            return CURRENCIES.get(raw.lower().rstrip("."))
    return None


def _atoms(text: str) -> list[tuple[re.Match[str], float, str | None, bool]]:
    """Each figure in ``text``: its match, value, currency and whether a unit was written."""
    atoms = []
    for match in _AMOUNT_RE.finditer(text):
        currency = _currency(match["cur_before"], match["cur_after"], match["mult"])
        has_unit = bool(currency or match["mult"])
        if not currency and _QUANTITY_AFTER_RE.match(text, match.end()):
            continue
        value = _number_value(match["number"]) * _multiplier(match["mult"])
        atoms.append((match, value, currency, has_unit))
    return atoms


def _amounts(text: str) -> list[_Amount]:
    """The salary-like amounts in ``text``, with the two ends of a range joined."""
    atoms = _atoms(text)
    found: list[_Amount] = []
    index = 0
    while index < len(atoms):
        first, low, currency, has_unit = atoms[index]
        high, end = low, first.end()
        if index + 1 < len(atoms):
            second, second_value, second_currency, second_unit = atoms[index + 1]
            gap = text[first.end():second.start()]
            # "Level 3 - $130,000 - $160,000": a bare small number before a figure with its currency is a
            # grade or step, not the low end of a range
            grade_before = (not currency and second_currency and not second["mult"] and not first["mult"]
                            and low * 20 < second_value)
            if _RANGE_GAP_RE.fullmatch(gap) and not grade_before:
                # "€45k–55k", "55 - 65 T€": a multiplier written once applies to both ends.
                if second["mult"] and not first["mult"] and low < 1000:
                    low *= _multiplier(second["mult"])
                high, end = second_value, second.end()
                currency = currency or second_currency
                has_unit = has_unit or second_unit
                index += 1
        if low > high:
            low, high = high, low
        found.append(_Amount(low, high, currency, first.start(), end, has_unit))
        index += 1
    return found


def _is_plausible(amount: _Amount) -> bool:
    """False for 0 and for figures above 10 million."""
    return 0 < amount.low and amount.high <= MAX_SALARY


def _period_near(text: str, start: int, end: int) -> str | None:
    """The pay period stated just after ``text[start:end]``, else the nearest one before it.

    A period after a further figure belongs to that figure: in "Monatsgehalt 3.900 € bei 37,5
    Stunden pro Woche" the week is the hours', the month the pay's."""
    next_figure = _DIGIT_RE.search(text, end, end + PERIOD_WINDOW_AFTER)
    after = _PERIOD_RE.search(text, end, next_figure.start() if next_figure else end + PERIOD_WINDOW_AFTER)
    if after:
        return after.lastgroup
    before = list(_PERIOD_RE.finditer(text, max(0, start - PERIOD_WINDOW_BEFORE), start))
    return before[-1].lastgroup if before else None


def _salary_from_amount(text: str, amount: _Amount, raw: str) -> Salary:
    """A Salary for ``amount`` found in ``text``, with the period stated around it."""
    return Salary(amount.low, amount.high, amount.currency,
                  _period_near(text, amount.start, amount.end), raw)


def parse_salary(text: str) -> Salary | None:
    """The salary a salary snippet states ("45.000 - 55.000 € brutto jährlich", "€45k–55k",
    "18,50 €/Std.", "bis zu 70.000 Euro Jahresgehalt"), or None.

    The first amount written with a currency or multiplier wins, else the first figure. Widgets
    without figures ("Show salary", "Min € Max €") and implausible figures give None.
    """
    if not text or not _DIGIT_RE.search(text):
        return None
    found = _amounts(text)
    chosen = next((amount for amount in found if amount.has_unit), found[0] if found else None)
    if chosen is None or not _is_plausible(chosen):
        return None
    salary = _salary_from_amount(text, chosen, text.strip())
    # A bare small number is a pay grade ("EG 11 TVöD", "Band 5"), not pay.
    if not chosen.has_unit and chosen.high < LEAST_FIGURE[salary.period]:
        return None
    return salary


# A line that starts with a pay label.
_LABEL_LINE_RE = re.compile(
    r"^[ \t]*(?:[-•*][ \t]*)?(?:(?:base\s+|annual\s+|target\s+)?(?:salary|compensation|pay)"
    r"(?:\s+range)?|remuneration|wages?|(?:brutto)?(?:jahres|monats|einstiegs|ziel|fest)?gehalt"
    r"(?:sspanne|srahmen|sband)?|vergütung|verdienst|bezahlung|entgelt|(?:stunden)?lohn"
    r"|stundensatz|tagessatz|rate|day\s+rate)\b[ \t]*(?:\([^)\n]*\))?[ \t]*[:\-–]?[ \t]*"
    r"(?P<value>.*)$", re.I)
_SALARY_CONTEXT_RE = re.compile(
    r"gehalt|gehälter|lohn|vergütung|verdienst|verdienen|bezahlung|entgelt|einkommen|brutto|salary"
    r"|salaries|compensation|\bpay\b|\bpaid\b|\bearn|wage|remuneration|\bOTE\b|income"
    r"|stundensatz|tagessatz|day\s+rate|\bDOE\b|depending\s+on\s+experience|je\s+nach\s+(?:erfahrung|qualifikation)", re.I)
# Amounts that are perks or company figures, not pay: "€ 50 Zuschuss", "€1,000 learning budget".
_NOT_SALARY_RE = re.compile(
    r"zuschuss|zuschüsse|allowance|budget|voucher|gutschein|bonus|prämie|stipend|subsid|reimburs"
    r"|erstattung|ticket|jobrad|sachbezug|relocation|referral|empfehlung|umzug|urlaubsgeld"
    r"|weihnachtsgeld|umsatz|revenue|turnover|funding|finanzierung|investment|investition"
    r"|kapital|capital|series\s+[a-e]\b|raised|spende|donation|rabatt|discount|pension|rente"
    r"|altersvorsorge|essens|lunch|meal|fahrtkosten|kita|childcare|guthaben|credit|differential"
    r"|deal|auftrag|volume|volumen|under\s+management|assets"
    # what the money is spent on: "$1,000/month for gym membership and food"
    # (not "gym", "fitness" or "food" alone: "€3,500 per month for this fitness trainer role" is pay)
    r"|membership|mitgliedschaft|tuition|conference", re.I)
_CLAUSE_BREAK_RE = re.compile(r"[,;:()+]|\b(?:und|and|sowie|plus|zzgl|inkl|incl|including)\b",
                              re.I)
# A sentence ends at a line break or at . ! ? before a capital, but not after an abbreviation
# ("ca.", "inkl.", "z. B.", "e.g.") or a figure.
_SENTENCE_END_RE = re.compile(
    r"(?<!\bca)(?<!\binkl)(?<!\bzzgl)(?<!\bbzw)(?<!\bggf)(?<!\bmtl)(?<!\bmax)(?<!\bmin)"
    r"(?<!\bapprox)(?<!\bNr)(?<!\b\w)(?<!\d)[.!?](?=\s+[A-ZÄÖÜ]|\s*$)|\n")
# The applicant's own figure asked for ("Bitte nennen Sie Ihre Gehaltsvorstellung", "your salary
# expectations"), not the employer's ("Unsere Gehaltsvorstellung ist zwischen 70k - 100k EUR").
_APPLICANT_ASKED_RE = re.compile(r"expectation|vorstellung|wunsch", re.I)
_EMPLOYERS_OWN_FIGURE_RE = re.compile(r"\b(?:our|unsere?)\s+(?:\w+\s+)?[\w-]*?(?:expectations?|vorstellung(?:en)?|wunsch)\b", re.I)
NEIGHBOURHOOD = 40
# Least plausible figure per stated period when a salary is found in running text; a figure of a
# million or more there is company money ("5 Mio. Euro Auftragswert"), not pay.
LEAST_FIGURE = {"hour": 5, "day": 50, "week": 150, "month": 150, "year": 5000, None: 1000}
MAX_PAY_IN_TEXT = 1_000_000
LEAST_RANGE_WITHOUT_CONTEXT = 10_000


# Currencies in which no month's pay reaches YEARLY_BY_SIZE: in them a figure that large with no
# period stated is a year's pay ("$130,000 - $160,000", "£38,000 - £41,800"). Currencies whose
# monthly pay runs to tens of thousands (INR, JPY, HKD …) are left alone.
_YEARLY_BY_SIZE_CURRENCIES = frozenset({"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "SGD"})
YEARLY_BY_SIZE = 20_000


def period_by_size(low: float | None, high: float | None, currency: str | None) -> str | None:
    """``"year"`` for pay stated without a period whose least figure only a year's pay reaches."""
    figures = [figure for figure in (low, high) if figure is not None]
    if currency in _YEARLY_BY_SIZE_CURRENCIES and figures and min(figures) >= YEARLY_BY_SIZE:
        return "year"
    return None


def _asks_the_applicant(text: str) -> bool:
    return bool(_APPLICANT_ASKED_RE.search(text)) and not _EMPLOYERS_OWN_FIGURE_RE.search(text)


def _is_perk_or_company_figure(text: str, amount: _Amount) -> bool:
    before = text[max(0, amount.start - NEIGHBOURHOOD):amount.start]
    after = text[amount.end:amount.end + NEIGHBOURHOOD]
    clause_breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    before = before[clause_breaks[-1].end():] if clause_breaks else before
    if next_break := _CLAUSE_BREAK_RE.search(after):
        after = after[:next_break.start()]
    return bool(_NOT_SALARY_RE.search(before) or _NOT_SALARY_RE.search(after))


def _looks_like_a_year(amount: _Amount) -> bool:
    return (not amount.has_unit and amount.low == amount.high and amount.low.is_integer()
            and 1990 <= amount.low <= 2100)


# "906,05€ bei 15h/Woche", "1.200 € for 20 hours a week": pay for a stated working time. The week
# is the hours', not the pay's, so no period is set; but the figure is pay (part-time pay is small).
_WORKING_HOURS_AFTER = re.compile(
    r"\s*(?:brutto\s+|gross\s+)?(?:bei|für|for|at|mit)\s+(?:einer?\s+|an?\s+)?\d{1,2}(?:[.,]\d{1,2})?\s*"
    r"(?:h\b|std\b\.?|stunden|wochenstunden|hours?\b|hrs?\b)", re.I)


def _pay_for_working_hours(text: str, amount: _Amount) -> bool:
    return amount.currency is not None and _WORKING_HOURS_AFTER.match(text, amount.end) is not None


def _plausible_pay(text: str, amount: _Amount) -> Salary | None:
    if not _is_plausible(amount) or amount.high >= MAX_PAY_IN_TEXT:
        return None
    salary = _salary_from_amount(text, amount, "")
    least = LEAST_FIGURE[salary.period]
    if salary.period is None and _pay_for_working_hours(text, amount):
        least = LEAST_FIGURE["week"]
    return salary if amount.high >= least else None


# A figure's sentence is read at most this far on either side: pay words stand close to the
# figure, and a bounded window keeps the scan linear in the ad's length (a line of thousands of
# figures without a sentence end would otherwise be re-read once per figure).
SENTENCE_REACH = 200


def _sentence_ends(line: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of every sentence boundary in ``line``, found in one pass."""
    starts, ends = [], []
    for boundary in _SENTENCE_END_RE.finditer(line):
        starts.append(boundary.start())
        ends.append(boundary.end())
    return starts, ends


def _sentence_around(line: str, boundaries: tuple[list[int], list[int]], start: int, end: int) -> str:
    """The sentence of ``line`` that holds ``line[start:end]``, at most ``SENTENCE_REACH``
    characters either side of it (cut at a word boundary)."""
    starts, ends = boundaries
    before = bisect_right(ends, start)
    sentence_start = ends[before - 1] if before else 0
    after = bisect_left(starts, end)
    sentence_end = ends[after] if after < len(starts) else len(line)
    if start - sentence_start > SENTENCE_REACH:
        cut = line.find(" ", start - SENTENCE_REACH, start)
        sentence_start = cut + 1 if cut != -1 else start - SENTENCE_REACH
    if sentence_end - end > SENTENCE_REACH:
        cut = line.rfind(" ", end, end + SENTENCE_REACH)
        sentence_end = cut if cut != -1 else end + SENTENCE_REACH
    return line[sentence_start:sentence_end].strip()


# Literal alternatives only: the regex engine then skips ahead by first character, which makes
# this scan several times faster than scanning for every figure.
_CURRENCY_MARKER_RE = re.compile(
    r"€|\$|£|₹|¥|EUR|Euro|euro|USD|GBP|CHF|SFr|Fr\.|PLN|zł|SEK|NOK|DKK|CAD|AUD|INR|JPY")


def _lines_with_currency(text: str) -> list[str]:
    """The lines of ``text`` that name a currency, in order."""
    lines = []
    line_end = -1
    for marker in _CURRENCY_MARKER_RE.finditer(text):
        if marker.start() <= line_end:
            continue
        line_start = text.rfind("\n", 0, marker.start()) + 1
        line_end = text.find("\n", marker.end())
        line_end = len(text) if line_end == -1 else line_end
        lines.append(text[line_start:line_end])
    return lines


# A pay widget's label that names the area or grade first, its figure on the next line: "SF Bay Area
# Hourly Rate" / "$54—$60 USD", "Zone A Base Pay Range" / "$120,000—$150,000 USD".
_LABEL_AT_LINE_END_RE = re.compile(
    r"^[ \t]*[^\n\d€$£]{0,50}?\b(?:hourly\s+rate|(?:base\s+)?pay\s+range|salary\s+range|base\s+salary"
    r"|gehaltsspanne|gehaltsrahmen|stundensatz)[ \t]*:?[ \t]*$", re.I)


def _from_labelled_lines(text: str) -> Salary | None:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _LABEL_LINE_RE.match(line)
        label_only = match is None and _LABEL_AT_LINE_END_RE.match(line) is not None
        if not (match or label_only) or _asks_the_applicant(line):
            continue
        # A widget puts the label on one line and the figure on the next.
        if (label_only or not match["value"].strip()) and index + 1 < len(lines):
            line = f"{line.strip()} {lines[index + 1].strip()}"
        found = _amounts(line)
        for amount in sorted(found, key=lambda amount: not amount.has_unit):
            if _looks_like_a_year(amount):
                continue
            if salary := _plausible_pay(line, amount):
                return Salary(salary.min, salary.max, salary.currency, salary.period,
                              line.strip())
    return None


# (a widget's short label may stand before it: "Range: $18.50 to $25.75")
_RATE_RANGE_LINE = re.compile(r"(?:[A-Za-z][A-Za-z ]{0,20}:\s*)?[$£€]\s?\d{1,3}[.,]\d{2}\s*(?:[-–—]|to|bis)\s*[$£€]?\s?\d{1,3}[.,]\d{2}"
                              r"(?:\s*(?:[A-Z]{3}))?")


def find_salary(text: str) -> Salary | None:
    """The salary an ad's whole text states, or None.

    Looks first for a labelled line ("Salary: 65,000 - 75,000 EUR", "Gehalt: 55 - 65 T€", or a
    "Salary" line followed by its figure), then for a figure with a currency in a sentence that
    speaks of pay ("Das Jahresgehalt liegt zwischen 55.000 und 65.000 Euro").
    Perks and company figures ("50 € Zuschuss zum Deutschlandticket", "€1,000 learning budget",
    "€2 billion turnover", "86,000 employees") and figures too small for the stated period are
    skipped. ``raw`` is the labelled line or the sentence.
    """
    if not text or not _DIGIT_RE.search(text):
        return None
    salary = _from_labelled_lines(text) or _from_sentences(text)
    if salary is None:
        return _from_pay_word_lines(text)
    return _with_written_fraction(salary, text)


_PAY_WORDS = r"(?:gehalt|lohn|vergütung|bezahlung|salary|wage|pay\s+rate)"
_PAY_WORD_LINE = re.compile(rf"^.*{_PAY_WORDS}.*\d.*$", re.IGNORECASE | re.MULTILINE)


def _from_pay_word_lines(text: str) -> Salary | None:
    """A figure right after a pay word, with its period, on a line without any currency."""
    for line in _PAY_WORD_LINE.finditer(text):
        for amount in _amounts(line.group()):
            if amount.currency is None and (salary := _pay_named_without_currency(line.group(), amount)):
                return salary
    return None


def _with_written_fraction(salary: Salary, text: str) -> Salary:
    """A whole figure a board computed ("$36 - $36 an hour") given the fraction the ad writes for it
    elsewhere ("$36.33 per hour plus superannuation")."""
    if salary.min is None or salary.min != salary.max or not float(salary.min).is_integer():
        return salary
    for line in _lines_with_currency(text):
        for amount in _amounts(line):
            if (amount.currency == salary.currency and amount.low == amount.high and not float(amount.low).is_integer()
                    and 0 < amount.low - salary.min < 1):
                return Salary(amount.low, amount.low, salary.currency, salary.period, line.strip())
    return salary


# A pay word just before a figure ("Startgehalt voraussichtlich 16,50/Std", "Stundenlohn 14 € …"): with the
# figure's own period, pay even where no currency is written.
_PAY_WORD_JUST_BEFORE = re.compile(rf"{_PAY_WORDS}\w*[ \t]+(?:[\w.]+[ \t]+){{0,2}}$", re.IGNORECASE)
_PAY_WORD_REACH = 40


def _pay_named_without_currency(line: str, amount: _Amount) -> Salary | None:
    if not _PAY_WORD_JUST_BEFORE.search(line[max(0, amount.start - _PAY_WORD_REACH):amount.start]):
        return None
    salary = _salary_from_amount(line, amount, "")
    if salary.period is None or amount.high < LEAST_FIGURE[salary.period] or amount.high >= MAX_PAY_IN_TEXT:
        return None
    return Salary(salary.min, salary.max, None, salary.period, line.strip(" -*•"))


def _rate_in_same_sentence(line: str, sentence: str, later: list[_Amount]) -> Salary | None:
    """A later figure of the sentence that states its period, for a first figure without one: "paid
    $1,800, for a rate of $30 per hour for 60 hours total" is $30 an hour."""
    sentence_end = line.find(sentence) + len(sentence) if sentence in line else len(line)
    for amount in later:
        if amount.start >= sentence_end or not amount.currency:
            break
        rate = _plausible_pay(line, amount)
        if rate is not None and rate.period is not None:
            return rate
    return None


def _from_sentences(text: str) -> Salary | None:
    """The first figure with a currency in a sentence that speaks of pay (see :func:`find_salary`)."""
    for line in _lines_with_currency(text):
        boundaries = _sentence_ends(line)
        amounts = _amounts(line)
        for index, amount in enumerate(amounts):
            if not amount.currency:
                continue
            sentence = _sentence_around(line, boundaries, amount.start, amount.end)
            if _asks_the_applicant(sentence) or _is_perk_or_company_figure(line, amount):
                continue
            salary = _plausible_pay(line, amount)
            # Pay words make a figure a salary; so does a stated period ("£70,000 per annum") or
            # a range of annual-sized figures ("€55k-€65k + bonus").
            if salary and (salary.period or _SALARY_CONTEXT_RE.search(sentence) or _pay_for_working_hours(line, amount) or (
                    amount.low != amount.high and amount.low >= LEAST_RANGE_WITHOUT_CONTEXT)):
                if salary.period is None and (rate := _rate_in_same_sentence(line, sentence, amounts[index + 1:])):
                    return Salary(rate.min, rate.max, rate.currency, rate.period, sentence)
                return Salary(salary.min, salary.max, salary.currency, salary.period, sentence)
            if _RATE_RANGE_LINE.fullmatch(line.strip()) and LEAST_FIGURE["hour"] <= amount.low < amount.high:
                # "$17.69 - $27.74" on a line of its own: a pay widget's range of rates to the cent
                return Salary(amount.low, amount.high, amount.currency, None, line.strip())
    return None
