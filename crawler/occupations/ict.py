"""Generic roles in ICT ads read as ESCO's ICT occupations.

"SAP WM Berater", "Firewall Architect", "Technischer Projektleiter Private-Cloud Plattform", or a
bare "Senior Project Manager" whose ad is about a cloud platform: the title's head is a role that
exists in every field (consultant, architect, project manager, analyst, specialist) and its other
words are products or ICT words ESCO's labels do not hold. Read alone, the head finds the role of
the commonest field ("business consultant", "architect" 2161, "project manager" 1219), a whole
major group away. ESCO names the ICT form of these roles with the prefix "ICT" ("ICT consultant",
"ICT system architect", "ICT project manager", "ICT business analyst"), and ISCO-08 keeps ICT work
in few groups (sub-major groups 25 and 35, unit group 1330): when the ad is about ICT, the role is
searched with that prefix among those groups only, so that the 2-digit group is right even when
the 4-digit choice is not sure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from crawler.occupations.index import EscoIndex, LabelMatch, stem, tokens
from crawler.occupations.technical import technology_words
from crawler.parsing.skills import CONTEXT_FORMS, load_skill_taxonomy

# ISCO-08 groups of ICT work: ICT professionals (25), ICT technicians (35), ICT service managers.
ICT_GROUPS = ("25", "35", "1330")
# Roles every field has; the field decides the occupation (English, as the search query says them).
GENERIC_ROLES = frozenset({
    "consultant", "architect", "manager", "specialist", "expert", "analyst", "engineer", "officer",
    "coordinator", "lead", "owner", "adviser", "advisor", "administrator",
})
# Words before such a role that name no field ("SENIOR PROJECT manager", "TECHNICAL lead").
FIELDLESS_WORDS = frozenset({
    "project", "technical", "technischer", "technische", "solution", "solutions", "system", "systems",
    "application", "business", "integration", "platform", "product", "senior", "lead", "principal",
    "interim", "freelance", "teilprojektleiter", "teil", "plattform", "sub-project", "subproject", "team", "head",
})
# Words that say the work is ICT (English and German, as titles and ads write them). Not "CRM":
# customer relationship management is a marketing function as much as a kind of software.
ICT_WORDS = frozenset({
    "it", "ict", "edv", "cloud", "software", "network", "netzwerk", "server", "database", "datenbank",
    "cyber", "devops", "firewall", "api", "saas", "erp", "informatik",
})
# Skill categories that are not ICT products: design tools (AutoCAD, Figma) and working methods.
_NOT_ICT_CATEGORIES = frozenset({"design", "methods"})
# Office and web software every job uses, and the web's own protocols (an ad's links): no sign of
# ICT work.
EVERYDAY_SOFTWARE = frozenset({
    "excel", "microsoft office", "microsoft 365", "microsoft word", "ms word", "word", "powerpoint",
    "outlook", "onenote", "google sheets", "google workspace", "adobe acrobat", "microsoft teams",
    "teams", "zoom", "slack", "trello", "asana", "miro", "notion", "http", "https", "html",
})
# An ad whose opening names at least this many distinct ICT products or words is about ICT work.
LEAST_ICT_SIGNS = 3
OPENING_CHARS = 1500
_WORD = re.compile(r"[a-z0-9#+]+(?:[./][a-z0-9#+]+)*")


@lru_cache(maxsize=1)
def ict_products() -> frozenset[str]:
    """Lower-case names and aliases of the skill taxonomy's ICT products (SAP, Azure, Cisco, …)."""
    names: set[str] = set()
    for skill in load_skill_taxonomy():
        if skill.category in _NOT_ICT_CATEGORIES:
            continue
        for form in (skill.name, *skill.aliases):
            # Everyday words ("Go", "Access", "Make") are products only in context.
            if form not in CONTEXT_FORMS and len(form) > 1 and form.lower() not in EVERYDAY_SOFTWARE:
                names.add(form.lower())
    return frozenset(names)


def ict_signs(text: str) -> set[str]:
    """The distinct ICT products (up to three words) and ICT words a text names."""
    words = _WORD.findall(text.lower())
    products = ict_products()
    found = {word for word in words if word in ICT_WORDS}
    for size in (1, 2, 3):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start:start + size])
            if phrase in products:
                found.add(phrase)
    return found


