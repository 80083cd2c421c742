"""The ad's own text as HTML (on the page and in JSON-LD ``description``) or as plain text."""

from __future__ import annotations

from functools import partial
from html import escape as escape_attribute

escape = partial(escape_attribute, quote=False)

from crawler.sample_board import phrases
from crawler.sample_board.model import Ad, Section

_REFERENCE_LABEL = {"en": "Reference", "de": "Referenznummer"}


def ordered_sections(ad: Ad) -> list[Section]:
    """Sections in page order: the about part first or last."""
    about = [s for s in ad.sections if s.kind == "about"]
    rest = [s for s in ad.sections if s.kind != "about"]
    return about + rest if ad.about_first else rest + about


def _salary_paragraph(ad: Ad) -> str | None:
    if ad.salary_placement != "body" or not ad.salary_text:
        return None
    if ad.spec.salary and ad.spec.salary.style == "text_at_minimum":
        return ad.salary_text
    label_index = sum(map(ord, ad.slug)) % len(phrases.SALARY_LABELS[ad.lang])
    return f"{phrases.SALARY_LABELS[ad.lang][label_index]} {ad.salary_text}"


def _heading(text: str, style: str) -> str:
    if style in ("h2", "h3"):
        return f"<{style}>{escape(text)}</{style}>"
    return f"<p><{style}>{escape(text)}</{style}></p>"


def _bullets(items: tuple[str, ...], style: str) -> str:
    if style == "ul":
        return "<ul>\n" + "\n".join(f"  <li>{escape(item)}</li>" for item in items) + "\n</ul>"
    mark = "•" if style == "bullet_lines" else "-"
    return "<p>" + "<br>\n".join(f"{mark} {escape(item)}" for item in items) + "</p>"


def _blocks(ad: Ad) -> list[tuple[str, object]]:
    """The body as (kind, content) blocks: ``p`` paragraphs, ``h`` headings, ``ul`` bullet lists."""
    blocks: list[tuple[str, object]] = [("p", text) for text in ad.intro]
    for section in ordered_sections(ad):
        blocks.append(("h", section.heading))
        if section.paragraph:
            blocks.append(("p", section.paragraph))
        if section.items:
            blocks.append(("ul", section.items))
        if section.kind == "benefits":
            for extra in (_salary_paragraph(ad), ad.salary_note):
                if extra:
                    blocks.append(("p", extra))
    blocks.extend(("p", text) for text in ad.closing)
    blocks.append(("p", f"{_REFERENCE_LABEL[ad.lang]}: {ad.reference}"))
    return blocks


def page_body_html(ad: Ad) -> str:
    """The ad text as the page shows it, in this ad's heading and bullet style."""
    parts = []
    for kind, content in _blocks(ad):
        if kind == "p":
            parts.append(f"<p>{escape(content)}</p>")
        elif kind == "h":
            parts.append(_heading(content, ad.heading_style))
        else:
            parts.append(_bullets(content, ad.bullet_style))
    return "\n".join(parts)


def description_html(ad: Ad) -> str:
    """The ad text as simple HTML for a JSON-LD ``description`` (``<p>``, ``<ul>``, ``<li>``)."""
    parts = []
    for kind, content in _blocks(ad):
        if kind == "p":
            parts.append(f"<p>{escape(content, quote=False)}</p>")
        elif kind == "h":
            parts.append(f"<p><strong>{escape(content, quote=False)}</strong></p>")
        else:
            parts.append("<ul>" + "".join(f"<li>{escape(i, quote=False)}</li>" for i in content) + "</ul>")
    return "".join(parts)


def description_text(ad: Ad) -> str:
    """The ad text as plain text with newlines and bullets, as some feeds put it in JSON-LD."""
    lines = []
    for kind, content in _blocks(ad):
        if kind == "ul":
            lines.extend(f"• {item}" for item in content)
        else:
            lines.append(str(content))
        if kind != "h":
            lines.append("")
    return "\n".join(lines).strip()
