"""Ads kept as one JSON object: Hugo's JSON front matter, or an API record pasted as text.

Hugo reads a ``{ … }`` object at the top of a content file as front matter, beside YAML ``---``
and TOML ``+++``; some career sites keep the whole ad in it, as HTML-fragment strings under keys
that say what each string is ("HeadLine1", "HeadLine1Point1", "TextLine2"). Job-service APIs
give the same shape ("name", "description", a "functions" list with its "functionsTitle"), and
such a record is sometimes saved without its outer braces. A career site built with JavaScript keeps
the same record as an object literal in a data module (``export const Job = { title: '…', tasks: […] }``),
read with chompjs. :func:`read_json_object` finds the object; :func:`record_html` renders its prose as the HTML the text parser reads: the key's words
decide whether a string is a heading, a list item or a paragraph, and a list's heading is the
sibling key named after it.
"""

from __future__ import annotations

import ast
import html
import json
import re
from typing import Any

import chompjs

from crawler.parsing.headings import heading_kind

__all__ = ["opens_like_record", "read_json_object", "record_html"]

# The members of an object without its braces: the first line is '"key": value'.
_BARE_MEMBER = re.compile(r'\A"[^"\n]{1,80}"[ \t]*:')
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# Key words, read on the key's last word (camelCase and snake_case split): "HeadLine1Point3" is an
# item, "HeadLine1" and "functionsTitle" headings, "TextLine2" and "description" paragraphs.
_ITEM_WORDS = frozenset({"point", "item", "bullet", "entry"})
_HEADING_WORDS = frozenset({"headline", "heading", "title", "subtitle", "header", "caption"})
# Keys whose value is a setting or a pointer, never ad text.
# ("via": the board a search API found the job on, "via Culinary Agents")
_SKIPPED_WORDS = frozenset({"id", "link", "url", "href", "image", "img", "icon", "slug", "type", "layout", "draft",
                            "weight", "tags", "categories", "keywords", "aliases", "menu", "class", "style", "via",
                            "thumbnail", "logo"})
