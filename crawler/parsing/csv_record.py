"""An ad kept as one row of a scraper's CSV export, read as the header lines and text it holds.

Scrapers and job-board exports write each ad as a CSV row: short fields (title, employer, places,
terms, pay, link) and one long quoted field with the ad's text, line breaks inside the quotes
(``Data Engineer (w/m/d),TECHSEARCH,['Wien'],Vollzeit,…,"Data Engineer (w/m/d)\\nWir suchen …"``).
Read as text, the row's first line becomes one title holding every field. Read by the csv module,
its short fields become header lines in their order above the long one, as a board shows them; a
Python list written into a field (``['Wien', 'Linz']``) gives its items; the link is no header line.
"""

from __future__ import annotations

import ast
import csv
import io
import re

_LEAST_FIELDS = 4
_LEAST_TEXT_CHARS = 200
_MOST_HEADER_FIELD_CHARS = 150
_LINK = re.compile(r"^https?://\S+$")
_PYTHON_LIST = re.compile(r"^\[.*\]$", re.DOTALL)


def csv_row_text(document: str) -> str | None:
    """The text of a one-row CSV ad (see the module docstring), or None when ``document`` is none."""
    first_line = document.lstrip("\ufeff").split("\n", 1)[0]
    if first_line.count(",") < _LEAST_FIELDS - 1 or '"' not in first_line or first_line.lstrip().startswith(("{", "<", "#", "-")):
        return None
    try:
        rows = list(csv.reader(io.StringIO(document.lstrip("\ufeff"))))
    except csv.Error:
        return None
    rows = [row for row in rows if any(field.strip() for field in row)]
    if len(rows) != 1 or len(rows[0]) < _LEAST_FIELDS:
        return None
    fields = [field.strip() for field in rows[0]]
    long_fields = [field for field in fields if len(field) >= _LEAST_TEXT_CHARS]
    if len(long_fields) != 1 or len(fields[0]) > _MOST_HEADER_FIELD_CHARS or "\n" in fields[0]:
        return None
    header: list[str] = []
    for field in fields:
        if field is long_fields[0]:
            break
        if not field or _LINK.match(field):
            continue
        header.append(", ".join(_list_items(field)) if _PYTHON_LIST.match(field) else field)
    return "\n".join(header) + "\n\n" + long_fields[0]


def _list_items(field: str) -> list[str]:
    try:
        items = ast.literal_eval(field)
    except (ValueError, SyntaxError):
        return [field]
    return [str(item) for item in items] if isinstance(items, (list, tuple)) else [field]
