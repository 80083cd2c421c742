"""Content cues of job-ad text: does a list read like tasks, a profile or benefits, does a
paragraph speak about the employer or about the vacancy?

Used only where a heading does not decide: ambiguous headings ("Was dich erwartet"), lists without
a heading, and the employer paragraph above the first section.
"""

from __future__ import annotations

import re

__all__ = ["TOKEN_EDGES", "company_cues", "content_kind", "cue_scores", "job_cue_count"]

# Used only where a heading does not decide: ambiguous headings ("Was dich erwartet")
# and ads without any section heading.

_TASK_CUE = re.compile(
    r"^(?:you(?:'ll|\s+will)\s+)?(?:develop|design|build|create|implement|lead|manage|own|drive|support|work|collaborate"
    r"|coordinate|maintain|analy[sz]e|ensure|define|plan|conduct|deliver|write|review|monitor|optimi[sz]e|improve|help"
    r"|take|partner|establish|identify|prepare|present|research|contribute|shape|steer|operate|test|deploy|mentor|guide"
    r"|report|handle|run|set\s+up|act|advise|oversee|execute|communicate|evaluate|automate|architect|integrate|document"
    r"|promote|set|recruit|hire|explain|represent|foster|engage|organi[sz]e|schedule|assist|draft|track|answer|process"
    r"|facilitate|train|coach|negotiate|sell|source|serve|teach|translate|adapt|prioriti[sz]e|resolve|troubleshoot"
    r"|install|configure|migrate|scale|launch|grow|lead|understand\s+and\s+follow|follow\s+up|liaise|champion|represent"
    r"|assess|audit|inspect|clean|repair|care|cook|drive|deliver|pack|check|ship|produce|assemble|inform|onboard"
    r"|enter|perform|greet|stock|load|sort)(?:e?s)?\b"  # the third person of US duty lists: "Maintains …", "Cleans …"
    # a German task noun ("Durchführung und Überwachung…", "Betreuung der Patienten") or an English
    # gerund ("Building and evolving…", "Answering phones") opening the item names an activity
    r"|^(?!(?:Berufs|Weiter|Fort|Aus)?(?:erfahrung|bildung)|(?:Berufs|Weiter|Fort|Aus)?[Bb]ildung|Erfahrung|Vergütung"
    r"|Bezahlung|Entlohnung|Einarbeitung|Förderung|(?:Fest)?[Aa]nstellung|Begeisterung|Wertschätzung|Haltung"
    r"|Kleidung|Verpflegung|Festanstellung|Leistung)[A-ZÄÖÜ][a-zäöüß]{3,}ung(?:en)?\b(?!\s+(?:in|im|mit|als|von)\b)|^(?!Working\b|Having\b|Outstanding\b|Strong\b)[A-Z][a-z]{2,}ing\s+(?:and\s+\w+\s+)?(?:the|a|an|our|new|all|and|with|to|\w+s)\b"
    r"|\byou(?:'ll|\s+will)\s+(?!have|bring|need)|\bresponsib"
    r"|\b(?:du|sie)\s+(?:entwickel(?:st|n)|gestalte(?:st|n)|übernimmst|übernehmen|arbeitest|betreu(?:st|en)|unterstützt"
    r"|verantworte(?:st|n)|kümmerst|plan(?:st|en)|analysier(?:st|en)|führ(?:st|en)|koordinier(?:st|en)|konzipier(?:st|en)"
    r"|erstell(?:st|en)|sorg(?:st|en)|treib(?:st|en)|baust|implementier(?:st|en)|optimier(?:st|en)|begleite(?:st|n)"
    r"|berätst|berate|steuer(?:st|n)|bist\s+verantwortlich|sind\s+verantwortlich)\b"
    # any verb after "Du" that is not having, being, bringing or wanting: "Du pflegst", "Du dokumentierst"
    r"|^du\s+(?!(?:bist|hast|bringst|verfügst|besitzt|kannst|sprichst|magst|liebst|willst|möchtest|suchst|bekommst"
    r"|erhältst|kennst|denkst|arbeitest\s+gerne|überzeugst|punktest|freust|begeisterst|interessierst|zeichnest)\b)"
    r"[a-zäöüß]{3,}st\b"
    # an activity noun, also closing a compound ("Pflegedokumentation", "Grund- und Behandlungspflege")
    r"|^(?:[a-zäöüß]+-\s+(?:und|&)\s+)?[a-zäöüß]*(?:entwicklung|konzeption|planung|durchführung|betreuung|steuerung"
    r"|koordination|erstellung|umsetzung|analyse|kommunikation"
    r"|optimierung|unterstützung|mitarbeit|mitwirkung|pflege|aufbau|implementierung|beratung"
    r"|bearbeitung|überwachung|sicherstellung|dokumentation|organisation|leitung|führung|erarbeitung|abstimmung"
    r"|übernahme|gestaltung|begleitung|schulung|bereitung|einführung|administration|wartung)\b",
    re.IGNORECASE,
)
# A German item that closes on a bare infinitive names something to do: "Verantwortung übernehmen und
# klar kommunizieren", "Inspirieren und Wissensaustausch fördern". Not an infinitive after "zu"
# ("Bereitschaft, am Wochenende zu arbeiten"), not having, being or bringing ("Freude an Technik
# haben"), not a participle or adjective that ends alike ("Führerschein vorhanden", "willkommen").
_GERMAN_TASK_INFINITIVE = re.compile(
    r"(?<!\bzu )(?<![\w-])(?!(?:haben|sein|mitbringen|besitzen|beherrschen|verfügen|können|kennen|mögen|wollen|sprechen"
    r"|vorhanden|willkommen|gesehen|gegeben|erwünschen|genießen|bekommen|erhalten|profitieren)\b)"
    r"[a-zäöüß]{3,}(?:ieren|ern|eln|en)[ \t]*[.!;]?[ \t]*$")
