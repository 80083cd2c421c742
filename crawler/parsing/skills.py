"""Find skills from the bundled taxonomy (``data/skills.json``) in job-ad text.

Every name and alias of the taxonomy is compiled, once and lazily, into a single regular
expression shaped like a character trie, so one left-to-right scan finds the longest form at
each word start. Spaces and hyphens inside a form match any short run of spaces or hyphens
("Power BI", "Power-BI", "Machine-Learning"); joined spellings ("PowerBI") are aliases.

Forms that are also everyday words need more than a word boundary. ``EXACT_CASE_FORMS`` count
only as spelled ("Excel", not "you excel at"); ``CONTEXT_FORMS`` ("Go", "R", "Spring", "Word",
"Make", ...) count only inside a list of other skills ("Python, R and SQL",
"Word, Excel, PowerPoint") and, for the ``PROGRAMMING_CONTEXT_FORMS``, in programming phrasing
("in R", "Go developer", "C-Kenntnisse"). Written in another case, either kind still counts
inside a list of other skills ("python, go, sql"), except single letters.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "CONTEXT_FORMS",
    "EXACT_CASE_FORMS",
    "PROGRAMMING_CONTEXT_FORMS",
    "SKILL_CATEGORIES",
    "Skill",
    "esco_skill_uri",
    "find_skills",
    "load_skill_taxonomy",
]

SKILL_CATEGORIES = frozenset({
    "languages", "frameworks", "libraries", "cloud", "databases", "data", "bi", "ml", "devops",
    "tools", "methods", "business_software", "design", "testing", "security", "os", "protocols",
})

EXACT_CASE_FORMS = frozenset({
    ".NET", "Acrobat", "ADF", "ADP", "AI", "Airflow", "AKS", "Angular", "Apex", "App Service",
    "ARIS", "Asana", "Assembler", "Avro", "BERT", "BI", "Blender", "Bokeh", "Bootstrap",
    "Cassandra", "CDK", "Check Point", "Concur", "Confluent", "Cordova",
    "Creo", "Cucumber", "Cypress", "D3", "Dart", "Dataflow", "dbt", "Delphi", "Eclipse", "ECS",
    "Elastic", "Electron", "Elixir", "Ember", "Excel", "Fedora", "Fiori", "Flask", "Flink",
    "Flutter", "FTP", "Gatling", "Gatsby", "GCS", "Gherkin", "Groovy", "HGB", "Hibernate", "Hive",
    "HTTP", "HTTPS", "Impala", "Infor", "Ionic", "Jest", "KI", "LaTeX", "Lisp", "Looker",
    "LoRa", "Maven", "Miro", "ML", "Notion", "OCI", "Outlook", "Parquet", "Playwright", "Postman",
    "Prefect", "Prolog", "Prometheus", "Prophet", "Puppeteer", "Qt", "RAG", "Rails",
    "React", "Redshift", "REST", "Ruby", "Rust", "SAFe", "SAS", "Sass", "Scala", "Selenium",
    "SFTP", "Shiny", "Sketch", "Slack", "Snowflake", "SNS", "SOAP", "Solaris", "SOLID", "Solidity",
    "Spark", "Starburst", "Storybook", "Superset", "Svelte", "Swagger", "Swift", "Tailwind",
    "Tenable", "Timescale", "Torch", "Tosca", "Unreal", "Vagrant", "Windchill", "Windows",
    "Workday", "Yarn", "Zephyr", "Zig",
})

CONTEXT_FORMS = frozenset({
    "Access", "Addison", "Agile", "Argo", "Assembly", "Athena", "Aurora", "Babel", "Bamboo",
    "Bedrock", "Boost", "Burp", "C", "Camel", "Celery", "Chef", "Consul", "Copilot", "D",
    "Datenschutz-Grundverordnung", "DAX", "DSGVO", "Eigen", "EMR", "Envoy", "EU-DSGVO", "Express",
    "Flux", "Framer", "GDPR", "General Data Protection Regulation", "Glue", "Go", "Grasshopper",
    "Great Expectations", "GTM", "Helm", "Iceberg", "Illustrator", "Inventor", "Jaeger", "Jasmine",
    "Julia", "Kali", "Kettle", "Lambda", "Lean", "Less", "Make", "Maya", "Mocha", "Monday",
    "Nexus", "NX", "Packer", "Pascal", "Premiere", "Presto", "Pulsar", "Puppet", "R", "Rancher",
    "Ray", "Rhino", "ROS", "Sage", "Sentinel", "Sonar", "Spanner", "Spring", "Synapse", "Teams",
    "Unity", "Vault", "Vite", "Word", "Xray", "Zoom",
})

PROGRAMMING_CONTEXT_FORMS = frozenset({"C", "D", "Go", "Julia", "Pascal", "R"})

# Tails that German and version-numbered spellings glue onto a plain form
# ("Pythonkenntnisse", "Javaentwickler", "Python3"); never onto ambiguous forms.
_TAIL = (r"(?P<tail>\d{1,2}|kenntnisse|kenntnissen|erfahrung|erfahrungen|programmierung|"
         r"entwicklung|entwickler|entwicklerin|umgebung|umgebungen)?")
_SEPARATOR = "\x00"
# Joining every spaced form as well would turn "AD DS" into "adds", hence aliases for joins.
_SEPARATOR_PATTERN = r"[\s\-]{1,3}"
_LIST_GAP = re.compile(
    r"[\s,;/|&+()\[\]•·*\-–]*"
    r"(?:(?:and|or|und|oder|sowie|bzw\.?|as well as|plus|e\.\s?g\.|z\.\s?B\.|such as|like|wie|"
    r"including|inkl\.?)[\s,;/|&+()\[\]•·*\-–]*)?",
    re.IGNORECASE,
)
_LIST_START = re.compile(
    r"(?:^|[\n,;/|&(\[•·:*.\-–]|\b(?:and|or|und|oder|sowie|bzw\.?|e\.\s?g\.|z\.\s?B\.|such as|like|"
    r"wie|including|inkl\.?|with|mit|in|of|von))\s*$",
    re.IGNORECASE,
)
_LIST_END = re.compile(
    r"\s*(?:$|[\n,;/|&)(\]•·:.!?]|(?:and|or|und|oder|sowie|bzw|etc|in|im|with|mit|for|für|on|auf)\b)", re.IGNORECASE)
_PROGRAMMING_BEFORE = re.compile(r"\b(?:in|mit|with|using)\s+$|(?:languages?|sprachen?):\s*$",
                                 re.IGNORECASE)
_PROGRAMMING_AFTER = re.compile(
    r"(?:\s+|-)(?:programming|programmer|language|developer|development|engineer|engineering|"
    r"code|coding|scripts?|scripting|packages?|libraries|Programmier\w*|Kenntnisse|Entwickl\w*|"
    r"Skripte?|Pakete?|experience|skills|knowledge|Erfahrung\w*)\b",
    re.IGNORECASE,
)
_CONTEXT_WINDOW = 40
_URL = re.compile(r"(?:https?://|www\.)\S+")
# "Excel" the verb: "Excel at what you do".
_VERB_USE = re.compile(r"\s+at\b", re.IGNORECASE)
_VERB_FORMS = frozenset({"Excel"})
# A vendor's product names its platform too: "SAP PM" is SAP, "Azure Data Factory" is Azure.
_PRODUCT_FAMILIES = (("SAP ", "SAP"), ("AWS ", "AWS"), ("Amazon ", "AWS"), ("Azure ", "Azure"),
                     ("Google Cloud ", "GCP"))


@dataclass(frozen=True)
class Skill:
    """One taxonomy entry: canonical ``name``, its ``category`` and the ``aliases`` found as it."""

    name: str
    category: str
    aliases: tuple[str, ...]
    esco_uri: str | None = None
    """The ESCO skill concept this skill is (``http://data.europa.eu/esco/skill/…``), when ESCO has
    one: the key to ESCO's occupation–skill relations. Set by crawler/occupations/build_skill_links.py."""


@dataclass(frozen=True)
class _Form:
    """What a matched form means: its skill and how much context it needs."""

    name: str
    exact_spellings: frozenset[str]  # empty: any case will do
    needs_context: bool
    programming: bool


@dataclass
class _Hit:
    start: int
    end: int
    name: str
    confirmed: bool


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str]
    forms: dict[str, _Form]


