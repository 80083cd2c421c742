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

from crawler.parsing.json_record import opens_like_record, read_json_object
from crawler.parsing.provenance import TEXT, record_conflict
from crawler.parsing.terms import contract_type

__all__ = ["arbitrate_stated_term", "contract_type_of_title", "front_matter_terms"]

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A term is a short phrase ("in Teilzeit 5 % als geringfügige Kraft"), not a paragraph of the ad.
_TERM_MAX_WORDS = 12


# A code written in snake case ("full_time", "fixed_term"): its words, as a reader says them.
_SNAKE_JOINT = re.compile(r"(?<=[a-z])_(?=[a-z])")
_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def _short_scalar(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = " ".join(_SNAKE_JOINT.sub(" ", str(value)).split())
    return text if text and text.count(" ") < _TERM_MAX_WORDS else None


def front_matter_terms(document: str) -> str:
    """The ``key: value`` lines of a Markdown ad's YAML front matter (or of an ad kept as one record)
    whose values are short phrases, one per line ("" when the document has no front matter or it is not a mapping)."""
    match = _FRONT_MATTER.match(document or "")
    if match:
        try:
            data = yaml.load(match["body"], Loader=_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            return ""
    else:
        # a record kept as a JSON object or a script module's object literal states them the same way
        record = read_json_object(document) if opens_like_record(document) else None
        if record is None:
            return ""
        data = record[0]
    if not isinstance(data, dict):
        return ""
    lines = []
    for key, value in data.items():
        text = _short_scalar(value)
        if text:
            # the key's words, as a label line says them ("employmentType" -> "employment type")
            label = _SNAKE_JOINT.sub(" ", _CAMEL_HUMP.sub(" ", str(key))).lower()
            lines.append(f"{label}: {text}")
    return "\n".join(lines)


# A stated line whose key names the work model ("work model: On site", "workplace: remote",
# "arbeitsmodell: hybrid"); a key "remote: false" or a title naming "Remote" says nothing of it.
_WORK_MODEL_LINE = re.compile(r"^(?:work(?:ing)?\s+(?:model|mode|arrangement|setting|style|type)|workplace(?:\s+type)?"
                              r"|arbeitsmodell|arbeitsort\s+typ|remote\s+(?:policy|option|type))\s*:.*$",
                              re.IGNORECASE | re.MULTILINE)


def work_model_lines(stated_terms: str) -> str:
    """The lines of ``stated_terms`` whose key names the work model, one per line."""
    return "\n".join(match.group() for match in _WORK_MODEL_LINE.finditer(stated_terms or ""))


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


# Kinds of contract that are limited in time by their nature: "Werkstudent …" beside "Vertrag: Befristet"
# states no other kind.
_TIME_LIMITED_KINDS = frozenset({"working_student", "internship", "apprenticeship"})


def arbitrate_stated_term(posting: dict[str, Any], name: str, stated: str | None, from_text: str | None,
                          source: str) -> None:
    """Fill an empty ``name`` with the term the front matter states, unless the ad's own words state
    another ("contract: permanent" above "One-year (renewable) contract"): then the ad's statement
    is kept and both values go to ``field_conflicts``."""
    if posting.get(name) not in (None, "") or stated is None:
        return
    if from_text and from_text != stated and not (name == "contract_type" and from_text == "fixed_term"
                                                   and stated in _TIME_LIMITED_KINDS):
        posting[name] = from_text
        posting["field_sources"][name] = TEXT
        record_conflict(posting, name, from_text, TEXT, stated, source)
        return
    posting[name] = stated
    posting["field_sources"][name] = source
