from pathlib import Path

import pytest

from crawler.parsing.employer import (
    clean_company_name,
    company_in_text,
    is_agency_ad,
    looks_like_company,
    normalise_employer,
)

SEEDS = Path(__file__).resolve().parents[1] / "files" / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our client is a big company with several digital products.", True),
        ("On behalf of our client, a leading insurer, we are looking for a Data Engineer.", True),
        ("For our client in Munich we are looking for a Java developer.", True),
        ("We are recruiting for one of our clients, a fast-growing fintech.", True),
        ("My client, a global bank, is hiring.", True),
        ("Für unseren Kunden, ein mittelständisches Unternehmen, suchen wir einen Buchhalter (m/w/d).", True),
        ("Im Auftrag unseres Kunden suchen wir zum nächstmöglichen Zeitpunkt", True),
        ("Unser Kunde ist ein führender Anbieter von Medizintechnik.", True),
        ("Unser Mandant ist ein familiengeführtes Unternehmen.", True),
        ("Die Stelle ist im Rahmen der Arbeitnehmerüberlassung zu besetzen.", True),
        ("Wir sind ein Personaldienstleister mit 30 Niederlassungen.", True),
        ("Als Personalvermittlung unterstützen wir Fach- und Führungskräfte.", True),
        ("We are a recruitment agency specialised in IT.", True),
        ("XYZ Staffing Services is an equal opportunity employer.", True),
        ("Für einen unserer Kunden suchen wir", True),
        ("Our client, a leading insurer, is hiring.", True),
        ("We are recruiting on behalf of a leading automotive client.", True),
        ("We help our clients to digitalise their business.", False),
        # dev13 en_1307 (LGT): the client as a modifier of the firm's own business
        ("The team invests into the asset class on behalf of a diverse global client base.", False),
        ("We manage money on behalf of our clients' pension funds.", False),
        ("We are hiring on behalf of our client, a regional bank.", True),
        ("Our clients include DAX companies and start-ups.", False),
        ("You develop solutions for our clients in the automotive industry.", False),
        ("Wir bieten unseren Kunden maßgeschneiderte Lösungen.", False),
        ("Du betreust unsere Kunden vor Ort.", False),
        ("Einsatz bei unseren Kunden im Raum Stuttgart", False),
        ("Bitte keine Anfragen von Personalvermittlungen.", False),
        # "nicht nur" / "not only" in the hiring sentence is no refusal (dev12 de_1206, Right Search)
        ("Für unseren Kunden suchen wir einen Controller mit Lust, nicht nur zu analysieren, sondern zu steuern.", True),
        ("On behalf of our client we seek an analyst who does not only report but decides.", True),
        ("We do not work with agencies.", False),
        ("We do not accept applications from recruitment agencies.", False),
        ("Wir bitten Personaldienstleister, von Anfragen abzusehen.", False),
        ("The ALDI Nord group of companies is one of the leading food retailers.", False),
        # a tax office's own clients are no recruiter's client (dev21 de_2103, a Steuerkanzlei's page)
        ("Da wir große Unterstützer der papierlosen Bürokratie sind, ist bei unseren Mandanten DATEV Standard.", False),
        ("Für unseren Mandanten, ein Maschinenbauunternehmen, suchen wir einen Konstrukteur.", True),
        ("Unser Mandant ist ein mittelständisches Unternehmen.", True),
        ("", False),
    ],
)
def test_is_agency_ad(text, expected):
    assert is_agency_ad(text) is expected


def test_seed_000_is_an_agency_ad():
    assert is_agency_ad(seed("000")) is True


