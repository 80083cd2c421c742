"""schema.org ``JobPosting`` records from HTML pages: JSON-LD, microdata, and object literals a page's
own script builds its JSON-LD from (an Astro or Next.js component: ``const jobSchema = { "@type":
"JobPosting", … }``, read with chompjs).

Real pages put JobPostings in many shapes (see ``SOURCES.md`` §1.3): several script blocks,
arrays, ``@graph`` with ``@id`` references, ``@type`` lists, CDATA guards, entity-encoded JSON,
raw control characters in strings. Each script block is parsed on its own so that one broken
block never hides the others.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import chompjs

from crawler.lean_imports import submodule

_SCRIPT_RE = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
_GUARD_RE = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$")
_CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")
_MICRODATA_MARKER = re.compile(r"schema\.org/JobPosting", re.IGNORECASE)
# Every match holds ".org/" in one of these eight spellings: no other character folds to "o", "r" or
# "g" under re.IGNORECASE (checked over all of Unicode, unlike "s" and "k"). A page holding none is
# turned away by str.find, not by the case-insensitive search over all of its ~50 KB (0.6 ms).
_MICRODATA_MARKER_ORG = tuple(f".{o}{r}{g}/" for o in "oO" for r in "rR" for g in "gG")


@dataclass
class StructuredData:
    """What a page's structured data holds: its JobPosting nodes and any broken blocks."""

    job_postings: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    from_microdata: bool = False
    """The nodes are microdata items (the page has no JSON-LD JobPosting)."""


# A JSON string (kept) or a JavaScript comment (dropped): a "//" inside a string is a URL's.
_STRING_OR_COMMENT_RE = re.compile(r'(?P<string>"(?:[^"\\\n]|\\.)*")|//[^\n]*|/\*.*?\*/', re.DOTALL)


def _loads_lenient(text: str) -> Any:
    """Parse one JSON-LD block, tolerating the usual breakage of real pages."""
    text = _GUARD_RE.sub("", text.strip()).strip()
    try:
        return json.loads(text, strict=False)
    except json.JSONDecodeError:
        pass
    if "&quot;" in text or "&#34;" in text:
        try:
            return json.loads(html.unescape(text), strict=False)
        except json.JSONDecodeError:
            pass
    cleaned = _CONTROL_CHARS_RE.sub(" ", text).replace("\\$", "$")
    try:
        return json.loads(cleaned, strict=False)
    except json.JSONDecodeError:
        pass
    # Hand-written blocks often end an object or list with a comma ("…",\n}); template blocks keep the
    # template's comments ('"addressCountry": "DE" // Hier kannst du das Land ändern') and PHP's escaped
    # apostrophes ("Ku\'damm").
    cleaned = _TRAILING_COMMA_RE.sub(r"\1", cleaned)
    try:
        return json.loads(cleaned, strict=False)
    except json.JSONDecodeError:
        if "//" not in cleaned and "/*" not in cleaned and "\\'" not in cleaned:
            raise
    uncommented = _STRING_OR_COMMENT_RE.sub(lambda match: match["string"] or "", cleaned).replace("\\'", "'")
    return json.loads(_TRAILING_COMMA_RE.sub(r"\1", uncommented), strict=False)


def _is_job_posting(node: dict[str, Any]) -> bool:
    node_type = node.get("@type") or node.get("type")
    types = node_type if isinstance(node_type, list) else [node_type]
    return any(isinstance(t, str) and t.rsplit("/", 1)[-1] == "JobPosting" for t in types)


def _walk_nodes(value: Any) -> list[dict[str, Any]]:
    """Every dict node at the top of a JSON-LD document, flattening arrays and ``@graph``."""
    if isinstance(value, list):
        return [node for item in value for node in _walk_nodes(item)]
    if isinstance(value, dict):
        nodes = [value]
        graph = value.get("@graph")
        if graph is not None:
            nodes.extend(_walk_nodes(graph))
        return nodes
    return []


