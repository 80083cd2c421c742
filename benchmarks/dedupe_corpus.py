"""A labelled corpus for measuring cross-source deduplication (issue 5, ``make eval-dedupe``).

Deterministic (fixed seed, no clock): the same ``--pages`` always gives the same files. Several
"sites" share one local server under path prefixes:

- ``/careers-<employer>/`` — employers' own career sites: JSON-LD with the requisition id;
- ``/board-a/`` — a job board: JSON-LD, board chrome, its own headings and section order, the
  employer's name and city sometimes written differently;
- ``/board-b/`` — a board with microdata or plain HTML, other headings and order, dates as text;
- ``/agency-<name>/`` — recruitment agencies: employer hidden ("Für unseren Kunden…", "Our
  client…"), text reworded, bullets reordered and some dropped, the agency's about and closing.
  Half of them (:data:`AGENCY_NAMED_SHARE`) name the *agency* as ``hiringOrganization`` in
  JSON-LD ("Nordwind Personal GmbH", "Kessler Staffing GmbH"), retitle the job (a specialisation
  added or dropped: "Backend Engineer" -> "Backend Engineer Payments"), keep the employer's tasks
  and requirements with one requirement reworded, and drop the employer's about text and
  benefits (labelled ``rewrite: named``, ``retitled``).

``sitemap.xml`` indexes every site's sitemap; ``labels.json`` maps each page path to its true
cluster (one cluster = one job opening) and describes every cluster. About 60% of the pages are
copies of another page, inside the 50–80% Lightcast and Textkernel report for real collections.
Hard negatives are built in: an employer's different jobs share its about text, benefits and
closing; the same title at the same employer in two cities (often the very same text); junior
and senior openings of one role; the same role at other employers; reposts (the same text
republished months later under a new reference and URL: a new cluster with
``repost_of_cluster``, while the original's ``validThrough`` has passed).

Job-specific text is the role's pool from the sample board (``crawler/sample_board``) mixed
with sentences filled from templates (teams, products, projects, numbers), so that two openings
of the same role share vocabulary but rarely whole bullets.

    python benchmarks/dedupe_corpus.py [--pages 3200] [--out build/dedupe_corpus]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import string
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from crawler.sample_board import phrases  # noqa: E402
from crawler.sample_board.compose import ROLES, slugify  # noqa: E402
from crawler.sample_board.model import Place, Salary  # noqa: E402
from crawler.sample_board.page_layout import cookie_banner, document  # noqa: E402
from crawler.sample_board.places import PHONE_PREFIXES, PLACES  # noqa: E402
from crawler.sample_board.text_formats import structured_salary_text  # noqa: E402

SEED = 20260505
CORPUS_DATE = date(2026, 11, 20)
"""The snapshot day: every date in the corpus lies before it."""
DEFAULT_PAGES = 3200
DEFAULT_DIR = REPO_ROOT / "build" / "dedupe_corpus"
LABELS_NAME = "labels.json"
PLACEHOLDER = "{{BASE_URL}}"

# ---------------------------------------------------------------------------------------------
# Text pools
# ---------------------------------------------------------------------------------------------

FAMILY = {
    **dict.fromkeys(("data_engineer", "backend_engineer", "frontend_developer", "devops_engineer", "data_analyst",
                     "ml_engineer", "qa_engineer", "security_engineer", "ux_designer", "java_entwickler",
                     "systemadministrator", "werkstudent_data"), "tech"),
    **dict.fromkeys(("product_manager", "marketing_manager", "account_executive", "customer_success",
                     "supply_chain_analyst", "online_marketing", "vertrieb_aussendienst"), "business"),
    **dict.fromkeys(("sap_fico", "finanzbuchhalter", "lohnbuchhalter", "steuerfachangestellter", "ausbildung_buero",
                     "kundenservice"), "office"),
    "pflegefachkraft": "care", "elektroniker": "trades", "bauleiter": "trades",
}
NO_SENIORITY = {"werkstudent_data", "ausbildung_buero", "pflegefachkraft", "elektroniker", "kundenservice",
                "steuerfachangestellter", "bauleiter"}
SENIORITY = {"en": (("", 45), ("Junior ", 15), ("Senior ", 30), ("Lead ", 6), ("Staff ", 4)),
             "de": (("", 70), ("Junior ", 10), ("Senior ", 20))}
FOCUS = {
    "en": ("– Payments", "– Platform", "– Growth", "– Marketplace", "– DACH", "– Enterprise", "– Mobile"),
    "pflegefachkraft": ("Intensivstation", "Geriatrie", "Kardiologie", "Notaufnahme", "Onkologie", "ambulante Pflege"),
    "elektroniker": ("im Kundendienst", "für Neubauprojekte", "– Schwerpunkt Photovoltaik", "für die Instandhaltung"),
    "kundenservice": ("Inbound", "E-Mail und Chat", "B2B", "Reklamationsmanagement"),
    "steuerfachangestellter": ("Schwerpunkt Jahresabschluss", "Schwerpunkt Lohn", "Schwerpunkt Finanzbuchhaltung"),
    "bauleiter": ("– Wohnungsbau", "– Gewerbebau", "– Sanierung"),
    "werkstudent_data": ("– Marketing", "– Controlling", "– Supply Chain"),
    "finanzbuchhalter": ("Kreditoren", "Debitoren", "Hauptbuch"),
    "vertrieb_aussendienst": ("Region Nord", "Region Süd", "Region West", "Region Ost"),
}

SLOTS: dict[str, tuple[str, ...]] = {
    "system": ("the legacy billing system", "the order management backend", "the customer data platform",
               "the reporting stack", "the pricing engine", "the search service", "the identity platform",
               "the warehouse management system", "the mobile API", "the partner portal", "the booking engine"),
    "target": ("Kubernetes", "an event-driven architecture", "AWS", "Microsoft Azure", "a modular monolith",
               "Google Cloud", "serverless functions"),
    "team": ("Checkout", "Growth", "Core Platform", "Data Foundations", "Fulfilment", "Risk", "Onboarding",
             "Insights", "Billing", "Search", "Partner", "Mobile", "Pricing", "Logistics"),
    "product_name": ("Aurora", "Beacon", "Compass", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper",
                     "Kestrel", "Lumen", "Nimbus", "Orbit", "Pulse", "Quartz", "Radar", "Summit", "Tide", "Vertex",
                     "Willow", "Zephyr", "Atlas", "Cobalt", "Delta"),
    "product_kind": (" Cloud", " Mobile", " Connect", " Pro", " 2.0", " Insights", ""),
    "user_kind": ("merchants", "app users", "drivers", "patients", "warehouse staff", "sales reps", "tenants"),
    "abroad": ("Lisbon", "Warsaw", "Barcelona", "Amsterdam", "Prague", "Tallinn", "Porto", "Kraków", "Valencia",
               "Dublin", "Bucharest", "Athens"),
    "metric": ("latency", "cloud costs", "error rate", "time to market", "build times", "on-call load"),
    "cadence": ("weekly", "monthly", "quarterly"),
    "community": ("engineering guild", "data community of practice", "design system working group",
                  "security champions programme", "testing guild"),
    "market": ("France", "the Nordics", "Poland", "Italy", "Spain", "the Benelux countries", "the UK"),
    "tech": ("Rust", "vector databases", "LLM-based assistants", "WebAssembly", "a feature store", "OpenTelemetry",
             "Go", "GraphQL federation", "dbt", "Apache Flink"),
    "kpi": ("pipeline and revenue", "customer satisfaction (NPS)", "inventory turnover", "campaign ROI",
            "renewal rates", "on-time delivery"),
    "process": ("quarterly business review", "customer onboarding", "supplier evaluation", "demand forecasting",
                "lead scoring", "tender management"),
    "initiative": ("the new pricing model", "our partner programme", "the CRM migration",
                   "the launch of our self-service portal", "a new loyalty programme"),
    "channel": ("paid social", "trade fairs", "search advertising", "partner marketing", "events and webinars"),
    "fair_en": ("Hannover Messe", "LogiMAT", "DMEXCO", "Web Summit", "it-sa", "EuroShop"),
    "domain": ("e-commerce", "fintech", "logistics", "healthcare", "energy", "mobility", "insurance", "retail",
               "B2B SaaS", "manufacturing"),
    "lead": ("VP Engineering", "Head of Data", "CTO", "Head of Product", "Chief Commercial Officer", "team lead"),
    "deadline_en": ("the end of next year", "next summer", "the end of 2027"),
    "system_de": ("unseres Altsystems", "der bisherigen Warenwirtschaft", "des alten Kundenportals",
                  "der selbst entwickelten Zeiterfassung", "des bisherigen Ticketsystems"),
    "target_de": ("SAP S/4HANA", "eine Cloud-Lösung auf Basis von Azure", "Microsoft 365",
                  "eine moderne Microservice-Architektur", "eine Kubernetes-Plattform"),
    "user_kind_de": ("Kundinnen und Kunden", "Mitarbeitenden", "Bürgerinnen und Bürgern", "Händlern"),
    "tool_de": ("Grafana", "Zabbix", "PRTG", "Checkmk", "Datadog"),
    "project": ("Aurora", "Kompass", "Leuchtturm", "Zukunft 2030", "Fokus", "Brücke", "Horizont", "Neustart",
                "Weitblick", "Wegweiser", "Digital First", "Klarsicht"),
    "area": ("Nord", "Süd", "Rhein-Main", "Ruhrgebiet", "Oberbayern", "Ostwestfalen", "Franken", "Schwaben"),
    "market_de": ("Österreich", "der Schweiz", "Polen", "Frankreich", "den Benelux-Ländern", "Skandinavien"),
    "kpi_de": ("Umsatz und Deckungsbeitrag", "Kampagnenergebnissen", "Kundenzufriedenheit", "Auftragseingang"),
    "process_de": ("des Vertriebs", "der Kundenbetreuung", "unseres Onlineauftritts", "der Angebotserstellung"),
    "fair": ("der Hannover Messe", "der BAU in München", "der Anuga", "der LogiMAT", "der it-sa", "der IFA"),
    "channel_de": ("Suchmaschinenwerbung", "Social-Media-Kampagnen", "Messen und Events", "Printwerbung"),
    "software_de": ("DATEV Unternehmen online", "SAP S/4HANA", "eine digitale Personalakte", "die E-Rechnung",
                    "d.velop documents", "Microsoft Dynamics 365", "Personio", "Agenda", "Addison"),
    "entity": ("Mandanten", "Gesellschaften", "Buchungskreisen", "Kostenstellen", "Kundenkonten", "Lieferanten"),
    "dept": ("Rechnungswesen", "Personal", "Controlling", "Debitorenbuchhaltung", "Service", "Auftragsabwicklung"),
    "deadline": ("Ende 2026", "Mitte 2027", "Ende 2027", "zum Jahreswechsel"),
    "station": ("Kardiologie", "Unfallchirurgie", "Geriatrie", "Inneren Medizin", "Neurologie", "Onkologie",
                "Gastroenterologie", "Urologie"),
    "wing": ("Lindenhof", "Sonnenseite", "Am Park", "Rosengarten", "Seeblick", "Ahornweg"),
    "training": ("Kinästhetik-Kursen", "Schulungen zum Wundmanagement", "Deeskalationstrainings",
                 "Kursen zur Basalen Stimulation", "Palliative-Care-Fortbildungen"),
    "topic_care": ("Sturzprophylaxe", "Dekubitusprophylaxe", "Schmerzmanagement", "Hygiene", "Entlassmanagement"),
    "building": ("Wohnanlagen", "Kitas und Schulen", "Bürogebäude", "Logistikhallen", "Pflegeheime", "Hotels"),
    "field_de": ("Photovoltaik und Speicher", "Ladeinfrastruktur", "Smart Home (KNX)", "Brandschutz",
                 "Sanierung im Bestand", "Gebäudeautomation"),
    "architect": ("Lehmann + Partner", "Stadtplan Architekten", "Hofmann Architektur", "Werkraum", "Kubus Planung"),
    "customer_de": ("Klinikum Nord", "Logistikzentrum Süd", "Stadtwerke Ost", "Kreissparkasse", "Einkaufszentrum Mitte"),
    "lead_de": ("die Teamleitung", "die kaufmännische Leitung", "die Geschäftsführung", "die Bereichsleitung"),
    "thing_de": ("unsere Prozesse", "den Ausbau unseres Standorts", "die Digitalisierung", "unser neues Serviceangebot"),
    "start_de": ("sofort", "dem 1. Januar 2027", "dem 1. Februar 2027", "dem 1. März 2027", "dem 1. April 2027"),
    "further_training": ("Intensivpflege und Anästhesie", "Praxisanleitung", "Palliative Care", "Wundexperte ICW"),
    "software_trades": ("Dialux", "MuM-Software", "EPLAN", "Nevaris", "RIB iTWO"),
}
NUMBERS = {  # slot: (lowest, highest, multiplier)
    "n": (2, 12, 1), "n0": (3, 40, 10), "seats": (8, 90, 10), "sites": (2, 14, 1), "beds": (18, 40, 1),
    "users": (2, 95, 1000), "budget": (15, 200, 10), "budget_de": (5, 80, 10),
}

TASK_TEMPLATES = {
    ("en", "tech"): (
        "Drive the migration of {system} to {target} together with the {team} team",
        "Take ownership of {product}, which {users} {user_kind} rely on every day",
        "Set up alerting and dashboards for {product} so that incidents are caught within minutes",
        "Work with colleagues in {abroad} on the integration of {system}",
        "Reduce the {metric} of {product} and share progress in the {cadence} review",
        "Mentor {n} junior colleagues and help run our internal {community}",
        "Prepare {product} for its launch in {market}",
        "Evaluate {tech} for the next generation of {product}",
    ),
    ("en", "business"): (
        "Own the relationship with {n0} key accounts in {market}",
        "Plan the launch of {product} in {market} together with the {team} team",
        "Report on {kpi} to the management board every {cadence}",
        "Build our {process} process from scratch",
        "Work with colleagues in {abroad} on {initiative}",
        "Manage a yearly budget of €{budget}k for {channel}",
        "Represent us at {fair_en} and other industry events",
        "Run the {cadence} forecast for the {team} business unit",
    ),
    ("de", "tech"): (
        "Mitarbeit an der Ablösung {system_de} durch {target_de}",
        "Verantwortung für {product}, das täglich von {users} {user_kind_de} genutzt wird",
        "Aufbau von Monitoring und Alarmierung für {product} mit {tool_de}",
        "Enge Zusammenarbeit mit dem Team {team} an unserem Standort {other_city}",
        "Einführung von {tech} im Projekt „{project}“",
        "Betreuung von rund {seats} Arbeitsplätzen an {sites} Standorten",
        "Einarbeitung und fachliche Begleitung von {n} neuen Kolleginnen und Kollegen",
    ),
    ("de", "business"): (
        "Betreuung von rund {n0} Bestandskunden im Gebiet {area}",
        "Planung der Markteinführung von {product} in {market_de}",
        "Regelmäßiges Reporting von {kpi_de} an die Geschäftsleitung",
        "Mitwirkung am Projekt „{project}“ zur Neuausrichtung {process_de}",
        "Organisation unserer Messeauftritte, unter anderem auf {fair}",
        "Steuerung eines Jahresbudgets von {budget_de}.000 Euro für {channel_de}",
    ),
    ("de", "office"): (
        "Mitwirkung bei der Einführung von {software_de} im Projekt „{project}“",
        "Eigenständige Betreuung von {n0} {entity}",
        "Vertretung der Teamleitung {dept} bei Abwesenheit",
        "Ansprechpartner für die Kolleginnen und Kollegen am Standort {other_city}",
        "Mitarbeit an der Umstellung auf {software_de} bis {deadline}",
        "Bearbeitung von rund {n0} Vorgängen pro Monat im Bereich {dept}",
    ),
    ("de", "care"): (
        "Einsatz auf unserer Station für {station} mit {beds} Betten",
        "Mitarbeit im Projekt „{project}“ zur Einführung der digitalen Pflegedokumentation",
        "Begleitung der Bewohnerinnen und Bewohner im Wohnbereich {wing}",
        "Übernahme der Praxisanleitung für {n} Auszubildende",
        "Teilnahme an {training} im Rahmen unseres Fortbildungsprogramms",
        "Mitwirkung im Qualitätszirkel {topic_care}",
    ),
    ("de", "trades"): (
        "Einsatz auf Baustellen im Gebiet {area} mit einem Auftragsvolumen von bis zu {n} Mio. Euro",
        "Betreuung von {n} Bauvorhaben pro Jahr, vor allem {building}",
        "Mitarbeit beim Ausbau unseres Geschäftsfelds {field_de}",
        "Koordination der Nachunternehmer und Abstimmung mit dem Architekturbüro {architect}",
        "Regelmäßige Wartung der Anlagen unseres Großkunden {customer_de}",
        "Einsatz mit einem eigenen, voll ausgestatteten Servicefahrzeug im Gebiet {area}",
    ),
}
PROFILE_TEMPLATES = {
    ("en", "tech"): ("Hands-on experience with {tech}, ideally in {domain}",
                     "Willingness to travel to {abroad} about {n} times a year",
                     "Experience in {domain} is a strong plus"),
    ("en", "business"): ("Experience in {domain}, ideally selling to {market}",
                         "Willingness to travel to {abroad} about {n} times a year",
                         "A track record in {process}"),
    ("de", "tech"): ("Erfahrung mit {software_de} wünschenswert", "Kenntnisse in {tech} von Vorteil",
                     "Bereitschaft zu gelegentlichen Dienstreisen nach {other_city}"),
    ("de", "business"): ("Erfahrung im Vertrieb an Kunden in {market_de} von Vorteil",
                         "Bereitschaft zu gelegentlichen Dienstreisen nach {other_city}"),
    ("de", "office"): ("Erfahrung mit {software_de} wünschenswert",
                       "Bereitschaft zu gelegentlichen Dienstreisen nach {other_city}"),
    ("de", "care"): ("Erfahrung in der {station} wünschenswert", "Fachweiterbildung {further_training} von Vorteil"),
    ("de", "trades"): ("Kenntnisse im Bereich {field_de} von Vorteil", "Erfahrung mit {software_trades} wünschenswert"),
}
INTRO_TEMPLATES = {
    ("en", None): ("You will join our {team} team of {n} people and report to our {lead}.",
                   "In this role you will shape {product} from day one.",
                   "Our {team} team is growing, and we want to double in size by {deadline_en}."),
    ("de", None): ("Sie verstärken unser {n}-köpfiges Team {dept} und berichten direkt an {lead_de}.",
                   "In dieser Position gestalten Sie {thing_de} von Anfang an mit.",
                   "Die Stelle ist ab {start_de} zu besetzen."),
    ("de_informal", None): ("Du verstärkst unser {n}-köpfiges Team {dept} und berichtest direkt an {lead_de}.",
                            "Bei uns gestaltest du {thing_de} von Anfang an mit.",
                            "Die Stelle ist ab {start_de} zu besetzen."),
    ("de", "care"): ("Sie verstärken unser Pflegeteam auf der Station für {station} mit {beds} Betten.",
                     "Die Stelle ist ab {start_de} zu besetzen."),
    ("de", "trades"): ("Sie verstärken unser {n}-köpfiges Team im Gebiet {area}.",
                       "Die Stelle ist ab {start_de} zu besetzen."),
    ("de_informal", "trades"): ("Du verstärkst unser {n}-köpfiges Montageteam im Gebiet {area}.",
                                "Die Stelle ist ab {start_de} zu besetzen."),
}
CITY_SENTENCE = {"en": "The position is based at our office in {city}.", "de": "Einsatzort ist unser Standort in {city}."}
EXTRA_PROFILE_LINES = {
    "en": ("Willingness to travel occasionally", "A driving licence is a plus",
           "First experience in an agile team is an advantage"),
    "de": ("Führerschein der Klasse B von Vorteil", "Gelegentliche Reisebereitschaft",
           "Erste Erfahrung mit agilen Methoden wünschenswert"),
}

# Agency rewording: (old, new) applied in order; "light" rewrites use a random half.
PARAPHRASES = {
    "en": (("Design, build and maintain", "Develop and maintain"), ("Work closely with", "Collaborate closely with"),
           ("Experience with", "Experience in"), ("experience with", "experience in"), ("Strong ", "Solid "),
           ("Very good", "Excellent"), ("knowledge of", "expertise in"), ("Take part in", "Participate in"),
           ("Make sure", "Ensure"), ("Write ", "Create "), ("Build ", "Develop "), ("our ", "the "),
           ("Our ", "The "), ("help ", "support "), ("ideally", "preferably"), ("such as", "like"),
           ("a plus", "an advantage"), ("improve", "enhance"), ("Own ", "Take responsibility for "),
           ("together with", "alongside"), ("You ", "The successful candidate ")),
    "de": (("Mitarbeit", "Mitwirkung"), ("Durchführung", "Umsetzung"), ("Erstellung", "Anfertigung"),
           ("Abgeschlossene", "Erfolgreich abgeschlossene"), ("Kenntnisse", "Know-how"),
           ("Praktische Erfahrung", "Praxiserfahrung"), ("Berufserfahrung", "Erfahrung"),
           ("Sicherer Umgang mit", "Routinierter Umgang mit"), ("wünschenswert", "von Vorteil"),
           ("Enge Zusammenarbeit", "Intensive Zusammenarbeit"), ("unserem", "dem"), ("unseren", "den"),
           ("unserer", "der"), ("unsere", "die"), ("unser ", "das "), ("Unterstützung", "Mithilfe"),
           ("Selbstständige", "Eigenverantwortliche"), ("selbstständige", "eigenverantwortliche"),
           ("sowie", "und"), ("zuverlässige", "gewissenhafte"), ("Fundierte", "Gute"), ("Betreuung", "Begleitung")),
}
CLIENT_SENTENCES = {
    "en": ("Our client, {client} based in {city}, is looking for a {title} to join their team.",
           "On behalf of our client, {client} in {city}, we are looking for a {title}."),
    "de": ("Für unseren Kunden, {client} mit Sitz in {city}, suchen wir im Rahmen der Direktvermittlung "
           "zum nächstmöglichen Zeitpunkt einen {title}.",
           "Im Auftrag unseres Kunden, {client} in {city}, suchen wir Sie als {title}.",
           "Unser Mandant, {client} im Großraum {city}, sucht ab sofort einen {title} in Festanstellung."),
}


@dataclass(frozen=True)
class Sector:
    """A line of business: its employer name words, roles, about texts and agency descriptions."""

    words: tuple[str, ...]
    legal_forms: tuple[str, ...]
    english_share: float
    roles_en: tuple[str, ...]
    roles_de: tuple[str, ...]
    about: dict[str, tuple[str, ...]]
    clients: dict[str, tuple[str, ...]]


SECTORS: dict[str, tuple[Sector, int]] = {
    "software": (Sector(
        ("Analytics", "Software", "Digital", "Systems", "Cloud", "Labs", "Payments", "Data", "Technologies", "Apps"),
        ("GmbH", "GmbH", "AG", "SE"), 0.75,
        ("data_engineer", "backend_engineer", "frontend_developer", "devops_engineer", "data_analyst", "ml_engineer",
         "qa_engineer", "security_engineer", "ux_designer", "product_manager", "marketing_manager",
         "account_executive", "customer_success"),
        ("java_entwickler", "systemadministrator", "werkstudent_data", "online_marketing", "kundenservice",
         "finanzbuchhalter", "vertrieb_aussendienst"),
        {"en": ("{short} builds {offering} for {count} {customers}. Founded in {year} and based in {city}, we are "
                "{staff} people from {nations} nations.",
                "Since {year}, {short} has helped {count} {customers} with {offering}. Our {staff} colleagues work "
                "from {city} and remotely across Europe.",
                "At {short} we make {offering} that {count} {customers} rely on. We are profitable, independent "
                "and {staff} people strong, with our home in {city}."),
         "de": ("{short} entwickelt seit {year} {offering_de} für über {count} {customers_de}. An unserem "
                "Hauptsitz in {city} arbeiten {staff} Menschen.",
                "Wir sind {short}: {staff} Köpfe, die seit {year} {offering_de} für {count} {customers_de} bauen – "
                "vom Standort {city} aus und remote.")},
        {"en": ("a fast-growing software company", "a well-funded scale-up", "an established technology company"),
         "de": ("ein etabliertes Softwarehaus", "ein wachsendes IT-Unternehmen", "ein innovatives Technologieunternehmen")},
    ), 30),
    "health": (Sector(
        ("Kliniken", "Pflegedienste", "Gesundheitszentrum", "Seniorenresidenzen", "Klinikum", "Reha-Zentrum"),
        ("gGmbH", "GmbH", "gGmbH", "e.V."), 0.0, (),
        ("pflegefachkraft", "kundenservice", "finanzbuchhalter", "lohnbuchhalter", "ausbildung_buero",
         "systemadministrator"),
        {"de": ("{short} ist {facility} in {city}. Mit {staff} Beschäftigten versorgen wir jährlich über {count} "
                "Patientinnen und Patienten.",
                "Seit {year} steht {short} für menschliche Pflege und moderne Medizin in {city}. Unsere {staff} "
                "Mitarbeitenden betreuen {count} Menschen im Jahr.")},
        {"de": ("ein modernes Krankenhaus der Schwerpunktversorgung", "ein renommierter Träger von Pflegeeinrichtungen",
                "eine Fachklinik")},
    ), 15),
    "construction": (Sector(
        ("Bau", "Elektrotechnik", "Haustechnik", "Gebäudetechnik", "Bauunternehmung", "Energietechnik"),
        ("GmbH & Co. KG", "GmbH", "KG", "GmbH & Co. KG"), 0.0, (),
        ("elektroniker", "bauleiter", "vertrieb_aussendienst", "ausbildung_buero", "finanzbuchhalter", "kundenservice",
         "lohnbuchhalter"),
        {"de": ("Seit {year} steht {short} für {work} im Raum {city}. Heute sind wir ein Team aus {staff} Fachkräften.",
                "{short} ist ein Familienunternehmen in {generation} Generation: Mit {staff} Mitarbeitenden "
                "realisieren wir {work} – termintreu und zuverlässig.")},
        {"de": ("ein traditionsreiches Bauunternehmen", "ein erfolgreicher Fachbetrieb für Gebäudetechnik",
                "ein familiengeführter Handwerksbetrieb")},
    ), 15),
    "tax": (Sector(
        ("Steuerberatung", "Treuhand", "Wirtschaftsprüfung", "Steuerberatungsgesellschaft"),
        ("mbH", "GmbH", "PartG mbB"), 0.0, (),
        ("steuerfachangestellter", "lohnbuchhalter", "finanzbuchhalter", "ausbildung_buero", "sap_fico"),
        {"de": ("{short} ist eine {size} Kanzlei mit {staff} Mitarbeitenden in {city}. Wir betreuen {clients}.",
                "Seit {year} beraten wir bei {short} {clients} – persönlich, digital und mit {staff} Kolleginnen "
                "und Kollegen in {city}.")},
        {"de": ("eine renommierte Steuerberatungskanzlei", "eine mittelständische Kanzlei", "eine digitale Steuerkanzlei")},
    ), 10),
    "industry": (Sector(
        ("Maschinenbau", "Logistik", "Handelshaus", "Energie", "Verpackungstechnik", "Werkzeugbau", "Kunststofftechnik"),
        ("GmbH", "AG", "SE", "GmbH & Co. KG"), 0.3,
        ("supply_chain_analyst", "data_analyst", "account_executive", "product_manager", "security_engineer",
         "devops_engineer", "marketing_manager", "backend_engineer"),
        ("sap_fico", "vertrieb_aussendienst", "elektroniker", "finanzbuchhalter", "java_entwickler",
         "systemadministrator", "kundenservice", "ausbildung_buero", "online_marketing", "lohnbuchhalter"),
        {"en": ("{short} {does_en}. With {staff} employees at {sites} sites and our headquarters in {city}, we serve "
                "customers in more than {nations} countries.",
                "Founded in {year}, {short} {does_en} – today with {staff} people and our home base in {city}."),
         "de": ("{short} {does_de} und beschäftigt {staff} Mitarbeitende an {sites} Standorten. Unser Hauptsitz "
                "ist {city}.",
                "Gegründet {year}, ist {short} heute mit {staff} Beschäftigten ein gefragter Partner: Wir {we_do_de}.")},
        {"en": ("an international manufacturing company", "a leading logistics provider"),
         "de": ("ein international tätiges Industrieunternehmen", "ein familiengeführter Mittelständler",
                "ein Weltmarktführer in seiner Nische")},
    ), 30),
}
ABOUT_SLOTS = {
    "offering": ("software for retail analytics", "payment infrastructure for online shops",
                 "a platform for fleet management", "apps for digital healthcare",
                 "a marketplace for industrial spare parts", "cloud software for tax advisers",
                 "e-learning products for schools", "software for energy trading", "tools for warehouse planning"),
    "customers": ("retailers", "online shops", "hospitals", "logistics companies", "manufacturers", "banks",
                  "utilities", "schools", "municipalities", "insurers"),
    "offering_de": ("Software für den Handel", "Lösungen für die öffentliche Verwaltung",
                    "Cloud-Software für Steuerkanzleien", "Plattformen für die Energiewirtschaft",
                    "ERP-Lösungen für den Mittelstand", "Apps für das Gesundheitswesen"),
    "customers_de": ("Kunden", "Kommunen", "Kanzleien", "Stadtwerke", "mittelständische Unternehmen", "Kliniken"),
    "facility": ("ein Krankenhaus der Schwerpunktversorgung", "ein Träger von sieben Pflegeeinrichtungen",
                 "ein ambulanter Pflegedienst", "ein Fachklinikum für Rehabilitation",
                 "ein Klinikverbund mit drei Standorten"),
    "work": ("schlüsselfertiges Bauen", "Elektroinstallationen in Gewerbe- und Wohnbauten",
             "Heizungs-, Lüftungs- und Sanitärtechnik", "die Sanierung im Bestand", "Tief- und Straßenbau",
             "Photovoltaik und Ladeinfrastruktur"),
    "generation": ("zweiter", "dritter", "vierter"),
    "size": ("mittelständische", "inhabergeführte", "überregional tätige", "junge, digitale"),
    "clients": ("Unternehmen, Freiberufler und Privatpersonen", "mittelständische Familienunternehmen",
                "Ärztinnen, Ärzte und Heilberufe", "Start-ups und Gründerinnen", "Vereine und Stiftungen"),
    "does_en": ("develops and manufactures packaging machines", "runs contract logistics for well-known brands",
                "produces precision components for the automotive industry",
                "supplies electricity and heat to homes and businesses",
                "makes injection-moulded parts for medical devices"),
    "does_de": ("entwickelt und fertigt Verpackungsmaschinen", "ist Großhändler für Haushaltswaren",
                "betreibt Logistikzentren für Handel und Industrie",
                "fertigt Präzisionsteile für die Automobilindustrie",
                "produziert Kunststoffteile für die Medizintechnik"),
    "we_do_de": ("liefern Verpackungsanlagen in über 50 Länder", "beliefern 2.500 Fachhändler in ganz Europa",
                 "fertigen Präzisionsteile für namhafte Automobilhersteller",
                 "versorgen Haushalte und Gewerbe mit Strom und Wärme"),
}
NAME_STEMS = (
    "Nordlicht", "Vektor", "Ostwind", "Lumenta", "Kranich", "Helix", "Quellwerk", "Merwald", "Falkenstein",
    "Alpenblick", "Bergmann", "Lindenau", "Kupferhaus", "Datenwerk", "Grünwerk", "Rotor", "Sonnenfeld", "Tannenhof",
    "Brückner", "Hofbauer", "Eichenhain", "Weserblick", "Silberfluss", "Rheintal", "Moosburg", "Elbwerk", "Havelland",
    "Isarwerk", "Spreeblick", "Mainfeld", "Lahnstein", "Fichtelberg", "Altmühl", "Birkenfeld", "Sternberg",
    "Wolkenstein", "Blauwasser", "Kieselbach", "Sandhofer", "Brunnhuber", "Lerchenfeld", "Feldmann", "Stahlberg",
    "Kornblume", "Lichtblick", "Morgenrot", "Polaris", "Quantix", "Corvina", "Nexora", "Veltris", "Auralis",
    "Brightwave", "Cobaltis", "Finora", "Greenline", "Heliotrop", "Kaltenbach", "Lorenzen", "Marquardt", "Neumüller",
    "Oberland", "Pfeiffer", "Reinhold", "Schwarzwald", "Thalberg", "Uhlenhorst", "Vogelsang", "Wendland", "Zinnober",
    "Ahrweiler", "Bodensee", "Donautal", "Emsland", "Frankenwald", "Gutenberg",
)
RECRUITERS = phrases.CONTACTS + ("Miriam Hahn", "Felix Richter", "Laura Vogel", "Tobias Engel", "Nina Kaiser",
                                 "Stefan Roth", "Claudia Busch", "Marco Jung", "Elif Yilmaz", "Paul Hartmann")
SITE_HEADINGS = {
    "board-a": {"en": {"tasks": "Your tasks", "profile": "Your profile", "benefits": "What we offer",
                       "about": "About the company"},
                "de": {"tasks": "Ihre Aufgaben", "profile": "Ihr Profil", "benefits": "Wir bieten",
                       "about": "Über das Unternehmen"}},
    "board-b": {"en": {"tasks": "Responsibilities", "profile": "Requirements", "benefits": "Benefits",
                       "about": "Employer"},
                "de": {"tasks": "Aufgabengebiet", "profile": "Anforderungsprofil", "benefits": "Benefits",
                       "about": "Arbeitgeber"}},
    "agency": {"en": {"tasks": "Your responsibilities", "profile": "Your skills", "benefits": "Your benefits",
                      "about": "About us"},
               "de": {"tasks": "Ihre Aufgaben", "profile": "Ihr Profil", "benefits": "Ihre Vorteile",
                      "about": "Über uns"}},
}
SITE_NAMES = {"board-a": "Jobrakete", "board-b": "StellenBlick"}


@dataclass(frozen=True)
class Agency:
    """A recruitment agency posting jobs of hidden clients."""

    key: str
    name: str
    langs: tuple[str, ...]
    code: str
    about: dict[str, str]
    contact: str


AGENCIES = (
    Agency("brightpath", "BrightPath Talent Partners", ("en",), "BTP",
           {"en": "BrightPath Talent Partners is a specialist recruitment consultancy for technology and commercial "
                  "roles in the DACH region. Our consultants have placed more than 2,000 specialists since 2012."},
           "Oliver Grant"),
    Agency("meridian", "Meridian Recruitment Solutions GmbH", ("en", "de"), "MRS",
           {"en": "Meridian Recruitment Solutions connects specialists and managers with employers across Germany, "
                  "Austria and Switzerland.",
            "de": "Meridian Recruitment Solutions bringt seit 2009 Fach- und Führungskräfte mit Arbeitgebern in "
                  "Deutschland, Österreich und der Schweiz zusammen."}, "Hannah Lindqvist"),
    Agency("talentbruecke", "TalentBrücke Personalberatung GmbH", ("de",), "TB",
           {"de": "Die TalentBrücke Personalberatung vermittelt Fach- und Führungskräfte in den Bereichen Finanzen, "
                  "Personal und IT – diskret und mit Branchenkenntnis."}, "Kerstin Albers"),
    Agency("prostaff", "ProStaff Personaldienstleistungen GmbH", ("de",), "PS",
           {"de": "ProStaff ist Ihr Partner für Arbeitnehmerüberlassung und Personalvermittlung mit 25 "
                  "Niederlassungen in ganz Deutschland."}, "Dennis Kowalski"),
    Agency("personalwerk", "Personalwerk Plus GmbH", ("de",), "PWP",
           {"de": "Personalwerk Plus vermittelt seit über 20 Jahren Fachkräfte aus Pflege, Handwerk und "
                  "kaufmännischen Berufen – persönlich und regional."}, "Sandra Pohl"),
)
# Agencies that name themselves as the employer in their structured data (``hiringOrganization``):
# the copies that the matcher must recognise by the name's shape and the ad's wording, not by a
# hidden employer. Their copies retitle the job, keep the employer's job-specific text with one
# requirement reworded, and drop the employer's about text, benefits and closing.
NAMING_AGENCIES = (
    Agency("nordwind", "Nordwind Personal GmbH", ("de",), "NWP",
           {"de": "Nordwind Personal ist seit 2011 Ihr regionaler Partner für Personalvermittlung in Nord- und "
                  "Westdeutschland."}, "Jana Petersen"),
    Agency("rheinland", "Rheinland Personaldienstleistung GmbH", ("de",), "RPD",
           {"de": "Die Rheinland Personaldienstleistung besetzt Fach- und Führungspositionen für mittelständische "
                  "Unternehmen – schnell, diskret und persönlich."}, "Marco Ebert"),
    Agency("kessler", "Kessler Staffing GmbH", ("en", "de"), "KST",
           {"en": "Kessler Staffing places engineers, analysts and commercial specialists with technology employers "
                  "across Germany.",
            "de": "Kessler Staffing vermittelt Spezialistinnen und Spezialisten an Technologie- und "
                  "Industrieunternehmen in ganz Deutschland."}, "Alina Weber"),
    Agency("atlas", "Atlas Tech Recruitment Ltd", ("en",), "ATR",
           {"en": "Atlas Tech Recruitment is a boutique recruitment partner for software, data and product roles in "
                  "Europe, with offices in Berlin and London."}, "James Whitmore"),
)
AGENCY_BENEFITS = {
    "en": ("Free and confidential support throughout the application process",
           "A personal consultant who knows the client well"),
    "de": ("Kostenfreie und diskrete Begleitung im gesamten Bewerbungsprozess",
           "Persönliche Betreuung durch Ihre feste Ansprechpartnerin"),
}
SPECIALISATIONS = {
    "en": ("Payments", "Platform", "E-Commerce", "Cloud", "B2B", "Logistics"),
    "de": ("Schwerpunkt Digitalisierung", "Mittelstand", "E-Commerce", "Industrie", "Gesundheitswesen"),
}
AGENCY_NAMED_SHARE = 0.5
"""The share of agency copies that name the agency as employer and retitle the job."""
AGENCY_CLOSINGS = {
    "en": "Interested? Send your CV to {contact} quoting reference {reference}. Our service is free of charge for "
          "candidates.",
    "de": "Interessiert? Dann senden Sie Ihre Unterlagen unter Angabe der Referenz {reference} an {contact}. Unser "
          "Service ist für Bewerberinnen und Bewerber kostenfrei.",
}


# ---------------------------------------------------------------------------------------------
# Employers, jobs and their texts
# ---------------------------------------------------------------------------------------------

def fill(template: str, rng: random.Random, context: dict[str, str] | None = None, lang: str = "en") -> str:
    """``template`` with every ``{slot}`` filled from ``context``, the slot pools or a number."""
    values: dict[str, str] = dict(context or {})
    for _, name, _, _ in string.Formatter().parse(template):
        if not name or name in values:
            continue
        if name == "product":
            values[name] = rng.choice(SLOTS["product_name"]) + rng.choice(SLOTS["product_kind"])
        elif name in NUMBERS:
            low, high, factor = NUMBERS[name]
            values[name] = f"{rng.randint(low, high) * factor:,}".replace(",", "." if lang == "de" else ",")
        else:
            values[name] = rng.choice(SLOTS.get(name) or ABOUT_SLOTS[name])
    return template.format(**values)


def _weighted(rng: random.Random, table: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([value for value, _ in table], weights=[weight for _, weight in table])[0]


@dataclass
class CorpusEmployer:
    """A made-up employer: its name, language, places and the boilerplate all its ads share."""

    key: str
    name: str
    short: str
    sector: str
    lang: str
    roles: tuple[str, ...]
    places: tuple[str, ...]
    about: str
    benefits: tuple[str, ...]
    recruiter: str
    phone: str
    closing_choice: int
    diversity: bool
    headings: dict[str, dict[str, str]]
    about_first: bool
    marker: str
    careers_site: bool
    website: str
    reference_prefix: str
    next_reference: int

    def style(self, role: str) -> str:
        """The phrase pool key for this employer's ads of ``role`` (German "du" or "Sie")."""
        return "de_informal" if self.lang == "de" and ROLES[role].informal else self.lang

    def closing(self, role: str) -> list[str]:
        """The closing paragraphs every ad of this employer for ``role`` ends with."""
        pool = phrases.CLOSINGS[self.style(role)]
        lines = [pool[self.closing_choice % len(pool)].format(contact=self.recruiter, phone=self.phone)]
        return lines + ([phrases.DIVERSITY[self.lang]] if self.diversity else [])

    def workplace(self, role: str, rng: random.Random) -> str | None:
        """A workplace type the employer would offer for ``role``."""
        if FAMILY[role] in ("tech", "business"):
            return _weighted(rng, (("hybrid", 55), ("remote", 12), (None, 33)))
        return _weighted(rng, ((None, 80), ("onsite", 20)))

    def can_have_siblings(self, role: str) -> bool:
        """Whether the employer can open a second, different job of ``role`` (another level or focus)."""
        return role not in NO_SENIORITY or role in FOCUS


