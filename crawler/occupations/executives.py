"""British boards' "<field> Executive": someone doing the field's work, not a sales executive.

UK titles use "Executive" as Germany uses "Referent" or "Sachbearbeiter": "Tax Executive", "Events
Executive", "Credit Control Executive" are tax, events and credit control staff. ESCO's labels hold
the word mostly in "sales executive" (the sales manager's and the sales representative's label), so
the label search read every such title as a sales manager (1221). A title read so that names no
sales work is read again with ESCO's generic "officer" for the executive ("tax officer", the tax
compliance officer 3352; "claims officer", the insurance claims handler); when that finds nothing,
no occupation is given rather than the sales manager.
"""

from __future__ import annotations

import re

# The sales manager's and the sales representative's groups, which "sales executive" finds.
SALES_GROUPS = frozenset({"1221", "3322"})
_EXECUTIVE = re.compile(r"\bexecutive\b", re.IGNORECASE)
# Words saying the executive sells: such a title is the sales executive ESCO means.
_SALES_WORK = re.compile(
    r"\b(?:sales|selling|account|accounts? manager|business development|new business|telesales|field|"
    r"commercial|trade|territory|area|regional|key|advertising|media sales|chief|senior executive)\b",
    re.IGNORECASE)


def executive_as_officer(title: str, reading: str | None) -> str | None:
    """The title with "officer" for "executive" when it was read as a sales executive without naming
    sales work, else None."""
    if reading not in SALES_GROUPS or not _EXECUTIVE.search(title) or _SALES_WORK.search(title):
        return None
    return _EXECUTIVE.sub("Officer", title)
