"""Requirements of a job: least years of experience, education level, required human languages.

All three read the ad text sentence by sentence (a sentence ends at a line break, ";" or ". " before a
capital), so a number or a level word is only ever linked to what its own sentence says.
"""

from __future__ import annotations

import gettext
import re
from bisect import bisect_left, bisect_right
from functools import cache

import pycountry

from crawler.parsing.text import lines_containing

# An abbreviation's dot ends no sentence: "Deutschkenntnisse (mind. C1)", "z. B. Python", "e.g. German".
_ABBREVIATION_DOT = "".join(
    rf"(?<!{re.escape(word)})" for word in (
        "mind.", "Mind.", "min.", "Min.", "ca.", "Ca.", "bzw.", "ggf.", "ggfs.", "inkl.", "evtl.", "vgl.", "z.", "z.B.", "z. B.",
        "u.a.", "Nr.", "e.g.", "i.e.", "incl.", "approx.", "etc.", "sog.", "max.", "Max."))
_SENTENCE_END = re.compile(
    rf"\n|;|(?<=[.!?]){_ABBREVIATION_DOT}\s+(?=[A-ZÄÖÜ\-•*])"
    # "…of experience. 5 years of Kubernetes…": a figure can open a sentence, but not after "mind." or "ca."
    r"|(?<=[a-zäöüß]{3}[.!])(?<!mind\.)(?<!inkl\.)(?<!zzgl\.)(?<!bzw\.)(?<!ggfs\.)(?<!approx\.)(?<!etc\.)\s+(?=\d)")
# "a plus", "von Vorteil": the sentence states a wish, not a requirement
_OPTIONAL = re.compile(
    r"\b(?:(?:is\s+)?an?\s+(?:big\s+)?plus|von\s+vorteil|wünschenswert|nice[-\s]to[-\s]have|bonus|preferred|"
    r"bevorzugt|desirable|advantageous|an\s+advantage|vorteilhaft|gerne\s+gesehen|optional|(?:is\s+)?an\s+asset|"
    r"(?:would\s+be\s+)?beneficial)\b", re.I)


# A "sentence" longer than this is no sentence (a run of figures or words without an end): it is
# read in pieces of this size, cut at a space, so that work per sentence is bounded and the scan
# stays linear in the ad's length.
LONGEST_SENTENCE = 600


def _pieces(sentence: str) -> list[str]:
    pieces = []
    while len(sentence) > LONGEST_SENTENCE:
        cut = sentence.rfind(" ", LONGEST_SENTENCE // 2, LONGEST_SENTENCE)
        cut = LONGEST_SENTENCE if cut == -1 else cut
        pieces.append(sentence[:cut])
        sentence = sentence[cut:]
    pieces.append(sentence)
    return pieces


def _sentences(text: str) -> list[str]:
    return [piece for sentence in _SENTENCE_END.split(text) if sentence.strip()
            for piece in (_pieces(sentence) if len(sentence) > LONGEST_SENTENCE else (sentence,))]


# ---------------------------------------------------------------------------------- experience

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "fifteen": 15, "ein": 1, "eine": 1, "einem": 1, "einer": 1, "eins": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "zwölf": 12, "fünfzehn": 15,
}
_NUMBER = r"(?:\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_YEARS = re.compile(
    rf"(?P<least>\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.|mindestens|mind\.|more\s+than|over|"
    rf"über|mehr\s+als)\s+)?(?<![\d.,])\b(?P<low>{_NUMBER})(?:\s*\(\d{{1,2}}\))?\s*\+?\s*"
    rf"(?:(?:-|–|to|bis|or|oder)\s*(?P<high>{_NUMBER})(?:\s*\(\d{{1,2}}\))?\s*\+?\s*)?"
    rf"(?:(?:or|oder|und|and)\s+(?:more|mehr)\s+)?"
    rf"(?P<unit>years?\b|yrs?\b|jahre?n?\b|j\.(?=[\s),;]|$)|-?\s?jährige[nr]?\s+(?:\w+\s+)?\w*erfahrung)", re.I)
_EXPERIENCE_WORDS = ("experience", "erfahrung", "expertise", "track record", "berufspraxis")
_EXPERIENCE_WORD = re.compile(r"experience|erfahrung|expertise|track\s+record|berufspraxis", re.I)
# "for over 100 years", "we have 20 years of experience", "founded 25 years ago": the employer's history
_EMPLOYER_HISTORY = re.compile(
    r"\b(?:we\s+are\s+(?:an?|the|one)\b|wir\s+sind\s+(?:ein|eine|der|die|das)\b|we\s+have|we've|we\s+bring|"
    r"wir\s+haben|wir\s+verfügen|wir\s+blicken|wir\s+bringen|blicken\s+auf|"
    r"look\s+back|since|seit|founded|gegründet|history|geschichte|tradition|in\s+business|am\s+markt|"
    r"on\s+the\s+market|ago)\b", re.I)