def employer_stream(rng: random.Random):
    """Made-up employers, endlessly and without repeating a name."""
    used: set[tuple[str, str]] = set()
    countries = (("DE", 80), ("AT", 12), ("CH", 8))
    while True:
        sector_key = _weighted(rng, tuple((key, weight) for key, (_, weight) in SECTORS.items()))
        sector = SECTORS[sector_key][0]
        stem, word = rng.choice(NAME_STEMS), rng.choice(sector.words)
        if (stem, word) in used:  # double-barrelled names keep large corpora from running out
            stem = f"{stem}-{rng.choice(NAME_STEMS)}"
        if (stem, word) in used:
            continue
        used.add((stem, word))
        lang = "en" if rng.random() < sector.english_share else "de"
        country = _weighted(rng, countries)
        in_country = [key for key, place in PLACES.items() if place.country == country]
        places = tuple(rng.sample(in_country, min(len(in_country), _weighted(rng, ((1, 50), (2, 30), (3, 20))))))
        short = f"{stem} {word}"
        about = fill(rng.choice(sector.about[lang]), rng, {
            "short": short, "city": PLACES[places[0]].name if lang == "de" else PLACES[places[0]].english_name,
            "year": str(rng.randint(1890, 2019)), "staff": str(rng.randint(25, 4000)),
            "count": f"{rng.randint(5, 900) * 10:,}".replace(",", "." if lang == "de" else ","),
            "nations": str(rng.randint(8, 45)), "sites": str(rng.randint(2, 25)),
        }, lang)
        pool = [b for b in phrases.BENEFITS[lang] if country == "DE" or "Deutschlandticket" not in b]
        headings = {style: {kind: rng.choice(options) for kind, options in phrases.HEADINGS[style].items()}
                    for style in (("en",) if lang == "en" else ("de", "de_informal"))}
        slug = slugify(short)
        yield CorpusEmployer(
            key=slug, name=f"{short} {rng.choice(sector.legal_forms)}", short=short, sector=sector_key, lang=lang,
            roles=sector.roles_en if lang == "en" else sector.roles_de, places=places, about=about,
            benefits=tuple(rng.sample(pool, rng.randint(5, 7))), recruiter=rng.choice(RECRUITERS),
            phone=f"{PHONE_PREFIXES[country]} {rng.randint(20, 899)} {rng.randint(100000, 999999)}",
            closing_choice=rng.randint(0, 9), diversity=rng.random() < 0.5, headings=headings,
            about_first=rng.random() < 0.6,
            marker=_weighted(rng, (("(m/w/d)", 80), ("(w/m/d)", 15), ("(gn)", 5))) if lang == "de"
            else _weighted(rng, (("(m/f/d)", 60), ("(all genders)", 25), ("", 15))),
            careers_site=rng.random() < 0.75, website=f"https://www.{slug}.example",
            reference_prefix=(slugify(stem)[:3] + slugify(word)[:1]).upper(), next_reference=rng.randint(100, 900),
        )