_REQUIREMENT_CUE = re.compile(
    r"\b(?:experience|erfahrung\w*|\w*kenntnisse?|knowledge|degree|studium|ausbildung|abschluss|qualifi\w+|skills?"
    r"|fähigkeit\w*|proficien\w+|fluent|fließend|verhandlungssicher|years?|jahre\w*|\w+jährige\w*|familiar\w*|vertraut"
    r"|understanding|verständnis|ability|able\s+to|bachelor|master|phd|you\s+have|you\s+are|du\s+hast|du\s+bist"
    r"|du\s+bringst|sie\s+haben|sie\s+verfügen|sie\s+bringen|verfügst|verfügen\s+über|besitz\w*|umgang|ausgeprägte\w*|fundierte\w*|idealerweise"
    r"|wünschenswert|von\s+vorteil|nice\s+to\s+have|team\s*player|teamfähig\w*|zuverlässig\w*|kommunikationsstärke"
    r"|führerschein|mindset|hands-on|expertise|certif\w+|zertifi\w+)\b",
    re.IGNORECASE,
)
_BENEFIT_CUE = re.compile(
    r"\b(?:urlaub\w*|\w*urlaub|vacation|holidays?|days\s+off|paid\s+time\s+off|gehalt\w*|salary|vergütung|bonus\w*"
    r"|home\s*-?office|remote|mobile[sn]?\s+arbeiten|flexib\w+|gleitzeit|weiterbildung\w*|fortbildung\w*|training"
    r"|learning\s+budget|entwicklungsmöglichkeit\w*|karriere\w*|career|jobrad|bike|fahrrad|dienstwagen|company\s+car"
    r"|\w*ticket|pension|altersvorsorge|insurance|versicherung\w*|health\w*|gesundheit\w*|fitness|gym|urban\s+sports"
    r"|egym|wellpass|obst|fruit|kaffee|coffee|getränke|drinks|snacks|kantine|canteen|\w*zuschuss|lunch|events?|\w*events?"
    r"|parties|rabatt\w*|\w*rabatte|discount\w*|corporate\s+benefits|subsid\w+|equipment|laptop|hardware|unbefristet\w*"
    r"|permanent\s+contract|(?:sicher|modern)e[rn]?\s+arbeitsplatz|secure\s+job|onboarding|kita|childcare|kinderbetreuung|parking"
    # a warm team, a trainee's chance to be kept on: "Engagiertes und herzliches Praxisteam", "Gute Übernahmechancen"
    r"|(?:herzlich|nett|freundlich|engagiert|motiviert|toll|harmonisch|aufgeschlossen)\w*\s+(?:und\s+\w+\s+)?\w*team\b|übernahme\w*"
    r"|parkplatz\w*|atmosphäre|atmosphere|kultur|culture|hierarchien|hierarchies|team\s*spirit|attraktive\w*|attractive"
    r"|competitive|\w*möglichkeit\w*|tarif\w*|tvöd|tv-l|langfristig\w*|weihnachtsgeld|urlaubsgeld|sabbatical|workation|benefits?|perks?|leasing|massage|sport\w*"
    # pay stated as a figure, the working climate, room of one's own, what an employee is given
    r"|brutto|netto|\d[\d.,]*\s*(?:€|eur|euro)|€\s*\d[\d.,]*|\w*kultur|\w*klima|\w*spielraum|freiraum|raum\s+für|mentoring"
    r"|mentorship|equity|stock\s+options?|401\(?k\)?|dental|parental\s+leave|paid\s+leave|relocation|visa\s+sponsorship"
    r"|stipend|allowance|well-?being|wellness)\b",
    re.IGNORECASE,
)
_INTRO_HINTS = (
    # "We need you to support us in improving and extending:" over what the person will work on
    ("responsibilities", re.compile(r"\byou(?:'ll|’ll|\s+will)\b(?!\s+(?:have|bring|need|enjoy|love|get|receive))|\baufgaben\b"
                                    r"|\bdu\s+wirst\b|\bwe\s+need\s+you\s+to\b|\b(?:help|support)\s+us\b", re.I)),
    # "Sie ..." over "... wohnen im Vertriebsgebiet, ... sind zuverlässig": the items describe the reader
    ("requirements", re.compile(r"\byou\s+(?:have|bring|need|should)|\bmitbring|\bdu\s+hast\b|\bsie\s+haben\b|\bprofil"
                                r"|^\W*(?:sie|du|you)\W*$", re.I)),
    # "Here are just a few of the things that we think make it a great place to work:"
    ("benefits", re.compile(r"\b(?:we|wir)\s+(?:offer|provide|bieten)\b|\bbenefits\b|\bvorteile\b|\bplace\s+to\s+work\b"
                            r"|\byou(?:'ll|’ll|\s+will)\s+(?:enjoy|love|get|receive)\b|\bwhat\s+you\s+can\s+expect\b"
                            r"|\bin\s+return\b|\bwhy\s+(?:join|work)\b", re.I)),
)
_CUES = (("responsibilities", _TASK_CUE), ("requirements", _REQUIREMENT_CUE), ("benefits", _BENEFIT_CUE))