# "Über 10 Jahre Erfahrung in der Gebäudereinigung machen uns stark": a sentence that speaks of "us"
# and "our" and to no candidate is about the employer.
_EMPLOYER_VOICE = re.compile(r"\b(?:uns|unser\w*|our|ours|us)\b", re.I)
_ADDRESSEE = re.compile(
    r"\b(?:du|dich|dir|dein\w*|you|your|sie\s+(?:haben|bringen|verfügen|besitzen)|ihr\s+(?:habt|bringt)|candidates?"
    r"|applicants?|bewerber\w*|kandidat\w*|jemand\w*|someone|person|wir\s+(?:erwarten|suchen|wünschen|setzen)"
    r"|we\s+(?:expect|require|seek|need|want)|(?:are|is)\s+looking|required|erforderlich|vorausgesetzt|mindestens|at\s+least)\b",
    re.I)
_NOT_EXPERIENCE_BEFORE = re.compile(
    r"\b(?:auf|für|within|innerhalb|nach|after|every|alle|vor|in\s+the\s+(?:next|last|past)|"
    r"in\s+den\s+(?:nächsten|letzten)|for)\s*$", re.I)
# "BS/BA 4 year degree", "3 years bachelor's programme": the length of a course of study, not experience.
_NOT_EXPERIENCE_AFTER = re.compile(r"^\s*(?:old|alt|of\s+age)\b|^\s*(?:[\w'’]+\s+)?(?:degree|diploma|programme|program"
                                   r"|course|studium|studiengang|ausbildung|apprenticeship)\b", re.I)
_MOST_YEARS = 15
# How far around a figure or a language name its qualifiers are looked for.
_NEAR = 60
_ALTERNATIVE = re.compile(r"\b(?:or|oder|bzw|alternatively|alternativ)\b", re.I)
_PART_OF = re.compile(r"\b(?:including|incl|inkl|davon|of\s+which|thereof|darunter|among\s+them|with\s+at\s+least"
                      r"|mit\s+mindestens|plus\s+at\s+least)\b", re.I)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def experience_years_min(text: str) -> int | None:
    """Return the least years of experience an ad asks for, or None when it names no number.

    Each sentence gives the lower bound it states ("2-3 years" -> 2, "3 bis 5 Jahre" -> 3, "5+
    years" -> 5; alternatives joined by "or" in one sentence give the smaller, a part of a
    figure - "8 years, including 3 years leading people", "davon 2 Jahre" - the larger). A candidate must meet every
    requirement, so across sentences the largest wins ("Strong experience (5+ years)... Experience
    (1+ years) in IaC" -> 5). Sentences that only wish ("a plus", "von Vorteil") count only when
    nothing is required. Numbers without an experience word in their sentence, the employer's
    history ("over 100 years"), contract lengths ("befristet auf 2 Jahre") and ages are skipped.
    """
    text = lines_containing(text or "", _EXPERIENCE_WORDS)
    if not text:
        return None
    return _least_years([sentence for sentence in _sentences(text) if _EXPERIENCE_WORD.search(sentence)
                         and not (_EMPLOYER_VOICE.search(sentence) and not _ADDRESSEE.search(sentence))])


def experience_years_in_requirements(items: list[str]) -> int | None:
    """Like :func:`experience_years_min`, for the items of a requirements section, where a
    number of years needs no experience word ("3+ years in customer success")."""
    return _least_years([sentence for item in items for sentence in _sentences(item)])


def _least_years(sentences: list[str]) -> int | None:
    required: list[int] = []
    wished: list[int] = []
    for sentence in sentences:
        if _EMPLOYER_HISTORY.search(sentence):
            continue
        values = []
        alternatives = False
        previous_end = None
        for match in _YEARS.finditer(sentence):
            before = sentence[max(0, match.start() - _NEAR):match.start()]
            if not match["least"] and _NOT_EXPERIENCE_BEFORE.search(before):
                continue
            if _NOT_EXPERIENCE_AFTER.match(sentence[match.end():match.end() + _NEAR]):
                continue
            years = _number(match["low"])
            # "0-3 years": a range may start at none ("one (1) year": the figure repeated in brackets)
            if 0 < years <= _MOST_YEARS or years == 0 and match["high"]:
                if previous_end is not None:
                    gap = sentence[previous_end:match.start()]
                    if _ALTERNATIVE.search(gap) and not _PART_OF.search(gap):
                        alternatives = True
                values.append(years)
                previous_end = match.end()
        if values:
            # "3 years in X or 5 years in Y": either will do; "8+ years, including 3 years leading
            # people" / "davon 2 Jahre": the larger figure is the least a candidate has.
            (wished if _OPTIONAL.search(sentence) else required).append(min(values) if alternatives else max(values))
    if required:
        return max(required)
    return min(wished) if wished else None


# ----------------------------------------------------------------------------------- education