def job_title(role: str, lang: str, rng: random.Random, avoid: set[str]) -> str | None:
    """A title for an opening of ``role`` (level and focus vary) that is none of ``avoid``, if any."""
    base = ROLES[role].base_title
    focus = FOCUS.get(role, FOCUS["en"] if lang == "en" else ())
    title = base
    for attempt in range(30):
        prefix = "" if role in NO_SENIORITY else _weighted(rng, SENIORITY[lang])
        suffix = f" {rng.choice(focus)}" if focus and (rng.random() < 0.25 or (avoid and attempt % 2)) else ""
        title = f"{prefix}{base}{suffix}"
        if title not in avoid:
            return title
    return None


def _years(title: str, role: str, rng: random.Random) -> int | None:
    if role in NO_SENIORITY or role == "ausbildung_buero":
        return rng.choice((None, 1, 2, 3))
    if title.startswith("Junior"):
        return rng.choice((0, 1))
    if title.startswith("Senior"):
        return rng.choice((4, 5, 6))
    if title.startswith(("Lead", "Staff")):
        return rng.choice((7, 8))
    return rng.choice((2, 3, None))


def job_texts(role: str, title: str, employer: CorpusEmployer, place: Place,
              rng: random.Random) -> tuple[list[str], list[str], list[str]]:
    """(intro paragraphs, task bullets, profile bullets) of a new opening."""
    spec = ROLES[role]
    lang, family, style = spec.lang, FAMILY[role], employer.style(role)
    others = [PLACES[key].name for key in employer.places if PLACES[key] is not place] or [
        rng.choice([p.name for p in PLACES.values() if p.country == place.country and p is not place])]
    context = {"other_city": rng.choice(others)}
    shown_title = f"{title} {employer.marker}".strip()
    intro_pool = INTRO_TEMPLATES.get((style, family)) or INTRO_TEMPLATES[(style, None)]
    intro = [spec.summary.format(title=shown_title), fill(rng.choice(intro_pool), rng, context, lang)]
    if rng.random() < 0.5:
        intro.append(CITY_SENTENCE[lang].format(city=place.name if lang == "de" else place.english_name))
    specific = TASK_TEMPLATES[(lang, family)]
    tasks = rng.sample(spec.tasks, rng.randint(3, min(5, len(spec.tasks))))
    tasks += [fill(template, rng, context, lang) for template in rng.sample(specific, 2)]
    rng.shuffle(tasks)
    profile = rng.sample(spec.profile, rng.randint(3, min(5, len(spec.profile))))
    if rng.random() < 0.6:
        profile.append(fill(rng.choice(PROFILE_TEMPLATES[(lang, family)]), rng, context, lang))
    years = _years(title, role, rng)
    if years == 0:
        profile.insert(0, phrases.FIRST_EXPERIENCE[lang])
    elif years is not None and spec.experience:
        profile.insert(0, spec.experience.format(years=years).replace("Mindestens 1 Jahre", "Mindestens ein Jahr"))
    profile.append(rng.choice(phrases.LANGUAGE_LINES[spec.language_pool or lang]))
    return intro, tasks, profile


