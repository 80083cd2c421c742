from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.parsing.dates import find_date_posted, find_start_date, find_valid_through, parse_date

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)
SEEDS = Path(__file__).resolve().parents[1] / "files" / "seeds"


@pytest.mark.parametrize(("text", "expected"), [
    # ISO dates and datetimes keep the calendar date written in their own offset.
    ("2026-10-05", date(2026, 10, 5)),
    ("2026-10-05T16:05:18-05:00", date(2026, 10, 5)),
    ("2026-10-05T23:30:00-05:00", date(2026, 10, 5)),
    ("2026-10-05T00:30:00+02:00", date(2026, 10, 5)),
    ("2026-10-05T16:05:18Z", date(2026, 10, 5)),
    ("2026-10-05T16:05:18.123+0000", date(2026, 10, 5)),
    ("2026-10-05 16:05:18 UTC", date(2026, 10, 5)),
    ("2026/10/05", date(2026, 10, 5)),
    # Numeric dates are day-first.
    ("09.10.2026", date(2026, 10, 9)),
    ("05.11.2026", date(2026, 11, 5)),
    ("9.10.26", date(2026, 10, 9)),
    ("09/10/2026", date(2026, 10, 9)),
    ("09-10-2026", date(2026, 10, 9)),
    ("9. Oktober 2026", date(2026, 10, 9)),
    ("09. Okt. 2026", date(2026, 10, 9)),
    ("1. März 2026", date(2026, 3, 1)),
    ("October 9, 2026", date(2026, 10, 9)),
    ("Oct 9th, 2026", date(2026, 10, 9)),
    ("9 Oct 2026", date(2026, 10, 9)),
    ("9th of October 2026", date(2026, 10, 9)),
    ("Mittwoch, 9. Oktober 2026", date(2026, 10, 9)),
    ("Friday, 9 October 2026", date(2026, 10, 9)),
    ("January 2027", date(2027, 1, 1)),
    ("01/2027", date(2027, 1, 1)),
    # Without a year: the latest such day up to now.
    ("18.11.", date(2026, 11, 18)),
    ("30.11.", date(2025, 11, 30)),
    ("18. Nov.", date(2026, 11, 18)),
    ("November 3", date(2026, 11, 3)),
    # Relative, English and German.
    ("heute", date(2026, 11, 22)),
    ("Today", date(2026, 11, 22)),
    ("Posted today", date(2026, 11, 22)),
    ("Just posted", date(2026, 11, 22)),
    ("Just now", date(2026, 11, 22)),
    ("Neu", date(2026, 11, 22)),
    ("gestern", date(2026, 11, 21)),
    ("Yesterday", date(2026, 11, 21)),
    ("vorgestern", date(2026, 11, 20)),
    ("vor 2 Tagen", date(2026, 11, 20)),
    ("Vor einem Tag", date(2026, 11, 21)),
    ("vor einer Woche", date(2026, 11, 15)),
    ("vor 3 Wochen", date(2026, 11, 1)),
    ("vor 1 Monat", date(2026, 10, 22)),
    ("vor einem Monat", date(2026, 10, 22)),
    ("vor über 30 Tagen", date(2026, 10, 23)),
    ("vor 3 Stunden", date(2026, 11, 22)),
    ("vor 12 Stunden", date(2026, 11, 21)),
    ("2 days ago", date(2026, 11, 20)),
    ("1 week ago", date(2026, 11, 15)),
    ("two weeks ago", date(2026, 11, 8)),
    ("a month ago", date(2026, 10, 22)),
    ("3 months ago", date(2026, 8, 22)),
    ("a year ago", date(2025, 11, 22)),
    ("30+ days ago", date(2026, 10, 23)),
    ("more than 30 days ago", date(2026, 10, 23)),
    ("5h ago", date(2026, 11, 22)),
    ("2w ago", date(2026, 11, 8)),
    ("3 hours ago", date(2026, 11, 22)),
    ("letzte Woche", date(2026, 11, 15)),
    ("seit 3 Tagen", date(2026, 11, 19)),
    ("Online seit 3 Tagen", date(2026, 11, 19)),
    ("New!", date(2026, 11, 22)),
    ("last week", date(2026, 11, 15)),
    # Labels are stripped; trailing words are ignored.
    ("Published: 1 week ago", date(2026, 11, 15)),
    ("Posted 3 days ago", date(2026, 11, 19)),
    ("Posted 3 days ago · 40 applicants", date(2026, 11, 19)),
    ("Veröffentlicht am 09.10.2026", date(2026, 10, 9)),
    ("Erschienen: gestern", date(2026, 11, 21)),
    ("Online seit 12.11.2026", date(2026, 11, 12)),
    ("Datum: 18.11.2026", date(2026, 11, 18)),
    ("Date posted: 2026-11-01", date(2026, 11, 1)),
    ("Ausgeschrieben am 03.11.2026", date(2026, 11, 3)),
    ("Posted on: 10/11/2026", date(2026, 11, 10)),
    ("Published 22 Nov", date(2026, 11, 22)),
    # Not dates: salaries, phone numbers, postal codes, versions, invalid or far-off dates.
    ("45.000", None),
    ("45.000 - 55.000 €", None),
    ("18,50 €", None),
    ("€ 50", None),
    ("0221 123456", None),
    ("+49 221 12.34.56", None),
    ("45307", None),
    ("45307 Essen", None),
    ("1.2.3", None),
    ("v2.1.0", None),
    ("Python 3.10.12", None),
    ("3 Jahre", None),
    ("5+ years", None),
    ("Freitag", None),
    ("2026", None),
    ("31.02.2026", None),
    ("1.1.1980", None),
    ("01.01.2040", None),
    ("Show salary", None),
    ("New York", None),
    ("Seit 2005 am Markt", None),
    ("", None),
])
def test_parse_date(text, expected):
    assert parse_date(text, NOW) == expected


