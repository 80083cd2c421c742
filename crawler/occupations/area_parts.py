"""A title's first part that names an area of work and no job: the job is in the part after it.

Boards and employers put the department or business area in front of the role, split off by a dash
or a comma: "Logistics - Transportation Coordinator", "Finance – Accounts Payable Clerk",
"Einkauf - Sachbearbeiter Disposition". Read as the title, the area alone ("logistics") finds the
occupations named after the area — ESCO's logistics MANAGER or logistics engineer — whatever the
job is; the part after it says the job ("transportation coordinator": the rail logistics
coordinator, 4323). The reverse order ("Kaufmännischer Mitarbeiter – Buchhaltung": a job naming no
field, then the field) is read by classify's generic-head rule.
"""

from __future__ import annotations

from crawler.occupations.index import RANK_WORDS, EscoIndex, tokens

# A word ending ESCO labels in this many ISCO sub-major groups is a job word in a title ('executive'
# ends labels in 8, 'assistant' in 28), though it ends too few of its labels to be a role noun.
_HEAD_FAMILIES = 5


def _names_a_job(index: EscoIndex, word: str) -> bool:
    return word in index.role_words or word in RANK_WORDS or index.families_ending_in(word) >= _HEAD_FAMILIES


def names_area_only(index: EscoIndex, rendered_part: str) -> bool:
    """True for a title part (in ESCO's English words) that holds no word naming a job (a role
    noun, a rank, a word many families' labels end in) and is no occupation's label: "logistics",
    "finance", "purchasing"; not "dispatcher", "account executive", "crew chief"."""
    # Signs and numbers ("12 Monate++ | Scrum Master") are no area.
    words = [word for word in tokens(rendered_part) if any(character.isalpha() for character in word)]
    return (bool(words) and not any(_names_a_job(index, word) for word in words)
            and not index.labelled_by(rendered_part))


def names_job_with_field(index: EscoIndex, rendered_part: str) -> bool:
    """True for a title part naming a role noun and at least one other word ("transportation
    coordinator", "accounts payable clerk"); a bare role ("clerk") needs the area to say its field."""
    words = tokens(rendered_part)
    return len(words) > 1 and any(_names_a_job(index, word) for word in words)