_EDUCATION_ORDER = ("vocational", "degree", "bachelor", "master", "phd")
# A vocational training under any compound ("Berufsausbildung", "Pflegeausbildung", even a misspelt
# "Berufssausbildung"), but not a university's ("Hochschulausbildung").
_TRAINING = r"(?!hochschul|universitäts|fachhochschul|akademisch|studien)[\wäöüß]*ausbildung\b"
# a student position: the ad asks for enrolment, not for a finished degree
_ENROLMENT = re.compile(
    r"\b(?:eingeschrieben\w*|immatrikuliert\w*|enrolled|currently\s+(?:studying|pursuing|enrolled)|pursuing\s+an?|"
    r"laufende[sn]?\s+studium|studierende[rn]?|student(?:in)?\s+(?:der|des|im|in|of)|studierst|semester|"
    r"während\s+(?:de[sr]|deines|ihres)\s+studiums?|neben\s+dem\s+studium|bachelorarbeit|masterarbeit|"
    r"abschlussarbeit|thesis|phd\s+(?:student|candidate|position|program)|doktorand\w*)\b", re.I)
_PREFERENCE = re.compile(r"\b(?:ideally|idealerweise|preferably|vorzugsweise|bevorzugt|preferred|plus|vorteil)", re.I)
_EDUCATION_PATTERNS = {
    "phd": re.compile(
        r"\bph\.?\s?d\b|\bdoctorate\b|\bdoctoral\s+degree\b|\bpromoviert\w*|\bdoktor(?:grad|titel)?\b|"
        # "Promotion" is also marketing ("Sales Promotion"): only in academic company
        r"\b(?:abgeschlossene|mit|einer)\s+promotion\b|(?<=/)\s?promotion\b|\bpromotion\s*/|"
        r"\bpromotion\s+(?:in|im)\s+(?:einem|einer|der|den|naturwissenschaft\w*|physik|chemie|informatik|mathematik)\b",
        re.I),
    "master": re.compile(
        r"(?<!scrum\s)(?<!scrum-)\bmaster(?:'s|’s|s)?\s*(?:-?\s?degree|-?abschluss|-?studium|studiengang|of\s+\w+|in\b|im\b)|"
        r"\bm\.\s?sc\b\.?|\bmsc\b|\bm\.\s?eng\b\.?|\bmba\b|\bm\.\s?tech\b\.?|\bmtech\b|(?-i:\bMCA\b)|(?:\b|universitäts|uni-?)diplom(?:\b(?!\s*[-(]?\s*\(?fh\b)"
        r"|-?abschluss|studium|-?ingenieur|-?informatiker|-?kaufmann)|\bdipl\.\s?-(?!\s*ing\.?\s*\(fh\))|\bmagister\b|"
        r"(?:studium|abschluss|degree)\s*\(\s*master\b[^)]{0,40}\)|"
        r"(?-i:\b(?:MS|MA|M\.S\.|M\.A\.)(?:\s*/\s*(?:MS|MA|M\.S\.|M\.A\.|MSc))?)\s+(?:degree\s+)?in\b|"
        r"(?:bachelor(?:'s|’s)?|diplom|ph\.?\s?d\.?|promotion|b\.\s?sc\.?)\s*-?\s*(?:/|oder|or|und|and|bzw\.?)\s*master\b|"
        r"\bmaster\s*(?:/|oder|or|bzw\.?)\s*(?:diplom|ph\.?\s?d|promotion|doctorate)", re.I),
    "bachelor": re.compile(
        r"\bbachelor(?:'s|’s|s)?\s*(?:-?\s?degree|-?abschluss|-?studium|of\s+\w+|in\b|im\b|-?\s*(?:/|oder|or|und|and|bzw))|"
        r"\bb\.\s?sc\b\.?|\bbsc\b|\bb\.\s?eng\b\.?|\bundergraduate\s+degree\b"
        # the US name of a first degree: "A baccalaureate degree (or equivalent degree) in ecology"
        r"|\bbaccalaureate\s+degree\b"
        # India's bachelor's degrees: "B.Tech / MSc IT / MCA", "BE/B.Tech in Computer Science"
        r"|\bb\.\s?tech\b\.?|\bbtech\b|(?-i:\bBCA\b)|(?-i:\bBE\b)\s*/\s*b\.?\s?tech"
        # "B.S. in Computer Science", "BS/BA 4 year degree"
        r"|(?-i:\b(?:BA|BS|B\.A\.|B\.S\.)(?:\s*/\s*(?:BA|BS|B\.A\.|B\.S\.|BSc))?)\s+"
        r"(?:(?:degree\s+)?(?:in|of)\b|(?:\d\s*-?\s*years?\s+)?degree\b)"
        r"|(?:studium|abschluss|degree)\s*\(\s*(?:[\w-]+\s*/\s*)?bachelor\b[^)]{0,40}\)"
        # a Diplom of a Fachhochschule is a first degree, as a Bachelor is
        r"|\bdiplom\s*[-(]?\s*\(?fh\b|\bdipl\.\s?-\s?ing\.?\s*\(fh\)", re.I),
    "degree": re.compile(
        r"\b(?:university|college|academic|hochschul|universitäts|fachhochschul|fh|uni)[-\s]?(?:degree|abschluss|studium)|"
        r"\b(?:a|an|good|relevant|completed|technical|engineering|scientific|stem|quantitative|your)\s+(?:\w+\s+)?"
        r"degree\b(?!\s+of\s+(?!science|arts|engineering))|\bdegree\s+(?:in|from)\b|\bstudienabschluss|"
        r"\bakademische[rn]?\s+(?:abschluss|grad)|\b(?:abgeschlossene[sn]?|erfolgreich\s+abgeschlossene[sn]?)\s+"
        # "abgeschlossenes wirtschaftswissenschaftliches, ingenieurswissenschaftliches oder logistisches Studium"
        r"(?:\w+(?:,\s*|\s+(?:oder|und|bzw\.?)\s+|\s+)){0,5}studium|\bstudium\s+(?:der|des|im|in|als|mit|z\.\s?b\.|bspw\.|\(|oder|or)|"
        r"\b(?:completed|successfully\s+completed|university)\s+studies\b|\bstudies\s+in\b|\bgraduate\s+(?:degree|in)\b",
        re.I),
    "vocational": re.compile((
        r"\b(?:abgeschlossene|absolvierte|kaufmännische|technische|gewerbliche|handwerkliche|einschlägige|"
        r"fachspezifische|duale|vergleichbare|qualifizierte|medizinische|pflegerische|\w+technische)[rn]?\s+"
        r"{TRAINING}|\b(?:studium|degree)\s+(?:oder|or|bzw\.?)\s+(?:eine\s+)?(?:\w+\s+)?(?:berufs)?ausbildung\b|"
        # "eine Ausbildung oder ein Fachhochschulstudium": the same choice, training named first
        r"\b(?:berufs)?ausbildung\s+(?:oder|bzw\.?)\s+(?:ein\s+)?(?:\w+\s+)?\w*studium\b|"
        # "University/college degree or/and appropriate training": a degree or a vocational training
        r"\bdegree\s+(?:or|or/and|and/or)\s+(?:an?\s+)?(?:\w+\s+)?(?:training|apprenticeship)\b|"
        r"\bvocational\s+(?:training|qualification|education|degree)|\bcompleted\s+(?:an\s+)?apprenticeship|"
        r"\bmeister(?:prüfung|brief|titel)\b|\b(?:meister|techniker)\s*(?:oder|or|/)\s*(?:meister|techniker)\b|"
        r"\bstaatlich\s+geprüfte[rn]?\s+techniker|fachwirt\w*|\bgesellenbrief\b"
        # a state-recognised vocational title ("Staatlich anerkannte Erzieherin", "… Altenpfleger")
        r"|\bstaatlich\s+anerkannte[rn]?\s+(?!hochschule|universität|fachhochschule)[\wäöüß]+"
        r"|\b(?:abgeschlossene|absolvierte|erfolgreich\s+abgeschlossene)[rn]?\s+(?:[\wäöüß-]+\s+){1,2}{TRAINING}"
        r"|\bhnc\b|\bhnd\b|\bhtl\b|\b(?:abgeschlossene|kaufmännische|handwerkliche|technische)\s+lehre\b"
        # an apprenticeship ("Informatiklehre", "Lehre als"), not a field of study ("Betriebswirtschaftslehre")
        r"|\b(?:\w+(?<!schafts)(?<!rechts)(?<!sprach)(?<!gesundheits))?lehre\s+(?:als|zum|zur)\b"
        r"|\b(?:oder|or|bzw\.?)\s+(?:eine\s+|einen\s+|den\s+)?(?:\w+(?<!schafts)(?<!rechts)(?<!sprach)lehre"
        r"|weiterbildung\s+(?:zum|zur|als)|\w*lehrgang)\b"
        r"|\b(?:weiterbildung\s+(?:zum|zur|als)|\w*lehrgang)\b[^.;]{0,60}?\b(?:oder|or)\b").replace("{TRAINING}", _TRAINING),
        re.I),
}
# substrings without which a level's pattern cannot match (a cheap test before the costly one)
_EDUCATION_LEVEL_WORDS = {
    "phd": ("ph", "doctor", "doktor", "promo"),
    "master": ("master", "m.", "msc", "mba", "diplom", "dipl.", "magister", "ms ", "ma ", "ms/", "ma/", "mtech", "mca"),
    "bachelor": ("bachelor", "b.", "bsc", "undergraduate", "diplom", "dipl.", "ba ", "bs ", "ba/", "bs/", "btech", "bca",
                 "be/", "baccalaureate"),
    "degree": ("degree", "abschluss", "studium", "studies", "akademisch", "graduate"),
    "vocational": ("ausbildung", "vocational", "apprentice", "meister", "techniker", "fachwirt", "gesellen", "hnc", "hnd",
                   "staatlich",
                   "htl", "lehre", "lehrgang", "weiterbildung", "training"),
}
_EDUCATION_WORDS = tuple(sorted({word for words in _EDUCATION_LEVEL_WORDS.values() for word in words} - {"m.", "b."}
                                | {"m.sc", "m. sc", "m.eng", "b.sc", "b. sc", "b.eng", "b.s.", "b.a.", "b.tech", "m.tech"}))
