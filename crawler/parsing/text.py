"""Turn job-ad HTML or plain text into clean, structured description text.

The output format is what ``description`` stores and what ``split_sections`` reads:
headings and paragraphs on their own lines, paragraphs separated by one blank line,
one bullet per line written ``- item``, straight quotes, no board chrome. The steps live in
their own modules (:mod:`~crawler.parsing.repair`, :mod:`~crawler.parsing.markup`,
:mod:`~crawler.parsing.bullets`, :mod:`~crawler.parsing.chrome`); this module runs them in order
and is where the rest of the project imports them from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, wraps

from crawler.parsing.bullets import normalise_bullets
from crawler.parsing.chrome import is_chrome_line, strip_chrome
from crawler.parsing.markdown_text import looks_like_markdown, markdown_to_html
from crawler.parsing.markup import html_to_text, looks_like_html
from crawler.parsing.ratings import without_rating_blocks
from crawler.parsing.repair import repair_text

__all__ = [
    "clean_text",
    "html_to_text",
    "is_chrome_line",
    "lines_containing",
    "lowered_for_word_tests",
    "may_match",
    "looks_like_html",
    "normalise_bullets",
    "repair_text",
    "strip_chrome",
]


def clean_text(document: str) -> str:
    """Clean a job-ad description given as HTML (raw or escaped) or plain text.

    Runs the whole pipeline: HTML to structured text (Markdown through a Markdown parser first,
    other text repaired), bullet normalisation, board-chrome removal, blocks that rate the ad dropped. The result is the stored
    ``description``. Literal ``\\n`` sequences (JSON escaped twice) are line breaks.
    """
    if not document or not document.strip():
        return ""
    return _cleaned(document)


# Texts longer than this are worked out every time: a cache of the last few results must not hold
# several multi-megabyte pages (a description may have 3,000,000 characters) in a parse worker.
_KEPT_TEXT_MAX_CHARS = 250_000


def _keeps_recent_results(function: Callable[[str], str]) -> Callable[[str], str]:
    """``function`` (pure, on one string) with its last 8 results kept, for strings up to
    ``_KEPT_TEXT_MAX_CHARS`` characters."""
    kept = lru_cache(maxsize=8)(function)

    @wraps(function)
    def call(text: str) -> str:
        return kept(text) if len(text) <= _KEPT_TEXT_MAX_CHARS else function(text)

    call.cache_clear = kept.cache_clear  # type: ignore[attr-defined]
    return call


# A page's texts are cleaned more than once while one ad is read (the JSON-LD description for the
# page text's header, again inside the combined description; the description again by the text
# parser), and different inputs often reach the same text after markup: both steps are pure, so the
# last few results are kept. Never skip a call because its input looks clean: clean_text is not
# idempotent.
@_keeps_recent_results
def _cleaned(document: str) -> str:
    if "\\n" in document and (document.count("\\n") >= 2 or "\n" not in document.strip()):
        document = document.replace("\\r\\n", "\n").replace("\\n", "\n")
    if looks_like_html(document) and not _markdown_with_inline_html(document):
        text = html_to_text(document)
    elif looks_like_markdown(document):
        text = html_to_text(markdown_to_html(document))
    else:
        text = repair_text(document)
    return _cleaned_text(text)


@_keeps_recent_results
def _cleaned_text(text: str) -> str:
    return without_rating_blocks(strip_chrome(normalise_bullets(text)))


# Block-level tags: a document holding one is an HTML page or fragment, not Markdown with a link.
_BLOCK_TAG = re.compile(r"<(?:p|div|br|li|ul|ol|h[1-6]|table|tr|td|section|article|body|html|head|main|span|strong"
                        r"|b|em|i|script|style)\b", re.IGNORECASE)


def _markdown_with_inline_html(document: str) -> bool:
    """Markdown that writes an inline tag or two (``<a href=…>Apply Here</a>``), or HTML blocks
    between Markdown headings and lists (``<details><summary>…</summary>`` around "#### Main duties:"
    and "- …" items, a ``<div>`` download button above "# SHK-Stelle …"): CommonMark keeps inline HTML
    and passes HTML blocks through, so the Markdown parser reads it with its line structure; the HTML
    reader would join its paragraphs, headings and bullets into one line and keep the "#" marks."""
    # The tag and line patterns first: over a page's HTML they cost a tenth of looks_like_markdown.
    return ((_BLOCK_TAG.search(document) is None or _MARKDOWN_BLOCK_LINE.search(document) is not None)
            and looks_like_markdown(document))


# A line that only Markdown's block syntax opens: an ATX heading ("#### Main duties:") or a list item.
_MARKDOWN_BLOCK_LINE = re.compile(r"^(?:#{1,6}[ \t]+[^\s<]|[ \t]{0,3}[-*+][ \t]+[^\s<])", re.MULTILINE)


def lines_containing(text: str, words: tuple[str, ...]) -> str:
    """The lines of ``text`` that contain one of the (lowercase) words. Field patterns are costly
    on a whole ad; a cheap substring search first narrows the text to the lines that can match."""
    lowered = _lowered(text)
    if len(lowered) != len(text):  # a rare character changed length: offsets would not line up
        lowered = text
    spans = set()
    for word in words:
        position = lowered.find(word)
        while position != -1:
            start = lowered.rfind("\n", 0, position) + 1
            end = lowered.find("\n", position)
            end = len(lowered) if end == -1 else end
            spans.add((start, end))
            position = lowered.find(word, end)
    return "\n".join(text[start:end] for start, end in sorted(spans))


# The field parsers ask lines_containing about the same description one after another (contract
# type, employment type, workplace, languages…): its lowered copy is kept for the last few texts.
@_keeps_recent_results
def _lowered(text: str) -> str:
    return text.lower()


# The non-ASCII characters that re.IGNORECASE matches to an ASCII letter ("ſ" to "s", the Kelvin
# sign to "k"); str.lower() does not map them, so a text holding one skips the word tests.
_ODD_CASE_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def lowered_for_word_tests(text: str) -> str | None:
    """``text`` lowered for :func:`may_match`; None when lowering would not show what a
    case-insensitive pattern sees (the text holds one of ``_ODD_CASE_FOLDS``)."""
    if not text.isascii() and any(character in text for character in _ODD_CASE_FOLDS):
        return None
    return text.lower()


def may_match(lowered: str | None, words: tuple[str, ...]) -> bool:
    """False only when a pattern that needs one of ``words`` (lower case) cannot match the text
    ``lowered`` came from: a substring test costs far less than the pattern's search."""
    return lowered is None or any(word in lowered for word in words)