# Nouns that make a name before them a software product: "Abacus-Module", "Murex release".
# Only nouns said of software: "Blitzschutz-Systeme", "Kunden-Lösungen" are systems and solutions of
# other kinds.
_SOFTWARE_NOUNS = r"modul|module|modules|software|erp|crm|release|releases|customizing"


def software_named_in_text(index: EscoIndex, query: str, description: str | None) -> set[str]:
    """Words of the title ESCO does not know that the ad's opening writes as a software product's
    name ('Abacus Berater' and 'die Abacus HR-Module', 'Abacus-Lösungen'); empty if none."""
    if not description:
        return set()
    opening = description[:OPENING_CHARS].lower()
    found = set()
    for word in re.findall(r"[a-z][a-z0-9]{2,}", query):
        if stem(word) in index.idf or word in GENERIC_ROLES or word in FIELDLESS_WORDS:
            continue
        pattern = rf"(?<!\w){re.escape(word)}(?:[- ](?:\w+[- ])?)(?:{_SOFTWARE_NOUNS})\b"
        if re.search(pattern, opening):
            found.add(word)
    return found


def is_ict_group(isco_code: str) -> bool:
    """True for the ISCO-08 unit groups of ICT work."""
    return isco_code.startswith(ICT_GROUPS)


def generic_ict_role(query: str, index: EscoIndex, names_product: bool = False) -> str | None:
    """The role words of a search query (English) whose role is generic and whose other words name
    no field ESCO knows outside ICT, else None. A title that names an ICT product (`names_product`)
    may name any field: it is the product's ("SAP Application Consultant Finance, Logistics").

    "sap wm consultant", "consultant sap wm" → "consultant"; "technischer project manager
    private-cloud plattform" → "project manager"; "murex architect & analyst" → "analyst";
    "construction manager" → None (a field); "abacus consultant" → "consultant": an unknown word
    may be a product, whether the ad is about ICT is decided by its words.
    """
    # A product's own slash or hyphen ("S/4HANA", "SAP-Basis") does not cut it into words.
    original = query
    products = ict_products()
    for product in sorted(ict_signs(query) - ICT_WORDS, key=len, reverse=True):
        query = re.sub(rf"(?<!\w){re.escape(product)}(?!\w)", " ", query)
    words = [word for word in re.split(r"[\s/-]+", query) if re.search(r"\w", word)]
    roles = [position for position, word in enumerate(words) if word in GENERIC_ROLES]
    if not roles:
        # "SAP FI", "Java": a title naming only products names their consultant or developer;
        # "Postman", "Puppeteer" are products and ESCO occupations' own names: the occupation.
        if words or not names_product or index.labelled_by(original):
            return None
        return "developer" if kind_of_ict_work(original) == "software" else "consultant"
    head = roles[-1]
    role = [words[head]]
    if head > 0 and words[head - 1] in ("project", "system", "business"):
        role.insert(0, words[head - 1])
    for position, word in enumerate(words):
        if word in GENERIC_ROLES or word in FIELDLESS_WORDS or word in ICT_WORDS or word in products:
            continue
        # A word before an ICT word qualifies it ("PRIVATE cloud", "HYBRID cloud"), names no field.
        if position + 1 < len(words) and words[position + 1] in ICT_WORDS:
            continue
        # A letter or a word with figures is a version or a product's piece ("S/4HANA" → "s 4hana").
        if len(word) == 1 or any(character.isdigit() for character in word):
            continue
        if stem(word) in index.idf and not names_product:
            return None
    return " ".join(role)