# Employer-description and vacancy cues, counted as distinct words/phrases. A token set
# and `in` checks are ~5x faster than one big \b-alternation regex over long paragraphs.
_COMPANY_WORDS = frozenset("""
leading leader world's global globally worldwide international internationally founded established
headquarters headquartered employees colleagues stores branches offices countries customers clients company
companies group organisation organization mission vision values startup start-up family-owned industry
products services solutions platform brand subsidiary gmbh ag kg ohg inc ltd llc plc führende führender
führenden führendes marktführer weltweit gegründet hauptsitz mitarbeitende mitarbeitenden mitarbeiter
mitarbeiterinnen beschäftigte beschäftigten standorte standorten filialen niederlassungen kunden unternehmen
unternehmensgruppe konzern gruppe familienunternehmen mittelständisches mittelständische mittelständischen
tochtergesellschaft tochterunternehmen produkte dienstleistungen lösungen marke branche
manufacturer hersteller provider anbieter specialist spezialist independent unabhängige unabhängiges
builds develops operates designs manufactures produces entwickelt betreibt produziert fertigt vertreibt
studio agency firm kanzlei hotel people menschen team households haushalte customers patients patienten
""".split())
_COMPANY_SINCE = re.compile(r"\b(?:since|seit) (?:\d{4}|über \d|mehr als \d)")
# German compounds name the kind of employer: "Speditionsunternehmen", "Energieversorger",
# "Kontraktlogistiker", "Kindertageseinrichtungen".
_COMPANY_SUFFIXES = ("unternehmen", "konzern", "gruppe", "hersteller", "dienstleister", "anbieter", "versorger",
                     "händler", "logistiker", "betrieb", "betriebe", "einrichtungen", "verband", "kanzlei", "klinikum",
                     "kliniken", "gesellschaft", "beratung", "agentur", "spedition", "werk", "werke", "zulieferer")
