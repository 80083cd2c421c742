"""Made-up employers and recruitment agencies posting on the sample board."""

from crawler.sample_board.model import Employer

EMPLOYERS: dict[str, Employer] = {
    # English-speaking employers
    "nordlicht": Employer(
        "Nordlicht Analytics GmbH",
        "Nordlicht Analytics builds the analytics platform that more than 900 retailers and "
        "manufacturers across Europe use to plan their assortments. Our team of 180 people from "
        "32 nations works from our office in the Hamburg Speicherstadt and remotely.",
        "https://www.nordlicht-analytics.de",
    ),
    "vektor": Employer(
        "Vektor Payments GmbH",
        "Vektor Payments processes card and account-to-account payments for 40,000 online shops. "
        "Founded in 2017 and licensed by BaFin, we are a profitable fintech with 260 employees.",
        "https://vektorpayments.com",
    ),
    "ostwind": Employer(
        "Ostwind Mobility GmbH",
        "Ostwind Mobility develops charging software and hardware for electric fleets. Our "
        "chargers run at more than 3,000 depots in twelve countries.",
        "https://www.ostwind-mobility.de",
    ),
    "lumenta": Employer(
        "Lumenta Health GmbH",
        "Lumenta Health is a digital health company from Berlin. Our app helps more than two "
        "million people manage chronic conditions together with their doctors.",
        "https://lumenta.health",
    ),
    "donau": Employer(
        "Donau Digital GmbH",
        "Donau Digital is an e-commerce company from Vienna running online shops for home and "
        "garden products in seven European markets.",
        "https://www.donau-digital.at",
    ),
    "zuerisee": Employer(
        "Zürisee Fintech AG",
        "Zürisee Fintech builds digital wealth management solutions for private banks in "
        "Switzerland and Liechtenstein.",
        "https://www.zuerisee-fintech.ch",
    ),
    "aarberg": Employer(
        "Aarberg Pharma AG",
        "Aarberg Pharma is a mid-sized pharmaceutical company headquartered in Basel, developing "
        "and producing generics and biosimilars for more than 60 markets.",
        "https://www.aarberg-pharma.ch",
    ),
    "kranich": Employer(
        "Kranich Logistik SE",
        "Kranich Logistik is one of Europe's leading contract logistics providers with 14,000 "
        "employees at 120 sites. From our Frankfurt headquarters we steer warehouse, transport "
        "and e-commerce fulfilment for brands you know.",
        "https://www.kranich-logistik.com",
    ),
    "pixelpilot": Employer(
        "Pixelpilot GmbH",
        "Pixelpilot is a mobile games studio from Cologne. Our puzzle games have been downloaded "
        "more than 80 million times.",
        "https://pixelpilot.games",
    ),
    "helix": Employer(
        "Helix Robotics GmbH",
        "Helix Robotics builds autonomous mobile robots for intralogistics. Founded as a spin-off "
        "of the University of Stuttgart, we now employ 140 people.",
        "https://helix-robotics.de",
    ),
    "quellwerk": Employer(
        "Quellwerk Energie AG",
        "Quellwerk Energie supplies electricity, gas and heat to 1.2 million customers in the "
        "Ruhr area and is investing billions in wind, solar and hydrogen.",
        "https://www.quellwerk-energie.de",
    ),
    "merwald": Employer(
        "Merwald Retail SE",
        "Merwald Retail operates 420 drugstores and an online shop in Germany and Austria.",
        "https://www.merwald.de",
    ),
    "brightpath": Employer(
        "BrightPath Talent Partners",
        "BrightPath Talent Partners is a specialist recruitment consultancy for technology roles "
        "in the DACH region.",
        "https://www.brightpath-talent.com",
        agency=True,
    ),
    # German-speaking employers
    "muehlbach": Employer(
        "Mühlbach Elektrotechnik GmbH & Co. KG",
        "Seit 1968 steht Mühlbach Elektrotechnik für Elektroinstallationen in Gewerbe-, Industrie- "
        "und Wohnbauten in der Metropolregion Nürnberg. Heute sind wir ein Team aus 85 Fachkräften.",
        "https://www.muehlbach-elektro.de",
    ),
    "sonnenfeld": Employer(
        "Sonnenfeld Kliniken gGmbH",
        "Die Sonnenfeld Kliniken sind ein Krankenhaus der Schwerpunktversorgung mit 620 Betten "
        "und 18 Fachabteilungen. Jährlich behandeln wir über 30.000 Patientinnen und Patienten stationär.",
        "https://www.sonnenfeld-kliniken.de",
    ),
    "tannenhof": Employer(
        "Pflegewohnhaus Am Tannenhof GmbH",
        "Das Pflegewohnhaus Am Tannenhof bietet 120 Bewohnerinnen und Bewohnern in Graz ein "
        "Zuhause mit familiärer Atmosphäre.",
        "https://www.tannenhof-pflege.at",
    ),
    "brueckner": Employer(
        "Brückner & Vogt Steuerberatungsgesellschaft mbH",
        "Brückner & Vogt ist eine mittelständische Steuerberatungskanzlei mit 45 Mitarbeitenden "
        "in Münster. Wir betreuen Unternehmen, Freiberufler und Privatpersonen.",
        "https://www.brueckner-vogt.de",
    ),
    "falkenstein": Employer(
        "Falkenstein Maschinenbau GmbH",
        "Die Falkenstein Maschinenbau GmbH entwickelt und fertigt Verpackungsmaschinen für die "
        "Lebensmittel- und Pharmaindustrie. Mit 650 Mitarbeitenden exportieren wir in über 50 Länder.",
        "https://www.falkenstein-maschinenbau.de",
    ),
    "alpenblick": Employer(
        "Alpenblick Versicherung AG",
        "Die Alpenblick Versicherung ist ein regional verwurzelter Versicherer mit Sitz in "
        "Innsbruck und betreut über 400.000 Kundinnen und Kunden in Österreich.",
        "https://www.alpenblick-versicherung.at",
    ),
    "kroeger": Employer(
        "Hanseatische Baugesellschaft Kröger mbH",
        "Als Bauunternehmen in dritter Generation realisieren wir Wohn- und Gewerbebauten im "
        "Großraum Bremen – schlüsselfertig und termintreu.",
        "https://www.kroeger-bau.de",
    ),
    "steirerland": Employer(
        "Steirerland Bau GmbH",
        "Die Steirerland Bau GmbH ist ein führendes Bauunternehmen in der Steiermark mit rund "
        "300 Mitarbeiterinnen und Mitarbeitern.",
        "https://www.steirerland-bau.at",
    ),
    "bergmann": Employer(
        "Bergmann Handelshaus KG",
        "Das Bergmann Handelshaus ist ein familiengeführter Großhändler für Haushaltswaren mit "
        "Sitz in Leipzig und beliefert rund 2.500 Fachhändler in ganz Deutschland.",
        "https://www.bergmann-handelshaus.de",
    ),
    "lindenau": Employer(
        "Stadtwerke Lindenau GmbH",
        "Die Stadtwerke Lindenau versorgen die Region Hannover zuverlässig mit Strom, Gas, Wasser "
        "und Fernwärme. Rund 1.100 Beschäftigte sorgen täglich dafür.",
        "https://www.stadtwerke-lindenau.de",
    ),
    "kupferhaus": Employer(
        "Kupferhaus Medien GmbH",
        "Kupferhaus Medien verlegt Fach- und Publikumszeitschriften und betreibt mehrere "
        "Online-Portale rund um Wohnen und Garten.",
        "https://www.kupferhaus-medien.de",
    ),
    "datenwerk": Employer(
        "Datenwerk Systemhaus GmbH",
        "Die Datenwerk Systemhaus GmbH entwickelt Fachanwendungen für Verwaltungen und "
        "Energieversorger und betreibt sie in eigenen Rechenzentren in Sachsen.",
        "https://www.datenwerk-systemhaus.de",
    ),
    "gruenwerk": Employer(
        "Grünwerk Facility Services GmbH",
        "Grünwerk Facility Services bewirtschaftet Büro-, Industrie- und Klinikimmobilien im "
        "Ruhrgebiet – von der Haustechnik bis zur Grünpflege.",
        "https://www.gruenwerk-fs.de",
    ),
    "rotor": Employer(
        "Rotor Medizintechnik AG",
        "Die Rotor Medizintechnik AG entwickelt und vertreibt chirurgische Instrumente und "
        "Sterilisationssysteme für Spitäler in der ganzen Schweiz.",
        "https://www.rotor-medizintechnik.ch",
    ),
    "hofbauer": Employer(
        "Kanzlei Hofbauer & Partner Steuerberatung GmbH",
        "Wir sind eine etablierte Steuerberatungskanzlei in Linz mit 30 Mitarbeiterinnen und "
        "Mitarbeitern und betreuen Klein- und Mittelbetriebe in ganz Oberösterreich.",
        "https://www.hofbauer-steuer.at",
    ),
    "talentbruecke": Employer(
        "TalentBrücke Personalberatung GmbH",
        "Die TalentBrücke Personalberatung vermittelt Fach- und Führungskräfte in den Bereichen "
        "Finanzen, Personal und IT.",
        "https://www.talentbruecke.de",
        agency=True,
    ),
    "prostaff": Employer(
        "ProStaff Personaldienstleistungen GmbH",
        "ProStaff ist Ihr Partner für Arbeitnehmerüberlassung und Personalvermittlung mit "
        "25 Niederlassungen in NRW.",
        "https://www.prostaff-personal.de",
        agency=True,
    ),
}
