"""Retail and hospitality titles' "<field> Team Member": a worker of the field.

British and American shops, restaurants and warehouses call their staff "Team Member" or "Crew
Member" as German boards say "Mitarbeiter": the words say only that someone works
there, and the field before or after them ("Store", "Sales", "Garden Centre") names the job. ESCO
holds the words in a few whole labels ("production team member", the factory hand; "fast food crew
member"), so the label search read every other such title by one of those labels' fields: "Store
Team Member" and "Team Member" alone were factory hands, "Sales Team Member" an after-sales
technician. The words are read as ESCO's usual word for a field's unqualified worker, "assistant"
("store assistant", "sales assistant"), unless ESCO's labels say the whole phrase; with no field
left, the title names no job. ("<field> Staff" is left to the search: read so, "Hospitality Staff"
found nothing where the search finds a hospitality worker.)
"""

from __future__ import annotations

import re
from functools import lru_cache

_GENERIC = re.compile(r"^(?P<before>.*?)\b(?P<word>team members?|crew members?)\b(?P<after>.*)$")


@lru_cache(maxsize=1)
def _esco_phrases() -> frozenset[str]:
    """ESCO's labels ending in one of the generic words: 'production team member', 'fast food crew member'."""
    from crawler.occupations.index import load_index

    return frozenset(text for text in load_index().label_texts()
                     if re.search(r"\b(?:team member|crew member)$", text))


def team_member_as_assistant(text: str) -> str:
    """A normalised English title part with its generic team member words read as 'assistant'.

    'store team member' → 'store assistant', 'team member garden centre' → 'garden centre assistant',
    'team member' → '' (no field); 'production team member' (ESCO's own) is left alone.
    """
    match = _GENERIC.match(text)
    if match is None:
        return text
    before, word, after = match.group("before").strip(), match.group("word"), match.group("after").strip()
    singular = word[:-1] if word.endswith("s") else word
    said = f"{before} {singular}"
    if before and any(phrase == said or phrase.endswith(f" {said}") for phrase in _esco_phrases()):
        return text
    field = " ".join(part for part in (before, after) if part)
    return f"{field} assistant" if field else ""
