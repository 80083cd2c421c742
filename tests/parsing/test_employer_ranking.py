"""Tests for crawler.parsing.employer_ranking: the employer named only in the ad's prose, ranked."""

import pytest

from crawler.parsing.employer_ranking import employer_by_ranking, rank_employers


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # pep-dortmund/homepage jobboerse/_posts/2022-04-14-tkbilstein.md (dev8 de_809): a lower-case brand opening
        # sentences, a subject three times over.
        ("thyssenkrupp Bilstein steht weltweit für Innovation und High-Tech in der Fahrwerktechnik. Darüber hinaus "
         "ist thyssenkrupp Bilstein seit vielen Jahren ein gefragter Partner im Motorsport. thyssenkrupp Bilstein ist "
         "eine operative Geschäftseinheit des Business Segments.", "Data scientist", "thyssenkrupp Bilstein"),
        # pep-dortmund/homepage jobboerse/_posts/2022-02-17-wilo.md (dev8 de_808): a subject once, and
        # the title line opens with it.
        ("Wilo ist stolz darauf, eines der führenden Unternehmen der Pumpenindustrie zu sein.\n\n"
         "WILO BIETET ALS ARBEITGEBER VIELE VORTEILE",
         "Wilo Werkstudent - Prototypenentwicklung IoT Hard- und Software", "Wilo"),
        # rpi-virtuell/FOERBICO_und_rpi-virtuell Stellenausschreibung-Informatiker.md (dev8 de_816): the
        # legal form kept, the mail domain agrees.
        ("Das Comenius-Institut Evangelische Arbeitsstätte für Erziehungswissenschaft e.V. sucht zum nächstmöglichen "
         "Zeitpunkt eine/n Softwareentwickler.\n\nBei Fragen wenden Sie sich an lohrer@comenius.de.",
         "Softwareentwickler", "Comenius-Institut Evangelische Arbeitsstätte für Erziehungswissenschaft e.V."),
        # tim-koko/website content/de/jobs/_index.md (dev6 de_620): a name spelt with "&", "wir von X"
        # and recurrence.
        ("### Wer sind wir - tim&koko kurz und knapp\n\nSeit der Gründung begleiten wir von tim&koko, Unternehmen "
         "ganz nach oben.\n\n- Es macht dir Freude tim&koko als Unternehmen weiterzuentwickeln",
         "Cloud Native Engineer", "tim&koko"),
        # pep-dortmund/homepage jobboerse/_posts/2022-12-21-assistenz.md (dev8 de_810): named once, after
        # "Träger ist".
        ("Gesucht ist ein Student der Medizinphysik (3. Semester oder höher).\n\n* Träger ist Familienzukunft aus "
         "Münster\n* 16-18 Euro pro Stunde", "Studienassistenz in der Medizinphysik", "Familienzukunft"),
        # holidayextras/holidayextras.github.com _jobs/senior-front-end-developer.md (dev6 en_613): "We
        # are X" opening the ad.
        ("We are Holiday Extras Shortbreaks (part of the Holiday Extras Group, established for over 30 years); we "
         "work with the UK’s best theme parks.", "Front End Developer", "Holiday Extras Shortbreaks"),
        # tierklinik-dobersberg/tierklinik-dobersberg.github.io (dev3 de_351, annotated without an
        # employer): "unsere Tierklinik" is a common noun, though the mail
        # domain spells it.
        ("Wir suchen für unsere Tierklinik in Dobersberg eine Reinigungskraft.\n\nBei Interesse bitte unter "
         "patrick@tierklinikdobersberg.at melden.", "Reinigungskraft", None),
        # scottishgovernment/resources.mygov.scot (dev5 en_523): a division the ad names is a unit, not
        # the employer.
        ("Digital Public Services and Business Transformation works with the wider public sector.\n\nThe Digital "
         "Public Services and Business Transformation division is headed by a Deputy Director.",
         "Infrastructure Engineer", None),
        # scottishgovernment/resources.mygov.scot _jobs/test-engineer.md (dev5 en_522): a unit under a
        # "Division:" label, then a subject.
        ("Division: Digital Public Services and Business Transformation\n\nDigital Public Services and Business "
         "Transformation works with the wider public sector.", "Test Engineer", None),
        # written: a sentence's full stop ends the name ("Open Utility. We're …" is not one name).
        ("Open Utility is a small energy start-up. We're hiring at Open Utility. We're based in London.",
         "Python Developer", "Open Utility"),
        # written: an address sharing only a first word with a name does not spell it ("hiring@datareply.co.uk"
        # and the list item "Data Wrangler").
        ("Roles we hire for:\n\n* Data Wrangler\n* Data Engineer\n\nWrite to hiring@datareply.co.uk.",
         "Data Engineer", None),
        # written: "here at X" and a possessive.
        ("Here at Quillmoor we build tools for archives. Quillmoor's mission is to keep records open.",
         "Archivist", "Quillmoor"),
        # written: a place the ad speaks of as a subject is no employer ("Berlin is …").
        ("Berlin is a great city to live in. Berlin has many parks.", "Backend Engineer", None),
        # written: a skill is no employer, however often it is the subject.
        ("Python is our main language. Python has served us well.", "Backend Engineer", None),
        # written: a German noun after an article is no name ("Die Stelle ist …").
        ("Die Stelle ist befristet. Die Stelle ist in Teilzeit möglich.", "Sachbearbeiter", None),
        # written: the role's own words are no employer.
        ("The Data Engineer is responsible for pipelines. The Data Engineer works with analysts.",
         "Data Engineer", None),
        # written: a name said once, without a cue, is not enough.
        ("You will work with Marketing and Sales on campaigns.", "Campaign Manager", None),
        # dev14 en_1410 (JetBrains): "At X, …" opening a sentence, the name written again
        ("At JetBrains, code is our passion.\n\nThe JetBrains Research ML4SE lab explores machine learning.\n\n"
         "- Develop plugins for IntelliJ-based IDEs and other JetBrains products.", "ML Research Engineer", "JetBrains"),
        # written: "At X" inside a sentence, or a place, is no such cue
        ("Twice a year we meet at Kestrel, our partner. We love Kestrel.", "Engineer", None),
        ("At Berlin, we meet every Friday. Berlin is great.", "Engineer", None),
        # A name opening with digits (vele616 jobboard ads of 10up and 3Box Labs, read without their front matter)
        ("10up has been making the web better since 2011.\n\nYou will maintain 10up external projects.",
         "Web Engineer", "10up"),
        ("3Box Labs is advancing a more open web.\n\nWrite to jobs@3boxlabs.com.", "Community Lead", "3Box Labs"),
        # German and English welcomes and "we are" (Arbeitnow API ads, MoaviaMahmood/Arbeitnow-Jobs-ETL-Pipeline)
        ("Willkommen bei der KV GmbH.\n\nWir entwickeln und betreiben vielfältige Internetportale.",
         "Fachinformatiker", "KV GmbH"),
        ("Dann komm zu uns.\n\nWir sind die Stannek GmbH – IT-Systemhaus und DATEV-Partner.", "IT-Systemelektroniker",
         "Stannek GmbH"),
        ("Welcome to Brightwave! We build dashboards.\n\nBrightwave is remote-first.", "Data Engineer", "Brightwave"),
        ("Werde Teil von isLOGIC AG! Entwickle innovative Lösungen.", "Webentwickler", "isLOGIC AG"),
        # "Bei X <verb> wir/du" and "At X you" speak from the employer (Arbeitnow API ads) ...
        ("Bei Roos Fleetservice GmbH sind wir mehr als nur ein Dienstleister im Bereich Fuhrpark.",
         "Kfz-Meister", "Roos Fleetservice GmbH"),
        ("Bei Amapharm bekommst du nicht nur frisches Obst.\n\nAt Amapharm you get fresh fruit.", "Specialist",
         "Amapharm"),
        # ... but not a sentence that only opens with "Bei" and a noun
        ("Bei Fragen wende dich an Frau Muster. Bei Fragen helfen wir gern.", "Specialist", None),
        # a brand written in lower case, opening sentences as an organisation's subject
        ("konfetti is the booking platform for local workshops.\n\nYour next step → konfetti!\n\n"
         "Become a true part of our success at konfetti!", "Fullstack Developer", "konfetti"),
        # ... while ordinals, units and bare figures name nothing
        ("2nd round interviews are held online. The 2nd round is short.", "Engineer", None),
        ("24hrs is the time you have. 24hrs is enough.", "Engineer", None),
    ],
)
def test_employer_by_ranking(text, title, expected):
    assert employer_by_ranking(text, title) == expected