# Icon-font glyphs ('<span class="material-icons">done</span>'): the text is a ligature name.
_ICON = re.compile(r"<(span|i)\b[^>]*\bclass=\"[^\"]*\b(?:material-icons|material-symbols[\w-]*|fa[srb]?|glyphicon)\b"
                   r"[^\"]*\"[^>]*>[^<]*</\1>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_HAS_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_PROSE_MIN_WORDS = 3


# A JavaScript or TypeScript module whose one statement binds an object literal: "export const Job = {",
# "export default {", "module.exports = {", "const job: Job = {" (imports and comments may come first).
_JS_MODULE_OBJECT = re.compile(
    r"\A(?:\s+|//[^\n]*\n|/\*.*?\*/|import\b[^;\n]*;?\n)*"
    r"(?:(?:export\s+(?:default\s+)?)?(?:(?:const|let|var)\s+[\w$]+\s*(?::\s*[\w$.<>\[\]]+\s*)?=\s*)?"
    r"|module\.exports\s*=\s*)(?=[{\[])", re.DOTALL)


def _object_literal(text: str) -> tuple[dict[str, Any], str] | None:
    """An object literal cut out of a script's array (``{ title: 'SRE', role: `… lines …`, … },``):
    unquoted keys, single quotes and template strings with line breaks, read with chompjs."""
    if "+" in text:
        text = _CONCATENATION.sub(_joined_literals, text)
    try:
        data = chompjs.parse_js_object(text, loader_kwargs={"strict": False})
    except ValueError:
        return None
    return (data, "") if isinstance(data, dict) and data else None


def _python_literal(text: str) -> tuple[dict[str, Any], str] | None:
    """A record printed by Python (``pprint`` of an API answer): ``None``/``True``/``False``, single
    quotes, trailing commas and long strings split into adjacent literals, read with ``ast.literal_eval``,
    which evaluates literals only."""
    try:
        data = ast.literal_eval(text.strip())
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    return (data, "") if isinstance(data, dict) and data else None


# Node's printout of an object splits a long string into literals joined by "+" at line ends
# ("…\n' +\n        '\n' +", a double-quoted one where the text holds an apostrophe): one string,
# as the script meant it.
_JS_LITERAL = r"'(?:[^'\\\n]|\\.)*'|" + r'"(?:[^"\\\n]|\\.)*"'
_CONCATENATION = re.compile(rf"(?:{_JS_LITERAL})(?:[ \t]*\+[ \t]*\r?\n?[ \t]*(?:{_JS_LITERAL}))+")
_LITERAL = re.compile(_JS_LITERAL)


def _literal_value(literal: str) -> str:
    body = literal[1:-1]
    if literal[0] == "'":
        body = re.sub(r'(?<!\\)"', r'\"', body.replace("\\'", "'"))
    return json.loads(f'"{body}"')


def _joined_literals(match: re.Match) -> str:
    try:
        return json.dumps("".join(_literal_value(literal) for literal in _LITERAL.findall(match.group())),
                          ensure_ascii=False)
    except ValueError:
        return match.group()


def _js_module_object(text: str) -> tuple[dict[str, Any], str] | None:
    match = _JS_MODULE_OBJECT.match(text)
    if match is None or (match.end() == 0 and not text.startswith("{")):
        return None
    try:
        data = chompjs.parse_js_object(text[match.end():])
    except ValueError:
        return None
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        data = data[0]  # "export const openings = [{title: …}, {title: …}]": the list's first ad is the file's
    return (data, "") if isinstance(data, dict) and data else None


# How a record opens: a JSON object or its bare members, or a script module (comments and imports first).
_RECORD_OPENING = re.compile(r"[\ufeff \t\r\n]*(?:[{\"]|//|/\*|(?:export|const|let|var|module\.exports|import)\b)")


def opens_like_record(document: str) -> bool:
    """Whether ``document`` may be a record :func:`read_json_object` reads (a cheap test of its opening)."""
    return bool(document) and _RECORD_OPENING.match(document) is not None


_MODULE_VALUE_OPENINGS = ("= {", "={", "default {", "= [", "=[", "default [")


def read_json_object(document: str) -> tuple[dict[str, Any], str] | None:
    """``(object, text after it)`` when ``document`` opens with a JSON object (or with an object's
    members whose braces were cut off, or is a script module binding one object literal or a list of
    them, of which the first is read), else None."""
    text = document.lstrip("\ufeff \t\r\n")
    if not text.startswith(("{", '"')) and any(opening in text[:2000] for opening in _MODULE_VALUE_OPENINGS):
        return _js_module_object(text)
    if text.startswith("{"):
        try:
            data, end = json.JSONDecoder().raw_decode(text)
        except ValueError:
            # A record escaped twice, as a string literal in source code holds it ('<a href=\\"…\\">',
            # '\\n'): its backslashes undone once, if that makes it whole.
            if '\\"' not in text:
                return _python_literal(text) or _object_literal(text)
            text = text.replace("\\\\", "\\")
            try:
                data, end = json.JSONDecoder().raw_decode(text)
            except ValueError:
                return None
        return (data, text[end:]) if isinstance(data, dict) else None
    if _BARE_MEMBER.match(text):
        try:
            data = json.loads("{" + text.rstrip().rstrip(",") + "}")
        except ValueError:
            return None
        return (data, "") if isinstance(data, dict) else None
    return None


def _key_words(key: Any) -> list[str]:
    return [word for word in re.split(r"[_\W\d]+", _CAMEL_HUMP.sub("_", str(key)).lower()) if word]


# An application form's questions and their options ("formular_zusatzfragen", "formFields") are no ad text.
_FORM_WORDS = frozenset({"form", "forms", "formular", "formulare", "fields", "felder", "options", "optionen"})


def _role(key: Any) -> str:
    words = _key_words(key)
    if str(key).startswith("_") or _FORM_WORDS.intersection(words):
        return "skip"  # an editor's note to itself ("_hinweis"), or a form
    if not words:
        return "paragraph"
    last = words[-1]
    if last in _SKIPPED_WORDS or (len(words) == 1 and last in ("name", "date")):
        return "skip"
    if last in _ITEM_WORDS:
        return "item"
    if last in _HEADING_WORDS or (last == "line" and len(words) > 1 and words[-2] == "head"):
        return "heading"
    return "paragraph"


def _inline_text(value: str) -> str:
    """A fragment's text on one line, icon glyphs and tags dropped ('<td>…</td> <td>Text</td>')."""
    return " ".join(html.unescape(_TAG.sub(" ", _ICON.sub("", value))).split())


def _paragraph(value: str) -> str:
    value = _ICON.sub("", value.strip())
    if _HAS_TAG.search(value):
        return value if value.lstrip().startswith("<") and not value.lstrip().startswith(("<b", "<a", "<i", "<strong", "<em", "<span")) \
            else f"<p>{value}</p>"
    return "<p>" + html.escape(value).replace("\n", "<br>") + "</p>"


def _is_prose(text: str) -> bool:
    return len(text.split()) >= _PROSE_MIN_WORDS and not text.startswith(("http", "/"))


# Numbered keys of paragraphs ("TextLine2", "text_3", "absatz1") stay paragraphs.
_PROSE_KEY_WORDS = frozenset({"text", "line", "paragraph", "absatz", "description", "content", "body", "intro"})
_NUMBERED_KEY = re.compile(r"^(?P<stem>\D+?)_?(?P<number>\d{1,2})$")


def _numbered_keys(data: dict[str, Any]) -> set[Any]:
    """Keys numbered after a common stem, two or more of them ("jobsResp1", "jobsResp2", "item_3")."""
    stems: dict[str, list[Any]] = {}
    for key in data:
        match = _NUMBERED_KEY.match(str(key))
        if match and _role(key) == "paragraph" and not _PROSE_KEY_WORDS.intersection(_key_words(match["stem"])[-1:]):
            stems.setdefault(match["stem"], []).append(key)
    return {key for keys in stems.values() if len(keys) >= 2 for key in keys}


def _names_a_section(text: str) -> bool:
    return heading_kind(text) in ("responsibilities", "requirements", "benefits", "company")


def record_html(data: dict[str, Any], *, skip: frozenset[str] = frozenset(), seen: set[str] | None = None) -> str:
    """HTML for the ad text in ``data``, in the object's order: keys named like a heading give
    ``<h3>``, like a list entry ``<li>``, other prose strings ``<p>``; a list of strings gives a
    list under the sibling key that names it ("functions" + "functionsTitle"). Top-level keys in
    ``skip`` (already read as fields) and strings equal to one already rendered are left out."""
    seen = set() if seen is None else seen
    list_headings = {}
    for key, value in data.items():
        if isinstance(value, list):
            for other in data:
                if other != key and _key_words(other)[:-1] == _key_words(key) and _role(other) == "heading":
                    list_headings[key] = other
    consumed = set(list_headings.values())
    numbered = _numbered_keys(data)
    parts: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if items:
            parts.append("<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>")
            items.clear()

    for key, value in data.items():
        role = _role(key)
        if key in consumed or role == "skip" or str(key).lower() in skip:
            continue
        if isinstance(value, dict):
            flush()
            parts.append(record_html(value, seen=seen))
        elif isinstance(value, list):
            entries = [_inline_text(item) for item in value if isinstance(item, str) and _inline_text(item)]
            if entries and any(len(entry.split()) >= _PROSE_MIN_WORDS for entry in entries):
                flush()
                heading = data.get(list_headings.get(key, ""), "")
                if not (isinstance(heading, str) and heading.strip()):
                    # no sibling key titles it: the list's own key names it ("yourProfile" -> "Your Profile")
                    heading = " ".join(_key_words(key)).capitalize()
                if heading.strip():
                    parts.append(f"<h3>{html.escape(_inline_text(heading))}</h3>")
                parts.append("<ul>" + "".join(f"<li>{html.escape(entry)}</li>" for entry in entries) + "</ul>")
            elif any(isinstance(item, dict) for item in value):
                flush()
                parts.extend(record_html(item, seen=seen) for item in value if isinstance(item, dict))
        elif isinstance(value, str):
            text = _inline_text(value)
            if not text or text in seen:
                continue
            if role == "item" or key in numbered:
                items.append(text)  # "jobsResp1", "jobsResp2": a list's entries, numbered
                continue
            flush()
            if role == "heading" or (not _is_prose(text) and _names_a_section(text)):
                # ("jobsQualifications": "Qualifikationen": a short string that is a section's heading)
                parts.append(f"<h3>{html.escape(text)}</h3>")
            elif _is_prose(text):
                parts.append(_paragraph(value))
            else:
                continue
            seen.add(text)
    flush()
    return "".join(parts)
