"""Small readers for XML feed elements (Personio, RSS, Atom): child text by local name, HTML values.

Feeds mix namespaces freely (``tt:``, ``g:``, Atom's default namespace, none at all), so children
are found by their local name, optionally restricted to one namespace.
"""

from __future__ import annotations

import html

from lxml import etree


def tag_name(element: etree._Element) -> str:
    """An element's tag without its namespace (``{http://…}entry`` -> ``entry``); "" for comments."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def tag_namespace(element: etree._Element) -> str | None:
    """An element's namespace URI, or None."""
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else None


def children(element: etree._Element, name: str, namespace: str | None = "*") -> list[etree._Element]:
    """Direct children called ``name``; ``namespace="*"`` accepts any namespace, None only none."""
    return [child for child in element
            if tag_name(child) == name and (namespace == "*" or tag_namespace(child) == namespace)]


def child(element: etree._Element, name: str, namespace: str | None = "*") -> etree._Element | None:
    """The first direct child called ``name`` (see :func:`children`), or None."""
    found = children(element, name, namespace)
    return found[0] if found else None


def element_text(element: etree._Element | None) -> str | None:
    """All text inside ``element``, stripped; None when there is none."""
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def child_text(element: etree._Element, name: str, namespace: str | None = "*") -> str | None:
    """The stripped text of the first child called ``name``, or None when missing or empty."""
    return element_text(child(element, name, namespace))


def html_value(text: str | None) -> str | None:
    """An HTML value from a feed, with one extra level of entity escaping removed when the
    publisher escaped the markup twice (no real tag left, only ``&lt;p&gt;``)."""
    if not text or not text.strip():
        return None
    if "<" not in text and "&lt;" in text:
        text = html.unescape(text)
    return text.strip()


def inner_markup(element: etree._Element | None) -> str | None:
    """The content of ``element`` as markup: its text (CDATA or escaped HTML arrives as text) plus
    any child elements serialised (XHTML embedded as XML, Atom ``type="xhtml"``)."""
    if element is None:
        return None
    parts = [element.text or ""]
    for inner in element:
        parts.append(etree.tostring(inner, encoding="unicode", with_tail=True))
    return html_value("".join(parts))
