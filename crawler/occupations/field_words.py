"""A title's field word that the best label drops for a field of its own: the field is read first.

ESCO's label search makes labels that hold the title's head word compete ("python DEVELOPER" is
some developer). When ESCO has no label joining the head with the title's field, the best label
keeps the head and swaps the field for another: "Payroll Specialist" finds the PRODUCT specialist,
"HR Specialist" the same, "Residential Care Officer" the VICTIM care officer, "Hardware Developer"
the SOFTWARE developer. On the dev titles such a best label (it adds a field word ESCO knows and
lacks one of the title's) was wrong at 2 digits three times in four.

Then the labels holding the title's words are searched whatever their head ("payroll technician",
"residential care worker"), and the best of them is the reading when
it holds every field word the first one dropped and keeps the title's head, or the head is a
generic role word any field's worker has (specialist, officer, worker…) and the label's head is
one too, or a clerk, technician or assistant; a developer's field may be held by ESCO's engineers
("Hardware Developer": hardware engineer). A head that says the skill level ("engineer",
"technician", "nurse") is kept: "Composite Stress Engineer" stays an engineer rather than becoming
ESCO's composite technician. A rank is neither a field word nor added ("HR Specialist" is no HR
supervisor).
"""

from __future__ import annotations

from crawler.occupations.index import EscoIndex, LabelMatch, tokens

# Role words that name no field and no skill level of their own (stemmed, as the index has them).
# Not "analyst", "consultant", "architect", "manager": they say the kind of work or a rank.
GENERIC_HEADS = frozenset({
    "specialist", "expert", "officer", "worker", "person", "employee", "staff", "member",
    "practitioner", "professional", "administrator", "adviser", "advisor", "coordinator",
})
# A generic head may become one of these in the reading (any field has its clerks and technicians),
# not a profession of its own: "Hospitality Staff" is no hospitality vocational TEACHER,
# "Multimedia Officer" no digital media DESIGNER.
READING_HEADS = GENERIC_HEADS | {"technician", "clerk", "assistant"}
# Role nouns that name the same work at the same level: ESCO writes "hardware ENGINEER" where boards
# write "Hardware Developer" ("Hardwareentwickler").
HEAD_EQUIVALENTS: dict[str, frozenset[str]] = {"developer": frozenset({"engineer"})}
# Words that say a rank, not a field: never a field word of the title, never added by the reading
# ("SAP ABAP Consultant" is no software MANAGER, "Lead Engineers" no lead engineer of sewers).
RANK_WORDS = frozenset({
    "lead", "leader", "head", "chief", "manager", "supervisor", "director", "superintendent", "senior",
    "principal", "deputy", "foreman",
})


def dropped_fields(index: EscoIndex, query: str, best: LabelMatch) -> set[str]:
    """The title's field words (known to ESCO's labels, not its head) the best label lacks while
    adding a field word of its own; empty when the best label drops none or adds none."""
    words = tokens(query)
    head = index.head_word(words)
    fields = {word for word in words if word in index.idf and word != head and word not in RANK_WORDS}
    label_words = set(tokens(best.label))
    adds = {word for word in label_words - set(words) if word in index.idf}
    return fields - label_words if adds else set()


def field_reading(index: EscoIndex, query: str, best: LabelMatch, limit: int = 10) -> LabelMatch | None:
    """The best label holding the title's field words that `best` dropped, when it keeps the
    title's head or the head is generic; None when `best` drops none or no such label is found."""
    dropped = dropped_fields(index, query, best)
    if not dropped:
        return None
    words = tokens(query)
    head = index.head_word(words)
    found = index.search_any_head(query, limit)
    if not found:
        return None
    reading = found[0]
    label_words = set(tokens(reading.label))
    if not dropped <= label_words:
        return None
    reading_head = index.head_word(tokens(reading.label))
    if head not in label_words and reading_head not in HEAD_EQUIVALENTS.get(head, ()) and (
            head not in GENERIC_HEADS or reading_head not in READING_HEADS):
        return None
    if (label_words - set(words)) & RANK_WORDS:
        return None
    return reading