def test_seed_001_is_not_an_agency_ad():
    assert is_agency_ad(seed("001")) is False


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ALDI Einkauf SE & Co. oHG", True),
        ("Robert Bosch GmbH", True),
        ("Siemens AG", True),
        ("SAP SE", True),
        ("Müller GmbH & Co. KG", True),
        ("Acme UG (haftungsbeschränkt)", True),
        ("Deutsches Rotes Kreuz e.V.", True),
        ("Volksbank eG", True),
        ("Google Ireland Ltd.", True),
        ("Acme LLC", True),
        ("Amazon.com, Inc.", True),
        ("Barclays plc", True),
        ("Nestlé S.A.", True),
        ("ING Bank N.V.", True),
        ("Booking.com B.V.", True),
        ("Spotify AB", True),
        ("Senior Machine Learning Engineer (m/f/d)", False),
        ("Essen", False),
        ("Jobs by email", False),
        ("Agile Methoden", False),
        ("Seine Aufgaben", False),
        ("", False),
    ],
)
def test_looks_like_company(line, expected):
    assert looks_like_company(line) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ALDI Einkauf SE & Co. oHG", "aldi einkauf"),
        ("ALDI Einkauf GmbH & Co. oHG", "aldi einkauf"),
        ("Müller GmbH", "mueller"),
        ("Mueller GmbH", "mueller"),
        ("Robert Bosch GmbH", "robert bosch"),
        ("Siemens AG", "siemens"),
        ("SAP SE", "sap"),
        ("Foo Holding GmbH & Co. KGaA", "foo holding"),
        ("Acme UG (haftungsbeschränkt)", "acme"),
        ("Caritas e.V.", "caritas"),
        ("The Boston Consulting Group GmbH", "boston consulting group"),
        ("Procter & Gamble", "procter gamble"),
        ("Müller & Söhne GmbH", "mueller soehne"),
        ("Mueller und Soehne", "mueller soehne"),
        ("Nestlé S.A.", "nestle"),
        ("Google Ireland Ltd.", "google ireland"),
        ("  Zalando   SE ", "zalando"),
        ("ALDI SÜD", "aldi sued"),
    ],
)
def test_normalise_employer(name, expected):
    assert normalise_employer(name) == expected


