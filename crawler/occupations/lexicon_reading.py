"""Reading a normalised title's parts with the title lexicon: which part and which words name the job.

A title may name two jobs ("Data Curator and Scientist", "Network & Security Engineer"), put a
generic head before its field ("Sachbearbeiter Personal", a "Personalsachbearbeiter") or write an
occupation's own name with a left-out compound head ("Gesundheits- und Krankenpfleger"); these
functions pick the lexicon entry the title names, for classify_occupation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from crawler.occupations.german import german_to_english, names_generic_head
from crawler.occupations.lexicon import LexiconMatch, load_lexicon
from crawler.occupations.normalise import title_parts

# Lexicon targets that say only "office work": a later part of the title may name the field.
GENERIC_GROUPS = frozenset({"4110"})


# "Data Curator and Scientist", "Elektriker und Monteur": two heads sharing the words before them.
_TWO_HEADS = re.compile(r"^(.+?) (\S+) (?:and|und|&) (\S+)$")
# "Network & Security Engineer", "Sales and Marketing Manager": two fields sharing the head after them.
_TWO_FIELDS = re.compile(r"^(?:.+ )?(\S+) (?:and|und|&) (\S+) (\S+)$")


def lexicon_match(parts: list[str], german: bool) -> LexiconMatch | None:
    """The lexicon entry the title's first part names, or a later part when the first is generic.

    A first part naming two heads that share their field words, or two fields that share their
    head, is read as two titles ("data curator and scientist" → "data curator", "data scientist";
    "network & security engineer" → "network engineer", "security engineer"); the first the
    lexicon knows whole wins.
    """
    lexicon = load_lexicon()
    titles: list[str] = []
    two_fields = _TWO_FIELDS.match(parts[0])
    if two_fields is not None:
        one, other, head = two_fields.groups()
        titles += [f"{one} {head}", f"{other} {head}"]
    two_heads = _TWO_HEADS.match(parts[0])
    if two_heads is not None:
        field, one, other = two_heads.groups()
        titles += [f"{field} {one}", f"{field} {other}"]
    for title in titles:
        whole = lexicon.match(title, german=german)
        if whole is not None and whole.coverage == 1.0 and not whole.compound:
            return whole
    first = lexicon.match(parts[0], german=german)
    if first is not None and _only_in_the_field(parts[0], german):
        # "FPGA Design & Verification Engineer im Bereich der Sicherheitstechnik": the lexicon
        # read only the field ("Sicherheitstechnik" as a "-techniker"); the job is before it.
        first = None
    if german and first is not None and first.compound:
        # "Arzt|sekretärin": the lexicon knows the head ("sekretär", a secretary, 4120); rendered in
        # English the compound is an entry naming field and head together ("medical secretary",
        # 3344), the more specific reading.
        specific = _compound_said_in_english(parts[0], first, lexicon)
        if specific is not None:
            return specific
    if german and first is not None and first.coverage < 1.0:
        joined = _joined_compound(parts[0], lexicon)
        if joined is not None:
            return joined
    if first is None or first.entry.isco_code in GENERIC_GROUPS:
        for later in parts[1:]:
            specific = lexicon.match(later, german=german)
            if specific is not None and specific.entry.isco_code not in GENERIC_GROUPS:
                return specific
    return first


def _compound_said_in_english(part: str, head_match: LexiconMatch, lexicon) -> LexiconMatch | None:
    """The lexicon's English entry saying a German compound's field and head together (the word
    ending in the head entry `head_match` found, rendered: "arztsekretär" → "medical secretary"),
    read for the compound with the head's coverage; None when there is none or it names the head's
    unit group anyway."""
    for word in part.split():
        if head_match.entry.term not in word or word == head_match.entry.term:
            continue
        rendered = lexicon.match(german_to_english(word), german=False)
        if (rendered is not None and rendered.coverage == 1.0 and not rendered.compound
                and len(rendered.entry.words) > 1 and rendered.entry.isco_code != head_match.entry.isco_code):
            return replace(head_match, entry=rendered.entry)
    return None


# "… im Bereich X", "… für X", "… for X": the field a job before it works in.
_FIELD_MARKER = re.compile(r"\s(?:im bereich(?: der| des)?|für|for|im|in der|in the)\s")


def _only_in_the_field(part: str, german: bool) -> bool:
    """True when the words before a field marker name a job the lexicon does not know and are not
    a generic head ("Mitarbeiter im Bereich Reinigung" is the field's worker)."""
    marker = _FIELD_MARKER.search(part)
    if marker is None:
        return False
    job = part[: marker.start()].strip()
    if not job or names_generic_head(job) or load_lexicon().match(job, german=german) is not None:
        return False
    return True


# "Sachbearbeiter Personal" is a "Personalsachbearbeiter", "Leiter Logistik" a "Logistikleiter":
# German names a job by a head and its field either way round, the compound joined with or without
# a linking "s" or a hyphen.
_HEAD_AND_FIELD = re.compile(r"^([a-zäöüß]+) ([a-zäöüß]+)$")


def _joined_compound(query: str, lexicon) -> LexiconMatch | None:
    """The lexicon entry a two-word German title names as one compound, field first, else None."""
    match = _HEAD_AND_FIELD.match(query)
    if match is None:
        return None
    head, field = match.groups()
    # The field as written first, then without a plural or an '-e' ending: a fixed order, so that a
    # title two stems both join gets the same answer in every process.
    stems = dict.fromkeys((field, field[:-2] if field.endswith("en") else field,
                           field[:-1] if field.endswith("e") else field))
    for stem in stems:
        for joined in (f"{stem}{head}", f"{stem}s{head}", f"{stem}-{head}"):
            whole = lexicon.match(joined, german=True)
            if whole is not None and whole.coverage == 1.0 and not whole.compound:
                return whole
    return None


def occupation_name_kept_whole(title: str, parts: list[str], german: bool) -> list[str]:
    """The title's parts with a left-out compound head kept as written when the lexicon knows the
    whole ("Gesundheits- und Krankenpfleger" is one occupation, not two nurses), or ESCO's German
    labels hold it ("Beton- und Stahlbetonbauer", the concrete finisher: the first part alone,
    "Betonbauer", is no label)."""
    if "- " not in title:
        # No left-out head (it is written "Gesundheits- und"): the parts are the title's own.
        return parts
    whole = title_parts(title, write_out_compounds=False)
    if whole == parts or not whole:
        return parts
    known = load_lexicon().match(whole[0], german=german)
    if known is not None and known.coverage == 1.0:
        return whole
    if german:
        from crawler.occupations.german_labels import load_german_labels

        if load_german_labels().match(whole[0]) is not None:
            return whole
    return parts
