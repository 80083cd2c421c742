"""Job-title normalisation before occupation lookup: gender forms, seniority, board chrome removed."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from crawler.occupations.team_members import team_member_as_assistant
from crawler.occupations.language_requirements import without_language_requirement, without_leading_languages

# "(m/w/d)", "(w/m/d)", "(m/f/d)", "(all genders)", "(gn)", "(d/m/w)", "m/w/d" without brackets.
_GENDER_TAG = re.compile(
    r"\(\s*(?:[mwfdix]\s*[/|,]\s*){1,3}[mwfdix]\s*\)|\b(?:[mwfd]\s*/\s*){2}[mwfdx]\b|"
    r"\(\s*(?:all genders?|gn\*?|m/w|w/m|d)\s*\)|\*\s*(?=\s|$)",
    re.IGNORECASE,
)
# "Elektroniker/in", "Elektroniker/-in", "Kaufmann/-frau", "Mitarbeiter:in", "Mitarbeiter*in",
# "MitarbeiterIn", "Mitarbeiter(in)", "Koch/Köchin" (second form dropped when it starts like the first).
_GENDER_SUFFIX = re.compile(r"(?<=\w)(?:\s*/\s*-?\s*|:|\*|_|\(\s*-?)(?:in|innen|frau|mann)\)?(?=\W|$)", re.IGNORECASE)
# "Erfahrene/r", "ein/e": the masculine ending of an adjective or article written after a slash.
_ADJECTIVE_GENDER = re.compile(r"(?<=[a-zäöüß])/(?:r|n|e)\b")
_BINNEN_I = re.compile(r"(?<=[a-zäöüß])In(?:nen)?\b")
_PAIRED_FORM = re.compile(r"\b(\w{3,})(\w*)\s*/\s*(\w+)")

_SENIORITY = re.compile(
    r"\b(?:senior|sr|junior|jr|principal|intern(?:ship)?|trainee|"
    r"werkstudent(?:in)?|praktikant(?:in)?|praktikum|aushilfe|minijob|volontär(?:in)?|"
    r"duales studium|dualer student|ausbildung(?: zum| zur| als)?|auszubildende[rn]?|azubi|"
    r"quereinsteiger(?:in)?|berufseinsteiger(?:in)?|mid[- ]level|entry[- ]level|"
    # "Erfahrene Monteurin", "Experienced Chef": experience is a grade, not the job.
    r"erfahrene[rn]?|experienced|"
    # "Exam. Pflegefachkraft", "staatlich anerkannte Erzieherin": the qualification, not the job.
    r"exam|examinierte[rn]?|staatlich anerkannte[rn]?|gelernte[rn]?|ausgebildete[rn]?|qualifizierte[rn]?|"
    r"i{1,3}|iv|[123])\b\.?",
    re.IGNORECASE,
)
# "Staff Engineer": a grade before a role ("Bar Staff", "Staff" alone are staff), unless ESCO's labels
# hold the pair ("staff nurse", "staff sergeant"): there "staff" is part of the job's name.
# "Tischlergeselle", "Geselle Maler", "Elektriker-Gesellin": a journeyman's certificate is the craft's
# qualification, not another job.
_JOURNEYMAN = re.compile(r"(?<=[a-zäöüß])-?gesell(?:e[n]?|in(?:nen)?)\b|\bgesell(?:e[n]?|in(?:nen)?)\b", re.IGNORECASE)
_STAFF_GRADE = re.compile(r"\bstaff\s+(?!of\b)(\w+)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _esco_staff_pairs() -> frozenset[str]:
    """'staff nurse', 'staff sergeant', …: the pairs ESCO's labels write with 'staff' first."""
    from crawler.occupations.index import load_index

    return frozenset(f"staff {word}" for text in load_index().label_texts()
                     for word in re.findall(r"\bstaff (\w+)", text))


def _drop_staff_grade(text: str) -> str:
    return _STAFF_GRADE.sub(
        lambda m: m.group(0) if f"staff {m.group(1).lower()}" in _esco_staff_pairs() else m.group(1), text)


