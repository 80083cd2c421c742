"""Taxonomy skills linked to ESCO skill concepts (crawler/occupations/build_skill_links.py)."""

import re

import pytest

from crawler.occupations.build_skill_links import link
from crawler.parsing.skills import esco_skill_uri, load_skill_taxonomy

ESCO_SKILL = re.compile(r"^http://data\.europa\.eu/esco/skill/[0-9a-f-]{36}$")


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        # ESCO's preferred labels "Python (computer programming)", "Apache Maven", "PostgreSQL"
        ("Python", "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"),
        ("Maven", "http://data.europa.eu/esco/skill/0d168770-4d9c-4096-b048-a6577818d306"),
        ("postgresql", "http://data.europa.eu/esco/skill/a8d07b5a-c1a1-42c6-9d53-db9c7a2ca996"),
        # ESCO has no concept (Docker), or one of the same name that is something else (Spark)
        ("Docker", None),
        ("Spark", None),
        ("Machine Learning", None),
        ("not a skill", None),
    ],
)
def test_esco_skill_uri(name, uri):
    assert esco_skill_uri(name) == uri


def test_every_link_is_an_esco_skill_uri_and_unique():
    uris = [skill.esco_uri for skill in load_skill_taxonomy() if skill.esco_uri]
    assert uris and all(ESCO_SKILL.match(uri) for uri in uris)
    assert len(uris) == len(set(uris))


ESCO = [
    {"concept_uri": "u:python", "preferred_label": "Python (computer programming)"},
    {"concept_uri": "u:maven", "preferred_label": "Apache Maven"},
    {"concept_uri": "u:lisp", "preferred_label": "Lisp"},
    {"concept_uri": "u:common-lisp", "preferred_label": "Common Lisp"},
    {"concept_uri": "u:agile-dev", "preferred_label": "Agile development"},
    {"concept_uri": "u:agile-pm", "preferred_label": "Agile project management"},
    {"concept_uri": "u:spark", "preferred_label": "SPARK"},
]


@pytest.mark.parametrize(
    ("skill", "uri"),
    [
        ({"name": "Python", "category": "languages", "aliases": []}, "u:python"),  # gloss dropped
        ({"name": "Maven", "category": "devops", "aliases": []}, "u:maven"),  # vendor dropped
        # two concepts fit, one carries the skill's own name
        ({"name": "Lisp", "category": "languages", "aliases": ["Common Lisp"]}, "u:lisp"),
        # two concepts fit through aliases, neither is the skill's name: left unlinked
        ({"name": "Agile", "category": "methods", "aliases": ["Agile development", "Agile project management"]},
         None),
        ({"name": "Spark", "category": "data", "aliases": []}, None),  # a different thing of that name
        ({"name": "Docker", "category": "devops", "aliases": []}, None),
    ],
)
def test_link(skill, uri):
    assert link([skill], ESCO)[0].get("esco_uri") == uri