def test_month_ago_clamps_to_the_last_day_of_a_shorter_month():
    assert parse_date("1 month ago", datetime(2026, 3, 31, 12, 0)) == date(2026, 2, 28)


def test_naive_now_works_with_the_dateparser_fallback():
    assert parse_date("letzte Woche", datetime(2026, 11, 22, 9, 30)) == date(2026, 11, 15)


@pytest.mark.parametrize(("text", "expected"), [
    ("Senior Engineer\nBerlin\nPublished: 1 week ago\nShow salary",
     (date(2026, 11, 15), "Published: 1 week ago")),
    ("Posted by our recruiting team\nPosted 3 days ago", (date(2026, 11, 19), "Posted 3 days ago")),
    ("Job\nErschienen: gestern\nText", (date(2026, 11, 21), "Erschienen: gestern")),
    ("Veröffentlicht am 09.10.2026 | Köln", (date(2026, 10, 9), "Veröffentlicht am 09.10.2026")),
    ("Online seit: 12.11.2026", (date(2026, 11, 12), "Online seit: 12.11.2026")),
    ("Date posted: 2026-11-01T08:00:00Z\nApply now",
     (date(2026, 11, 1), "Date posted: 2026-11-01T08:00:00Z")),
    ("Stellenanzeige vom 15.11.2026", (date(2026, 11, 15), "Stellenanzeige vom 15.11.2026")),
    ("Inseriert am: 03.11.2026", (date(2026, 11, 3), "Inseriert am: 03.11.2026")),
    ("Eingestellt am 03.11.2026", (date(2026, 11, 3), "Eingestellt am 03.11.2026")),
    ("Listed on 3 November 2026", (date(2026, 11, 3), "Listed on 3 November 2026")),
    ("Posting date: 2026-11-03", (date(2026, 11, 3), "Posting date: 2026-11-03")),
    ("Publication date: 3 Nov 2026", (date(2026, 11, 3), "Publication date: 3 Nov 2026")),
    ("Datum der Veröffentlichung: 03.11.2026",
     (date(2026, 11, 3), "Datum der Veröffentlichung: 03.11.2026")),
    ("Veröffentlichungsdatum: 03.11.2026",
     (date(2026, 11, 3), "Veröffentlichungsdatum: 03.11.2026")),
    ("Online seit 3 Tagen", (date(2026, 11, 19), "Online seit 3 Tagen")),
    ("Erschienen am: 18.11.", (date(2026, 11, 18), "Erschienen am: 18.11.")),
    ("Published:\n1 week ago", (date(2026, 11, 15), "Published: 1 week ago")),
    ("Data Engineer\nReposted 2 weeks ago\n", (date(2026, 11, 8), "Reposted 2 weeks ago")),
    ("Data Engineer\nHeute veröffentlicht\n", (date(2026, 11, 22), "Heute veröffentlicht")),
    ("Data Engineer\nseit 3 Tagen online\n", (date(2026, 11, 19), "seit 3 Tagen online")),
    # A label wins over bare relative dates, which similar-jobs lists are full of.
    ("Data Engineer\nvor 2 Tagen\nText\nPublished: 1 week ago",
     (date(2026, 11, 15), "Published: 1 week ago")),
    ("Lagerhelfer (m/w/d)\nErschienen: vor 5 Tagen\nText\nÄhnliche Jobs\n"
     "Staplerfahrer (m/w/d) – Unna – heute", (date(2026, 11, 17), "Erschienen: vor 5 Tagen")),
    ("IT-Systemadministrator (m/w/d)\n\n- Magdeburg\n- Feste Anstellung\n- vor 4 Tagen\n",
     (date(2026, 11, 18), "vor 4 Tagen")),
    ("Junior UX Researcher (m/f/d)\nSundial GmbH\nHamburg, Germany 1 day ago 38 applicants\n",
     (date(2026, 11, 21), "1 day ago")),
    ("Data Scientist (m/w/d)\nDatum: 2026-11-19 · Vollzeit",
     (date(2026, 11, 19), "Datum: 2026-11-19")),
    ("Publiziert: 18.11.2026", (date(2026, 11, 18), "Publiziert: 18.11.2026")),
    ("This job was posted 2 days ago.", (date(2026, 11, 20), "posted 2 days ago")),
    ("Data Engineer (m/w/d)\nACME GmbH\nvor 2 Tagen\nBerlin", (date(2026, 11, 20), "vor 2 Tagen")),
    ("Data Engineer\nACME · Berlin · 3 days ago\n", (date(2026, 11, 19), "3 days ago")),
    ("Data Engineer\nJust posted\n", (date(2026, 11, 22), "Just posted")),
    ("Data Engineer\nHeute\n", (date(2026, 11, 22), "Heute")),
    ("Data Engineer\n30+ days ago\n", (date(2026, 10, 23), "30+ days ago")),
    # Start dates, deadlines and unlabelled absolute dates are not posting dates.
    ("Start: 01.01.2027\nBewerbungsfrist: 31.12.2026", (None, None)),
    ("Eintrittstermin: 1. Februar 2027", (None, None)),
    ("Data Engineer\n09.10.2026\n", (None, None)),
    ("Data Engineer\nNeu\n", (None, None)),
    ("Data Engineer\nEmployer active 3 days ago\n", (None, None)),
    ("Data Engineer\nAktualisiert vor 2 Tagen\n", (None, None)),
    ("Data Engineer\nSeit 25 Jahren sind wir für Sie da\n", (None, None)),
    ("Data Engineer\nBewirb dich noch heute!\n", (None, None)),
    ("Start date: 01.01.2027", (None, None)),
    ("Apply online today!", (None, None)),
    ("Online-Marketing Manager (m/w/d)", (None, None)),
    ("Wir sind seit 2005 am Markt und haben 86,000 employees.", (None, None)),
    # Relative dates far below the header belong to "similar jobs" lists.
    ("Data Engineer\n" + "A long paragraph about the role. " * 10 + "\nSimilar jobs\nvor 2 Tagen",
     (None, None)),
    ("", (None, None)),
])
def test_find_date_posted(text, expected):
    assert find_date_posted(text, NOW) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Bewerbungsfrist: 31.12.2026", date(2026, 12, 31)),
    ("Bewerbungsschluss ist der 15. Januar 2027.", date(2027, 1, 15)),
    ("Ende der Bewerbungsfrist: 2027-01-10", date(2027, 1, 10)),
    ("Bitte bewerben Sie sich bis spätestens 31. Dezember 2026.", date(2026, 12, 31)),
    ("Ihre Bewerbung senden Sie bitte bis zum 15.01.2027 an jobs@example.org", date(2027, 1, 15)),
    ("Apply by 15 December 2026", date(2026, 12, 15)),
    ("Application deadline: 2026-12-20", date(2026, 12, 20)),
    ("Applications close on December 18, 2026", date(2026, 12, 18)),
    ("Closing date: 20/12/2026", date(2026, 12, 20)),
    ("Bewerbungsfrist: 15.01.", date(2027, 1, 15)),
    ("Bewerbungsfrist: 15. Januar", date(2027, 1, 15)),
    ("Expires: 2027-02-01", date(2027, 2, 1)),
    # A deadline preposition in a sentence about applying, far from the application word (dev5
    # de_519, 0xs0/spirit-seite: "Bitte richten Sie eine kurze Bewerbung (bestehend aus …) bis zum
    # 01.02.2019 per E-Mail an …"); "bis einschl." (dev5 de_506, DENOG); a qualified label (dev5
    # en_516: "Closing date for applications: 9 October 2016").
    ("Bitte richten Sie eine kurze Bewerbung (bestehend aus Anschreiben, Lebenslauf sowie Dokumenten,"
     " die Ihre Erfahrungen wiederspiegeln) bis zum 01.02.2027 per E-Mail an: jobs@example.org",
     date(2027, 2, 1)),
    ("Bewerbungen auf die Stelle können bis einschl. 31. Januar 2027 per E-Mail gesendet werden.",
     date(2027, 1, 31)),
    ("-   Closing date for applications: 9 January 2027", date(2027, 1, 9)),
    # an adverb and a weekday between label and date (dev5 de_530, CollegiumAcademicum/collegiumacademicum.de)
    ("Die Bewerbungsfrist ist bereits am Sonntag, den 17.01.2027.", date(2027, 1, 17)),
    ("Please send your application form and CV, with two references, to the office no later than"
     " 12 January 2027.", date(2027, 1, 12)),
    # A contract end is no deadline, even beside an application sentence.
    ("Wir freuen uns auf Ihre Bewerbung. Die Stelle ist bis zum 30.09.2027 befristet.", None),
    ("Die Stelle ist zunächst bis zum 30.09.2027 befristet; Bewerbungen bitte per E-Mail.", None),
    ("Die Entscheidung fällt im Februar; die Stelle kann spätestens bis zum 01.04.2027 angetreten"
     " werden.", None),
    # the deadline named with what it is for (canadadev, dev11 en_1121)
    ("Deadline to apply is October 18th 2027, the majority of requirements need to be met.", date(2027, 10, 18)),
    ("The closing date to apply is 18 October 2027.", date(2027, 10, 18)),
    # the hour before the day, a space before the comma (numfocus, dev13 en_1309)
    ("The deadline for applications is 12:00 Noon Central Time on Friday, May 2nd , 2027. This position is remote.",
     date(2027, 5, 2)),
    ("Closing date: 5pm (BST) on 30 April 2027", date(2027, 4, 30)),
    ("Bewerbungsschluss ist 12 Uhr am 15.04.2027", date(2027, 4, 15)),
    ("Start: 01.01.2027", None),
    ("Bewerbungsfrist: keine", None),
    ("Apply now!", None),
    ("Published: 1 week ago", None),
])
def test_find_valid_through(text, expected):
    assert find_valid_through(text, NOW) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Start: 01.01.2027", date(2027, 1, 1)),
    ("Startdatum: 15.02.2027", date(2027, 2, 15)),
    ("Eintrittstermin: 1. Februar 2027", date(2027, 2, 1)),
    ("Eintritt zum 01.03.2027", date(2027, 3, 1)),
    ("Starting date: January 2027", date(2027, 1, 1)),
    ("Start date: 2027-03-01", date(2027, 3, 1)),
    ("Beginn: 01/2027", date(2027, 1, 1)),
    ("Start: 01.04.", date(2027, 4, 1)),
    ("Available from 1st March 2027", date(2027, 3, 1)),
    ("Wir suchen ab 01.04.2027 eine Entwicklerin.", date(2027, 4, 1)),
    ("Zum 1. März 2027 suchen wir dich.", date(2027, 3, 1)),
    # A copula between label and date (dev5 de_519–de_521: "Arbeitsbeginn ist der 01.04.2019").
    ("Arbeitsbeginn ist der 01.04.2027. Die Stelle ist zunächst bis zum 30.09.2027 befristet.",
     date(2027, 4, 1)),
    ("The start date will be 1 May 2027.", date(2027, 5, 1)),
    ("Start: ab sofort", None),
    ("Start: asap", None),
    ("Eintritt: nach Vereinbarung", None),
    ("Start your career with us!", None),
    ("Bewerbungen bis zum 15.01.2027", None),
    ("Der Vertrag ist befristet zum 31.12.2027.", None),
    ("Gehalt ab 4.200 € brutto", None),
])
def test_find_start_date(text, expected):
    assert find_start_date(text, NOW) == expected