def ict_reading(
    index: EscoIndex, query: str, title: str, description: str | None, managing: bool = False
) -> LabelMatch | None:
    """The ICT occupation a generic role names in an ICT ad, or None when the ad is not one.

    The title names ICT (a product or an ICT word), or the ad's opening names at least
    LEAST_ICT_SIGNS distinct ICT products or words. For a manager (`managing`) the title alone
    must say that ICT is what is managed: the products an ad's text names are the tools around a
    project, and a field in the title ("Salesforce MARKETING Manager") is what is managed.
    """
    in_title = ict_signs(title)
    if not in_title:
        # No generic role, however the title's other words are read: nothing to read as ICT, and
        # the ad's text need not be searched for products.
        if generic_ict_role(query, index, names_product=True) is None:
            return None
        in_title = software_named_in_text(index, query, description)
    role = generic_ict_role(query, index, names_product=bool(in_title - ICT_WORDS) and not managing)
    if role is None:
        return None
    if managing and not in_title:
        return None
    if not in_title and len(ict_signs((description or "")[:OPENING_CHARS])) < LEAST_ICT_SIGNS:
        return None
    kind = kind_of_ict_work(title)
    if kind == "software" and role in DEVELOPING_ROLES:
        # "SAP ABAP Consultant", "Python Expert": a programming language's consultant writes code.
        role = "developer"
    for search in ([f"{kind} {role}", f"ict {kind} {role}"] if kind else []) + [f"ict {role}"]:
        matches = index.search(search, limit=40)
        found = next((m for m in matches if is_ict_group(m.occupation.isco_code)), None)
        if found is not None and (not kind or kind in found.label):
            return found
    return found


# Roles whose holder, for a programming language, is a software developer.
DEVELOPING_ROLES = frozenset({"consultant", "expert", "specialist"})
# ICT words of a title in the words ESCO's ICT labels use for that kind of work.
ICT_WORD_KINDS = {
    "database": "database", "datenbank": "database", "network": "network", "netzwerk": "network",
    "security": "security", "cyber": "security", "firewall": "security", "software": "software",
}


def kind_of_ict_work(title: str) -> str | None:
    """The kind of ICT work a title's ICT words and products name, in ESCO's words ('database',
    'network', 'security', 'software', 'system'…), the one most of them name; None if none.

    "Datenbank-Experte" → "database"; "SAP ABAP Consultant" → "software" (ABAP is a language);
    "Identity & Access Management" products → "security"; "SAP WM Berater" → None (business
    software is no kind of ICT work ESCO names).
    """
    technologies = technology_words()
    counts: dict[str, int] = {}
    for sign in ict_signs(title):
        kind = ICT_WORD_KINDS.get(sign) or technologies.get(sign)
        if kind is not None:
            kind = kind.removeprefix("ict ").split()[0]
            counts[kind] = counts.get(kind, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


# A label outside ICT must score this well to replace an ICT reading of the title's head.
OUTSIDE_ICT_SCORE = 0.75


def outside_ict(
    index: EscoIndex, rendered: str, rendered_head: str, head_code: str, title_query: str,
    description: str | None,
) -> LabelMatch | None:
    """The ESCO label for a title (`rendered`: in ESCO's English words) whose head the lexicon reads
    as ICT work (`rendered_head`, unit group `head_code`) but whose other words name a field outside
    ICT, else None: "Test Engineer Automotive" tests cars (automotive engineer, 2144), "Systems Engineer
    Aerospace" designs aircraft systems, "Quality Assurance Manager Pharma" assures medicines —
    not the software tester, system administrator or ICT quality manager the head alone is.

    Only when neither the title nor the ad's opening names ICT, and the best label for the whole
    title is outside ICT, holds the field's words and the head's role noun, and scores at least
    OUTSIDE_ICT_SCORE.
    """
    if not is_ict_group(head_code) or ict_signs(title_query):
        return None
    if description and len(ict_signs(description[:OPENING_CHARS])) >= LEAST_ICT_SIGNS:
        return None
    head_words = tokens(rendered_head)
    field = {word for word in tokens(rendered) if word not in head_words}
    # A field, not another role noun ("Service Desk ANALYST" names a role, not what it serves).
    if not field or not head_words or not all(word in index.idf for word in field) or field & index.role_words:
        return None
    matches = index.search(rendered, limit=1)
    if not matches or is_ict_group(matches[0].occupation.isco_code) or matches[0].score < OUTSIDE_ICT_SCORE:
        return None
    best = matches[0]
    # The label says the whole field and the head's role noun ("AUTOMOTIVE ENGINEER").
    label_words = set(tokens(best.label))
    if not field <= label_words or head_words[-1] not in label_words:
        return None
    return best