def salary_for(role: str, title: str, country: str, rng: random.Random) -> Salary:
    """A plausible salary for an opening (CHF in Switzerland)."""
    family = FAMILY[role]
    if role == "werkstudent_data":
        low, spread, period, step = rng.randint(28, 36) / 2, 0, "hour", 0.5
    elif role == "ausbildung_buero":
        low, spread, period, step = rng.randint(21, 24) * 50, 150, "month", 50
    elif family == "care":
        low, spread, period, step = rng.randint(34, 40) * 100, 600, "month", 100
    elif role in ("kundenservice", "elektroniker"):
        low, spread, period, step = rng.randint(26, 34) * 100, 500, "month", 100
    elif family == "office" and role != "sap_fico":
        low, spread, period, step = rng.randint(33, 42) * 100, 800, "month", 100
    else:
        level = {"Junior": 46, "Senior": 72, "Lead": 88, "Staff": 92}.get(title.split()[0], 58)
        low, spread, period, step = (level + rng.randint(0, 8)) * 1000, rng.randint(8, 20) * 1000, "year", 1000
    currency = "CHF" if country == "CH" else "EUR"
    if currency == "CHF":
        low, spread = round(low * 1.5 / step) * step, round(spread * 1.5 / step) * step
    return Salary(low, low + spread, currency, period, "structured")


