"""German job titles rendered in the English words of ESCO labels (stop-gap: no German ESCO bundled).

German occupation titles are compounds built on a small set of head nouns ("Software|entwickler",
"Alten|pfleger", "Lager|helfer"). A compound is split at the longest known head, the head and a known
modifier are translated, and an unknown modifier is kept as it is (it is often an English loanword:
"Software", "Marketing", "Java"). The tables are a general bilingual dictionary of occupational
words, not a list of titles.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Head nouns (masculine/neutral base form; gender endings are removed before lookup).
HEADS: dict[str, str] = {
    "entwickler": "developer", "programmierer": "programmer", "ingenieur": "engineer",
    "techniker": "technician", "mechaniker": "mechanic", "mechatroniker": "mechatronics technician",
    "elektroniker": "electrician", "elektriker": "electrician", "installateur": "installer",
    "monteur": "fitter", "schlosser": "metalworker", "schweißer": "welder", "schweisser": "welder",
    "tischler": "joiner", "schreiner": "joiner", "zimmerer": "carpenter", "maurer": "bricklayer",
    "maler": "painter", "lackierer": "painter", "dachdecker": "roofer", "fliesenleger": "tiler",
    "bäcker": "baker", "konditor": "pastry maker", "fleischer": "butcher", "metzger": "butcher",
    "koch": "cook", "beikoch": "kitchen assistant", "kellner": "waiter", "küchenhilfe": "kitchen porter",
    "verkäufer": "sales assistant", "kassierer": "cashier", "berater": "consultant", "referent": "officer",
    "sachbearbeiter": "clerk", "buchhalter": "bookkeeper", "bilanzbuchhalter": "accountant",
    "steuerberater": "tax advisor", "steuerfachangestellte": "tax clerk", "wirtschaftsprüfer": "auditor",
    "controller": "financial controller", "kaufmann": "clerk", "fachangestellte": "assistant",
    "assistent": "assistant", "sekretär": "secretary", "sekretariat": "secretary", "empfang": "receptionist",
    # "Individual|begleiter", "Schul|begleitung": one who accompanies; its "-leiter" is no manager.
    "begleiter": "assistant", "begleitung": "assistant",
    "leiter": "manager", "leitung": "manager", "manager": "manager", "geschäftsführer": "managing director",
    "direktor": "director", "vorstand": "chief executive officer", "meister": "supervisor",
    "vorarbeiter": "foreman", "teamleiter": "team leader", "projektleiter": "project manager",
    "pfleger": "nurse", "pflegekraft": "nurse", "pflegefachkraft": "nurse", "pflegefachmann": "nurse",
    "krankenschwester": "nurse", "pflegehelfer": "healthcare assistant", "pflegeassistent": "healthcare assistant",
    "hebamme": "midwife", "arzt": "doctor", "ärztin": "doctor", "zahnarzt": "dentist", "apotheker": "pharmacist",
    "therapeut": "therapist", "physiotherapeut": "physiotherapist", "ergotherapeut": "occupational therapist",
    "logopäde": "speech and language therapist", "psychologe": "psychologist", "tierarzt": "veterinarian",
    "erzieher": "early years educator", "kinderpfleger": "child care worker", "lehrer": "teacher",
    "lehrkraft": "teacher", "dozent": "lecturer", "professor": "professor", "ausbilder": "trainer",
    "trainer": "trainer", "sozialarbeiter": "social worker", "sozialpädagoge": "social pedagogue",
    "heilerziehungspfleger": "social care worker", "betreuer": "care worker", "helfer": "assistant",
    "hilfskraft": "assistant", "aushilfskraft": "assistant", "kraft": "worker", "mitarbeiter": "worker", "fachkraft": "specialist", "spezialist": "specialist",
    "experte": "specialist", "analyst": "analyst", "architekt": "architect", "designer": "designer",
    "gestalter": "designer", "mediengestalter": "graphic designer", "redakteur": "editor",
    "journalist": "journalist", "übersetzer": "translator", "dolmetscher": "interpreter",
    "jurist": "lawyer", "rechtsanwalt": "lawyer", "anwalt": "lawyer", "notar": "notary",
    "richter": "judge", "polizist": "police officer", "fahrer": "driver", "kraftfahrer": "lorry driver",
    "berufskraftfahrer": "lorry driver", "staplerfahrer": "forklift operator", "lagerist": "warehouse worker",
    "kommissionierer": "order picker", "disponent": "dispatcher", "spediteur": "freight forwarder",
    "reinigungskraft": "cleaner", "gebäudereiniger": "cleaner", "hausmeister": "caretaker",
    "gärtner": "gardener", "lagerhelfer": "warehouse worker", "lagermitarbeiter": "warehouse worker", "landwirt": "farmer", "friseur": "hairdresser", "kosmetiker": "beautician",
    "bankkaufmann": "bank clerk", "chemiker": "chemist", "physiker": "physicist", "biologe": "biologist",
    "mathematiker": "mathematician", "informatiker": "computer scientist", "administrator": "administrator",
    "wissenschaftler": "scientist", "forscher": "researcher", "einkäufer": "purchaser",
    "vertriebler": "sales representative", "außendienstmitarbeiter": "sales representative",
    "bediener": "operator", "maschinenführer": "machine operator", "anlagenführer": "plant operator",
    "produktionshelfer": "production worker", "zerspanungsmechaniker": "machinist",
    "industriemechaniker": "industrial mechanic", "kfz-mechatroniker": "motor vehicle mechanic",
    "optiker": "optician", "zahntechniker": "dental technician", "bauleiter": "construction manager",
    "sicherheitsmitarbeiter": "security guard", "wachmann": "security guard", "pförtner": "porter",
    "steward": "flight attendant", "pilot": "pilot", "lokführer": "train driver",
    "verwaltungsfachangestellte": "administrative assistant", "buchhaltung": "bookkeeper",
    "personalreferent": "human resources officer", "recruiter": "recruiter", "prüfer": "inspector",
    "vermessungstechniker": "surveying technician", "zeichner": "draughtsperson",
    "planer": "planner", "statiker": "structural engineer", "beauftragte": "officer",
    "angestellte": "employee", "hauswart": "caretaker", "hilfe": "assistant",
    # More job words of German titles (crafts, health, media, services), in ESCO's English words.
    "sachverständige": "expert", "gutachter": "assessor", "koordinator": "coordinator",
    "vermesser": "surveyor", "arbeiter": "worker", "facharbeiter": "skilled worker",
    "bauarbeiter": "construction worker", "buchhändler": "bookseller", "florist": "florist",
    "fotograf": "photographer", "texter": "copywriter", "lektor": "editor", "bibliothekar": "librarian",
    "archivar": "archivist", "kurator": "curator", "psychotherapeut": "psychotherapist",
    "sanitäter": "paramedic", "notfallsanitäter": "paramedic", "rettungssanitäter": "paramedic",
    "laborant": "laboratory technician", "pharmakant": "pharmaceutical operator", "tester": "tester",
    "hausverwalter": "property manager", "immobilienmakler": "real estate agent", "makler": "broker",
    "vertreter": "representative", "hauswirtschafter": "housekeeper", "forstwirt": "forestry worker",
    "tierpfleger": "animal care attendant", "barkeeper": "bartender", "rezeptionist": "receptionist",
    "fluglotse": "air traffic controller", "kurier": "courier", "einrichter": "machine setter",
    "polier": "foreman", "klempner": "plumber", "glaser": "glazier", "bodenleger": "floor layer",
    "stuckateur": "plasterer", "trockenbauer": "drywall installer", "gerüstbauer": "scaffolder",
    "schornsteinfeger": "chimney sweep", "kaminfeger": "chimney sweep", "dreher": "lathe operator",
    "fräser": "milling machine operator", "zerspaner": "machinist", "werkzeugmacher": "toolmaker",
    "feinmechaniker": "precision mechanic", "uhrmacher": "watchmaker", "goldschmied": "goldsmith",
    "masseur": "masseur", "zusteller": "mail carrier", "hörgeräteakustiker": "hearing aid technician",
    "orthopädietechniker": "orthopaedic technician", "augenoptiker": "optician", "heilpädagoge": "special needs teacher",
    "pädagoge": "pedagogue",
    # Austrian and Swiss forms: "Kassier" (Kassierer), "Chauffeur" (Fahrer); and the structural
    # engineer's German name, whose "-planer" is no land planner.
    "kassier": "cashier", "chauffeur": "driver", "tragwerksplaner": "structural engineer",
    # A haulier's or a delivery service's planner of tours and loads is its dispatcher (ISCO-08 4323,
    # ESCO's "Disponent"), not the traffic planner of towns ESCO's "transport planner" is (2164).
    "tourenplaner": "dispatcher", "transportplaner": "dispatcher", "routenplaner": "dispatcher",
    "fuhrparkplaner": "dispatcher", "ladungsplaner": "dispatcher",
    # More job nouns of German ads: the one who commissions plants, the design engineer, the head
    # of housekeeping, assistance as a post ("Teamassistenz"), the cleaner of "-reinigung".
    "inbetriebnehmer": "commissioning technician", "konstrukteur": "design engineer",
    "krankenpfleger": "nurse", "supporter": "ict help desk agent", "bauer": "builder",
    "hausdame": "housekeeping supervisor", "assistenz": "assistant", "reiniger": "cleaner",
}

# Modifiers: the field a compound's head works in.
MODIFIERS: dict[str, str] = {
    # A loanword ESCO writes as German does ("kindergarten teacher"), not a child's garden.
    "kindergarten": "kindergarten",
    "alten": "elderly", "kranken": "hospital", "kinder": "child", "gesundheits": "health",
    "lager": "warehouse", "logistik": "logistics", "reinigung": "cleaner", "hauswirtschaft": "housekeeper", "hauswirtschaftliche": "housekeeping", "büro": "office", "verwaltungs": "administrative",
    "verwaltung": "administration", "personal": "human resources", "vertriebs": "sales", "vertrieb": "sales",
    "verkaufs": "sales", "kassen": "cashier", "wareneingang": "warehouse", "warenausgang": "warehouse",
    "einkauf": "purchasing", "einkaufs": "purchasing", "finanz": "finance",
    "steuer": "tax", "bank": "bank", "versicherungs": "insurance", "immobilien": "real estate",
    "bau": "construction", "hochbau": "building construction", "tiefbau": "civil engineering",
    "elektro": "electrical", "maschinenbau": "mechanical", "kfz": "motor vehicle", "fahrzeug": "vehicle",
    "industrie": "industrial", "produktions": "production", "produktion": "production",
    "fertigungs": "production", "fertigung": "production",
    "qualitäts": "quality", "anlagen": "plant", "maschinen": "machine", "metall": "metal",
    "küchen": "kitchen", "restaurant": "restaurant", "hotel": "hotel", "reise": "travel",
    "einzelhandels": "retail", "einzelhandel": "retail", "groß": "wholesale", "außenhandels": "foreign trade",
    "medizinische": "medical", "zahnmedizinische": "dental", "pharma": "pharmaceutical",
    "labor": "laboratory", "chemie": "chemical", "umwelt": "environmental", "energie": "energy",
    "sozial": "social", "bildungs": "education", "grundschul": "primary school", "berufsschul": "vocational",
    "marketing": "marketing", "daten": "data", "datenbank": "database", "datenbanken": "database", "netzwerk": "network", "system": "system", "systeme": "system",
    "informations": "information", "medien": "media", "online": "online", "presse": "press",
    "rechts": "legal", "gebäude": "building", "garten": "garden", "land": "agricultural",
    "schul": "school", "kundenservice": "customer service", "kunden": "customer", "service": "service",
    "lohn": "payroll", "projekt": "project", "sicherheits": "security", "wirtschafts": "business",
    "web": "web", "software": "software", "it": "ict", "ki": "artificial intelligence",
    "küche": "kitchen", "gesundheit": "health", "strategie": "strategy", "unternehmens": "business", "datenschutz": "data protection",
    # Fields that follow a head ("Ingenieur Verfahrenstechnik", "Referent Rechnungswesen"), in the
    # words of ESCO's English labels.
    "elektrotechnik": "electrical engineering", "verfahrenstechnik": "process engineering",
    "automatisierungstechnik": "automation engineering", "automatisierung": "automation",
    "versorgungstechnik": "building services engineering", "gebäudetechnik": "building services",
    "haustechnik": "building services", "medizintechnik": "medical device", "fahrzeugtechnik": "automotive",
    "luftfahrt": "aviation", "raumfahrt": "aerospace", "luft- und raumfahrt": "aerospace",
    "umwelttechnik": "environmental engineering", "energietechnik": "energy engineering",
    "nachrichtentechnik": "telecommunications", "telekommunikation": "telecommunications",
    "vermessung": "surveying", "geotechnik": "geotechnical", "statik": "structural",
    "brandschutz": "fire safety", "arbeitssicherheit": "health and safety",
    "qualitätssicherung": "quality assurance", "qualitätsmanagement": "quality",
    "instandhaltung": "maintenance", "wartung": "maintenance", "montage": "assembly",
    "inbetriebnahme": "commissioning", "prüfung": "testing", "entwicklung": "development",
    "konstruktion": "design", "forschung": "research", "beschaffung": "procurement",
    "rechnungswesen": "accounting", "finanzbuchhaltung": "accounting", "steuern": "tax", "recht": "legal",
    "versicherung": "insurance", "kommunikation": "communication", "öffentlichkeitsarbeit": "public relations",
    "redaktion": "editorial", "pflege": "nursing", "betreuung": "care", "erziehung": "education",
    "bildung": "education", "beratung": "consulting", "schulung": "training", "kredit": "credit",
    "risiko": "risk", "risikomanagement": "risk", "fonds": "fund", "wertpapier": "securities",
    "zahlungsverkehr": "payments", "revision": "audit", "lebensmittel": "food", "biologie": "biology",
    "physik": "physics", "mathematik": "mathematics", "statistik": "statistics",
    "informatik": "computer science", "elektronik": "electronics", "mechanik": "mechanical",
    "optik": "optical", "kunststoff": "plastics", "holz": "wood", "textil": "textile", "druck": "printing",
    "verpackung": "packaging", "transport": "transport", "spedition": "freight forwarding",
    "zoll": "customs", "export": "export", "import": "import", "personalwesen": "human resources",
    "gehalt": "payroll", "straßenbau": "road construction", "brückenbau": "bridge construction",
    "wasserbau": "hydraulic engineering", "gleisbau": "railway construction", "bahn": "railway",
    "eisenbahn": "railway", "photovoltaik": "photovoltaic", "solar": "solar", "windenergie": "wind energy",
    "strom": "power", "wasser": "water", "abwasser": "wastewater", "heizung": "heating",
    "lüftung": "ventilation", "klima": "air conditioning", "sanitär": "plumbing", "kälte": "refrigeration",
    "kältetechnik": "refrigeration", "steuerungstechnik": "control engineering",
    "regelungstechnik": "control engineering", "messtechnik": "measurement", "lasertechnik": "laser",
    "halbleiter": "semiconductor", "pharmazie": "pharmaceutical",
    "marktforschung": "market research", "werbung": "advertising", "vertriebsinnendienst": "sales support", "hardware": "hardware", "tragwerks": "structural",
    "informationssicherheits": "information security", "test": "test", "prozess": "process",
    # What trades work on ("Montage von Toren und Türen"), in ESCO's English words.
    "dienst": "service", "betrieb": "operations", "zentrum": "centre", "medizin": "medicine",
    "teile": "parts",
    "tür": "door", "tor": "gate", "fenster": "window", "dach": "roof", "regal": "shelf",
    "treppe": "stair", "fassade": "facade", "boden": "floor", "heizungs": "heating",
}

# What a "-pfleger" keeps when it is no person ("Garten|pfleger", "Landschafts|pfleger", "Grün|pfleger"):
# grounds and gardens, kept by ESCO's gardeners (6113), not nursed.
UPKEEP_MODIFIERS: dict[str, str] = {
    "garten": "gardener", "gärten": "gardener", "landschaft": "landscape gardener",
    "landschafts": "landscape gardener", "grün": "gardener", "grünanlagen": "gardener",
    "grünflächen": "gardener", "park": "gardener", "parkanlagen": "gardener", "grünanlage": "gardener",
}

# What a "-betreuer" looks after when it is no person: systems, applications, their users
# ("Systembetreuer", "EDV-Betreuer", "Anwendungsbetreuer"): ICT user support (3512), not social care.
ICT_CARE_MODIFIERS = frozenset({
    "system", "systeme", "edv", "it", "anwendungs", "anwendung", "anwender", "software", "netzwerk",
    "server", "datenbank", "rechner", "computer", "pc", "hardware", "applikations",
})

# ... and buildings: "Objektbetreuer", "Gebäudebetreuer", "Liegenschaftsbetreuer" are caretakers (5153).
BUILDING_CARE_MODIFIERS = frozenset({"objekt", "gebäude", "liegenschafts", "liegenschaft", "haus"})

# Job words that, before another job's head, name its field ("Arzt|sekretärin", "Chefarzt|sekretärin":
# a doctor's secretary is ESCO's medical secretary); alone they are jobs of their own (HEADS).
COMPOUND_MODIFIERS: dict[str, str] = {"arzt": "medical", "chefarzt": "medical", "oberarzt": "medical"}

# German adjectives of job titles by their base (endings -e, -er, -en, -es, -em removed), in ESCO's
# English words; "studentische" (a student's job) says nothing about the occupation.
ADJECTIVES: dict[str, str] = {
    "technisch": "technical", "kaufmännisch": "commercial", "ärztlich": "medical", "klinisch": "clinical",
    "medizinisch": "medical", "pädagogisch": "educational", "sozial": "social", "pflegerisch": "nursing",
    "elektrisch": "electrical", "mechanisch": "mechanical", "chemisch": "chemical",
    "pharmazeutisch": "pharmaceutical", "juristisch": "legal", "wissenschaftlich": "scientific",
    "therapeutisch": "therapeutic", "psychologisch": "psychological", "gewerblich": "industrial",
    "handwerklich": "craft", "studentisch": "",
}
_ADJECTIVE_ENDINGS = ("es", "em", "en", "er", "e")
_WORD = re.compile(r"[\wäöüß&+#.-]+")
# Prefixes that only stress expertise: a "Fachspezialist" or "Fachreferent" is a specialist, an
# officer ("Fachkraft", "Fachinformatiker" are heads or lexicon entries of their own).
_EMPTY_MODIFIERS = frozenset({"fach"})
_HEADS_BY_LENGTH = sorted(HEADS, key=len, reverse=True)
# The English job nouns the German heads are rendered as ("cleaner", "housekeeper", "driver").
_JOB_NOUNS = frozenset(value.rsplit(" ", 1)[-1] for value in HEADS.values()) - {"worker", "specialist", "assistant"}
_GENDER_ENDINGS = ("innen", "in")
_ADJECTIVAL_ENDINGS = ("ter", "ten")


def _head_of(word: str) -> tuple[str, str] | None:
    """(modifier, head) for a word ending in a known head noun, else None."""
    for head in _HEADS_BY_LENGTH:
        if word.endswith(head) and (len(word) == len(head) or len(word) - len(head) >= 2):
            return word[: len(word) - len(head)].rstrip("-"), head
    return None


def compound_head(word: str) -> str | None:
    """The known head noun a German word ends in ('logistikmitarbeiter' → 'mitarbeiter'), else None."""
    split = _head_of(word)
    return split[1] if split is not None else None


def _singular_forms(word: str) -> list[str]:
    """A German plural's singular candidates: 'spezialisten' → 'spezialist', 'monteure' → 'monteur',
    'fachkräfte' → 'fachkraft', 'türen' → 'tür' (the caller keeps the one it knows)."""
    if word.endswith("kräfte"):
        return [word[: -len("kräfte")] + "kraft"]
    if word.endswith("leute"):
        return [word[: -len("leute")] + "mann"]
    forms = []
    if word.endswith("en") and len(word) >= 5:
        forms += [word[:-2], word[:-1]]
    elif word.endswith(("e", "n")) and len(word) >= 4:
        forms.append(word[:-1])
    return forms


def _adjective(word: str) -> str | None:
    """The English of a German adjective in any of its endings ('technischer' → 'technical')."""
    if word in ADJECTIVES:
        return ADJECTIVES[word]
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in ADJECTIVES:
            return ADJECTIVES[word[: -len(ending)]]
    return None


@lru_cache(maxsize=65536)
def _translate_word(word: str) -> str:
    if word in MODIFIERS:
        return MODIFIERS[word]
    adjective = _adjective(word)
    if adjective is not None:
        return adjective
    if word not in HEADS and _head_of(word) is None:
        # "Spezialisten", "Monteure", "Türen": plural job and field words in the singular.
        for form in _singular_forms(word):
            if form in HEADS or form in MODIFIERS or (word.endswith("kräfte") and _head_of(form) is not None):
                # "Assistenzkräfte", "Servicekräfte": a compound's plural read as its singular.
                return _translate_word(form)
    if word.endswith(_GENDER_ENDINGS) and word not in HEADS:
        stem = word[:-5] if word.endswith("innen") else word[:-2]
        if stem + "e" in HEADS:
            return HEADS[stem + "e"]
    split = _head_of(word)
    if split is None and word.endswith(_GENDER_ENDINGS):
        stem = word[:-5] if word.endswith("innen") else word[:-2]
        # "Psycholog|in" is the feminine of "Psychologe": the "-e" goes before "-in".
        split = _head_of(stem) or _head_of(stem + "e")
    if split is None and word.endswith("gogik"):
        # "Sozialpädagogik": the field names the one working in it ('-gogik' → '-goge'); other
        # '-ik' fields ("Betriebstechnik") stay fields.
        split = _head_of(word[:-2] + "e")
    if split is None and word.endswith("ung") and len(word) > 6:
        # "Strategieberatung", "Projektleitung": the activity names the one doing it ('-ung' → '-er').
        split = _head_of(word[:-3] + "er")
    if split is None and word.endswith(_ADJECTIVAL_ENDINGS):
        # "Datenschutzbeauftragter", "Steuerfachangestellten": a participle used as a noun takes
        # an adjective's ending; the head is listed in its "-e" form.
        split = _head_of(word[:-1])
    if split is None and word.endswith("management") and len(word) > len("management") + 2:
        # "Datenmanagement", "Qualitätsmanagement": the field's management.
        field = word[: -len("management")]
        field_words = MODIFIERS.get(field) or MODIFIERS.get(field.rstrip("s"))
        if field_words:
            return f"{field_words} management"
    if split is None:
        return _split_modifiers(word)
    modifier, head = split
    if not modifier or modifier in _EMPTY_MODIFIERS:
        return HEADS[head]
    if head == "pfleger" and modifier in UPKEEP_MODIFIERS:
        return UPKEEP_MODIFIERS[modifier]
    if head == "betreuer" and modifier.rstrip("-") in ICT_CARE_MODIFIERS:
        return "it support technician"
    if head == "betreuer" and modifier.rstrip("-") in BUILDING_CARE_MODIFIERS:
        return "caretaker"
    # "Lagerlogistik|mitarbeiter": a modifier of two known field words is said in both.
    modifier_words = (MODIFIERS.get(modifier) or MODIFIERS.get(modifier.rstrip("s")) or COMPOUND_MODIFIERS.get(modifier)
                      or _split_modifiers(modifier))
    if HEADS[head] == "worker" and modifier in HEADS and HEADS[modifier] not in ("worker", "specialist"):
        # "Assistenz|kraft", "Assistenz|kräfte": a generic head after the work's own job word
        # ("Assistenz", the assistant) is that job.
        return HEADS[modifier]
    if HEADS[head] == "worker" and modifier_words.rsplit(" ", 1)[-1] in _JOB_NOUNS:
        # "Hauswirtschafts|kraft", "Reinigungs|mitarbeiter": a generic head after a field that is
        # already said as a job ("housekeeper", "cleaner") adds nothing.
        return modifier_words
    return f"{modifier_words} {HEADS[head]}"


def _split_modifiers(word: str) -> str:
    """'lagerlogistik' → 'warehouse logistics': a compound of two known field words, else the word."""
    for cut in range(len(word) - 3, 2, -1):
        first, rest = word[:cut], word[cut:]
        if first in MODIFIERS and rest in MODIFIERS:
            return f"{MODIFIERS[first]} {MODIFIERS[rest]}"
    return word


def german_to_english(normalised_title: str) -> str:
    """A normalised German title in ESCO's English words: 'softwareentwickler' → 'software developer'.

    Words with no known head or modifier are kept as they are, so English titles pass unchanged.
    German function words ('für', 'im', 'und') are dropped.
    """
    words = [w for w in _WORD.findall(normalised_title) if w not in _FUNCTION_WORDS]
    # "Mitarbeiter Reinigung", "Fachkraft für Lagerlogistik": the generic head says only "someone
    # working in"; the field that follows names the occupation.
    specific = [w for w in words if _generic_stem(w) not in GENERIC_HEADS]
    if specific:
        words = specific
    return " ".join(translated for translated in map(_translate_word, words) if translated)


GENERIC_HEADS = frozenset({"mitarbeiter", "mitarbeit", "fachkraft", "kraft", "beschäftigte", "fachmann",
                           "fachfrau", "fachperson"})


def names_generic_head(normalised_title: str) -> bool:
    """True when a German title's head is a generic one ("Mitarbeiter Küche", "Fachkraft Lager")."""
    return any(_generic_stem(word) in GENERIC_HEADS for word in _WORD.findall(normalised_title))


