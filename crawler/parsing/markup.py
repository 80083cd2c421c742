"""HTML job-ad descriptions as structured text: paragraphs, one ``- `` line per list item.

HTML is parsed with lxml's HTML parser directly, not BeautifulSoup: BeautifulSoup (lxml
parser) needs ~14 ms for a 27 KB description, lxml ~0.5 ms, and the whole parse must
stay under 5 ms per ad (>= 200 ads/s per core).
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.parsing.repair import repair_text

__all__ = ["html_to_text", "looks_like_html"]


_BLOCK_TAGS = frozenset(
    "address article aside blockquote caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure h1 h2 h3 h4 h5 h6 hgroup hr legend main p pre section "
    "summary table tbody tfoot thead".split()
)
_ROW_TAGS = frozenset({"tr", "td", "th"})
_LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
_BOLD_TAGS = frozenset({"strong", "b"})
_DROPPED_TAGS = (
    "script style noscript nav header footer form button svg template iframe object "
    "embed select textarea input head canvas audio video map"
).split()
_CHROME_ATTRIBUTE = re.compile(
    r"cookie|consent|gdpr|onetrust|usercentrics|didomi|borlabs|sr-only|visually-hidden|screen-reader",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Cheap `in` checks on the markup decide whether the attribute pass is needed at all;
# libxml2's XPath with contains() over every element costs ~8 ms per 30 KB.
_ATTRIBUTE_HINTS = ("hidden", "display", "ookie", "OOKIE", "onsent", "ONSENT", "gdpr", "GDPR", "onetrust",
                    "usercentrics", "didomi", "borlabs", "sr-only", "visually-hidden", "screen-reader")
_KNOWN_TAGS = r"(?:p|div|br|ul|ol|li|h[1-6]|span|strong|b|em|i|u|a|table|tr|td|section|article|body|html|font)"
_REAL_TAG = re.compile(rf"</?{_KNOWN_TAGS}(?:\s[^>]*)?/?>", re.IGNORECASE)
_ESCAPED_TAG = re.compile(rf"&lt;/?{_KNOWN_TAGS}(?:\s.*?)?/?&gt;", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds HTML markup, raw or entity-escaped (``&lt;p&gt;``)."""
    if "<" in text and _REAL_TAG.search(text):
        return True
    if "&amp;lt;" in text:  # escaped twice
        text = text.replace("&amp;lt;", "&lt;").replace("&amp;gt;", "&gt;")
    return "&lt;" in text and _ESCAPED_TAG.search(text) is not None


class _TextBuilder:
    """Collects text with pending line breaks, so nested blocks give one break, not many.

    Whitespace inside text is collapsed later, line by line, by ``_tidy_lines``.
    """

    __slots__ = ("parts", "pending_break", "at_line_start", "pending_item")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending_break = 0  # 0 none, 1 newline, 2 blank line
        self.at_line_start = True
        self.pending_item = False

    def text(self, text: str) -> None:
        if text.isspace():
            if not self.at_line_start:
                self.parts.append(" ")
            return
        if self.pending_break and self.parts:
            self.parts.append("\n" if self.pending_break == 1 else "\n\n")
        self.pending_break = 0
        if self.pending_item:
            self.parts.append("- ")
            self.pending_item = False
        self.parts.append(text.replace("\n", " ") if "\n" in text else text)
        self.at_line_start = False

    def line_break(self, level: int) -> None:
        if level > self.pending_break:
            self.pending_break = level
        self.at_line_start = True

    def space(self) -> None:
        if not self.at_line_start:
            self.parts.append(" ")

    def start_item(self) -> None:
        self.line_break(1)
        self.pending_item = True


# What to do after an element's children: nothing, end a list item, a list, a block, a row.
_AFTER_INLINE, _AFTER_ITEM, _AFTER_LIST, _AFTER_BLOCK, _AFTER_ROW = range(5)


def _starts_block(element: etree._Element) -> bool:
    """True for bold text directly followed by ``<br>``, a list or a block."""
    if element.tail and not element.tail.isspace():
        return False
    following = element.getnext()
    return following is not None and (
        following.tag == "br" or following.tag in _LIST_TAGS or following.tag in _BLOCK_TAGS
    )


_WIDGET_TAGS = frozenset({"span", "a", "button", "label"})


def _follows_element(element: etree._Element) -> bool:
    """True when ``element`` directly follows a sibling element with no text in between."""
    previous = element.getprevious()
    return previous is not None and isinstance(previous.tag, str) and not previous.tail