def _resolve_references(value: Any, by_id: dict[str, dict[str, Any]], depth: int = 0) -> Any:
    """Replace ``{"@id": …}`` stubs with the node they refer to (bounded depth)."""
    if depth > 6:
        return value
    if isinstance(value, dict):
        if set(value) == {"@id"} and value["@id"] in by_id:
            return _resolve_references(by_id[value["@id"]], by_id, depth + 1)
        return {key: _resolve_references(item, by_id, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve_references(item, by_id, depth + 1) for item in value]
    return value


def _lowercase_keys(node: dict[str, Any]) -> dict[str, Any]:
    """Some ATS (Cornerstone) write PascalCase keys; schema.org names are camelCase."""
    if any(key[:1].isupper() for key in node if not key.startswith("@")):
        return {(key[:1].lower() + key[1:]) if not key.startswith("@") else key: value
                for key, value in node.items()}
    return node


def extract_json_ld(page_html: str) -> StructuredData:
    """JobPosting nodes from every JSON-LD block of a page, with ``@id`` references resolved."""
    result = StructuredData()
    nodes: list[dict[str, Any]] = []
    for number, match in enumerate(_SCRIPT_RE.finditer(page_html), start=1):
        try:
            nodes.extend(_walk_nodes(_loads_lenient(match.group(1))))
        except (json.JSONDecodeError, RecursionError) as error:
            result.errors.append(f"JSON-LD block {number} is not valid JSON: {error}")
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    for node in nodes:
        node = _lowercase_keys(node)
        if _is_job_posting(node):
            result.job_postings.append(_resolve_references(node, by_id))
    return result


def extract_microdata(page_html: str, base_url: str | None = None) -> list[dict[str, Any]]:
    """JobPosting items from microdata, shaped like JSON-LD (``uniform=True``)."""
    if not any(spelling in page_html for spelling in _MICRODATA_MARKER_ORG) or not _MICRODATA_MARKER.search(page_html):
        return []
    parse_html, extract_items, uniform = _microdata_steps()
    raw = list(extract_items(parse_html(page_html, encoding="UTF-8"), base_url=base_url))
    return [node for node in uniform(raw, "http://schema.org") if _is_job_posting(node)]


@lru_cache(maxsize=1)
def _microdata_steps():
    """The steps of ``extruct.extract(page_html, base_url, syntaxes=["microdata"], uniform=True)``,
    taken from extruct's modules on first use (:mod:`crawler.lean_imports`): ``import extruct``
    loads every syntax's parser (rdflib, mf2py, BeautifulSoup: ~30 MB per process), and the crawl
    process, which imports this module with its spiders, never reads microdata at all."""
    microdata = submodule("extruct", "w3cmicrodata")
    return (submodule("extruct", "utils").parse_html, microdata.MicrodataExtractor(add_html_node=False).extract_items,
            submodule("extruct", "uniform")._umicrodata_microformat)


def extract_job_postings(page_html: str, base_url: str | None = None) -> StructuredData:
    """All JobPosting records of a page: JSON-LD first, microdata when there is no JSON-LD one,
    then the JobPosting objects a script of the page writes as object literals."""
    result = extract_json_ld(page_html)
    if not result.job_postings:
        try:
            result.job_postings.extend(extract_microdata(page_html, base_url))
        except Exception as error:  # extruct raises many kinds on broken markup
            result.errors.append(f"microdata could not be read: {error}")
        result.from_microdata = bool(result.job_postings)
    if not result.job_postings and "JobPosting" in page_html:
        result.job_postings.extend(extract_script_objects(page_html))
    return result


_JOB_POSTING_TYPE_IN_SCRIPT = re.compile(r"""["']?@type["']?\s*:\s*["'](?:https?://schema\.org/)?JobPosting["']""")


def _opening_brace(text: str, position: int) -> int | None:
    """Where the object literal holding ``position`` opens (braces inside strings are not told apart)."""
    depth = 0
    for index in range(position - 1, -1, -1):
        character = text[index]
        if character == "}":
            depth += 1
        elif character == "{":
            if depth == 0:
                return index
            depth -= 1
    return None


def extract_script_objects(page_html: str) -> list[dict[str, Any]]:
    """JobPosting objects written as object literals in a script or a component's code. Values that
    are expressions (``new Date().toISOString()``, ``siteUrl``) come back as their source text and
    are dropped by the field readers as values they cannot read."""
    postings = []
    for match in _JOB_POSTING_TYPE_IN_SCRIPT.finditer(page_html):
        start = _opening_brace(page_html, match.start())
        if start is None:
            continue
        try:
            node = chompjs.parse_js_object(page_html[start:])
        except ValueError:
            continue
        if isinstance(node, dict) and _is_job_posting(node):
            postings.append(_lowercase_keys(node))
    return postings
