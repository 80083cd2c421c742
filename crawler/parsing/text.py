"""Turn job-ad HTML or plain text into clean, structured description text.

The output format is what ``description`` stores and what ``split_sections`` reads:
headings and paragraphs on their own lines, paragraphs separated by one blank line,
one bullet per line written ``- item``, straight quotes, no board chrome.

HTML is parsed with lxml's HTML parser directly, not BeautifulSoup: BeautifulSoup (lxml
parser) needs ~14 ms for a 27 KB description, lxml ~0.5 ms, and the whole parse must
stay under 5 ms per ad (>= 200 ads/s per core).
"""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy
from lxml import etree

__all__ = [
    "clean_text",
    "html_to_text",
    "is_chrome_line",
    "looks_like_html",
    "normalise_bullets",
    "repair_text",
    "strip_chrome",
]

# --- repair_text ---------------------------------------------------------------------
# Speed: a character-class regex scan costs ~20 ns per character here, `in` ~1000x less,
# so the checks below look for each rare character with `in` and run the work only then.

# Only entities with a closing ';': html.unescape alone would also turn the legacy
# no-semicolon names inside "AT&Times" or "R&copy" into symbols.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Traces of UTF-8 read as cp1252/latin-1 ("companyâ€™s", "MÃ¼nchen") and of cp1252 read
# as latin-1 (C1 controls). ftfy runs only when one is present: it costs ~1 ms per 30 KB.
_MOJIBAKE_MARKERS = ("Ã", "Â", "â€", "Ð", "Ñ", "ð\u0178", "ï»¿", "\x80", "\x84", "\x85",
                     "\x91", "\x92", "\x93", "\x94", "\x96", "\x97")
_LINE_SEPARATORS = ("\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")
_INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff",
              "\u202a", "\u202b", "\u202c", "\u202d", "\u202e")
_CONTROL_CHARACTERS = tuple(chr(code) for code in (*range(0, 9), *range(14, 32), 127))
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u2032", "'"),
           ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u201f", '"'), ("\u2033", '"'))
_COMBINING_MARKS = ("\u0300", "\u0301", "\u0302", "\u0303", "\u0308", "\u030a", "\u030c", "\u0327")


