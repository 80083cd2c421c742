"""ESCO's German labels: a German title that says one of them names that occupation.

The bundled data holds, for each ESCO occupation (keyed by its concept URI), ESCO's German
preferred label ("Softwareentwickler/Softwareentwicklerin") and alternative labels ("Programmierer",
"Programmiererin", "Fachkraft für Rechnungswesen"). A title is looked up after the title
normalisation (gender forms and tags, seniority and chrome removed, see normalise.py); a label's
"masculine/feminine" pair is read as each form, and a hyphen inside a word joins it on both sides
("Software-Entwickler" is "Softwareentwickler"). Built on first use from the loaded index.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from crawler.occupations.index import EscoOccupation, load_index

# "Software-Entwickler", "Softwareentwickler": a hyphen inside a word joins it.
_JOINING_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
# What normalise.py's last step keeps of a title's characters; ESCO's labels carry no gender tags,
# grades or board chrome, so the rest of the title normalisation (slow over 18,000 labels) is not
# needed for them.
_NOT_KEPT = re.compile(r"[^\w&+#.-]+")


def label_key(normalised: str) -> str:
    """The form a normalised title and a German label are compared in."""
    return " ".join(_JOINING_HYPHEN.sub("", normalised).replace("-", " ").split())


def _normalised_label(label: str) -> str:
    return _NOT_KEPT.sub(" ", label.lower()).strip(" -.")


def _forms(label: str) -> list[str]:
    """A label and, for ESCO's 'masculine/feminine' preferred labels, each of the two forms."""
    forms = [label]
    if "/" in label:
        forms.extend(form for form in label.split("/") if form.strip())
    return forms


@dataclass(frozen=True)
class GermanLabelMatch:
    """The occupation a title's German label names, and whether it is the occupation's preferred label."""

    occupation: EscoOccupation
    preferred: bool


class GermanLabels:
    """Normalised German label → the occupations holding it (preferred-label holders first)."""

    def __init__(self, occupations: list[EscoOccupation]):
        holders: dict[str, list[tuple[EscoOccupation, bool]]] = defaultdict(list)
        for occupation in occupations:
            for number, label in enumerate(occupation.german_labels):
                for form in _forms(label):
                    key = label_key(_normalised_label(form))
                    if key and all(held is not occupation for held, _ in holders[key]):
                        holders[key].append((occupation, number == 0))
        self._holders = {key: tuple(sorted(found, key=lambda h: not h[1])) for key, found in holders.items()}

    def __len__(self) -> int:
        return len(self._holders)

    def match(self, normalised_title: str) -> GermanLabelMatch | None:
        """The occupation whose German label the (normalised) title is, or None when no label is
        the title or the occupations holding it lie in different ISCO-08 unit groups and none holds
        it as its preferred label."""
        found = self._holders.get(label_key(normalised_title))
        if not found:
            return None
        preferred = [occupation for occupation, is_preferred in found if is_preferred]
        if len(found) == 1 or len(preferred) == 1:
            occupation, is_preferred = found[0]
            return GermanLabelMatch(occupation, is_preferred)
        if len({occupation.isco_code for occupation, _ in found}) == 1:
            occupation, is_preferred = found[0]
            return GermanLabelMatch(occupation, is_preferred)
        return None


@lru_cache(maxsize=1)
def load_german_labels() -> GermanLabels:
    """The German labels of the bundled ESCO occupations, built on first use and kept."""
    return GermanLabels(load_index().occupations)