def test_normalised_names_match_across_spellings():
    assert normalise_employer("Straßenbau Müller GmbH") == normalise_employer("STRASSENBAU MUELLER")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm working with a well-known online retailer in Manchester who need a DevOps Engineer.", True),
        ("We are working with a leading retailer who is looking for a buyer.", True),
        ("Posted by Northpoint Tech Recruitment", True),
        ("We are working with a large number of hospitals across the region.", False),
        ("We are recruiting for a Senior Engineer to join our team.", False),
        ("Davidson is partnering with a Sydney-based organisation in the education sector to recruit a "
         "Call Centre Operator.", True),
        ("Nixa.io is currently working with a company that is looking to hire a senior back-end developer.", True),
        ("Acme is partnering with a university to build a new lab.", False),
        # a recruiter's voice: "I" of an employer called "they" (dev12 en_1211)
        ("This is your chance to join a true APAC-grown innovator that now influences their sector on a global scale.\n"
         "I'm now taking applications from developers. If you're interested, hit me up.", True),
        ("I founded this company in 2019. The company builds robots, and I'm proud of our team.", False),
        ("Our team is working with a charity to find new homes for dogs.", False),
    ],
)
def test_more_agency_phrases(text, expected):
    assert is_agency_ad(text) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("at Silverpine Cloud", "Silverpine Cloud"),
        ("bei Muster GmbH", "Muster GmbH"),
        ("  Atlas   GmbH ", "Atlas GmbH"),
        ("Atlas GmbH", "Atlas GmbH"),
    ],
)
def test_clean_company_name(name, expected):
    assert clean_company_name(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stellenausschreibung\n\nDer Zweckverband Kommunale Dienste Oberlausitz sucht zum 01.03.2027 eine/n\n"
         "Bewerbungen an: Zweckverband Kommunale Dienste Oberlausitz, 02625 Bautzen",
         "Zweckverband Kommunale Dienste Oberlausitz"),
        # A name without a legal form that the ad does not repeat is no safe employer name.
        ("Der Zweckverband Kommunale Dienste Oberlausitz sucht zum 01.03.2027 eine/n", None),
        ("Wir suchen dich. Die Muster GmbH sucht ab sofort einen Koch.", "Muster GmbH"),
        ("Beim Zweckverband Wasserversorgung Mittelrhein ist zum 01.02.2027 folgende Stelle zu besetzen:",
         "Zweckverband Wasserversorgung Mittelrhein"),
        ("Beim Landesamt für Agrarförderung Brandenburg ist zum nächstmöglichen Zeitpunkt eine Stelle als",
         "Landesamt für Agrarförderung Brandenburg"),
        ("Intro\nCorvina Pay is the payment platform behind 2,500 travel agencies.", "Corvina Pay"),
        ("Die Elektro Brückner GmbH aus 99084 Erfurt ist ein Meisterbetrieb.", "Elektro Brückner GmbH"),
        ("Intro\nAt Fernleaf Insurance we use data to make home insurance fairer.", "Fernleaf Insurance"),
        ("Our client is a big company.", None),
        ("Python is a plus.", None),
        ("Unser Team ist eine tolle Truppe.", None),
        ("At the moment we have two openings.", None),
        ("Bei uns arbeiten 40 Menschen.", None),
        # Arbeitnow API ad: a heading with a possessive determiner is no name ("Deine Mission ist die …")
        ("Deine Mission ist die Weiterentwicklung unserer Compliance.", None),
        # vele616/monorepo jobboard ads no corpus part holds, read without their front matter's companyName:
        # the job held at the employer, a one-word name said to be an organisation (backed by recurring).
        ("Few things are more professionally gratifying than empowering others to do the best work of their careers."
         " As a Senior Engineering Manager at Help Scout (internally, your title is \"coach\"), your mission is to"
         " bring out people’s best.", "Help Scout"),
        ("If you answered \"yes\", then the Technical Recruiter role at Curebase is for you!", "Curebase"),
        ("Teleport is a pioneer in environment-free computing.\n\nBe the face of Teleport to our amazing candidates.",
         "Teleport"),
        ("Komoot is an app that lets you find, plan, and share adventures.\n\nAs komoot’s newest backend engineer,"
         " you’ll join Komoot's team.", "Komoot"),
        ("Komoot is an app that lets you find, plan, and share adventures with the easy route planner. Driven by a"
         " desire to explore, it’s komoot’s mission to inspire great adventures.", "Komoot"),
        # Written: a note in brackets after the name ("Pathrise (YC W18) is an online program" in a real ad,
        # where 'program' names no organisation and stays unread).
        ("Acme (YC W18) is a startup that builds tools.\n\nAcme is remote-first.", "Acme"),
        ("Aircall is on a mission to revolutionize the business phone industry!\n\nOne of the key pillars of Aircall"
         " growth strategy is to build its partners network.", "Aircall"),
        ("Headquartered in Helsinki with offices in Berlin, Sydney and Toronto, Aiven provides managed open-source data"
         " technologies.\n\nThrough Aiven, developers can do what they do best.", "Aiven"),
        ("As a company, we believe in changing the future of work. Pleo is an app that delegates company spending to"
         " all employees. Pleo cards are pre-paid.", "Pleo"),
        # dev3 en_356: the full name with its legal form where the ad writes it.
        ("LanguageTooler is a young company.\n\nLanguageTooler GmbH, Potsdam", "LanguageTooler GmbH"),
        # A place after 'at' is no employer; a one-word subject that is not an organisation, or named once, is none.
        ("As a Nurse at Berlin you will care for patients.", None),
        ("Python is a language we love.\n\nYou know Python well.", None),
        ("Acme is a platform building tools.", None),
        # ... unless the sentence calls it a firm (pythonjobs, vele616 ads read without their front matter):
        # the kind of firm is evidence enough, as "startup" is of no skill or product
        ("Qustodio is a parental control company with offices in the center of Barcelona.", "Qustodio"),
        ("Acme is a startup building tools.", "Acme"),
        # ... German names the kind by a compound's head (written: the German counterpart of the rule above)
        ("Brückner ist ein Softwareunternehmen aus Köln.", "Brückner"),
        ("Köln ist eine Stadt voller Unternehmen.", None),
        ("Python is a language we love.\n\nYou know Python well.", None),
        ("Berlin is a city full of companies.", None),
        ("Kubernetes is an open-source system from a company we like.", None),
        # "Hello. We are ShipHero": a greeting is no name.
        ("About ShipHero\n\nHello. We are ShipHero (https://shiphero.com). We have built a software platform.", None),
        # dev19 en_1913 (mnylc job board): the hirer with where it is
        ("The Nanuet Public Library in Rockland County, NY is looking for a part-time Library Assistant.\n"
         "Send your résumé to Nanuet Public Library, 149 Church St.", "Nanuet Public Library"),
        ("Die Muster GmbH aus Köln sucht eine Köchin.", "Muster GmbH"),
        # dev19 de_1906 (Avocadostore): "suchen wir" puts the subject after the verb, an adverb before it
        ("Aktuell suchen wir zum nächstmöglichen Zeitpunkt für folgende Positionen eine Besetzung.", None),
        # ... and the employer says what it is with a genitive and a superlative
        ("Wir sind Avocadostore, Deutschlands größter Online Marktplatz für Eco Fashion mit Sitz in Hamburg.\n"
         "Dein Praktikum bei Avocadostore", "Avocadostore"),
        ("We are Acme, Europe’s largest maker of tools. Acme is hiring.", "Acme"),
    ],
)
def test_company_in_text(text, expected):
    assert company_in_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Grüße\nAvanCarte GmbH\nBremen", "AvanCarte GmbH"),
    # the name after a label, anywhere in the ad (dev12 de_1201, a research tool's saved ad)
    ("Deine Aufgaben …\n\nCompany: CHEFS CULINAR West GmbH & Co. KG\n", "CHEFS CULINAR West GmbH & Co. KG"),
    ("**Arbeitgeber:** Muster GmbH", "Muster GmbH"),
    ("Company: we are a great place to work", None),
])
def test_company_line_in_text(text, expected):
    from crawler.parsing.employer import company_line_in_text

    assert company_line_in_text(text) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # dev19 de_1906: a page title opening with the employer's name before a separator names it
    ("Avocadostore - Eco Fashion & Green Lifestyle - Nachhaltig", "Avocadostore"),
    # the name inside the role's own words is no employer of it
    ("Avocadostore Marktplatz Manager", None),
])
def test_employer_opening_the_title(title, expected):
    from crawler.parsing.posting import _company_named_in

    text = "Wir sind Avocadostore, Deutschlands größter Online Marktplatz.\nDein Praktikum bei Avocadostore"
    assert _company_named_in(text, title) == expected