_SPECIFIC_BEFORE_GENERIC = re.compile(r"bachelor|baccalaureate|master|ph\.?\s?d|doctor|diplom|b\.\s?sc|m\.\s?sc", re.I)


def _wished(sentence: str, match: re.Match) -> bool:
    """"A PhD is a plus", "Nice to have: Master's degree": the wish sits in the same clause."""
    after = re.split(r"[,(]", sentence[match.end():match.end() + 50])[0]
    before = re.split(r"[,)]", sentence[max(0, match.start() - 30):match.start()])[-1]
    return bool(_OPTIONAL.search(after) or _OPTIONAL.search(before))


def _sentence_levels(sentence: str) -> set[str]:
    levels = set()
    lowered = sentence.lower()
    for level, pattern in _EDUCATION_PATTERNS.items():
        if not any(word in lowered for word in _EDUCATION_LEVEL_WORDS[level]):
            continue
        for match in pattern.finditer(sentence):
            if level == "degree" and _SPECIFIC_BEFORE_GENERIC.search(sentence[max(0, match.start() - 25):match.end()]):
                continue  # the "degree" of "Bachelor's or Master's degree"
            if _wished(sentence, match):
                continue
            levels.add(level)
            break
    # "Hochschulabschluss (Bachelor/Master)" states the level; "a degree, ideally a Master" does not
    if "degree" in levels and levels & {"bachelor", "master", "phd"} and not _PREFERENCE.search(sentence):
        levels.discard("degree")
    return levels