def test_rank_orders_by_evidence():
    text = ("Quillmoor is a small studio. Here at Quillmoor we build tools; write to jobs@quillmoor.com. "
            "Northwind is one of our clients.")
    ranked = rank_employers(text, "Archivist")
    assert [entry.name for entry in ranked[:2]] == ["Quillmoor", "Northwind"]
    assert ranked[0].score > ranked[1].score


@pytest.mark.parametrize(("text", "expected"), [
    # vele616/monorepo jobboard (nixa-io ads): a brand written with its web domain is one name
    ("Nixa.io is a software agency. Nixa.io builds apps for startups.", "Nixa.io"),
    ("Booking.com is one of the world's leading travel platforms.", "Booking.com"),
    # a sentence's full stop before a capitalised word is no domain
    ("We build tools at Acme. Io is our moon. Acme is growing fast.", "Acme"),
    # dev19 en_1902 (Natural Essentials): the name with a comma before its legal form, as written,
    # named only in the equal-opportunity line
    ("The job is great.\n\nNatural Essentials, Inc. is an equal opportunity employer.", "Natural Essentials, Inc."),
])
def test_a_brand_with_its_domain_ending_is_one_name(text, expected):
    ranked = rank_employers(text)
    assert ranked and ranked[0].name == expected


@pytest.mark.parametrize(("name", "text", "expected"), [
    # guidepoint (dev14 en_1420), cloverhound (dev14 en_1412), green coding (dev13 en_1305)
    ("Guidepoint", "Guidepoint is a leading research platform.\nGuidepoint Global LLC is an equal opportunity employer.",
     "Guidepoint Global LLC"),
    ("Cloverhound", "Cloverhound is a telecommunications firm.\nCloverhound, Inc. is proud to be an equal employer.",
     "Cloverhound, Inc."),
    ("Green Coding Solutions", "At Green Coding Solutions we build tools. Working at Green Coding Solutions GmbH is fun.",
     "Green Coding Solutions GmbH"),
    # no legal name written, or the name already carries its form, or more words than a name adds
    ("Acme", "Acme builds tools. Acme is hiring.", "Acme"),
    ("Acme GmbH", "Acme GmbH builds tools.", "Acme GmbH"),
    ("Acme", "Acme works with Big Partner Firm Consulting Ltd on tools.", "Acme"),
])
def test_legal_name_extending(name, text, expected):
    from crawler.parsing.name_in_text import legal_name_extending

    assert legal_name_extending(name, text) == expected