def test_seed_001_posting_date_is_one_week_before_the_crawl():
    text = (SEEDS / "001_004fedc382bfa4ea.txt").read_text(encoding="utf-8")
    assert find_date_posted(text, NOW) == (date(2026, 11, 15), "Published: 1 week ago")
    assert find_valid_through(text, NOW) is None
    assert find_start_date(text, NOW) is None


def test_seed_000_states_no_dates():
    text = (SEEDS / "000_b66804fa50d40c3b.txt").read_text(encoding="utf-8")
    assert find_date_posted(text, NOW) == (None, None)
    assert find_valid_through(text, NOW) is None
    assert find_start_date(text, NOW) is None


DATE_ALPHABET = st.sampled_from(list("0123456789 .:/-\n") + [
    "vor ", "Tagen", "days ago", "Published: ", "Bewerbungsfrist: ", "Start: ", "ab ", "bis zum ",
    "Oktober", "Dec", "heute", "gestern", "2026", "1999", "3000", "€", "(m/w/d)"])


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_ALPHABET, max_size=20).map("".join))
def test_any_date_found_is_a_date_in_the_allowed_years(text):
    posted, raw = find_date_posted(text, NOW)
    assert (posted is None) == (raw is None)
    assert raw is None or raw in " ".join(text.split())
    for found in (parse_date(text, NOW), posted, find_valid_through(text, NOW),
                  find_start_date(text, NOW)):
        assert found is None or 1990 <= found.year <= NOW.year + 5