def education_level(text: str) -> str | None:
    """Return the lowest education level that qualifies: vocational < degree < bachelor < master < phd.

    "Studium oder vergleichbare Ausbildung" -> vocational; "Bachelor's or Master's degree" -> bachelor;
    "PhD or Master" -> master; "Good degree" / "abgeschlossenes Studium" -> degree. Sentences about
    enrolment or a thesis (student jobs) and wishes ("a PhD is a plus") are ignored; "Scrum Master",
    "master data" and "Bachelorarbeit" are not degrees.
    """
    text = lines_containing(text or "", _EDUCATION_WORDS)
    if not text:
        return None
    found: set[str] = set()
    for sentence in _sentences(text):
        if _ENROLMENT.search(sentence):
            continue
        found |= _sentence_levels(sentence)
    return next((level for level in _EDUCATION_ORDER if level in found), None)


# ----------------------------------------------------------------------------------- languages

_LANGUAGE_CODES = ("de", "en", "fr", "es", "it", "nl", "pl", "cs", "pt", "ru", "tr", "zh", "ja", "ar", "sv",
                   "da", "no", "fi", "hu", "ro", "el", "uk", "ko", "hr", "sk", "sl", "bg", "sr", "he", "hi")
_NAME_FIXES = {"el": ("Greek", "Griechisch"), "zh": ("Chinese|Mandarin", "Chinesisch|Mandarin")}
_LEVEL_ORDER = ("basic", "good", "very_good", "fluent", "native")
# CEFR: A1/A2 basic, B1/B2 good, C1 very_good, C2 fluent
_LEVEL_WORDS = re.compile(
    # "native-level fluency", "Native fluency in German and English": the fluency is a native speaker's
    r"\b(?:(?P<native>native(?:[-\s]level)?(?:\s+(?:fluency|proficiency))?|muttersprach\w*|mother\s+tongue"
    r"|first\s+language|erstsprache)|"
    # "fliessend" is the Swiss spelling; "flüssig englisch sprichst"
    r"(?P<fluent>business[-\s]fluent|verhandlungssicher\w*|flie(?:ß|ss)end\w*|flüssig\w*|fluent(?:ly)?|fluency|c\s?2|"
    r"full\s+professional\s+proficiency)|"
    r"(?P<very_good>very\s+good|sehr\s+gute?[nmrs]?|excellent|exzellente?[nmrs]?|hervorragende?[nmrs]?|perfekte?[nmrs]?|"
    r"ausgezeichnete?[nmrs]?|outstanding|strong|advanced|proficient|sichere?[nmrs]?|fundierte?[nmrs]?|c\s?1"
    # "Deutsch in Wort und Schrift auf sehr hohem Niveau"
    r"|(?:sehr\s+)?hohe[mnrs]?(?=\s+niveau))|"
    r"(?P<good>good|gute?[nmrs]?|solid|solide?[nmrs]?|working\s+knowledge|conversational|intermediate|"
    r"erweiterte?[nmrs]?|b\s?[12])|"
    r"(?P<basic>basic|grundkenntniss\w*|grundlegende?[nmrs]?|basiskenntniss\w*|elementary|beginner|"
    r"some\s+knowledge|a\s?[12]))\b", re.I)
