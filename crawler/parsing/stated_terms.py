"""Terms of employment an ad states outside its running text: front-matter values and its title.

Static-site career pages keep the terms in the front matter of a Markdown ad ("contract:
permanent", "umfang: in Teilzeit", "zeitpunkt: Ab 01.12.2026"); many titles name them ("Full-time UX
Designer", "Ausbildung Mediengestalter:in", "Senior Full Stack Contract Developer"). The readers of
:mod:`crawler.parsing.terms` and :mod:`crawler.parsing.dates` read these lines as they read the ad's.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from crawler.parsing.provenance import TEXT, record_conflict
from crawler.parsing.terms import contract_type

__all__ = ["arbitrate_stated_term", "contract_type_of_title", "front_matter_terms"]

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A term is a short phrase ("in Teilzeit 5 % als geringfügige Kraft"), not a paragraph of the ad.
_TERM_MAX_WORDS = 12


def _short_scalar(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = " ".join(str(value).split())
    return text if text and text.count(" ") < _TERM_MAX_WORDS else None


def front_matter_terms(document: str) -> str:
    """The ``key: value`` lines of a Markdown ad's YAML front matter whose values are short
    phrases, one per line ("" when the document has no front matter or it is not a mapping)."""
    match = _FRONT_MATTER.match(document or "")
    if not match:
        return ""
    try:
        data = yaml.load(match["body"], Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return ""
    if not isinstance(data, dict):
        return ""
    lines = []
    for key, value in data.items():
        text = _short_scalar(value)
        if text:
            lines.append(f"{key}: {text}")
    return "\n".join(lines)


# "Ausbildung Mediengestalter:in", "Lehrstelle Koch": a title that opens with the training names it.
_APPRENTICESHIP_TITLE = re.compile(r"^\W*(?:ausbildung|lehrstelle|lehre)\b", re.IGNORECASE)


def contract_type_of_title(title: str | None) -> str | None:
    """The contract type a job title names ("Ausbildung Mediengestalter:in" -> apprenticeship,
    "Werkstudent Marketing" -> working_student, "Contract Developer" -> freelance), or None."""
    if not title:
        return None
    if _APPRENTICESHIP_TITLE.match(title):
        return "apprenticeship"
    return contract_type(title)


def arbitrate_stated_term(posting: dict[str, Any], name: str, stated: str | None, from_text: str | None,
                          source: str) -> None:
    """Fill an empty ``name`` with the term the front matter states, unless the ad's own words state
    another ("contract: permanent" above "One-year (renewable) contract"): then the ad's statement
    is kept and both values go to ``field_conflicts``."""
    if posting.get(name) not in (None, "") or stated is None:
        return
    if from_text and from_text != stated:
        posting[name] = from_text
        posting["field_sources"][name] = TEXT
        record_conflict(posting, name, from_text, TEXT, stated, source)
        return
    posting[name] = stated
    posting["field_sources"][name] = source
