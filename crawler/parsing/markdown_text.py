"""Markdown job ads: front matter read as fields, the body rendered by a real Markdown parser.

Boards and career-site repositories publish ads as Markdown files, often with YAML (``---``) or
TOML (``+++``) front matter holding the title, employer and place. The body goes through
markdown-it-py (CommonMark) to HTML, and from there through the same HTML-to-text step as pages,
so headings, links, emphasis and backslash escapes never reach a field. Line breaks inside a
paragraph are kept (``breaks``): plain-text ads put one fact per line. Indented code blocks are
off: ads indent wrapped bullet text, never code.
"""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml
from markdown_it import MarkdownIt

__all__ = ["FrontMatter", "looks_like_markdown", "markdown_to_html", "split_front_matter"]

_FRONT_MATTER = re.compile(r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)\r?\n(?P=fence)[ \t]*(?:\r?\n|\Z)",
                           re.DOTALL)
# Syntax only Markdown writes: ATX headings, links, strong emphasis, backslash escapes, "* "/"+ "
# bullets, fenced blocks, setext underlines below a text line.
_MARKDOWN_SYNTAX = re.compile(
    r"^#{1,6}[ \t]+\S|\[[^\]\n]+\]\([^)\s]+\)|\*\*\S[^*\n]*\*\*|__\S[^_\n]*__|\\[*_#\[\]()`!-]"
    r"|^[ \t]*[*+][ \t]+\S|^```|^\S[^\n]*\n[=-]{3,}[ \t]*$",
    re.MULTILINE)
_MARKDOWN_MARKS = ("#", "](", "**", "__", "\\", "* ", "+ ", "```", "---", "===")
_PARSER = MarkdownIt("commonmark", {"breaks": True, "html": True}).disable("code")
# Front-matter keys that name posting fields, as career sites and static-site ads spell them.
_KEYS = {
    "title_raw": ("title", "job_title", "jobtitle", "position", "role", "name"),
    "company": ("company", "employer", "organisation", "organization", "hiring_organization", "company_name"),
    "location_raw": ("location", "city", "place", "job_location", "ort", "standort"),
    "date_posted_raw": ("date", "published", "posted", "date_posted"),
}


@dataclass
class FrontMatter:
    """The front matter's posting fields and the text after it."""

    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""


def _scalar(value: Any) -> str | None:
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value if isinstance(item, (str, int, float)))
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


def split_front_matter(document: str) -> FrontMatter | None:
    """The posting fields of a YAML or TOML front matter and the body after it, or None when the
    document has none (or what looks like one is not valid YAML/TOML mapping)."""
    match = _FRONT_MATTER.match(document)
    if not match:
        return None
    try:
        data = (yaml.safe_load(match["body"]) if match["fence"] == "---" else tomllib.loads(match["body"]))
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    lowered = {str(key).lower().replace("-", "_").replace(" ", "_"): value for key, value in data.items()}
    fields = {}
    for name, keys in _KEYS.items():
        value = next((_scalar(lowered[key]) for key in keys if key in lowered and _scalar(lowered[key])), None)
        if value:
            fields[name] = value
    if fields.get("company") and _is_sentence(fields["company"]):
        del fields["company"]  # "organization: EFF is hiring for a designer." names no employer
    body = document[match.end():]
    if not body.strip():
        # Editors that keep the ad as rich-text nodes in the front matter (Statamic Bard,
        # Tiptap/ProseMirror: paragraph, heading, bullet list nodes): the nodes are the ad.
        body = "".join(_rich_text_html(value) for value in data.values())
    return FrontMatter(fields=fields, body=body)


_NODE_TAGS = {"paragraph": "p", "heading": "h3", "bullet_list": "ul", "bulletlist": "ul", "ordered_list": "ol",
              "orderedlist": "ol", "list_item": "li", "listitem": "li", "blockquote": "blockquote"}


def _rich_text_html(value: Any) -> str:
    """HTML for the rich-text nodes anywhere in a front-matter value (other values ignored)."""
    if isinstance(value, list):
        return "".join(_rich_text_html(item) for item in value)
    if not isinstance(value, dict):
        return ""
    kind = str(value.get("type", "")).lower()
    if kind == "text" and isinstance(value.get("text"), str):
        return html.escape(value["text"])
    if kind in ("hard_break", "hardbreak"):
        return "<br>"
    inner = _rich_text_html(value.get("content")) if "content" in value else "".join(
        _rich_text_html(item) for key, item in value.items() if isinstance(item, (list, dict)))
    tag = _NODE_TAGS.get(kind)
    return f"<{tag}>{inner}</{tag}>" if tag and inner else inner


_NAME_MAX_WORDS = 8


def _is_sentence(value: str) -> bool:
    return value.endswith((".", "!", "?")) and " " in value or len(value.split()) > _NAME_MAX_WORDS


def looks_like_markdown(text: str) -> bool:
    """True when ``text`` uses syntax only Markdown writes (headings, links, ``**``, escapes…)."""
    # Cheap substring checks first: the pattern over a whole plain-text ad costs ~0.3 ms.
    return bool(text) and any(mark in text for mark in _MARKDOWN_MARKS) and _MARKDOWN_SYNTAX.search(text) is not None


def markdown_to_html(text: str) -> str:
    """The HTML that CommonMark renders for ``text`` (line breaks in paragraphs kept)."""
    return _PARSER.render(text)