# words that make a sentence about language skills ("German market" alone is not)
_SKILL_CONTEXT = re.compile(
    r"skill|knowledge|kenntnis|spoken|written|speak|fluen|flie(?:ß|ss)end|flüssig|verhandlungssicher|proficien|level|niveau|"
    r"command\s+of|sprache|language|native|mother\s+tongue|mutterspr|wort\s+und\s+schrift|communicat|kommunik|"
    r"beherrsch|sprichst|\b[abc]\s?[12]\b", re.I)
# After "in" or "of" and before a function word a language name is the language, not an adjective:
# "Fluent in English with …", "a good command of English for …" (but "English law", "German offices").
_LANGUAGE_AS_NOUN_BEFORE = re.compile(r"(?<![\w-])(?:in|of)\s+$", re.I)
_FUNCTION_WORDS_AFTER_NOUN = frozenset("for with to as at on is are which that when while so".split())
_ALLOWED_NEXT_WORDS = frozenset(
    "and or as is are at on in skills skill language languages knowledge proficiency speaker speakers speaking "
    "fluency level communication written spoken required essential mandatory preferred desirable would will "
    "a an native fluent fluently plus also both very good sowie und oder c1 c2 b1 b2 a1 a2 both – - "
    # "Fluent in English verbally and in writing", "Native in English US", "Strong English reading, writing,
    # and speaking skills", "Excellent English verbal and writing skills"
    "verbally orally writing in us uk reading verbal oral communication comprehension grammar".split())
_NOT_LANGUAGE_AFTER_SPEAKING = re.compile(
    r"^\s*(?:countries|country|regions?|markets?|area|world|raum|räume|ländern?|markt|märkte\w*|region\w*|gebiet)",
    re.I)
_LEVEL_RIGHT_AFTER = re.compile(
    r"^\s*(?:[:(\-–]\s*|auf\s+|at\s+|on\s+|als\s+|as\s+|an?\s+|level\s+|niveau\s+|language\s+|skills\s+|mind(?:estens|\.)\s+|"
    r"in\s+wort\s+und\s+schrift,?\s*|"
    r"min\.\s+|at\s+least\s+|minimum\s+|\(\s*)*$", re.I)
_SHARING_FILLER = re.compile(
    r"^(?:\s|,|/|&|-|\band\b|\bund\b|\bor\b|\boder\b|\bsowie\b|\bas\s+well\s+as\b|\bwritten\b|\bspoken\b|"
    r"\bschriftlich\w*|\bmündlich\w*|\bverbal\b|\boral\b|\bin\s+wort\s+und\s+schrift\b|\bpreferably\b|\bideally\b|"
    r"\bidealerweise\b|\bvorzugsweise\b|\balso\b|\bauch\b|\bboth\b|\bsowohl\b|\bals\s+auch\b|\bcommand\s+of\b|"
    r"\bknowledge\s+of\b|\bkenntnisse\s+(?:in|im|der|von)\b|\bskills\s+in\b|\bspeakers?\s+of\b|\blevel\s+of\b|\bin\b|\bder\b|"
    r"\bthe\b|\bof\b|\blevel\b|\bniveau\b|\x00|\bauf\b"
    # "Excellent written and verbal communication skills in English", "Native or bilingual proficiency in German"
    r"|\bcommunication\b|\bskills\b|\bproficiency\b|\bbilingual\b"
    r"|\btechnical\b|\bbusiness\b|\bprofessional\b|\bworking\b)*$", re.I)
_JOINED = re.compile(r"\b(?:and|und|sowie|or|oder)\b|[&/]", re.I)
# "Good technical English", "excellent business English": a kind of the language between level and name
_LEVEL_JUST_BEFORE = re.compile(_LEVEL_WORDS.pattern + r"(?:[-\s]+(?:level|niveau))?"
                                r"(?:[-\s]+(?:technical|business|professional|working|written|spoken|conversational))?[-\s]+$",
                                re.I)
# A copula between a language and its level: "… Englischkenntnisse sind sehr gut", "English is fluent",
# "Deutschkenntnisse sollten mindestens gut sein".
_LEVEL_PREDICATE = re.compile(
    r"[ \t]*(?:(?:skills|kenntnisse)[ \t]+)?(?:sind|ist|is|are|should[ \t]+be|must[ \t]+be|sollten|sollen|müssen)[ \t]+"
    r"(?:(?:bereits|schon|mindestens|at[ \t]+least|already|idealerweise|ideally|auf|dem|the|niveau|level)[ \t]+)*"
    r"[\"„“”']?", re.I)


def _level_said_of(sentence: str, end: int) -> bool:
    """True when a copula and a level follow the language: "Dein Englisch ist gut für Konversationen"."""
    predicate = _LEVEL_PREDICATE.match(sentence, end)
    return bool(predicate) and _LEVEL_WORDS.match(sentence, predicate.end()) is not None
