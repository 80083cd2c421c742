"""Cities in Germany, Austria and Switzerland the sample ads are located in."""

from crawler.sample_board.model import Place

PLACES: dict[str, Place] = {
    "berlin": Place("Berlin", "Berlin", "10115", "Berlin", "DE", "Invalidenstraße 65"),
    "hamburg": Place("Hamburg", "Hamburg", "20095", "Hamburg", "DE", "Mönckebergstraße 7"),
    "muenchen": Place("München", "Munich", "80331", "Bayern", "DE", "Sendlinger Straße 12"),
    "koeln": Place("Köln", "Cologne", "50667", "Nordrhein-Westfalen", "DE", "Hohe Straße 41"),
    "frankfurt": Place("Frankfurt am Main", "Frankfurt", "60311", "Hessen", "DE", "Neue Mainzer Straße 20"),
    "stuttgart": Place("Stuttgart", "Stuttgart", "70173", "Baden-Württemberg", "DE", "Königstraße 26"),
    "duesseldorf": Place("Düsseldorf", "Dusseldorf", "40213", "Nordrhein-Westfalen", "DE", "Königsallee 60"),
    "leipzig": Place("Leipzig", "Leipzig", "04109", "Sachsen", "DE", "Grimmaische Straße 13"),
    "dresden": Place("Dresden", "Dresden", "01067", "Sachsen", "DE", "Wilsdruffer Straße 24"),
    "hannover": Place("Hannover", "Hanover", "30159", "Niedersachsen", "DE", "Georgstraße 36"),
    "nuernberg": Place("Nürnberg", "Nuremberg", "90402", "Bayern", "DE", "Königstraße 68"),
    "essen": Place("Essen", "Essen", "45127", "Nordrhein-Westfalen", "DE", "Kettwiger Straße 2"),
    "dortmund": Place("Dortmund", "Dortmund", "44135", "Nordrhein-Westfalen", "DE", "Westenhellweg 102"),
    "bremen": Place("Bremen", "Bremen", "28195", "Bremen", "DE", "Obernstraße 45"),
    "mannheim": Place("Mannheim", "Mannheim", "68161", "Baden-Württemberg", "DE", "O 7, 14"),
    "karlsruhe": Place("Karlsruhe", "Karlsruhe", "76133", "Baden-Württemberg", "DE", "Kaiserstraße 155"),
    "muenster": Place("Münster", "Munster", "48143", "Nordrhein-Westfalen", "DE", "Ludgeristraße 100"),
    "heidelberg": Place("Heidelberg", "Heidelberg", "69117", "Baden-Württemberg", "DE", "Hauptstraße 120"),
    "wien": Place("Wien", "Vienna", "1010", "Wien", "AT", "Kärntner Straße 21"),
    "graz": Place("Graz", "Graz", "8010", "Steiermark", "AT", "Herrengasse 16"),
    "linz": Place("Linz", "Linz", "4020", "Oberösterreich", "AT", "Landstraße 31"),
    "innsbruck": Place("Innsbruck", "Innsbruck", "6020", "Tirol", "AT", "Maria-Theresien-Straße 18"),
    "zuerich": Place("Zürich", "Zurich", "8001", "Zürich", "CH", "Bahnhofstrasse 45"),
    "basel": Place("Basel", "Basel", "4051", "Basel-Stadt", "CH", "Freie Strasse 35"),
    "bern": Place("Bern", "Bern", "3011", "Bern", "CH", "Spitalgasse 4"),
}

COUNTRY_NAMES: dict[str, dict[str, str]] = {
    "de": {"DE": "Deutschland", "AT": "Österreich", "CH": "Schweiz"},
    "en": {"DE": "Germany", "AT": "Austria", "CH": "Switzerland"},
}

PHONE_PREFIXES: dict[str, str] = {"DE": "+49", "AT": "+43", "CH": "+41"}