def apply_edit(edit: str, texts: dict[str, Any], role: str, country: str, rng: random.Random) -> None:
    """Change a copy's ``texts`` the way a small edit between two copies does."""
    lang = ROLES[role].lang
    if edit == "typo":
        lines = texts["tasks"] if rng.random() < 0.5 else texts["profile"]
        index = rng.randrange(len(lines))
        words = lines[index].split(" ")
        long_words = [i for i, word in enumerate(words) if len(word) >= 6 and word.isalpha()]
        if long_words:
            i = rng.choice(long_words)
            word = words[i]
            cut = rng.randint(1, len(word) - 3)
            words[i] = word[:cut] + word[cut + 1] + word[cut] + word[cut + 2:]
            lines[index] = " ".join(words)
    elif edit == "benefit_changed":
        spare = [b for b in phrases.BENEFITS[lang] if b not in texts["benefits"]]
        texts["benefits"][rng.randrange(len(texts["benefits"]))] = rng.choice(spare)
    elif edit == "salary_added":
        texts["salary"] = salary_for(role, texts["title"], country, rng)
    elif edit == "salary_changed":
        old = texts["salary"]
        raise_by = old.minimum * rng.choice((0.04, 0.05, 0.08))
        step = 1000 if old.period == "year" else 50 if old.period == "month" else 0.5
        raise_by = max(step, round(raise_by / step) * step)
        texts["salary"] = Salary(old.minimum + raise_by, old.maximum + raise_by, old.currency, old.period, old.style)
    elif edit == "bullet_added":
        texts["profile"].insert(len(texts["profile"]) - 1, rng.choice(EXTRA_PROFILE_LINES[lang]))
    elif edit == "bullet_removed" and len(texts["tasks"]) > 3:
        texts["tasks"].pop(rng.randrange(len(texts["tasks"])))