# Board chrome: work pattern, place and pay noise that boards glue onto titles.
_CHROME = re.compile(
    # "in Voll- oder Teilzeit", "Voll-/Teilzeit": German leaves out the head both words share.
    r"\b(?:(?:in\s+)?(?:voll|teil)-\s*(?:(?:und|oder|&)\s+|/\s*)(?:teil|voll)zeit|vollzeit|teilzeit|full[- ]time|part[- ]time|remote|hybrid|home[- ]?office|befristet|"
    r"unbefristet|festanstellung|permanent|contract|freelance|ab sofort|immediate start|urgent|"
    r"gesucht|wanted|hiring|job|jobs|stelle|stellenangebot|m/w/d|w/m/d|m/f/d|f/m/d|d/f/m|"
    r"freiberuflich|freelancer|selbstständig|minijobber|mini-job|interim|interims|"
    # Shifts and pay bases: "im 3-Schicht-System", "im Schichtdienst", "auf 538-Euro-Basis" ("System"
    # was read as the job: an energy systems engineer). A shift's supervisor ("Schichtleiter") stays.
    r"(?:im\s+|in\s+)?(?:\d-)?(?:früh|spät|nacht|wechsel)?schicht(?:-?(?:dienst|betrieb|system|arbeit|modell))?|"
    r"nachtdienst|(?:auf\s+)?(?:[\d.,]+\s*-?\s*)?(?:euro|€|minijob|mini-job)-?\s*basis)\b",
    re.IGNORECASE,
)
# "Stellv. Ärztliche Leitung", "Deputy Head of Finance": the deputy does the job the title names.
_DEPUTY = re.compile(r"\b(?:stellv\.?|stellvertretende[rn]?|stellvertretung|deputy|acting)(?=\s|$)", re.IGNORECASE)
# Numbers, shares and reference codes say nothing about the occupation: "2026", "80-100%",
# "12 Monate+", "CPAT0209252".
_NUMBERS = re.compile(
    r"\b\d+\s?x\b|\bx\s?\d+\b|\b\d[\d.,/-]*\s*(?:%|\+|monate\+?|months?\+?)?(?!\w)|\b[a-z]{1,6}\d{4,}\b",
    re.IGNORECASE,
)
# Pay written into a title, with what it is paid per and what comes with it: "up to £30k + tips",
# "£12.50 per hour", "****k package" (boards that mask figures write them as asterisks). A figure is
# pay only with a currency sign, a "k" or the mask; "7.5 Tonne Driver" keeps its figure here.
_PAY = re.compile(
    r"(?:\b(?:up\s*to|upto|circa|from|starting\s+at)\s+)?"
    r"(?:[£€$]\s*(?:\*{3,}|\d[\d,.]*)\s*k?|\*{3,}\s*k?|\b\d[\d,.]*\s*k\b)"
    r"(?:\s*(?:-|–|to)\s*(?:[£€$]\s*)?(?:\*{3,}|\d[\d,.]*)\s*k?)?"
    r"(?:\s*(?:package|p/a|p\.?a\.?|per\s+(?:annum|year|hour|day|week)|p/?h|/\s*h(?:ou)?r|an\s+hour|basic"
    r"|ote|doe|(?:\+|plus)\s*(?:bonus|benefits|tips|car)|bonus|benefits)(?!\w))*",
    re.IGNORECASE,
)
# German adjectives boards abbreviate: "Med. Fachangestellte", "Kaufm. Angestellte", "Techn.
# Zeichner", "Päd. Fachkraft" (written out as the feminine/plural form; the reading takes adjectives
# in any ending).
_ABBREVIATED_ADJECTIVES = {
    "med": "medizinische", "zahnmed": "zahnmedizinische", "kaufm": "kaufmännische", "kfm": "kaufmännische",
    "techn": "technische", "päd": "pädagogische", "pharm": "pharmazeutische", "wiss": "wissenschaftliche",
}
_ABBREVIATED_ADJECTIVE = re.compile(r"\b(" + "|".join(_ABBREVIATED_ADJECTIVES) + r")\.\s*(?=\w)", re.IGNORECASE)
# A place after "in" closing a title: "Mentor für digitale Bildung in Münster".
_TRAILING_PLACE = re.compile(r"\s+in\s+[A-ZÄÖÜ][\wäöüß.-]+(?:\s+[A-ZÄÖÜ][\wäöüß.-]+)?\s*$")
# Board prefixes ending in a colon: "Ausbildung 2026: Kaufmann …", "Job: …" (a prefix naming the job
# itself, "Pflegefachkraft: Intensivstation", is kept).
_PREFIX = re.compile(
    r"^\s*(?:ausbildung|duales studium|praktikum|werkstudent\w*|job|jobs|stellenangebot|wir suchen|"
    r"karriere|career|vacancy|now hiring|hiring|gesucht)\b[\s\d/.-]{0,12}:\s*"
    # "Westhouse Job: …", "Precitec GmbH: Konstrukteur …", "Projekt 843: Bauleitung …": a board's or
    # employer's name before a colon.
    r"|^\s*[^:]{0,40}\b(?:gmbh|ag|se|kg|ltd|inc|job|jobs|projekt|project)\b[\s\d.-]{0,12}:\s*",
    re.IGNORECASE,
)
# "Datenbank- und DevOps-Experte", "Lager- und Logistikmitarbeiter": German leaves out a head two
# compounds share. The first compound is written out whole and the second follows as a later part
# ("Datenbank-Experte", "DevOps-Experte"): the first names the job, as in any two-job title.
_ELIDED_COMPOUND = re.compile(
    # "Garten-und Landschaftspfleger": boards also leave out the space after the hyphen.
    r"(?<![\w-])([A-ZÄÖÜ][\wäöüß]*)-(?:\s+(?:und|oder|&|/)|(?:und|oder))\s+([\wäöüß]+-)?([A-ZÄÖÜ]?[a-zäöüß]{2,}[\wäöüß]*)"
)
# "Engineering Manager, Platform", "Account Executive, Mid Market": after a title of two words or
# more, a comma starts its team or market. "Project, community and outreach manager" is a list;
# "Software Engineer, Frontend" names the kind of work and stays one title; a comma inside brackets
# ("Leitung Verwaltung (Finanzen, HR)") separates nothing.
_QUALIFYING_COMMA = re.compile(
    r"^([^\s(]+\s+[^\s(]+[^,(]*),\s+(?!(?:front|back)[- ]?end\b|full[- ]?stack\b|mobile\b|embedded\b|web\b)",
    re.IGNORECASE,
)
# "Kassierer mit Regalbetreuung", "Teacher with TLR", "Tragwerksplaner nach Ril 813": what follows
# "mit"/"with"/"nach" is a further duty, a qualification or a standard, not the job; "mit
# Schwerpunkt X" names the field and stays.
_COMPLEMENT = re.compile(
    r"\s+(?:mit|with|nach)\s+(?!(?:dem\s+|the\s+)?(?:schwerpunkt|fokus|fachrichtung|focus|specialism|"
    r"speciali[sz]ation)\b).*$"
)
# "Associate Laboratory Microbiologist/Bureau of the Public Health Laboratory": the employer's unit
# the job sits in, after a slash or comma, is a later part, not words of the job ("Director of the
# Office of …" keeps its words: no separator).
_ORGANISATION_UNIT = re.compile(
    r"\s*[/,]\s*(?=(?:bureau|office|department|division|directorate)\s+(?:of|for)\s)", re.IGNORECASE
)
_SEPARATORS = re.compile(r"\s+[-–—|•·]\s+|\s*\|\s*|\s*//\s*")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _drop_paired_form(text: str) -> str:
    """'Koch/Köchin' → 'Koch', 'Kaufmann/Kauffrau' → 'Kaufmann': keep the first of two gender forms.

    Two words joined by a slash count as a gender pair when they share their first three letters
    (after folding umlauts); 'Einkauf/Logistik' is left alone.
    """

    def replace(match: re.Match[str]) -> str:
        first, second = match.group(1) + match.group(2), match.group(3)
        if _fold(first)[:3] == _fold(second)[:3]:
            return first
        return match.group(0)

    return _PAIRED_FORM.sub(replace, text)