@functools.cache
def load_skill_taxonomy() -> tuple[Skill, ...]:
    """Return the bundled skill taxonomy, in file order."""
    text = resources.files("crawler.parsing").joinpath("data/skills.json").read_text("utf-8")
    return tuple(Skill(entry["name"], entry["category"], tuple(entry["aliases"]), entry.get("esco_uri"))
                 for entry in json.loads(text))


@functools.lru_cache(maxsize=1)
def _esco_uris() -> dict[str, str]:
    return {skill.name.lower(): skill.esco_uri for skill in load_skill_taxonomy() if skill.esco_uri}


def esco_skill_uri(name: str) -> str | None:
    """The ESCO skill URI of a canonical skill name (as in ``skills``), or ``None`` when ESCO has
    no concept for it: ``esco_skill_uri("Python")`` → ``http://data.europa.eu/esco/skill/ccd0a1d9-…``."""
    return _esco_uris().get(name.lower())


def find_skills(text: str) -> list[str]:
    """Return the canonical names of the taxonomy skills mentioned in ``text``.

    Sorted case-insensitively, without duplicates: ``"Pandas, SKLearn and Pytorch"`` gives
    ``["pandas", "PyTorch", "scikit-learn"]``.
    """
    if not text:
        return []
    matcher = _matcher()
    hits: list[_Hit] = []
    # The leading space gives a form at the very start the non-word character it needs;
    # blanking URLs keeps "https://example.com/python-jobs" from naming skills.
    scanned = _URL.sub(_blank, " " + _lower_same_length(text))
    # "[Note: Our projects do not use PHP, Perl, Python]": tools the employer says it does not
    # use are no skills of the job (blanked up to the end of the clause).
    if "not" in scanned or "n't" in scanned or "n’t" in scanned or "nicht" in scanned or "kein" in scanned:
        scanned = _NOT_USED.sub(_blank, scanned)
    for match in matcher.pattern.finditer(scanned):
        start, end = match.start("form") - 1, match.end("form") - 1
        matched = text[start:end]
        form = matcher.forms.get(_form_key(matched))
        if form is None:
            continue
        confirmed = _classify(form, matched, match.group("tail"), text, start, end)
        if confirmed is not None:
            hits.append(_Hit(start, end, form.name, confirmed))
    if not all(hit.confirmed for hit in hits):
        _confirm_list_members(hits, text)
    names = {hit.name for hit in hits if hit.confirmed}
    names |= {family for name in names for prefix, family in _PRODUCT_FAMILIES if name.startswith(prefix)}
    return sorted(names, key=str.lower)