def paraphrase(lines: list[str], lang: str, strength: str, rng: random.Random, drop: bool = True) -> list[str]:
    """An agency's rewording: phrases swapped, some bullets dropped, the order shuffled."""
    table = PARAPHRASES[lang]
    chosen = table if strength == "heavy" else [pair for pair in table if rng.random() < 0.5]
    reworded = []
    for line in lines:
        for old, new in chosen:
            line = line.replace(old, new)
        reworded.append(line)
    dropped = (2 if strength == "heavy" else rng.randint(0, 1)) if drop else 0
    for _ in range(min(dropped, max(0, len(reworded) - 3))):
        reworded.pop(rng.randrange(len(reworded)))
    if strength == "heavy":
        rng.shuffle(reworded)
    elif len(reworded) > 1 and rng.random() < 0.5:
        i = rng.randrange(len(reworded) - 1)
        reworded[i], reworded[i + 1] = reworded[i + 1], reworded[i]
    return reworded


def retitled(title: str, role: str, lang: str, rng: random.Random) -> str:
    """The title as an agency re-titles it: the employer's specialisation dropped when it has one
    ("Backend Engineer – Payments" -> "Backend Engineer"), else one appended ("Backend Engineer"
    -> "Backend Engineer Payments")."""
    for focus in FOCUS.get(role, FOCUS["en"] if lang == "en" else ()):
        if title.endswith(f" {focus}"):
            return title[: -len(focus) - 1]
    pool = [focus.removeprefix("– ") for focus in FOCUS.get(role, ())] or list(SPECIALISATIONS[lang])
    return f"{title} {rng.choice(pool)}"


def reword_one(lines: list[str], lang: str, rng: random.Random) -> list[str]:
    """``lines`` with one line reworded (an agency's phrase for the employer's)."""
    if not lines:
        return lines
    lines = list(lines)
    index = rng.randrange(len(lines))
    line = lines[index]
    for old, new in PARAPHRASES[lang]:
        line = line.replace(old, new)
    if line == lines[index]:
        line = ("Idealerweise: " if lang == "de" else "Ideally: ") + line[0].lower() + line[1:]
    lines[index] = line
    return lines


def client_sentence(employer: CorpusEmployer, title: str, place: Place, rng: random.Random) -> str:
    """The agency's opening sentence that describes the hidden employer."""
    sector = SECTORS[employer.sector][0]
    marker = "(m/w/d)" if employer.lang == "de" else "(m/f/d)"
    city = place.name if employer.lang == "de" else place.english_name
    return rng.choice(CLIENT_SENTENCES[employer.lang]).format(
        client=rng.choice(sector.clients[employer.lang]), city=city, title=f"{title} {marker}")


# ---------------------------------------------------------------------------------------------
# Planning: openings (clusters) and their copies (pages)
# ---------------------------------------------------------------------------------------------

_COPY_COUNTS = ((1, 40), (2, 20), (3, 18), (4, 12), (5, 6), (6, 3), (7, 1))
_OPENINGS_PER_EMPLOYER = ((1, 22), (2, 20), (3, 17), (4, 13), (5, 10), (6, 8), (8, 6), (12, 4))
_SECTION_ORDERS = (("about", "tasks", "profile", "benefits"), ("tasks", "profile", "benefits", "about"))
_BOARD_B_ORDERS = (("about", "profile", "tasks", "benefits"), ("tasks", "benefits", "profile", "about"),
                   ("profile", "tasks", "about", "benefits"))


@dataclass
class Job:
    """One job opening: one true cluster."""

    cluster: str
    employer: CorpusEmployer
    role: str
    title: str
    place: str
    intro: list[str]
    tasks: list[str]
    profile: list[str]
    salary: Salary | None
    reference: str
    date_posted: date
    valid_through: date | None
    employment: str
    workplace: str | None
    case: str
    """``opening``, ``other_city`` (same title and text in another city), ``sibling`` (same role,
    other level or focus) or ``repost``."""
    related_to: str | None = None
    """The cluster this one is the other-city twin, sibling or repost of."""


@dataclass
class Page:
    """One ad page: a copy of a job at one site, with the copy's own text and dress."""

    path: str
    site: str
    job: Job
    date_posted: date
    board_id: int
    markup: str = "jsonld"
    agency: Agency | None = None
    rewrite: str | None = None
    """``light`` or ``heavy`` agency rewording; ``named`` for an agency copy that names the agency as
    employer (retitled, one requirement reworded, the employer's boilerplate dropped)."""
    retitled: bool = False
    edits: tuple[str, ...] = ()
    texts: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    similar: list["Page"] = field(default_factory=list)


