"""Contact-centre work, which ISCO-08 codes by its setting: 4222 and 5244.

ISCO-08 gives the people who answer clients on the telephone in a contact centre their own unit
groups: contact centre information clerks (4222: enquiries, queries, complaints) and contact
centre salespersons (5244: calls that sell or win leads). Boards title them with a generic head
that says nothing of the setting ("Frontline Agent", "Lead Generation Agent", "Business Banking
Associate"), and ESCO's labels ending in that head belong to a dozen other families: the auctioneer
('agent'), the travel agent, the investment banking associate. When the title is such a head and
the ad's opening says the work is done on the telephone (inbound or outbound calls, a contact or
call centre, cold calling), the setting decides, as it does for teachers and carers.
"""

from __future__ import annotations

import re

from crawler.occupations.index import EscoIndex, tokens

# How much of the ad's text is read for the setting.
SETTING_CHARS = 1500
# A head word whose ESCO labels span this many ISCO sub-major groups names no trade of its own
# ('agent' 15, 'associate' 14; 'salesperson', 'clerk' far fewer) — as in unsettled.py.
GENERIC_HEAD_FAMILIES = 14
# The ad's words for work done on the telephone with clients.
_ON_THE_TELEPHONE = re.compile(
    r"\b(?:contact cent(?:re|er)|call cent(?:re|er)|callcenter|inbound calls?|outbound calls?|taking calls"
    r"|cold[- ]calling|over the (?:tele)?phone|by (?:tele)?phone|via (?:the )?(?:tele)?phone)\b",
    re.IGNORECASE,
)
_TELEPHONE_KEYS = ("cent", "call", "phone")
# Calls that sell: leads, targets, new business.
_SELLING = re.compile(
    r"\b(?:sales?|selling|sell|leads?|lead generation|targets?|new business|cold[- ]calling|commission)\b",
    re.IGNORECASE,
)
# Calls that answer: enquiries, queries, complaints, service.
_ANSWERING = re.compile(
    r"\b(?:enquir\w+|inquir\w+|quer(?:y|ies)|complaints?|customer service|resolv\w+|first point of contact)\b",
    re.IGNORECASE,
)
# A title naming a rank (the centre's manager or team leader) or ICT support (3512) is no agent's;
# an account manager manages clients' accounts, not people.
_NOT_AN_AGENT = re.compile(
    r"\b(?:(?<!account )manager|supervisor|team leader|leader|head|director|technical support|it support"
    r"|helpdesk|help desk)\b",
    re.IGNORECASE,
)
# A title that says the telephone itself ("Telephone Account Manager").
_TELEPHONE_TITLE = re.compile(r"\b(?:telephone|phone|telesales|telemarketing)\b", re.IGNORECASE)
SERVICE_GROUP, SALES_GROUP = "4222", "5244"


def telephone_group(title: str, description: str | None) -> str | None:
    """4222 or 5244 when the title names no rank or ICT support and the title or the ad's opening
    places the work on the telephone with clients, else None; 5244 when the opening speaks of
    selling more than of answering. Whether the title's head is generic is `generic_head`'s."""
    if not description or _NOT_AN_AGENT.search(title):
        return None
    opening = description[:SETTING_CHARS]
    # Every telephone word holds one of these: most ads are passed over without the regex.
    lowered = opening.lower()
    said = any(key in lowered for key in _TELEPHONE_KEYS) and _ON_THE_TELEPHONE.search(opening)
    if not (said or _TELEPHONE_TITLE.search(title)):
        return None
    selling, answering = len(_SELLING.findall(opening)), len(_ANSWERING.findall(opening))
    return SALES_GROUP if selling > answering else SERVICE_GROUP


def generic_head(index: EscoIndex, query: str) -> bool:
    """True when the head word of a title's search query names no trade of its own."""
    words = tokens(query)
    return bool(words) and index.families_ending_in(index.head_word(words)) >= GENERIC_HEAD_FAMILIES
