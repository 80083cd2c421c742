"""Markdown that holds HTML blocks, and an employer's signature written in full elsewhere (issue 12,
dev7 and dev9 misses).

Real cases: severndelta/website content/jobs/operator.md (tests/real/dev9 en_925: the ad's headings
and lists inside ``<details>``), reedu-reengineering-education/reedu-home-v2 (tests/real/dev7 de_703: a
``<div>`` download button above a Markdown heading), rpi-virtuell/FOERBICO_und_rpi-virtuell
(tests/real/dev8 de_816: 'Comenius-Institut' under the closing line, the name in full with its legal form
in the opening sentence). Written cases pin what must stay as it was.
"""

from __future__ import annotations

import pytest

from crawler.parsing.employer_clues import employer_in_signature
from crawler.parsing.text import clean_text

MARKDOWN_WITH_HTML_BLOCKS = [
    ('<details>\n<summary style="font-size:2rem;">Operator Two-Shift</summary>\n\n<br>\n\n#### Main duties:\n\n'
     "- Running of production machines.\n- Packing as required.\n</details>\n",
     "Operator Two-Shift\n\nMain duties:\n\n- Running of production machines.\n- Packing as required."),
    ('<div class="x"><a href="/a.pdf">Stellenausschreibung als PDF herunterladen</a></div>\n\n'
     "# SHK-Stelle in der Bildungsabteilung\n\nre:edu ist ein Start-Up.",
     "Stellenausschreibung als PDF herunterladen\n\nSHK-Stelle in der Bildungsabteilung\n\nre:edu ist ein Start-Up."),
    # Written: an HTML fragment whose only Markdown-like text sits inside its tags stays HTML.
    ("<p>Wir suchen:</p>\n<ul><li>Koch</li><li>Kellner</li></ul>\n<p>- kein Markdown</p>",
     "Wir suchen:\n\n- Koch\n- Kellner\n\n- kein Markdown"),
    # Written: Markdown with an inline link tag only, as before.
    ('## Aufgaben\n\n- Kochen\n- <a href="https://x.de">Die Küche</a> sauber halten\n',
     "Aufgaben\n\n- Kochen\n- Die Küche sauber halten"),
]


@pytest.mark.parametrize(("document", "text"), MARKDOWN_WITH_HTML_BLOCKS)
def test_markdown_keeps_its_structure_beside_html_blocks(document, text):
    assert clean_text(document) == text


SIGNATURES = [
    ("Das Comenius-Institut Evangelische Arbeitsstätte für Erziehungswissenschaft e.V. sucht eine:n Entwickler:in.\n\n"
     "Ihre Bewerbung richten Sie bitte per Email an reuter@comenius.de.\nComenius-Institut\nSchreiberstraße 12\n48149 Münster",
     "Comenius-Institut Evangelische Arbeitsstätte für Erziehungswissenschaft e.V."),
    # Written: a signature the ad never writes with a legal form stays as written.
    ("Wir freuen uns über Deine Bewerbung an jobs@defactolearning.de.\nDefacto Software\n",
     "Defacto Software"),
]


@pytest.mark.parametrize(("text", "employer"), SIGNATURES)
def test_signature_name_as_written_in_full(text, employer):
    assert employer_in_signature(text) == employer
