"""ISCO-08 codes the supervisors and the helpers of some crafts apart from the craft itself.

A title may name a craft and a rank: "Supervisor Plasterer", "Plumber's Helper", "Carpenter
Foreman". The craft's words find the craft (a plasterer, 7123), but ISCO-08 puts first-line
supervisors of building trades in 3123 (construction supervisors), of manufacturing and mining in
3122 and 3121, and helpers of building trades with the construction labourers (9313), of
manufacturing crafts with the manufacturing labourers (9329), of cooks with the kitchen helpers
(9412); supervisors of cleaners (a "Vorarbeiter Gebäudereinigung") are ISCO-08's cleaning and
housekeeping supervisors (5151). Supervisors of other crafts (a pest control crew chief) stay
in the craft's unit group, as ISCO-08 says.
"""

from __future__ import annotations

import re

from crawler.occupations.index import EscoIndex

_SUPERVISOR = re.compile(
    r"\b(?:supervisor|supervising|foreman|forewoman|foreperson|chargehand|vorarbeiter(?:in)?"
    # A team's or a shift's leader is its first-line supervisor: "Teamleiter Verkauf", "Shift Leader".
    r"|team ?leader|teamleiter(?:in)?|teamleitung|schichtleiter(?:in)?|schichtleitung|schichtführer(?:in)?"
    r"|shift (?:leader|manager)"
    # The cleaning or building trades' site supervisor: "Objektleiter Reinigung".
    r"|objektleiter(?:in)?|objektleitung)\b", re.IGNORECASE)
# German writes the helper into the craft's word: "Dachdeckerhelfer", "Elektrikerhelferin".
_HELPER = re.compile(
    r"\b(?:helpers?|labou?rers?|mates?|hilfsarbeiter(?:in|innen)?|helfer(?:in|innen)?)\b|'s\s+helper"
    r"|(?<=[a-zäöüß]{4})helfer(?:in|innen)?\b", re.IGNORECASE)

# ISCO-08 minor groups (3 digits) whose supervisors have a unit group of their own.
_SUPERVISOR_GROUPS = {
    **{minor: "3123" for minor in ("711", "712", "713", "741")},
    "811": "3121",
    # Cleaners and helpers in offices, hotels and homes, vehicle and window cleaners.
    **{minor: "5151" for minor in ("911", "912")},
    # Shop sales assistants and cashiers: shop supervisors; manufacturing labourers: manufacturing
    # supervisors. (A clerks' team leader stays with the clerks: "Team Leader - Accounts Payable".)
    **{minor: "5222" for minor in ("522", "523")},
    "932": "3122",
    **{minor: "3122" for minor in ("721", "722", "731", "732", "751", "752", "753", "812", "813", "814",
                                   "815", "816", "817", "818", "821")},
}
_HELPER_GROUPS = {
    **{minor: "9313" for minor in ("711", "712", "713", "741")},
    **{minor: "9329" for minor in ("721", "722", "731", "732", "751", "752", "753", "812", "813", "814",
                                   "815", "816", "817", "818", "821")},
    "512": "9412",
}


def rank_group(isco_code: str, title: str) -> str | None:
    """The unit group ISCO-08 gives a supervisor or a helper of the craft `isco_code` when the
    title says it is one ("Supervisor Plasterer" → 3123), else None."""
    minor = isco_code[:3]
    if minor in _SUPERVISOR_GROUPS and _SUPERVISOR.search(title):
        return _SUPERVISOR_GROUPS[minor]
    if minor in _HELPER_GROUPS and _HELPER.search(title):
        return _HELPER_GROUPS[minor]
    return None


def without_rank(title: str) -> str | None:
    """The title with its rank words taken out ("Plumber's Helper" → "Plumber"), or None when it
    names no rank (or nothing else)."""
    stripped = _HELPER.sub(" ", _SUPERVISOR.sub(" ", title))
    stripped = re.sub(r"['’]s\b", "", stripped, flags=re.IGNORECASE).strip(" -,")
    return stripped if stripped != title.strip() and re.search(r"\w{3}", stripped) else None


def ranked_occupation(index: EscoIndex, craft_label: str, group: str, rank_word: str):
    """ESCO's occupation of unit group `group` best found by '<craft> <rank>' ("plasterer
    supervisor"), one whose label shares a word stem with the craft's first ("plastering
    supervisor"); None when the search finds none of that group."""
    stems = {word[:5] for word in craft_label.lower().split() if len(word) >= 5}
    in_group = [match for match in index.search(f"{craft_label} {rank_word}", limit=15)
                if match.occupation.isco_code == group]
    for match in in_group:
        if stems & {word[:5] for word in match.label.split()}:
            return match.occupation
    return in_group[0].occupation if in_group else None


# A labourer's field: "Farm Labourer", "Warehouse Labourer". British titles' "Labourer" alone is a
# building site's (the lexicon's building construction worker, 9313); a field that names no building
# work is the field's labourer, said as ESCO says its workers ("farm worker": the crop production
# worker 9213; "warehouse worker" 9333; "factory worker", ESCO's factory hand 9329).
_LABOURER = re.compile(r"\blabou?rers?\b", re.IGNORECASE)
_BUILDING_WORDS = frozenset({
    "site", "general", "building", "construction", "ground", "groundworks", "groundwork", "demolition",
    "civil", "civils", "bricklayer", "bricklayers", "builder", "builders", "skilled", "semi", "multi",
    "trades", "labourer", "labourers", "laborer", "laborers",
})
_BUILDING_LABOURERS = "9313"


def labourer_of_field(index: EscoIndex, title: str, reading: str | None):
    """ESCO's occupation for '<field> worker' or '<field> labourer' when a title read as a building
    labourer (9313) names a labourer of another field ("Farm Labourer"), else None."""
    if reading != _BUILDING_LABOURERS or not _LABOURER.search(title):
        return None
    words = [word for word in re.findall(r"[a-z]+", title.lower().split(" - ")[0])]
    field = [word for word in words if word not in _BUILDING_WORDS]
    if not field or len(field) == len(words):
        return None
    for said in (f"{' '.join(field)} worker", f"{' '.join(field)} labourer"):
        found = [o for o in index.labelled_by(said) if o.isco_code.startswith("9") and o.isco_code != _BUILDING_LABOURERS]
        if found:
            return found[0]
    return None