def _render(container: etree._Element, out: _TextBuilder) -> None:
    """Write the text of ``container``'s content to ``out``, keeping the structure.

    Iterative (explicit stack), so deeply nested page markup cannot hit Python's
    recursion limit. ``in_item`` is true inside a list item: blocks and ``<br>`` there
    become spaces, so each item stays on one line.
    """
    if container.text:
        out.text(container.text)
    stack: list[tuple[etree._Element, bool, int | None]] = [(child, False, None) for child in reversed(container)]
    while stack:
        element, in_item, after = stack.pop()
        if after is not None:
            if after == _AFTER_ITEM:
                out.line_break(1)
            elif after == _AFTER_LIST:
                out.line_break(1 if in_item else 2)
            elif after == _AFTER_BLOCK or after == _AFTER_ROW:
                if in_item:
                    out.space()
                else:
                    out.line_break(2 if after == _AFTER_BLOCK else 1)
            if element.tail:
                out.text(element.tail)
            continue
        tag = element.tag
        children_in_item, after = in_item, _AFTER_INLINE
        if tag == "br":
            if in_item:
                out.space()
            else:
                out.line_break(1)
        elif tag == "li":
            out.start_item()
            children_in_item, after = True, _AFTER_ITEM
        elif tag in _LIST_TAGS:
            # A nested list flattens into the parent list: its items become "- " lines too.
            if not in_item:
                out.line_break(2)
            children_in_item, after = False, _AFTER_LIST
        elif tag in _BLOCK_TAGS or tag in _ROW_TAGS:
            after = _AFTER_BLOCK if tag in _BLOCK_TAGS else _AFTER_ROW
            if in_item:
                out.space()
            else:
                out.line_break(2 if after == _AFTER_BLOCK else 1)
        elif tag in _BOLD_TAGS and not in_item and _starts_block(element):
            out.line_break(1)  # "Intro <b>Deine Aufgaben</b><ul>…": the bold lead-in is a heading line
        elif tag in _WIDGET_TAGS and _follows_element(element):
            out.space()  # "<span>Gehalt anzeigen</span><span>Min €</span>": separate widgets
        stack.append((element, in_item, after))
        if element.text:
            out.text(element.text)
        if len(element):
            stack.extend((child, children_in_item, None) for child in reversed(element))


def _is_chrome_element(element: etree._Element) -> bool:
    get = element.get
    if get("aria-hidden") == "true" or get("hidden") is not None:
        return True
    style = get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    marker = (get("id") or "") + "|" + (get("class") or "")
    return len(marker) > 1 and _CHROME_ATTRIBUTE.search(marker) is not None


_LABEL_MAX_CHARS = 40


