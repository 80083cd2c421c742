"""The markup of a page component's source: a React/JSX or TSX module saved in place of the page.

Sites built with React, Next.js or Gatsby keep an ad as a component whose function returns the
page's markup (``export default function Barista() { return (<section>…</section>) }``, ``const Job =
() => (<section …>)``). Read as a page, its code lines become the ad's first text line, and so its
title. The markup between the first tag and the last one is the page; JSX expressions in it are
give a CSS module's class name (``className={style.date}``: ``class="date"``), their string
(``{" "}``) or nothing.
"""

from __future__ import annotations

import re

# Code that opens a module: imports, exports, a function or an arrow function bound to a name.
_MODULE_OPENING = re.compile(r"\A\s*(?:import\b|export\b|const\b|let\b|function\b|\"use client\")")
# Where the markup begins: the first tag after "return (" or an arrow's "=> (".
_MARKUP_START = re.compile(r"(?:\breturn|=>)\s*\(?\s*(?=<[A-Za-z])")
_STRING_EXPRESSION = re.compile(r"\{\s*([\"'`])(.*?)\1\s*\}", re.DOTALL)
# A CSS module's class ("className={style.date}") keeps its name, which says what the element holds.
_MODULE_CLASS = re.compile(r"\bclassName=\{\s*[\w$]+(?:\.[\w$]+)*\.([\w$-]+)\s*\}")
_ATTRIBUTE_EXPRESSION = re.compile(r"\s[\w:-]+=\{[^{}]*\}")
_EXPRESSION = re.compile(r"\{[^{}<>]*\}")


def component_markup(document: str) -> str | None:
    """The markup a component module returns (see the module docstring), or None when ``document``
    is no such module."""
    if not _MODULE_OPENING.match(document):
        return None
    start = _MARKUP_START.search(document)
    if start is None:
        return None
    end = document.rfind(">")
    if end <= start.end():
        return None
    markup = document[start.end():end + 1]
    markup = _MODULE_CLASS.sub(r'class="\1"', markup).replace("className=", "class=")
    markup = _ATTRIBUTE_EXPRESSION.sub("", markup)
    markup = _STRING_EXPRESSION.sub(lambda match: match[2], markup)
    return _EXPRESSION.sub("", markup)
