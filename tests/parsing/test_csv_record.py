"""An ad kept as one row of a scraper's CSV export (issue 12, dev14: karriere.at rows). Rows written
here in that shape (not copies of the ads)."""

from datetime import datetime, timezone

import pytest

from crawler.parsing.csv_record import csv_row_text
from crawler.parsing.posting import parse_document

ROW = ('Data Engineer (w/m/d),Nordlicht Analytics GmbH,[\'Wien\'],Vollzeit,Homeoffice,ab 50.000 € jährlich,'
       'https://www.example.at/jobs/123,"Data Engineer (w/m/d)\n'
       'Nordlicht Analytics GmbH baut Datenplattformen für Energieversorger. Wir suchen Verstärkung für unser Team '
       'in Wien, das Pipelines, Datenmodelle und Berichte für unsere Kunden entwickelt.\n\nDeine Aufgaben\n'
       '- Pipelines bauen\n- Datenmodelle pflegen\n\nDein Profil\n- Erfahrung mit SQL\n- Python"\n')


def test_a_csv_row_gives_header_lines_over_its_text():
    text = csv_row_text(ROW)
    head, body = text.split("\n\n", 1)
    assert head.split("\n") == ["Data Engineer (w/m/d)", "Nordlicht Analytics GmbH", "Wien", "Vollzeit", "Homeoffice",
                                "ab 50.000 € jährlich"]
    assert body.startswith("Data Engineer (w/m/d)\nNordlicht Analytics GmbH baut")


def test_a_csv_row_is_parsed_into_its_fields():
    posting = parse_document(ROW, crawled_at=datetime(2026, 3, 1, tzinfo=timezone.utc))
    assert (posting["title"], posting["company"], posting["city"], posting["country"]) == (
        "Data Engineer", "Nordlicht Analytics GmbH", "Wien", "AT")
    assert (posting["salary_min"], posting["salary_currency"], posting["salary_period"]) == (50000, "EUR", "year")
    assert posting["requirements"] == ["Erfahrung mit SQL", "Python"]


@pytest.mark.parametrize("document", [
    "Data Engineer, Berlin, Vollzeit, Homeoffice\n\nWir suchen eine Data Engineer für unser Team.",  # no quoted text
    'title,company,city,text\nData Engineer,Acme,Berlin,"' + "Wir suchen. " * 30 + '"\n',  # a header row and a data row
    "Wir suchen, bauen, pflegen und \"testen\" Software, jeden Tag, mit Freude.",
    "",
])
def test_no_csv_row(document):
    assert csv_row_text(document) is None
