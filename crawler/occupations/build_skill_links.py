"""Link the skill taxonomy (crawler/parsing/data/skills.json) to ESCO skill concepts.

Run once when the taxonomy or the ESCO skills list changes:

    python crawler/occupations/build_skill_links.py ESCO_SKILLS_CSV crawler/parsing/data/skills.json

ESCO_SKILLS_CSV has `concept_uri` and `preferred_label` columns (provenance of the copy used in
crawler/occupations/data/SOURCES.md). A taxonomy skill gets `esco_uri` when its name or an alias is
an ESCO skill's preferred label, the label without its bracketed gloss ("Python (computer
programming)") or without a vendor's name ("Apache Maven" for "Maven"). A skill two ESCO concepts
fit equally is left unlinked unless one carries the skill's own name; the concepts listed in
NOT_THE_SAME share a name with a taxonomy skill but are something else.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict

VENDORS = ("apache ", "ibm ", "microsoft ", "oracle ", "adobe ", "autodesk ", "sap ")
_GLOSS = re.compile(r"\s*\([^)]*\)\s*$")
# Taxonomy skill → why the ESCO concept of the same name is a different thing.
NOT_THE_SAME = {
    "Spark": "ESCO's 'SPARK' is the Java web micro-framework, not Apache Spark",
    "Machine Learning": "ESCO's 'ML (computer programming)' is the ML programming language",
    "Relational Databases": "ESCO's 'Oracle Relational Database' is one vendor's product",
}


def _forms(label: str) -> set[str]:
    """The lower-case forms under which an ESCO label can name a taxonomy skill."""
    bare = _GLOSS.sub("", label).strip().lower()
    forms = {label.lower(), bare}
    forms.update(bare[len(vendor):] for vendor in VENDORS if bare.startswith(vendor))
    return forms


def link(taxonomy: list[dict], esco_rows: list[dict]) -> list[dict]:
    """The taxonomy with `esco_uri` set on every skill that has a matching ESCO concept."""
    by_form: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in esco_rows:
        label = row["preferred_label"].strip()
        for form in _forms(label):
            by_form[form].append((label, row["concept_uri"]))
    linked = []
    for skill in taxonomy:
        entry = {key: value for key, value in skill.items() if key != "esco_uri"}
        found: dict[str, str] = {}
        for form in (skill["name"], *skill["aliases"]):
            for label, uri in by_form.get(form.lower(), ()):
                found.setdefault(uri, label)
        if skill["name"] not in NOT_THE_SAME and found:
            own = [uri for uri, label in found.items() if _GLOSS.sub("", label).lower() == skill["name"].lower()]
            if len(found) == 1 or len(own) == 1:
                entry["esco_uri"] = own[0] if own else next(iter(found))
        linked.append(entry)
    return linked


def write_taxonomy(skills: list[dict], path: str) -> None:
    """The taxonomy file as it is kept: one skill per line."""
    lines = ",\n".join("  " + json.dumps(skill, ensure_ascii=False) for skill in skills)
    with open(path, "w", encoding="utf-8") as file:
        file.write("[\n" + lines + "\n]\n")


def main() -> None:
    esco_path, taxonomy_path = sys.argv[1:3]
    with open(esco_path, encoding="utf-8-sig") as file:
        esco_rows = list(csv.DictReader(file))
    with open(taxonomy_path, encoding="utf-8") as file:
        taxonomy = json.load(file)
    linked = link(taxonomy, esco_rows)
    write_taxonomy(linked, taxonomy_path)
    print(f"{sum('esco_uri' in s for s in linked)} of {len(linked)} skills linked to {len(esco_rows)} ESCO skills")


if __name__ == "__main__":
    main()