_NOT_USED = re.compile(r"\b(?:(?:do|does|will|we)\s+not\s+use|(?:don't|doesn't|don’t|doesn’t)\s+use|not\s+using"
                       r"|(?:verwenden|nutzen|benutzen|einsetzen)\s+(?:wir\s+)?(?:kein\w*|nicht))\b"
                       r"(?:(?!,\s*(?:we|wir|but|aber|sondern|instead|stattdessen)\b)[^.;!?\n\])])*")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _lower_same_length(text: str) -> str:
    """Lower-case ``text`` without moving any offset (a few characters such as "İ" grow)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _classify(form: _Form, matched: str, tail: str | None, text: str, start: int,
              end: int) -> bool | None:
    """True: a skill. False: a skill only if it sits in a list of skills. None: not a skill."""
    plain = not form.exact_spellings and not form.needs_context
    if tail:
        return True if plain and len(matched) >= 3 else None
    if plain:
        return True
    if form.needs_context and not _clean_edges(text, start, end):
        return None
    spelled_exactly = _form_key(matched, fold_case=False) in form.exact_spellings
    if not spelled_exactly:
        return False if len(matched) > 1 else None
    if not form.needs_context:
        return None if matched in _VERB_FORMS and _VERB_USE.match(text, end) else True
    if form.programming:
        if (_PROGRAMMING_BEFORE.search(text, max(0, start - _CONTEXT_WINDOW), start)
                or _PROGRAMMING_AFTER.match(text, end)):
            return True
    return False


def _clean_edges(text: str, start: int, end: int) -> bool:
    """Reject "R&D", "C-Level", "Go-live", "C++"-like neighbours of an ambiguous form."""
    if start and text[start - 1] in "&'’-":
        return False
    after = text[end:end + 1]
    if after in ("&", "+", "#", "'", "’"):
        return False
    return after != "-" or bool(_PROGRAMMING_AFTER.match(text, end))


def _confirm_list_members(hits: list[_Hit], text: str) -> None:
    """Confirm ambiguous hits that sit in a list next to a confirmed skill, until none change."""
    changed = True
    while changed:
        changed = False
        for index, hit in enumerate(hits):
            if hit.confirmed:
                continue
            previous = hits[index - 1] if index else None
            following = hits[index + 1] if index + 1 < len(hits) else None
            if (previous is not None and previous.confirmed
                    and _is_list_gap(text, previous.end, hit.start)
                    and _LIST_END.match(text, hit.end)) or (
                    following is not None and following.confirmed
                    and _is_list_gap(text, hit.end, following.start)
                    and _LIST_START.search(text, max(0, hit.start - _CONTEXT_WINDOW), hit.start)):
                hit.confirmed = changed = True


def _is_list_gap(text: str, start: int, end: int) -> bool:
    """Whether only list punctuation or a conjunction separates two hits; a bare space does not
    ("agile teams" is no list)."""
    gap = text[start:end]
    return bool(gap.strip(" \t\xa0")) and bool(_LIST_GAP.fullmatch(gap))


def _form_key(form: str, fold_case: bool = True) -> str:
    """The lookup key of a form: no spaces or hyphens, lower-cased unless told otherwise."""
    key = "".join(form.split()).replace("-", "")
    return key.lower() if fold_case else key


@functools.cache
def _matcher() -> _Matcher:
    forms: dict[str, _Form] = {}
    word_start_trie: dict = {}
    dot_start_trie: dict = {}
    for skill in load_skill_taxonomy():
        for spelling in (skill.name, *skill.aliases):
            trie = dot_start_trie if spelling.startswith(".") else word_start_trie
            _insert(trie, re.sub(r"[\s\-]+", _SEPARATOR, spelling.lower()))
            key = _form_key(spelling)
            exact = spelling in EXACT_CASE_FORMS or spelling in CONTEXT_FORMS
            known = forms.get(key)
            if known is not None and not known.exact_spellings:
                continue  # a plain spelling of the same key already matches any case
            spellings = {_form_key(spelling, fold_case=False)} if exact else set()
            if known is not None and exact:
                spellings |= known.exact_spellings
            forms[key] = _Form(skill.name, frozenset(spellings),
                               spelling in CONTEXT_FORMS, spelling in PROGRAMMING_CONTEXT_FORMS)
    # Speed: the pattern opens with a character class, so the regex engine jumps from one
    # non-word character to the next instead of trying the trie at every position, and it
    # scans lower-cased text without IGNORECASE, so it can skip trie branches by first literal.
    word_start_forms = _trie_pattern(word_start_trie)
    dot_start_forms = _trie_pattern(dot_start_trie)
    pattern = (rf"[^\w@](?P<form>(?<![.@]){word_start_forms}|{dot_start_forms})"
               rf"{_TAIL}(?![\w@]|\.\w)")
    return _Matcher(re.compile(pattern), forms)


def _insert(trie: dict, word: str) -> None:
    node = trie
    for char in word:
        node = node.setdefault(char, {})
    node[""] = {}


def _trie_pattern(node: dict) -> str:
    """A regex matching the trie's words; greedy, so longer words are tried first."""
    branches = []
    for char in sorted(key for key in node if key):
        step = _SEPARATOR_PATTERN if char == _SEPARATOR else re.escape(char)
        branches.append(step + _trie_pattern(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body