def _join_lines(lines: list[str]) -> str:
    """Join stripped lines, keeping at most one blank line and none at the ends."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)


def _unescape_entities(text: str) -> str:
    position = text.find("&")
    while position != -1 and not _ENTITY.match(text, position):
        position = text.find("&", position + 1)
    if position == -1:
        return text
    for _ in range(3):  # "&amp;nbsp;" is escaped twice
        unescaped = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
        if unescaped == text:
            break
        text = unescaped
    return text


def _tidy_lines(text: str) -> str:
    """Collapse whitespace within lines, strip them, keep at most one blank line."""
    return _join_lines([" ".join(line.split()) for line in text.split("\n")])


def repair_text(text: str) -> str:
    """Repair encoding damage and normalise whitespace in plain text.

    Unescapes HTML entities (double-escaped ones such as ``&amp;nbsp;`` too), fixes
    mojibake with ftfy ("companyâ€™s" -> "company's"), turns curly quotes into straight
    ones (so text is the same whether ftfy ran or not), NBSP and other odd spaces into
    spaces, drops zero-width characters, soft hyphens and control characters, composes
    Unicode (NFC), collapses spaces within lines, strips lines and keeps at most one
    blank line.
    """
    if not text:
        return ""
    if "&" in text:
        text = _unescape_entities(text)
    ascii_only = text.isascii()
    if not ascii_only and any(marker in text for marker in _MOJIBAKE_MARKERS):
        text = "\n".join(
            ftfy.fix_text(line, unescape_html=False, uncurl_quotes=True)
            if any(marker in line for marker in _MOJIBAKE_MARKERS) else line
            for line in text.split("\n")
        )
    for separator in _LINE_SEPARATORS:
        if separator in text:
            text = text.replace(separator, "\n")
    for character in _CONTROL_CHARACTERS if ascii_only else _CONTROL_CHARACTERS + _INVISIBLE:
        if character in text:
            text = text.replace(character, "")
    if not ascii_only:
        for curly, straight in _QUOTES:
            if curly in text:
                text = text.replace(curly, straight)
        if any(mark in text for mark in _COMBINING_MARKS):
            text = unicodedata.normalize("NFC", text)
    return _tidy_lines(text)


# --- html_to_text --------------------------------------------------------------------

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


def _elements_to_drop(root: etree._Element, markup: str) -> list[etree._Element]:
    dropped = list(root.iter(*_DROPPED_TAGS))
    if any(hint in markup for hint in _ATTRIBUTE_HINTS):
        dropped.extend(element for element in root.iter() if element.attrib and _is_chrome_element(element))
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
    for element in _elements_to_drop(root, markup):
        _drop(element)
    if "<tr" in markup or "<dt" in markup or "<TR" in markup or "<DT" in markup:
        _join_label_pairs(root)
    body = root.find("body")
    out = _TextBuilder()
    _render(body if body is not None else root, out)
    return repair_text("".join(out.parts))


# --- normalise_bullets ---------------------------------------------------------------

_BULLET_GLYPHS = "•·‣⁃◦○●▪▫■□►▶▸▹➢➣➤➔➜→⇒✓✔✅☑✗✘❖◆◇♦⦁∙\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0\uf06e\uf0a8"
_BULLET = re.compile(
    rf"^(?:[{_BULLET_GLYPHS}]\ufe0f?\s*|[-–—*+](?:\s+|(?=[A-ZÄÖÜ]))|o\s+(?=\S))"
)
# "1. Oktober" is a date, not an item; "3. Maintain dashboards" is an item.
_MONTHS = (r"(?:jan(?:uar|uary)?|jänner|feb(?:ruar|ruary)?|mär(?:z)?|mar(?:ch)?|apr(?:il)?|mai|may|jun[ei]?|jul[iy]?"
           r"|aug(?:ust)?|sept?(?:ember)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dez(?:ember)?|dec(?:ember)?)")
_NUMBERED = re.compile(
    rf"^(?:\(?\d{{1,2}}[.)]|\(\d{{1,2}}\)|\(?[a-zA-Z]\)|[ivxIVX]{{1,4}}[.)])\s+(?!(?i:{_MONTHS})(?:\.|\b))"
)
_INLINE_BULLET_GLYPHS = "•▪►✓✔➢➤\uf0b7"
_INLINE_BULLETS = re.compile(rf"\s*[{_INLINE_BULLET_GLYPHS}]\ufe0f?\s*")


# Emoji and pictographic symbols used as bullets ("👉 item", "🔹 item", "💶 €45,000 …").
_PICTOGRAPH_RANGES = ((0x2190, 0x21FF), (0x2300, 0x23FF), (0x25A0, 0x27BF), (0x2900, 0x297F),
                      (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
_EMOJI_JOINERS = frozenset("\ufe0f\u200d\u20e3")
# Plain-text list markers that are bullets only when several lines in a row use them
# ("> item", "# item"); a single "# Heading" stays as written.
_REPEATED_MARKERS = (">", "#")


def _is_pictograph(character: str) -> bool:
    code = ord(character)
    return any(low <= code <= high for low, high in _PICTOGRAPH_RANGES)


def _pictograph_prefix(line: str) -> int:
    """Length of a leading run of pictographs followed by a space (0 when there is none)."""
    if not line or line.isascii() or not _is_pictograph(line[0]):
        return 0
    end = 1
    while end < len(line) and (_is_pictograph(line[end]) or line[end] in _EMOJI_JOINERS
                               or 0x1F3FB <= ord(line[end]) <= 0x1F3FF):
        end += 1
    if end < len(line) and line[end] == " " and end + 1 < len(line):
        return end + 1
    return 0


def _marker_bullets(lines: list[str]) -> set[int]:
    """Indexes of lines whose leading pictograph or repeated marker is a bullet: the line has
    a neighbour that starts with a bullet too (a single emoji-led sentence is prose)."""
    starts: list[str | None] = []
    for line in lines:
        stripped = line.strip()
        if _pictograph_prefix(stripped):
            starts.append("pictograph")
        elif stripped[:2] in ("> ", "# ") and len(stripped) > 2:
            starts.append(stripped[0])
        elif _BULLET.match(stripped) or _NUMBERED.match(stripped):
            starts.append("bullet")
        else:
            starts.append(None)
    found = set()
    for index, start in enumerate(starts):
        if start is None or start == "bullet":
            continue
        neighbours = [starts[other] for other in (index - 1, index + 1) if 0 <= other < len(starts)]
        if start == "pictograph" and any(n is not None for n in neighbours):
            found.add(index)
        elif start in _REPEATED_MARKERS and start in neighbours:
            found.add(index)
    return found


def _bullet_body(line: str) -> str | None:
    """The item text when ``line`` is a bullet or numbered line, else None."""
    match = _BULLET.match(line) or _NUMBERED.match(line)
    if match is None:
        return None
    body = line[match.end():]
    while True:  # "- • item" from HTML lists that also typed a glyph
        again = _BULLET.match(body)
        if again is None or again.end() == 0:
            return body.strip()
        body = body[again.end():]


def _is_numbered_heading(body: str, lines: list[str], index: int) -> bool:
    """"1. Your tasks" followed by dash or glyph bullets is a numbered heading, not an item."""
    if body.count(" ") > 5 or body[-1:] in ".!?;,":
        return False
    for following in lines[index + 1:]:
        following = following.strip()
        if following:
            return _BULLET.match(following) is not None
    return False


def normalise_bullets(text: str) -> str:
    """Rewrite plain-text bullets as ``- item`` lines.

    Recognises glyph bullets (``•``, ``·``, ``▪``, ``►``, ``✓``, ``→``, Word's private-use
    bullets, ``o``), dash and star bullets (``-``, ``–``, ``—``, ``*``, ``+``), and
    pictographs and repeated ``>`` / ``#`` markers when a neighbouring line starts with a
    bullet too ("👉 item", "🔹 item", "> item"), numbered items (``1.``, ``1)``, ``(1)``,
    ``a)``, ``iv.``) except dates such as
    "1. Oktober" and short numbered headings followed by other bullets ("1. Your tasks"
    over "- …" lines), which stay as written. A line holding several ``•`` items is
    split into one line each.
    Lines that are only a bullet glyph are removed.
    """
    lines_out: list[str] = []
    lines = text.split("\n")
    marker_bullets = _marker_bullets(lines) if ("> " in text or "# " in text or not text.isascii()) else set()
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            lines_out.append("")
            continue
        if index in marker_bullets:
            body = stripped[_pictograph_prefix(stripped) or 2:].strip()
            if body:
                lines_out.append("- " + (_bullet_body(body) or body))
            continue
        if not stripped.isascii() and sum(stripped.count(glyph) for glyph in _INLINE_BULLET_GLYPHS) >= 2:
            pieces = [piece for piece in _INLINE_BULLETS.split(stripped) if piece.strip()]
            if len(pieces) >= 2:
                starts_with_bullet = _INLINE_BULLETS.match(stripped) is not None
                if not starts_with_bullet:
                    lines_out.append(pieces.pop(0))
                lines_out.extend("- " + piece.strip() for piece in pieces)
                continue
        body = _bullet_body(stripped)
        if body is None or (_NUMBERED.match(stripped) and _is_numbered_heading(body, lines, index)):
            lines_out.append(stripped)
        elif body:
            lines_out.append("- " + body)
    return _join_lines(lines_out)


# --- strip_chrome --------------------------------------------------------------------

# Whole lines (lower-cased, edge symbols stripped) that boards put around ads:
# StepStone, Indeed, LinkedIn, XING, Glassdoor, Monster, company career sites.
_CHROME_LINES = frozenset("""
easy apply|apply|apply now|apply here|apply for this job|apply for this position|apply to this job
apply on company site|apply on company website|apply on employer site|quick apply|1-click apply
one-click apply|continue to apply|i'm interested|i am interested|not interested|save|save job
save this job|saved|unsave|share|share job|share this job|share this position|copy link
show salary|show salary range|view salary|curious about the salary for this job?|like this job?
your feedback will help us to improve your job search.|was this job helpful?|open map|show map
view map|view on map|get directions|report job|report this job|report this listing|report this ad
flag this job|back|back to search|back to search results|back to results|back to jobs
back to job search|back to overview|back to all jobs|view all jobs|see all jobs|all jobs|next job
previous job|show more|show less|see more|see less|read more|read less|…more|...more
show full description|full job description|skip to main content|skip to content|menu|close
sign in|log in|login|sign up|join now|register|cookie settings|manage cookies|accept|accept all
accept all cookies|reject all|decline|got it|privacy policy|terms of use|terms of service
terms and conditions|terms & conditions|imprint|legal notice|sitemap|print|facebook|twitter|x
linkedin|xing|whatsapp|instagram|pinterest|be an early applicant|actively recruiting|promoted
urgently hiring|hiring multiple candidates|responsive employer|profile insights|hiring insights
job activity|pulled from the full job description|let employers find you|upload your resume
thumbs up|thumbs down|jetzt bewerben|bewerben|jetzt direkt bewerben|direkt bewerben
schnellbewerbung|jetzt schnell bewerben|online bewerben|jetzt online bewerben|zur bewerbung
bewerbung starten|merken|job merken|stelle merken|gemerkt|speichern|gespeichert|ich bin interessiert
nicht interessiert|teilen|job teilen|stelle teilen|diesen job teilen|link kopieren|gehalt anzeigen
gehalt ansehen|neugierig auf das gehalt für diesen job?|gefällt dir dieser job?
gefällt ihnen dieser job?|dein feedback hilft uns, deine jobsuche zu verbessern.
ihr feedback hilft uns, ihre jobsuche zu verbessern.|karte öffnen|karte anzeigen
auf karte anzeigen|route planen|route berechnen|anzeige melden|job melden|stellenanzeige melden
zurück|zurück zur suche|zurück zu den suchergebnissen|zurück zur übersicht|zur übersicht
zurück zur jobliste|alle jobs|alle jobs anzeigen|alle stellenangebote|nächster job|vorheriger job
mehr anzeigen|weniger anzeigen|mehr lesen|weiterlesen|zum inhalt springen|zum hauptinhalt springen
menü|schließen|anmelden|einloggen|registrieren|cookie-einstellungen|cookies verwalten|akzeptieren
alle akzeptieren|alle cookies akzeptieren|ablehnen|alle ablehnen|nur notwendige cookies
impressum|datenschutzerklärung|agb|nutzungsbedingungen|barrierefreiheit|drucken|seite drucken
zum unternehmensprofil|unternehmensprofil ansehen|arbeitgeberprofil ansehen
einfach bewerben|schnell bewerben|mit einem klick bewerben|per e-mail versenden|per mail versenden
zum merkzettel hinzufügen|auf den merkzettel|projekt merken|job speichern|stelle speichern
stellenangebot teilen|stellenanzeige teilen|melden|email me jobs like this|email similar jobs
set alert for similar jobs|set alert|my network|my jobs|messaging|notifications|find jobs
company reviews|salary guide|find salaries|browse companies|hiring lab|post a job|employers
for employers|upload your cv|upload your resume|upload cv|create profile|ist dieser job interessant für sie?
ist dieser job interessant für dich?|weitere jobs dieses arbeitgebers anzeigen|ähnliche projekte anzeigen
alle jobs dieses arbeitgebers|more jobs from this employer|view company profile|follow|folgen
apply with linkedin|apply with indeed|apply with xing|mit xing bewerben|mit linkedin bewerben
stepstone|indeed|glassdoor|monster|kununu|jobs.ch|karriere.at|stellenanzeigen.de|jobware
welcome to the jungle|get in it|arbeitsagentur|bundesagentur für arbeit|jobbörse|home|startseite|jobs|me
jobsuche|stellensuche|stellenangebote|jobs finden|job finden|find a job|find a company|find jobs
lohnrechner|gehaltsrechner|gehaltsvergleich|gehälter|salaries|companies|community|media|ratgeber
karriere-ratgeber|karriereberatung|arbeitgeber finden|arbeitgeber bewerten|unternehmen bewerten
für arbeitgeber|für unternehmen|for business|employers / post job|post job|shortlist|short list
add to shortlist|projekte|freelancer|see who you know|sign in to create job alert|read our privacy policy
* required|required|stellenangebot melden|stelle melden|inserat melden|job alert erstellen|apply online
start your application|start application|start applying|projekt teilen|career advice|browse jobs|karrieretipps
karriere-tipps|salary tools|gehaltscheck|job teilen|teilen per e-mail|jobs entdecken|unternehmen entdecken
""".strip().replace("\n", "|").split("|"))
_CHROME_PATTERN = re.compile(
    r"(?:[\w'-]+ ){0,3}icon"
    r"|(?:(?:min|max)(?:imum|\.)?|von|bis|from|to|ab|[€$£]|[-–\s])*[€$£](?:(?:min|max)(?:imum|\.)?|[€$£]|[-–\s])*"
    r"|(?:page|seite) \d+ (?:of|von|/) \d+"
    r"|(?:over |more than |über |mehr als )?\d[\d,.]*\+? (?:applicants|bewerber(?:innen|\*innen)?"
    r"|bewerbungen|people clicked apply|clicks on apply)"
    r"|get notified about new .{1,80}jobs(?: in .{1,80})?\.?"
    r"|get (?:job )?alerts for .{1,80}|(?:jobs )?powered by [\w.]+(?: [\w.]+)?"
    r"|\d(?:[.,]\d)? (?:out of 5 stars|von 5 sternen)|\d(?:[.,]\d)? ?★.{0,30}"
    r"|\d[\d.,]*\+?\s?[-–]\s?\d[\d.,]*\+? (?:employees|beschäftigte|mitarbeitende|mitarbeiter(?:innen)?)"
    r"|(?:over |more than |über |mehr als )?\d[\d,.]*\+? (?:bewerber:innen|bewerber\*innen|bewerbende)"
    r"|referrals increase your chances of interviewing at .{1,80}"
    r"|see how you compare to .{1,60}|try premium for .{1,20}|save [^.!?]{3,100} at [^.!?]{2,80}"
    r"|(?:employer|recruiter|arbeitgeber|recruiter:in) (?:active|aktiv|zuletzt aktiv) .{1,30}"
    r"|kununu[- ]score.{0,12}|(?:top|fair|open) (?:company|arbeitgeber|employer)(?: \d{4})?"
    r"|(?:company )?size: \d[\d,.]*\+? (?:to|-|–|bis) \d[\d,.]* (?:employees|mitarbeite\w*|beschäftigte)"
    r"|type: company - \w+|revenue: .{1,40}|\d(?:[.,]\d)? out of 5 stars.{0,30}"
    r"|see who .{1,60} has hired for this role|sign in to .{1,60}|melde dich an,? um .{1,60}"
    r"|(?:©|\(c\)|copyright\b).{0,150}"
    r"|(?:jobs?|stellen(?:angebote)?) (?:per|via|by) (?:e-?mail|mail)(?: erhalten| abonnieren)?"
    r"|job[- ]?(?:alert|alarm|agent|mail)s?(?: (?:erstellen|aktivieren|anlegen|einrichten))?"
    r"|(?:create|set up|get|activate) (?:a )?job alerts?(?: for this search)?"
    r"|(?:get|receive) (?:new |similar |more )?jobs like this(?: one)?.{0,50}"
    r"|(?:neue |ähnliche |weitere )?(?:passende )?jobs (?:wie diese[nr]? )?(?:direkt |bequem |kostenlos )?"
    r"(?:in|per|an) (?:ihr |dein |ihre |deine )?(?:e-mail-)?(?:postfach|inbox|e-mail)\.?"
)
_COOKIE_TALK = re.compile(
    r"\b(?:use|uses|using|verwende\w*|nutze\w*|setze\w*|akzeptier\w*|accept\w*|zustimm\w*"
    r"|einwillig\w*|consent|browser|website|webseite|internetseite|einstellungen|settings)\b"
)
# Headings of lists the board appends (similar jobs…): dropped with what follows.
_TAIL_BLOCK_HEADING = re.compile(
    r"(?:similar|related|recommended|suggested|other|more) (?:jobs|positions|roles|openings"
    r"|vacancies|searches|job searches)(?: (?:for you|you might like|(?:at|from|in|near) .{1,50}))?"
    r"|people (?:also|who viewed this job also) (?:viewed|searched|applied)"
    r"|others also (?:viewed|applied)|jobs you (?:may|might) (?:like|be interested in)"
    r"|you (?:may|might) also like|explore (?:more|similar|related) (?:jobs|roles)(?: .{1,50})?"
    r"|popular (?:searches|jobs)|nearby jobs|jobs near you"
    r"|ähnliche (?:jobs|stellen|stellenangebote|stellenanzeigen|suchanfragen|suchen|positionen)"
    r"(?: (?:in|bei|von|für dich)\b.{0,50})?"
    r"|(?:weitere|mehr|andere) (?:jobs|stellen|stellenangebote)(?: (?:von|bei|in|aus) .{1,50})?"
    r"|(?:das|diese jobs) könnten? (?:dich|sie) (?:auch )?interessieren"
    r"|andere (?:suchten|sahen) auch|(?:top|passende)[- ]?jobs(?: für dich)?"
    r"|beliebte (?:suchen|jobs|suchanfragen)|jobs in der nähe"
)
# Map widgets: heading, "Open map" and the address lines after it.
_LOCATION_BLOCK_HEADING = re.compile(
    r"our location|unser standort|location on map|standort auf der karte|so findest du uns|anfahrt"
)
# Widget titles and footer links that are chrome only when chrome (or nothing) follows:
# "Salary" + "Show salary", "Datenschutz" + "© 2026 …".
_WIDGET_HEADINGS = frozenset(
    "salary|gehalt|salary information|gehaltsinformationen|salary estimate|estimated salary"
    "|gehaltsschätzung|geschätztes gehalt|location|standort|map|karte|datenschutz|privacy"
    "|data protection|cookies|cookie policy|cookie-richtlinie|rechtliches|legal|kontakt|contact".split("|")
)
# Indeed's "Profile insights" questionnaire (Skills / Python / Do you have …? / Yes / No):
# dropped up to "Job details", "Full job description" or a blank line.
_INSIGHTS_HEADING = re.compile(r"profile insights|here's how the job (?:qualifications|details) align with your profile\.?"
                               r"|application questions?(?:\(s\))?|bewerbungsfragen|fragen des arbeitgebers")
_INSIGHTS_END = frozenset({"job details", "full job description", "pay", "job type", "benefits", "location"})
_BREADCRUMB_ARROW = re.compile(r" (?:>|»|›) ")
_BREADCRUMB_SLASH = re.compile(r" (?:/|\|) ")
_BREADCRUMB_ROOTS = frozenset(
    "home|startseite|start|jobs|stellenangebote|karriere|careers|jobsuche|job search|stellenmarkt".split("|")
)
_CHROME_EDGE = " \t-–—:|·•›»>→←‹«*#"


def _chrome_key(line: str) -> str:
    if len(line) > 170:  # too long to be chrome (see _is_chrome_key); skip the normalising
        return line.lower()
    key = line.strip()
    if key.startswith("- "):
        key = key[2:]
    if key and not key.isascii() and (prefix := _pictograph_prefix(key)):
        key = key[prefix:]  # "🔔 Get job alerts for …"
    return " ".join(key.strip(_CHROME_EDGE).split()).lower()


def _is_breadcrumb(key: str) -> bool:
    if len(key) > 150:
        return False
    parts = _BREADCRUMB_ARROW.split(key)
    if len(parts) < 3:
        parts = _BREADCRUMB_SLASH.split(key)
        if len(parts) < 3 or parts[0] not in _BREADCRUMB_ROOTS:
            return False
    return all(len(part.split()) <= 5 for part in parts)


_CHROME_SEPARATORS = re.compile(r"\s*[·|•]\s*|\s{2,}")
_COMPOSITE_CHROME_MAX_WORDS = 14


_CHROME_FIRST_WORDS = frozenset(line.split()[0] for line in _CHROME_LINES if line.strip())


# Pieces worth the costly chrome pattern: widget figures ("Min €", "38 applicants") and the
# phrases the pattern opens with ("Powered by Greenhouse", "Get job alerts …").
_PATTERN_PIECE_HINT = re.compile(r"[€$£\d]|^(?:powered|get|jobs?|see|sign|save|try|referrals)\b")
_PATTERN_FIRST_WORDS = frozenset("powered get job jobs see sign save try referrals".split())


def _is_chrome_piece(piece: str) -> bool:
    if piece in _CHROME_LINES:
        return True
    return _PATTERN_PIECE_HINT.search(piece) is not None and _CHROME_PATTERN.fullmatch(piece) is not None


def _is_composite_chrome(key: str) -> bool:
    """A short line made only of chrome phrases ("Show salary   Easy apply   Save", "Gehalt
    anzeigen Min € Max €"); one unknown word among three or more chrome phrases is a menu
    entry too ("Stellenangebote  Arbeitgeber  Karriereberatung  Login")."""
    words = _CHROME_SEPARATORS.sub(" ", key).split()
    if len(words) < 2 or len(words) > _COMPOSITE_CHROME_MAX_WORDS:
        return False
    if (words[0] not in _CHROME_FIRST_WORDS and words[1] not in _CHROME_FIRST_WORDS
            and "€" not in key and "$" not in key and "£" not in key and words[0] not in _PATTERN_FIRST_WORDS):
        return False
    # best[i] = (unknown words, chrome pieces) of the best split of words[:i]; None: unreachable
    best: list[tuple[int, int] | None] = [None] * (len(words) + 1)
    best[0] = (0, 0)
    for start in range(len(words)):
        if best[start] is None:
            continue
        unknown, pieces = best[start]
        for end in range(start + 1, min(len(words), start + 6) + 1):
            if _is_chrome_piece(" ".join(words[start:end])):
                candidate = (unknown, pieces + 1)
            elif end == start + 1 and unknown == 0:
                candidate = (1, pieces)
            else:
                continue
            if best[end] is None or candidate[0] < best[end][0] or (
                    candidate[0] == best[end][0] and candidate[1] > best[end][1]):
                best[end] = candidate
    if best[-1] is None:
        return False
    unknown, pieces = best[-1]
    return pieces >= 2 and (unknown == 0 or pieces >= 3)


def _is_chrome_key(key: str) -> bool:
    if not key:
        return False
    if "cookie" in key and key.count(" ") < 80 and _COOKIE_TALK.search(key):
        return True
    if len(key) > 160:  # chrome lines are short; sentences of the ad are not touched
        return False
    if key in _CHROME_LINES or _CHROME_PATTERN.fullmatch(key) or _TAIL_BLOCK_HEADING.fullmatch(key):
        return True
    if "all rights reserved" in key or "alle rechte vorbehalten" in key:
        return True
    if _is_composite_chrome(key):
        return True
    return (" > " in key or " » " in key or " › " in key or " / " in key or " | " in key) and _is_breadcrumb(key)


def is_chrome_line(line: str) -> bool:
    """True when ``line`` on its own is board chrome ("Easy apply", "Min €", "Home > Jobs")."""
    if len(line) > 170 and "ookie" not in line:
        return False
    return _is_chrome_key(_chrome_key(line))


def _next_key(keys: list[str], start: int) -> str:
    for key in keys[start:]:
        if key:
            return key
    return ""


_SEGMENT_SEPARATOR = re.compile(r"\s+[·|•]\s+")
_SEGMENTED_LINE_MAX = 220
_NAV_WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\w&.-]{0,24}")
# Indeed lists benefits "pulled from the full job description" above the ad: board chrome.
_PULLED_WIDGET = frozenset({"pulled from the full job description", "aus der vollständigen stellenbeschreibung"})


_TRAILING_APPLICANTS = re.compile(
    r"\s*(?:[·|•]\s*)?(?:over |more than |über |mehr als )?\d[\d,.]*\+? (?:applicants|bewerber(?:innen|\*innen|:innen)?"
    r"|bewerbungen|bewerbende)\s*$", re.IGNORECASE)
_HEADER_LINE_MAX = 120


def _without_chrome_segments(line: str) -> str:
    """A "·"- or "|"-separated header line without its chrome parts ("Acme · Berlin · Over 200
    applicants" -> "Acme · Berlin"); the line as it was when no part, or every part, is chrome."""
    if len(line) > _SEGMENTED_LINE_MAX or not _SEGMENT_SEPARATOR.search(line):
        return line
    separator = _SEGMENT_SEPARATOR.search(line).group()
    segments = _SEGMENT_SEPARATOR.split(line.strip())
    kept = [segment for segment in segments if not _is_chrome_key(_chrome_key(segment))]
    if not kept or len(kept) == len(segments):
        return line
    return separator.join(kept)


def _is_nav_word(keys: list[str], index: int) -> bool:
    """A single word between two chrome lines ("Jobs finden / Unternehmen / Lohnrechner") is
    part of the navigation."""
    if not _NAV_WORD.fullmatch(keys[index]) or index == 0 or index + 1 >= len(keys):
        return False
    return bool(keys[index - 1]) and bool(keys[index + 1]) and (
        _is_chrome_key(keys[index - 1]) and _is_chrome_key(keys[index + 1]))


def strip_chrome(text: str) -> str:
    """Remove board chrome lines and blocks from clean plain text.

    Line rules match whole short lines only (apply/save/share buttons, job alerts,
    salary teasers, "... icon", "Min €", breadcrumbs, cookie notices, footer links,
    copyright lines, "Page 1 of 3"), so sentences in the ad are never touched. Block
    rules: a similar-jobs heading drops the list after it (to the end of the text when
    the heading is in the last 60% of lines, else to the next blank line); a map heading
    ("Our Location") in the second half or followed by "Open map" drops up to three
    short address lines; Indeed's "Profile insights" questionnaire goes; a widget title
    ("Salary") or footer link ("Datenschutz") goes when chrome or nothing follows.
    """
    lines = [_without_chrome_segments(line) if ("·" in line or "|" in line or "•" in line) else line
             for line in text.split("\n")]
    lines = [(_TRAILING_APPLICANTS.sub("", line) or line)
             if len(line) <= _HEADER_LINE_MAX and ("ppli" in line or "ewerb" in line) else line
             for line in lines]
    keys = [_chrome_key(line) for line in lines]
    count = len(lines)
    keep = [True] * count
    index = 0
    while index < count:
        key = keys[index]
        if not key:
            index += 1
            continue
        if key in _PULLED_WIDGET:
            start = index - 1 if index and keys[index - 1] and len(keys[index - 1].split()) <= 3 else index
            end = index + 1
            while end < count and keys[end]:
                end += 1
            keep[start:end] = [False] * (end - start)
            index = end
            continue
        if _TAIL_BLOCK_HEADING.fullmatch(key) or _TAIL_BLOCK_HEADING.fullmatch(key.split(":", 1)[0]):
            end = index + 1
            if index < 0.4 * count:
                while end < count and keys[end]:
                    end += 1
            else:
                end = count
            keep[index:end] = [False] * (end - index)
            index = end
            continue
        if _LOCATION_BLOCK_HEADING.fullmatch(key) and (
            index >= 0.5 * count or _is_chrome_key(_next_key(keys, index + 1))
        ):
            end, address_lines = index + 1, 0
            while end < count and address_lines < 3:
                following = keys[end]
                if not following:
                    if address_lines:
                        break
                elif _TAIL_BLOCK_HEADING.fullmatch(following) or len(following.split()) > 10:
                    break
                elif not _is_chrome_key(following):
                    address_lines += 1
                end += 1
            keep[index:end] = [False] * (end - index)
            index = end
            continue
        if _INSIGHTS_HEADING.fullmatch(key):
            end = index + 1
            while end < count and keys[end] and keys[end] not in _INSIGHTS_END:
                end += 1
            keep[index:end] = [False] * (end - index)
            index = end
            continue
        if _is_chrome_key(key) or _is_nav_word(keys, index):
            keep[index] = False
        elif key in _WIDGET_HEADINGS:
            following = _next_key(keys, index + 1)
            keep[index] = bool(following) and not _is_chrome_key(following)
        index += 1
    return _join_lines([line.strip() for line, flag in zip(lines, keep) if flag])


# --- clean_text ----------------------------------------------------------------------


def clean_text(document: str) -> str:
    """Clean a job-ad description given as HTML (raw or escaped) or plain text.

    Runs the whole pipeline: HTML to structured text (or text repair), bullet
    normalisation, board-chrome removal. The result is the stored ``description``.
    """
    if not document or not document.strip():
        return ""
    text = html_to_text(document) if looks_like_html(document) else repair_text(document)
    return strip_chrome(normalise_bullets(text))
