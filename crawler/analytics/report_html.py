"""The report's HTML building blocks, shared by the page (:mod:`crawler.analytics.report`) and
its panels: a figure card, a titled section with a note, a share in percent, a small table.
Every text is escaped here, so a panel cannot forget it."""

from __future__ import annotations

from html import escape


def card(label: str, value: str) -> str:
    """A figure card: ``label`` above a large ``value``."""
    return f'<div class="card">{escape(label)}<b>{escape(value)}</b></div>'


def section(title: str, body: str, note: str = "") -> str:
    """A titled white panel; ``body`` is HTML already, ``note`` plain text shown under the title."""
    note_html = f'<p class="note">{escape(note)}</p>' if note else ""
    return f"<section><h2>{escape(title)}</h2>{note_html}{body}</section>"


def pair(*sections: str) -> str:
    """Sections side by side (wrapping on a narrow window)."""
    return '<div class="pair">' + "".join(sections) + "</div>"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 posting``, ``2 postings``, ``1,234 postings``."""
    return f"{count:,} {singular if count == 1 else plural_form or singular + 's'}"


def share(part: int, whole: int) -> str:
    """``part`` of ``whole`` in whole percent, or "–" when there is no whole."""
    return f"{part / whole:.0%}" if whole else "–"


def table(headers: list[str], rows: list[list[str]], numeric: range | None = None) -> str:
    """A table of plain-text cells (escaped); the ``numeric`` columns (default: all but the first)
    are right-aligned."""
    numeric = numeric if numeric is not None else range(1, len(headers))

    def cells(tag: str, values: list[str]) -> str:
        return "".join(f'<{tag}{" class=num" if index in numeric else ""}>{escape(value)}</{tag}>'
                       for index, value in enumerate(values))
    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return f"<table><tr>{cells('th', headers)}</tr>{body}</table>"
