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


def test_an_ad_held_in_a_front_matter_block_over_a_script_only_body():
    # dev18 en_1800 (P2PU): the body holds only JSON-LD whose description is a Liquid expression
    document = ("---\ntitle: Community Coordinator\ntext: |\n    We are looking for a part-time community coordinator.\n\n"
                "    ### Key responsibilities\n\n    - Organize community learning circles.\n    - Co-host community calls.\n"
                "---\n\n<script type=\"application/ld+json\">\n{\"@type\": \"JobPosting\", "
                "\"description\": \"{{page.text | markdownify}}\"}\n</script>\n")
    posting = parse_document(document, crawled_at=datetime(2023, 11, 2))
    assert posting["responsibilities"] == ["Organize community learning circles.", "Co-host community calls."]
    assert "markdownify" not in (posting["description"] or "")