def _write_out_compounds(match: re.Match[str]) -> str:
    """'Datenbank- und DevOps-Experte' → 'Datenbank-Experte - DevOps-Experte'; 'Lager- und
    Logistikmitarbeiter' → 'Lagermitarbeiter - Logistikmitarbeiter' (two parts, the first first).

    The shared head is the second compound's part after its hyphen or, unhyphenated, its longest
    ending that is a German job head of `german.HEADS`; with no such ending the text is left alone.
    """
    from crawler.occupations.german import compound_head

    first, second_modifier, second = match.groups()
    if second_modifier:
        return f"{first}-{second} - {second_modifier}{second}"
    head = compound_head(second.lower())
    if head is None or len(head) == len(second):
        return match.group(0)
    return f"{first}{second[-len(head):].lower()} - {second}"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()


def normalise_title(title: str) -> str:
    """A job title reduced to the words naming the occupation, lower case.

    Gender tags and forms, seniority and training status words, bracketed notes and board chrome
    (work pattern, location after a dash or pipe) are removed; the part before the first separator
    is kept when it still names something.
    """
    parts = title_parts(title)
    return parts[0] if parts else ""


def title_parts(title: str, write_out_compounds: bool = True) -> list[str]:
    """Each part of a title between separators (' - ', ' | ', ' – '), normalised as normalise_title.

    The first part usually names the job; a later one may name its field ("Kaufmännischer
    Mitarbeiter – Buchhaltung") or only place and pattern ("Koch – Berlin – Vollzeit"). German
    compounds sharing a left-out head are written out as two parts unless `write_out_compounds` is
    false (an occupation's own name may be written so: "Gesundheits- und Krankenpfleger").
    """
    # Titles taken from HTML keep its character references ("Network &#038; Security Engineer").
    text = unicodedata.normalize("NFC", html.unescape(title or "")).strip()
    # "Lead Generation Agent – Danish, German or Dutch speaking": before the comma splits the list.
    text = without_language_requirement(text)
    text = _PREFIX.sub("", text)
    text = _ABBREVIATED_ADJECTIVE.sub(lambda m: _ABBREVIATED_ADJECTIVES[m.group(1).lower()] + " ", text)
    text = _GENDER_TAG.sub(" ", text)
    # After the pay and the gender tag: "Expert Internal Audit in Austria (m/w/d)", "Cisco presales in
    # Sheffield ****k package" end in their place only then.
    text = _PAY.sub(" ", text).strip()
    text = _TRAILING_PLACE.sub("", text)
    text = _GENDER_SUFFIX.sub("", text)
    text = _ADJECTIVE_GENDER.sub("", text)
    text = _BINNEN_I.sub("", text)
    text = _drop_paired_form(text)
    if write_out_compounds:
        text = _ELIDED_COMPOUND.sub(_write_out_compounds, text)
    text = _QUALIFYING_COMMA.sub(r"\1 | ", text)
    text = _ORGANISATION_UNIT.sub(" | ", text)
    parts = (_normalise_part(part) for part in _SEPARATORS.split(text) if part.strip())
    return [part for part in parts if part]


def _normalise_part(text: str) -> str:
    text = _BRACKETS.sub(" ", text)
    text = _CHROME.sub(" ", text)
    text = _SENIORITY.sub(" ", text)
    text = _JOURNEYMAN.sub(" ", text)
    text = _drop_staff_grade(text)
    text = _DEPUTY.sub(" ", text)
    text = _NUMBERS.sub(" ", text)
    # "Plumber's Helper", "Master’s student": the possessive ending is no word of its own.
    text = re.sub(r"(?<=\w)['’]s\b", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[^\w&+#/.-]+", " ", text.lower())
    text = re.sub(r"(?<!\w)[-/.]+|[-/.]+(?!\w)", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    # "Store Team Member", "Kitchen Staff": a worker of the field, read as its assistant.
    text = team_member_as_assistant(text)
    return without_leading_languages(_COMPLEMENT.sub("", text))