class CorpusBuilder:
    """Plans employers, their openings and the copies of each until the page target is met."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.employers = employer_stream(self.rng)
        self.jobs: list[Job] = []
        self.pages: list[Page] = []
        self.board_ids = iter(range(4_100_000, 90_000_000, 7))
        # The agency copies that name the agency draw from their own stream, so that adding them
        # left every other page of the corpus as it was.
        self.naming_rng = random.Random(seed * 31 + 14)
        self.naming_agencies_used: dict[str, set[str]] = {}

    def _opening(self, employer: CorpusEmployer, role: str, place: str, case: str,
                 related: Job | None = None, title: str | None = None) -> Job:
        rng = self.rng
        title = title or job_title(role, employer.lang, rng, set())
        intro, tasks, profile = job_texts(role, title, employer, PLACES[place], rng)
        day = CORPUS_DATE - timedelta(days=rng.randint(5, 80))
        employer.next_reference += rng.randint(1, 9)
        job = Job(
            cluster=f"c{len(self.jobs) + 1:05d}", employer=employer, role=role, title=title, place=place,
            intro=intro, tasks=tasks, profile=profile,
            salary=salary_for(role, title, PLACES[place].country, rng) if rng.random() < 0.35 else None,
            reference=f"{employer.reference_prefix}-2026-{employer.next_reference:04d}",
            date_posted=day, valid_through=day + timedelta(days=90) if rng.random() < 0.7 else None,
            employment="part_time" if role == "werkstudent_data" or rng.random() < 0.08 else "full_time",
            workplace=employer.workplace(role, rng), case=case, related_to=related.cluster if related else None,
        )
        self.jobs.append(job)
        return job

    def _same_text(self, source: Job, place: str, case: str) -> Job:
        copy = self._opening(source.employer, source.role, place, case, related=source)
        copy.title, copy.tasks, copy.profile, copy.salary = source.title, list(source.tasks), list(source.profile), source.salary
        copy.workplace, copy.employment = source.workplace, source.employment
        old, new = PLACES[source.place], PLACES[place]
        copy.intro = [line.replace(old.name, new.name).replace(old.english_name, new.english_name)
                      for line in source.intro]
        return copy

    def _other_city(self, job: Job, place: str) -> Job:
        """The same title and text at another city of the employer: a different opening."""
        twin = self._same_text(job, place, "other_city")
        twin.date_posted = job.date_posted + timedelta(days=self.rng.randint(0, 2))
        return twin

    def _repost(self, original: Job) -> Job:
        """The original moves to spring (and expires); the same text is republished in autumn."""
        rng = self.rng
        original.date_posted = date(2026, 3, 1) + timedelta(days=rng.randint(0, 130))
        original.valid_through = original.date_posted + timedelta(days=rng.randint(42, 60))
        repost = self._same_text(original, original.place, "repost")
        latest = (CORPUS_DATE - timedelta(days=2) - original.date_posted).days
        repost.date_posted = original.date_posted + timedelta(days=rng.randint(100, max(101, min(200, latest))))
        repost.valid_through = repost.date_posted + timedelta(days=90)
        return repost

    def plan_employer(self, employer: CorpusEmployer) -> list[Job]:
        """An employer's openings: distinct roles, now and then a sibling, a second city or a repost."""
        rng = self.rng
        jobs: list[Job] = []
        roles = list(employer.roles)
        rng.shuffle(roles)
        for index in range(_weighted(rng, _OPENINGS_PER_EMPLOYER)):
            bases = [job for job in jobs if job.case == "opening" and employer.can_have_siblings(job.role)]
            if bases and rng.random() < 0.18:
                base = rng.choice(bases)
                place = base.place if rng.random() < 0.7 else rng.choice(employer.places)
                title = job_title(base.role, employer.lang, rng, {job.title for job in jobs if job.role == base.role})
                if title:
                    jobs.append(self._opening(employer, base.role, place, "sibling", related=base, title=title))
                continue
            role = roles[index % len(roles)]
            earlier = [job for job in jobs if job.role == role]
            if earlier:
                # More openings than roles: a repeated role gets another level or focus (never the
                # same title in the same city, which would make the truth ambiguous), or is left out.
                title = job_title(role, employer.lang, rng, {job.title for job in earlier})
                if title and employer.can_have_siblings(role):
                    jobs.append(self._opening(employer, role, rng.choice(employer.places), "sibling",
                                              related=earlier[0], title=title))
                continue
            job = self._opening(employer, role, rng.choice(employer.places), "opening")
            jobs.append(job)
            others = [place for place in employer.places if place != job.place]
            if others and rng.random() < 0.2:
                jobs.append(self._other_city(job, rng.choice(others)))
            elif rng.random() < 0.08:
                jobs.append(self._repost(job))
        return jobs

    def _page(self, job: Job, site: str, used_agencies: list[str]) -> Page:
        rng = self.rng
        board_id = next(self.board_ids)
        slug = slugify(f"{job.title} {PLACES[job.place].name}")
        if site == "careers":
            path = f"/careers-{job.employer.key}/jobs/{job.reference.lower()}-{slugify(job.title)}.html"
            return Page(path, site, job, job.date_posted, board_id)
        if site == "board-a":
            return Page(f"/board-a/stellenangebote/{slug}-{board_id}.html", site, job,
                        job.date_posted + timedelta(days=rng.randint(0, 3)), board_id)
        if site == "board-b":
            return Page(f"/board-b/jobs/{board_id}-{slug}.html", site, job,
                        job.date_posted + timedelta(days=rng.randint(0, 6)), board_id,
                        markup="microdata" if rng.random() < 0.5 else "plain")
        agency = rng.choice([a for a in AGENCIES if job.employer.lang in a.langs and a.key not in used_agencies])
        used_agencies.append(agency.key)
        return Page(f"/agency-{agency.key}/stellen/{agency.code.lower()}-{board_id}.html", "agency", job,
                    job.date_posted + timedelta(days=rng.randint(1, 21)), board_id,
                    markup="jsonld" if rng.random() < 0.65 else "plain", agency=agency,
                    rewrite="heavy" if rng.random() < 0.35 else "light")

    def plan_copies(self, job: Job) -> list[Page]:
        """Where the opening is published: its first page and the copies of it."""
        rng = self.rng
        count = _weighted(rng, _COPY_COUNTS)
        sites = ["careers"] if job.employer.careers_site else [
            _weighted(rng, (("board-a", 45), ("board-b", 35), ("agency", 20)))]
        agencies = sum(1 for agency in AGENCIES if job.employer.lang in agency.langs)
        while len(sites) < count:
            site = _weighted(rng, (("board-a", 42), ("board-b", 38), ("agency", 20)))
            if site == "agency" and sites.count("agency") >= agencies:
                continue
            if site in sites and site != "agency" and rng.random() > 0.15:
                continue  # a board lists the same job twice only now and then
            sites.append(site)
        used: list[str] = []
        pages = [self._page(job, site, used) for site in sites]
        for page in pages[1:]:
            if page.site != "agency" and rng.random() < 0.3:
                edits = ["typo", "benefit_changed", "salary_changed" if job.salary else "salary_added",
                         "bullet_added", "bullet_removed"]
                page.edits = tuple(rng.sample(edits, 2 if rng.random() < 0.15 else 1))
        for page in pages:
            self._dress(page)
        return pages

    def _dress(self, page: Page) -> None:
        """The copy's own text (edits, agency rewording) and how its site shows it."""
        rng, job = self.rng, page.job
        employer, lang, place = job.employer, job.employer.lang, PLACES[job.place]
        texts = {"title": job.title, "intro": list(job.intro), "tasks": list(job.tasks),
                 "profile": list(job.profile), "benefits": list(employer.benefits), "salary": job.salary}
        for edit in page.edits:
            apply_edit(edit, texts, job.role, place.country, rng)
        careers_order = _SECTION_ORDERS[0] if employer.about_first else _SECTION_ORDERS[1]
        options: dict[str, Any] = {
            "company": employer.name, "locality": place.name, "postal_code": True, "identifier": True,
            "heading_tag": rng.choice(("h2", "h3", "strong")), "bullets": "ul", "order": careers_order,
        }
        marker = employer.marker
        if page.site == "board-a":
            options.update(company=_weighted(rng, ((employer.name, 80), (employer.short, 20))),
                           locality=place.english_name if lang == "en" and rng.random() < 0.4 else place.name,
                           postal_code=rng.random() < 0.5, identifier=rng.random() < 0.5,
                           order=_SECTION_ORDERS[1] if employer.about_first else _SECTION_ORDERS[0])
        elif page.site == "board-b":
            marker = "(m/w/d)" if lang == "de" else "(m/f/d)"
            variants = ((employer.name, 50), (employer.short, 20), (employer.name.upper(), 15),
                        (employer.name.replace("Co. KG", "Co KG").replace(" GmbH", " Gmbh").replace(" e.V.", " eV"), 15))
            options.update(company=_weighted(rng, variants), postal_code=rng.random() < 0.6,
                           identifier=rng.random() < 0.6, order=rng.choice(_BOARD_B_ORDERS),
                           bullets=rng.choice(("ul", "bullet_lines")))
        elif page.site == "agency":
            marker = "(m/w/d)" if lang == "de" else "(m/f/d)"
            texts["intro"] = [client_sentence(employer, job.title, place, rng)]
            if rng.random() < 0.5:
                texts["intro"] += paraphrase(job.intro[1:2], lang, page.rewrite, rng, drop=False)
            texts["tasks"] = paraphrase(texts["tasks"], lang, page.rewrite, rng)
            texts["profile"] = paraphrase(texts["profile"], lang, page.rewrite, rng)
            texts["benefits"] = paraphrase(rng.sample(texts["benefits"], 4), lang, page.rewrite, rng, drop=False)
            texts["reference"] = f"{page.agency.code}-{10000 + page.board_id // 7 % 90000}"
            area = {"de": f"Raum {place.name}", "en": f"Greater {place.english_name} area"}[lang]
            options.update(company=_weighted(rng, ((page.agency.name, 60), (None, 25),
                                                   ("Vertraulich" if lang == "de" else "Confidential", 15))),
                           locality=area if rng.random() < 0.15 else place.name, postal_code=False,
                           identifier=True, order=("tasks", "profile", "benefits", "about"))
        suffix = ""
        if page.site == "agency" and rng.random() < 0.3:
            suffix = " – Direktvermittlung" if lang == "de" else " – permanent position"
        texts["title_raw"] = f"{job.title} {marker}".strip() + suffix
        page.texts, page.options = texts, options
        if page.site == "agency" and self.naming_rng.random() < AGENCY_NAMED_SHARE:
            self._name_agency(page)

    def _name_agency(self, page: Page) -> None:
        """Turn an agency copy into one that names the agency as ``hiringOrganization`` (JSON-LD),
        retitles the job, keeps the employer's tasks and requirements with one requirement
        reworded, and replaces the employer's about text and benefits with the agency's."""
        rng, job = self.naming_rng, page.job
        lang, place = job.employer.lang, PLACES[job.place]
        used = self.naming_agencies_used.setdefault(job.cluster, set())
        choices = [agency for agency in NAMING_AGENCIES if lang in agency.langs and agency.key not in used]
        if not choices:
            return
        agency = rng.choice(choices)
        used.add(agency.key)
        page.agency, page.markup, page.rewrite = agency, "jsonld", "named"
        page.path = f"/agency-{agency.key}/jobs/{agency.code.lower()}-{page.board_id}.html"
        page.retitled = rng.random() < 0.85
        title = retitled(job.title, job.role, lang, rng) if page.retitled else job.title
        marker = "(m/w/d)" if lang == "de" else "(m/f/d)"
        texts = page.texts
        texts.update(title=title, title_raw=f"{title} {marker}", intro=[client_sentence(job.employer, title, place, rng)],
                     tasks=list(job.tasks), profile=reword_one(job.profile, lang, rng),
                     benefits=list(AGENCY_BENEFITS[lang]), reference=f"{agency.code}-{page.board_id}")
        page.options.update(company=agency.name, locality=place.name, identifier=True,
                            order=("tasks", "profile", "benefits", "about"))

    def build(self, target_pages: int) -> None:
        """Plan until there are at least ``target_pages`` pages; then link boards' "similar jobs"."""
        while len(self.pages) < target_pages:
            for job in self.plan_employer(next(self.employers)):
                self.pages.extend(self.plan_copies(job))
        by_site: dict[str, list[Page]] = {}
        for page in self.pages:
            by_site.setdefault(page.site, []).append(page)
        for page in self.pages:
            if page.site in ("board-a", "board-b"):
                pool = by_site[page.site]
                page.similar = [other for other in self.rng.sample(pool, min(5, len(pool))) if other is not page][:4]


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------

_REFERENCE_LABEL = {"en": "Reference", "de": "Referenznummer"}
_APPLY = {"en": "Apply now", "de": "Jetzt bewerben"}
_SIMILAR = {"en": "Similar jobs", "de": "Ähnliche Jobs"}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def _ad_parts(page: Page) -> tuple[list[str], list[tuple[str, list[str], str | None]], list[str]]:
    """(intro, sections as (heading, bullets, paragraph), closing) in the site's order and words."""
    job, texts = page.job, page.texts
    employer, lang = job.employer, job.employer.lang
    headings = employer.headings[employer.style(job.role)] if page.site == "careers" else SITE_HEADINGS[page.site][lang]
    salary = texts["salary"]
    salary_line = f"{phrases.SALARY_LABELS[lang][0]} {structured_salary_text(salary, lang)}" if salary else None
    blocks = {
        "about": (headings["about"], [], page.agency.about[lang] if page.agency else employer.about),
        "tasks": (headings["tasks"], texts["tasks"], None),
        "profile": (headings["profile"], texts["profile"], None),
        "benefits": (headings["benefits"], texts["benefits"], salary_line),
    }
    if page.agency:
        closing = [AGENCY_CLOSINGS[lang].format(contact=page.agency.contact, reference=texts["reference"])]
    else:
        closing = employer.closing(job.role)[: 1 if page.site == "board-b" else None]
        if page.options["identifier"]:
            closing.append(f"{_REFERENCE_LABEL[lang]}: {job.reference}")
    return texts["intro"], [blocks[kind] for kind in page.options["order"]], closing


def body_html(page: Page) -> str:
    """The ad's text as HTML: paragraphs, headings and bullets in the page's style."""
    intro, sections, closing = _ad_parts(page)
    tag, bullets = page.options["heading_tag"], page.options["bullets"]
    parts = [f"<p>{escape(line)}</p>" for line in intro]
    for heading, items, paragraph in sections:
        parts.append(f"<p><strong>{escape(heading)}</strong></p>" if tag == "strong" else f"<{tag}>{escape(heading)}</{tag}>")
        if items and bullets == "ul":
            parts.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")
        elif items:
            parts.append("<p>" + "<br>\n".join(f"• {escape(item)}" for item in items) + "</p>")
        if paragraph:
            parts.append(f"<p>{escape(paragraph)}</p>")
    parts.extend(f"<p>{escape(line)}</p>" for line in closing)
    return "\n".join(parts)


def job_posting_node(page: Page, description: str) -> dict[str, Any]:
    """The page's schema.org ``JobPosting`` (JSON-LD)."""
    job, options, place = page.job, page.options, PLACES[page.job.place]
    node: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "JobPosting", "title": page.texts["title_raw"],
        "description": description, "datePosted": page.date_posted.isoformat(),
        "employmentType": "PART_TIME" if job.employment == "part_time" else "FULL_TIME",
    }
    if job.valid_through and page.site in ("careers", "board-a"):
        node["validThrough"] = f"{job.valid_through.isoformat()}T23:59:59+01:00"
    if options["company"]:
        node["hiringOrganization"] = {"@type": "Organization", "name": options["company"]}
        if page.site == "careers":
            node["hiringOrganization"]["sameAs"] = job.employer.website
    address = {"@type": "PostalAddress", "addressLocality": options["locality"], "addressRegion": place.region,
               "addressCountry": place.country}
    if options["postal_code"]:
        address["postalCode"] = place.postal_code
    node["jobLocation"] = {"@type": "Place", "address": address}
    if job.workplace == "remote" and page.site == "careers":
        node["jobLocationType"] = "TELECOMMUTE"
    if options["identifier"]:
        value = page.texts.get("reference") or job.reference
        node["identifier"] = {"@type": "PropertyValue", "name": options["company"] or "", "value": value}
    salary = page.texts["salary"]
    if salary and page.site in ("careers", "board-a"):
        node["baseSalary"] = {"@type": "MonetaryAmount", "currency": salary.currency, "value": {
            "@type": "QuantitativeValue", "minValue": salary.minimum, "maxValue": salary.maximum,
            "unitText": salary.period.upper()}}
    return node


