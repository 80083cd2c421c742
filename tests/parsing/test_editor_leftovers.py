"""What a CMS's rich-text editor leaves in a Markdown ad, and a place said only in the front
matter's summary (dev17: an Austrian group's Nuxt/Netlify-CMS job pages)."""

from datetime import datetime

from crawler.parsing.markdown_text import markdown_to_html
from crawler.parsing.posting import parse_document


def test_zero_width_characters_do_not_hide_bullets_or_headings():
    html = markdown_to_html("## I\ufeffhre Aufgaben\n\n* Wartungsarbeiten\n*\ufeff KFZ Überprüfungen\n*\u200b Diagnose")
    assert "<h2>Ihre Aufgaben</h2>" in html
    assert html.count("<li>") == 3


def test_a_place_said_only_in_the_front_matter_summary():
    document = ("---\ntitle: KFZ Mechatroniker/in (m/w/d)\n"
                "description: Wir suchen Verstärkung für unser Team in Klaus, Vorarlberg.\n---\n"
                "## Ihre Aufgaben\n\n* Wartungsarbeiten\n* KFZ Überprüfungen\n")
    posting = parse_document(document, crawled_at=datetime(2022, 12, 8))
    assert (posting["city"], posting["region"], posting["country"]) == ("Klaus", "Vorarlberg", "AT")
    assert posting["responsibilities"] == ["Wartungsarbeiten", "KFZ Überprüfungen"]
