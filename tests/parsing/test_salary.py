from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.parsing.posting import parse_document
from crawler.parsing.salary import Salary, find_salary, parse_salary, period_by_size

SEEDS = Path(__file__).resolve().parents[1] / "files" / "seeds"


@pytest.mark.parametrize(("text", "expected"), [
    # (min, max, currency, period)
    ("45.000 - 55.000 € brutto jährlich", (45000, 55000, "EUR", "year")),
    ("€45k–55k", (45000, 55000, "EUR", None)),
    ("45k-55k EUR", (45000, 55000, "EUR", None)),
    ("$120,000 - $150,000 per year", (120000, 150000, "USD", "year")),
    ("£35,000 pa", (35000, 35000, "GBP", "year")),
    ("£35,000 per annum", (35000, 35000, "GBP", "year")),
    ("CHF 110'000", (110000, 110000, "CHF", None)),
    # One figure sets both ends, also behind "ab" / "bis zu" / "from" / "up to".
    ("ab 4.200 € brutto monatlich", (4200, 4200, "EUR", "month")),
    ("bis zu 70.000 Euro Jahresgehalt", (70000, 70000, "EUR", "year")),
    ("18,50 €/Std.", (18.5, 18.5, "EUR", "hour")),
    ("20 EUR pro Stunde", (20, 20, "EUR", "hour")),
    # a currency code written onto the figure (dev17 en_1714, RustFest)
    ("25EUR per hour (negotiable)", (25, 25, "EUR", "hour")),
    ("3200EUR brutto im Monat", (3200, 3200, "EUR", "month")),
    ("10USD/hour", (10, 10, "USD", "hour")),
    ("3.500 EUR / Monat", (3500, 3500, "EUR", "month")),
    ("60.000 € p.a.", (60000, 60000, "EUR", "year")),
    ("Salary: 65,000 - 75,000 EUR", (65000, 75000, "EUR", None)),
    ("Gehalt: 55 - 65 T€", (55000, 65000, "EUR", None)),
    ("ca. 50.000€", (50000, 50000, "EUR", None)),
    ("45,000.50 USD", (45000.5, 45000.5, "USD", None)),
    ("45.000,50 €", (45000.5, 45000.5, "EUR", None)),
    ("$50-60/hr", (50, 60, "USD", "hour")),
    ("$25 an hour", (25, 25, "USD", "hour")),
    ("2.500 - 3.000 € brutto/Monat", (2500, 3000, "EUR", "month")),
    ("from £40k", (40000, 40000, "GBP", None)),
    ("up to $90k a year", (90000, 90000, "USD", "year")),
    ("EUR 45.000 bis 55.000", (45000, 55000, "EUR", None)),
    ("zwischen 55.000 und 65.000 Euro", (55000, 65000, "EUR", None)),
    # a range whose upper end is said as a ceiling (dev11 en_1102, neueda)
    ("from 800 up to 1500 EUR (net)", (800, 1500, "EUR", None)),
    ("von 3.000 bis zu 4.000 EUR brutto im Monat", (3000, 4000, "EUR", "month")),
    ("zwischen 3.000 € bis max. 3.600 € monatlich", (3000, 3600, "EUR", "month")),
    ("€50,000 - €60,000 + bonus", (50000, 60000, "EUR", None)),
    ("€ 4.5k per month", (4500, 4500, "EUR", "month")),
    ("400 € pro Tag", (400, 400, "EUR", "day")),
    ("Tagessatz: 650 €", (650, 650, "EUR", "day")),
    ("1.200 € pro Woche", (1200, 1200, "EUR", "week")),
    ("45 000 € brutto", (45000, 45000, "EUR", None)),
    ("60-70 TEUR", (60000, 70000, "EUR", None)),
    ("65 k€ jährlich", (65000, 65000, "EUR", "year")),
    ("USD 95,000 annually", (95000, 95000, "USD", "year")),
    ("mindestens 3.000 € monatlich", (3000, 3000, "EUR", "month")),
    ("$120,000/yr - $145,000/yr", (120000, 145000, "USD", "year")),
    ("16,50 €/Std. - 18 €/Std.", (16.5, 18, "EUR", "hour")),
    ("Salary range: 45,000-55,000", (45000, 55000, None, None)),
    ("45.000 - 55.000", (45000, 55000, None, None)),
    ("55.000 – 65.000 EUR", (55000, 65000, "EUR", None)),
    ("Monatsgehalt: 4.000 €", (4000, 4000, "EUR", "month")),
    ("Stundenlohn 14,50 Euro", (14.5, 14.5, "EUR", "hour")),
    ("3,800 € mtl.", (3800, 3800, "EUR", "month")),
    ("3.000,- € brutto", (3000, 3000, "EUR", None)),
    ("CHF 100'000.– bis 120'000.–", (100000, 120000, "CHF", None)),
    ("Pay Range: $53.00 - $63.00 / hour", (53, 63, "USD", "hour")),
    ("USD $150,000 - $180,000", (150000, 180000, "USD", None)),
    ("45,000 euros a year", (45000, 45000, "EUR", "year")),
    ("Gehalt: 4.500 € - 5.500 € brutto/Monat", (4500, 5500, "EUR", "month")),
    ("Bruttojahresgehalt von 60.000 €", (60000, 60000, "EUR", "year")),
    ("Up to £50,000 DOE", (50000, 50000, "GBP", None)),
])
def test_parse_salary(text, expected):
    salary = parse_salary(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == expected
    assert salary.raw == text.strip()


@pytest.mark.parametrize("text", [
    "Show salary",
    "Gehalt anzeigen",
    "Min € Max €",
    "Curious about the salary for this job?",
    "€",
    "Competitive salary",
    "Vergütung nach TVöD E13",
    "nach Vereinbarung",
    "€ 0",
    "0 - 0 EUR",
    "€2 billion",
    "20 Mio. €",
    "30 days of vacation",
    "86,000 employees",
    "5GB RAM",
    "25EURO",
    "",
])
def test_parse_salary_without_a_salary(text):
    assert parse_salary(text) is None


def test_salary_is_frozen():
    salary = parse_salary("50.000 €")
    with pytest.raises(AttributeError):
        salary.min = 1  # type: ignore[misc]


@pytest.mark.parametrize(("text", "expected"), [
    ("Data Engineer\nSalary: 65,000 - 75,000 EUR\nBerlin",
     (65000, 75000, "EUR", None, "Salary: 65,000 - 75,000 EUR")),
    ("Gehalt: 55 - 65 T€", (55000, 65000, "EUR", None, "Gehalt: 55 - 65 T€")),
    ("Vergütung: ab 4.200 € brutto monatlich",
     (4200, 4200, "EUR", "month", "Vergütung: ab 4.200 € brutto monatlich")),
    ("- Jahresgehalt 60.000 € zzgl. Bonus bis zu 10.000 €",
     (60000, 60000, "EUR", "year", "- Jahresgehalt 60.000 € zzgl. Bonus bis zu 10.000 €")),
    ("Salary\n€ 45,000 - 55,000 per year\n",
     (45000, 55000, "EUR", "year", "Salary € 45,000 - 55,000 per year")),
    ("Gehalt: nach Vereinbarung\nWir zahlen 4.000 € brutto monatlich.",
     (4000, 4000, "EUR", "month", "Wir zahlen 4.000 € brutto monatlich.")),
    ("Über uns. Das Jahresgehalt liegt zwischen 55.000 und 65.000 Euro. Bewirb dich!",
     (55000, 65000, "EUR", "year", "Das Jahresgehalt liegt zwischen 55.000 und 65.000 Euro.")),
    ("We offer a salary of up to €80k plus a €1,000 learning budget.",
     (80000, 80000, "EUR", None,
      "We offer a salary of up to €80k plus a €1,000 learning budget.")),
    ("Senior Java Developer\nManchester\n£70,000 - £80,000 per annum + 10% bonus\n",
     (70000, 80000, "GBP", "year", "£70,000 - £80,000 per annum + 10% bonus")),
    ("Wir bieten 50 € Zuschuss zum Deutschlandticket und ein Gehalt von 52.000 € im Jahr.",
     (52000, 52000, "EUR", "year",
      "Wir bieten 50 € Zuschuss zum Deutschlandticket und ein Gehalt von 52.000 € im Jahr.")),
    ("Die Vergütung erfolgt nach TV-L E13 (ca. 4.800 € brutto monatlich).",
     (4800, 4800, "EUR", "month",
      "Die Vergütung erfolgt nach TV-L E13 (ca. 4.800 € brutto monatlich).")),
    ("The base pay for this role is $140,000 - $170,000 annually.",
     (140000, 170000, "USD", "year",
      "The base pay for this role is $140,000 - $170,000 annually.")),
    ("Vergütung: TVöD EG 11 (ca. 4.100 - 5.900 € brutto/Monat)",
     (4100, 5900, "EUR", "month", "Vergütung: TVöD EG 11 (ca. 4.100 - 5.900 € brutto/Monat)")),
    ("Gehalt 2026: 50.000 €", (50000, 50000, "EUR", None, "Gehalt 2026: 50.000 €")),
    ("Salary band: €60k-€75k", (60000, 75000, "EUR", None, "Salary band: €60k-€75k")),
    ("Wir bieten ein Bruttojahresgehalt von 60.000 € und 30 Tage Urlaub.",
     (60000, 60000, "EUR", "year",
      "Wir bieten ein Bruttojahresgehalt von 60.000 € und 30 Tage Urlaub.")),
    ("The salary range is $136,000-$169,000 + bonus + equity.",
     (136000, 169000, "USD", None, "The salary range is $136,000-$169,000 + bonus + equity.")),
    ("Stundenlohn: 14,50 €", (14.5, 14.5, "EUR", "hour", "Stundenlohn: 14,50 €")),
    ("Pay: $25 per hour", (25, 25, "USD", "hour", "Pay: $25 per hour")),
    ("You will earn £38k-£45k depending on experience.",
     (38000, 45000, "GBP", None, "You will earn £38k-£45k depending on experience.")),
    # dev13 de_1304 (Green Coding): the employer's own figure, not the applicant's asked for
    ("Unsere Gehaltsvorstellung ist zwischen 70k - 100k EUR für eine Vollzeit-Stelle.",
     (70000, 100000, "EUR", None, "Unsere Gehaltsvorstellung ist zwischen 70k - 100k EUR für eine Vollzeit-Stelle.")),
    ("Our salary expectation is 60k-70k EUR per year.",
     (60000, 70000, "EUR", "year", "Our salary expectation is 60k-70k EUR per year.")),
    # a pay widget whose label names the area first, the figure on the next line (dev14 en_1419)
    ("SF Bay Area Hourly Rate\n$54—$60 USD\nAbout us", (54, 60, "USD", "hour", "SF Bay Area Hourly Rate $54—$60 USD")),
    ("Zone A Base Pay Range\n$120,000—$150,000 USD",
     (120000, 150000, "USD", None, "Zone A Base Pay Range $120,000—$150,000 USD")),
    # small monthly pay: a tutor's contract, a voluntary social year's allowance (dev20 de_2001, de_2014)
    ("- Gehalt: 270,88 Euro / Monat (135,44 Euro pro SWS im Monat)",
     (270.88, 270.88, "EUR", "month", "- Gehalt: 270,88 Euro / Monat (135,44 Euro pro SWS im Monat)")),
    ("*   Du bekommst 300 € im Monat.", (300, 300, "EUR", "month", "*   Du bekommst 300 € im Monat.")),
    # a pay widget's range of rates to the cent on a line of its own (dev20 en_2011, a LinkedIn paste)
    ("The company offers a range of benefits.\n\n$17.69 - $27.74\n\nMcKesson is an equal opportunity employer.",
     (17.69, 27.74, "USD", None, "$17.69 - $27.74")),
])
def test_find_salary(text, expected):
    salary = find_salary(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period, salary.raw) == expected


@pytest.mark.parametrize("text", [
    "Across Europe in 9 countries with more than 5,600 stores and more than 86,000 employees.",
    "30 days of vacation and a competitive salary.",
    "Wir zahlen einen Zuschuss von 50 € im Monat zum Deutschlandticket.",  # a perk, and under a month's least pay
    "Our shop sells items at $17.69 - $27.74 each.",  # a range of prices in a sentence about no pay
    "Wir bieten 50 € Zuschuss zum Deutschlandticket und ein attraktives Gehalt.",
    "€ 50 Zuschuss zum Deutschlandticket",
    "A €1,000 learning budget per year on top of your salary.",
    "Relocation allowance of €5,000 and a competitive salary.",
    "A signing bonus of $10,000 alongside a great salary package.",
    "We made €2 billion turnover last year and pay fair salaries.",
    "Founded in 2005, we made €30 million revenue. Salary competitive.",
    "Please state your salary expectations.",
    "Gehaltsvorstellung: 50.000 €",
    "Bitte nenne uns deine Gehaltsvorstellung (z. B. 55.000 € brutto).",
    "Please send your salary expectations (e.g. 60k-70k EUR) with your CV.",
    "Pay Range Transparency\n\nWe are committed to fair pay for 2,000 people.",
    "We are 2k employees and pay good salaries.",
    "Vergütung nach TVöD E13, 30 Tage Urlaub",
    "Salary\nCurious about the salary for this job?\nShow salary\n€\nMin €\nMax €",
    "Price: €49.99 per month for the premium plan.",
    "Our client raised €20M in its Series B.",
    "Jobrad, 50 € monatlicher Sachbezug und ein faires Gehalt",
    "Gehalt: nach Vereinbarung",
    "Vergütung: Tarifvertrag TV-L E13, 30 Tage Urlaub",
    "Rate: 4.5/5 stars from our employees",
    "",
])
def test_find_salary_without_a_salary(text):
    assert find_salary(text) is None


def test_seed_001_has_only_an_empty_salary_widget():
    text = (SEEDS / "001_004fedc382bfa4ea.txt").read_text(encoding="utf-8")
    assert find_salary(text) is None


def test_seed_000_states_no_salary_figure():
    text = (SEEDS / "000_b66804fa50d40c3b.txt").read_text(encoding="utf-8")
    assert find_salary(text) is None


def test_parse_salary_returns_a_salary_instance():
    assert parse_salary("50.000 €") == Salary(50000, 50000, "EUR", None, "50.000 €")


SALARY_ALPHABET = st.sampled_from(list("0123456789 .,'-–/€$£kKT") + [
    "EUR", "Euro", "CHF", "bis ", "ab ", "bis zu ", "pro Monat", "p.a.", "/Std.", "Gehalt: ",
    "Salary: ", "employees", "Zuschuss", "\n", "Mio.", "brutto"])


@settings(max_examples=300, deadline=None)
@given(st.lists(SALARY_ALPHABET, max_size=25).map("".join))
def test_any_salary_found_is_plausible(text):
    for salary in (parse_salary(text), find_salary(text)):
        if salary is None:
            continue
        assert 0 < salary.min <= salary.max <= 10_000_000
        assert salary.currency in (None, "EUR", "USD", "GBP", "CHF")
        assert salary.period in (None, "hour", "day", "week", "month", "year")


@pytest.mark.parametrize(("text", "expected"), [
    # A period after a further figure belongs to that figure.
    ("Monatsgehalt zwischen 3.900 € und 4.500 € brutto bei 37,5 Stunden pro Woche",
     (3900, 4500, "EUR", "month")),
    # A range of annual-sized figures needs no pay word.
    ("€55k-€65k + bonus", (55000, 65000, "EUR", None)),
    ("Up to £45k DOE", (45000, 45000, "GBP", None)),
])
def test_find_salary_more_forms(text, expected):
    salary = find_salary(text)
    assert (salary.min, salary.max, salary.currency, salary.period) == expected


@pytest.mark.parametrize("text", [
    "EG 11 TVöD",
    "Band 5",
    "Entgeltgruppe 13",
])
def test_pay_grades_are_no_salary(text):
    assert parse_salary(text) is None


def test_funding_ranges_are_no_salary():
    assert find_salary("We raised €20k-€50k in grants last year.") is None


@pytest.mark.parametrize(("low", "high", "currency", "expected"), [
    (130000, 160000, "USD", "year"),        # Costco, "Level 3 - $130,000 - $160,000"
    (38000, 41800, "GBP", "year"),          # an HGV driver, "£38,000 - £41,800"
    (20000, 20000, "EUR", "year"),
    (4000, 6000, "EUR", None),              # a German monthly range without its period
    (19999, 25000, "CHF", None),            # the least figure decides
    (450000, 600000, "INR", None),          # a month's pay in rupees can be this large
    (50000, 60000, None, None),             # no currency: the size alone proves nothing
    (None, 90000, "USD", "year"),           # "up to $90,000"
    (None, None, "USD", None),
])
def test_period_by_size(low, high, currency, expected):
    assert period_by_size(low, high, currency) == expected


@pytest.mark.parametrize(("text", "period"), [
    ("Software Engineer\n\nSalary Range: $137,000 - $246,600\n\nWe build things.", "year"),
    ("Lagerhelfer\n\nGehalt: 2.900 € – 3.400 €\n\nWir bieten viel.", None),
    ("Data Analyst\n\nPay: $40 - $48 per hour.", "hour"),
])
def test_a_posting_takes_the_year_from_the_pays_size(text, period):
    assert parse_document(text)["salary_period"] == period


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Type: Student Full time\n\nRange: $18.50 to $25.75\n\nGAME ON – OLG needs you", 18.5, 25.75),  # dev24 en_2413
    ("$17.69 - $27.74", 17.69, 27.74),
])
def test_a_widgets_rate_range_on_its_own_line(text, low, high):
    salary = find_salary(text)
    assert (salary.min, salary.max) == (low, high)


