"""The employer's own reference for a post, as an ad's text states it ("Job ID: 698809BR", "quoting the
reference number ENG-2024-04", "Kennziffer 2024/117", a label line "job requisition id" over "R25_00537")."""

from __future__ import annotations

import re

__all__ = ["find_requisition_id"]

_LABEL = (r"(?:job\s+)?requisition\s+(?:id|number|no\.?|nr\.?|\#)|req\.?\s*(?:id|\#|no\.?)|job[\s-]*(?:id|reference|ref\.?|code"
          r"|number|no\.?)|(?:reference|referenz)\s*(?:number|no\.?|code|id|nummer|nr\.?)|ref\.?\s*(?:no\.?|nr\.?|\#)"
          r"|referenz(?:nummer|-?nr\.?)|kennziffer|kennzahl|stellen-?(?:id|nummer)|ausschreibungs(?:nummer|kennziffer)"
          r"|chiffre")
# The value: a token of letters, digits and joining marks that holds a digit, not a date.
_VALUE = r"(?P<value>(?=[\w./-]*\d)[A-Za-z0-9][\w./-]{1,30}[A-Za-z0-9])"
_SAME_LINE = re.compile(rf"\b(?:{_LABEL})(?:[ \t]*[:#.=][ \t]*|[ \t]+){_VALUE}", re.IGNORECASE)
_LABEL_LINE = re.compile(rf"^[ \t*_-]*(?:{_LABEL})[ \t*_]*:?[ \t*_]*\n[ \t]*\n?[ \t*_]*{_VALUE}[ \t*_]*$", re.IGNORECASE | re.MULTILINE)
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


def find_requisition_id(text: str) -> str | None:
    """The first reference number a label in ``text`` names, or None (a date is no reference)."""
    for pattern in (_LABEL_LINE, _SAME_LINE):
        for match in pattern.finditer(text or ""):
            value = match["value"].rstrip(".")
            if not _DATE.match(value):
                return value
    return None
