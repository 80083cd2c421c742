"""Technology names in a title read as the kind of ICT work they stand for.

"PostgreSQL Admin", "Java Entwickler", "Kubernetes Engineer": ESCO's labels name the kind of work
("database administrator", "software developer", "ict system engineer"), not the product. A word
that is a skill of jobcrawl's taxonomy (crawler/parsing/data/skills.json) is rendered as its
category's ESCO word when the title's head is a generic ICT role; common abbreviations of role
words are written out first ("admin" → "administrator").
"""

from __future__ import annotations

import re
from functools import lru_cache

from crawler.parsing.skills import CONTEXT_FORMS, load_skill_taxonomy

# Skill category → the word ESCO's ICT labels use for that kind of work.
CATEGORY_WORDS: dict[str, str] = {
    "languages": "software", "frameworks": "software", "libraries": "software",
    "databases": "database", "data": "data", "bi": "data", "ml": "data",
    "cloud": "ict system", "devops": "ict system", "os": "ict system", "protocols": "ict network",
    "security": "ict security", "testing": "software test",
}
# Role words abbreviated in titles, in the full form ESCO uses.
ABBREVIATIONS: dict[str, str] = {
    "admin": "administrator", "sysadmin": "system administrator", "dev": "developer",
    "eng": "engineer", "mgr": "manager", "asst": "assistant", "coord": "coordinator",
}
# Words for kinds of ICT work that ads use and ESCO's labels do not (general ICT vocabulary), in
# the words ESCO uses for that work: the browser side of a web application is web development
# (ISCO 2513), the server side and a "full stack" or "DevOps" role are software development (2512).
ICT_KIND_WORDS: dict[str, str] = {
    "frontend": "web", "front-end": "web", "front end": "web", "backend": "software",
    "back-end": "software", "back end": "software", "fullstack": "software", "full-stack": "software",
    "full stack": "software", "devops": "software", "ui": "user interface", "ux": "user interface",
    "firmware": "embedded software", "ci cd": "software", "cicd": "software",
    # Content management and shop systems build websites: web development.
    "wordpress": "web", "drupal": "web", "joomla": "web", "typo3": "web", "shopify": "web",
    "magento": "web", "woocommerce": "web", "shopware": "web", "webflow": "web",
}
# Heads after which a technology names the kind of ICT work.
ICT_HEADS = frozenset({
    "developer", "engineer", "administrator", "architect", "specialist", "expert", "consultant",
    "analyst", "programmer", "tester", "entwickler", "ingenieur", "administrator", "architekt",
    "spezialist", "experte", "berater", "programmierer",
})
_WORD = re.compile(r"[^\s]+")
# Technologies of up to three words are looked for ("machine learning", "power bi").
_LONGEST_FORM = 3


@lru_cache(maxsize=1)
def technology_words() -> dict[str, str]:
    """Lower-case single-word skill names and aliases → their category's ESCO word."""
    words: dict[str, str] = {}
    for skill in load_skill_taxonomy():
        if skill.category not in CATEGORY_WORDS:
            continue
        for form in (skill.name, *skill.aliases):
            # Everyday words ("Go", "Access", "Spring") are technologies only in context.
            if form not in CONTEXT_FORMS and len(form) > 1 and form.count(" ") < _LONGEST_FORM:
                words.setdefault(form.lower(), CATEGORY_WORDS[skill.category])
    return words


def expand_role_words(query: str) -> str:
    """'postgresql admin' → 'postgresql administrator': abbreviated role words written out.

    Before another role word "admin" is an adjective: "admin assistant" → "administrative assistant".
    """
    words = query.split()
    return " ".join(
        "administrative" if word == "admin" and position + 1 < len(words) and words[position + 1] in ROLE_NOUNS
        else ABBREVIATIONS.get(word, word)
        for position, word in enumerate(words)
    )


# Role nouns an "admin" before them describes ("admin assistant", "admin officer").
ROLE_NOUNS = frozenset({"assistant", "officer", "clerk", "support", "coordinator", "manager", "executive"})


def technology_as_work(query: str) -> str:
    """'postgresql administrator' → 'database administrator'; other titles unchanged.

    Only when the title's last word is a generic ICT role: "Java Barista" stays as it is.
    """
    words = query.split()
    if len(words) < 2 or words[-1] not in ICT_HEADS:
        return query
    technologies = technology_words()
    rendered: list[str] = []
    position, before_head = 0, words[:-1]
    while position < len(before_head):
        for size in range(min(_LONGEST_FORM, len(before_head) - position), 0, -1):
            form = " ".join(before_head[position:position + size])
            kind = ICT_KIND_WORDS.get(form) or technologies.get(form)
            if kind is not None:
                break
        else:
            rendered.append(before_head[position])
            position += 1
            continue
        if kind not in rendered:
            rendered.append(kind)
        position += size
    return " ".join([*rendered, words[-1]])


# Words of a title that already name the kind of ICT work (CATEGORY_WORDS' values and ESCO's own).
_KIND_WORDS = frozenset(word for kind in CATEGORY_WORDS.values() for word in kind.split()) | {"web", "it"}
# An ad naming at least this many distinct technologies in its opening is about ICT work.
LEAST_TECHNOLOGIES = 3
_TEXT_WORD = re.compile(r"[a-z0-9#+.]+")


def kind_from_description(query: str, description: str | None) -> str:
    """'platform engineer' + an ad naming Python, Django and PostgreSQL → 'software platform engineer'.

    A title whose head is a generic ICT role ("Platform Engineer", "Product Engineer") and whose
    other words name no kind of ICT work leaves ESCO's engineers of every field equally likely;
    the technologies the ad's opening names (at least LEAST_TECHNOLOGIES, of jobcrawl's skill
    taxonomy) say the kind: the kind most of them stand for, "software" on a tie.
    """
    words = query.split()
    if not description or not words or words[-1] not in ICT_HEADS or _KIND_WORDS & set(words):
        return query
    technologies = technology_words()
    named: dict[str, str] = {}
    for word in _TEXT_WORD.findall(description.lower()):
        kind = technologies.get(word.rstrip("."))
        if kind is not None:
            named.setdefault(word.rstrip("."), kind)
    if len(named) < LEAST_TECHNOLOGIES:
        return query
    counts: dict[str, int] = {}
    for kind in named.values():
        counts[kind] = counts.get(kind, 0) + 1
    kind = max(counts, key=lambda k: (counts[k], k == "software"))
    return f"{kind} {query}"


# The browser side and its design ("Front-End", "UI", "UX", HTML/CSS) named in a software title: web
# development (ISCO-08 2513, the set's convention with ESCO's web developer). The generic "software
# developer" a title such as "Senior Front-End Software Developer" says exactly, and ESCO's "user
# interface developer" (which ESCO codes 2512) are read so; a title naming the server side too
# ("Full Stack", "Backend") stays software development.
WEB_DEVELOPER = "web developer"
_FRONT_END = re.compile(r"\b(?:front[- ]?end|ui|ux|user interface|html5?|css3?)\b", re.IGNORECASE)
_SERVER_SIDE = re.compile(r"\b(?:back[- ]?end|full[- ]?stack|server|devops|embedded|firmware)\b", re.IGNORECASE)
_SOFTWARE_DEVELOPERS = "2512"


def front_end_work(reading: str | None, title: str) -> bool:
    """True for a title read as software development (2512) that names only the browser side."""
    return reading == _SOFTWARE_DEVELOPERS and bool(_FRONT_END.search(title)) and not _SERVER_SIDE.search(title)