@pytest.mark.parametrize(("text", "is_pay"), [
    ("Perks: $1,000/month for gym membership and food", False),   # dev24 en_2414: what the money is spent on
    ("We cover your tuition up to €5,000 per year", False),
    ("We pay €3,500 per month for this fitness trainer role", True),
    ("$25/hour for food service workers", True),
])
def test_money_spent_on_a_perk_is_no_pay(text, is_pay):
    assert (find_salary(text) is not None) is is_pay


@pytest.mark.parametrize(("text", "figure", "raw"), [
    # dev21 en_2110: a board's computed whole figure and the ad's own with its cents
    ("Salary: $36 - $36 an hour\n\nWork with a team\n$36.33 per hour plus superannuation", 36.33,
     "$36.33 per hour plus superannuation"),
    ("Salary: $36 an hour\n\nWe also pay $37.50 for weekends", 36.0, "Salary: $36 an hour"),
])
def test_a_whole_figure_takes_the_fraction_the_ad_writes(text, figure, raw):
    salary = find_salary(text)
    assert (salary.min, salary.max, salary.raw) == (figure, figure, raw)


@pytest.mark.parametrize(("text", "expected"), [
    # dev25 de_2503: a pay word, a figure and its period, no currency written
    ("- **Startgehalt voraussichtlich 16,50/Std**", (16.5, None, "hour")),
    ("Das Gehalt beträgt 3.200 brutto im Monat", (3200.0, None, "month")),
    ("Wir zahlen 20 Tage Urlaub", None),
    ("Gehalt nach Vereinbarung, 40 Stunden/Woche", None),
    ("Gehaltsband 4 von 12 Stufen pro Jahr", None),
])
def test_pay_named_without_a_currency(text, expected):
    salary = find_salary(text)
    assert (salary and (salary.min, salary.currency, salary.period)) == expected


def test_a_total_gives_way_to_the_rate_the_same_sentence_states():
    salary = find_salary("Each intern be paid $1,800, for a rate of $30 per hour for 60 hours total.")   # dev25 en_2509
    assert (salary.min, salary.max, salary.period) == (30.0, 30.0, "hour")