@pytest.mark.parametrize(("name", "text", "expected"), [
    # dev20 de_2000/de_2001: a mail domain spells the short form, the ad writes the name in full
    ("Uni Hamburg", "am Institut für Psychologie der Universität Hamburg suchen wir", "Universität Hamburg"),
    ("Uni Hamburg", "Bewerbung an jobs@uni-hamburg.de", "Uni Hamburg"),
    ("Unicorn Labs", "Unicorn Labs is hiring.", "Unicorn Labs"),
])
def test_a_short_kind_written_out(name, text, expected):
    from crawler.parsing.name_in_text import name_written_out

    assert name_written_out(name, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # vele616 jobboard ads whose page ran a heading into the first sentence (read without front matter)
        ("---\ntitle: Campaign Associate\n---\nSummary The Wikimedia Foundation is looking for a Campaign Associate"
         " to join our team.", "Wikimedia Foundation"),
        ("---\ntitle: Senior Ruby Developer\n---\n**THE COMPANY** Gatekeeper is a SaaS-based, next-generation"
         " contract management company. We help our customers to reduce risk.", "Gatekeeper"),
        ("---\ntitle: QA Engineer\n---\nPosition OverviewWe are looking for a Quality Assurance Engineer who will"
         " test all releases.", None),
    ],
)
def test_heading_run_into_the_hiring_sentence_is_no_part_of_the_name(text, expected):
    from crawler.parsing.posting import parse_document

    assert parse_document(text)["company"] == expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # vele616 eyeo ads: the applicant-tracking vendor in the privacy note is no employer
        ("Greenhouse", "you’ll be forwarded to our recruitment platform operated by an external service provider"
         " called Greenhouse (seated in the US). Greenhouse collects some information.", True),
        ("Personio", "Deine Daten werden vom Dienstleister Personio verarbeitet.", True),
        # dev18 en_1810: a longer name the word opens is another's
        ("Hopper", "Hopper launched a B2B initiative called Hopper Cloud in late 2021.", False),
        ("Acme", "Acme builds tools. Acme is hiring.", False),
    ],
)
def test_named_as_third_party(name, text, expected):
    from crawler.parsing.employer import named_as_third_party

    assert named_as_third_party(name, text) is expected


@pytest.mark.parametrize(("name", "placeholder"), [
    ("Confidential Organization.", True),   # dev24 en_2411
    ("Anonymous", True),
    ("Stealth Startup", True),
    ("Vertraulich", True),
    ("Confidential Computing GmbH", False),
    ("Unknown Worlds Entertainment", False),
])
def test_is_placeholder_employer(name, placeholder):
    from crawler.parsing.employer import is_placeholder_employer

    assert is_placeholder_employer(name) is placeholder


def test_a_withheld_employer_is_null():
    from crawler.parsing.posting import parse_document

    posting = parse_document("VP Global Manufacturing Strategy\n\nCompany: Confidential Organization.\n\n"
                             "We are looking for a VP to lead our plants.\n")
    assert posting["company"] is None


@pytest.mark.parametrize(("text", "agency"), [
    ("Für unseren Top Endkunden sind wir aktuell auf der Suche nach einem Security Consultant.", True),  # dev25 de_2505
    ("Für unseren langjährigen Kunden aus der Industrie suchen wir einen Buchhalter.", True),
    ("Wir entwickeln Software für unsere Kunden.", False),
])
def test_a_client_with_words_before_kunden(text, agency):
    assert is_agency_ad(text) is agency


@pytest.mark.parametrize(("text", "name"), [
    ("Dauer:\n\n34 Monate\n\nVon: SOLCOM GmbH\nEingestellt:\n\n10.01.2025", "SOLCOM GmbH"),   # a board's poster line
    ("Company: CHEFS CULINAR West GmbH & Co. KG", "CHEFS CULINAR West GmbH & Co. KG"),
])
def test_a_company_line_after_its_label(text, name):
    from crawler.parsing.employer import company_line_in_text

    assert company_line_in_text(text) == name
