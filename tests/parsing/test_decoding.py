"""A saved ad's bytes as text: UTF-8, UTF-16 by its byte-order mark, and pages saved in Windows-1252."""

import json

import pytest
from typer.testing import CliRunner

from crawler.cli import app
from crawler.parsing.readable import decode_ad_bytes


@pytest.mark.parametrize(("raw", "text"), [
    ("Küche in München".encode("utf-8"), "Küche in München"),
    (b"\xef\xbb\xbfK\xc3\xbcche", "Küche"),                                       # a UTF-8 byte-order mark
    ("Küche".encode("utf-16"), "Küche"),
    ("Verwaltungstätigkeiten für 2.900 €".encode("cp1252"), "Verwaltungstätigkeiten für 2.900 €"),
    # UTF-8 with Windows-1252 bytes in it (a page pieced together from two sources)
    ("Gehalt 2.900 €".encode("utf-8") + " und Küche".encode("cp1252"), "Gehalt 2.900 € und Küche"),
    (b"caf\x81", "caf\x81"),                                                       # a byte Windows-1252 leaves out
])
def test_decode_ad_bytes(raw, text):
    assert decode_ad_bytes(raw) == text


def test_parse_reads_a_page_saved_in_windows_1252(tmp_path):
    # (dev25's freelancermap pages were saved so: bytes in Windows-1252 under a declared UTF-8 charset)
    page = ('<html><head><meta charset="utf-8"><title>Lagerhelfer (m/w/d)</title></head><body>'
            '<h1>Lagerhelfer (m/w/d)</h1><p>Für unser Lager in München suchen wir ab sofort Verstärkung.</p>'
            '<h2>Ihre Aufgaben</h2><ul><li>Warenannahme und Prüfung</li><li>Kommissionierung</li></ul></body></html>')
    path = tmp_path / "ad.html"
    path.write_bytes(page.encode("cp1252"))
    result = CliRunner().invoke(app, ["parse", str(path), "--crawled-at", "2025-01-01"])
    assert result.exit_code == 0, result.output
    posting = json.loads(result.stdout)
    assert posting["city"] == "München"
    assert "\ufffd" not in posting["description"] and "Warenannahme und Prüfung" in posting["responsibilities"]