_MENTION_WISH_AFTER = re.compile(
    r"^[ \t]*(?:[:\-–(]\s*)?(?:(?:skills|kenntnisse|is|ist|are|sind|would|wäre|be|sein|a|an|ein|also|auch)\s+){0,3}"
    r"(?:wünschenswert|von\s+vorteil|plus|preferred|desirable|optional|nice\s+to\s+have|advantageous)", re.I)


@cache
def _mention_pattern() -> tuple[re.Pattern, dict[str, str]]:
    german = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["de"])
    codes: dict[str, str] = {}
    english_names, german_stems = [], []
    for code in _LANGUAGE_CODES:
        language = pycountry.languages.get(alpha_2=code)
        english, german_name = _NAME_FIXES.get(code, (language.name, german.gettext(language.name)))
        for name in english.split("|"):
            english_names.append(re.escape(name))
            codes[name.casefold()] = code
        for stem in german_name.split("|"):
            stem = re.sub(r"\s*\(.*\)", "", stem)
            german_stems.append(re.escape(stem))
            codes[stem.casefold()] = code
    english_names = [n for n in english_names if n != "Polish"]  # the verb "polish"
    pattern = re.compile(
        rf"(?-i:\b(?P<polish>Polish)\b)|\b(?P<en>{'|'.join(english_names)})(?P<en_speaking>[-\s]speaking)?\b|"
        rf"\b(?P<de>{'|'.join(german_stems)})"
        # "deutschen Sprache", "deutsche Sprachkenntnisse", "deutsche Rechtschreibung": the adjective before
        # a noun of the language itself
        rf"(?P<de_suffix>kenntniss\w*|sprachkenntniss\w*|sprach\w*|e[nrs]?\s+(?:sprache\b|sprachkenntniss\w*"
        rf"|rechtschreibung\b|grammatik\b)|"
        rf"-(?=\s*(?:,|und\b|oder\b|/|sowie\b|&|bzw))|\b)", re.I)
    codes["polish"] = "pl"
    return pattern, codes


# A clause that restricts what follows to one case of the job — another country's track, a
# condition ("Du verfügst über gute Deutschkenntnisse, für die Ausbildung in Spanien natürlich auch
# gute Spanischkenntnisse", "if you join the Paris office, French"): the language it names is not
# asked of every candidate.
_CONDITIONAL_CLAUSE = re.compile(
    r"\b(?:für\s+(?:die|den|das|eine[n]?)\s+(?:\w+\s+){0,2}?\w+\s+in\s+(?-i:[A-ZÄÖÜ])\w+"
    r"|for\s+(?:the|a|an)\s+(?:\w+\s+){0,2}?\w+\s+in\s+(?-i:[A-Z])\w+"
    r"|falls|sofern|if\s+you\s+(?:join|apply|work)|bei\s+einsatz\s+in)\b", re.I)
_CLAUSE_START = re.compile(r"[,;:(]|\s[–-]\s")


def _clause_before(sentence: str, position: int) -> str:
    """The words of ``sentence`` from the start of the clause that holds ``position`` up to it."""
    starts = [match.end() for match in _CLAUSE_START.finditer(sentence, 0, position)]
    return sentence[starts[-1] if starts else 0:position]


def _next_word(text: str) -> str:
    match = re.match(r"\s*([\w–-]+|\S)", text)
    return match.group(1).lower() if match else ""


# "German is helpful but not required", "Deutsch ist kein Muss": a language the item does not ask for.
_NOT_ASKED = re.compile(r"\b(?:not|nicht|kein\w*|no)\b", re.I)