def _join_label_pairs(root: etree._Element) -> None:
    """Fact tables and definition lists ("<tr><th>Arbeitsort</th><td>Essen</td></tr>",
    "<dt>Salary</dt><dd>£30,000</dd>") become one "Label: value" line each, as boards write
    them in text, so that the header reader and the field parsers see label and value together."""
    for row in root.iter("tr"):
        cells = [cell for cell in row if cell.tag in ("th", "td")]
        if len(cells) == 2 and len(row) == 2:
            _make_label(cells[0])
            cells[1].tag = "span"
    for definitions in root.iter("dl"):
        children = [child for child in definitions if isinstance(child.tag, str)]
        tags = [child.tag for child in children]
        if not tags or tags != ["dt", "dd"] * (len(tags) // 2):
            continue
        for term, detail in zip(children[::2], children[1::2]):
            pair = etree.Element("tr")  # rendered as a row: one line per pair, no blank line
            term.addprevious(pair)
            pair.append(term)
            pair.append(detail)
            _make_label(term)
            detail.tag = "span"


def _make_label(cell: etree._Element) -> None:
    label = " ".join("".join(cell.itertext()).split())
    cell.tag = "span"
    if label and len(label) <= _LABEL_MAX_CHARS and label[-1] not in ":.!?":
        cell.tail = ": " + (cell.tail or "").lstrip()
    else:
        cell.tail = " " + (cell.tail or "").lstrip()


# Where a page points at the element a switch opens: "aria-controls", "#id" links and data targets,
# and the element names a script handler writes ("text3.style.display='block'").
_TOGGLE_TARGET_ATTRIBUTES = ("aria-controls", "href", "data-target", "data-bs-target", "data-toggle-target")
_HANDLER_NAME = re.compile(r"[A-Za-z_][\w-]*")


def _toggled_ids(root: etree._Element) -> set[str]:
    """The ids of elements that some switch on the page opens or closes."""
    ids: set[str] = set()
    for element in root.iter():
        if not element.attrib:
            continue
        for name in _TOGGLE_TARGET_ATTRIBUTES:
            value = element.get(name)
            if value:
                ids.update(part.lstrip("#") for part in value.split() if name == "aria-controls" or part.startswith("#"))
        handler = element.get("onclick")
        if handler:
            ids.update(_HANDLER_NAME.findall(handler))
    return ids


def _is_collapsed_panel(element: etree._Element, toggled: set[str]) -> bool:
    """A panel an accordion or tab shows on a click ("<div id="text3" style="display: none">" opened
    by the role's heading) holds the ad itself; the switch that closes it again is no panel."""
    return (element.get("id") in toggled and element.get("aria-hidden") != "true"
            and element.get("onclick") is None and element.tag not in _WIDGET_TAGS)


_ICON_TAGS = frozenset({"svg", "img", "i"})


def _opens_with_icon(element: etree._Element) -> bool:
    first = next((child for child in element if isinstance(child.tag, str)), None)
    return (first is not None and first.tag in _ICON_TAGS and not (element.text or "").strip()
            and not "".join(first.itertext()).strip())


def _icon_badges_as_lines(root: etree._Element) -> None:
    """A row of inline badges each led by an icon ("📍 Kühbach & Umgebung", "🕐 Vollzeit" drawn as SVG)
    reads as separate facts: each badge becomes its own line, as a reader sees them apart, instead of
    running together with its neighbours once the icons are gone."""
    rows: dict[etree._Element, list[etree._Element]] = {}
    for icon in root.iter("svg", "img", "i"):
        badge = icon.getparent()
        if badge is not None and badge.tag in _WIDGET_TAGS and _opens_with_icon(badge):
            row = badge.getparent()
            if row is not None:
                rows.setdefault(row, []).append(badge)
    for badges in rows.values():
        if len(badges) >= 2:
            for badge in badges:
                badge.tag = "div"


# A messenger or share button ('<a href="https://wa.me/49…">WhatsApp Chat</a>'): a way to reach the
# employer or pass the page on, never a line of the ad.
_MESSENGER_HREF = re.compile(r"^(?:https?://)?(?:wa\.me/|api\.whatsapp\.com/|(?:www\.)?t\.me/|m\.me/|whatsapp:"
                             r"|(?:www\.)?facebook\.com/sharer|(?:www\.)?twitter\.com/intent/|(?:www\.)?x\.com/intent/"
                             r"|(?:www\.)?linkedin\.com/share)", re.IGNORECASE)
_MESSENGER_HINTS = ("wa.me", "whatsapp", "t.me/", "m.me/", "sharer", "/intent/", "linkedin.com/share")
_BUTTON_LABEL_MAX_WORDS = 4


def messenger_buttons(root: etree._Element) -> list[etree._Element]:
    """The messenger and share buttons of a page (see ``_MESSENGER_HREF``)."""
    return [anchor for anchor in root.iter("a") if _MESSENGER_HREF.match(anchor.get("href") or "")
            and len("".join(anchor.itertext()).split()) <= _BUTTON_LABEL_MAX_WORDS]


def _elements_to_drop(root: etree._Element, markup: str) -> list[etree._Element]:
    dropped = list(root.iter(*_DROPPED_TAGS))
    if any(hint in markup for hint in _MESSENGER_HINTS):
        dropped.extend(messenger_buttons(root))
    if any(hint in markup for hint in _ATTRIBUTE_HINTS):
        chrome = [element for element in root.iter() if element.attrib and _is_chrome_element(element)]
        if chrome and any(element.get("id") for element in chrome):
            toggled = _toggled_ids(root)
            chrome = [element for element in chrome if not _is_collapsed_panel(element, toggled)]
        dropped.extend(chrome)
    return dropped


def _drop(element: etree._Element) -> None:
    """Remove ``element`` but keep its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


_MARKUP_ESCAPES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#34;", '"'), ("&#39;", "'"),
                   ("&#x27;", "'"), ("&amp;", "&"))


def _unescape_markup(markup: str) -> str:
    # Greenhouse & co. send entity-escaped HTML: unescape it once (a second time only
    # when it was escaped twice), with '&amp;' last so "&amp;nbsp;" stays "&nbsp;" for
    # the parser. Escaped text inside real HTML ("a &lt; b") is left to the parser.
    for _ in range(2):
        if markup.count("&lt;") + markup.count("&amp;lt;") <= markup.count("<"):
            break
        for escaped, character in _MARKUP_ESCAPES:
            if escaped in markup:
                markup = markup.replace(escaped, character)
    return markup


def html_to_text(html_text: str) -> str:
    """Convert HTML (raw or entity-escaped) into clean structured text.

    Block elements become paragraphs separated by a blank line, ``<br>`` a newline,
    each ``<li>`` (nested and ordered lists included) a ``- item`` line, headings and
    bold-only paragraphs their own line. Scripts, styles, navigation, header, footer,
    forms, buttons, SVG, hidden and ``aria-hidden`` elements and cookie banners
    (id/class with cookie, consent, gdpr…) are dropped. The text is then repaired with
    :func:`repair_text`.
    """
    if not html_text or html_text.isspace():
        return ""
    markup = _unescape_markup(html_text)
    if markup.lstrip().startswith("<?xml"):
        markup = _XML_DECLARATION.sub("", markup)
    if "\x00" in markup:
        markup = markup.replace("\x00", "")
    # A parser per call (0.7 µs): lxml parsers must not be shared between threads.
    # huge_tree lifts libxml2's depth limit of 256, beyond which it silently drops text.
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(markup, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:  # nothing parseable: treat as text
        return repair_text(_REAL_TAG.sub(" ", markup))
    if "<svg" in markup or "<i " in markup or "<img" in markup:
        _icon_badges_as_lines(root)
    for element in _elements_to_drop(root, markup):
        _drop(element)
    if "<tr" in markup or "<dt" in markup or "<TR" in markup or "<DT" in markup:
        _join_label_pairs(root)
    body = root.find("body")
    out = _TextBuilder()
    _render(body if body is not None else root, out)
    return repair_text("".join(out.parts))