def _generic_stem(word: str) -> str:
    for ending in _GENDER_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in GENERIC_HEADS:
            return word[: -len(ending)]
    return word


# Function words, and the nouns titles use like prepositions: "mit Schwerpunkt X", "im Bereich X"
# say only that X is the field.
_FUNCTION_WORDS = frozenset(
    "für im in der die das und mit zum zur als bei von am an den dem des oder schwerpunkt bereich nach "
    # the verbs and articles of a title written as a sentence ("Gesucht wird ein …", "Werde Teil …")
    "u. wird werde ein eine einen einer teil unseres unserer unser unsere zu".split()
)


def names_cared_for_object(normalised_title: str) -> bool:
    """True when a word of the title is a '-betreuer' of systems or buildings or a '-pfleger' of
    gardens ("Systembetreuer", "Objektbetreuer", "Landschaftspfleger"): the rendering reads its
    field, which says the trade better than any one directory's coding of the word."""
    for word in normalised_title.split():
        split = _head_of(word)
        if split is None:
            continue
        modifier, head = split
        modifier = modifier.rstrip("-")
        if head == "betreuer" and (modifier in ICT_CARE_MODIFIERS or modifier in BUILDING_CARE_MODIFIERS):
            return True
        if head == "pfleger" and modifier in UPKEEP_MODIFIERS:
            return True
    return False