@pytest.mark.parametrize(("text", "expected"), [
    ("vor 1 Tag", date(2026, 11, 21)),
    ("vor einem Tag", date(2026, 11, 21)),
    ("vor 1 Jahr", date(2025, 11, 22)),
    ("seit 1 Tag online", date(2026, 11, 21)),
])
def test_singular_german_units(text, expected):
    assert parse_date(text, NOW) == expected


DEADLINE_NOW = datetime(2022, 5, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(("text", "deadline"), [
    # A verb between the label and the date (dev8 de_811, pep-dortmund/homepage).
    ("Die Bewerbungsfrist endet am 01.03.2023.", date(2023, 3, 1)),
    # "Closes:" as a label (dev10, hotosm): bold or plain.
    ("**Closes:** October 18, 2022 at 11:59pm", date(2022, 10, 18)),
    ("Closes: 28 February 2023", date(2023, 2, 28)),
    # Sending the application documents by a date written month first (dev6, compilerla/compiler.la).
    ("Send resume, brief intro email and preferences to careers@compiler.la by May 13, 2022", date(2022, 5, 13)),
    # "closes" in running text, a contract end and a project's end are no deadlines.
    ("Our office closes on 24.12.2022 for the holidays.", None),
    ("Der Vertrag ist bis zum 30.09.2024 befristet.", None),
    ("The project runs until May 13, 2023.", None),
])
def test_find_valid_through_labels_verbs_and_month_first_dates(text, deadline):
    assert find_valid_through(text, DEADLINE_NOW) == deadline


@pytest.mark.parametrize(("text", "now", "expected"), [
    # dev24 en_2415: the deadline on a line of its own under the instruction to apply, the hour first
    ("Please send completed application form to:\n\njobs@example.org quoting ref 1225793\n\n"
     "No later than close of business 11th January 2012", datetime(2012, 1, 1), date(2012, 1, 11)),
    ("Applications must reach us by 5pm on 12 March 2026.", datetime(2026, 1, 1), date(2026, 3, 12)),
    ("Apply by 3rd of March 2027 via our portal.", datetime(2027, 1, 1), date(2027, 3, 3)),
    ("We opened our shop in 2010.\n\nStart no later than 1st March 2027.", datetime(2027, 1, 1), None),
])
def test_deadlines_with_an_hour_or_an_ordinal_day(text, now, expected):
    assert find_valid_through(text, now) == expected