_WE_ARE = re.compile(r"\b(?:wir sind|we are|we're|ist|is) (?:ein|eine|einer|a|an|the|der|die|das) ")
_JOB_PHRASES = (
    " are looking", " is looking", "looking for", "searching for", " hiring", " seeking", "we seek", " are you",
    " you will", " you'll", "join us", "join our", " apply", "in this role", "this role", "this position",
    "wir suchen", "suchen wir", " sucht ", "gesucht", "verstärkung", "bewirb", "bewerben", "bewerbung", "du wirst",
    "sie werden", "in dieser rolle", "in dieser position", "nächstmöglichen zeitpunkt", "ab sofort", "challenge",
    "herausforderung", "interested", "interessiert", "m/w/d", "w/m/d", "f/m/d", "m/f/d", "m/w/x",
)
TOKEN_EDGES = ".,;:!?()[]{}\"'“”„«»–-"


def company_cues(text: str) -> set[str]:
    """The distinct employer cues in ``text``: words such as "founded", "employees", "GmbH", German
    compounds naming a kind of employer ("Speditionsunternehmen"), "since 1952", "we are a …"."""
    lowered = text.lower()
    tokens = {token.strip(TOKEN_EDGES) for token in lowered.split()}
    cues = tokens & _COMPANY_WORDS
    cues.update(token for token in tokens - cues if len(token) > 9 and token.endswith(_COMPANY_SUFFIXES))
    if ("since " in lowered or "seit " in lowered) and _COMPANY_SINCE.search(lowered):
        cues.add("since")
    if cues and _WE_ARE.search(lowered):
        cues.add("we are")
    return cues


def job_cue_count(text: str) -> int:
    """How many phrases about the vacancy ``text`` holds ("we are looking", "apply", "m/w/d")."""
    lowered = " " + text.lower()
    return sum(1 for phrase in _JOB_PHRASES if phrase in lowered)


def _has_cue(kind: str, cue: re.Pattern, item: str) -> bool:
    return cue.search(item) is not None or (kind == "responsibilities" and _GERMAN_TASK_INFINITIVE.search(item) is not None)


def cue_scores(items: list[str]) -> dict[str, int]:
    """For each section kind, how many of ``items`` carry its cue words."""
    return {kind: sum(1 for item in items if _has_cue(kind, cue, item)) for kind, cue in _CUES}


def content_kind(items: list[str], intro: str = "") -> str | None:
    """The kind a heading-less bullet list clearly belongs to, or None when unsure."""
    if len(items) < 2:
        return None
    scores = cue_scores(items)
    for kind, hint in _INTRO_HINTS:
        if intro and hint.search(intro):
            scores[kind] += len(items)
    ranked = sorted(scores.items(), key=lambda pair: pair[1], reverse=True)
    (best, best_score), (_, second_score) = ranked[0], ranked[1]
    if best_score >= 2 and best_score * 2 >= len(items) and best_score > second_score:
        return best
    return None
