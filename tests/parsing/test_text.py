"""Tests for crawler.parsing.text: repair, HTML to text, bullets, chrome, the pipeline."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.parsing.text import (
    clean_text,
    html_to_text,
    is_chrome_line,
    looks_like_html,
    normalise_bullets,
    repair_text,
    strip_chrome,
)

SEEDS = Path(__file__).parent.parent / "files" / "seeds"
SEED_000 = (SEEDS / "000_b66804fa50d40c3b.txt").read_text(encoding="utf-8")
SEED_001 = (SEEDS / "001_004fedc382bfa4ea.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("the companyâ€™s Data Science Community", "the company's Data Science Community"),
        ("MÃ¼nchen und KÃ¶ln", "München und Köln"),
        ("Gehalt â€“ attraktiv", "Gehalt – attraktiv"),
        # a "€" whose UTF-8 bytes were read as latin-1 (a C1 control inside; dev en_026, Wolt)
        ("Malta Pay Range â\x82¬2.691 - â\x82¬4.037 EUR", "Malta Pay Range €2.691 - €4.037 EUR"),
        ("Fish &amp; Chips", "Fish & Chips"),
        ("About us&amp;nbsp;today", "About us today"),
        ("R&amp;amp;D", "R&D"),
        ("&lt;b&gt; is bold", "<b> is bold"),
        ("AT&T and R&D stay", "AT&T and R&D stay"),
        ("no\u00a0break\u202fspace", "no break space"),
        ("zero\u200bwidth and soft\u00adhyphen", "zerowidth and softhyphen"),
        ("\ufeffBOM at start", "BOM at start"),
        ("“Quoted” and ‘single’ and „deutsch“", "\"Quoted\" and 'single' and \"deutsch\""),
        ("decomposed Mu\u0308nchen", "decomposed München"),
        # an editor's Unicode hyphens (dev18 de_1803 'Ruprecht\u2011Karls\u2011Universität', dev7 'full\u2011time')
        ("Ruprecht\u2011Karls\u2011Universität, a full\u2010time post", "Ruprecht-Karls-Universität, a full-time post"),
        ("  many    spaces\tand tabs  ", "many spaces and tabs"),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("para one\n\n\n\n\npara two", "para one\n\npara two"),
        ("line \n   \n  \nnext", "line\n\nnext"),
        ("control\x00\x07chars", "controlchars"),
        ("cp1252 read as latin-1: it\x92s", "cp1252 read as latin-1: it's"),
        ("Plain ASCII text stays.", "Plain ASCII text stays."),
        ("Straße, Größe, Äpfel", "Straße, Größe, Äpfel"),
        ("", ""),
    ],
)
def test_repair_text(raw, expected):
    assert repair_text(raw) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<h2>Ihre Aufgaben</h2><ul><li>Entwicklung</li><li>Betrieb</li></ul>",
            "Ihre Aufgaben\n\n- Entwicklung\n- Betrieb",
        ),
        (
            "<p><strong>Your tasks</strong></p><ul><li>Build</li></ul><p><b>Your profile</b></p><ul><li>Python</li></ul>",
            "Your tasks\n\n- Build\n\nYour profile\n\n- Python",
        ),
        ("<ol><li>First</li><li>Second</li></ol>", "- First\n- Second"),
        (
            "<ul><li>Studium<ul><li>Informatik</li><li>Mathematik</li></ul></li><li>Python</li></ul>",
            "- Studium\n- Informatik\n- Mathematik\n- Python",
        ),
        ("<ul><li><p>Betreuung</p><p>von Kunden</p></li></ul>", "- Betreuung von Kunden"),
        ("<ul><li><strong>Cloud:</strong><br>AWS and Azure</li></ul>", "- Cloud: AWS and Azure"),
        ("<p>line one<br>line two<br/>line three</p>", "line one\nline two\nline three"),
        ("<div>Intro <strong>Deine Aufgaben</strong><ul><li>a</li></ul></div>", "Intro\nDeine Aufgaben\n\n- a"),
        ("<p>Text with <b>bold</b> and <a href='#'>a link</a> inline.</p>", "Text with bold and a link inline."),
        ("<div><p>Para one</p>\n\n<p>  Para   two  </p></div>", "Para one\n\nPara two"),
        ("<p>a<!-- comment -->b</p>", "ab"),
        ("<p>Wir suchen &quot;Helden&quot; &ndash; jetzt&nbsp;!</p>", 'Wir suchen "Helden" – jetzt !'),
        ("<table><tr><td>Standort</td><td>Berlin</td></tr></table>", "Standort: Berlin"),
        ("<table><tr><th>Arbeitgeber:</th><td>Muster AöR</td></tr><tr><th>Dienstort</th><td>35390 Gießen</td></tr>"
         "</table>", "Arbeitgeber: Muster AöR\nDienstort: 35390 Gießen"),
        ("<table><tr><td>a</td><td>b</td><td>c</td></tr></table>", "a\nb\nc"),
        ("<dl><dt>Salary</dt><dd>£29,970 a year</dd><dt>Contract</dt><dd>Permanent</dd></dl>",
         "Salary: £29,970 a year\nContract: Permanent"),
        ("<dl><dt>Term</dt><dd>one</dd><dd>two</dd></dl>", "Term\n\none\n\ntwo"),
        ("<ul><li>• Already bulleted</li><li></li><li>  </li></ul>", "- • Already bulleted"),
        ("just text, no tags", "just text, no tags"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_html_to_text_structure(html, expected):
    assert html_to_text(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        "<p>Keep</p><script>var secret = 1;</script>",
        "<p>Keep</p><style>p { color: red }</style>",
        "<p>Keep</p><noscript>Enable JavaScript</noscript>",
        "<nav>Home Jobs Companies</nav><p>Keep</p>",
        "<header>Site header</header><p>Keep</p>",
        "<p>Keep</p><footer>Impressum Datenschutz</footer>",
        "<p>Keep</p><form><label>Email</label><input></form>",
        "<p>Keep</p><button>Apply now</button>",
        "<p>Keep</p><svg><text>icon text</text></svg>",
        "<p>Keep</p><div id='cookie-banner'>We use cookies to improve your experience.</div>",
        "<p>Keep</p><div class='CookieConsent'>Diese Website verwendet Cookies.</div>",
        "<p>Keep</p><div class='gdpr-notice'>Privacy notice</div>",
        "<p>Keep</p><div id='onetrust-consent-sdk'>Manage preferences</div>",
        "<p>Keep</p><span aria-hidden='true'>hidden icon label</span>",
        "<p>Keep</p><div style='display: none'>invisible text</div>",
        "<p>Keep</p><div hidden>hidden text</div>",
        "<p>Keep</p><span class='sr-only'>opens in a new window</span>",
    ],
)
def test_html_to_text_drops_non_content(html):
    assert html_to_text(html) == "Keep"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # an accordion whose switch names the panel in its script handler; the closing switch stays out
        ("<a onclick=\"panel.style.display='block';closer.style.display='block'\"><p>Koch (m/w/d)</p></a>"
         "<a id='closer' onclick=\"panel.style.display='none'\" style='display: none'><p>Koch (m/w/d)</p></a>"
         "<div id='panel' style='display: none'><p>Ihre Aufgaben: kochen</p></div>",
         "Koch (m/w/d)\n\nIhre Aufgaben: kochen"),
        # a tab or collapse opened through aria-controls, a data target or a fragment link
        ("<button aria-controls='job-1'>Nurse</button><div id='job-1' hidden><p>Care for patients</p></div>",
         "Care for patients"),
        ("<h2>Roles</h2><a data-bs-target='#role-2'>Driver</a><div id='role-2' style='display:none'><p>Drive vans</p></div>",
         "Roles\n\nDriver\n\nDrive vans"),
        # hidden and never opened: still dropped
        ("<p>Keep</p><div id='unused' style='display: none'>old vacancy</div>", "Keep"),
        ("<a href='#note'>x</a><span id='note' aria-hidden='true' hidden>icon</span>", "x"),
    ],
)
def test_html_to_text_keeps_collapsed_panels_a_switch_opens(html, expected):
    assert html_to_text(html) == expected


@pytest.mark.parametrize(("html", "expected"), [
    # weareuntitled/karriere-peters (dev10 de_1002): a row of badges, each led by an SVG icon
    ("<div><span class='salary'>€ 18 – 24 / Stunde</span> <span class='meta'><svg><path d='M1'/></svg> Kühbach &amp; Umgebung</span>"
     " <span class='meta'><svg><circle r='3'/></svg> Vollzeit · Festanstellung</span></div>",
     "€ 18 – 24 / Stunde\n\nKühbach & Umgebung\n\nVollzeit · Festanstellung"),
    ("<p><a href='/l'><i class='fa fa-map'></i> Leeds</a> <a href='/t'><i class='fa fa-clock'></i> Part-time</a></p>",
     "Leeds\n\nPart-time"),
    # one icon inside a sentence is no row of badges
    ("<p>Apply <a href='/x'><i class='fa fa-link'></i> here</a> today.</p>", "Apply here today."),
])
def test_html_to_text_puts_icon_badges_on_their_own_lines(html, expected):
    assert html_to_text(html) == expected


def test_html_to_text_survives_deeply_nested_markup():
    nested = "<div>" * 1500 + "deep<ul><li>item</li></ul>" + "</div>" * 1500
    assert html_to_text(nested) == "deep\n\n- item"


def test_html_to_text_drops_nul_bytes():
    assert html_to_text("<p>nul\x00byte</p>") == "nulbyte"


def test_html_to_text_keeps_tail_text_of_dropped_elements():
    assert html_to_text("<p>Before <button>Click</button> after</p>") == "Before after"


@pytest.mark.parametrize(
    ("escaped", "expected"),
    [
        # Greenhouse `content`: entity-escaped once, with double-escaped &amp;nbsp; inside.
        (
            "&lt;p&gt;&lt;strong&gt;About us&lt;/strong&gt;&amp;nbsp;&lt;/p&gt;&lt;p&gt;Acme &amp;amp; Co.&lt;/p&gt;"
            "&lt;ul&gt;&lt;li&gt;One&lt;/li&gt;&lt;li&gt;Two&lt;/li&gt;&lt;/ul&gt;",
            "About us\n\nAcme & Co.\n\n- One\n- Two",
        ),
        ("&lt;p&gt;M&amp;uuml;nchen&lt;/p&gt;", "München"),
        ("&amp;lt;p&amp;gt;Escaped twice&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;Two&amp;lt;/p&amp;gt;", "Escaped twice\n\nTwo"),
        ("Ihre Aufgaben: &lt;b&gt;Pipelines&lt;/b&gt; bauen", "Ihre Aufgaben: Pipelines bauen"),
    ],
)
def test_html_to_text_unescapes_escaped_html_once(escaped, expected):
    assert html_to_text(escaped) == expected


def test_html_to_text_leaves_escaped_text_inside_real_html_alone():
    assert html_to_text("<p>if a &lt; b then &amp;lt;</p><p>x</p>") == "if a < b then <\n\nx"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Hello</p>", True),
        ("Line<br>break", True),
        ("&lt;p&gt;escaped&lt;/p&gt;", True),
        ("&amp;lt;div&amp;gt;twice&amp;lt;/div&amp;gt;", True),
        ("plain text with a < b and R&D", False),
        ("I <3 Python", False),
        ("Benefits:\n- Homeoffice", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• Python", "- Python"),
        ("· SQL", "- SQL"),
        ("* Docker", "- Docker"),
        ("– Kubernetes", "- Kubernetes"),
        ("— Terraform", "- Terraform"),
        ("- already fine", "- already fine"),
        ("-   extra spaces", "- extra spaces"),
        ("-Python", "- Python"),
        ("+ Bonus", "- Bonus"),
        ("o Erfahrung mit SAP", "- Erfahrung mit SAP"),
        ("▪ Teamgeist", "- Teamgeist"),
        ("► Weiterbildung", "- Weiterbildung"),
        ("✓ 30 Tage Urlaub", "- 30 Tage Urlaub"),
        ("✔️ JobRad", "- JobRad"),
        ("→ Homeoffice", "- Homeoffice"),
        ("\uf0b7 Word bullet", "- Word bullet"),
        ("1. Erste Aufgabe", "- Erste Aufgabe"),
        ("2) Zweite Aufgabe", "- Zweite Aufgabe"),
        ("(3) Dritte Aufgabe", "- Dritte Aufgabe"),
        ("a) letter item", "- letter item"),
        ("iv. roman item", "- roman item"),
        ("- • doubled marker", "- doubled marker"),
        ("• Python • SQL • Spark", "- Python\n- SQL\n- Spark"),
        ("Skills: • Python • SQL", "Skills:\n- Python\n- SQL"),
        ("•", ""),
        ("1. Oktober 2026 ist der Start", "1. Oktober 2026 ist der Start"),
        ("-5% Rabatt auf alles", "-5% Rabatt auf alles"),
        ("**Your tasks**", "**Your tasks**"),
        ("Normal sentence - with a dash.", "Normal sentence - with a dash."),
        ("o.k. then", "o.k. then"),
        ("1. Your tasks\n- Build\n2. Your profile\n- Python", "1. Your tasks\n- Build\n2. Your profile\n- Python"),
        ("a\n\n\n• b", "a\n\n- b"),
    ],
)
def test_normalise_bullets(text, expected):
    assert normalise_bullets(text) == expected


CHROME_LINES = [
    "Easy apply", "Apply now", "Jetzt bewerben", "Save", "Merken", "I'm interested", "Ich bin interessiert",
    "Share", "Teilen", "Jobs by email", "Jobs per E-Mail", "Job alert", "Create job alert", "Show salary",
    "Gehalt anzeigen", "Curious about the salary for this job?", "Neugierig auf das Gehalt für diesen Job?",
    "Min €", "Max €", "€", "Chevron right icon", "Pfeil rechts Icon", "Like this job?",
    "Your feedback will help us to improve your job search.", "Gefällt dir dieser Job?", "Open map",
    "Karte öffnen", "Report this job", "Anzeige melden", "Back to search results", "Zurück zur Suche",
    "Page 1 of 3", "Seite 2 von 5", "Home > Jobs > IT", "Startseite » Jobs » Data", "Impressum",
    "© 2026 StepStone GmbH", "Copyright 2026 Acme Inc.", "All rights reserved.", "Alle Rechte vorbehalten",
    "We use cookies to give you the best experience on our website.",
    "Wir verwenden Cookies, um unsere Website für Sie zu optimieren.", "Accept all cookies", "Alle akzeptieren",
    "Show more", "…more", "Be an early applicant", "Over 200 applicants",
    "Get notified about new Data Engineer jobs in Berlin, Germany.", "Sign in to create job alert",
    "Referrals increase your chances of interviewing at Acme by 2x", "Full job description", "Report job",
    "Skip to main content", "Zum Inhalt springen", "- Apply now", "€Min €Max €", "Min. € – Max. €",
    "Get new jobs like this one straight to your inbox.", "Neue passende Jobs direkt in Ihr Postfach.",
    "Activate job alert",
]


@pytest.mark.parametrize("line", CHROME_LINES)
def test_chrome_lines_are_recognised(line):
    assert is_chrome_line(line)
    assert strip_chrome(f"Real first line.\n{line}\nReal last line.") == "Real first line.\nReal last line."


REAL_CONTENT = [
    "Save time by automating our deployment pipelines.",
    "Apply machine learning to real business problems",
    "Share your knowledge within the data community",
    "Du teilst dein Wissen mit dem Team",
    "Bewerben Sie sich bis zum 31.12.2026 über unser Portal.",
    "Salary: 60,000 - 75,000 EUR per year",
    "€ 60.000 brutto im Jahr",
    "Min. 3 years of experience with Python",
    "Location: Cologne, hybrid",
    "Published: 1 week ago",
    "Erschienen: vor 2 Tagen",
    "Full Time, Home office possible",
    "Privacy by design is at the heart of our product.",
    "Full-time / Part-time / Remote",
    "Berlin | Vollzeit | Hybrid",
    "You will design icon sets for our design system",
    "Similar jobs are posted by our partners every week, so check back often.",
    "Kontakt: Frau Müller, Tel. 0201 12345",
    "Interested? Apply now with your CV!",
]


@pytest.mark.parametrize("line", REAL_CONTENT)
def test_real_content_is_kept(line):
    assert not is_chrome_line(line)
    text = f"Intro paragraph of the ad.\n{line}\nClosing line of the ad."
    assert strip_chrome(text) == text


def test_similar_jobs_list_at_the_end_is_dropped_to_the_end():
    text = "Ad line one.\nAd line two.\nAd line three.\nSimilar jobs\nData Analyst\nOther GmbH\nBerlin\n2 days ago"
    assert strip_chrome(text) == "Ad line one.\nAd line two.\nAd line three."


def test_similar_jobs_block_early_in_the_text_is_dropped_to_the_next_blank_line():
    text = "Ähnliche Jobs\nData Analyst\nBremen\n\nAd line one.\nAd line two.\nAd line three.\nAd line four."
    assert strip_chrome(text) == "Ad line one.\nAd line two.\nAd line three.\nAd line four."


def test_location_widget_and_salary_widget_are_dropped():
    text = (
        "Ad line one.\nAd line two.\nAd line three.\nSalary\nCurious about the salary for this job?\n"
        "Show salary\nOur Location\nOpen map\nACME GmbH\n45307 Essen, Deutschland\nÄhnliche Jobs\nAnalyst\nBremen"
    )
    assert strip_chrome(text) == "Ad line one.\nAd line two.\nAd line three."


def test_salary_heading_with_real_figures_is_kept():
    text = "Ad line one.\nSalary\n60,000 - 75,000 EUR per year"
    assert strip_chrome(text) == text


def test_footer_link_is_dropped_only_before_chrome():
    assert strip_chrome("Ad text.\nDatenschutz\n© 2026 Acme GmbH") == "Ad text."
    kept = "Ad text.\nDatenschutz\nIhre Daten werden nur für das Bewerbungsverfahren genutzt."
    assert strip_chrome(kept) == kept


def test_indeed_profile_insights_questionnaire_is_dropped():
    text = (
        "Senior Engineer\nProfile insights\nHere's how the job qualifications align with your profile.\n"
        "Skills\nPython\nDo you have experience in Python?\nYes\nNo\nJob details\nPay\n$150,000 a year"
    )
    assert strip_chrome(text) == "Senior Engineer\nJob details\nPay\n$150,000 a year"


SEED_001_CHROME = [
    "Jobs by email", "Show salary", "Easy apply", "I'm interested", "Save", "Like this job?",
    "Chevron right icon", "Min €", "Open map",
]


@pytest.mark.parametrize("chrome", SEED_001_CHROME)
def test_seed_001_description_has_no_board_chrome(chrome):
    assert chrome not in clean_text(SEED_001)


@pytest.mark.parametrize(
    "content",
    [
        "ALDI Einkauf SE & Co. oHG",
        "Senior Machine Learning Engineer (m/f/d)",
        "Published: 1 week ago",
        "The ALDI Nord group of companies is one of the leading food retailers.",
        "Your tasks\nDevelop and industrialize complex data analytics products for various use cases.",
        "Your benefits\nA secure job at the No. 1 in discounting",
        "A high-performance and pleasant working environment in a motivated and dynamic team that is looking forward to you!",
    ],
)
def test_seed_001_description_keeps_the_ad(content):
    assert content in clean_text(SEED_001)


def test_seed_001_description_ends_with_the_last_benefit():
    assert clean_text(SEED_001).endswith("dynamic team that is looking forward to you!")


def test_seed_000_mojibake_is_repaired():
    description = clean_text(SEED_000)
    assert "within the company's Data Science Community" in description
    assert "â€" not in description
    assert description.startswith("Junior Data Scientist/Machine Learning Engineer\n\nLocation: Cologne, hybrid")
    assert "Requirements:\n\nGood degree" in description
    assert description.endswith("And much more.")


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            "<div><h3>Wir bieten</h3><ul><li>30 Tage Urlaub</li></ul><button>Jetzt bewerben</button>"
            "<p>Jetzt bewerben</p></div>",
            "Wir bieten\n\n- 30 Tage Urlaub",
        ),
        ("Deine Aufgaben:\n• Entwicklung\n• Betrieb\nMerken\nTeilen", "Deine Aufgaben:\n- Entwicklung\n- Betrieb"),
        ("Tasks:\n1) Build\n2) Run", "Tasks:\n- Build\n- Run"),
        ("   ", ""),
    ],
)
def test_clean_text(document, expected):
    assert clean_text(document) == expected


def test_clean_text_is_idempotent_on_seeds():
    for seed in (SEED_000, SEED_001):
        once = clean_text(seed)
        assert clean_text(once) == once


_AD_ALPHABET = st.sampled_from(
    list("abcXYZ äöüß€•-*:;.,!?\n\t&<>/\"'")
    + ["<p>", "</p>", "<li>", "<ul>", "</ul>", "<br>", "&amp;", "&lt;p&gt;", "â€™", "\u00a0", "Aufgaben", "Benefits"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_AD_ALPHABET, max_size=80).map("".join))
def test_clean_text_output_is_tidy_for_any_input(document):
    cleaned = clean_text(document)
    assert cleaned == cleaned.strip()
    assert "\n\n\n" not in cleaned
    assert all(line == line.strip() and "  " not in line for line in cleaned.split("\n"))
    assert "\u00a0" not in cleaned and "\t" not in cleaned


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("👉 Plan campaigns\n👉 Run A/B tests", "- Plan campaigns\n- Run A/B tests"),
        ("🎁 What we offer\n💶 €45,000 per year\n🌴 28 days of vacation",
         "- What we offer\n- €45,000 per year\n- 28 days of vacation"),
        ("🔹 Neugier\n🔹 Ausdauer", "- Neugier\n- Ausdauer"),
        ("> Warenannahme\n> Verpacken", "- Warenannahme\n- Verpacken"),
        ("# Du entwickelst Features\n# Du optimierst Abfragen", "- Du entwickelst Features\n- Du optimierst Abfragen"),
        # A single emoji-led sentence and a single markdown heading stay as written.
        ("Moin! 👋 We are hiring.\n\n👋 Hey there, we are Pixelpeak.", "Moin! 👋 We are hiring.\n\n👋 Hey there, we are Pixelpeak."),
        ("# Responsibilities\nBuild things", "# Responsibilities\nBuild things"),
        # "3. Maintain …" is an item; "1. Oktober 2026" and "3. Mai" are dates.
        ("1. Produce reports\n2. Analyse data\n3. Maintain dashboards in Power BI",
         "- Produce reports\n- Analyse data\n- Maintain dashboards in Power BI"),
        ("1. Oktober 2026", "1. Oktober 2026"),
        ("3. Mai 2027", "3. Mai 2027"),
    ],
)
def test_normalise_more_bullet_shapes(text, expected):
    assert normalise_bullets(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "jobs.ch",
        "Jobs finden",
        "Lohnrechner",
        "Karriereberatung",
        "Stellenangebot melden",
        "Employer active 2 days ago",
        "See how you compare to over 200 other applicants. Try Premium for €0",
        "Save Senior Product Designer at Kestrel Mobility GmbH",
        "Sign in to create job alert",
        "kununu Score 4,3",
        "Top Company 2026",
        "Size: 51 to 200 Employees",
        "Apply online",
        "Start your application",
        "🔔 Get job alerts for Growth Marketing jobs in Berlin",
        "Projekt merken   Projekt teilen   Ähnliche Projekte anzeigen",
        "Hiring Lab   Career advice   Browse jobs   Browse companies",
        "Gehalt anzeigen Min € Max €",
        "Stellenangebote  Arbeitgeber  Karriereberatung  Login",
        "Powered by Greenhouse   Privacy policy",
    ],
)
def test_more_chrome_lines(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Berlin  Jetzt bewerben  Merken",
        "Essen   Save",
        "Python   Java   SQL",
        "Save time by automating our deployment pipelines at scale.",
        "Unternehmen",
    ],
)
def test_more_real_content_is_kept(line):
    assert not is_chrome_line(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Chrome parts of a "·" line go, the rest stays.
        ("Acme GmbH · Berlin, Germany · Reposted 3 days ago · Over 200 applicants",
         "Acme GmbH · Berlin, Germany · Reposted 3 days ago"),
        ("Hamburg, Germany 1 day ago 38 applicants", "Hamburg, Germany 1 day ago"),
        # A word between two chrome lines is navigation.
        ("Jobs finden\nUnternehmen\nLohnrechner\n\nProjektleiter Hochbau", "Projektleiter Hochbau"),
        # Indeed's benefits widget "pulled from the full job description" goes with its heading.
        ("Benefits\nPulled from the full job description\n401(k)\nDental insurance\n\nFull text of the ad.",
         "Full text of the ad."),
        # Indeed's application questions go to the next blank line.
        ("Real last line.\n\nApplication question(s):\nAre you able to work night shifts?", "Real last line."),
    ],
)
def test_strip_chrome_more_cases(text, expected):
    assert strip_chrome(text) == expected


def test_adjacent_widget_spans_are_separate_words():
    html = "<div><span>Gehalt anzeigen</span><span>Min €</span><span>Max €</span></div><p>Real text here.</p>"
    assert clean_text(html) == "Real text here."
    assert html_to_text("<p>Pro<b>gramm</b>ieren</p>") == "Programmieren"


@pytest.mark.parametrize(("text", "expected"), [
    # dev19 en_1900 (Natural Essentials): a footnote under a list, its star glued to the word
    ("- Problem solve any shipping errors\n\n*Duties, responsibilities and activities may change at any time",
     "- Problem solve any shipping errors\n\n*Duties, responsibilities and activities may change at any time"),
    # lines in a row opening with a glued star are a list
    ("*Aufgabe eins\n*Aufgabe zwei", "- Aufgabe eins\n- Aufgabe zwei"),
])
def test_a_glued_star_alone_is_a_footnote(text, expected):
    assert normalise_bullets(text) == expected