def required_languages(text: str, *, requirement_items: bool = False) -> list[dict]:
    """Return the human languages an ad asks for, ``[{"language": "de", "level": "very_good"}, ...]``
    sorted by ISO 639-1 code; levels are basic, good, very_good, fluent, native or None.

    A language counts only in a sentence about language skills ("Very good written and spoken German
    and English skills", "Sehr gute Deutsch- und gute Englischkenntnisse", "fließend Deutsch") and not
    as an adjective ("German market"). A level word right after a language binds to it ("English
    (fluent)", "Deutsch auf C1-Niveau"); otherwise the nearest level before it is shared across "and",
    "written and spoken"... Languages the ad only prefers ("preferably German") are listed too, with
    the level their phrase gives. CEFR: A1/A2 basic, B1/B2 good, C1 very_good, C2 fluent. When a
    language is asked for twice, the lower level is kept. In ``requirement_items`` (the text of a
    requirements list) a sentence that opens with a language asks for it whatever else it says.
    """
    pattern, codes = _mention_pattern()
    text = lines_containing(text or "", tuple(codes))
    if not text:
        return []
    levels: dict[str, str | None] = {}
    for sentence in _sentences(text):
        mentions = []
        for match in pattern.finditer(sentence):
            name = match["polish"] or match["en"] or match["de"]
            suffix = match["en_speaking"] or match["de_suffix"] or ""
            after = sentence[match.end():match.end() + _NEAR]
            if suffix and _NOT_LANGUAGE_AFTER_SPEAKING.match(after):
                continue
            next_word = _next_word(after)
            as_noun = (next_word in _FUNCTION_WORDS_AFTER_NOUN
                       and _LANGUAGE_AS_NOUN_BEFORE.search(sentence, max(0, match.start() - 6), match.start()))
            if (match["en"] and not suffix and next_word.isalpha() and next_word not in _ALLOWED_NEXT_WORDS
                    and not as_noun):
                continue  # "German market", "English company"; but "Fluent in English with …", "command of English for …"
            # "Deutschkenntnisse", "English-speaking", "Englisch wünschenswert", "Excellent English"
            # speak of the language itself
            self_evident = (bool(suffix.strip("-")) or bool(_MENTION_WISH_AFTER.match(after))
                            or bool(_LEVEL_JUST_BEFORE.search(sentence, max(0, match.start() - _NEAR), match.start()))
                            or _level_said_of(sentence, match.end()))
            if _CONDITIONAL_CLAUSE.search(_clause_before(sentence, match.start())):
                continue  # "…, für die Ausbildung in Spanien auch gute Spanischkenntnisse": one case only
            mentions.append((match.start(), match.end(), codes[name.casefold()], self_evident))
        # A requirement item that opens with a language asks for it ("Deutsch für die Halle, Englisch für …").
        opens_with_language = (requirement_items and bool(mentions) and not sentence[:mentions[0][0]].strip(" -•*")
                               and not _NOT_ASKED.search(sentence))
        if not mentions or not (_SKILL_CONTEXT.search(sentence) or any(m[3] for m in mentions) or opens_with_language):
            continue
        optional = _OPTIONAL.search(sentence) is not None
        for code, level in _assign_levels(sentence, mentions):
            if optional and level is None:
                continue  # "German is a plus": wished for, not required, and no level to keep
            if code not in levels or levels[code] is None:
                levels[code] = level
            elif level is not None:
                levels[code] = min(levels[code], level, key=_LEVEL_ORDER.index)
    return [{"language": code, "level": levels[code]} for code in sorted(levels)]


def _assign_levels(sentence: str, mentions: list[tuple[int, int, str, bool]]) -> list[tuple[str, str | None]]:
    level_matches = [(m.start(), m.end(), m.lastgroup) for m in _LEVEL_WORDS.finditer(sentence)]
    masked = list(sentence)  # mentions become \x00 so the filler check can step over them
    for start, end, _, _ in mentions:
        masked[start:end] = "\x00" * (end - start)
    masked = "".join(masked)
    bound: dict[int, str] = {}
    consumed: set[int] = set()
    # "Englischkenntnisse, Deutschkenntnisse (mind. C1)": a level in brackets qualifies its own language
    # only, unless the languages are joined into one phrase ("Deutsch und Englisch (fließend)")
    in_parentheses: set[int] = set()
    level_starts = [start for start, _, _ in level_matches]
    level_ends = [end for _, end, _ in level_matches]
    for index, (start, end, _, _) in enumerate(mentions):
        # Only the first level word after a mention can follow it with nothing but filler between.
        level_index = bisect_left(level_starts, end)
        if level_index < len(level_matches):
            level_start, _, level = level_matches[level_index]
            if _LEVEL_RIGHT_AFTER.match(sentence[end:level_start]):
                bound[index] = level
                consumed.add(level_index)
                if "(" in sentence[end:level_start]:
                    in_parentheses.add(index)
    for index, (start, end, _, _) in enumerate(mentions):
        # "Ihre Deutsch- und Englischkenntnisse sind sehr gut", "Your English is fluent": the level after
        # the verb, bound to the last language of the phrase (the others share it below).
        if index not in bound and (predicate := _LEVEL_PREDICATE.match(sentence, end)):
            level_index = bisect_left(level_starts, predicate.end())
            if level_index < len(level_matches) and level_starts[level_index] == predicate.end():
                bound[index] = level_matches[level_index][2]
                consumed.add(level_index)
    results = []
    for index, (start, end, code, _) in enumerate(mentions):
        level = bound.get(index)
        if level is None and not _MENTION_WISH_AFTER.match(sentence[end:end + _NEAR]):
            for level_index in range(bisect_right(level_ends, start) - 1, -1, -1):
                level_start, level_end, candidate = level_matches[level_index]
                if level_end <= start and level_index not in consumed:
                    if _SHARING_FILLER.match(masked[level_end:start]):
                        level = candidate
                    break
            if level is None:  # "Deutsch und Englisch fließend": share a level bound to a later language
                for other, other_level in sorted(bound.items()):
                    other_start = mentions[other][0]
                    if other in in_parentheses and not _JOINED.search(masked[end:other_start]):
                        continue
                    if other_start > end and _SHARING_FILLER.match(masked[end:other_start]):
                        level = other_level
                        break
        results.append((code, level))
    return results