def _jsonld(node: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">\n{json.dumps(node, ensure_ascii=False, indent=1)}\n</script>'


def _date_text(day: date, lang: str) -> str:
    return f"Veröffentlicht am {day:%d.%m.%Y}" if lang == "de" else f"Posted on {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def _similar_aside(page: Page, lang: str) -> str:
    items = "".join(f'<li><a href="{other.path}?utm_source=similar_jobs">{escape(other.texts["title_raw"])}</a> '
                    f'<span>{escape(other.options["company"] or "")}</span></li>' for other in page.similar)
    return f'<aside class="similar-jobs"><h2>{_SIMILAR[lang]}</h2><ul>{items}</ul></aside>'


_MICRODATA = {
    "title": ' itemprop="title"', "name": ' itemprop="name"', "date": ' itemprop="datePosted"',
    "organization": ' itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization"',
    "place": ' itemprop="jobLocation" itemscope itemtype="https://schema.org/Place"',
    "address": ' itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"',
    "postal_code": ' itemprop="postalCode"', "locality": ' itemprop="addressLocality"',
}


def _header_block(page: Page, microdata: bool) -> str:
    """Title, employer, place and date as a site shows them (with microdata when asked)."""
    options, place, lang = page.options, PLACES[page.job.place], page.job.employer.lang
    md = _MICRODATA if microdata else dict.fromkeys(_MICRODATA, "")
    company = ""
    if options["company"]:
        company = (f'<div class="company-name"{md["organization"]}><span{md["name"]}>'
                   f'{escape(options["company"])}</span></div>')
    postal = f'<span{md["postal_code"]}>{place.postal_code}</span> ' if options["postal_code"] else ""
    country = f'<meta itemprop="addressCountry" content="{place.country}">' if microdata else ""
    location = (f'<div class="job-location"{md["place"]}><span{md["address"]}>{postal}'
                f'<span{md["locality"]}>{escape(options["locality"])}</span>{country}</span></div>')
    employment = phrases.EMPLOYMENT_TEXT[lang][page.job.employment]
    posted = f'<time{md["date"]} datetime="{page.date_posted.isoformat()}">{_date_text(page.date_posted, lang)}</time>'
    return (f'<h1{md["title"]}>{escape(page.texts["title_raw"])}</h1>\n{company}\n{location}\n'
            f'<ul class="facts"><li>{employment}</li><li>{posted}</li></ul>')


def _site_frame(page: Page, name: str, home: str, main: str, head_extra: str) -> str:
    lang = page.job.employer.lang
    nav = (f'<header class="site-header"><a class="logo" href="{home}">{escape(name)}</a><nav>'
           f'<a href="{home}">Jobs</a> <a href="{home}#companies">{"Companies" if lang == "en" else "Unternehmen"}</a>'
           f'</nav></header>')
    footer = f'<footer class="site-footer">© 2026 {escape(name)}</footer>'
    extras = cookie_banner(lang) if page.site != "careers" else ""
    return document(lang=lang, title=f"{page.texts['title_raw']} | {name}", body="\n".join((nav, main, footer, extras)),
                    head_extra=head_extra, canonical=page.path)


def render_page(page: Page) -> str:
    """The full HTML page of one copy."""
    body = body_html(page)
    lang = page.job.employer.lang
    apply_link = f'<p><a class="btn" href="#apply">{_APPLY[lang]}</a></p>'
    if page.site == "careers":
        employer = page.job.employer
        main = f'<main><article class="job-ad">{_header_block(page, False)}\n{body}\n{apply_link}</article></main>'
        return _site_frame(page, f"{employer.short} – {'Careers' if lang == 'en' else 'Karriere'}",
                           f"/careers-{employer.key}/", main, _jsonld(job_posting_node(page, body)))
    if page.site == "board-a":
        main = (f'<main><article class="job-ad">{_header_block(page, False)}\n{body}\n{apply_link}</article>'
                f'{_similar_aside(page, lang)}</main>')
        return _site_frame(page, SITE_NAMES["board-a"], "/board-a/", main, _jsonld(job_posting_node(page, body)))
    if page.site == "board-b":
        microdata = page.markup == "microdata"
        scope = ' itemscope itemtype="https://schema.org/JobPosting"' if microdata else ""
        description = ' itemprop="description"' if microdata else ""
        main = (f'<main><article class="job-posting"{scope}>{_header_block(page, microdata)}\n'
                f'<div class="job-description"{description}>\n{body}\n</div>{apply_link}</article>'
                f'{_similar_aside(page, lang)}</main>')
        return _site_frame(page, SITE_NAMES["board-b"], "/board-b/", main, "")
    head = _jsonld(job_posting_node(page, body)) if page.markup == "jsonld" else ""
    main = f'<main><article class="job-ad">{_header_block(page, False)}\n{body}\n{apply_link}</article></main>'
    return _site_frame(page, page.agency.name, f"/agency-{page.agency.key}/", main, head)


def site_files(pages: list[Page]) -> dict[str, bytes]:
    """Sitemaps (one per site, under an index), robots.txt and a home page."""
    by_site: dict[str, list[Page]] = {}
    for page in pages:
        by_site.setdefault(page.path.split("/")[1], []).append(page)
    files: dict[str, bytes] = {}
    index = []
    for prefix in sorted(by_site):
        entries = sorted(by_site[prefix], key=lambda p: p.path)
        urls = "\n".join(f"  <url><loc>{PLACEHOLDER}{p.path}</loc><lastmod>{p.date_posted.isoformat()}</lastmod></url>"
                         for p in entries)
        files[f"{prefix}/sitemap.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}\n</urlset>\n").encode("utf-8")
        index.append(f"  <sitemap><loc>{PLACEHOLDER}/{prefix}/sitemap.xml</loc></sitemap>")
    files["sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(index) + "\n</sitemapindex>\n").encode("utf-8")
    files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {PLACEHOLDER}/sitemap.xml\n".encode("utf-8")
    links = "".join(f'<li><a href="/{prefix}/sitemap.xml">{prefix}</a></li>' for prefix in sorted(by_site))
    files["index.html"] = document(lang="en", title="Dedupe corpus", body=f"<ul>{links}</ul>").encode("utf-8")
    return files


# ---------------------------------------------------------------------------------------------
# Labels and files
# ---------------------------------------------------------------------------------------------

def labels_for(builder: CorpusBuilder, target_pages: int, seed: int) -> dict[str, Any]:
    """``labels.json``: every page's true cluster and case, every cluster's features."""
    page_counts: dict[str, int] = {}
    for page in builder.pages:
        page_counts[page.job.cluster] = page_counts.get(page.job.cluster, 0) + 1
    clusters = {
        job.cluster: {
            "case": job.case, "employer": job.employer.name, "role": job.role, "title": job.title,
            "city": PLACES[job.place].name, "lang": job.employer.lang, "related_to": job.related_to,
            "repost_of_cluster": job.related_to if job.case == "repost" else None,
            "date_posted": job.date_posted.isoformat(), "reference": job.reference, "pages": page_counts[job.cluster],
        }
        for job in builder.jobs
    }
    pages = {
        page.path: {
            "cluster": page.job.cluster, "site": page.site, "markup": page.markup, "edits": list(page.edits),
            "rewrite": page.rewrite, "agency": page.agency.name if page.agency else None,
            "retitled": page.retitled,
            "repost_of_cluster": clusters[page.job.cluster]["repost_of_cluster"],
        }
        for page in builder.pages
    }
    return {
        "generator": {"seed": seed, "pages_requested": target_pages, "source_sha256": generator_fingerprint(),
                      "corpus_date": CORPUS_DATE.isoformat()},
        "pages": pages,
        "clusters": clusters,
    }


def generator_fingerprint() -> str:
    """A hash of this generator's source: a stored corpus is reused only when it matches."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def build_corpus(target_pages: int = DEFAULT_PAGES, seed: int = SEED) -> tuple[dict[str, bytes], dict[str, Any]]:
    """Every file of the corpus by relative path, and its labels."""
    builder = CorpusBuilder(seed)
    builder.build(target_pages)
    files = {page.path.lstrip("/"): render_page(page).encode("utf-8") for page in builder.pages}
    files.update(site_files(builder.pages))
    labels = labels_for(builder, target_pages, seed)
    files[LABELS_NAME] = (json.dumps(labels, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files, labels


def write_corpus(files: dict[str, bytes], out_dir: Path) -> None:
    """Replace ``out_dir`` with exactly ``files``."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for relative_path, content in files.items():
        target = out_dir / relative_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def ensure_corpus(out_dir: Path = DEFAULT_DIR, target_pages: int = DEFAULT_PAGES, seed: int = SEED) -> dict[str, Any]:
    """The labels of the corpus in ``out_dir``; generated unless the same generator, seed and size made it."""
    labels_path = out_dir / LABELS_NAME
    if labels_path.is_file():
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        wanted = {"seed": seed, "pages_requested": target_pages, "source_sha256": generator_fingerprint()}
        if all(labels.get("generator", {}).get(key) == value for key, value in wanted.items()):
            return labels
    files, labels = build_corpus(target_pages, seed)
    write_corpus(files, out_dir)
    return labels


def main(argv: list[str] | None = None) -> None:
    """Command line: write the corpus and say what is in it."""
    parser = argparse.ArgumentParser(description="Generate the labelled corpus for the dedupe evaluation.")
    parser.add_argument("--pages", type=int, default=DEFAULT_PAGES, help="least number of ad pages (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    files, labels = build_corpus(args.pages)
    write_corpus(files, args.out)
    clusters = len({entry["cluster"] for entry in labels["pages"].values()})
    pages = len(labels["pages"])
    print(f"wrote {pages} ad pages in {clusters} clusters ({1 - clusters / pages:.0%} duplicates) to {args.out}")


if __name__ == "__main__":
    main()
